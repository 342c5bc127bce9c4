#!/bin/sh
# Crash: the longest writes killed with SIGKILL at a random moment.
# After each kill `edu-db check` passes, the database holds exactly the
# state before or the state after (never a mix), and the re-run
# completes without reusing or skipping a number.
#
#   STRESS_TRIALS   kills per write (20)
#   STRESS_STUDENTS rows of the student import (200000)
#   STRESS_CASES    cases of the petition import (10000)
#   STRESS_CERTS    about the graduates of the certificate batch (50000)
#   STRESS_SEED     the seed of the kill moments (the day's date)
#
# The writes: a student import (edu-enroll, the bulk path), a petition
# import that numbers every case from a sequence, and a recorded
# depreciation run, a batch of junior graduation certificates, and an
# admission run over the graduates' exam candidates.
. "$(dirname "$0")/lib.sh"
trials=${STRESS_TRIALS:-20}
students=${STRESS_STUDENTS:-200000}
cases=${STRESS_CASES:-10000}
seed=${STRESS_SEED:-$(date +%Y%m%d)}
gen=${EDU_GEN_STUDENTS:-$top/build/out/bench/gen-students}
[ -x "$gen" ] || { echo "Bail out! no $gen (make stress builds it)"; exit 1; }

sample_db || { echo "Bail out! no sample database"; exit 1; }
edu-assets -q import "$examples/assets.csv"
edu-school list >schools.csv
"$gen" "$students" schools.csv 1 >students.csv
awk -v n="$cases" 'BEGIN { print "kind,channel,category,received_on,petitioner,subject"
	for (i = 1; i <= n; i++) printf "XF,letter,claim,2026-02-01,来信人%d,学位问题%d\n", i, i }' >cases.csv
sqlite3 "$EDU_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$EDU_DB" base.db

# What a write changes, as one line: the tables' contents (sqlite3's
# .sha3sum) and the counts of the rows that carry the time (audit, run).
fp() {
	for t in student student_event petition petition_event sequence asset asset_event certificate certificate_event admission; do
		sqlite3 "$EDU_DB" ".sha3sum $t" | cut -c1-16
	done | tr '\n' ' '
	# admission_event without the time it was recorded: a run killed
	# after its commit and the run to the end may be a second apart.
	sqlite3 "$EDU_DB" "SELECT id, year, kind, day, seed, admitted, unadmitted FROM admission_event" |
		cksum | tr '\n' ' '
	sqlite3 "$EDU_DB" "SELECT count(*) FROM audit" "SELECT count(*) FROM run" | tr '\n' ' '
}
fresh() { cp base.db "$EDU_DB"; rm -f "$EDU_DB-wal" "$EDU_DB-shm"; }
now_ms() { date +%s%3N; }
# The i-th kill moment, in seconds, within [0, max_ms].
moment() { awk -v s="$seed" -v i="$1" -v m="$2" 'BEGIN { srand(s * 1000 + i); printf "%.3f", rand() * m / 1000 }'; }

total_fail=0
# crash NAME RERUN_CHECK CMD...: the write run once to the end for the
# state after, then killed `trials` times; RERUN_CHECK is a function run
# after the re-run, with the state it ended in as $1.
crash() {
	name=$1 recheck=$2; shift 2
	fresh
	before=$(fp)
	t0=$(now_ms); "$@" >/dev/null 2>&1; rc=$?; t1=$(now_ms)
	t_eq "$name: runs to the end" "$rc" 0
	after=$(fp)
	[ "$before" != "$after" ] || t_fail "$name: the write changes something"
	dur=$((t1 - t0))
	killed=0 mixes=0 checks=0 reruns=0 i=0
	while [ $i -lt "$trials" ]; do
		i=$((i + 1))
		fresh
		"$@" >/dev/null 2>&1 &
		pid=$!
		sleep "$(moment "$i" "$dur")"
		kill -KILL $pid 2>/dev/null
		wait $pid 2>/dev/null
		state=$(fp)
		if [ "$state" = "$before" ]; then was=before killed=$((killed + 1))
		elif [ "$state" = "$after" ]; then was=after
		else was=mix; mixes=$((mixes + 1)); fi
		edu-db -q check >/dev/null 2>&1 || checks=$((checks + 1))
		"$recheck" "$was" || reruns=$((reruns + 1))
	done
	t_eq "$name: $trials kills ($killed before the commit): never a mix of before and after" "$mixes" 0
	t_eq "$name: edu-db check passes after every kill" "$checks" 0
	t_eq "$name: every re-run completes, numbers neither reused nor skipped" "$reruns" 0
	f=$((mixes + checks + reruns))
	total_fail=$((total_fail + f))
	figure "crash" "$name: trials=$trials killed_before_commit=$killed duration_ms=$dur failures=$f"
}

