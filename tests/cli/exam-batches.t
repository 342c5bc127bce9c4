#!/bin/sh
# edu-exam as a city runs it (issue 19): the provincial score file with
# Chinese headers and full marks, candidates from outside the registry,
# batches in order with their own choices and minimum grades.  Each
# expected result is worked out by hand in the comments.
. "$(dirname "$0")/lib.sh"

sample_db
junior=2111010223 s1=2111010229 s2=2111010230 s3=2111010231 voc=2111010237
q() { sqlite3 "$EDU_DB" "$1"; }
sno() { printf 'L11010220110301%04d' "$1"; }
# N students of the junior school in grade 9, numbered from 1.
students() {
	awk -v n="$1" -v sch="$junior" 'BEGIN {
		print "student_no,id_type,id_number,name,sex,birth_date,school_code,grade,entry_date"
		for (i = 1; i <= n; i++)
			printf "L11010220110301%04d,passport,E%08d,学生%d,M,2011-03-01,%s,9,2023-09-01\n", i, i, i, sch
	}' > st.csv
	edu-enroll -q import st.csv
}
students 9
cut -d, -f1 st.csv | edu-enroll -q graduate --on 2026-07-01
# A previous year's graduate (往届生) from elsewhere: born 2010-05-17, a
# woman (an even 17th digit); not in the registry.
prev=$(id18 11010220100517002)
outs=$(id18 11010220101103003)

# ---- the provincial file -------------------------------------------------------
# 语文 数学 英语 物理 化学 道德与法治 历史 体育 are the subjects of the
# default exam.subjects, checked against its full marks (120 120 120 100
# 100 100 100 100); 总分 is their sum plus 加分.
P=准考证号,姓名,学籍号,身份证号,考生类别,毕业学校,语文,数学,英语,物理,化学,道德与法治,历史,体育,加分,总分,志愿1,志愿2
cat > prov.csv <<EOF2
$P
P1,学生1,$(sno 1),,应届,$junior,110,100,90,80,70,60,50,40,0,600,$s1,$s2
P2,往届甲,,$prev,往届,,100,100,100,50,50,50,50,50,5,555,$s2,
P3,外地乙,,$outs,外地,,90,90,90,90,90,90,90,90,0,720,$s1,$s2
EOF2
t_exit 0 "the provincial file, Chinese headers as it arrives" edu-exam import --year 2026 prov.csv
t_grep "... 3 inserted" "candidate: 3 inserted, 0 updated, 0 unchanged, 0 rejected" "$err"
t_eq "... 语文 is chinese, 志愿1 choice1, 往届 previous, 外地 outside" \
	"$(q "SELECT exam_no, coalesce(student_no, '-'), coalesce(id_number, '-'), source, scores, total, choices FROM candidate ORDER BY exam_no")" \
	"P1|$(sno 1)|-|registry|chinese=110;math=100;english=90;physics=80;chemistry=70;politics=60;history=50;pe=40|6000|$s1 $s2
P2|-|$prev|previous|chinese=100;math=100;english=100;physics=50;chemistry=50;politics=50;history=50;pe=50|5550|$s2
P3|-|$outs|outside|chinese=90;math=90;english=90;physics=90;chemistry=90;politics=90;history=90;pe=90|7200|$s1 $s2"

# Above full marks, below zero, a registry candidate without a student
# number, an outside one without an ID number: each as FILE:LINE: COLUMN.
cat > badp.csv <<EOF2
$P
Q1,a,$(sno 2),,,,121,100,90,80,70,60,50,40,0,,$s1,
Q2,b,$(sno 3),,,,100,100,90,101,70,60,50,40,0,,$s1,
Q3,c,$(sno 4),,,,100,-5,90,80,70,60,50,40,0,,$s1,
Q4,d,,,应届,,100,100,90,80,70,60,50,40,0,,$s1,
Q5,e,,,外地,,100,100,90,80,70,60,50,40,0,,$s1,
EOF2
sum=$(db_sum)
t_exit 65 "scores out of range and missing numbers" edu-exam import --year 2026 badp.csv
t_grep "... 121 in 语文 (full marks 120)" "^edu-exam: badp.csv:2: 语文: 121 is above the full marks of chinese, 120$" "$err"
t_grep "... 101 in 物理 (full marks 100)" "^edu-exam: badp.csv:3: 物理: 101 is above the full marks of physics, 100$" "$err"
t_grep "... a score below zero" "^edu-exam: badp.csv:4: 数学: '-5' is below zero$" "$err"
t_grep "... a registry candidate needs a student number" "^edu-exam: badp.csv:5: student_no: may not be empty for a candidate of the registry" "$err"
t_grep "... an outside one an ID number" "^edu-exam: badp.csv:6: id_number: may not be empty for a outside candidate" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 0 "full marks are a setting" edu-db config set exam.subjects "chinese=语文:150 math=数学:150 english=英语:150 physics=物理:100 chemistry=化学:100 politics=道德与法治:100 history=历史:100 pe=体育:100 quality=综合素质评价:grade"
t_exit 65 "... so 121 in 语文 passes, the rest does not" edu-exam import --year 2026 badp.csv
t_eq "... four bad rows now" "$(printf '%s\n' "$err" | grep -c 'badp.csv:[0-9]*: ')" 4
t_exit 65 "a bad exam.subjects is refused" edu-db config set exam.subjects "chinese=语文:abc"

