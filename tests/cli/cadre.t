#!/bin/sh
# edu-cadre: the staff register, events and their refusals, as-of answers,
# the retirement rule on fixed dates, title eligibility, party stages,
# training hours, statistics, and access by role.
. "$(dirname "$0")/lib.sh"

sample_db
audit_rows() { sqlite3 "$EDU_DB" "SELECT count(*) FROM audit"; }
rows() { printf '%s\n' "$1" | tail -n +2 | wc -l | tr -d ' '; }

cat > "$tmp/staff.csv" <<'CSV'
staff_no,id_number,name,sex,birth_date,unit,category,position,rank,title,title_since,education,degree,party,party_since,hired_on,status
S001,110102196501100116,王建国,M,1965-01-10,2111010201,cadre,校长,正科,高级教师,2015-09-01,本科,学士,member,1990-07-01,1987-08-01,active
S002,110102197104200222,李芳,女,1971-04-20,2111010209,干部,副校长,副科,一级教师,2010-09-01,本科,,党员,1995-07-01,1993-08-01,
S003,,张伟,M,1965-12-01,2111010201,teacher,,,一级教师,2018-09-01,本科,,none,,1988-08-01,active
S004,,赵丽,F,1975-03-05,2111010209,worker,,,,,高中,,none,,1995-03-01,active
S005,,刘洋,M,1990-06-15,2111010201,teacher,,,二级教师,2020-09-01,硕士研究生,硕士,activist,2025-03-01,2015-09-01,active
S006,,陈静,F,1985-02-10,2111010209,teacher,,,一级教师,2019-09-01,本科,学士,probationary,2025-06-01,2008-09-01,active
S007,,孙强,M,1988-11-11,人事科,cadre,科员,一级科员,,,本科,学士,none,,2012-07-01,active
S008,,周敏,F,1970-01-15,2111010201,teacher,,,高级教师,2012-09-01,本科,,none,,1992-09-01,active
S009,,吴刚,M,1964-12-20,人事科,cadre,,,,,大专,,none,,1984-09-01,active
S010,,郑红,F,1975-01-20,2111010209,worker,,,,,初中,,none,,1993-09-01,active
S011,,冯军,M,1976-09-05,2111010201,worker,,,,,高中,,none,,1996-09-01,active
S012,,韩梅,F,1984-11-30,2111010209,worker,,,,,高中,,none,,2004-09-01,active
CSV

# ---- the register ---------------------------------------------------------
t_exit 0 "import the staff" edu-cadre import "$tmp/staff.csv"
t_grep "... 12 inserted" "staff: 12 inserted, 0 updated, 0 unchanged, 0 rejected" "$err"
t_exit 0 "list" edu-cadre list
t_eq "... 12 rows" "$(rows "$out")" 12
t_eq "... the header is the import's columns" "$(printf '%s\n' "$out" | head -1)" \
	"staff_no,id_number,name,sex,birth_date,unit,category,position,rank,title,title_since,education,degree,party,party_since,hired_on,status,subject,stage,on_establishment"
t_grep "... Chinese values read as English keys, defaults filled in" \
	"^S002,110102197104200222,李芳,F,1971-04-20,2111010209,cadre,副校长,副科,一级教师,2010-09-01,本科,,member,1995-07-01,1993-08-01,active,,,yes$" "$out"
edu-cadre list > "$tmp/list.csv"
before=$(audit_rows)
t_exit 0 "list | import --upsert" edu-cadre import --upsert "$tmp/list.csv"
t_grep "... changes nothing" "0 inserted, 0 updated, 12 unchanged" "$err"
t_eq "... and writes no audit row" "$(audit_rows)" "$before"
t_exit 0 "list --category teacher" edu-cadre list --category 教师
t_eq "... 4 teachers" "$(rows "$out")" 4
t_exit 0 "list --unit 人事科" edu-cadre list --unit 人事科
t_eq "... 2 in the department" "$(rows "$out")" 2
t_exit 0 "list --title 一级 (the short name)" edu-cadre list --title 一级
t_eq "... 3 hold 一级教师" "$(rows "$out")" 3
t_exit 64 "list --status with a bad value" edu-cadre list --status dead
t_grep "... names the option" "^edu-cadre: --status: 'dead' is not one of" "$err"

