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
A3,甲三,M,1982-01-01,2111010235,teacher,2005-09-01,math,初中,在编
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
t_grep "... Chinese values as keys, the default filled in" "^A3,.*,math,junior,yes$" "$out"
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

done_testing
