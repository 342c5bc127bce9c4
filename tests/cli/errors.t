#!/bin/sh
# The exit statuses of DESIGN 5 that edu-db and edu-school can give, and
# the command grammar: help, usage, version, options before or after the
# verb.
. "$(dirname "$0")/lib.sh"

sample_db
t_exit 64 "no verb" edu-school
t_exit 64 "an unknown verb" edu-school frobnicate
t_grep "... says so" "'frobnicate' is not a verb" "$err"
t_exit 64 "an unknown option" edu-school list --bogus
t_exit 64 "too few arguments" edu-school show
t_exit 64 "too many arguments" edu-school show 2111010201 2111010202
t_exit 64 "a two-word verb without its second word" edu-school licence
t_grep "... lists the choices" "one of set, list" "$err"
t_exit 64 "a bad --format" edu-school -f xml list
t_exit 64 "a bad --on" edu-school --on 2026-13-01 licence list
t_exit 64 "a bad --encoding" edu-school -e latin9 import "$examples/schools.csv"
t_exit 0 "--help" edu-school --help
t_grep "... lists the verbs" "^  licence set +record a private school's licence" "$out"
t_exit 0 "VERB --help" edu-school licence set --help
t_grep "... its usage" "^Usage: edu-school licence set \[OPTION...\] CODE" "$out"
t_grep "... its options" "--expires=DATE" "$out"
t_grep "... and the common ones" "--dry-run" "$out"
t_exit 0 "--usage" edu-school list --usage
t_exit 0 "--version" edu-school --version
t_exit 0 "common options before the verb" edu-school -f json --db "$EDU_DB" list --kind special
t_exit 0 "... or after it" edu-school list --kind special -f json --db "$EDU_DB"

if [ -w /dev/full ]; then
	t_exit 74 "a failed write to stdout is exit 74" sh -c 'edu-school list > /dev/full'
	t_grep "... with a message" "write error" "$err"
else
	t_skip "a failed write to stdout is exit 74" "no /dev/full"
fi

# Another process holds the write lock: a reader goes on (WAL), a writer
# waits for EDU_BUSY_TIMEOUT and then gives up with 75.
{ echo "BEGIN IMMEDIATE;"; sleep 3; echo "COMMIT;"; } | sqlite3 "$EDU_DB" &
holder=$!
sleep 0.5
t_exit 0 "a reader is not blocked by a writer" edu-school list --kind special
EDU_BUSY_TIMEOUT=300 t_exit 75 "a writer gives up after the busy timeout" \
	edu-school licence set 2111010206 --number N --issued 2021-12-15 --expires 2026-12-15
t_grep "... and says to try again" "busy.*try again later" "$err"
t_exit 0 "with the default timeout it waits and succeeds" \
	edu-school licence set 2111010206 --number N --issued 2021-12-15 --expires 2026-12-15
wait $holder

# A process killed in the middle of an import leaves all or nothing.
awk 'BEGIN { print "school_code,name,kind,ownership,status";
	for (i = 0; i < 30000; i++) printf "5%09d,学校%d,primary,public,open\n", i, i }' > "$tmp/big.csv"
before=$(sqlite3 "$EDU_DB" "SELECT count(*) FROM school")
for delay in 0.05 0.2 0.4; do
	edu-school -q import "$tmp/big.csv" --upsert &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	count=$(sqlite3 "$EDU_DB" "SELECT count(*) FROM school")
	case $count in
	"$before"|$((before + 30000))) t_pass "killed after ${delay}s: $count schools, all or nothing" ;;
	*) t_fail "killed after ${delay}s: all or nothing" "count $count, before $before" ;;
	esac
	t_exit 0 "... and check passes" edu-db check
done

# A progress line on a terminal only, and never with --quiet.
edu-school import "$tmp/big.csv" --upsert 2>"$tmp/progress"
t_eq "no progress line when stderr is not a terminal, only the summary" \
	"$(grep -vc '^edu-school: school: [0-9]* inserted, [0-9]* updated, [0-9]* unchanged, 0 rejected$' "$tmp/progress")" 0