sum=$(db_sum)
t_exit 65 "importing existing staff without --upsert" edu-cadre import "$tmp/staff.csv"
t_grep "... FILE:LINE: COLUMN: message" "staff.csv:2: staff_no: staff 'S001' exists already" "$err"
cat > "$tmp/bad.csv" <<'CSV'
staff_no,id_number,name,sex,birth_date,unit,category,title,title_since,party,party_since
B01,110102196501100116,甲,M,1965-01-11,2111010201,cadre,,,none,
B02,110102196501100116,乙,F,1965-01-10,2111010201,cadre,,,none,
B03,110102196501100117,丙,M,1965-01-10,2111010201,cadre,,,none,
B04,,丁,M,1965-01-10,9999999999,cadre,,,none,
B05,,戊,M,1965-01-10,人事科,cadre,,2020-01-01,none,
B06,,己,M,1965-01-10,人事科,cadre,,,none,2020-01-01
B07,,庚,X,1965-01-10,人事科,cadre,,,none,
B08,,辛,M,1965-02-30,人事科,cadre,,,none,
B09,,壬,M,1965-01-10,人事科,soldier,,,none,
CSV
t_exit 65 "a file with bad rows" edu-cadre import "$tmp/bad.csv"
t_grep "... an ID whose birth date disagrees" "bad.csv:2: id_number: the birth date in it, 1965-01-10, is not birth_date 1965-01-11" "$err"
t_grep "... an ID whose sex disagrees" "bad.csv:3: id_number: it is a man's number, but sex is F" "$err"
t_grep "... a wrong check character" "bad.csv:4: id_number: " "$err"
t_grep "... a unit that is no school" "bad.csv:5: unit: no school '9999999999'" "$err"
t_grep "... a title date without a title" "bad.csv:6: title_since: a date without a title" "$err"
t_grep "... a party date without a stage" "bad.csv:7: party_since: a date without a party stage" "$err"
t_grep "... a bad sex" "bad.csv:8: sex: 'X' is not one of M, F" "$err"
t_grep "... a bad date" "bad.csv:9: birth_date: '1965-02-30' is not a date" "$err"
t_grep "... a bad category" "bad.csv:10: category: 'soldier' is not one of cadre, teacher, worker" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"
t_exit 1 "--reject keeps the bad rows" edu-cadre import --reject "$tmp/rej.csv" "$tmp/bad.csv"
t_grep "... none inserted (all are bad)" "0 inserted, 0 updated, 0 unchanged, 9 rejected" "$err"
t_eq "... 9 rows and a header in the reject file" "$(wc -l < "$tmp/rej.csv" | tr -d ' ')" 10

t_exit 0 "show" edu-cadre show S002
t_grep "... the fields" "^name,李芳$" "$out"
t_grep "... the statutory retirement date" "^retire_date,2026-08-20$" "$out"
t_exit 1 "show of unknown staff exits 1" edu-cadre show S999
t_grep "... and says so" "no staff 'S999'" "$err"

