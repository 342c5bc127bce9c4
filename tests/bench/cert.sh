#!/bin/sh
# tests/bench/cert.sh BINDIR - edu-cert issue --eligible for N graduates
# (default 100,000) and for 2N, each on a fresh database: whole-process
# time and peak RSS.  Fails when N takes more than MAX_SECONDS or 2N more
# than MAX_RATIO times N.  The graduates are written straight into the
# database with the sqlite3 shell: what is measured is the batch alone.
set -eu
bin=$(cd "$1" && pwd)
top=$(cd "$(dirname "$0")/../.." && pwd)
N=${N:-100000}
MAX_SECONDS=${MAX_SECONDS:-2}
MAX_RATIO=${MAX_RATIO:-2.2}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

# A database with n graduates of 2026 spread over the junior-stage schools
# of the sample data (junior, nine-year, complete).
setup() {
	rm -f edu.db edu.db-wal edu.db-shm
	"$bin/edu-db" -q -d edu.db init
	"$bin/edu-db" -q -d edu.db config set bureau.region 110102
	"$bin/edu-school" -q -d edu.db import "$top/examples/schools.csv"
	sqlite3 edu.db "PRAGMA foreign_keys=ON;
	CREATE TEMP TABLE js AS SELECT row_number() OVER (ORDER BY school_code) - 1 AS i, school_code
		FROM school WHERE kind IN ('junior', 'nine-year', 'complete');
	WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1)
	INSERT INTO student (student_no, id_number, name, sex, birth_date, school_code, grade, status)
		SELECT 'G' || printf('%018d', i), printf('%018d', i), '学生' || i,
		CASE i % 2 WHEN 0 THEN 'M' ELSE 'F' END, '2011-05-01',
		(SELECT school_code FROM js WHERE js.i = n.i % (SELECT count(*) FROM js)), 9, 'graduated'
		FROM n;
	INSERT INTO student_event (student_no, day, kind, from_school, to_school, from_grade, to_grade, from_status, to_status)
		SELECT student_no, '2026-07-01', 'graduate', school_code, school_code, 9, 9, 'enrolled', 'graduated' FROM student;"
}

# run N: issue to N graduates; prints "seconds max_rss_kb".
run() {
	setup "$1"
	"$bin/../bench/runstat" "$bin/edu-cert" -q -d edu.db --on 2026-07-05 \
		issue --kind junior --eligible --year 2026 > out.csv 2> time.err
	sed -n 's/^runstat: \([0-9.]*\) s \([0-9]*\) KiB$/\1 \2/p' time.err > time.out
	got=$(($(wc -l < out.csv) - 1))
	[ "$got" -eq "$1" ] || { echo "cert: issued $got, want $1" >&2; exit 1; }
	cat time.out
}

set -- $(run "$N") $(run $((2 * N)))
awk -v n="$N" -v t1="$1" -v r1="$2" -v t2="$3" -v r2="$4" -v max="$MAX_SECONDS" -v ratio="$MAX_RATIO" 'BEGIN {
	r = t2 / (t1 > 0 ? t1 : 0.01)
	printf "issue --eligible: %d graduates %.2f s, peak RSS %.1f MB; %d graduates %.2f s, peak RSS %.1f MB; ratio %.2f (limits %.1f s, %.1fx)\n", n, t1, r1 / 1024, 2 * n, t2, r2 / 1024, r, max, ratio
	exit (t1 > max || r > ratio)
}'
