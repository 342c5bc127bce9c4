#!/bin/sh
# edu-enroll: the student registry.  Import and its refusals, duplicates on
# the bulk and the staged path, --reject, --upsert, the round trip; list
# filters and --as-of; show; status events and their refusals; promote;
# nearby enrolment (assign); placement and the disability report; stats;
# roles; a killed import.
. "$(dirname "$0")/lib.sh"

# An ID number: 17 digits and their check character (the oracle of
# lib.sh, written from GB 11643, not from libedu).
idc() { id18 "$1"; }
rows() { printf '%s\n' "$1" | tail -n +2 | grep -c .; }
count() { sqlite3 "$EDU_DB" "$1"; }

sample_db
edu-school -q zone import "$examples/zones.csv"

# ---- import -------------------------------------------------------------

a=$(idc 11010220180305123)	# M, 2018-03-05
b=$(idc 11010220160812246)	# F, 2016-08-12
c=$(idc 11010520090417351)	# M, 2009-04-17
d=$(idc 11010220111130128)	# F, 2011-11-30
old15=110102991120371	# 15 digits, born 1999-11-20, sequence 371 (M)
up=$(idc 11010219991120371)
j=$(idc 11010220170207901)	# a J number for a passport holder
cat > "$tmp/ok.csv" <<EOF
student_no,id_type,id_number,name,sex,birth_date,ethnicity,school_code,grade,class,entry_date,status,major,disability,placement,zone,address,guardian,phone
,resident,$a,王浩然,M,2018-03-05,汉族,2111010209,3,2,2024-09-01,enrolled,,,,德胜片区,"北京市西城区德胜门内大街1号院,3单元",王强,13800001111
G$b,居民身份证,$b,李欣怡,女,2016/8/12,回族,2111010216,5,1,2022年9月1日,在读,,hearing,随班就读,金融街片区,,,
,resident,$c,张博文,M,2009-04-17,汉族,2111010237,12,3,2024-09-01,enrolled,计算机应用,,,,,,
,resident,$d,赵雨桐,F,2011-11-30,满族,2111010224,9,1,2023-09-01,enrolled,,,,,,,
J$j,passport,E12345678,Emma Li,F,2017-02-07,,2111010216,4,2,2023-09-01,enrolled,,,,,,,
L110102201902220001,hk_macao,H60123456,陈嘉欣,F,2019-02-22,汉族,2111010209,2,1,2025-09-01,enrolled,,,,,,,
,resident,$old15,老学生,M,1999-11-20,,2111010239,1,1,2020-09-01,enrolled,,intellectual,special-school,,,,
EOF
t_exit 0 "import valid students into an empty table" edu-enroll import "$tmp/ok.csv"
t_grep "... 7 inserted" "student: 7 inserted, 0 updated, 0 unchanged, 0 rejected" "$err"
t_exit 0 "list" edu-enroll list
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" \
	"student_no,id_type,id_number,name,sex,birth_date,ethnicity,school_code,grade,class,entry_date,status,major,disability,placement,zone,address,guardian,phone"
t_eq "... 7 rows" "$(rows "$out")" 7
t_grep "an empty student_no is G and the ID number" "^G$a,resident,$a,王浩然,M,2018-03-05," "$out"
t_grep "Chinese values and dates normalised" "^G$b,resident,$b,李欣怡,F,2016-08-12,回族,2111010216,5,1,2022-09-01,enrolled,,hearing,regular-class," "$out"
t_grep "a 15-digit ID number is upgraded, and its G number with it" "^G$up,resident,$up,老学生,M,1999-11-20," "$out"
t_grep "a J number for a passport holder" "^J$j,passport,E12345678,Emma Li,F," "$out"
t_grep "an L number" "^L110102201902220001,hk_macao,H60123456," "$out"
t_grep "a quoted address with a comma is kept" '"北京市西城区德胜门内大街1号院,3单元"' "$out"
t_eq "one audit row for the inserted rows" \
	"$(count "SELECT count(*) FROM audit WHERE entity = 'student'")" 1
t_grep "... with the count and a SHA-256" '^\{"inserted":7,"sha256":"[0-9a-f]{64}"\}$' \
	"$(count "SELECT change FROM audit WHERE entity = 'student'")"
t_eq "the student indexes are built again after the bulk load" \
	"$(count "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'student' AND sql IS NOT NULL")" 2

# Each kind of bad row, reported as FILE:LINE: COLUMN: message; nothing
# written.  The table is not empty now: the staged path.
# b with its check character changed
e=$(printf '%s' "$b" | cut -c1-17)$( [ "$(printf '%s' "$b" | cut -c18)" = 0 ] && echo 1 || echo 0)
cat > "$tmp/bad.csv" <<EOF
student_no,id_type,id_number,name,sex,birth_date,school_code,grade,major,disability,placement
,resident,$(idc 11010220170101002),好学生,F,2017-01-01,2111010209,4,,,
,resident,$e,坏校验,F,2016-08-12,2111010209,5,,,
,resident,$(idc 11010220160812266),生日,F,2016-08-13,2111010209,5,,,
,resident,$(idc 11010220160812266),性别,M,2016-08-12,2111010209,5,,,
,resident,$(idc 11010220160812266),无校,F,2016-08-12,2111019999,5,,,
,resident,$(idc 11010220160812266),幼儿园,F,2016-08-12,2111010201,5,,,
,resident,$(idc 11010220160812266),年级,F,2016-08-12,2111010223,5,,,
,resident,$(idc 11010220160812266),专业,F,2016-08-12,2111010209,5,计算机应用,,
,resident,$(idc 11010220160812266),安置,F,2016-08-12,2111010209,5,,,special-class
G$(idc 11010220200115001),resident,$(idc 11010220160812266),G不符,F,2016-08-12,2111010209,5,,,
EOF
sum=$(db_sum)
t_exit 65 "a file with bad rows" edu-enroll import "$tmp/bad.csv"
t_grep "... a wrong check character" "bad.csv:3: id_number: check character is wrong" "$err"
t_grep "... a birth date the ID number disagrees with" "bad.csv:4: birth_date: 2016-08-13, but the ID number says 2016-08-12" "$err"
t_grep "... a sex the ID number disagrees with" "bad.csv:5: sex: M, but the ID number says F" "$err"
t_grep "... an unknown school" "bad.csv:6: school_code: no school '2111019999'" "$err"
t_grep "... a kindergarten: grades K1-K3 (issue 17)" "bad.csv:7: grade: school 2111010201 is a kindergarten school, with grades K1-K3, not 5" "$err"
t_grep "... a grade the school does not teach" "bad.csv:8: grade: school 2111010223 is a junior school, with grades 7-9, not 5" "$err"
t_grep "... a major at a school that is not vocational" "bad.csv:9: major: only students of a vocational school have a major" "$err"
t_grep "... a placement without a disability" "bad.csv:10: placement: a placement is for a student with a disability" "$err"
t_grep "... a G number that is not the ID number" "bad.csv:11: student_no: a G number is G and the student's resident ID number" "$err"
t_grep "... every bad row, and nothing written" "nothing written \(9 bad rows\)" "$err"
t_eq "... the good row is not in either" "$(count "SELECT count(*) FROM student")" 7
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"

