#!/bin/sh
# Names and the days of past events (issue 16, point 13): a name is kept
# without the blanks around it (" 吴若汐 " is 吴若汐, so lookups by name
# find it) and one of blanks only is refused; a date that records what
# happened (born, acquired, entered, hired...) may not lie after --on
# (today by default), and the error names the column and the date.
. "$(dirname "$0")/lib.sh"

sample_db
count() { sqlite3 "$EDU_DB" "$1"; }
ideo=$(printf '\343\200\200')	# U+3000, the ideographic space

# ---- names ------------------------------------------------------------------
a=$(id18 11010220180305123)	# M, 2018-03-05
b=$(id18 11010220160812246)	# F, 2016-08-12
cat > "$tmp/st.csv" <<EOF
id_number,name,sex,birth_date,school_code,grade,guardian
$a, 吴若汐 ,M,2018-03-05,2111010209,3,${ideo}吴强${ideo}
EOF
t_exit 0 "a student named ' 吴若汐 '" edu-enroll --on 2026-09-01 import "$tmp/st.csv"
t_eq "... is stored as 吴若汐, the guardian as 吴强" \
	"$(count "SELECT '[' || name || '][' || guardian || ']' FROM student")" "[吴若汐][吴强]"
t_eq "... and is found by name" "$(count "SELECT count(*) FROM student WHERE name = '吴若汐'")" 1

cat > "$tmp/blank.csv" <<EOF
id_number,name,sex,birth_date,school_code,grade
$b,"   ",F,2016-08-12,2111010209,5
EOF
sum=$(db_sum)
t_exit 65 "a name of spaces only is refused" edu-enroll --on 2026-09-01 import "$tmp/blank.csv"
t_eq "... naming the line and column" "$(printf '%s\n' "$err" | head -1)" \
	"edu-enroll: $tmp/blank.csv:2: name: may not be empty (it is only blanks)"
t_eq "... and nothing is written" "$(db_sum)" "$sum"
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,%s%s,F,2016-08-12,2111010209,5\n' \
	"$b" "$ideo" "$ideo" > "$tmp/blank2.csv"
t_exit 65 "... so is one of ideographic spaces" edu-enroll --on 2026-09-01 import "$tmp/blank2.csv"
t_grep "... the same message" "name: may not be empty \\(it is only blanks\\)" "$err"

cat > "$tmp/asset.csv" <<'EOF'
tag,name,category,unit,custodian,acquired_on,cost
T-1,  联想台式机 ,computer,2111010201, 李建国,2026-03-01,5000
EOF
t_exit 0 "an asset and its custodian with blanks" edu-assets --on 2026-06-30 import "$tmp/asset.csv"
t_eq "... both trimmed" "$(count "SELECT name || '|' || custodian FROM asset")" "联想台式机|李建国"

cat > "$tmp/staff.csv" <<'EOF'
staff_no,name,sex,birth_date,unit,category
S1, 王建国,M,1965-01-10,人事科,cadre
S2,  ,F,1970-01-10,人事科,cadre
EOF
t_exit 65 "a staff row with a blank name" edu-cadre import "$tmp/staff.csv"
t_eq "... only that row is named" "$(printf '%s\n' "$err" | head -1)" \
	"edu-cadre: $tmp/staff.csv:3: name: may not be empty (it is only blanks)"
t_exit 1 "... with --reject the good row goes in" \
	edu-cadre import --reject "$tmp/rej.csv" "$tmp/staff.csv"
t_eq "... trimmed" "$(count "SELECT '[' || name || ']' FROM staff")" "[王建国]"

cat > "$tmp/school.csv" <<'EOF'
school_code,name,kind,ownership,principal
2111019999, 新建小学 ,primary,public,  刘明
EOF
t_exit 0 "a school name and principal with blanks" edu-school import "$tmp/school.csv"
t_eq "... trimmed" "$(count "SELECT name || '|' || principal FROM school WHERE school_code = '2111019999'")" \
	"新建小学|刘明"