# ---- candidates from outside the registry are enrolled with a new record ------
# P3 (720) takes s1's one seat, P1 (600) then finds it full and takes
# s2, P2 (555) the other seat of s2.
printf 'school_code,seats\n%s,1\n%s,2\n' "$s1" "$s2" > seats.csv
edu-exam -q seats import --year 2026 seats.csv
t_exit 0 "admit the three" edu-exam -q admit --year 2026 --seed 1
t_eq "... P3 s1, P1 s2 by its second choice, P2 s2" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,2,5-7)" \
"P3,,1,$s1,1
P1,$(sno 1),2,$s2,2
P2,,3,$s2,1"
t_exit 0 "enroll: the outside candidates get records" edu-exam enroll --year 2026 --on 2026-09-01
t_grep "... three enrolled" "3 enrolled, 0 refused" "$err"
t_eq "... G + the ID number, sex and birth date from it, grade 10 of the admitting school" \
	"$(q "SELECT student_no, id_type, name, sex, birth_date, school_code, grade, status, entry_date FROM student WHERE student_no LIKE 'G%' ORDER BY student_no")" \
	"G$prev|resident|往届甲|F|2010-05-17|$s2|10|enrolled|2026-09-01
G$outs|resident|外地乙|M|2010-11-03|$s1|10|enrolled|2026-09-01"
t_eq "... with an enter event and no junior graduation" \
	"$(q "SELECT kind, day, coalesce(from_school, '-'), to_school, to_grade FROM student_event WHERE student_no = 'G$prev'")" \
	"enter|2026-09-01|-|$s2|10"
t_eq "... the candidate now has the student number" "$(q "SELECT student_no FROM candidate WHERE exam_no = 'P2'")" "G$prev"
t_eq "... audited: the record, its event, the candidate" \
	"$(q "SELECT entity || ' ' || key FROM audit WHERE key IN ('G$prev', 'P2') ORDER BY id" | tr '\n' ' ')" \
	"candidate P2 student G$prev student G$prev candidate P2 "
t_exit 0 "show P2" edu-exam show P2
t_grep "... its ID number" "^id_number,$prev$" "$out"
t_grep "... a previous year's graduate" "^source,previous$" "$out"
t_exit 0 "... and the registry shows them" edu-enroll show "G$outs"
t_grep "... entered on 2026-09-01" "^event,2026-09-01 enter" "$out"

# ---- batches in order ----------------------------------------------------------
# 2027: s1 admits in the early batch (提前批), one seat, for quality
# (综合素质评价) A only; s2 (two seats) and s3 (one) in the general one;
# voc in the vocational one.  By hand, in the order of merit:
#   E1 200 A: early s1                 -> s1 (early), leaves the general batch
#   E2 190 B: early s1 (grade B < A)   -> general s2
#   E3 180 A: early s1 (full)          -> general s2 (its last seat)
#   E4 170 A: no early choice; s2 full -> general s3 (choice 2)
#   E5 160 C: s2 full                  -> vocational voc
#   E6 150  : s3 full, no vocational choice -> unadmitted
# Without the early batch E1 would have taken s2 and E3 s3.
cat > b.csv <<EOF2
exam_no,student_no,name,score_chinese,score_math,综合素质评价,提前批志愿1,志愿1,志愿2,职高志愿1
E1,$(sno 2),a,100,100,A,$s1,$s2,$s3,
E2,$(sno 3),b,100,90,B,$s1,$s2,,
E3,$(sno 4),c,90,90,优秀,$s1,$s2,$s3,
E4,$(sno 5),d,90,80,A,,$s2,$s3,
E5,$(sno 6),e,80,80,合格,,$s2,,$voc
E6,$(sno 7),f,75,75,,,$s3,,
EOF2
t_exit 0 "candidates with choices per batch and a graded component" edu-exam -q import --year 2027 b.csv
t_eq "... grades and the early and vocational choices kept" \
	"$(q "SELECT exam_no, grades, choices, batch_choices FROM candidate WHERE year = 2027 ORDER BY exam_no" | head -5)" \
	"E1|quality=A|$s2 $s3|early:$s1