# The same file into an empty table goes the bulk path.
good_db=$EDU_DB
EDU_DB=$tmp/empty.db
sample_db
sum=$(db_sum)
t_run edu-enroll import "$tmp/bad.csv"
# Regression: the bulk path once exited 70 ('foreign key mismatch') here.
t_eq "bad rows into an empty table (bulk load): exit 65" "$rc" 65
t_grep "... each row reported" "bad.csv:11: student_no: a G number" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"

# Duplicates within a file: the bulk path (empty table) ...
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,甲,M,2018-03-05,2111010209,3\n%s,乙,F,2016-08-12,2111010209,5\n%s,甲,M,2018-03-05,2111010209,3\n' \
	"$a" "$b" "$a" > "$tmp/dup.csv"
t_run edu-enroll import "$tmp/dup.csv"
t_eq "a duplicate within a file, bulk path: exit 65" "$rc" 65
t_grep "... naming the first line and the column" "dup.csv:4: student_no: the same student as line 2" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_run edu-enroll import --reject "$tmp/dup-rej.csv" "$tmp/dup.csv"
t_eq "a duplicate within a file, bulk path, --reject: exit 1" "$rc" 1
t_eq "... two rows in" "$(count "SELECT count(*) FROM student")" 2
t_grep "... the third in the reject file" "the same student as line 2" "$(cat "$tmp/dup-rej.csv")"
t_exit 0 "edu-db check passes after a bulk load with rejects" edu-db -q check
# A different student number with the same ID number (a J number for a
# resident): the unique ID index catches it on the bulk path too.
printf 'student_no,id_type,id_number,name,sex,birth_date,school_code,grade\nG%s,resident,%s,乙,F,2016-08-12,2111010209,5\nJ%s,resident,%s,乙,F,2016-08-12,2111010209,5\n' "$b" "$b" "$b" "$b" > "$tmp/dupid.csv"
EDU_DB=$tmp/empty2.db; sample_db
t_exit 65 "the same ID number under two student numbers, bulk path" edu-enroll import "$tmp/dupid.csv"
t_grep "... naming the first line" "dupid.csv:3: id_number: the same student as line 2" "$err"
# ... and across files, named by the file and line of the first.
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,乙,F,2016-08-12,2111010209,5\n' "$b" > "$tmp/dupf.csv"
EDU_DB=$tmp/empty3.db; sample_db
t_exit 65 "a duplicate of another file's row, bulk path" edu-enroll import "$tmp/dup.csv" "$tmp/dupf.csv"
t_grep "... naming that file and line" "dupf.csv:2: student_no: the same student as $tmp/dup.csv:3" "$err"
EDU_DB=$tmp/empty.db
# The audit row of an import holds the number of rows it inserted and the
# SHA-256 of their values in the order they went in, on either path.
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,乙,M,2018-03-05,2111010209,3\n%s,甲,F,2011-11-30,2111010224,9\n' \
	"$a" "$d" > "$tmp/two.csv"
digest() { count "SELECT change FROM audit WHERE entity = 'student' AND key = 'import' ORDER BY id DESC LIMIT 1"; }
EDU_DB=$tmp/d1.db; sample_db; edu-enroll -q import "$tmp/two.csv"; d1=$(digest)
EDU_DB=$tmp/d2.db; sample_db
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,丙,M,2009-04-17,2111010237,12\n' "$c" | edu-enroll -q import
edu-enroll -q import "$tmp/two.csv"; d2=$(digest)
t_grep "... the audit rows of both imports have a digest" '"inserted":2,"sha256":"[0-9a-f]{64}"' "$d1
$d2"
EDU_DB=$tmp/d3.db; sample_db; edu-enroll -q import "$tmp/two.csv"
t_eq "... the same rows into an empty table give the same digest" "$(digest)" "$d1"
EDU_DB=$good_db

# ... and the staged path (table not empty).
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,甲,M,2014-05-06,2111010209,6\n%s,乙,M,2014-05-06,2111010209,6\n' \
	"$(idc 11010220140506111)" "$(idc 11010220140506111)" > "$tmp/dup2.csv"
sum=$(db_sum)
t_exit 65 "a duplicate within a file, staged path" edu-enroll import "$tmp/dup2.csv"
t_grep "... reported against the first line" "dup2.csv:3: student_no: the same student as line 2" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"
t_exit 65 "a key that exists already, without --upsert" edu-enroll import "$tmp/ok.csv"
t_grep "... named" "ok.csv:2: student_no: student 'G$a' exists already \(use --upsert" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,丙,M,2014-05-06,2111010209,6\n' "$(idc 11010220140506111)" > "$tmp/one.csv"
t_exit 0 "--dry-run imports nothing" edu-enroll -n import "$tmp/one.csv"
t_grep "... but reports what it would" "1 inserted" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"

printf 'student_no,id_type,id_number,name,sex,birth_date,school_code,grade\nL110102201902230002,hk_macao,H1,李,F,2019-02-22,2111010209,2\n' > "$tmp/l.csv"
t_exit 65 "an L number with another birth date" edu-enroll import "$tmp/l.csv"
t_grep "... named" "l.csv:2: student_no: an L number carries the birth date: 20190223 is not 2019-02-22" "$err"
printf 'student_no,id_type,id_number,name,sex,birth_date,school_code,grade\n,passport,E1,李,F,2019-02-22,2111010209,2\n' > "$tmp/nono.csv"
t_exit 65 "an empty student_no for a passport holder" edu-enroll import "$tmp/nono.csv"
t_grep "... named" "nono.csv:2: student_no: may be left empty only for a resident with an ID number" "$err"

# --reject: the good rows in, the bad ones kept with the reason.
t_exit 1 "--reject takes the good rows" edu-enroll import --reject "$tmp/rej.csv" "$tmp/bad.csv"
t_grep "... 1 inserted, 9 rejected" "1 inserted, 0 updated, 0 unchanged, 9 rejected" "$err"
t_eq "... the reject file: a header and 9 rows" "$(wc -l < "$tmp/rej.csv")" 10
t_eq "... with the input's columns and error" "$(head -1 "$tmp/rej.csv")" \
	"student_no,id_type,id_number,name,sex,birth_date,school_code,grade,major,disability,placement,error"
