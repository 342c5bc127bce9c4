#!/bin/sh
# tests/bench/import.sh BINDIR - edu-school import of N schools against
# the baseline of the same file through the sqlite3 shell's .import into a
# bare table.  edu does more per row (validation, a key lookup, an audit
# row with its SHA-256 chain, a synchronous commit), so it is slower; the
# benchmark reports the ratio and fails when it is past MAX_RATIO.
set -eu
bin=$(cd "$1" && pwd)
N=${N:-100000}
MAX_RATIO=${MAX_RATIO:-40}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

awk -v n="$N" 'BEGIN {
	print "school_code,name,kind,ownership,district,address,principal,phone,founded,entry_seats,credit_code,status"
	for (i = 0; i < n; i++)
		printf "7%09d,测试学校%d,primary,public,西城区,北京市西城区某街%d号,张三,010-6601%04d,2001-09-01,%d,,open\n", i, i, i, i % 10000, i % 500
}' > schools.csv

now() { date +%s.%N; }
t0=$(now)
sqlite3 base.db "CREATE TABLE school(school_code TEXT PRIMARY KEY, name, kind, ownership, district, address, principal, phone, founded, entry_seats, credit_code, status);" \
	".mode csv" ".import --skip 1 schools.csv school"
t1=$(now)
"$bin/edu-db" -q -d edu.db init
t2=$(now)
"$bin/edu-school" -q -d edu.db import schools.csv
t3=$(now)
rows=$("$bin/edu-db" -d edu.db query "SELECT count(*) FROM school" | tail -1)
[ "$rows" -eq "$N" ] || { echo "import: $rows rows, want $N"; exit 1; }

awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v max="$MAX_RATIO" 'BEGIN {
	base = b - a; edu = d - c; r = edu / base
	printf "import of %d schools: sqlite3 .import %.2f s (%.0f rows/s), edu-school import %.2f s (%.0f rows/s), ratio %.1f (limit %d)\n", n, base, n / base, edu, n / edu, r, max
	exit r > max
}'