if command -v script >/dev/null; then
	script -qc "edu-school import --upsert '$tmp/big.csv'" /dev/null > "$tmp/tty" 2>&1
	t_grep "a progress line on a terminal" "big.csv: [0-9]+" "$(tr '\r' '\n' < "$tmp/tty")"
	script -qc "edu-school -q import --upsert '$tmp/big.csv'" /dev/null > "$tmp/tty" 2>&1
	t_eq "... but not with --quiet" "$(cat "$tmp/tty")" ""
else
	t_skip "a progress line on a terminal" "no script(1) to make a terminal"
	t_skip "... but not with --quiet" "no script(1)"
fi

# ---- each common option takes effect ----------------------------------
# Each test below sees the option change what is written or printed, so
# that a tool which accepted an option and then ignored it fails here.

# Two small files of one school each.
school() { printf 'school_code,name,kind,ownership,principal,status\n%s,%s,primary,public,%s,open\n' "$1" "$2" "$3"; }
school 3000000001 甲校 王一 > "$tmp/a.csv"
school 3000000002 乙校 王二 > "$tmp/b.csv"
school 3000000003 丙校 王三 > "$tmp/c.csv"
school 3000000004 丁校 王四 > "$tmp/d.csv"
codes() { sqlite3 "$1" "SELECT group_concat(school_code, ' ') FROM (SELECT school_code FROM school WHERE school_code LIKE '3%' ORDER BY 1)"; }
file_sum() { cat "$1" "$1-wal" 2>/dev/null | cksum; }

# --db: the named file, and neither $EDU_DB nor ./edu.db.  The directory
# cwd has an edu.db of its own, which is what a tool there uses by default.
mkdir "$tmp/cwd"
sum_env=$(db_sum)
t_exit 0 "--db FILE: init creates FILE" edu-db -q --db "$tmp/other.db" init
t_eq "... and FILE is a database" "$(sqlite3 "$tmp/other.db" "SELECT count(*) FROM school")" 0
t_eq "... \$EDU_DB is unchanged byte for byte" "$(db_sum)" "$sum_env"
(cd "$tmp/cwd" && unset EDU_DB && edu-db -q init && edu-school -q import "$examples/schools.csv")
sum_cwd=$(file_sum "$tmp/cwd/edu.db")
t_exit 0 "--db before the verb, \$EDU_DB unset: import" \
	sh -c 'cd "$1/cwd" && unset EDU_DB && edu-school -q --db ../other.db import "$1/a.csv"' sh "$tmp"
t_exit 0 "--db after the verb, \$EDU_DB set: import" \
	sh -c 'cd "$1/cwd" && edu-school -q import "$1/b.csv" --db "$1/other.db"' sh "$tmp"
t_eq "... both schools are in FILE" "$(codes "$tmp/other.db")" "3000000001 3000000002"
t_eq "... neither is in \$EDU_DB" "$(codes "$EDU_DB")" ""
t_eq "... nor in ./edu.db" "$(codes "$tmp/cwd/edu.db")" ""
t_eq "... \$EDU_DB is unchanged byte for byte" "$(db_sum)" "$sum_env"
t_eq "... ./edu.db is unchanged byte for byte" "$(file_sum "$tmp/cwd/edu.db")" "$sum_cwd"
t_exit 0 "--db on a reading verb" sh -c 'cd "$1/cwd" && edu-school list -d "$1/other.db"' sh "$tmp"
t_eq "... lists FILE's schools" "$out" "school_code,name,kind,ownership,district,address,principal,phone,founded,entry_seats,credit_code,status
3000000001,甲校,primary,public,,,王一,,,,,open
3000000002,乙校,primary,public,,,王二,,,,,open"
t_exit 0 "... and without it the same verb reads ./edu.db" \
	sh -c 'cd "$1/cwd" && unset EDU_DB && edu-school list' sh "$tmp"
t_eq "... its 40 schools" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 40

