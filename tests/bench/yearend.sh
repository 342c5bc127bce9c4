#!/bin/sh
# tests/bench/yearend.sh BINDIR - the year-end batches on a register of N
# students (default 1,000,000; issue 23), each against the sqlite3 shell
# making the same change in plain SQL on a copy of the same database in
# the same run, best of three alternating runs, with peak RSS:
#
#   promote   edu-enroll promote --year 2027 --skip-final (grades 6, 9
#             and 12 stay, as in the SQL; without it promote waits for
#             them to graduate) against an INSERT ... SELECT of the
#             promote events and an UPDATE of the grades
#   graduate  edu-enroll list --grade G piped into edu-enroll graduate,
#             for the last grades 6, 9 and 12 (0.3 N students), against
#             an INSERT ... SELECT of the events and an UPDATE of the status
#   cert      edu-cert issue --eligible --kind junior for 0.3 N junior
#             graduates, against an INSERT ... SELECT of the certificates
#
# edu writes an event and an audit entry per student (promote: one audit
# entry for the batch) and checks every student, so it is slower; each
# ratio must stay at or under MAX_RATIO (3) and each peak RSS under
# MAX_RSS_MIB (200).
#
# N=100000 sh tests/bench/yearend.sh build/out/bin for a quicker look;
# KEEP=1 keeps the databases to look at.
set -eu
bin=$(cd "$1" && pwd)
tools=$(cd "$bin/../bench" && pwd)
top=$(cd "$(dirname "$0")/../.." && pwd)
N=${N:-1000000}
MAX_RATIO=${MAX_RATIO:-3}
MAX_RSS_MIB=${MAX_RSS_MIB:-200}
dir=$(mktemp -d "${TMPDIR:-/tmp}/edu-bench.XXXXXX")
[ -n "${KEEP:-}" ] && echo "kept in $dir" || trap 'rm -rf "$dir"' EXIT
cd "$dir"
fail=0

# The register: the real tools for the schools, the students loaded
# straight into the table (what is measured is the batches).  gen-students
# puts a twelfth of them in each grade; a fifth of grades 5, 8 and 11 go
# up one so that 0.3 N are in the last grade of a stage, the issue's
# figure for the graduates of a year.
"$bin/edu-db" -q -d reg.db init
"$bin/edu-db" -q -d reg.db config set bureau.region 110102
"$bin/edu-school" -q -d reg.db import "$top/examples/schools.csv"
cut -d, -f1,2,3 "$top/examples/schools.csv" > schools.csv
"$tools/gen-students" "$N" schools.csv 1 > students.csv
cols="student_no, id_type, id_number, name, sex, birth_date, ethnicity, school_code, grade, class, entry_date, status, major, disability, placement, zone, address, guardian, phone"
sqlite3 reg.db ".mode csv" ".import students.csv s_in" \
	"INSERT INTO student($cols) SELECT $(echo "$cols" | sed 's/\([a-z_][a-z_]*\)/nullif(\1, '"''"')/g') FROM s_in" \
	"DROP TABLE s_in" \
	"UPDATE student SET grade = grade + 1 WHERE grade IN (5, 8, 11) AND rowid % 5 = 0" \
	"PRAGMA journal_mode = WAL" "VACUUM" > /dev/null
rm -f students.csv

# The graduates for the certificates: a register of the same N where 0.3 N
# students graduated from a junior-stage school on 2027-07-01, the rest
# as they were.
cp reg.db grad.db
sqlite3 grad.db >/dev/null <<SQL
CREATE TEMP TABLE js AS SELECT row_number() OVER (ORDER BY school_code) - 1 AS i, school_code
	FROM school WHERE kind IN ('junior', 'nine-year', 'complete');
BEGIN;
UPDATE student SET grade = 9, status = 'graduated',
	school_code = (SELECT school_code FROM js WHERE js.i = student.rowid % (SELECT count(*) FROM js))
	WHERE rowid % 10 < 3;
INSERT INTO student_event (student_no, day, kind, from_school, to_school, from_grade, to_grade, from_status, to_status)
	SELECT student_no, '2027-07-01', 'graduate', school_code, school_code, 9, 9, 'enrolled', 'graduated'
	FROM student WHERE status = 'graduated';
COMMIT;
SQL
graduates=$(sqlite3 grad.db "SELECT count(*) FROM student WHERE status = 'graduated'")