# ---- retirement: the published examples and the boundaries --------------
# 1965-01 man -> 2025-02; 1965-12 man -> 2026-03; 1971-04 woman cadre ->
# 2026-08; 1964-12 man: no delay; 1970-01 woman teacher: 1 month; 1975-01
# woman worker: 1 month; 1975-03 woman worker: 2; 1976-09 man: 36 (the
# cap); 1984-11 woman worker: 60 (the cap).
t_exit 0 "retiring --within 600 from 2024-01-01" edu-cadre retiring --as-of 2024-01-01 --within 600
r() { printf '%s\n' "$out" | grep "^$1," | cut -d, -f7,8; }
t_eq "1964-12 man: 2024-12, at 60" "$(r S009)" "2024-12-20,60y0m"
t_eq "1965-01 man: 2025-02 (published example)" "$(r S001)" "2025-02-10,60y1m"
t_eq "1965-12 man: 2026-03 (published example)" "$(r S003)" "2026-03-01,60y3m"
t_eq "1971-04 woman on a cadre post: 2026-08 (published example)" "$(r S002)" "2026-08-20,55y4m"
t_eq "1970-01 woman teacher: first affected at base 55" "$(r S008)" "2025-02-15,55y1m"
t_eq "1975-01 woman worker: first affected at base 50" "$(r S010)" "2025-02-20,50y1m"
t_eq "1975-03 woman worker: 2 months" "$(r S004)" "2025-05-05,50y2m"
t_eq "1976-09 man: capped at 36 months" "$(r S011)" "2039-09-05,63y0m"
t_eq "1984-11 woman worker: capped at 60 months" "$(r S012)" "2039-11-30,55y0m"
t_eq "... ordered by date" "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f1)" S009
t_exit 0 "retiring --within 12 on 2026-01-01" edu-cadre retiring --as-of 2026-01-01 --within 12
t_eq "... the two due in 2026, after the five past their date" \
	"$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "S009 S001 S008 S010 S004 S003 S002 "
t_exit 0 "retiring --within 3 on 2026-06-01 (S002's 2026-08-20 is in)" edu-cadre retiring --as-of 2026-06-01 --within 3
t_grep "... S002" "^S002,李芳,F,1971-04-20,cadre,2111010209,2026-08-20,55y4m$" "$out"
t_exit 0 "retire the ones past their date" sh -c "edu-cadre retiring --as-of 2025-12-31 --within 0 | edu-cadre retire --on 2025-12-31 --doc 西教人〔2025〕9号"
t_exit 1 "... then none is left to retire then" edu-cadre retiring --as-of 2025-12-31 --within 0
t_eq "... and prints nothing, not even a header" "$out" ""
t_exit 0 "... but as of 2025-01-01 they were active" edu-cadre list --as-of 2025-01-01 --status active
t_eq "... all 12" "$(rows "$out")" 12
t_exit 0 "... and are retired now" edu-cadre list --status retired
t_eq "... 5 retired" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "S001 S004 S008 S009 S010 "
t_exit 65 "retiring someone who is retired is refused" edu-cadre retire S001
t_grep "... and says why" "staff S001: is retired, not active" "$err"

# ---- events and their refusals ------------------------------------------
sum=$(db_sum)
t_exit 65 "an event for unknown staff" edu-cadre reward S999 --kind 嘉奖
t_grep "... named" "staff S999: not in the register" "$err"
t_exit 65 "one bad key in a list writes nothing" edu-cadre reward S005 S999 --kind 嘉奖
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"
t_exit 64 "appoint without --position" edu-cadre appoint S007
t_exit 64 "punish with an unknown kind" edu-cadre punish S007 --kind scolding
t_exit 64 "a dismissal has no --until" edu-cadre punish S007 --kind dismissal --until 2027-01-01
t_exit 64 "party with an unknown stage" edu-cadre party S005 --stage leader
t_eq "... none of them wrote anything" "$(db_sum)" "$sum"

