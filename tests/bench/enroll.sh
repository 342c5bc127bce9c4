#!/bin/sh
# tests/bench/enroll.sh BINDIR - the student registry at a million rows
# (issue 3), each figure against a baseline measured in the same run:
#
#   import   edu-enroll import, every row validated, against the sqlite3
#            shell's .import of the same file into a table with the same
#            columns, primary key and unique index: at most 0.6 of its
#            time, and at most 100 MB peak RSS; best of three alternating
#            runs, on the generator's rows and on rows of a second shape
#            (gen-students SHAPE 2: longer addresses, empty optional
#            columns, another key order), side by side
#   list     all rows, against `sqlite3 -csv` selecting the same columns:
#            at most 1.0 of its time
#   show     one student, whole process, median of 21: under 5 ms
#   scaling  2N rows (shape 1) take at most 2.1 times N's, best of three
#            alternating runs, each after a sync; peak RSS printed beside
#            it.  SCALE=0 leaves it out (it takes about a third of the
#            script's time)
#
# N=200000 sh tests/bench/enroll.sh build/out/bin for a quicker look.
set -eu
bin=$(cd "$1" && pwd)
tools=$(cd "$bin/../bench" && pwd)
top=$(cd "$(dirname "$0")/../.." && pwd)
N=${N:-1000000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/edu-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cd "$dir"
fail=0

# "runstat: 1.234 s 5678 KiB" -> the seconds, or the KiB.
secs() { sed -n 's/^runstat: \([0-9.]*\) s .*/\1/p' "$1" | tail -1; }
kib() { sed -n 's/^runstat: .* s \([0-9]*\) KiB/\1/p' "$1" | tail -1; }
check() {	# name got baseline limit unit
	awk -v n="$1" -v g="$2" -v b="$3" -v l="$4" 'BEGIN {
		r = g / b
		printf "%-8s edu %.3f, baseline %.3f, ratio %.2f (limit %.2f) %s\n", n, g, b, r, l, r <= l ? "ok" : "TOO SLOW"
		exit r > l }' || fail=1
}

cut -d, -f1,2,3 "$top/examples/schools.csv" > schools.csv
"$tools/gen-students" "$N" schools.csv 1 > s1.csv
[ "${SCALE:-1}" = 0 ] || "$tools/gen-students" $((2 * N)) schools.csv 2 > s2.csv
"$tools/gen-students" "$N" schools.csv 3 2 > t1.csv
cols="student_no, id_type, id_number, name, sex, birth_date, ethnicity, school_code, grade, class, entry_date, status, major, disability, placement, zone, address, guardian, phone"

fresh() {
	rm -f edu.db edu.db-wal edu.db-shm
	"$bin/edu-db" -q -d edu.db init
	"$bin/edu-school" -q -d edu.db import "$top/examples/schools.csv"
}

# import, N rows: best of three alternating runs, for each shape; the
# last run's database stays for list and show.
best() { awk -v a="${1:-$2}" -v b="$2" 'BEGIN { print (b < a ? b : a) }'; }
import_bench() {	# FILE NAME
	be= bb= rss=0 brss=0
	for i in 1 2 3; do
		rm -f base.db
		"$tools/runstat" sqlite3 base.db "CREATE TABLE student($cols, PRIMARY KEY (student_no)); CREATE UNIQUE INDEX student_id ON student(id_number, id_type);" \
			".mode csv" ".import --skip 1 $1 student" 2> base.t
		fresh
		"$tools/runstat" "$bin/edu-enroll" -q -d edu.db import "$1" 2> edu.t
		rows=$("$bin/edu-db" -d edu.db query "SELECT count(*) FROM student" | tail -1)
		[ "$rows" -eq "$N" ] || { echo "import: $rows rows, want $N"; cat edu.t; exit 1; }
		be=$(best "$be" "$(secs edu.t)") bb=$(best "$bb" "$(secs base.t)")
		[ "$(kib edu.t)" -gt "$rss" ] && rss=$(kib edu.t)
		[ "$(kib base.t)" -gt "$brss" ] && brss=$(kib base.t)
	done
	check "$2" "$be" "$bb" 0.6
	echo "$2 peak RSS $((rss / 1024)) MiB (sqlite3 .import $((brss / 1024)) MiB; limit 100 MiB)"
	[ "$rss" -le 102400 ] || { echo "import uses too much memory"; fail=1; }
}
echo "import of $N students, best of three; the second shape: longer addresses, empty optional columns, another key order"
import_bench t1.csv import2
import_bench s1.csv import

# list, N rows
"$tools/runstat" sqlite3 -csv -header edu.db "SELECT $cols FROM student" > base.csv 2> base.t
"$tools/runstat" "$bin/edu-enroll" -d edu.db list > edu.csv 2> edu.t
[ "$(wc -l < edu.csv)" -eq $((N + 1)) ] || { echo "list: wrong number of lines"; exit 1; }
check list "$(secs edu.t)" "$(secs base.t)" 1.0

# show: the whole process, median of 21 runs, by student number
key=$(sed -n "$((N / 2 + 1))p" edu.csv | cut -d, -f1)
for i in $(seq 21); do
	"$tools/runstat" "$bin/edu-enroll" -d edu.db show "$key" 2>> show.t > /dev/null
	"$tools/runstat" sqlite3 edu.db "SELECT * FROM student WHERE student_no = '$key'" 2>> base-show.t > /dev/null
done
med() { sed -n 's/^runstat: \([0-9.]*\) s .*/\1/p' "$1" | sort -n | sed -n 11p; }
awk -v g="$(med show.t)" -v b="$(med base-show.t)" 'BEGIN {
	printf "show     median %.2f ms, sqlite3 shell, same lookup: %.2f ms, ratio %.2f (limit 5 ms) %s\n", g * 1000, b * 1000, g / (b > 0 ? b : 0.00001), g < 0.005 ? "ok" : "TOO SLOW"
	exit g >= 0.005 }' || fail=1

# scaling: 2N rows against N, best of three alternating runs, each
# started with the disk written back (sync, not timed): the import runs
# above alternate with the sqlite3 shell's, whose writes land on them.
if [ "${SCALE:-1}" != 0 ]; then
	b1= b2= rss2=0
	for i in 1 2 3; do
		fresh
		sync
		"$tools/runstat" "$bin/edu-enroll" -q -d edu.db import s1.csv 2> edu1.t
		b1=$(best "$b1" "$(secs edu1.t)")
		fresh
		sync
		"$tools/runstat" "$bin/edu-enroll" -q -d edu.db import s2.csv 2> edu2.t
		b2=$(best "$b2" "$(secs edu2.t)")
		[ "$(kib edu2.t)" -gt "$rss2" ] && rss2=$(kib edu2.t)
	done
	echo "import of $((2 * N)) students against $N, best of three: $b2 s and $b1 s, peak RSS $((rss2 / 1024)) MiB"
	check scaling "$b2" "$b1" 2.1
fi
exit $fail
