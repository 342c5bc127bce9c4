#!/bin/sh
# tests/bench/report.sh BINDIR - the whole annual report (edu-report
# annual) on a district of N students, N/20 staff, N/5 assets, N/20 cases,
# N/20 documents and N/10 certificates, against the sqlite3 shell running
# the same counts as plain SQL on the same file in the same run (the
# baseline counts the registers as they are now; the report counts them as
# they stood on the day, through the event tables).  Best of three
# alternating runs each; the ratio must stay under 3 (issue 22).
#
# N=100000 sh tests/bench/report.sh build/out/bin for a quicker look;
# KEEP=1 keeps the database to look at.
set -eu
bin=$(cd "$1" && pwd)
tools=$(cd "$bin/../bench" && pwd)
top=$(cd "$(dirname "$0")/../.." && pwd)
N=${N:-1000000}
MAX_RATIO=${MAX_RATIO:-3}
dir=$(mktemp -d "${TMPDIR:-/tmp}/edu-bench.XXXXXX")
[ -n "${KEEP:-}" ] && echo "kept in $dir" || trap 'rm -rf "$dir"' EXIT
cd "$dir"

# The district: the real tools for the schools, then the registers loaded
# straight into the tables (this measures the report, not the imports).
"$bin/edu-db" -q -d edu.db init
"$bin/edu-school" -q -d edu.db import "$top/examples/schools.csv"
cut -d, -f1,2,3 "$top/examples/schools.csv" > schools.csv
"$tools/gen-students" "$N" schools.csv 1 > students.csv
cols="student_no, id_type, id_number, name, sex, birth_date, ethnicity, school_code, grade, class, entry_date, status, major, disability, placement, zone, address, guardian, phone"
sqlite3 edu.db ".mode csv" ".import students.csv s_in" \
	"INSERT INTO student($cols) SELECT $(echo "$cols" | sed 's/\([a-z_][a-z_]*\)/nullif(\1, '"''"')/g') FROM s_in" \
	"DROP TABLE s_in"
sqlite3 edu.db >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
-- a transfer after the day for every tenth student, a withdrawal in the year for every 50th
INSERT INTO student_event(student_no, day, kind, from_school, to_school, from_grade, to_grade, from_status, to_status)
	SELECT student_no, '2026-10-08', 'transfer', school_code, school_code, grade, grade, status, status
	FROM student WHERE rowid % 10 = 0;
INSERT INTO student_event(student_no, day, kind, from_school, to_school, from_grade, to_grade, from_status, to_status)
	SELECT student_no, '2026-03-02', 'withdraw', school_code, school_code, grade, grade, 'enrolled', 'withdrawn'
	FROM student WHERE rowid % 50 = 1;
UPDATE student SET status = 'withdrawn' WHERE rowid % 50 = 1;
WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < $N / 20 - 1)
INSERT INTO staff(staff_no, name, sex, birth_date, unit, category, title, education, hired_on, status)
	SELECT printf('T%07d', n), '教师' || n, CASE n % 2 WHEN 0 THEN 'M' ELSE 'F' END,
		printf('%04d-%02d-%02d', 1962 + n % 40, n % 12 + 1, n % 28 + 1),
		(SELECT school_code FROM (SELECT school_code, row_number() OVER (ORDER BY school_code) - 1 AS k FROM school) WHERE k = n % 39),
		CASE WHEN n % 10 = 0 THEN 'worker' ELSE 'teacher' END,
		CASE n % 4 WHEN 0 THEN '二级教师' WHEN 1 THEN '一级教师' WHEN 2 THEN '高级教师' END,
		CASE n % 3 WHEN 0 THEN '本科' WHEN 1 THEN '硕士研究生' ELSE '大专' END,
		printf('%04d-09-01', 1985 + n % 40), 'active' FROM i;
WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < $N / 5 - 1)
INSERT INTO asset(tag, name, category, unit, acquired_on, cost, status, disposed_on)
	SELECT printf('BX-%07d', n), '资产' || n,
		CASE n % 6 WHEN 0 THEN 'computer' WHEN 1 THEN 'office' WHEN 2 THEN 'vehicle'
		WHEN 3 THEN 'furniture' WHEN 4 THEN 'machinery' ELSE 'electrical' END,
		'2111010201', printf('%04d-%02d-%02d', 2010 + n % 17, n % 12 + 1, n % 28 + 1),
		100000 + (n * 7919) % 50000000,
		CASE WHEN n % 40 = 0 THEN 'disposed' ELSE 'in-use' END,
		CASE WHEN n % 40 = 0 THEN '2026-12-01' END FROM i;
WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < $N / 20 - 1)
INSERT INTO petition(case_no, kind, channel, category, received_on, petitioner, subject, status,
		accept_due, reply_due, replied_on)
	SELECT printf('XF-%04d-%05d', 2021 + n / 10000, n % 10000 + 1), 'XF', 'letter', 'claim',
		printf('%04d-%02d-%02d', 2021 + n / 10000, n % 12 + 1, n % 28 + 1), '来信人', '事项',
		CASE WHEN n % 7 = 0 THEN 'accepted' ELSE 'replied' END,
		printf('%04d-%02d-%02d', 2021 + n / 10000, n % 12 + 1, n % 28 + 1),
		date(printf('%04d-%02d-%02d', 2021 + n / 10000, n % 12 + 1, n % 28 + 1), '+60 days'),
		CASE WHEN n % 7 <> 0 THEN date(printf('%04d-%02d-%02d', 2021 + n / 10000, n % 12 + 1, n % 28 + 1),
			printf('+%d days', n % 70)) END FROM i;
WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < $N / 20 - 1)
INSERT INTO document(doc_no, direction, issuer, title, doc_date, received_on)
	SELECT printf('D%07d', n), CASE n % 2 WHEN 0 THEN 'in' ELSE 'out' END, '市教委', '通知',
		printf('%04d-%02d-%02d', 2021 + n % 6, n % 12 + 1, n % 28 + 1),
		CASE n % 2 WHEN 0 THEN printf('%04d-%02d-%02d', 2021 + n % 6, n % 12 + 1, n % 28 + 1) END FROM i;
WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < $N / 10 - 1)
INSERT INTO certificate(cert_no, kind, holder, name, sex, birth_date, year, issued_on)
	SELECT printf('C%09d', n), CASE n % 2 WHEN 0 THEN 'junior' ELSE 'senior' END,
		printf('H%09d', n), '学生', 'M', '2010-01-01', 2020 + n % 7,
		printf('%04d-07-05', 2020 + n % 7) FROM i;
COMMIT;
SQL