t_exit 0 "appoint" edu-cadre appoint S007 --position 副科长 --rank 四级主任科员 --on 2026-05-01 --doc 西教任〔2026〕5号
t_exit 65 "appointing to the post held" edu-cadre appoint S007 --position 副科长 --on 2026-06-01
t_grep "... refused" "holds the post 副科长 already" "$err"
t_exit 65 "dismiss from a post not held" edu-cadre dismiss S007 --position 科长 --on 2026-06-01
t_grep "... names the post held" "does not hold the post 科长 \(holds 副科长\)" "$err"
t_exit 65 "an event dated before a later change of the same thing" edu-cadre appoint S007 --position 科长 --on 2026-04-01
t_grep "... refused" "--on 2026-04-01 is before its last change of position, on 2026-05-01" "$err"
t_exit 0 "dismiss" edu-cadre dismiss S007 --position 副科长 --on 2026-10-01
t_exit 0 "as of 2026-04-30, the old post" edu-cadre list --as-of 2026-04-30 --unit 人事科
t_grep "... 科员, 一级科员" "^S007,.*,cadre,科员,一级科员," "$out"
t_exit 0 "as of 2026-05-01, the new one" edu-cadre list --as-of 2026-05-01 --unit 人事科
t_grep "... 副科长, 四级主任科员" "^S007,.*,cadre,副科长,四级主任科员," "$out"
t_exit 0 "now, none (the rank stays)" edu-cadre list --unit 人事科
t_grep "... no post" "^S007,.*,cadre,,四级主任科员," "$out"
t_exit 0 "as of a day before S007 was hired, not listed" edu-cadre list --as-of 2012-06-30 --unit 人事科
t_eq "... only the one hired before" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1)" S009
t_exit 0 "reward" edu-cadre reward S007 --kind 嘉奖 --on 2026-11-01
t_exit 0 "a new rank in the post held" edu-cadre appoint S002 --position 副校长 --rank 正科 --on 2026-02-01
t_grep "... changes only the rank" '"changes":\{"rank":\["副科","正科"\]\}' "$(edu-db log -f tsv --key S002)"
t_grep "... as of 2026-01-31 the old rank" "^S002,.*,副校长,副科," "$(edu-cadre list --as-of 2026-01-31 --unit 2111010209)"
t_exit 0 "show has the full history" edu-cadre show S007
t_grep "... the appointment" "^2026-05-01 appoint,\"副科长, rank 四级主任科员, doc 西教任〔2026〕5号\"$" "$out"
t_grep "... the dismissal" "^2026-10-01 dismiss,副科长$" "$out"
t_grep "... the reward" "^2026-11-01 reward,嘉奖$" "$out"
t_exit 0 "events are audited" edu-db log -f tsv --key S007
t_grep "... with old and new" '"event":"appoint","on":"2026-05-01","detail":"副科长","doc":"西教任〔2026〕5号","changes":\{"position":\["科员","副科长"\],"rank":\["一级科员","四级主任科员"\]\}' "$out"
sum=$(db_sum)
t_exit 0 "--dry-run writes nothing" edu-cadre -n reward S007 --kind 嘉奖
t_eq "... byte for byte" "$(db_sum)" "$sum"

t_exit 0 "leave" edu-cadre leave S011 --on 2026-07-01
t_exit 65 "no event for someone who left" edu-cadre title S011 --title 技师
t_exit 0 "as of 2026-06-30, S011 active" edu-cadre list --as-of 2026-06-30 --status active --unit 2111010201
t_grep "... listed" "^S011," "$out"
t_exit 0 "as of 2026-07-01, left" edu-cadre list --as-of 2026-07-01 --status left
t_grep "... listed" "^S011," "$out"

# ---- titles and eligibility ---------------------------------------------
# S003 一级教师 since 2018-09-01 and S006 since 2019-09-01: 5 years to 高级.
t_exit 0 "eligible for 高级 on 2024-06-01" edu-cadre eligible --title 高级教师 --as-of 2024-06-01
t_eq "... S002 and S003 (S006 only from 2024-09-01)" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,6 | tr '\n' ' ')" "S002,2015-09-01 S003,2023-09-01 "
# Years by degree (中小学教师水平评价基本标准条件, 人社部发〔2015〕79号;
# issue 16, point 9): S005, 二级教师 since 2020-09-01 with a 硕士 degree,
# needs 2 years, not 4, for 一级教师: eligible from 2022-09-01.
t_exit 1 "none eligible for 一级 on 2022-08-31" edu-cadre eligible --title 一级 --as-of 2022-08-31
t_exit 0 "S005 (硕士) eligible for 一级 on 2022-09-01" edu-cadre eligible --title 一级 --as-of 2022-09-01
t_eq "... after 2 years, with the degree and the years" "$(printf '%s\n' "$out" | tail -n +2)" \
	"S005,刘洋,2111010201,二级教师,2020-09-01,2022-09-01,硕士,2"