# -f: each format byte for byte.
printf '%s\n' \
	'school_code,name,kind,ownership,district,address,principal,phone,founded,entry_seats,credit_code,status' \
	'2111010239,北京市西城区培智中心学校,special,public,西城区,北京市西城区官园南里10号,窦晓梅,010-66165094,1987-09-01,30,,open' \
	'2111010240,北京市西城区启聪学校,special,public,西城区,北京市西城区德宝新园4号,章立,010-62016783,1959-09-01,24,,open' \
	> "$tmp/want.csv"
tr , '\t' < "$tmp/want.csv" > "$tmp/want.tsv"
printf '%s\n' \
	'school_code  name                      kind     ownership  district  address                   principal  phone         founded     entry_seats  credit_code  status' \
	'-----------  ------------------------  -------  ---------  --------  ------------------------  ---------  ------------  ----------  -----------  -----------  ------' \
	'2111010239   北京市西城区培智中心学校  special  public     西城区    北京市西城区官园南里10号  窦晓梅     010-66165094  1987-09-01  30                        open' \
	'2111010240   北京市西城区启聪学校      special  public     西城区    北京市西城区德宝新园4号   章立       010-62016783  1959-09-01  24                        open' \
	> "$tmp/want.table"
printf '%s\n' \
	'{"school_code":"2111010239","name":"北京市西城区培智中心学校","kind":"special","ownership":"public","district":"西城区","address":"北京市西城区官园南里10号","principal":"窦晓梅","phone":"010-66165094","founded":"1987-09-01","entry_seats":30,"credit_code":null,"status":"open"}' \
	'{"school_code":"2111010240","name":"北京市西城区启聪学校","kind":"special","ownership":"public","district":"西城区","address":"北京市西城区德宝新园4号","principal":"章立","phone":"010-62016783","founded":"1959-09-01","entry_seats":24,"credit_code":null,"status":"open"}' \
	> "$tmp/want.json"
for f in csv tsv table json; do
	edu-school -f $f list --kind special > "$tmp/got.$f"
	t_cmp "-f $f before the verb: the listing byte for byte" "$tmp/got.$f" "$tmp/want.$f"
	edu-school list --kind special --format=$f > "$tmp/got.$f"
	t_cmp "--format=$f after the verb: the same" "$tmp/got.$f" "$tmp/want.$f"
done
edu-school list --kind special > "$tmp/got.csv"
t_cmp "no -f is CSV" "$tmp/got.csv" "$tmp/want.csv"

# --excel: a BOM, CRLF line ends, and a ' before a cell that a
# spreadsheet would take for a formula.
printf 'school_code,name,kind,ownership,principal,address,status\n3000000009,=1+1学校,primary,public,@张,-3号,open\n' > "$tmp/formula.csv"
edu-school -q --db "$tmp/other.db" import "$tmp/formula.csv"
{
	printf '\357\273\277'
	printf '%s\r\n' \
		'school_code,name,kind,ownership,district,address,principal,phone,founded,entry_seats,credit_code,status' \
		"3000000001,甲校,primary,public,,,王一,,,,,open" \
		"3000000002,乙校,primary,public,,,王二,,,,,open" \
		"3000000009,'=1+1学校,primary,public,,'-3号,'@张,,,,,open"
} > "$tmp/want.xls.csv"
edu-school --db "$tmp/other.db" --excel list > "$tmp/got.xls.csv"
t_cmp "--excel: BOM, CRLF and a ' before = - @" "$tmp/got.xls.csv" "$tmp/want.xls.csv"
edu-school --db "$tmp/other.db" list --excel > "$tmp/got.xls.csv"
t_cmp "--excel after the verb: the same" "$tmp/got.xls.csv" "$tmp/want.xls.csv"
edu-school --db "$tmp/other.db" list > "$tmp/got.csv"
t_eq "... and without it no BOM" "$(head -c 3 "$tmp/got.csv")" sch
t_grep "... the cells as stored" "^3000000009,=1\\+1学校,primary,public,,-3号,@张," "$(cat "$tmp/got.csv")"
t_eq "... no CR anywhere" "$(tr -cd '\r' < "$tmp/got.csv" | wc -c)" 0

