#!/bin/sh
# edu-exam import and seats import go through the shared importer: bad
# rows as FILE:LINE: COLUMN, --reject, --dry-run, --upsert, Chinese
# headers, the audit and the run ledger as in every other tool.
. "$(dirname "$0")/lib.sh"

sample_db
junior=2111010223 s1=2111010229 s2=2111010230 voc=2111010237
q() { sqlite3 "$EDU_DB" "$1"; }
sno() { printf 'L11010220110301%04d' "$1"; }
awk -v sch="$junior" 'BEGIN {
	print "student_no,id_type,id_number,name,sex,birth_date,school_code,grade,entry_date"
	for (i = 1; i <= 9; i++)
		printf "L11010220110301%04d,passport,E%08d,学生%d,M,2011-03-01,%s,9,2023-09-01\n", i, i, i, sch
}' > st.csv
edu-enroll -q import st.csv

# ---- Chinese headers ----------------------------------------------------------
cat > zh.csv <<EOF2
准考证号,学籍号,姓名,毕业学校,score_Chinese,score_math,加分,总分,choice1,choice2
Z1,$(sno 1),甲,$junior,95.5,88,2,185.5,$s1,$s2
Z2,$(sno 2),乙,,70,60,,,$voc,
EOF2
t_exit 0 "a file with Chinese column names" edu-exam import --year 2026 zh.csv
t_grep "... 2 inserted" "candidate: 2 inserted, 0 updated, 0 unchanged, 0 rejected" "$err"
t_eq "... 准考证号 is exam_no, 加分 bonus, 总分 total (tenths), subjects in lower case" \
	"$(q "SELECT exam_no, year, student_no, name, junior_school, scores, bonus, total, choices FROM candidate ORDER BY exam_no")" \
	"Z1|2026|$(sno 1)|甲|$junior|chinese=95.5;math=88|20|1855|$s1 $s2
Z2|2026|$(sno 2)|乙||chinese=70;math=60|0|1300|$voc"
t_eq "... audited one row per candidate, as every import is" \
	"$(q "SELECT entity, key, verb FROM audit WHERE entity = 'candidate' ORDER BY id")" \
	"candidate|Z1|import
candidate|Z2|import"
t_grep "... the audit has the values as imported" '"scores":"chinese=95.5;math=88".*"total":"185.5"' \
	"$(q "SELECT change FROM audit WHERE entity = 'candidate' AND key = 'Z1'")"
t_eq "... and the run is in the ledger" "$(q "SELECT tool, verb, counts, status FROM run ORDER BY id DESC LIMIT 1")" \
	"edu-exam|import|inserted=2 updated=0 unchanged=0 rejected=0|0"
printf '学校代码,计划数,最低控制线,学校名称\n%s,3,150.5,x\n%s,0,,y\n' "$s1" "$voc" > zs.csv
t_exit 0 "seats with Chinese column names (学校名称 passed over)" edu-exam seats import --year 2026 zs.csv
t_eq "... min_score kept in tenths" "$(q "SELECT year, school_code, seats, min_score FROM seat ORDER BY school_code")" \
	"2026|$s1|3|1505
2026|$voc|0|"
t_eq "... audited by school and year" "$(q "SELECT key FROM audit WHERE entity = 'seat' ORDER BY id")" \
	"$s1/2026
$voc/2026"

# ---- bad rows: FILE:LINE: COLUMN ----------------------------------------------
cat > bad.csv <<EOF2
exam_no,student_no,name,score_chinese,score_math,choice1
B1,$(sno 3),丙,90,abc,$s1
B2,$(sno 4),丁,90,80,$s2
B 3,$(sno 5),戊,90,80,
B4,$(sno 6),,90,80,
EOF2
sum=$(db_sum)
t_exit 65 "a file with bad rows" edu-exam import --year 2026 bad.csv
t_grep "... a bad score, named by its column" "^edu-exam: bad.csv:2: score_math: 'abc' " "$err"
t_grep "... a bad exam number" "^edu-exam: bad.csv:4: exam_no: letters, digits and '-' only$" "$err"
t_grep "... an empty name" "^edu-exam: bad.csv:5: name: may not be empty$" "$err"
t_grep "... nothing written, as every import says" "^edu-exam: nothing written \\(3 bad rows\\)$" "$err"
t_eq "... the database is untouched" "$(db_sum)" "$sum"

# ---- --dry-run ----------------------------------------------------------------
printf 'exam_no,student_no,name,score_chinese\nD1,%s,己,50\n' "$(sno 7)" > dry.csv
sum=$(db_sum)
t_exit 0 "--dry-run of a good file" edu-exam --dry-run import --year 2026 dry.csv
t_grep "... says what it would do" "candidate: 1 inserted" "$err"
t_eq "... and writes nothing" "$(db_sum)" "$sum"
t_eq "... no candidate D1" "$(q "SELECT count(*) FROM candidate WHERE exam_no = 'D1'")" 0