t_exit 0 "the 硕士 years are a setting" edu-db config set cadre.title_years.first.master 3
t_exit 1 "... with 3, not yet on 2023-08-31" edu-cadre eligible --title 一级 --as-of 2023-08-31
edu-db -q config set cadre.title_years.first.master 2
t_exit 1 "none eligible for 正高级 (S008 retired, S001 retired)" edu-cadre eligible --title 正高级 --as-of 2026-01-01
t_exit 64 "eligible for a title with no ladder" edu-cadre eligible --title 三级教师
t_exit 0 "punish S006 (a demerit, 12 months)" edu-cadre punish S006 --kind 记过 --on 2026-03-01
t_exit 0 "... ends 2027-02-28" edu-cadre show S006
t_grep "... in the history" "^2026-03-01 punish,\"demerit, until 2027-02-28\"$" "$out"
t_exit 0 "eligible for 高级 on 2026-06-01" edu-cadre eligible --title 高级 --as-of 2026-06-01
t_eq "... not the punished S006" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "S002 S003 "
t_exit 0 "eligible on 2027-02-28, the last day of the punishment" edu-cadre eligible --title 高级 --as-of 2027-02-28
t_eq "... still without S006" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "S002 S003 "
t_exit 0 "eligible on 2027-03-01" edu-cadre eligible --title 高级 --as-of 2027-03-01
t_eq "... S006 again" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "S002 S003 S006 "
t_exit 0 "as of 2026-02-28 (before the punishment) S006 is eligible" edu-cadre eligible --title 高级 --as-of 2026-02-28
t_grep "... listed" "^S006," "$out"
t_exit 0 "a setting changes the years: 8 to 高级" edu-db config set cadre.title_years.senior 8
t_exit 0 "eligible for 高级 on 2027-03-01 with 8 years" edu-cadre eligible --title 高级 --as-of 2027-03-01
t_eq "... S002 (2010) and S003 (2018), not S006 (2019)" \
	"$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,6 | tr '\n' ' ')" "S002,2018-09-01 S003,2026-09-01 "
t_exit 65 "a setting that is not a number is refused" edu-db config set cadre.title_years.senior many
t_exit 0 "a shorter warning period by setting" edu-db config set cadre.punish.warning 3
t_exit 0 "warning S005" edu-cadre punish S005 --kind warning --on 2026-01-15
t_grep "... ends after 3 months" "^2026-01-15 punish,\"warning, until 2026-04-14\"$" "$(edu-cadre show S005)"
t_exit 0 "an explicit --until" edu-cadre punish S005 --kind 警告 --on 2026-05-01 --until 2026-05-31
t_exit 65 "an --until before --on" edu-cadre punish S005 --kind 警告 --on 2026-05-01 --until 2026-04-01
# The kinds of 公职人员政务处分法 art. 7 and their effects (art. 8, 20;
# issue 16, point 10): S013, a vice-principal and 一级教师 since 2012.
printf 'staff_no,name,sex,birth_date,unit,category,position,rank,title,title_since,hired_on\nS013,钱程,M,1980-05-05,2111010209,cadre,副校长,副科,一级教师,2012-09-01,2002-09-01\n' |
	edu-cadre -q import