t_grep "... and each reason" '^,resident,[0-9X]+,专业,F,2016-08-12,2111010209,5,计算机应用,,,major: only students of a vocational school have a major$' "$(cat "$tmp/rej.csv")"
t_eq "... the good row is in" "$(count "SELECT name FROM student WHERE birth_date = '2017-01-01'")" 好学生

# --upsert: a partial file changes its columns; each update is audited.
printf 'student_no,class,phone\nG%s,5,13900002222\n' "$a" > "$tmp/up.csv"
t_exit 0 "--upsert with the key and two columns" edu-enroll import --upsert "$tmp/up.csv"
t_grep "... 1 updated" "0 inserted, 1 updated, 0 unchanged" "$err"
t_exit 0 "... audited with old and new" edu-db log -f tsv --key "G$a"
t_grep "... the class" '"class":\["2","5"\]' "$out"
t_grep "... the other fields kept" "^name,王浩然$" "$(edu-enroll show "G$a")"

# A partial upsert without id_type keeps the stored one (regression: the
# passport number of a J student was checked as a resident's ID number).
printf 'student_no,id_number\nJ%s,E87654321\n' "$j" > "$tmp/pass.csv"
t_exit 0 "--upsert of a passport number without the id_type column" edu-enroll import --upsert "$tmp/pass.csv"
t_grep "... changed" "^id_number,E87654321$" "$(edu-enroll show "J$j")"
printf 'student_no,id_number\nG%s,%s\n' "$a" "$e" > "$tmp/pass2.csv"
t_exit 65 "... while a resident's number is still checked" edu-enroll import --upsert "$tmp/pass2.csv"
t_grep "... named" "pass2.csv:2: id_number: check character is wrong" "$err"
printf 'student_no,id_number\nJ%s,E12345678\n' "$j" | edu-enroll -q import --upsert

# Round trip: what list prints imports back unchanged.
edu-enroll list > "$tmp/list.csv"
audits=$(count "SELECT count(*) FROM audit")
t_exit 0 "list | import --upsert" edu-enroll import --upsert "$tmp/list.csv"
t_grep "... changes nothing" "0 inserted, 0 updated, 8 unchanged" "$err"
t_eq "... and writes no audit row" "$(count "SELECT count(*) FROM audit")" "$audits"
t_eq "... the listing is the same" "$(edu-enroll list | cksum)" "$(cksum < "$tmp/list.csv")"

# ---- list and show ------------------------------------------------------

t_exit 0 "list --school" edu-enroll list --school 2111010216
t_eq "... 2 students" "$(rows "$out")" 2
t_exit 0 "list --grade 5 --school 2111010216" edu-enroll list --grade 5 --school 2111010216
t_eq "... 1 student" "$(rows "$out")" 1
t_exit 0 "list --status 在读 (a Chinese name)" edu-enroll list --status 在读
t_eq "... 8" "$(rows "$out")" 8
t_exit 0 "list --disability" edu-enroll list --disability
t_eq "... 2 students with a disability" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f3 | sort | tr '\n' ' ')" "$up $b "
t_exit 64 "list --status with a bad value" edu-enroll list --status gone
t_exit 64 "list --grade 13" edu-enroll list --grade 13
t_exit 64 "list --school that is not 10 digits" edu-enroll list --school 12

t_exit 0 "show by student number" edu-enroll show "G$c"
t_grep "... field,value" "^school_code,2111010237$" "$out"
t_exit 0 "show by ID number" edu-enroll show "$c"
t_grep "... the same student" "^student_no,G$c$" "$out"
t_exit 0 "show by a 15-digit ID number" edu-enroll show "$old15"
t_grep "... the upgraded one" "^student_no,G$up$" "$out"
t_exit 1 "show of an unknown student exits 1" edu-enroll show G110102201001010011

# ---- status events ------------------------------------------------------

t_exit 0 "transfer" edu-enroll transfer "G$a" --to 2111010210 --reason 搬家 --on 2026-03-02
t_exit 0 "suspend" edu-enroll suspend "$a" --reason 病休 --on 2026-04-01
sum=$(db_sum)
t_exit 65 "resume before the last change" edu-enroll resume "G$a" --on 2026-03-31
t_grep "... refused with the reason" "--on 2026-03-31 is before its last change, on 2026-04-01" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"
t_exit 65 "a transfer dated before the entry" edu-enroll transfer "J$j" --to 2111010209 --on 2023-08-31
t_grep "... refused" "--on 2023-08-31 is before its last change, on 2023-09-01" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"
t_exit 0 "resume" edu-enroll resume "G$a" --on 2026-05-06
t_exit 0 "show has the history" edu-enroll show "G$a"
t_grep "... transfer" "^event,2026-03-02 transfer 2111010209 -> 2111010210: 搬家$" "$out"
t_grep "... suspend" "^event,2026-04-01 suspend: 病休$" "$out"
t_grep "... resume" "^event,2026-05-06 resume$" "$out"
t_grep "... the current school" "^school_code,2111010210$" "$out"
t_exit 0 "show --as-of before the transfer" edu-enroll show "G$a" --as-of 2026-03-01
t_grep "... the old school" "^school_code,2111010209$" "$out"
t_eq "... and no later event" "$(printf '%s\n' "$out" | grep -c '^event,')" 0
t_exit 0 "show --as-of in the suspension" edu-enroll show "G$a" --as-of 2026-04-15
t_grep "... suspended" "^status,suspended$" "$out"
t_exit 0 "list --as-of 2026-04-15 --status suspended" edu-enroll list --as-of 2026-04-15 --status suspended
t_eq "... that one" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1)" "G$a"
t_exit 0 "list --as-of 2024-12-31" edu-enroll list --as-of 2024-12-31
t_eq "... only those who had entered (or have no entry date)" "$(rows "$out")" 7
t_exit 1 "show --as-of before the entry" edu-enroll show "G$a" --as-of 2024-08-31