E2|quality=B|$s2|early:$s1
E3|quality=A|$s2 $s3|early:$s1
E4|quality=A|$s2 $s3|
E5|quality=C|$s2|vocational:$voc"
cat > bs.csv <<EOF2
学校代码,计划数,批次,最低等级
$s1,1,提前批,综合素质评价=A
$s2,2,统招,
$s3,1,,
$voc,2,职高,
EOF2
t_exit 0 "seats with batches and minimum grades" edu-exam -q seats import --year 2027 bs.csv
t_eq "... kept by key" "$(q "SELECT school_code, batch, coalesce(min_grades, '') FROM seat WHERE year = 2027 ORDER BY school_code")" \
	"$s1|early|quality=A
$s2|general|
$s3|general|
$voc|vocational|"
t_exit 1 "admit in batches" edu-exam -q admit --year 2027 --seed 3
t_eq "... as worked by hand" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,5-7)" \
"E1,1,$s1,1
E2,2,$s2,1
E3,3,$s2,1
E4,4,$s3,2
E5,5,$voc,1
E6,6,,"
t_eq "... each admitted in their batch" \
	"$(q "SELECT exam_no, coalesce(batch, '-') FROM admission WHERE year = 2027 ORDER BY rank" | tr '\n' ' ')" \
	"E1|early E2|general E3|general E4|general E5|vocational E6|- "
t_exit 0 "explain E2: refused early for a grade" edu-exam explain E2
t_eq "... then admitted in the general batch" "$out" "exam_no,choice,school_code,result,reason
E2,early:1,$s1,refused,grade B in quality is below its minimum A
E2,1,$s2,admitted,total 190 reached its min_score and a seat was free"
t_exit 0 "explain E3: the early seat was taken" edu-exam explain E3
t_grep "... by E1" "^E3,early:1,$s1,refused,\"full when their turn came: 1 seats, cutoff 200\"$" "$out"
t_exit 1 "explain E6" edu-exam explain E6
t_eq "... s3 full, and no vocational choice" "$(printf '%s\n' "$out" | tail -n +2)" \
	"E6,1,$s3,refused,\"full when their turn came: 1 seats, cutoff 170\""
t_exit 65 "a bad minimum grade" sh -c "printf 'school_code,seats,min_grades\n$s1,1,quality=E\n' | edu-exam seats import --year 2028"
t_grep "... FILE:LINE: COLUMN" "^edu-exam: -:2: min_grades: " "$err"
t_exit 65 "a bad batch" sh -c "printf 'school_code,seats,batch\n$s1,1,late\n' | edu-exam seats import --year 2028"
t_grep "... named" "^edu-exam: -:2: batch: " "$err"
# The order is a setting: the general batch first, E1 takes s2 there.
edu-db config set exam.batches "general early vocational"
t_exit 1 "the general batch first" edu-exam -q admit --year 2027 --seed 3
t_eq "... E1 s2, E2 s2, E3 s3; E4 left for no batch; E5 voc" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,6 | tr '\n' ' ')" \
	"E1,$s2 E2,$s2 E3,$s3 E4, E5,$voc E6, "
edu-db config set exam.batches "early quota general vocational"
t_exit 65 "an unknown batch in the setting" edu-db config set exam.batches "early late"

# ---- the second round (补录) -------------------------------------------------------
# After that admission of 2027 s1's early seat is still empty (E1-E3
# went in the general batch first, E4 has no early choice) and so is one
# of voc's two seats; E4 and E6 are left out.  In round 2 E4 (rank 4,
# quality A) takes s1; E6 (rank 6, no grade) cannot have s1 and takes voc.
printf 'exam_no,choice1,choice2\nE4,%s,%s\nE6,%s,%s\n' "$s1" "$voc" "$s1" "$voc" > r2.csv
sum=$(db_sum)
t_exit 65 "round 2 with a candidate the first round admitted" sh -c \
	"{ cat r2.csv; printf 'E1,%s,\nZZ,%s,\n' $s1 $s1; } | edu-exam admit --year 2027 --round 2 -"