# ---- past events -----------------------------------------------------------------
cat > "$tmp/future.csv" <<'EOF'
tag,name,category,unit,acquired_on,cost
T-2,打印机,office,2111010201,2026-07-01,3000
EOF
sum=$(db_sum)
t_exit 65 "an asset acquired after --on" edu-assets --on 2026-06-30 import "$tmp/future.csv"
t_eq "... names the column and both dates" "$(printf '%s\n' "$err" | head -1)" \
	"edu-assets: $tmp/future.csv:2: acquired_on: 2026-07-01 is after 2026-06-30 (--on, today by default): a day that has not come yet cannot record what happened"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 0 "... on the day itself it is taken" edu-assets --on 2026-07-01 import "$tmp/future.csv"

# Today by default: a date 2 years ahead of the clock is refused.
next=$(( $(date +%Y) + 2 ))
cat > "$tmp/born.csv" <<EOF
staff_no,name,sex,birth_date,unit,category
S3,赵丽,F,$next-01-01,人事科,worker
EOF
t_exit 65 "a birth date after today" edu-cadre import "$tmp/born.csv"
t_grep "... names birth_date and the date" "born.csv:2: birth_date: $next-01-01 is after " "$err"

cat > "$tmp/entry.csv" <<EOF
id_number,name,sex,birth_date,school_code,grade,entry_date
$b,李欣怡,F,2016-08-12,2111010209,5,2026-09-01
EOF
t_exit 65 "an entry date after --on" edu-enroll --on 2026-08-31 import "$tmp/entry.csv"
t_grep "... names entry_date" "entry.csv:2: entry_date: 2026-09-01 is after 2026-08-31" "$err"
t_exit 0 "... taken with --on the entry day" edu-enroll --on 2026-09-01 import "$tmp/entry.csv"

cat > "$tmp/train.csv" <<'EOF'
staff_no,course,hours,date
S1,新课标培训,24,2026-12-01
EOF
t_exit 65 "training dated after --on" edu-cadre --on 2026-11-30 train import "$tmp/train.csv"
t_grep "... names date" "train.csv:2: date: 2026-12-01 is after 2026-11-30" "$err"

# ---- edu-petition and edu-doc -----------------------------------------------------
# The petitioner and a document's handler are names; the days a case was
# received, known, applied for, replied to, accepted and served, and a
# document's own date and the day it came in, are days of what happened.
cat > "$tmp/case.csv" <<'EOF'
kind,channel,category,received_on,petitioner,subject
XF,letter,claim,2026-06-30, 吴若汐 ,校车路线
EOF
t_exit 0 "a case whose petitioner is ' 吴若汐 '" edu-petition --on 2026-06-30 import "$tmp/case.csv"
t_eq "... stored as 吴若汐, found by name, received on --on itself" \
	"$(count "SELECT case_no || '|' || received_on FROM petition WHERE petitioner = '吴若汐'")" \
	"XF-2026-00001|2026-06-30"
printf 'kind,channel,category,received_on,petitioner,subject\nXF,letter,claim,2026-06-01,%s %s,x\n' \
	"$ideo" "$ideo" > "$tmp/case-blank.csv"
sum=$(db_sum)
t_exit 65 "a petitioner of blanks only" edu-petition --on 2026-06-30 import "$tmp/case-blank.csv"
t_eq "... refused with the file, line and column" "$(printf '%s\n' "$err" | head -1)" \
	"edu-petition: $tmp/case-blank.csv:2: petitioner: may not be empty (it is only blanks)"
t_eq "... nothing written" "$(db_sum)" "$sum"
cat > "$tmp/case-future.csv" <<'EOF'
kind,channel,category,received_on,petitioner,subject
XF,letter,claim,2026-07-01,李欣怡,食堂
EOF
t_exit 65 "a case received after --on" edu-petition --on 2026-06-30 import "$tmp/case-future.csv"
t_eq "... names received_on and both days" "$(printf '%s\n' "$err" | head -1)" \
	"edu-petition: $tmp/case-future.csv:2: received_on: 2026-07-01 is after 2026-06-30 (--on, today by default): a day that has not come yet cannot record what happened"