sum=$(db_sum)
t_exit 65 "resume one who is not suspended" edu-enroll resume "G$a"
t_grep "... the reason" "is enrolled, not suspended" "$err"
t_exit 65 "transfer into a school of the wrong kind" edu-enroll transfer "G$a" --to 2111010223
t_grep "... the reason" "school 2111010223 is a junior school, with grades 7-9, not 3" "$err"
t_exit 65 "graduate a grade-4 student" edu-enroll graduate "J$j"
t_grep "... the reason" "is in grade 4, not the last grade of primary school" "$err"
t_exit 65 "one refusal among several: nothing written" edu-enroll graduate "G$d" "J$j"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"
t_eq "... the grade-9 student is still enrolled" "$(count "SELECT status FROM student WHERE student_no = 'G$d'")" enrolled
t_exit 64 "suspend needs --reason" edu-enroll suspend "G$a"
t_exit 64 "transfer needs --to" edu-enroll transfer "G$a"
t_exit 65 "an unknown student" edu-enroll withdraw G110102201001010011 --reason x
t_grep "... named" "student G110102201001010011: not in the register" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"

t_exit 0 "withdraw" edu-enroll withdraw "L110102201902220001" --reason 出国 --on 2026-06-01
sum=$(db_sum)
t_exit 65 "graduate a withdrawn student" edu-enroll graduate L110102201902220001
t_grep "... the reason" "is withdrawn, not enrolled" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"

# list | graduate: the keys from stdin.
t_exit 0 "list --grade 12 | graduate" sh -c 'edu-enroll list --grade 12 --status enrolled | edu-enroll graduate --on 2026-07-01'
t_grep "... says how many" "1 student graduated" "$err"
t_eq "... graduated" "$(count "SELECT status FROM student WHERE student_no = 'G$c'")" graduated
t_exit 0 "... audited with old and new status" edu-db log -f tsv --key "G$c"
t_grep "... in the log" '"status":\["enrolled","graduated"\]' "$out"
t_exit 65 "a pipe naming a withdrawn student" sh -c 'edu-enroll list --status withdrawn | edu-enroll graduate'
t_grep "... names the line of stdin" "^edu-enroll: -:2: student L110102201902220001" "$err"

# ---- promote ------------------------------------------------------------

# A grade-6 and a grade-12 student, to be left for graduate.
printf 'id_number,name,sex,birth_date,school_code,grade,entry_date\n%s,六年级,F,2014-10-02,2111010212,6,2020-09-01\n%s,高三,M,2008-05-05,2111010230,12,2023-09-01\n' \
	"$(idc 11010220141002222)" "$(idc 11010220080505111)" | edu-enroll -q import
sqlite3 "$EDU_DB" "SELECT student_no, grade FROM student ORDER BY 1" > "$tmp/g0"
# A safe year-end order (issue 17): promote waits for the last grades.
sum=$(db_sum)
t_exit 65 "promote while grades 6, 9 and 12 have not graduated" edu-enroll promote --year 2026 --on 2026-07-15
t_grep "... names the grade-9 student" "student G$d: still enrolled in grade 9 at 2111010224, not graduated" "$err"
t_grep "... and says what to do" "nothing written: 3 students of grade 6, 9 or 12 from before 2026-09-01 not graduated \(graduate them first, or use --skip-final\)" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_grep "... the refused run is in the ledger" "edu-enroll,promote,.*,promoted=0 not_graduated=3,65" "$(edu-db runs)"
t_exit 0 "promote --year 2026 --skip-final" edu-enroll promote --year 2026 --skip-final --on 2026-07-15
# By hand, the enrolled: grades 1, 3, 4, 4 and 5 move up (5), the one in
# grade 5 into grade 6, a last grade (1); those in grades 6, 9 and 12
# stay, to graduate (3); the graduate in grade 12 is not counted (issue
# 16, point 11: the summary counted the 5 -> 6 student as left for
# graduate).
t_eq "... the summary says what it counts" "$err" \
	"edu-enroll: 5 students promoted for 2026, 1 of them into a last grade (6, 9 or 12); 3 already in a last grade not moved, left for graduate"
promoted=$(count "SELECT group_concat(student_no || ':' || from_grade || '>' || to_grade, ' ') FROM (SELECT * FROM student_event WHERE kind = 'promote' ORDER BY student_no)")
want=$(sqlite3 "$EDU_DB" "SELECT student_no FROM student WHERE status = 'enrolled' ORDER BY 1" | while read -r s; do
	g=$(grep "^$s|" "$tmp/g0" | cut -d'|' -f2)
	case $g in 6|9|12) ;; *) printf '%s:%s>%s ' "$s" "$g" $((g + 1)) ;; esac
done)
t_eq "... each enrolled student below a last grade, by one" "$promoted " "$want"
t_eq "... grades 6 and 12 too" "$(count "SELECT group_concat(grade) FROM (SELECT grade FROM student WHERE name IN ('六年级', '高三') ORDER BY grade)")" "6,12"
t_grep "... grade 9 is left for graduate" "^G$d\\|9$" "$(sqlite3 "$EDU_DB" "SELECT student_no, grade FROM student WHERE student_no = 'G$d'")"
t_eq "... the graduated and withdrawn are not moved" \
	"$(count "SELECT count(*) FROM student_event WHERE kind = 'promote' AND student_no IN ('G$c', 'L110102201902220001')")" 0
sqlite3 "$EDU_DB" "SELECT student_no, grade FROM student ORDER BY 1" > "$tmp/g1"
sum=$(db_sum)
t_exit 0 "promote --year 2026 again" edu-enroll promote --year 2026 --skip-final --on 2026-07-16
t_grep "... promotes no one" "0 students promoted for 2026" "$err"
t_eq "... grades unchanged" "$(sqlite3 "$EDU_DB" "SELECT student_no, grade FROM student ORDER BY 1")" "$(cat "$tmp/g1")"
# The grade-5 girl is in grade 6 by the promotion for 2026: she graduates
# in the summer of 2027, not now (the cron promoted, then the clerk
# graduated "grade 6": regression of issue 17).
sum=$(db_sum)
t_exit 65 "graduate a student promoted into grade 6 this school year" edu-enroll graduate "G$b" --on 2026-07-20
t_grep "... says when she graduates" "student G$b: reached grade 6 by the promotion for 2026 on 2026-07-15: graduates at the end of the 2026-27 school year" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 64 "--force needs --reason" edu-enroll graduate "G$b" --force --on 2026-07-20
EDU_DB0=$EDU_DB; EDU_DB=$tmp/force.db; cp "$EDU_DB0" "$EDU_DB"
t_exit 0 "--force --reason graduates her" edu-enroll graduate "G$b" --force --reason 跳级 --on 2026-07-20
t_grep "... the reason kept with the event" '"reason":"跳级"' "$(edu-db log -f tsv --key "G$b")"
EDU_DB=$EDU_DB0
t_exit 0 "... both runs are in the ledger" edu-db runs
t_grep "... the second with nothing promoted" "edu-enroll,promote,.*,promoted=0 " "$out"
t_exit 64 "promote needs --year" edu-enroll promote

