#!/bin/sh
# Staffing (issue 20): the establishment (编制) from enrolment, the staff in
# post against it, per subject, and the open posts.  Every figure below is
# worked by hand in the comments.
. "$(dirname "$0")/lib.sh"

sample_db
# n students of a grade at a school, with valid ID numbers from the test's
# own oracle (id18): school grade n first-serial
gen() {
	awk -v sc="$1" -v g="$2" -v n="$3" -v st="$4" "$id_awk"' BEGIN {
	for (i = 0; i < n; i++) {
		y = 2019 - g; s17 = sprintf("110102%04d0101%03d", y, st + i)
		printf ",resident,%s,学生%d,%s,%04d-01-01,%s,%d,2025-09-01,enrolled\n",
			s17 id_check(s17), st + i, (st + i) % 2 ? "M" : "F", y, sc, g } }'
}
A=2111010235	# nine-year: primary and junior
B=2111010229	# senior
C=2111010223	# junior
{
	echo student_no,id_type,id_number,name,sex,birth_date,school_code,grade,entry_date,status
	gen $A 1 38 100; gen $A 7 27 200; gen $B 10 26 300; gen $C 7 28 400
} > "$tmp/students.csv"
edu-enroll -q import "$tmp/students.csv" || echo "Bail out! students"

# ---- quota ------------------------------------------------------------------
# A: 38 primary / 19 = 2 posts, 27 junior / 13.5 = 2 posts: 4.
# B: 26 / 12.5 = 2.08, a part of a post is a post: 3.  C: 28 / 13.5 = 2.07: 3.
t_exit 0 "quota with no staff" edu-cadre quota --as-of 2026-03-01
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" "school,kind,students,quota,in_post,vacancies"
t_grep "... a nine-year school counts each stage by its ratio" "^$A,nine-year,65,4,0,4$" "$out"
t_grep "... 26 senior students need 3 posts" "^$B,senior,26,3,0,3$" "$out"
t_grep "... 28 junior students need 3 posts" "^$C,junior,28,3,0,3$" "$out"
t_grep "... a vocational school has no national ratio: empty" "^2111010237,vocational,0,,0,$" "$out"
t_exit 0 "quota --school" edu-cadre quota --as-of 2026-03-01 --school $B
t_eq "... one school" "$out" "school,kind,students,quota,in_post,vacancies
$B,senior,26,3,0,3"
t_exit 64 "quota --by nonsense" edu-cadre quota --by colour
t_exit 0 "a ratio in settings" edu-db config set staff.ratio.senior 13
t_exit 0 "... quota --school" edu-cadre quota --as-of 2026-03-01 --school $B
t_grep "... 26 / 13 = 2 posts" "^$B,senior,26,2,0,2$" "$out"
t_exit 65 "a ratio that is no number is refused" edu-db config set staff.ratio.senior 1:13
edu-db -q config set staff.ratio.senior 12.5

# ---- staff in post ----------------------------------------------------------
cat > "$tmp/staff.csv" <<'CSV'
staff_no,name,sex,birth_date,unit,category,hired_on,subject,stage,on_establishment
A1,甲一,M,1980-01-01,2111010235,teacher,2005-09-01,chinese,primary,yes
A2,甲二,F,1981-01-01,2111010235,teacher,2005-09-01,chinese,,
A3,甲三,M,1982-01-01,2111010235,teacher,2005-09-01,数学,初中,在编
A4,甲四,F,1983-01-01,2111010235,teacher,2005-09-01,chinese,primary,编外
A5,甲五,M,1970-01-01,2111010235,worker,1995-09-01,,,yes
B1,乙一,F,1975-01-01,2111010229,teacher,2000-09-01,chinese,senior,yes
B2,乙二,M,1990-01-01,2111010229,teacher,2026-04-01,math,senior,yes
B3,乙三,M,1985-01-01,2111010229,teacher,2010-09-01,chinese,senior,yes
C1,丙一,F,1985-01-01,2111010223,teacher,2010-09-01,chinese,,yes
C2,丙二,F,1986-01-01,2111010223,teacher,2010-09-01,chinese,,yes
C3,丙三,F,1987-01-01,2111010223,teacher,2010-09-01,chinese,,yes
C4,丙四,F,1988-01-01,2111010223,teacher,2010-09-01,chinese,,yes
CSV
t_exit 0 "import staff with subject, stage and on_establishment" edu-cadre import "$tmp/staff.csv"
t_exit 0 "... list shows them" edu-cadre list --unit $A
t_grep "... Chinese values (数学, 初中, 在编) as keys, the default filled in" "^A3,.*,math,junior,yes$" "$out"
t_grep "... 编外 is no" "^A4,.*,chinese,primary,no$" "$out"
t_exit 0 "B3 dismissed (开除) on 2026-02-01" edu-cadre punish --kind dismissal --on 2026-02-01 B3
t_exit 0 "B1 retires on 2026-05-01" edu-cadre retire --on 2026-05-01 B1