t_grep "... refused, FILE:LINE: COLUMN" "^edu-exam: -:4: exam_no: candidate E1 was admitted in the first round$" "$err"
t_grep "... an unknown one too" "^edu-exam: -:5: exam_no: no candidate 'ZZ' in 2027$" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 0 "admit --round 2" edu-exam admit --year 2027 --round 2 r2.csv
t_eq "... the empty seats to the left-out candidates, in the order of merit" "$out" \
"exam_no,student_no,name,total,rank,school_code,choice
E4,$(sno 5),d,170,4,$s1,1
E6,$(sno 7),f,150,6,$voc,2"
t_eq "... the first round untouched, the second marked" \
	"$(q "SELECT exam_no || ':' || school_code || ':' || round FROM admission WHERE year = 2027 ORDER BY rank" | tr '\n' ' ')" \
	"E1:$s2:1 E2:$s2:1 E3:$s3:1 E4:$s1:2 E5:$voc:1 E6:$voc:2 "
t_exit 0 "round 2 again, E6 alone: E4's seat is empty again and E6 still cannot have it" \
	sh -c "printf 'exam_no,志愿1\nE6,$s1\n' | edu-exam -q admit --year 2027 --round 2 - ; test \$? -eq 1"
t_eq "... E4 is out again, E6 unadmitted" \
	"$(q "SELECT exam_no || ':' || coalesce(school_code, '-') || ':' || round FROM admission WHERE year = 2027 AND exam_no IN ('E4', 'E6') ORDER BY rank" | tr '\n' ' ')" \
	"E4:-:1 E6:-:1 "
edu-exam -q admit --year 2027 --round 2 r2.csv
t_exit 65 "a new first round after the second is refused" edu-exam admit --year 2027 --seed 3
t_grep "... said so" "the admission of 2027 has a second round" "$err"
t_exit 0 "cutoffs --round 2" edu-exam cutoffs --year 2027 --round 2
t_eq "... the seats left empty, taken in round 2, its cutoffs" "$out" "school_code,name,empty,admitted,cutoff,filled
$s1,北京市西城区鼓楼高级中学,1,1,170,yes
$s2,北京市西城区金融街高级中学,0,0,,yes
$s3,北京市西城区三里河高级中学,0,0,,yes
$voc,北京市西城区职业教育中心学校,1,1,150,yes"
t_exit 0 "show E4" edu-exam show E4
t_eq "... its grade, choices, round-2 choices and admission" "$(printf '%s\n' "$out" | sed -n '/^grade_/p;/^choice/p;/^round/p;/^admitted_by/p;/^batch/p' | tr '\n' ' ')" \
	"grade_quality,A choice1,$s2 choice2,$s3 round2_choice1,$s1 round2_choice2,$voc admitted_by,$s1 choice,1 batch,early round,2 "
t_exit 0 "show E5: a vocational choice" edu-exam show E5
t_grep "... vocational_choice1" "^vocational_choice1,$voc$" "$out"
t_exit 0 "explain E6 shows the round" edu-exam explain E6
t_eq "... the first round, then round 2" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f2-4 | tr '\n' ' ')" \
	"1,$s3,refused round2:1,$s1,refused round2:2,$voc,admitted "
t_grep "... s1 refused for the grade" "^E6,round2:1,$s1,refused,\"no grade in quality, its minimum is A\"$" "$out"