t_exit 0 "removal from post (撤职) of S013" edu-cadre punish S013 --kind 撤职 --on 2026-06-01
t_exit 0 "... ends the post and its rank, 24 months by art. 8" edu-cadre show S013
t_grep "... no post" "^position,$" "$out"
t_grep "... no rank" "^rank,$" "$out"
t_grep "... until 2028-05-31" "^2026-06-01 punish,\"removal, until 2028-05-31\"$" "$out"
t_exit 65 "... a title in its period is refused (art. 20)" edu-cadre title S013 --title 高级 --on 2027-06-01
t_grep "... saying why" "S013: is under a punishment \(撤职\) until 2028-05-31: no title in its period" "$err"
t_exit 0 "eligible on 2028-05-31, the last day: not S013" edu-cadre eligible --title 高级 --as-of 2028-05-31
t_eq "... S002, S003 and S006" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "S002 S003 S006 "
t_exit 0 "eligible on 2028-06-01: S013 again" edu-cadre eligible --title 高级 --as-of 2028-06-01
t_grep "... listed" "^S013," "$out"
t_exit 65 "a second removal: no post left" edu-cadre punish S013 --kind removal --on 2028-07-01
t_grep "... saying so" "S013: holds no post to be removed from" "$err"
t_exit 0 "a dismissal (开除) ends the employment" edu-cadre punish S013 --kind 开除 --on 2028-07-01
t_eq "... status left" "$(sqlite3 "$EDU_DB" "SELECT status FROM staff WHERE staff_no = 'S013'")" "left"
t_exit 64 "... and has no --until" edu-cadre punish S013 --kind 开除 --until 2029-01-01
t_exit 0 "... so S013 is not eligible years later" edu-cadre eligible --title 高级 --as-of 2035-01-01
t_eq "... S002, S003 and S006, whose demerit has ended" \
	"$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "S002 S003 S006 "
t_exit 0 "title" edu-cadre title S005 --title 一级 --on 2026-09-01
t_exit 65 "the same title again" edu-cadre title S005 --title 一级教师 --on 2026-10-01
t_exit 0 "the title as of 2026-08-31 and since" edu-cadre list --as-of 2026-08-31 --title 二级教师
t_grep "... was 二级教师 since 2020" "^S005,.*,二级教师,2020-09-01," "$out"
t_grep "... is 一级教师 since 2026-09-01" "^S005,.*,一级教师,2026-09-01," "$(edu-cadre list --title 一级教师)"

# ---- party stages -------------------------------------------------------
# S005 activist since 2025-03-01; S006 probationary since 2025-06-01.
t_exit 1 "party-due on 2026-02-28: nobody's year is up" edu-cadre party-due --as-of 2026-02-28
t_exit 0 "party-due on 2026-03-01: S005" edu-cadre party-due --as-of 2026-03-01
t_eq "... S005 to candidate" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,6)" "S005,candidate"
t_exit 0 "party-due on 2026-06-01: both" edu-cadre party-due --as-of 2026-06-01
t_eq "... S005 and S006" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,6 | tr '\n' ' ')" "S005,candidate S006,member "
t_exit 65 "candidate before a year as activist" edu-cadre party S005 --stage candidate --on 2026-02-28
t_grep "... says from when" "is activist since 2025-03-01: candidate only after 12 months, from 2026-03-01" "$err"
t_exit 65 "stages in order only" edu-cadre party S005 --stage probationary --on 2026-03-01
t_grep "... says which is next" "is activist: the next stage is candidate, not probationary" "$err"
t_exit 0 "candidate after a year" edu-cadre party S005 --stage 发展对象 --on 2026-03-01
t_exit 0 "probationary at once" edu-cadre party S005 --stage probationary --on 2026-04-01
t_exit 65 "member before a year of probation" edu-cadre party S005 --stage member --on 2027-03-31
t_exit 0 "member after a year" edu-cadre party S005 --stage member --on 2027-04-01
t_exit 65 "nothing after member" edu-cadre party S005 --stage member --on 2027-05-01
t_grep "... says so" "is member: there is no stage after it" "$err"
t_exit 0 "a person with no stage applies" edu-cadre party S007 --stage applicant --on 2026-01-01
t_exit 0 "... and is an activist at once" edu-cadre party S007 --stage activist --on 2026-02-01
t_exit 0 "as of 2026-03-15 S005 was a candidate" edu-cadre list --as-of 2026-03-15 --unit 2111010201
t_grep "... candidate since 2026-03-01" "^S005,.*,candidate,2026-03-01," "$out"