# A: A1 A2 A3 A5 in post (A4 is off the establishment): 4 of 4.
# B on 03-01: B1 only (B2 not hired yet, B3 dismissed): 1 of 3.
# B on 06-01: B2 only (B1 retired).  C: 4 teachers for 3 posts: -1.
t_exit 0 "quota --as-of 2026-03-01" edu-cadre quota --as-of 2026-03-01
t_grep "... off-establishment staff do not count" "^$A,nine-year,65,4,4,0$" "$out"
t_grep "... not yet hired and dismissed do not count" "^$B,senior,26,3,1,2$" "$out"
t_grep "... over the establishment is negative" "^$C,junior,28,3,4,-1$" "$out"
t_exit 0 "quota --as-of 2026-06-01" edu-cadre quota --as-of 2026-06-01 --school $B
t_grep "... the retired left, the new one came" "^$B,senior,26,3,1,2$" "$out"
# B boarding at 10 percent: 3 posts + 0.3, rounded up, 1: 4.
t_exit 0 "a boarding school's extra posts in settings" edu-db config set staff.extra.boarding "$B:10"
t_exit 0 "... quota" edu-cadre quota --as-of 2026-03-01 --school $B
t_grep "... 3 + 1" "^$B,senior,26,4,1,3$" "$out"
t_exit 0 "... the subject needs stay those of the stage" edu-cadre quota --by subject --as-of 2026-03-01 --school $B
t_eq "... 3 teaching posts" "$(printf '%s
' "$out" | tail -n +2 | awk -F, '{ n += $4 } END { print n }')" 3
t_exit 65 "... a school code that is not 10 digits is refused" edu-db config set staff.extra.remote "123:5"
# (edu-db config set refuses an empty value: a school with no students.)
t_exit 0 "... none again" edu-db config set staff.extra.boarding "2111010201:10"

# ---- by subject -------------------------------------------------------------
# Shares set by hand: primary and junior chinese:1 math:1, senior chinese:2
# math:1.  A primary 2 posts -> 1 + 1; A junior 2 -> 1 + 1; B 3 -> 2 + 1;
# C 3 -> 1.5 + 1.5, rounded down 1 + 1 and the post left to the first
# listed on a tie: chinese 2, math 1.
edu-db -q config set staff.subjects.primary "chinese:1 math:1"
edu-db -q config set staff.subjects.junior "chinese:1 math:1"
edu-db -q config set staff.subjects.senior "chinese:2 math:1"
t_exit 65 "shares that are not subject:weight are refused" \
	edu-db config set staff.subjects.junior "chinese=1"
t_exit 0 "quota --by subject" edu-cadre quota --by subject --as-of 2026-03-01
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" "school,stage,subject,need,in_post,vacancies"
# A: A1 primary chinese; A2 (no stage) fills primary chinese, full, so
# junior chinese; A3 junior math; nobody teaches primary math.
t_eq "... a nine-year school per stage; a teacher without a stage fills the first stage short" \
	"$(printf '%s\n' "$out" | grep "^$A,")" "$A,primary,chinese,1,1,0
$A,primary,math,1,0,1
$A,junior,chinese,1,1,0
$A,junior,math,1,1,0"
t_eq "... the senior school" "$(printf '%s\n' "$out" | grep "^$B,")" "$B,senior,chinese,2,1,1
$B,senior,math,1,0,1"
t_eq "... a school over its total still short of maths" "$(printf '%s\n' "$out" | grep "^$C,")" \
	"$C,junior,chinese,2,4,-2