cat > "$tmp/case-replied.csv" <<'EOF'
kind,channel,category,received_on,petitioner,subject,status,replied_on
XF,letter,claim,2026-06-01,李欣怡,食堂,replied,2026-07-02
EOF
t_exit 65 "a reply dated after --on" edu-petition --on 2026-06-30 import "$tmp/case-replied.csv"
t_grep "... names replied_on" "case-replied.csv:2: replied_on: 2026-07-02 is after 2026-06-30" "$err"
t_exit 64 "new --petitioner of blanks only" edu-petition --on 2026-06-30 new --kind XF \
	--channel visit --category claim --petitioner "  " --subject x
t_grep "... names the option" "--petitioner: may not be empty \\(it is only blanks\\)" "$err"
t_exit 0 "new --petitioner ' 王芳 '" edu-petition --on 2026-06-30 new --kind XF \
	--channel visit --category claim --petitioner " 王芳$ideo" --subject 学位
t_eq "... stored as 王芳" "$(count "SELECT count(*) FROM petition WHERE petitioner = '王芳'")" 1
t_exit 65 "new --received after --on" edu-petition --on 2026-06-30 new --kind XF \
	--channel visit --category claim --petitioner 王芳 --subject 学位 --received 2026-07-01
t_eq "... names received_on" "$err" \
	"edu-petition: received_on: 2026-07-01 is after 2026-06-30 (--on, today by default): a day that has not come yet cannot record what happened"
t_exit 65 "new FY: knew of the act after --on" edu-petition --on 2026-06-30 new --kind FY \
	--petitioner 王芳 --subject 处分 --knew 2026-07-03 --applied 2026-06-29
t_grep "... names knew_on" "^edu-petition: knew_on: 2026-07-03 is after 2026-06-30" "$err"

cat > "$tmp/doc.csv" <<'EOF'
direction,issuer,title,doc_date,received_on,handler
in,市教委,关于开展安全检查的通知,2026-06-25,2026-06-30, 张伟 
EOF
t_exit 0 "a document whose handler is ' 张伟 ', received on --on" edu-doc --on 2026-06-30 import "$tmp/doc.csv"
t_eq "... the handler trimmed" "$(count "SELECT doc_no || '|' || handler FROM document WHERE handler = '张伟'")" \
	"收〔2026〕1号|张伟"
cat > "$tmp/doc-future.csv" <<'EOF'
direction,issuer,title,doc_date,received_on
in,市教委,通知一,2026-07-01,2026-06-30
in,市教委,通知二,2026-06-29,2026-07-01
in,市教委,通知三,2026-06-29,2026-06-30
EOF
sum=$(db_sum)
t_exit 65 "a document dated or received after --on" edu-doc --on 2026-06-30 import "$tmp/doc-future.csv"
t_eq "... each row names its column" "$(printf '%s\n' "$err" | head -2 | sed 's/ (--on.*//')" \
"edu-doc: $tmp/doc-future.csv:2: doc_date: 2026-07-01 is after 2026-06-30
edu-doc: $tmp/doc-future.csv:3: received_on: 2026-07-01 is after 2026-06-30"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 65 "receive --date after --on" edu-doc --on 2026-06-30 receive --issuer 市教委 --title 通知 --date 2026-07-01
t_grep "... names doc_date" "^edu-doc: doc_date: 2026-07-01 is after 2026-06-30" "$err"
t_exit 64 "route --handler of blanks only" edu-doc --on 2026-06-30 route "收〔2026〕1号" --to 安全科 --handler " $ideo"
t_grep "... names the option" "--handler: may not be empty \\(it is only blanks\\)" "$err"
t_exit 0 "route --handler ' 李明 '" edu-doc --on 2026-06-30 route "收〔2026〕1号" --to 安全科 --handler " 李明 "
t_eq "... stored as 李明" "$(count "SELECT handler FROM document WHERE doc_no = '收〔2026〕1号'")" 李明

done_testing
