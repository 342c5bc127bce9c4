#!/bin/sh
# A school year end to end (issue 17) on a small district, through the
# tools alone: kindergarten pupils K1-K3 in the registry, promote refused
# before the graduations, grades 6 and 9
# graduate, promote, the cron's late graduation refused, junior
# certificates, the entrance exam's enrolment, nearby enrolment of the
# kindergarten leavers from the registry, the junior-school intake, the next year's
# graduation and promotion; the registry --as-of six dates against what
# it should say, and the refusals of void that the year's records raise.
. "$(dirname "$0")/lib.sh"

idc() { id18 "$1"; }
count() { sqlite3 "$EDU_DB" "$1"; }
K=2111010201 P=2111010209 J=2111010223 S=2111010229
# The registry as of a day: name:school:grade:status, by name.
asof() {
	edu-enroll list ${1:+--as-of "$1"} | tail -n +2 | awk -F, '{ print $4 ":" $8 ":" $9 ":" $12 }' |
		sort | tr '\n' ' '
}

sample_db
edu-db -q config set bureau.region 110102
edu-school -q zone import "$examples/zones.csv"
# The zone's junior school comes after its three primary schools.
printf 'zone,school_code,rank\n德胜片区,%s,4\n' "$J" | edu-school -q zone import

# The school year 2025-26: two K3 (大班) and a K2 (中班) kindergarten
# pupils, a grade-5 and two grade-6 pupils, a grade-8 and two grade-9
# students.
cat > st.csv <<CSV
id_number,name,sex,birth_date,school_code,grade,entry_date,zone
$(idc 11010220200501001),童甲,M,2020-05-01,$K,大班,2023-09-01,德胜片区
$(idc 11010220200502002),童乙,F,2020-05-02,$K,K3,2023-09-01,德胜片区
$(idc 11010220210301002),童丙,F,2021-03-01,$K,中班,2024-09-01,德胜片区
$(idc 11010220150301001),五甲,M,2015-03-01,$P,5,2021-09-01,德胜片区
$(idc 11010220140301001),六甲,M,2014-03-01,$P,6,2020-09-01,德胜片区
$(idc 11010220140302002),六乙,F,2014-03-02,$P,6,2020-09-01,德胜片区
$(idc 11010220120401001),八甲,M,2012-04-01,$J,8,2019-09-01,德胜片区
$(idc 11010220110401001),九甲,M,2011-04-01,$J,9,2018-09-01,德胜片区
$(idc 11010220110402002),九乙,F,2011-04-02,$J,9,2018-09-01,德胜片区
CSV
edu-enroll -q import st.csv
no() { count "SELECT student_no FROM student WHERE name = '$1'"; }
t_grep "kindergarten grades are listed as K1-K3" "^G[0-9X]+,resident,[0-9X]+,童乙,F,2020-05-02,,$K,K3," "$(edu-enroll list --school $K)"
t_exit 0 "... and import back unchanged" sh -c 'edu-enroll list | edu-enroll import --upsert'
t_grep "... nothing changed" "0 inserted, 0 updated, 9 unchanged" "$err"
# The disabled-children duty reaches the kindergarten pupils now.
t_exit 0 "placement of a K2 pupil" edu-enroll placement "$(no 童丙)" --disability 听力 --placement 随班就读 --on 2026-03-01
t_grep "... in the disability report" "^hearing,1,0,0,0,0,1,100.0$" "$(edu-enroll disability-report --year 2026)"
t_eq "stats --by grade: the kindergarten grades first, as K2, K3" \
	"$(edu-enroll stats --by grade | tr '\n' ' ')" "grade,students K2,1 K3,2 5,1 6,2 8,1 9,2 "

# ---- the end of the school year 2025-26 ------------------------------------

t_exit 65 "promote --year 2026 before the graduations" edu-enroll promote --year 2026 --on 2026-06-30
t_eq "... names the four in grades 6 and 9" "$(printf '%s\n' "$err" | grep -c 'not graduated$')" 4
t_exit 0 "grade 6 graduates" sh -c 'edu-enroll list --grade 6 | edu-enroll graduate --on 2026-07-01'
t_exit 0 "grade 9 graduates" sh -c 'edu-enroll list --grade 9 | edu-enroll graduate --on 2026-07-01'
t_exit 0 "promote --year 2026 now" edu-enroll promote --year 2026 --on 2026-07-15
t_grep "... three moved up (K2 to K3, 5 to 6, 8 to 9)" "3 students promoted for 2026" "$err"
t_eq "... the K3 pupils left kindergarten" "$(count "SELECT group_concat(status) FROM student WHERE name IN ('童甲', '童乙')")" "graduated,graduated"
t_grep "... audited" '"promoted":3,"left_kindergarten":2' "$(edu-db log -f tsv --key 'promote 2026')"
t_exit 0 "... the cron's next run changes nothing" edu-enroll promote --year 2026 --on 2026-07-16
t_grep "... none" "0 students promoted for 2026" "$err"
# The clerk graduates "grade 9" after the cron promoted grade 8.
t_exit 65 "graduate grade 9 after the promotion" sh -c 'edu-enroll list --grade 9 --status enrolled | edu-enroll graduate --on 2026-07-20'
t_grep "... 八甲 graduates next summer" "student $(no 八甲): reached grade 9 by the promotion for 2026 on 2026-07-15: graduates at the end of the 2026-27 school year" "$err"
t_exit 0 "junior certificates for the graduates of 2026" \
	edu-cert --on 2026-07-25 issue --kind junior --eligible --year 2026 --batch j2026