# ---- nearby enrolment ---------------------------------------------------

# 德胜片区 has 2111010209 (rank 1), 2111010211 (2), 2111010212 (3): give
# them 2, 1 and 0 entry seats.
printf 'school_code,entry_seats\n2111010209,2\n2111010211,1\n2111010212,0\n' > "$tmp/seats.csv"
edu-school -q import --upsert "$tmp/seats.csv"
# Six by 2020-08-31 for 2026; 2020-08-31 is just old enough.
cat > "$tmp/app.csv" <<EOF
id_number,name,sex,birth_date,zone,tier
$(idc 11010220191003002),二类甲,F,2019-10-03,德胜片区,2
$(idc 11010220200831001),一类甲,M,2020-08-31,德胜片区,1
$(idc 11010220200901003),太小,M,2020-09-01,德胜片区,1
$(idc 11010220191212004),二类乙,F,2019-12-12,德胜片区,2
$(idc 11010220200115005),一类乙,M,2020-01-15,德胜片区,1
$(idc 11010220200316006),一类丙,F,2020-03-16,德胜片区,1
$(idc 11010220200520007),二类丙,M,2020-05-20,德胜片区,2
$(idc 11010220200110008),展览路,F,2020-01-10,展览路片区,3
EOF
sum=$(db_sum)
t_exit 1 "assign --dry-run: exit 1, some are left" edu-enroll -n assign --year 2026 --seed 42 "$tmp/app.csv"
t_eq "... writes nothing" "$(db_sum)" "$sum"
t_exit 1 "assign --seed 42: exit 1 when a child is left without a school" edu-enroll assign --year 2026 --seed 42 "$tmp/app.csv"
cp "$tmp/.out" "$tmp/draw42"
t_eq "... every applicant once" "$(rows "$out")" 8
t_grep "... the too young child: a note and no school, the birth cutoff named as such (issue 16, point 11)" "^[0-9X]+,太小,1,,,\"born after 2020-08-31, not six by 2026-08-31\"$" "$out"
t_grep "... born on 2020-08-31 is old enough" "^$(idc 11010220200831001),一类甲,1,21110102(09|11),[12],assigned$" "$out"
t_eq "... tiers in order, the draw within them" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f3 | tr -d '\n')" 11112223
t_eq "... the three tier-1 children take the three seats" \
	"$(printf '%s\n' "$out" | awk -F, '$3 == 1 && $4 != ""' | wc -l)" 3
t_eq "... the tier-2 children get none" \
	"$(printf '%s\n' "$out" | awk -F, '$3 == 2 && $4 == ""' | wc -l)" 3
t_eq "... capacity: 2 at the rank-1 school, 1 at rank 2, 0 at rank 3" \
	"$(printf '%s\n' "$out" | awk -F, 'NR > 1 && $4 != "" { n[$4]++ } END { printf "%d %d %d", n["2111010209"], n["2111010211"], n["2111010212"] }')" "2 1 0"
t_eq "... no school over its entry_seats" "$(count "SELECT count(*) FROM applicant a JOIN school k USING (school_code) GROUP BY school_code HAVING count(*) > k.entry_seats")" ""
t_grep "... a full zone says so" "^[0-9X]+,二类甲,2,,,no seat left in the zone$" "$out"
t_grep "... the other zone's child goes to its rank-1 school" "^[0-9X]+,展览路,3,2111010215,1,assigned$" "$out"
t_exit 0 "... assigned children are grade-1 students from Y-09-01" edu-enroll list --grade 1 --school 2111010209
t_eq "... two at the rank-1 school" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f9,11,12 | sort -u)" "1,2026-09-01,enrolled"
t_eq "... 4 new students" "$(count "SELECT count(*) FROM student WHERE entry_date = '2026-09-01'")" 4
t_grep "... with an enrol event" '^event,"2026-09-01 enrol 2111010215 grade 1: nearby enrolment 2026, tier 3, rank 1"$' \
	"$(edu-enroll show "$(idc 11010220200110008)")"

# The same seed draws the same; the draw does not depend on the file's order.
EDU_DB=$tmp/draw.db
sample_db; edu-school -q zone import "$examples/zones.csv"; edu-school -q import --upsert "$tmp/seats.csv"
cp "$EDU_DB" "$tmp/draw0.db"
{ head -1 "$tmp/app.csv"; tail -n +2 "$tmp/app.csv" | sort -r; } > "$tmp/app-rev.csv"
t_exit 1 "the same seed, the file in another order" edu-enroll assign --year 2026 --seed 42 "$tmp/app-rev.csv"
t_eq "... the same draw" "$out" "$(cat "$tmp/draw42")"
differs=0
for s in 1 2 3 4 5 6 7 8; do
	cp "$tmp/draw0.db" "$EDU_DB"; rm -f "$EDU_DB-wal" "$EDU_DB-shm"
	edu-enroll -q assign --year 2026 --seed $s "$tmp/app.csv" > "$tmp/d$s"
	cmp -s "$tmp/d$s" "$tmp/draw42" || differs=1
done
t_eq "other seeds draw differently" "$differs" 1
# The third tier-1 child goes to the rank-2 school: which child, the
# lottery decides.
t_exit 0 "assign without an unassigned child exits 0" sh -c "cp '$tmp/draw0.db' '$EDU_DB'; rm -f '$EDU_DB-wal'; head -2 '$tmp/app.csv' | edu-enroll assign --year 2026 --seed 9"
t_grep "... and reads stdin" "^[0-9X]+,二类甲,2,2111010209,1,assigned$" "$out"
EDU_DB=$good_db
t_exit 1 "assign again: those drawn before keep their school" edu-enroll assign --year 2026 --seed 42 "$tmp/app.csv"
t_eq "... 4 new students still" "$(count "SELECT count(*) FROM student WHERE entry_date = '2026-09-01'")" 4
t_grep "... noted" "assigned \(drawn before\)" "$out"
cat > "$tmp/app-bad.csv" <<EOF
id_number,name,sex,birth_date,zone,tier
$(idc 11010220191003013),甲,F,2019-10-03,德胜片区,1
$(idc 11010220191003012),乙,F,2019-10-03,德胜片区,5
EOF
sum=$(db_sum)
t_exit 65 "bad applicants: nothing written" edu-enroll assign --year 2026 --seed 1 "$tmp/app-bad.csv"
t_grep "... the sex" "app-bad.csv:2: sex: F, but the ID number says M" "$err"
t_grep "... and the next bad row too (regression: assign stopped reading at the first bad applicant)" "app-bad.csv:3: tier: 5 is out of range" "$err"
# A long zone name (72 bytes) is read whole (regression: assign kept the
# previous column's value, the birth date, as the zone): no school has
# it.  Applicants are read by the importer's column rules (edu_col_value),
# which set no length on a code.
printf 'id_number,name,sex,birth_date,zone,tier\n%s,甲,M,2019-10-03,%s,1\n' \
	"$(idc 11010220191003013)" "$(printf '德胜片区%.0s' 1 2 3 4 5 6)" > "$tmp/app-long.csv"