# ---- training -------------------------------------------------------------
cat > "$tmp/train.csv" <<'CSV'
staff_no,course,hours,date
S005,新课标解读,120,2021-07-10
S005,信息技术应用能力提升,200,2023-08-01
S005,班主任培训,60,2026-01-05
S006,师德师风,72,2022-03-01
S006,学科骨干研修,300,2024-07-20
S003,安全教育,24,2020-12-31
CSV
t_exit 0 "train import" edu-cadre train import "$tmp/train.csv"
t_grep "... 6 inserted" "training: 6 inserted" "$err"
t_exit 0 "train import --upsert sets a course's hours" sh -c "printf 'staff_no,course,hours,date\nS005,班主任培训,80,2026-01-05\n' | edu-cadre train import --upsert"
t_grep "... 1 updated" "training: 0 inserted, 1 updated" "$err"
t_exit 65 "... and without --upsert is refused" sh -c "printf 'staff_no,course,hours,date\nS005,班主任培训,80,2026-01-05\n' | edu-cadre train import"
t_exit 65 "training for unknown staff" sh -c "printf 'staff_no,course,hours,date\nS999,x,10,2022-01-01\n' | edu-cadre train import"
t_grep "... named" "staff_no: no staff 'S999'" "$err"
t_exit 65 "training with no hours" sh -c "printf 'staff_no,course,hours,date\nS005,x,0,2022-01-01\n' | edu-cadre train import"
t_exit 0 "training --cycle 2021" edu-cadre training --cycle 2021
t_grep "... S005 has 320 of 360 (the 2026 course is outside), 40 short" "^S005,刘洋,2111010201,320,360,40$" "$out"
t_grep "... S006 has 372, none short" "^S006,陈静,2111010209,372,360,0$" "$out"
t_grep "... S003 has none in the cycle" "^S003,张伟,2111010201,0,360,360$" "$out"
t_exit 0 "training --below 360" edu-cadre training --cycle 2021 --below 360
t_eq "... S003 and S005" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "S003 S005 "
t_exit 0 "training --below 1" edu-cadre training --cycle 2021 --below 1
t_eq "... S003 only, with no hours" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,4)" "S003,0"
t_exit 0 "a requirement by setting" edu-db config set cadre.training_hours 300
t_exit 0 "training --cycle 2021 --below 300" edu-cadre training --cycle 2021 --below 300
t_eq "... S003 only now" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,5,6)" "S003,300,300"
t_exit 0 "more hours for S003" sh -c "printf 'staff_no,course,hours,date\nS003,教学能力提升,300,2022-07-01\n' | edu-cadre train import"
t_exit 1 "training --below 300: nobody now" edu-cadre training --cycle 2021 --below 300
t_eq "... and prints nothing" "$out" ""
t_exit 64 "training without --cycle" edu-cadre training
t_exit 0 "show has the training" edu-cadre show S006
t_grep "... the course" "^2024-07-20 training,学科骨干研修 \(300 h\)$" "$out"
t_eq "... after the events, each in order" "$(printf '%s\n' "$out" | sed -n '/^20/s/,.*//p' | tr '\n' ' ')" "2026-03-01 punish 2022-03-01 training 2024-07-20 training "