# ---- quota seats (名额分配) -------------------------------------------------------
# 2029: s2 has 4 seats in the general batch, 3 of them quota seats split
# by candidates between the junior schools J1 (4 candidates) and J2 (3):
# 3*4/7 = 1.71 and 3*3/7 = 1.29 give 1 and 1, and the one left goes to
# the larger remainder: J1 2, J2 1.  s3 has 3 seats, no quota.
# Everyone chooses s2, then s3.  In the order of merit
#   A1 300, A2 290, A3 280, A4 270 (J1), B1 255, B2 240, B3 150 (J2).
# Without the quota batch s2 would take A1-A4: cutoff 270, so the quota
# floor (exam.quota_floor cutoff-20) is 250.  The quota batch: J1's two
# seats go to A1 and A2, J2's one to B1 (255 >= 250).  The general
# batch: s2 has 4 - 3 = 1 seat left, A3 takes it (general cutoff 280);
# A4, B2, B3 go to s3.  So J2's quota cutoff, 255, is below 280.
J1=2111010223 J2=2111010224
cat > qc.csv <<EOF2
exam_no,student_no,name,junior_school,score_a,score_b,choice1,choice2
A1,$(sno 2),a,$J1,150,150,$s2,$s3
A2,$(sno 3),b,$J1,150,140,$s2,$s3
A3,$(sno 4),c,$J1,140,140,$s2,$s3
A4,$(sno 5),d,$J1,140,130,$s2,$s3
B1,$(sno 6),e,$J2,130,125,$s2,$s3
B2,$(sno 7),f,$J2,120,120,$s2,$s3
B3,$(sno 8),g,$J2,75,75,$s2,$s3
EOF2
edu-exam -q import --year 2029 qc.csv
printf 'school_code,seats\n%s,4\n%s,3\n' "$s2" "$s3" | edu-exam -q seats import --year 2029
t_exit 65 "more quota seats than the school has" edu-exam seats quota --year 2029 --school "$s2" --seats 5 --by candidates
t_grep "... refused" "5 quota seats are more than the 4 seats of school $s2" "$err"
t_exit 0 "seats quota: 3 seats split by candidates" edu-exam seats quota --year 2029 --school "$s2" --seats 3 --by candidates
t_eq "... by the largest remainder: J1 2, J2 1" "$out" "school_code,junior_school,name,basis,seats
$s2,$J1,北京市西城区新街口中学,4,2
$s2,$J2,北京市西城区月坛初级中学,3,1"
t_eq "... stored" "$(q "SELECT junior_school, basis, seats FROM quota WHERE year = 2029 ORDER BY 1" | tr '\n' ' ')" \
	"$J1|4|2 $J2|3|1 "
t_grep "... and audited" '"seats":"3","by":"candidates","split":"2111010223=2 2111010224=1"' \
	"$(q "SELECT change FROM audit WHERE entity = 'quota' AND key = '$s2/2029'")"
t_exit 0 "admit with quota seats" edu-exam -q admit --year 2029 --seed 1
t_eq "... as worked by hand" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,6 | tr '\n' ' ')" \
	"A1,$s2 A2,$s2 A3,$s2 A4,$s3 B1,$s2 B2,$s3 B3,$s3 "
t_eq "... A1, A2, B1 in the quota batch" \
	"$(q "SELECT exam_no || ':' || batch FROM admission WHERE year = 2029 ORDER BY rank" | tr '\n' ' ')" \
	"A1:quota A2:quota A3:general A4:general B1:quota B2:general B3:general "
t_exit 0 "cutoffs --quota" edu-exam cutoffs --year 2029 --quota
t_eq "... J2's quota cutoff 255, the floor 250, nothing returned" "$out" \
"school_code,junior_school,name,seats,floor,admitted,cutoff,returned
$s2,$J1,北京市西城区新街口中学,2,250,2,290,0
$s2,$J2,北京市西城区月坛初级中学,1,250,1,255,0"
t_exit 0 "cutoffs" edu-exam cutoffs --year 2029
t_grep "... s2's general cutoff is 280, above J2's quota cutoff" "^$s2,[^,]*,4,,4,280,yes$" "$out"
# B1 corrected to 245, below the floor: J2's quota seat is not taken and
# goes back to the general batch, where A4 (270) takes it; B1 goes to s3.
sed 's/^B1,\(.*\),130,125,/B1,\1,130,115,/' qc.csv > qc2.csv
edu-exam -q import --year 2029 --upsert qc2.csv
t_exit 0 "admit again" edu-exam -q admit --year 2029 --seed 1
t_eq "... A4 takes the returned seat" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,6 | tr '\n' ' ')" \
	"A1,$s2 A2,$s2 A3,$s2 A4,$s2 B1,$s3 B2,$s3 B3,$s3 "