t_exit 1 "an applicant's long zone" edu-enroll assign --year 2026 --seed 1 "$tmp/app-long.csv"
t_grep "... is its own zone, with no school" "^$(idc 11010220191003013),甲,1,,,no school in this zone$" "$out"

# promote for the year that ended does not move children who entered after
# it (regression: promote --year 2026 run in November moved the grade-1
# children assigned for 2026-09-01 up to grade 2).
t_exit 0 "promote --year 2026 after the new school year began" edu-enroll promote --year 2026 --skip-final --on 2026-11-28
t_eq "... the new grade-1 children stay in grade 1" \
	"$(count "SELECT group_concat(DISTINCT grade) FROM student WHERE entry_date = '2026-09-01'")" 1

# ---- disabled children --------------------------------------------------

t_exit 0 "placement" edu-enroll placement "G$a" --disability 肢体 --placement 送教上门 --on 2026-06-02
t_grep "... in show" '^event,"2026-06-02 placement: physical, home-delivery"$' "$(edu-enroll show "G$a")"
t_exit 0 "the same placement again" edu-enroll placement "G$a" --disability physical --placement home-delivery
t_grep "... no change" "0 students placed, 1 unchanged" "$err"
t_exit 64 "placement with a bad category" edu-enroll placement "G$a" --disability tall --placement home-delivery
t_exit 64 "placement without --placement" edu-enroll placement "G$a" --disability physical
t_exit 65 "placement of an unknown student: exit 65, as the other changes (regression: it exited 66, 'input missing')" \
	edu-enroll placement G110102201001010011 --disability visual --placement regular-class
t_grep "... named" "student G110102201001010011: not in the register" "$err"
# A speech disability without a placement: unplaced.
printf 'student_no,disability\nG%s,speech\n' "$d" > "$tmp/sp.csv"
edu-enroll -q import --upsert "$tmp/sp.csv"
# Enrolled with a disability now: b (hearing, regular-class), up
# (intellectual, special-school), a (physical, home-delivery), d (speech,
# none).
t_exit 0 "disability-report" edu-enroll disability-report
t_eq "... by category in GB/T 26341 order, and all" "$out" "disability,regular_class,special_class,special_school,home_delivery,unplaced,students,placed_pct
hearing,1,0,0,0,0,1,100.0
speech,0,0,0,0,1,1,0.0
physical,0,0,0,1,0,1,100.0
intellectual,0,0,1,0,0,1,100.0
all,1,0,1,1,1,4,75.0"
t_exit 0 "disability-report --year 2025 (as of 2025-12-31)" edu-enroll disability-report --year 2025
t_eq "... the hearing and intellectual students only (one placed since)" \
	"$(printf '%s\n' "$out" | cut -d, -f1 | tr '\n' ' ')" "disability hearing speech physical intellectual all "

# ---- stats --------------------------------------------------------------

t_exit 0 "stats" edu-enroll stats
t_eq "... by school, enrolled only" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,3)" \
	"$(count "SELECT school_code || ',' || count(*) FROM student WHERE status = 'enrolled' GROUP BY school_code ORDER BY 1")"
for by in grade sex status disability ethnicity; do
	t_exit 0 "stats --by $by" edu-enroll stats --by $by
	t_eq "... sums to the students counted" "$(printf '%s\n' "$out" | tail -n +2 | awk -F, '{ s += $NF } END { print s }')" \
		"$(count "SELECT count(*) FROM student$([ $by = status ] || echo " WHERE status = 'enrolled'")")"
done
t_exit 0 "stats --by sex -f json" edu-enroll stats --by sex -f json
t_eq "... objects with numbers" "$out" "$(count "SELECT '{\"sex\":\"' || sex || '\",\"students\":' || count(*) || '}' FROM student WHERE status = 'enrolled' GROUP BY sex ORDER BY sex")"
t_exit 0 "stats --by status -f json" edu-enroll stats --by status -f json
t_grep "... withdrawn counted" '^\{"status":"withdrawn","students":1\}$' "$out"
t_exit 64 "stats --by something else" edu-enroll stats --by height

t_exit 0 "check passes after all this" edu-db check

# ---- the junior-school intake (小升初, issue 17) --------------------------

EDU_DB0=$EDU_DB; EDU_DB=$tmp/junior.db
sample_db
edu-school -q zone import "$examples/zones.csv"
# Junior schools join 德胜片区 after its primary schools: 2111010223
# (rank 4, 2 seats), 2111010224 (rank 5, 1 seat); the private 2111010228
# has 2 seats.
printf 'zone,school_code,rank
德胜片区,2111010223,4
德胜片区,2111010224,5
' | edu-school -q zone import
sqlite3 "$EDU_DB" "UPDATE school SET entry_seats = 2 WHERE school_code IN ('2111010223', '2111010228');
	UPDATE school SET entry_seats = 1 WHERE school_code = '2111010224'"
{ echo id_number,name,sex,birth_date,school_code,grade,entry_date,zone
  for i in 1 2 3 4 5; do echo "$(idc 1101022014050${i}001),学生$i,M,2014-05-0$i,2111010209,6,2020-09-01,德胜片区"; done
  echo "$(idc 11010220140506001),九年,M,2014-05-06,2111010235,6,2020-09-01,广内片区"
  echo "$(idc 11010220140507001),无片,M,2014-05-07,2111010209,6,2020-09-01,"
  echo "$(idc 11010220140508001),五年级,M,2014-05-08,2111010209,5,2021-09-01,德胜片区"
} > "$tmp/g6.csv"
edu-enroll -q import "$tmp/g6.csv"
s1=G$(idc 11010220140501001) s2=G$(idc 11010220140502001) s7=G$(idc 11010220140507001)
s6=G$(idc 11010220140506001)
edu-enroll -q list --grade 6 | edu-enroll -q graduate --on 2026-07-01
t_exit 64 "intake needs --stage" edu-enroll intake --year 2026
t_exit 64 "intake --stage primary is not this verb's" edu-enroll intake --stage primary --year 2026
printf 'student_no,school_code
%s,2111010228
%s,2111010223
G%s,2111010228
' "$s1" "$s2" "$(idc 11010220140508001)" > "$tmp/priv-bad.csv"
sum=$(db_sum)
t_exit 65 "private applications naming a public school and a grade-5 pupil" \
	edu-enroll intake --stage junior --year 2026 --seed 7 "$tmp/priv-bad.csv"