t_eq "... 九甲 and 九乙, not 八甲" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f4 | sort | tr '\n' ' ')" "九乙 九甲 "
gev=$(count "SELECT id FROM student_event WHERE student_no = '$(no 九甲)' AND kind = 'graduate'")
t_exit 65 "void a graduation that a certificate rests on" edu-enroll void "$gev" --reason 错录
t_grep "... revoke the certificate first" "certificate [0-9]+ rests on this graduation: revoke it first" "$err"

# ---- September 2026 ----------------------------------------------------------

# The entrance exam: both graduates admitted to the senior school.
cat > cand.csv <<CSV
exam_no,student_no,name,junior_school,score_chinese,score_math,score_english,bonus,total,choice1,choice2,choice3
E1,$(no 九甲),九甲,$J,100,100,100,0,,$S,,
E2,$(no 九乙),九乙,$J,90,90,90,0,,$S,,
CSV
printf 'school_code,seats,min_score\n%s,5,\n' "$S" > seats.csv
edu-exam -q import --year 2026 cand.csv && edu-exam -q seats import --year 2026 seats.csv &&
	edu-exam -q admit --year 2026 --seed 1 > /dev/null
t_exit 0 "the exam's admitted enrol in grade 10" edu-exam enroll --year 2026 --on 2026-09-01
eev=$(count "SELECT id FROM student_event WHERE student_no = '$(no 九乙)' AND kind = 'enrol'")
t_exit 65 "void the exam's enrolment" edu-enroll void "$eev" --reason 错录
t_grep "... is the admission's" "event $eev: an enrolment by the entrance exam is its admission's: transfer or withdraw the student instead" "$err"
# The kindergarten leavers, by nearby enrolment from the registry.
t_exit 64 "--zone without --from-register" edu-enroll assign --year 2026 --zone 德胜片区 --seed 5
t_exit 0 "assign --year 2026 --from-register: the kindergarten leavers" \
	edu-enroll assign --year 2026 --from-register --zone 德胜片区 --seed 5
t_eq "... both to the zone's rank-1 school" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2,4,5 | sort | tr '\n' ' ')" \
	"童乙,$P,1 童甲,$P,1 "
t_grep "... one record: the kindergarten pupil enters grade 1" '^event,"?2026-09-01 enter 2111010201 -> 2111010209 grade 1: nearby enrolment 2026, tier 1, rank 1"?$' \
	"$(edu-enroll show "$(no 童甲)")"
t_exit 0 "intake --stage junior --year 2026: grade 6 into grade 7" \
	edu-enroll intake --stage junior --year 2026 --seed 5
t_eq "... both to the zone's junior school" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2,4,5 | sort | tr '\n' ' ')" \
	"六乙,$J,4 六甲,$J,4 "

# ---- the end of the school year 2026-27 --------------------------------------

t_exit 0 "grade 6 graduates in 2027" sh -c 'edu-enroll list --grade 6 --status enrolled | edu-enroll graduate --on 2027-07-01'
t_exit 0 "grade 9 graduates in 2027: 八甲 now" sh -c 'edu-enroll list --grade 9 --status enrolled | edu-enroll graduate --on 2027-07-01'
t_grep "... one" "1 student graduated" "$err"
t_exit 0 "promote --year 2027" edu-enroll promote --year 2027 --on 2027-07-15
t_grep "... six moved up" "6 students promoted for 2027" "$err"
t_eq "... 童丙 left kindergarten" "$(count "SELECT status || grade FROM student WHERE name = '童丙'")" graduated0
t_exit 0 "junior certificates of 2027" edu-cert --on 2027-07-25 issue --kind junior --eligible --year 2027
t_eq "... 八甲's" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f4)" "八甲"
t_exit 0 "intake --stage junior --year 2027" edu-enroll intake --stage junior --year 2027 --seed 9
t_eq "... 五甲" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2,4)" "五甲,$J"

# ---- the registry as of six days -------------------------------------------------

t_eq "--as-of 2026-06-30: the year before its end" "$(asof 2026-06-30)" \
	"九乙:$J:9:enrolled 九甲:$J:9:enrolled 五甲:$P:5:enrolled 八甲:$J:8:enrolled 六乙:$P:6:enrolled 六甲:$P:6:enrolled 童丙:$K:K2:enrolled 童乙:$K:K3:enrolled 童甲:$K:K3:enrolled "