$C,junior,math,1,0,1"

# ---- vacancies --------------------------------------------------------------
t_exit 0 "vacancies" edu-cadre vacancies --as-of 2026-03-01
t_eq "... the open posts only, by school code" "$out" "school,stage,subject,need,in_post,vacancies
$C,junior,math,1,0,1
$B,senior,chinese,2,1,1
$B,senior,math,1,0,1
$A,primary,math,1,0,1"
t_exit 0 "vacancies --subject chinese" edu-cadre vacancies --as-of 2026-03-01 --subject chinese
t_eq "... one row" "$out" "school,stage,subject,need,in_post,vacancies
$B,senior,chinese,2,1,1"
t_exit 0 "vacancies --subject math (the man page's example)" \
	edu-cadre vacancies --as-of 2026-03-01 --subject math
t_eq "... one per school" "$out" "school,stage,subject,need,in_post,vacancies
$C,junior,math,1,0,1
$B,senior,math,1,0,1
$A,primary,math,1,0,1"
t_exit 0 "quota --school C (the man page's example)" edu-cadre quota --as-of 2026-03-01 --school $C
t_eq "... over its establishment" "$out" "school,kind,students,quota,in_post,vacancies
$C,junior,28,3,4,-1"
t_exit 1 "vacancies --min 2: none, exit 1 like grep" edu-cadre vacancies --as-of 2026-03-01 --min 2
t_eq "... and prints nothing at all" "$out" ""

# ---- graduates and their placement ---------------------------------------
# A fresh district: three senior schools X, Y, Z with 25, 25 and 13
# students: 2, 2 and 2 posts (13 / 12.5 = 1.04, so 2); with the shares
# chinese:1 math:1 one chinese and one maths post each, all open.
sample_db
X=2111010229 Y=2111010230 Z=2111010231
{
	echo student_no,id_type,id_number,name,sex,birth_date,school_code,grade,entry_date,status
	gen $X 10 25 100; gen $Y 10 25 200; gen $Z 10 13 300
} > "$tmp/students.csv"
edu-enroll -q import "$tmp/students.csv" || echo "Bail out! students"
edu-db -q config set staff.subjects.senior "chinese:1 math:1"
t_exit 0 "the open posts of the example" edu-cadre vacancies
t_eq "... one chinese and one maths post at each school" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1-3,6 | tr '\n' ' ')" \
	"$X,senior,chinese,1 $X,senior,math,1 $Y,senior,chinese,1 $Y,senior,math,1 $Z,senior,chinese,1 $Z,senior,math,1 "