t_exit 0 "cutoffs --quota" edu-exam cutoffs --year 2029 --quota
t_grep "... J2's seat returned" "^$s2,$J2,北京市西城区月坛初级中学,1,250,0,,1$" "$out"
t_exit 0 "explain B1" edu-exam explain B1
t_eq "... below the quota floor, then s2 full in the general batch" "$out" "exam_no,choice,school_code,result,reason
B1,quota:1,$s2,refused,total 245 is below its quota floor 250
B1,quota:2,$s3,refused,no quota seats for their junior school
B1,1,$s2,refused,\"full when their turn came: 4 seats, cutoff 270\"
B1,2,$s3,admitted,total 245 reached its min_score and a seat was free"
t_exit 0 "explain A2: admitted by J1's quota" edu-exam explain A2
t_eq "... on its first quota choice" "$(printf '%s\n' "$out" | tail -n +2)" \
	"A2,quota:1,$s2,admitted,total 290 reached its min_score and a seat was free"
t_exit 0 "a fixed floor" edu-db config set exam.quota_floor 240
t_exit 0 "admit with the floor at 240" edu-exam -q admit --year 2029 --seed 1
t_eq "... B1 (245) takes J2's seat again" "$(q "SELECT batch FROM admission WHERE year = 2029 AND exam_no = 'B1'")" quota
t_exit 65 "a bad floor setting" edu-db config set exam.quota_floor "cutoff20"
edu-db config set exam.quota_floor cutoff-20