# -e gb18030: the file is GB18030 (also 4-byte sequences: U+3400 and
# U+20000); the database holds the same text in UTF-8.
name='戊校㐀𠀀'
school 3000000005 "$name" 欧阳 > "$tmp/e.utf8.csv"
if iconv -f UTF-8 -t GB18030 < "$tmp/e.utf8.csv" > "$tmp/e.gb.csv" 2>/dev/null; then
	sum=$(db_sum "$tmp/other.db")
	t_exit 65 "a GB18030 file read as UTF-8 is refused" edu-school --db "$tmp/other.db" import "$tmp/e.gb.csv"
	t_eq "... and nothing written" "$(db_sum "$tmp/other.db")" "$sum"
	t_exit 0 "-e gb18030: the same file imports" edu-school --db "$tmp/other.db" -e gb18030 import "$tmp/e.gb.csv"
	t_eq "... the name is the UTF-8 text" "$(sqlite3 "$tmp/other.db" "SELECT hex(name) || ' ' || hex(principal) FROM school WHERE school_code = '3000000005'")" \
		"$(printf '%s' "$name" | od -An -tx1 | tr -d ' \n' | tr a-f A-F) $(printf '欧阳' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
	school 3000000006 己校 诸葛 | iconv -f UTF-8 -t GB18030 > "$tmp/f.gb.csv"
	t_exit 0 "--encoding=GBK after the verb (read as GB18030)" edu-school --db "$tmp/other.db" import "$tmp/f.gb.csv" --encoding=GBK
	t_eq "... the name is the UTF-8 text" "$(sqlite3 "$tmp/other.db" "SELECT name || ',' || principal FROM school WHERE school_code = '3000000006'")" "己校,诸葛"
else
	t_skip "-e gb18030" "iconv has no GB18030"
fi

# -n: validate and report, write nothing.
sum=$(file_sum "$tmp/other.db")
before=$(edu-school --db "$tmp/other.db" list)
t_exit 0 "-n import" edu-school --db "$tmp/other.db" -n import "$tmp/c.csv"
t_grep "... reports what it would do" "school: 1 inserted" "$err"
t_eq "... the database is unchanged byte for byte" "$(file_sum "$tmp/other.db")" "$sum"
t_eq "... the listing is the same" "$(edu-school --db "$tmp/other.db" list)" "$before"
t_exit 0 "--dry-run after the verb" edu-school --db "$tmp/other.db" import "$tmp/c.csv" --dry-run
t_eq "... the database is unchanged byte for byte" "$(file_sum "$tmp/other.db")" "$sum"
t_exit 0 "-n on a change verb" edu-school -d "$tmp/other.db" -n designate 3000000001 --title 市级实验小学 --since 2020-09-01
t_eq "... the database is unchanged byte for byte" "$(file_sum "$tmp/other.db")" "$sum"
t_eq "... no title" "$(sqlite3 "$tmp/other.db" "SELECT count(*) FROM designation")" 0
t_exit 0 "without -n the same import" edu-school --db "$tmp/other.db" import "$tmp/c.csv"
t_eq "... writes" "$(codes "$tmp/other.db")" "3000000001 3000000002 3000000003 3000000005 3000000006 3000000009"

# -q: nothing on stderr but errors.
t_exit 0 "-q import" edu-school --db "$tmp/other.db" -q import "$tmp/d.csv"
t_eq "... prints nothing on stderr" "$err" ""
t_eq "... and imports" "$(codes "$tmp/other.db")" "3000000001 3000000002 3000000003 3000000004 3000000005 3000000006 3000000009"
t_exit 0 "-q with -n" edu-school --db "$tmp/other.db" import "$tmp/d.csv" --upsert -n --quiet
t_eq "... prints nothing on stderr, not even the dry-run note" "$err" ""
t_exit 0 "-q on a change verb" edu-school --db "$tmp/other.db" designate 3000000001 --title 市级实验小学 --since 2020-09-01 -q
t_exit 0 "... the same again changes nothing" edu-school --db "$tmp/other.db" -q designate 3000000001 --title 市级实验小学 --since 2020-09-01
t_eq "... prints no notice" "$err" ""
t_exit 0 "... while without -q" edu-school --db "$tmp/other.db" designate 3000000001 --title 市级实验小学 --since 2020-09-01
t_grep "... there is one" "." "$err"
t_exit 65 "-q does not hide an error" edu-school --db "$tmp/other.db" -q import "$tmp/d.csv"
t_grep "... it is on stderr" "d.csv:2: school_code" "$err"