t_grep "... the public school" "priv-bad.csv:3: school_code: 2111010223 is not an open private school with grade 7" "$err"
t_grep "... the pupil" "priv-bad.csv:4: student_no: 'G[0-9X]+' is not a grade-6 graduate of 2026 without a place" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
printf 'student_no,school_code
%s,2111010228
%s,2111010228
%s,2111010228
' "$s1" "$s2" "$s7" > "$tmp/priv.csv"
t_exit 1 "a dry run (exit 1 as the run would)" edu-enroll -n intake --stage junior --year 2026 --seed 7 "$tmp/priv.csv"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 1 "intake --stage junior --year 2026: one left without a school" \
	edu-enroll intake --stage junior --year 2026 --seed 7 "$tmp/priv.csv"
t_eq "... the header as assign's" "$(printf '%s\n' "$out" | head -1)" "student_no,name,zone,school_code,rank,note"
t_grep "... the nine-year pupil stays" "^$s6,九年,广内片区,2111010235,,continues at its own school$" "$out"
t_eq "... the private school drew 2 of its 3 applicants" \
	"$(printf '%s\n' "$out" | grep -c ',2111010228,,"private school, drawn [12] of 3 for 2 seats"$')" 2
t_eq "... the zone's rank-4 school filled first, then rank 5" \
	"$(printf '%s\n' "$out" | cut -d, -f4,5 | grep -c '^2111010223,4$'),$(printf '%s\n' "$out" | cut -d, -f4,5 | grep -c '^2111010224,5$')" "2,1"
t_grep "... the one not drawn went through the zone and found it full" \
	'not drawn at private school 2111010228 \(3 applicants, 2 seats\); no seat left in the zone"$' "$out"
t_grep "... said on stderr" "7 grade-6 graduates of 2026: 6 entered grade 7 on 2026-09-01, 1 without a school" "$err"
t_eq "... the grade-5 pupil is not a graduate" "$(count "SELECT grade || status FROM student WHERE name = '五年级'")" 5enrolled
t_eq "... 6 enter events on 2026-09-01 into grade 7" \
	"$(count "SELECT count(*) FROM student_event WHERE kind = 'enter' AND day = '2026-09-01' AND to_grade = 7 AND to_status = 'enrolled'")" 6
placed=$(count "SELECT student_no FROM student WHERE grade = 7 AND school_code = '2111010223' ORDER BY 1 LIMIT 1")
t_exit 0 "show: one record, one number, both stages in the history" edu-enroll show "$placed"
t_grep "... the graduation stays" "^event,2026-07-01 graduate$" "$out"
t_grep "... and the entry" '^event,"?2026-09-01 enter 2111010209 -> 2111010223 grade 7: junior intake 2026: zone 德胜片区, rank 4"?$' "$out"
t_exit 0 "show --as-of the summer" edu-enroll show "$placed" --as-of 2026-08-31
t_grep "... graduated from grade 6 at the primary school" "^grade,6$" "$out"
t_grep "... graduated" "^status,graduated$" "$out"
t_exit 0 "show --as-of 1 September" edu-enroll show "$placed" --as-of 2026-09-01
t_grep "... at the junior school" "^school_code,2111010223$" "$out"
t_grep "... enrolled in grade 7" "^grade,7$" "$out"
t_exit 0 "promote --year 2027 moves them to grade 8" edu-enroll promote --year 2027 --skip-final --on 2027-07-15
t_eq "... all six" "$(count "SELECT count(*) FROM student WHERE grade = 8")" 6
t_exit 1 "intake again: only the one without a school is drawn" edu-enroll intake --stage junior --year 2026 --seed 7
t_eq "... one row" "$(rows "$out")" 1

# ---- corrections (issue 17): void, and corrected events -----------------

ev() { count "SELECT id FROM student_event WHERE student_no = '$placed' AND kind = '$1'"; }
t_exit 0 "events STUDENT lists the events with their numbers" edu-enroll events "$placed"
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" \
	"event,student_no,day,kind,from_school,to_school,from_grade,to_grade,from_status,to_status,year,reason,void_on,void_by,void_reason"
t_eq "... graduate, enter, promote" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,4 | tr '\n' ' ')" \
	"$(ev graduate),graduate $(ev enter),enter $(ev promote),promote "
t_exit 64 "void needs --reason" edu-enroll void "$(ev promote)"
sum=$(db_sum)
t_exit 65 "void an entry that a promotion followed" edu-enroll void "$(ev enter)" --reason 错录
t_grep "... names the later event" "event $(ev enter): event $(ev promote) \(promote on 2027-07-15\) of student $placed came after it: void that first" "$err"
t_exit 65 "void an event that does not exist" edu-enroll void 99999 --reason x
t_grep "... said" "event 99999: not in the register" "$err"
t_exit 65 "void something that is not a number" edu-enroll void abc --reason x
t_grep "... said" "event abc: not an event number" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 0 "void the promotion" edu-enroll void "$(ev promote)" --reason "promoted by mistake"
t_eq "... the student is back in grade 7" "$(count "SELECT grade FROM student WHERE student_no = '$placed'")" 7
t_grep "... the event stays, marked" '^event,"?2027-07-15 promote 7 -> 8 \(2027\) \[void: promoted by mistake\]"?$' "$(edu-enroll show "$placed")"
t_grep "... with who and when" ",promoted by mistake$" "$(edu-enroll events "$placed" | tail -1)"
t_grep "... audited" '"void":[0-9]+,"event":"promote","day":"2027-07-15","reason":"promoted by mistake","grade":\["8","7"\]' \
	"$(edu-db log -f tsv --key "$placed")"