t_eq "--as-of 2026-07-10: grades 6 and 9 graduated" "$(asof 2026-07-10)" \
	"九乙:$J:9:graduated 九甲:$J:9:graduated 五甲:$P:5:enrolled 八甲:$J:8:enrolled 六乙:$P:6:graduated 六甲:$P:6:graduated 童丙:$K:K2:enrolled 童乙:$K:K3:enrolled 童甲:$K:K3:enrolled "
t_eq "--as-of 2026-07-16: promoted" "$(asof 2026-07-16)" \
	"九乙:$J:9:graduated 九甲:$J:9:graduated 五甲:$P:6:enrolled 八甲:$J:9:enrolled 六乙:$P:6:graduated 六甲:$P:6:graduated 童丙:$K:K3:enrolled 童乙:$K:K3:graduated 童甲:$K:K3:graduated "
t_eq "--as-of 2026-09-01: the new year, one record each" "$(asof 2026-09-01)" \
	"九乙:$S:10:enrolled 九甲:$S:10:enrolled 五甲:$P:6:enrolled 八甲:$J:9:enrolled 六乙:$J:7:enrolled 六甲:$J:7:enrolled 童丙:$K:K3:enrolled 童乙:$P:1:enrolled 童甲:$P:1:enrolled "
t_eq "--as-of 2027-07-10: the graduates of 2027" "$(asof 2027-07-10)" \
	"九乙:$S:10:enrolled 九甲:$S:10:enrolled 五甲:$P:6:graduated 八甲:$J:9:graduated 六乙:$J:7:enrolled 六甲:$J:7:enrolled 童丙:$K:K3:enrolled 童乙:$P:1:enrolled 童甲:$P:1:enrolled "
t_eq "--as-of 2027-09-01: the next September" "$(asof 2027-09-01)" \
	"九乙:$S:11:enrolled 九甲:$S:11:enrolled 五甲:$J:7:enrolled 八甲:$J:9:graduated 六乙:$J:8:enrolled 六甲:$J:8:enrolled 童丙:$K:K3:graduated 童乙:$P:2:enrolled 童甲:$P:2:enrolled "
t_eq "... and the registry now is the last of them" "$(asof "")" "$(asof 2027-09-01)"
t_eq "one record per student all year" "$(count "SELECT count(*) FROM student")" 9
t_eq "... 六甲's history" "$(edu-enroll show "$(no 六甲)" | grep '^event,' | cut -d' ' -f1,2 | tr '\n' ' ')" \
	"event,2026-07-01 graduate event,\"2026-09-01 enter event,2027-07-15 promote "
t_exit 0 "edu-db check passes" edu-db check

# ---- deadlines that wait for the calendar (issue 17) -------------------------

# The sample calendar has 2025 and 2026.
t_exit 0 "calendar due across a year without calendar rows" edu-db calendar due 2027-09-20 15
t_eq "... answers from weekends alone" "$out" 2027-10-05
t_grep "... and says it is provisional" "2027-10-05 is provisional: the calendar has no days of 2027" "$err"
t_exit 0 "... a year the calendar has: no such notice" edu-db calendar due 2026-09-20 15
t_eq "... the National Day holidays counted" "$out/$err" "2026-10-08/"
t_exit 0 "calendar check in November 2026: nothing missing yet" edu-db calendar check --on 2026-11-30
t_eq "... only the header" "$out" "year,open_deadlines,note"
t_exit 1 "calendar check from 1 December: next year is missing" edu-db calendar check --on 2026-12-01
t_grep "... 2027" "^2027,0,next year's holidays are published in November: import them$" "$out"
edu-petition -q --on 2026-12-28 new --kind XF --received 2026-12-28 --petitioner 张三 --subject 学位 --channel letter --category claim
t_exit 1 "a letter received on 2026-12-28: its deadline is counted into 2027" edu-db calendar check --on 2026-11-30
t_grep "... one provisional deadline" "^2027,1,the deadlines counted across it are provisional until it is imported$" "$out"
printf 'day,kind\n2027-01-01,holiday\n' | edu-db -q calendar import
t_exit 0 "once 2027 is imported, calendar check passes" edu-db calendar check --on 2026-12-01
t_exit 0 "... and calendar due is no longer provisional" edu-db calendar due 2027-09-20 15
t_eq "... no notice" "$err" ""

# ---- an empty to-do list (issue 17, "Also"): one rule for every key verb ----------

for v in "edu-cadre retire" "edu-petition accept" "edu-doc route --to 办公室" "edu-cert revoke --reason x" \
	"edu-enroll graduate" "edu-enroll void --reason x"; do
	sum=$(db_sum)
	t_exit 0 "$v with nothing on stdin: exit 0" sh -c "$v < /dev/null"
	t_grep "... says there is nothing to do" "no [a-z_]+ given on stdin: nothing to do$" "$err"
	t_exit 0 "... and with -q, silently" sh -c "$v -q < /dev/null"
	t_eq "... nothing on stderr" "$err" ""
	t_eq "... nothing written" "$(db_sum)" "$sum"
done

done_testing