# The baseline: the same figures as plain SQL over the tables as they are.
# Every table of the report has its counts here (the entrants, transfers
# in, schools new and closed, titles, licences, the exam, the staff in
# post and retiring, depreciation, disposals and revocations were missing
# until issue 22's speed work: the report counted more than its baseline).
cat > base.sql <<'SQL'
SELECT kind, ownership, count(*) FROM school WHERE status = 'open' GROUP BY 1, 2;
SELECT ownership, count(*) FROM school WHERE status = 'open' GROUP BY 1;
SELECT school_code, name, kind, ownership, founded FROM school WHERE founded > '2025-09-01' AND founded <= '2026-09-01';
SELECT key, min(date(at)) FROM audit WHERE entity = 'school' AND json_valid(change) AND json_extract(change, '$.status[1]') = 'closed' AND date(at) > '2025-09-01' AND date(at) <= '2026-09-01' GROUP BY 1;
SELECT title, count(*) FROM designation WHERE since <= '2026-09-01' AND (until IS NULL OR until >= '2026-09-01') GROUP BY 1;
SELECT school_code, number, expires FROM licence WHERE expires <= '2027-09-01';
SELECT sc.kind, s.grade, s.sex, count(*) FROM student s JOIN school sc USING (school_code) WHERE s.status = 'enrolled' GROUP BY 1, 2, 3;
SELECT grade, sex, count(*) FROM student WHERE status = 'enrolled' GROUP BY 1, 2;
SELECT ethnicity, count(*) FROM student WHERE status = 'enrolled' AND ethnicity <> '汉族' GROUP BY 1;
SELECT sc.kind, e.kind, count(*) FROM student_event e JOIN school sc ON sc.school_code = e.from_school WHERE e.day > '2025-09-01' AND e.day <= '2026-09-01' GROUP BY 1, 2;
SELECT sc.kind, count(*) FROM student_event e JOIN school sc ON sc.school_code = e.to_school WHERE e.kind IN ('transfer', 'enter') AND e.day > '2025-09-01' AND e.day <= '2026-09-01' GROUP BY 1;
SELECT sc.kind, count(*) FROM student s JOIN school sc USING (school_code) WHERE s.entry_date > '2025-09-01' AND s.entry_date <= '2026-09-01' GROUP BY 1;
SELECT count(*), count(a.school_code) FROM candidate c LEFT JOIN admission a ON a.year = c.year AND a.exam_no = c.exam_no WHERE c.year = 2026;
SELECT batch, round, count(*) FROM admission WHERE year = 2026 AND school_code IS NOT NULL GROUP BY 1, 2;
SELECT s.school_code, s.seats, count(a.exam_no), min(c.total) FROM seat s LEFT JOIN admission a ON a.year = s.year AND a.school_code = s.school_code LEFT JOIN candidate c ON c.year = a.year AND c.exam_no = a.exam_no WHERE s.year = 2026 GROUP BY 1;
SELECT disability, placement, count(*) FROM student WHERE status = 'enrolled' AND disability IS NOT NULL GROUP BY 1, 2;
SELECT title, sex, count(*) FROM staff WHERE status = 'active' GROUP BY 1, 2;
SELECT (2026 - CAST(substr(birth_date, 1, 4) AS INTEGER)) / 10, sex, count(*) FROM staff WHERE status = 'active' GROUP BY 1, 2;
SELECT education, sex, count(*) FROM staff WHERE status = 'active' GROUP BY 1, 2;
SELECT s.school_code, count(*), (SELECT count(*) FROM staff t WHERE t.unit = s.school_code AND t.category = 'teacher') FROM student s WHERE s.status = 'enrolled' GROUP BY 1;
SELECT unit, count(*) FROM staff WHERE status = 'active' AND on_establishment = 'yes' GROUP BY 1;
SELECT staff_no, name, sex, unit FROM staff WHERE status = 'active' AND CAST(substr(birth_date, 1, 4) AS INTEGER) + CASE WHEN sex = 'M' THEN 60 WHEN category = 'worker' THEN 50 ELSE 55 END = 2027;
SELECT category, count(*), sum(cost), sum(CASE WHEN life_years > 0 THEN min(cost, cost * max(0, 2026 * 12 + 8 - CAST(substr(acquired_on, 1, 4) AS INTEGER) * 12 - CAST(substr(acquired_on, 6, 2) AS INTEGER) + 1) / (life_years * 12)) ELSE 0 END) FROM asset WHERE status <> 'disposed' GROUP BY 1;
SELECT category, count(*), sum(cost) FROM asset WHERE acquired_on > '2025-09-01' AND acquired_on <= '2026-09-01' GROUP BY 1;
SELECT category, count(*), sum(cost) FROM asset WHERE disposed_on > '2025-09-01' AND disposed_on <= '2026-09-01' GROUP BY 1;
SELECT substr(received_on, 1, 7), kind, count(*) FROM petition WHERE received_on > '2025-09-01' AND received_on <= '2026-09-01' GROUP BY 1, 2;
SELECT substr(reply_due, 1, 7), count(*), sum(replied_on <= reply_due) FROM petition WHERE reply_due > '2025-09-01' AND reply_due <= '2026-09-01' GROUP BY 1;
SELECT kind, count(*) FROM petition WHERE status NOT IN ('replied', 'closed') AND reply_due < '2026-09-01' GROUP BY 1;
SELECT substr(coalesce(received_on, doc_date), 1, 7), direction, count(*) FROM document GROUP BY 1, 2;
SELECT kind, count(*) FROM certificate WHERE issued_on > '2025-09-01' AND issued_on <= '2026-09-01' GROUP BY 1;
SELECT kind, count(*) FROM certificate WHERE revoked_on > '2025-09-01' AND revoked_on <= '2026-09-01' GROUP BY 1;
SQL

secs() { sed -n 's/^runstat: \([0-9.]*\) s .*/\1/p' "$1" | tail -1; }
kib() { sed -n 's/^runstat: .* s \([0-9]*\) KiB/\1/p' "$1" | tail -1; }
best_base= best_edu=
for i in 1 2 3; do
	"$tools/runstat" sqlite3 edu.db < base.sql > base.out 2> base.t
	"$tools/runstat" "$bin/edu-report" -d edu.db annual --year 2026 > edu.out 2> edu.t
	b=$(secs base.t) e=$(secs edu.t)
	best_base=$(awk -v a="${best_base:-$b}" -v b="$b" 'BEGIN { print (b < a ? b : a) }')
	best_edu=$(awk -v a="${best_edu:-$e}" -v b="$e" 'BEGIN { print (b < a ? b : a) }')
done
# The report saw the district.
total=$(awk -F, '$2 == "by-grade" && $3 == "total" && $4 == "total" { print $5 }' edu.out)
[ "${total:-0}" -gt $((N / 2)) ] || { echo "report: $total students counted, want most of $N"; exit 1; }
awk -v n="$N" -v b="$best_base" -v e="$best_edu" -v l="$MAX_RATIO" -v m="$(kib edu.t)" 'BEGIN {
	r = e / b
	printf "report   annual on %d students, %d staff, %d assets, %d cases: edu-report %.2f s, sqlite3 plain SQL %.2f s, ratio %.2f (limit %.1f), peak RSS %d MiB %s\n",
		n, n / 20, n / 5, n / 20, e, b, r, l, m / 1024, r <= l ? "ok" : "TOO SLOW"
	exit r > l }'