# ---- statistics ----------------------------------------------------------
t_exit 0 "stats (by category)" edu-cadre stats
t_eq "... active staff by category" "$(printf '%s\n' "$out" | tr '\n' ' ')" "category,count cadre,2 teacher,3 worker,1 "
t_exit 0 "stats --by age on 2026-11-28" edu-cadre stats --by age --on 2026-11-28
t_eq "... by age band" "$(printf '%s\n' "$out" | tr '\n' ' ')" "age,count 30-39,2 40-49,2 55-59,1 60-,1 "
t_exit 0 "stats --by sex" edu-cadre stats --by sex
t_eq "... 3 men, 3 women" "$(printf '%s\n' "$out" | tr '\n' ' ')" "sex,count F,3 M,3 "
t_exit 64 "stats --by something else" edu-cadre stats --by shoe-size

# ---- access by role --------------------------------------------------------
u=educadre$$
if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	for d in "no role: 77" "registrar may not read staff" "auditor reads staff" \
		 "auditor may not write" "personnel writes"; do
		t_skip "$d" "needs root, useradd and runuser to make a second user"
	done
else
	useradd -M -N -s /bin/sh "$u" || { echo "Bail out! useradd failed"; exit 1; }
	trap 'userdel "$u" 2>/dev/null; rm -rf "$tmp"' EXIT
	as() { runuser -u "$u" -- env EDU_DB="$EDU_DB" PATH="$PATH" "$@"; }
	chmod 0777 "$tmp"
	chmod 0666 "$EDU_DB" "$EDU_DB"-wal "$EDU_DB"-shm 2>/dev/null
	t_exit 77 "no role: 77" as edu-cadre list
	edu-db user add "$u" registrar
	t_exit 77 "registrar may not read staff" as edu-cadre list
	t_grep "... needs personnel or auditor" "needs one of the roles admin personnel auditor" "$err"
	t_exit 77 "... nor a report" as edu-cadre retiring
	edu-db user add "$u" auditor
	t_exit 0 "auditor reads staff" as edu-cadre show S005
	t_exit 77 "auditor may not write" as edu-cadre reward S005 --kind 嘉奖
	edu-db user add "$u" personnel
	t_exit 0 "personnel writes" as edu-cadre reward S005 --kind 嘉奖
	t_exit 0 "... audited under the real user" edu-db log --user "$u" --key S005
	t_grep "... the reward" "reward" "$out"
fi

t_exit 0 "check passes after all this" edu-db check
# A punishment's period bars a higher rank too (art. 20), on the ladder of
# 职级 (公务员职务与职级并行规定 art. 8); a first rank is not higher.
edu-cadre -q import <<CSV
staff_no,id_number,name,sex,birth_date,unit,category,position,rank,title,title_since,education,degree,party,party_since,hired_on,status
S090,$(id18 11010219820304001),周立新,M,1982-03-04,2111010209,cadre,,,,,本科,学士,,,2005-09-01,active
CSV
t_exit 0 "S090 under a demerit from 2026-03-01" edu-cadre punish S090 --kind 记过 --on 2026-03-01
t_exit 0 "given a first rank in the period" \
	edu-cadre appoint S090 --position 教研组长 --rank 四级主任科员 --on 2026-04-01
t_exit 65 "a higher rank in the period: refused" \
	edu-cadre appoint S090 --position 教研组长 --rank 三级主任科员 --on 2026-06-01
t_grep "... naming the punishment and what it bars" \
	"S090: is under a punishment \(记过\) until 2027-02-28: no higher rank in its period" "$err"
t_exit 0 "a lower rank in the period is not barred" \
	edu-cadre appoint S090 --position 教研组长 --rank 一级科员 --on 2026-06-01
t_exit 0 "a higher rank after the period" \
	edu-cadre appoint S090 --position 教研组长 --rank 三级主任科员 --on 2027-03-01
t_exit 0 "a rank on the other ladder (正科) is not compared" \
	edu-cadre appoint S090 --position 副校长 --rank 正科 --on 2027-03-02

done_testing