g() { id18 "11010219980101$1"; }
# Ten graduates, by hand (cert: 17 digits, the 10th the category, 4
# senior; the 11th the sex):
#  chinese: g1 90.0 X,Y        rank 1 -> X (choice 1)
#           g2 88.5 X,Z cert   rank 2 (the certificate breaks the tie) -> Z (2)
#           g3 88.5 X,Y        rank 3 -> Y (2)
#           g4 80.0 Y          rank 4, Y full: unplaced
#           g5 75.0 -          rank 5, no choices: unplaced
#           g6 70.0 Z,X        rank 6, both full: unplaced
#  math:    h1 85.0 Y,X cert bachelor  rank 2 (h2's master breaks the tie) -> X (2)
#           h2 85.0 Y,Z cert master    rank 1 -> Y (1)
#           h3 60.0 X,Y        rank 3, both full: unplaced (fallback any: Z)
#           h4 59.0 Y          rank 4: unplaced
cat > "$tmp/grads.csv" <<CSV
id_number,name,sex,university,degree,major,subject,stage,cert_no,score,choice1,choice2,choice3
$(g 001),甲,M,北京师范大学,学士,汉语言文学,语文,senior,,90,$X,$Y,
$(g 002),乙,F,首都师范大学,bachelor,汉语言文学,chinese,高中,20201101042000002,88.5,$X,$Z,
$(g 003),丙,M,首都师范大学,bachelor,汉语言文学,chinese,senior,,88.5,$X,$Y,
$(g 004),丁,F,北京师范大学,bachelor,汉语言文学,chinese,senior,,80.0,$Y,,
$(g 005),戊,M,北京师范大学,bachelor,汉语言文学,chinese,senior,,75,,,
$(g 006),己,F,北京师范大学,bachelor,汉语言文学,chinese,senior,,70,$Z,$X,
$(g 011),庚,M,北京师范大学,bachelor,数学,math,senior,20201101041000011,85,$Y,$X,
$(g 012),辛,F,北京师范大学,硕士,数学,math,senior,20201101042000012,85,$Y,$Z,
$(g 013),壬,M,北京师范大学,bachelor,数学,math,senior,,60,$X,$Y,
$(g 014),癸,F,北京师范大学,bachelor,数学,math,senior,,59,$Y,,
CSV
t_exit 64 "graduates import without --year" edu-cadre graduates import "$tmp/grads.csv"
t_exit 0 "graduates import --year 2026" edu-cadre graduates import --year 2026 "$tmp/grads.csv"
t_grep "... ten" "graduate: 10 inserted" "$err"
t_exit 0 "graduates list" edu-cadre graduates list --year 2026
t_grep "... the score in points, the degree as its key" "^2026,$(g 012),辛,F,北京师范大学,master,数学,math,senior,20201101042000012,85,$Y,$Z,,,$" "$out"
edu-cadre graduates list --year 2026 > "$tmp/glist.csv"
t_exit 0 "... imports back unchanged" edu-cadre graduates import --year 2026 --upsert "$tmp/glist.csv"
t_grep "... 10 unchanged" "0 inserted, 0 updated, 10 unchanged" "$err"

cat > "$tmp/badgrads.csv" <<CSV
id_number,name,sex,subject,stage,cert_no,score,choice1,choice2,year
$(g 021),a,F,chinese,senior,,80,$X,,
$(g 023),b,M,chinese,senior,20201101021000023,80,$X,,
$(g 025),c,M,chinese,senior,20201101042000025,80,$X,,
$(g 027),d,M,chinese,senior,,80,2111010209,,
$(g 029),e,M,chinese,senior,,80,$X,$X,
$(g 031),f,M,chinese,senior,,80,,$X,
$(g 033),g,M,Chinese,senior,,80,$X,,
$(g 035),h,M,chinese,senior,,80,$X,,2025
$(g 037),i,M,chinese,senior,,80.25,$X,,
$(g 039),j,M,calligraphy,senior,,80,$X,,
CSV
sum=$(db_sum)
t_exit 65 "bad graduates are refused" edu-cadre graduates import --year 2026 "$tmp/badgrads.csv"
t_grep "... the ID's sex" "badgrads.csv:2: id_number: it is a man's number, but sex is F" "$err"
t_grep "... a primary certificate for a senior post (教师资格条例 第五条)" \
	"badgrads.csv:3: cert_no: a certificate of category 2 does not qualify for senior" "$err"
t_grep "... a certificate of the other sex" "badgrads.csv:4: cert_no: its sex digit 2 is not that of sex M" "$err"
t_grep "... a choice without the stage" "badgrads.csv:5: choice1: school 2111010209 \(primary\) has no senior stage" "$err"
t_grep "... a school twice" "badgrads.csv:6: choice2: school $X is choice1 already" "$err"
t_grep "... a choice after an empty one" "badgrads.csv:7: choice2: a choice after an empty one" "$err"
t_grep "... a subject that is no key" "badgrads.csv:8: subject: 'Chinese' is not a subject key" "$err"
t_grep "... another year" "badgrads.csv:9: year: 2025 is not the --year 2026" "$err"
t_grep "... two decimals" "badgrads.csv:10: score: " "$err"
t_grep "... a subject without posts at the stage" \
	"badgrads.csv:11: subject: 'calligraphy' has no posts at senior \(setting staff.subjects.senior: chinese:1 math:1\)" "$err"
t_eq "... and nothing is written" "$(db_sum)" "$sum"