# ---- --reject -------------------------------------------------------------------
t_exit 1 "--reject takes the good row" edu-exam import --year 2026 --reject rej.csv bad.csv
t_grep "... 1 inserted, 3 rejected" "candidate: 1 inserted, 0 updated, 0 unchanged, 3 rejected" "$err"
t_eq "... B2 went in" "$(q "SELECT scores, choices FROM candidate WHERE exam_no = 'B2'")" "chinese=90;math=80|$s2"
t_eq "... the reject file: the input's columns and the reason" "$(cat rej.csv)" \
"exam_no,student_no,name,score_chinese,score_math,choice1,error
B1,$(sno 3),丙,90,abc,$s1,score_math: 'abc' is not a score (a number with at most one decimal place)
B 3,$(sno 5),戊,90,80,,\"exam_no: letters, digits and '-' only\"
B4,$(sno 6),,90,80,,name: may not be empty"
t_eq "... the run is in the ledger with status 1" "$(q "SELECT counts, status FROM run ORDER BY id DESC LIMIT 1")" \
	"inserted=1 updated=0 unchanged=0 rejected=3|1"

# ---- --upsert ---------------------------------------------------------------------
printf 'exam_no,student_no,name,score_chinese,score_math,choice1\nB2,%s,丁,90,85,%s\n' "$(sno 4)" "$s1" > up.csv
t_exit 0 "--upsert changes a candidate" edu-exam import --year 2026 --upsert up.csv
t_grep "... one updated" "0 inserted, 1 updated, 0 unchanged" "$err"
t_eq "... scores, total and choices replaced" "$(q "SELECT scores, total, choices FROM candidate WHERE exam_no = 'B2'")" \
	"chinese=90;math=85|1750|$s1"
t_grep "... the audit has old and new" '"total":\["170","175"\]' \
	"$(q "SELECT change FROM audit WHERE entity = 'candidate' AND key = 'B2' ORDER BY id DESC LIMIT 1")"
t_exit 0 "the same file again" edu-exam import --year 2026 --upsert up.csv
t_grep "... unchanged" "0 inserted, 0 updated, 1 unchanged" "$err"

# ---- the header -------------------------------------------------------------------
t_exit 65 "a file without a score column" sh -c "printf 'exam_no,student_no,name\nX,$(sno 8),x\n' | edu-exam import --year 2026"
t_grep "... says so" "^edu-exam: -:1: no score_<subject> column$" "$err"
t_exit 65 "a file without exam_no" sh -c "printf 'student_no,name,score_a\n$(sno 8),x,1\n' | edu-exam import --year 2026"
t_grep "... says so at its header" "^edu-exam: -:1: the column 'exam_no' is missing$" "$err"
t_exit 65 "choice2 without choice1" sh -c "printf 'exam_no,student_no,name,score_a,choice2\nX,$(sno 8),x,1,$s1\n' | edu-exam import --year 2026"
t_grep "... says so" "^edu-exam: -:1: choice2 without choice1$" "$err"
t_exit 65 "choice13" sh -c "printf 'exam_no,student_no,name,score_a,choice13\nX,$(sno 8),x,1,$s1\n' | edu-exam import --year 2026"
t_grep "... is not a choice" "choices are choice1 to choice12" "$err"
t_eq "... said once, not again as an unknown column" "$(printf '%s\n' "$err" | grep -c choice13)" 1
t_exit 65 "score_ with a bad subject" sh -c "printf 'exam_no,student_no,name,score_a-b\nX,$(sno 8),x,1\n' | edu-exam import --year 2026"
t_grep "... says so" "^edu-exam: -:1: 'score_a-b': a subject is letters, digits and '_'$" "$err"
t_exit 65 "an unknown column" sh -c "printf 'exam_no,student_no,name,score_a,colour\nX,$(sno 8),x,1,red\n' | edu-exam import --year 2026"
t_grep "... in the common wording" "^edu-exam: -:1: unknown column 'colour' \\(see edu-csv\\(5\\), or use --ignore-extra\\)$" "$err"
t_exit 0 "... passed over with --ignore-extra" sh -c "printf 'exam_no,student_no,name,score_a,colour\nX,$(sno 8),x,1,red\n' | edu-exam import --year 2026 --ignore-extra"
t_exit 65 "a year column that is not --year" sh -c "printf 'exam_no,year,student_no,name,score_a\nY,2025,$(sno 9),y,1\n' | edu-exam import --year 2026"
t_grep "... is refused" "^edu-exam: -:2: year: 2025 is not the --year 2026$" "$err"
t_exit 65 "seats already there" edu-exam seats import --year 2026 zs.csv
t_grep "... in the common wording" "zs.csv:2: school_code: seat '$s1/2026' exists already \\(use --upsert to update it\\)" "$err"

done_testing