# Students: the re-run completes (from before) or finds them all there.
students_rerun() {
	[ "$1" = mix ] && return 1
	if [ "$1" = before ]; then
		edu-enroll -q import students.csv >/dev/null 2>&1 || return 1
	fi
	[ "$(fp)" = "$after" ]
}
crash "student import of $students rows" students_rerun edu-enroll -q import students.csv

# Cases: numbered 1..N with no gap, and the sequence at N, also after the
# re-run (which numbers the next ones).
cases_rerun() {
	[ "$1" = mix ] && return 1
	edu-petition -q import cases.csv >/dev/null 2>&1 || return 1
	sqlite3 "$EDU_DB" "SELECT count(*) = max(CAST(substr(case_no, 9) AS INTEGER))
		AND count(DISTINCT case_no) = count(*)
		AND (SELECT last FROM sequence WHERE scope = 'petition.XF.2026') = count(*)
		AND count(*) = $([ "$1" = after ] && echo $((2 * cases)) || echo "$cases") FROM petition" | grep -qx 1
}
crash "petition import of $cases numbered cases" cases_rerun edu-petition -q import cases.csv

# A recorded depreciation run: one run row, or none.
depr_rerun() {
	[ "$1" = mix ] && return 1
	edu-assets -q depreciate --as-of 2026-10 --record >/dev/null 2>&1 || return 1
	[ "$(sqlite3 "$EDU_DB" "SELECT count(*) FROM run WHERE tool = 'edu-assets' AND verb = 'depreciate'")" -eq \
	  "$([ "$1" = after ] && echo 2 || echo 1)" ]
}
crash "depreciation run --record" depr_rerun edu-assets -q depreciate --as-of 2026-10 --record

# A certificate batch: every grade-9 graduate of 2026 numbered once, the
# serials 1..N with no gap, after a kill and the re-run alike.
certs=${STRESS_CERTS:-50000}
fresh
edu-db -q config set bureau.region 110102
"$gen" $((certs * 12)) schools.csv 3 | awk -F, 'NR == 1 || $9 == 9' >grade9.csv
edu-enroll -q import grade9.csv
edu-enroll list --grade 9 | edu-enroll -q graduate --on 2026-07-10
sqlite3 "$EDU_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$EDU_DB" base.db
graduates=$(sqlite3 "$EDU_DB" "SELECT count(*) FROM student WHERE status = 'graduated'")
certs_rerun() {
	[ "$1" = mix ] && return 1
	edu-cert -q issue --kind junior --eligible --year 2026 >/dev/null 2>&1 || return 1
	sqlite3 "$EDU_DB" "SELECT count(*) = $graduates AND count(DISTINCT cert_no) = count(*)
		AND count(DISTINCT holder) = count(*)
		AND max(CAST(substr(cert_no, -6) AS INTEGER)) = count(*) FROM certificate" | grep -qx 1
}
crash "certificate batch of $graduates graduates" certs_rerun \
	edu-cert -q issue --kind junior --eligible --year 2026

# An admission run: the same graduates as exam candidates with three
# choices of the sample's senior schools; admit replaces the year's result
# whole, so after a kill and the re-run the result is the same as after.
fresh
edu-db query "SELECT student_no FROM student WHERE status = 'graduated'" | tail -n +2 |
awk 'BEGIN { srand(7); print "exam_no,student_no,name,junior_school,score_chinese,score_math,bonus,choice1,choice2,choice3"
	split("2111010229 2111010230 2111010231 2111010232 2111010233", s, " ") }
{ printf "K%07d,%s,考生,2111010223,%.1f,%.1f,0,%s,%s,%s\n", NR, $1, int(rand() * 1201) / 10,
	int(rand() * 1201) / 10, s[NR % 5 + 1], s[(NR + 1) % 5 + 1], s[(NR + 2) % 5 + 1] }' >cand.csv
# Seats for everyone, so that admit exits 0.
printf 'school_code,seats\n2111010229,%d\n2111010230,%d\n2111010231,%d\n2111010232,%d\n2111010233,%d\n' \
	$graduates $graduates $graduates $graduates $graduates >seats.csv
edu-exam -q import --year 2026 cand.csv && edu-exam -q seats import --year 2026 seats.csv ||
	echo "Bail out! cannot set up the exam"
sqlite3 "$EDU_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$EDU_DB" base.db
admit_rerun() {
	[ "$1" = mix ] && return 1
	edu-exam -q admit --year 2026 --seed 5 >/dev/null 2>&1 || return 1
	[ "$(sqlite3 "$EDU_DB" ".sha3sum admission" | cut -c1-16)" = "$admitted" ]
}
admitted=
# The result the re-runs must reach: the admission table after one run.
fresh
edu-exam -q admit --year 2026 --seed 5 >/dev/null 2>&1
admitted=$(sqlite3 "$EDU_DB" ".sha3sum admission" | cut -c1-16)
crash "admission of $graduates candidates" admit_rerun edu-exam -q admit --year 2026 --seed 5

done_testing