# ---- place -----------------------------------------------------------------
t_exit 1 "place: some stay unplaced, exit 1" edu-cadre place --year 2026 --seed 7
t_eq "... the plan worked by hand" "$out" "id_number,name,stage,subject,rank,school_code,choice,reason
$(g 001),甲,senior,chinese,1,$X,1,
$(g 002),乙,senior,chinese,2,$Z,2,
$(g 003),丙,senior,chinese,3,$Y,2,
$(g 004),丁,senior,chinese,4,,,every choice full
$(g 005),戊,senior,chinese,5,,,no choices
$(g 006),己,senior,chinese,6,,,every choice full
$(g 012),辛,senior,math,1,$Y,1,
$(g 011),庚,senior,math,2,$X,2,
$(g 013),壬,senior,math,3,,,every choice full
$(g 014),癸,senior,math,4,,,every choice full"
t_grep "... counts on stderr" "5 placed, 5 unplaced" "$err"
plan1=$out
t_exit 1 "place again with another seed" edu-cadre place --year 2026 --seed 8
t_eq "... the same plan: no tie came to the lottery" "$out" "$plan1"
t_exit 0 "plan prints the stored plan" edu-cadre plan --year 2026
t_eq "... the same" "$out" "$plan1"

t_exit 1 "explain an unplaced graduate" edu-cadre explain --year 2026 $(g 006)
t_eq "... each choice, why not" "$out" "id_number,choice,school_code,result,reason
$(g 006),1,$Z,full,its 1 post of senior chinese went to rank 2
$(g 006),2,$X,full,its 1 post of senior chinese went to rank 1"
t_exit 0 "explain a graduate placed by the second choice" edu-cadre explain --year 2026 $(g 011)
t_eq "... the first choice only" "$out" "id_number,choice,school_code,result,reason
$(g 011),1,$Y,full,its 1 post of senior math went to rank 1"

edu-db -q config set place.fallback any
t_exit 1 "place with place.fallback any" edu-cadre place --year 2026 --seed 7
t_grep "... h3 gets the maths post left at Z, choice 0" "^$(g 013),壬,senior,math,3,$Z,0,$" "$out"
t_grep "... h4, below, finds none" "^$(g 014),癸,senior,math,4,,,no post of the subject and stage left$" "$out"
t_eq "... no graduate above a fallback one lost a choice to it" \
	"$(printf '%s\n' "$out" | grep -c ',senior,chinese,.*,,,no post')" 3
t_eq "... the audit row of the run" "$(sqlite3 "$EDU_DB" "SELECT json_extract(change, '$.placed') || ' ' || json_extract(change, '$.seed') FROM audit WHERE entity = 'graduate_plan' ORDER BY id DESC LIMIT 1")" "6 7"

# ---- appoint --plan ---------------------------------------------------------
# The plan with fallback: g1 X, g2 Z (cert), g3 Y, h2 Y (cert), h1 X
# (cert), h3 Z; g1, g3 and h3 hold no certificate.
printf '%s\n' "$out" > "$tmp/plan.csv"
sum=$(db_sum)
t_exit 65 "appoint --plan: graduates without a certificate are refused" \
	edu-cadre appoint --plan "$tmp/plan.csv" --on 2026-08-20
t_grep "... each named" "graduate $(g 001): no valid teacher certificate \(give --pending-cert" "$err"
t_eq "... three of them" "$(printf '%s\n' "$err" | grep -c 'no valid teacher certificate')" 3
t_eq "... and nothing is written" "$(db_sum)" "$sum"
t_exit 64 "--pending-cert without --plan" edu-cadre appoint --pending-cert S1
t_exit 0 "appoint --plan --pending-cert" edu-cadre appoint --plan "$tmp/plan.csv" --pending-cert --on 2026-08-20
t_grep "... six appointed" "6 graduates appointed" "$err"
t_exit 0 "the new teachers" edu-cadre list --unit $X
t_eq "... as staff of the school, hired on the day, subject and stage, on the establishment" \
	"$out" "staff_no,id_number,name,sex,birth_date,unit,category,position,rank,title,title_since,education,degree,party,party_since,hired_on,status,subject,stage,on_establishment