t_exit 0 "... --as-of after it: as if it had not happened" edu-enroll show "$placed" --as-of 2027-08-01
t_grep "... grade 7" "^grade,7$" "$out"
t_exit 65 "void it again" edu-enroll void "$(ev promote)" --reason again
t_grep "... is void already" "is void already \([0-9T:-]+Z by [^:]+: promoted by mistake\)" "$err"
t_exit 0 "promote --year 2027 again promotes the student once more" edu-enroll promote --year 2027 --skip-final --on 2027-07-20
t_eq "... grade 8" "$(count "SELECT grade FROM student WHERE student_no = '$placed'")" 8
t_exit 0 "the keys from stdin: events | tail | void" sh -c "edu-enroll events $placed | sed -n '1p;\$p' | edu-enroll void --reason 再错"
t_eq "... grade 7 again" "$(count "SELECT grade FROM student WHERE student_no = '$placed'")" 7
# An upsert that changes a grade records a corrected event (regression of
# issue 17: --as-of contradicted the history).
printf 'student_no,grade\n%s,9\n' "$placed" > "$tmp/fix.csv"
t_exit 0 "import --upsert changes a grade" edu-enroll import --upsert "$tmp/fix.csv"
t_grep "... a corrected event, dated the day it was made" "^[0-9]+,$placed,$(date +%F),corrected,2111010223,2111010223,7,9,enrolled,enrolled,,import --upsert,,,$" "$(edu-enroll events "$placed")"
t_exit 0 "... show --as-of the day before it has the old grade" edu-enroll show "$placed" --as-of "$(date -d yesterday +%F)"
t_grep "... grade 7" "^grade,7$" "$out"
t_eq "... one event for one change: an unchanged upsert adds none" \
	"$(edu-enroll -q import --upsert "$tmp/fix.csv"; count "SELECT count(*) FROM student_event WHERE kind = 'corrected'")" 1
t_exit 0 "edu-db check passes" edu-db check
EDU_DB=$EDU_DB0

# ---- roles --------------------------------------------------------------

u=eduenr$$
if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	t_skip "an auditor may list students" "needs root, useradd and runuser to make a second user"
	t_skip "an auditor may not import students" "needs root, useradd and runuser to make a second user"
else
	useradd -M -N -s /bin/sh "$u" || { echo "Bail out! useradd failed"; exit 1; }
	trap 'userdel "$u" 2>/dev/null; rm -rf "$tmp"' EXIT
	chmod 0777 "$tmp"
	chmod 0666 "$EDU_DB" "$EDU_DB"-wal "$EDU_DB"-shm 2>/dev/null
	edu-db -q user add "$u" auditor
	as() { runuser -u "$u" -- env EDU_DB="$EDU_DB" PATH="$PATH" "$@"; }
	t_exit 0 "an auditor may list students" as edu-enroll list
	t_eq "... all of them" "$(rows "$out")" "$(count "SELECT count(*) FROM student")"
	sum=$(db_sum)
	t_exit 77 "an auditor may not import students" as edu-enroll import --upsert "$tmp/list.csv"
	t_grep "... told the roles" "needs one of the roles admin registrar" "$err"
	t_exit 77 "... nor graduate" as edu-enroll graduate "G$d"
	t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"
fi

# ---- a killed import ----------------------------------------------------

# 200000 students with distinct valid ID numbers, into an empty table (the
# bulk path, which drops the indexes inside its transaction).
EDU_DB=$tmp/kill.db
sample_db
awk -v n=200000 "$id_awk"'BEGIN {
	print "id_number,name,sex,birth_date,school_code,grade"
	for (i = 0; i < n; i++) {
		d = i % 28 + 1; m = int(i / 28) % 12 + 1; q = int(i / 336)
		id = sprintf("1101022016%02d%02d%03d", m, d, q)
		printf "%s%s,学生%d,%s,2016-%02d-%02d,2111010209,%d\n", id, id_check(id), i, (q % 2 ? "M" : "F"), m, d, (m >= 9 ? 4 : 5)
	}
}' > "$tmp/big.csv"
edu-enroll import "$tmp/big.csv" > /dev/null 2>&1 &
pid=$!
# Kill it once its transaction has spilled pages into the write-ahead log.
i=0
while [ "$i" -lt 200 ] && [ "$(stat -c %s "$EDU_DB-wal" 2>/dev/null || echo 0)" -lt 1000000 ]; do
	sleep 0.05; i=$((i + 1))
done
if kill -9 "$pid" 2>/dev/null; then
	wait "$pid" 2>/dev/null
	t_exit 0 "after kill -9 in the middle of an import, edu-db check passes" edu-db check
	t_eq "... no student in" "$(count "SELECT count(*) FROM student")" 0
	t_eq "... the indexes are there" \
		"$(count "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'student' AND sql IS NOT NULL")" 2
	t_exit 0 "... and the import runs again" edu-enroll -q import "$tmp/big.csv"
	t_eq "... all of it" "$(count "SELECT count(*) FROM student")" 200000
else
	wait "$pid"
	t_skip "kill -9 in the middle of an import" "the import finished before its log reached 1 MB"
fi

# The values of a row are kept in one buffer of the writer (8 KiB), a
# value that does not fit in what is left malloc'd (issue 23): rows with
# long addresses, into an empty register (bulk load), into a filled one
# and updated, keep every value as given, and so do the rows after them.
sample_db
long=$(awk 'BEGIN { for (i = 0; i < 9000; i++) printf "a" }')
near=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "b" }')
name=$(awk 'BEGIN { for (i = 0; i < 1500; i++) printf "王" }')
head -1 "$examples/students.csv" > long.csv
sed -n 2,4p "$examples/students.csv" | awk -F, -v OFS=, -v l="$long" -v m="$near" -v n="$name" \
	'NR == 1 { $17 = l } NR == 2 { $17 = m; $18 = n } { print }' >> long.csv
sed -n 6,8p "$examples/students.csv" | awk -F, -v OFS=, -v l="$long" -v m="$near" -v n="$name" \
	'NR == 1 { $17 = m; $18 = n } NR == 2 { $17 = l } { print }' > long2.csv
{ head -1 long.csv; cat long2.csv; } > long3.csv
long_rows() {	# FILE: "student_no|bytes of address|guardian|phone" of its rows
	tail -n +2 "$1" | while IFS=, read -r no _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ a g p; do
		echo "$no|${#a}|$g|$p"
	done
}
stored() {	# FILE: the same, as stored
	for no in $(tail -n +2 "$1" | cut -d, -f1); do
		count "SELECT student_no || '|' || length(CAST(address AS BLOB)) || '|' || guardian || '|' || phone FROM student WHERE student_no = '$no'"
	done
}
t_exit 0 "rows of a 9,000-byte address, of a 5,000-byte one and a 4,500-byte guardian, import into an empty register" edu-enroll -q import long.csv
t_eq "... every value as given, also in the row after them" "$(stored long.csv)" "$(long_rows long.csv)"
t_exit 0 "... and into a filled one" edu-enroll -q import long3.csv
t_eq "... every value as given" "$(stored long3.csv)" "$(long_rows long3.csv)"
awk -F, -v OFS=, 'NR > 1 { $19 = "13800138000" } { print }' long.csv > long4.csv
t_exit 0 "... and updated with --upsert" edu-enroll -q import --upsert long4.csv
t_eq "... every value as given" "$(stored long4.csv)" "$(long_rows long4.csv)"

done_testing
