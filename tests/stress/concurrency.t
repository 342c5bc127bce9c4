#!/bin/sh
# Concurrency: 8 processes at once, each making 200 changes through a
# different tool on one database (petitions and documents numbered from
# shared sequences, imports, status changes).  Afterwards every change
# is there, no number was handed out twice or skipped, no process failed
# with 'busy' under the default timeout, the audit log has one row per
# change (as many as the same change makes alone) and its chain holds.
# A backup taken while they run opens and passes `edu-db check`.
#
#   STRESS_CHANGES  changes per process (200)
#
# edu-cert (certificate issues) and edu-exam join as two more workers
# when they land: a line in `workers` and its check.
. "$(dirname "$0")/lib.sh"
changes=${STRESS_CHANGES:-200}
gen=${EDU_GEN_STUDENTS:-$top/build/out/bench/gen-students}
[ -x "$gen" ] || { echo "Bail out! no $gen (make stress builds it)"; exit 1; }

sample_db || { echo "Bail out! no sample database"; exit 1; }
edu-db -q config set bureau.doc_prefix 西教发
edu-school list >schools.csv
"$gen" $((changes / 2 + changes)) schools.csv 7 >students.csv
# The first half are there before, for the status changes; the rest
# are imported one at a time.
head -n $((changes / 2 + 1)) students.csv >old.csv
edu-enroll -q import old.csv
sed 1d old.csv | cut -d, -f1 >old.keys
{ head -1 students.csv; sed 1d students.csv | tail -n "$changes"; } >new.csv
ah=$(head -1 "$examples/assets.csv")
sh_=$(head -1 "$examples/schools.csv")

# One change of each kind, as the workers make them: worker KIND I.
change() {
	case $1 in
	petition1|petition2)
		edu-petition -q new --kind XF --received 2026-02-01 --petitioner "来信人$1-$2" \
			--subject 学位问题 --channel letter --category claim ;;
	doc1|doc2)
		edu-doc -q issue --title "关于$1第$2项工作的通知" ;;
	school)
		printf '%s\n29%08d,并发测试学校%d,primary,public,西城区,,,,,,,open\n' "$sh_" "$2" "$2" |
			edu-school -q import ;;
	student)
		{ head -1 new.csv; sed -n "$(($2 + 1))p" new.csv; } | edu-enroll -q import ;;
	status)
		k=$(sed -n "$((($2 + 1) / 2))p" old.keys)
		if [ $(($2 % 2)) -eq 1 ]; then edu-enroll -q suspend --reason 病休 "$k"
		else edu-enroll -q resume "$k"; fi ;;
	asset)
		printf '%s\nCC-%05d,并发测试计算机,computer,2010105,M1,2111010201,教学楼,王芳,2024-01-15,5999.00,,财政拨款,in-use,\n' "$ah" "$2" |
			edu-assets -q import ;;
	esac >/dev/null
}
workers="petition1 petition2 doc1 doc2 school student status asset"
audit_n() { sqlite3 "$EDU_DB" "SELECT count(*) FROM audit"; }

# What one change of each kind writes to the audit log, alone, on a copy.
edu-db -q backup one.db
for w in $workers; do
	EDU_DB=$tmp/one.db
	a=$(audit_n); change "$w" 1; rc=$?; b=$(audit_n)
	EDU_DB=$tmp/edu.db
	t_eq "alone, a $w change works" "$rc" 0
	eval "per_$w=$((b - a))"
done
rm -f one.db one.db-wal one.db-shm

a0=$(audit_n)
e0=$(sqlite3 "$EDU_DB" "SELECT count(*) FROM student_event")
t0=$(date +%s)
for w in $workers; do
	(
		i=1 fails=0 busy=0
		while [ $i -le "$changes" ]; do
			change "$w" "$i" 2>>"$tmp/$w.err"
			rc=$?
			[ $rc -ne 0 ] && fails=$((fails + 1)) && echo "$w $i: exit $rc" >>"$tmp/$w.err"
			[ $rc -eq 75 ] && busy=$((busy + 1))
			i=$((i + 1))
		done
		echo "$fails $busy" >"$tmp/$w.result"
	) &
done
# A backup while they run.
sleep 2
edu-db -q backup "$tmp/backup.db" 2>backup.err
brc=$?
wait
t1=$(date +%s)

fails=0 busy=0
for w in $workers; do
	read -r f b <"$tmp/$w.result"
	t_eq "all $changes $w changes succeed" "$f" 0
	[ "$f" -eq 0 ] || head -3 "$tmp/$w.err" | sed 's/^/# /'
	fails=$((fails + f)) busy=$((busy + b))
done
t_eq "no process was told 'busy'" "$busy" 0
t_eq "the backup taken meanwhile is made" "$brc" 0
t_exit 0 "... and passes edu-db check" edu-db -d "$tmp/backup.db" check
t_exit 0 "the database passes edu-db check (integrity, keys, audit chain)" edu-db check

q() { sqlite3 "$EDU_DB" "$1"; }
n2=$((2 * changes))
t_eq "every petition is there" "$(q "SELECT count(*) FROM petition")" "$n2"
t_eq "... numbered 1 to $n2, none twice, none skipped" \
	"$(q "SELECT count(DISTINCT case_no) || ' ' || min(CAST(substr(case_no, 9) AS INTEGER)) || ' ' || max(CAST(substr(case_no, 9) AS INTEGER)) FROM petition")" "$n2 1 $n2"
t_eq "... and the sequence stands at $n2" "$(q "SELECT last FROM sequence WHERE scope LIKE 'petition.XF.%'")" "$n2"
t_eq "every document is there" "$(q "SELECT count(*) FROM document")" "$n2"
y=$(date +%Y)
t_eq "... numbered 1 to $n2, none twice" \
	"$(q "SELECT count(DISTINCT doc_no) FROM document WHERE doc_no LIKE '西教发〔$y〕%号'")" "$n2"
got=$(q "SELECT CAST(replace(substr(doc_no, instr(doc_no, '〕') + 1), '号', '') AS INTEGER) FROM document ORDER BY 1" |
	awk -v n="$n2" '$1 != NR { bad = 1 } END { print (bad || NR != n) ? "gap" : "1.." NR }')
t_eq "... with no gap" "$got" "1..$n2"
t_eq "every school is there" "$(q "SELECT count(*) FROM school WHERE school_code LIKE '29%'")" "$changes"
t_eq "every student is there" "$(q "SELECT count(*) FROM student")" $((changes / 2 + changes))
t_eq "every status change is an event" "$(( $(q "SELECT count(*) FROM student_event") - e0 ))" "$changes"
t_eq "every asset is there" "$(q "SELECT count(*) FROM asset WHERE tag LIKE 'CC-%'")" "$changes"
want_audit=0
for w in $workers; do eval "want_audit=\$((want_audit + changes * per_$w))"; done
t_eq "one audit row per change, as each makes alone" "$(( $(audit_n) - a0 ))" "$want_audit"

figure concurrency "processes=8 changes=$((8 * changes)) audit_rows=$want_audit seconds=$((t1 - t0)) busy=$busy failures=$fails"
done_testing