$(g 001),$(g 001),甲,M,1998-01-01,$X,teacher,试用期教师,,,,,学士,none,,2026-08-20,active,chinese,senior,yes
$(g 011),$(g 011),庚,M,1998-01-01,$X,teacher,教师,,,,,学士,none,,2026-08-20,active,math,senior,yes"
t_exit 0 "list --pending-cert" edu-cadre list --pending-cert
t_eq "... the three on probation" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "$(g 001) $(g 003) $(g 013) "
t_exit 0 "show: the appoint event" edu-cadre show $(g 002)
t_grep "... dated the day, to the post 教师" "^2026-08-20 appoint,教师$" "$out"
sum=$(db_sum)
t_exit 0 "appoint --plan again" edu-cadre appoint --plan "$tmp/plan.csv" --pending-cert --on 2026-08-20
t_grep "... changes nothing" "0 graduates appointed" "$err"
t_eq "... not a byte of the registers" "$(db_sum)" "$sum"
t_exit 65 "place again once graduates are appointed is refused" edu-cadre place --year 2026 --seed 7
t_grep "... the plan is final" "the plan of 2026 is final: 6 of its graduates were appointed" "$err"
t_exit 1 "no vacancies left once they are in post" edu-cadre vacancies --as-of 2026-09-01
t_exit 0 "... but the day before they were" edu-cadre vacancies --as-of 2026-08-19
t_eq "... all six" "$(printf '%s\n' "$out" | tail -n +2 | wc -l | tr -d ' ')" 6

# ---- the examples/ data -----------------------------------------------------
# examples/establishment-staff.csv and examples/graduates.csv on the sample schools and
# students: 0209 has its chinese teacher; 0210 is full with a worker but
# short of chinese; 0212's teacher retired; 0216's is off the
# establishment; 0223 has a maths teacher where the post is chinese.
sample_db
edu-enroll -q import "$examples/students.csv" || echo "Bail out! examples"
t_exit 0 "examples: import the staff" edu-cadre import "$examples/establishment-staff.csv"
t_exit 0 "examples: quota" edu-cadre quota --as-of 2026-06-30
t_eq "... by hand" "$(printf '%s\n' "$out" | grep -E '^21110102(09|10|12|16|23),')" "2111010209,primary,3,1,1,0
2111010210,primary,1,1,1,0
2111010212,primary,3,1,0,1
2111010216,primary,4,1,0,1
2111010223,junior,3,1,1,0"
t_exit 0 "examples: vacancies --subject chinese" edu-cadre vacancies --as-of 2026-06-30 --subject chinese
t_grep "... 0210 full in total, short of chinese" "^2111010210,primary,chinese,1,0,1$" "$out"
t_grep "... 0223 likewise" "^2111010223,junior,chinese,1,0,1$" "$out"
t_exit 0 "examples: graduates import" edu-cadre graduates import --year 2026 "$examples/graduates.csv"
# Primary chinese, open at 0210 0212 0214 0216: 吴昊 91 -> 0210; 周雨 88.5
# -> (0209, 0210 full) 0212; 王磊 85 with a certificate before 郑洁 85
# without -> (0212 full) 0216; 郑洁 -> 0214; the rest find theirs full.
# Junior: 蒋文 -> 0223 chinese; 沈涛 wants maths, which has no post.
t_exit 1 "examples: place" edu-cadre place --year 2026 --seed 1 --on 2026-06-30
t_eq "... the placed, by hand" "$(printf '%s\n' "$out" | awk -F, '$6 != "" { print $2, $5, $6, $7 }' | tail -n +2)" "吴昊 1 2111010210 1
周雨 2 2111010212 3
王磊 3 2111010216 2
郑洁 4 2111010214 2
蒋文 1 2111010223 1"
t_exit 1 "examples: explain 冯敏" edu-cadre explain --year 2026 110102199901010068
t_eq "... her one choice" "$(printf '%s\n' "$out" | tail -1)" \
	"110102199901010068,1,2111010214,full,its 1 post of primary chinese went to rank 4"
edu-cadre plan --year 2026 > "$tmp/explan.csv"
t_exit 65 "examples: appoint --plan, 郑洁 has no certificate" edu-cadre appoint --plan "$tmp/explan.csv" --on 2026-08-25
t_exit 0 "examples: appoint --plan --pending-cert" edu-cadre appoint --plan "$tmp/explan.csv" --pending-cert --on 2026-08-25
t_grep "... five appointed" "5 graduates appointed" "$err"

done_testing