# ---- the property test: batches against their definition ----------------------
# Random instances: eight schools, each in the early, general or
# vocational batch, some with a minimum quality grade; candidates with
# early, general and vocational choices naming any school.  An
# independent awk oracle checks the definition batch by batch: a
# candidate admitted in batch B by their choice K was refused, in every
# batch before B and by each choice before K in B, only by a school not
# in that batch, a min_score or grade they miss, or a school full with
# candidates ranked before them; an unadmitted one likewise in every
# batch.  The ranks follow the totals, no school is over its seats.
rm -f "$EDU_DB" "$EDU_DB-wal" "$EDU_DB-shm"
sample_db
students 60
seniors="$s1 $s2 $s3 2111010232 2111010233 2111010234 $voc 2111010238"
for round in 1 2 3; do
	year=$((2040 + round))
	awk -v seed="$round" -v seniors="$seniors" -v year="$year" '
	function pick(k,   c, j, x) {
		c = ""; delete u
		for (j = 0; j < k; j++) { do x = int(rand() * ns) + 1; while (x in u); u[x] = 1; c = c "," s[x] }
		return c
	}
	function pad(c, k, want,   j) { for (j = k; j < want; j++) c = c ","; return c }
	BEGIN {
		srand(seed); ns = split(seniors, s, " "); split("A B C D", g, " ")
		print "exam_no,student_no,name,score_a,score_b,grade_quality,early_choice1,early_choice2,choice1,choice2,choice3,vocational_choice1,vocational_choice2,junior_school" > "r.csv"
		for (i = 1; i <= 60; i++) {
			ke = rand() < 0.4 ? int(rand() * 3) : 0; kg = int(rand() * 4); kv = int(rand() * 3)
			printf "R%d-%02d,L11010220110301%04d,r,%d,%d,%s%s%s%s,%s\n", year, i, i,
				int(rand() * 4) * 10, int(rand() * 3) * 10, rand() < 0.8 ? g[int(rand() * 4) + 1] : "",
				pad(pick(ke), ke, 2), pad(pick(kg), kg, 3), pad(pick(kv), kv, 2),
				"211101022" (3 + int(rand() * 4)) > "r.csv"
		}
		split("early general general vocational", bt, " ")
		print "school_code,seats,min_score,batch,min_grades" > "rs.csv"
		for (x = 1; x <= ns; x++)
			if (rand() < 0.9)
				printf "%s,%d,%s,%s,%s\n", s[x], int(rand() * 7), rand() < 0.3 ? int(rand() * 40) : "",
					bt[int(rand() * 4) + 1], rand() < 0.3 ? "quality=" g[int(rand() * 3) + 1] : "" > "rs.csv"
	}'
	edu-exam -q import --year $year r.csv && edu-exam -q seats import --year $year rs.csv
	# Quota seats at each general school with seats: a random part,
	# split by candidates among the four junior schools.
	for x in $(awk -F, 'NR > 1 && $4 == "general" && $2 > 0 { print $1 "," $2 }' rs.csv); do
		edu-exam -q seats quota --year $year --school "${x%,*}" --seats $(( (${x#*,} * round) % (${x#*,} + 1) )) --by candidates
	done > split.csv
	t_run edu-exam -q admit --year $year --seed $round
	printf '%s\n' "$out" > res.csv
	q "SELECT exam_no, batch FROM admission WHERE year = $year AND batch IS NOT NULL" > ab.txt
	q "SELECT school_code, junior_school, seats, floor / 10.0 FROM quota WHERE year = $year" > quota.txt
	q "SELECT junior_school, count(*) FROM candidate WHERE year = $year GROUP BY 1" > juniors.txt
	t_eq "random instance $round: each quota split adds up to its seats, by the largest remainder" \
		"$(awk -F'|' -v year=$year '
			FILENAME == "juniors.txt" { b[$1] = $2; tot += $2; next }
			{ n[$1] += $3; got[$1, $2] = $3; sch[$1] = 1 }
			END { for (x in sch) {
				# N is the sum; each part is floor(N*b/tot) or one more,
				# the one more going to the largest remainders.
				N = n[x]; given = 0; bad = ""
				for (j in b) { f[j] = int(N * b[j] / tot); r[j] = N * b[j] % tot; given += f[j] }
				for (j in b) { d = got[x, j] - f[j]; if (d < 0 || d > 1) bad = bad " " x "/" j
					for (k in b) if (d == 1 && got[x, k] == f[k] && (r[k] > r[j] || (r[k] == r[j] && b[k] > b[j]))) bad = bad " remainder " x "/" j }
				}
				print bad == "" ? "ok" : bad }' juniors.txt quota.txt)" ok
	verdict=$(awk -F, '
		function reach(c, x,   m) { m = mg[x]; return tot[c] >= min[x] && (m == "" || (q[c] != "" && q[c] <= m)) }
		function qreach(c, x,   m) { m = mg[x]; return tot[c] >= fl[x] && (m == "" || (q[c] != "" && q[c] <= m)) }
		FILENAME == "ab.txt" { split($0, f, "|"); ab[f[1]] = f[2]; next }
		FILENAME == "quota.txt" { split($0, f, "|"); qs[f[1], f[2]] = f[3]; fl[f[1]] = f[4]; next }
		FILENAME == "rs.csv" { if (FNR > 1) { seats[$1] = $2; min[$1] = $3 == "" ? 0 : $3; bat[$1] = $4
			mg[$1] = $5 == "" ? "" : substr($5, 9, 1) }; next }
		FILENAME == "r.csv" { if (FNR > 1) { tot[$1] = $4 + $5; q[$1] = $6
			for (j = 7; j <= 8; j++) if ($j != "") { L[$1, "early", ++n[$1, "early"]] = $j; own["early"] = 1 }
			for (j = 9; j <= 11; j++) if ($j != "") L[$1, "general", ++n[$1, "general"]] = $j
			for (j = 12; j <= 13; j++) if ($j != "") { L[$1, "vocational", ++n[$1, "vocational"]] = $j; own["vocational"] = 1 }
			jr[$1] = $14 }; next }
		FNR > 1 { rank[$1] = $5; got[$1] = $7; at[$1] = $6; rows++; order[$5] = $1
			if ($6 != "") { taken[$6]++; k = $6 SUBSEP ab[$1]; if (ab[$1] == "quota") { k = $6 SUBSEP jr[$1]; qt[k]++ }
				if (!(k in worst) || $5 > worst[k]) worst[k] = $5 } }
		END {
			bad = ""; nb = split("early quota general vocational", B, " ")
			for (r = 2; r <= rows; r++)
				if (tot[order[r]] > tot[order[r - 1]]) bad = bad " rank " r " has a higher total"
			for (x in taken) if (taken[x] > seats[x]) bad = bad " " x " over its seats"
			for (k in qt) { split(k, f, SUBSEP); if (qt[k] > qs[f[1], f[2]] + 0) bad = bad " quota " k " over its share" }
			for (c in rank) {
				a = ab[c]
				if (a != "" && a != "quota" && a != bat[at[c]]) bad = bad " " c " admitted in the wrong batch"
				for (i = 1; i <= nb; i++) {
					b = B[i]; lb = own[b] ? b : "general"
					for (j = 1; j <= n[c, lb]; j++) {
						x = L[c, lb, j]
						if (b == a && j == got[c]) {
							if (x != at[c] || (b == "quota" ? !qreach(c, x) || !((x, jr[c]) in qs) : !reach(c, x)))
								bad = bad " " c " admitted wrongly"
							break
						}
						if (b == "quota") {
							# A junior school share: its own candidates only.
							if (!((x, jr[c]) in qs) || !qreach(c, x)) continue
							if (qt[x, jr[c]] + 0 < qs[x, jr[c]]) bad = bad " " c " saw a free quota seat at " x
							else if (worst[x, jr[c]] > rank[c]) bad = bad " " c " lost quota " x " to rank " worst[x, jr[c]]
							continue
						}
						if (!(x in seats) || bat[x] != b || !reach(c, x)) continue
						if (taken[x] + 0 < seats[x]) bad = bad " " c " saw a free seat at " x " in " b
						else if (worst[x, b] > rank[c]) bad = bad " " c " lost " x " to rank " worst[x, b]
					}
					if (b == a) { if (j > n[c, lb]) bad = bad " " c " not admitted by its list"; break }
				}
			}
			print rows == 60 ? (bad == "" ? "ok" : bad) : "only " rows " rows"
		}' ab.txt quota.txt rs.csv r.csv res.csv)
	t_eq "random instance $round: each batch, quota seats too, holds to the definition" "$verdict" ok
	# Round 2: the left-out candidates choose again, at random; the
	# seats the first round left empty go to them in the order of merit.
	awk -F, -v seed="$round" -v seniors="$seniors" 'BEGIN { srand(seed); ns = split(seniors, s, " ")
		print "exam_no,choice1,choice2,choice3" }
		NR > 1 && $6 == "" { c = ""; delete u
			for (j = 0; j < 3; j++) { do x = int(rand() * ns) + 1; while (x in u); u[x] = 1; c = c "," s[x] }
			print $1 c }' res.csv > r2.csv
	q "SELECT exam_no, school_code FROM admission WHERE year = $year AND school_code IS NOT NULL ORDER BY 1" > first.txt
	t_run edu-exam -q admit --year $year --round 2 r2.csv
	printf '%s\n' "$out" > res2.csv
	t_eq "random instance $round: round 2 leaves the first round's results as they were" \
		"$(q "SELECT exam_no, school_code FROM admission WHERE year = $year AND school_code IS NOT NULL AND round = 1 ORDER BY 1")" \
		"$(cat first.txt)"
	verdict=$(awk -F, '
		function reach(c, x,   m) { m = mg[x]; return tot[c] >= min[x] && (m == "" || (q[c] != "" && q[c] <= m)) }
		FILENAME == "rs.csv" { if (FNR > 1) { seats[$1] = $2; min[$1] = $3 == "" ? 0 : $3
			mg[$1] = $5 == "" ? "" : substr($5, 9, 1) }; next }
		FILENAME == "r.csv" { if (FNR > 1) { tot[$1] = $4 + $5; q[$1] = $6 }; next }
		FILENAME == "res.csv" { if (FNR > 1 && $6 != "") taken1[$6]++; next }
		FILENAME == "r2.csv" { if (FNR > 1) for (j = 2; j <= 4; j++) L[$1, j - 1] = $j; next }
		FNR > 1 { rank[$1] = $5; at[$1] = $6; got[$1] = $7; rows++
			if ($6 != "") { taken2[$6]++; if ($5 > worst[$6]) worst[$6] = $5 } }
		END {
			bad = ""
			for (x in taken2) if (taken2[x] > seats[x] - taken1[x]) bad = bad " " x " over its empty seats"
			for (c in rank) {
				last = got[c] == "" ? 3 : got[c] - 1
				if (got[c] != "" && (L[c, got[c]] != at[c] || !reach(c, at[c]))) bad = bad " " c " admitted wrongly"
				for (j = 1; j <= last; j++) {
					x = L[c, j]
					if (!(x in seats) || !reach(c, x)) continue
					if (taken2[x] + 0 < seats[x] - taken1[x]) bad = bad " " c " saw an empty seat at " x
					else if (worst[x] > rank[c]) bad = bad " " c " lost " x " to rank " worst[x]
				}
			}
			print bad == "" ? "ok " rows : bad
		}' rs.csv r.csv res.csv r2.csv res2.csv)
	t_eq "random instance $round: round 2 holds to the definition" "$verdict" "ok $(($(wc -l < r2.csv) - 1))"
done
t_grep "... and round 2 admitted some" "^[1-9]" "$(q "SELECT count(*) FROM admission WHERE round = 2 AND year > 2040")"
t_eq "... and the instances are not trivial: some admitted early, some vocational, some left" \
	"$(q "SELECT count(DISTINCT coalesce(batch, '-')) FROM admission WHERE year > 2040")" 5

done_testing
