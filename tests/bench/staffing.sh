#!/bin/sh
# tests/bench/staffing.sh BINDIR - graduate placement at the scale of a
# province (issue 20): S schools (default 5,000, senior and junior in
# turn, 60 students each) and G graduates (default 50,000) with five
# choices each, placed by `edu-cadre place`, which also counts the
# establishment from the registry.  It must take less time than the
# median `edu-exam admit` of 200,000 candidates measured by exam.sh in
# the same `make bench` run (which runs it first and leaves the time in
# BINDIR/../bench/exam-admit.secs), or than ADMIT_SECS when given.
# The schools, students and graduates are set up with the sqlite3 shell:
# they are not what is measured.
set -eu
bin=$(cd "$1" && pwd)
S=${S:-5000}
G=${G:-50000}
limit=${ADMIT_SECS:-$(cat "$bin/../bench/exam-admit.secs" 2>/dev/null || true)}
if [ -z "$limit" ]; then
	echo "staffing.sh: no admit time to compare with: run tests/bench/exam.sh first (make bench does), or set ADMIT_SECS" >&2
	exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

"$bin/edu-db" -q -d s.db init
sqlite3 s.db "
WITH RECURSIVE i(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM i WHERE k < $S)
INSERT INTO school (school_code, name, kind, ownership, status)
  SELECT printf('32%08d', k), '学校' || k, CASE k % 2 WHEN 0 THEN 'senior' ELSE 'junior' END,
    'public', 'open' FROM i;
WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < $S * 60 - 1)
INSERT INTO student (student_no, id_type, id_number, name, sex, birth_date, school_code, grade,
  status)
  SELECT 'L110102' || strftime('%Y%m%d', '2008-09-01', '+' || (k / 10000) || ' days')
    || printf('%04d', k % 10000), 'passport', 'P' || k, '学生', 'M', '2009-03-01',
    printf('32%08d', k / 60 + 1), CASE (k / 60 + 1) % 2 WHEN 0 THEN 11 ELSE 8 END,
    'enrolled' FROM i;
WITH RECURSIVE i(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM i WHERE k < $G - 1)
INSERT INTO graduate (year, id_number, name, sex, subject, stage, score, cert_no,
  choice1, choice2, choice3, choice4, choice5)
  SELECT 2026, printf('G%08d', k), '毕业生', 'M',
    CASE abs(random()) % 3 WHEN 0 THEN 'chinese' WHEN 1 THEN 'math' ELSE 'english' END,
    CASE k % 2 WHEN 0 THEN 'senior' ELSE 'junior' END,
    600 + abs(random()) % 400, CASE k % 3 WHEN 0 THEN NULL ELSE '20261101041000001' END,
    printf('32%08d', (abs(random()) % ($S / 2)) * 2 + 2 - k % 2),
    printf('32%08d', (abs(random()) % ($S / 2)) * 2 + 2 - k % 2),
    printf('32%08d', (abs(random()) % ($S / 2)) * 2 + 2 - k % 2),
    printf('32%08d', (abs(random()) % ($S / 2)) * 2 + 2 - k % 2),
    printf('32%08d', (abs(random()) % ($S / 2)) * 2 + 2 - k % 2) FROM i;" >/dev/null

"$bin/../bench/runstat" "$bin/edu-cadre" -q -d s.db place --year 2026 --seed 1 --on 2026-07-01 \
	> plan.csv 2> time.err || [ $? -eq 1 ]
read -r secs rss <<EOT
$(sed -n 's/^runstat: \([0-9.]*\) s \([0-9]*\) KiB$/\1 \2/p' time.err | tail -1)
EOT
placed=$(awk -F, 'NR > 1 && $6 != ""' plan.csv | wc -l | tr -d ' ')
echo "place of $G graduates over $S schools: $secs s, peak RSS $rss KB, $placed placed"
awk -v t="$secs" -v max="$limit" 'BEGIN {
	printf "place: %.2f s (limit: admit of 200,000 candidates, %.2f s)\n", t, max
	exit (t >= max)
}'