# --on: the date of the action lands in the record, and "today" in a
# report is that date.
s=$(id18 11010220180305123)	# M, 2018-03-05
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,王浩然,M,2018-03-05,2111010209,3\n' "$s" > "$tmp/s.csv"
edu-enroll -q import "$tmp/s.csv"
t_exit 0 "--on before the verb: suspend" edu-enroll -q --on 2026-03-02 suspend --reason 病休 "G$s"
t_exit 0 "--on after the verb: resume" edu-enroll -q resume "G$s" --on 2026-04-10
t_eq "... the events carry those days" \
	"$(sqlite3 "$EDU_DB" "SELECT group_concat(day || ' ' || kind, ',') FROM (SELECT day, kind FROM student_event WHERE student_no = 'G$s' ORDER BY id)")" \
	"2026-03-02 suspend,2026-04-10 resume"
t_exit 0 "--on in a report: days to a licence's end" edu-school --on 2026-11-28 licence list
t_grep "... 17 days from 2026-11-28 to 2026-12-15" "^2111010206,.*,2026-12-15,17$" "$out"
t_exit 0 "... and from another day" edu-school licence list --on 2026-12-20
t_grep "... 5 days past" "^2111010206,.*,2026-12-15,-5$" "$out"


# ---- did you mean (issue 18): the nearest name that exists ----------------
t_exit 64 "a misspelt verb" edu-school lsit
t_eq "... names the nearest verb" "$err" "edu-school: 'lsit' is not a verb; did you mean list? (see 'edu-school --help')"
t_exit 64 "a verb in the wrong case" edu-enroll Import
t_grep "... is the verb" "did you mean import\?" "$err"
t_exit 64 "the first word of a two-word verb" edu-db calnedar list
t_grep "... calendar" "'calnedar' is not a verb; did you mean calendar\?" "$err"
t_exit 64 "the second word of a two-word verb" edu-db calendar improt
t_grep "... both words" "^edu-db: calendar: expected one of import, list, due, check; did you mean calendar import\? " "$err"
t_exit 64 "a word near no verb" edu-school frobnicate
t_grep "... has no guess" "^edu-school: 'frobnicate' is not a verb \(see" "$err"
t_exit 64 "a short word is not guessed at from a longer one" edu-school ls
t_grep "... no guess" "'ls' is not a verb \(see" "$err"

printf 'school_code,nmae,kind,owner_ship,办学类型,colour\n' >dym.csv
t_exit 65 "misspelt columns" edu-school import dym.csv
t_grep "... a swap of two letters" "^edu-school: dym.csv:1: unknown column 'nmae'; did you mean name\? \(see edu-csv\(5\), or use --ignore-extra\)$" "$err"
t_grep "... a letter too many" "unknown column 'owner_ship'; did you mean ownership\?" "$err"
t_grep "... a column near none" "unknown column 'colour' \(see edu-csv" "$err"
t_exit 65 "a misspelt column of the student register" sh -c \
	"printf 'student_no,name,brith_date,出身日期\n' | edu-enroll import"
t_grep "... birth_date" "unknown column 'brith_date'; did you mean birth_date\?" "$err"
t_grep "... and a Chinese alias in Chinese" "unknown column '出身日期'; did you mean 出生日期\?" "$err"
t_exit 65 "a column of the teacher applicants" sh -c \
	"printf 'id_numbr,name,sex,birth_date,category,subject,body\n' | edu-cert issue --kind teacher"
t_grep "... id_number" "unknown column 'id_numbr'; did you mean id_number\?" "$err"
t_exit 65 "a column of the exam candidates (their own header reader)" sh -c \
	"printf 'exam_no,student_no,nmae,junior_school,score_math\n' | edu-exam import --year 2026"
t_grep "... name" "unknown column 'nmae'; did you mean name\?" "$err"

done_testing