secs() { sed -n 's/^runstat: \([0-9.]*\) s .*/\1/p' "$1" | tail -1; }
kib() { sed -n 's/^runstat: .* s \([0-9]*\) KiB/\1/p' "$1" | tail -1; }
min() { awk -v a="${1:-$2}" -v b="$2" 'BEGIN { print (b < a ? b : a) }'; }
max() { awk -v a="${1:-$2}" -v b="$2" 'BEGIN { print (b > a ? b : a) }'; }
# fresh FROM: a copy of FROM as e.db and b.db, with no -wal left over.
fresh() {
	rm -f e.db e.db-wal e.db-shm b.db b.db-wal b.db-shm
	cp "$1" e.db
	cp "$1" b.db
}
# report NAME COUNT EDU BASE RSS
report() {
	awk -v n="$1" -v c="$2" -v e="$3" -v b="$4" -v m="$5" -v l="$MAX_RATIO" -v lm="$MAX_RSS_MIB" 'BEGIN {
		r = e / (b > 0 ? b : 0.001)
		printf "%-9s %d students: edu %.2f s, sqlite3 plain SQL %.2f s, ratio %.2f (limit %.1f), peak RSS %d MiB (limit %d) %s\n",
			n, c, e, b, r, l, m / 1024, lm, (r <= l && m <= lm * 1024) ? "ok" : "TOO SLOW"
		exit r > l || m > lm * 1024 }' || fail=1
}
# count DB SQL: one number from DB.
count() { sqlite3 "$1" "$2"; }

# measure FROM EDU SQL: best of three alternating runs of the shell
# command EDU on e.db and of the sqlite3 shell running SQL on b.db, each on
# a fresh copy of FROM; sets be, bb (seconds) and rss (KiB, edu's).
measure() {
	be= bb= rss=
	for i in 1 2 3; do
		fresh "$1"
		"$tools/runstat" sh -c "$2" sh "$bin" > /dev/null 2> edu.t
		"$tools/runstat" sqlite3 b.db "BEGIN; $3; COMMIT;" 2> base.t
		be=$(min "$be" "$(secs edu.t)") bb=$(min "$bb" "$(secs base.t)") rss=$(max "$rss" "$(kib edu.t)")
	done
}

# promote --year 2027
measure reg.db '"$1/edu-enroll" -q -d e.db --on 2027-07-10 promote --year 2027 --skip-final' "
	INSERT INTO student_event (student_no, day, kind, year, from_school, to_school, from_grade, to_grade, from_status, to_status)
		SELECT student_no, '2027-07-10', 'promote', 2027, school_code, school_code, grade, grade + 1, status, status
		FROM student WHERE status = 'enrolled' AND grade NOT IN (6, 9, 12);
	UPDATE student SET grade = grade + 1 WHERE status = 'enrolled' AND grade NOT IN (6, 9, 12)"
q="SELECT count(*) FROM student_event WHERE kind = 'promote' AND year = 2027"
promoted=$(count e.db "$q")
[ "$promoted" -eq "$(count b.db "$q")" ] && [ "$promoted" -gt $((N / 2)) ] ||
	{ echo "promote: $promoted promoted, sqlite3 $(count b.db "$q")"; exit 1; }
report promote "$promoted" "$be" "$bb" "$rss"

# graduate: the last grades, listed and piped
measure reg.db '{ "$1/edu-enroll" -d e.db list --status enrolled --grade 6
	for g in 9 12; do "$1/edu-enroll" -d e.db list --status enrolled --grade $g | tail -n +2; done; } |
	"$1/edu-enroll" -q -d e.db --on 2027-07-01 graduate' "
	INSERT INTO student_event (student_no, day, kind, from_school, to_school, from_grade, to_grade, from_status, to_status)
		SELECT student_no, '2027-07-01', 'graduate', school_code, school_code, grade, grade, status, 'graduated'
		FROM student WHERE status = 'enrolled' AND grade IN (6, 9, 12);
	UPDATE student SET status = 'graduated' WHERE status = 'enrolled' AND grade IN (6, 9, 12)"
q="SELECT count(*) FROM student_event WHERE kind = 'graduate'"
graduated=$(count e.db "$q")
[ "$graduated" -eq "$(count b.db "$q")" ] && [ "$graduated" -gt $((N / 4)) ] ||
	{ echo "graduate: $graduated graduated, sqlite3 $(count b.db "$q")"; exit 1; }
report graduate "$graduated" "$be" "$bb" "$rss"

# edu-cert issue --eligible
measure grad.db '"$1/edu-cert" -q -d e.db --on 2027-07-05 issue --kind junior --eligible --year 2027' "
	INSERT INTO certificate (cert_no, kind, holder, name, sex, birth_date, id_number, school_code, school_name, year, issued_on, batch)
		SELECT printf('1101022027%08d', row_number() OVER (ORDER BY e.student_no)), 'junior', e.student_no,
			s.name, s.sex, s.birth_date, s.id_number, e.from_school, sc.name, 2027, '2027-07-05', 'b1'
		FROM student_event e JOIN student s ON s.student_no = e.student_no
		JOIN school sc ON sc.school_code = e.from_school
		WHERE e.kind = 'graduate' AND e.day BETWEEN '2027-01-01' AND '2027-12-31'"
q="SELECT count(*) FROM certificate"
issued=$(count e.db "$q")
[ "$issued" -eq "$graduates" ] && [ "$issued" -eq "$(count b.db "$q")" ] ||
	{ echo "cert: $issued issued, sqlite3 $(count b.db "$q"), want $graduates"; exit 1; }
report cert "$issued" "$be" "$bb" "$rss"
exit $fail
