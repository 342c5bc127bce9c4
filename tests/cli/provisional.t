#!/bin/sh
# Deadlines that wait for the calendar (issue 17, DESIGN 11): a deadline
# counted across, or ending in, a year without calendar rows is stored as
# provisional (the ledger table `provisional`), marked in the lists, due
# lists and show, named by `edu-db calendar check`, and counted again by
# `edu-db calendar import` once the year's rows are in.
#
# The sample calendar (examples/calendar.csv) has 2025 and 2026 and no
# day of November or December 2026, so those are plain weekdays.  Every
# date below is worked by hand.
. "$(dirname "$0")/lib.sh"

sample_db
led() { sqlite3 "$EDU_DB" "SELECT entity || ' ' || key || ' ' || field || ' ' || value FROM provisional ORDER BY 1"; }
field() { sqlite3 "$EDU_DB" "SELECT $2 FROM petition WHERE case_no = '$1'"; }

# ---- within one known year: never provisional -------------------------------
# XF received Monday 2026-06-01: day 15 is Tuesday 06-16.
t_exit 0 "a letter received on 2026-06-01" edu-petition new --kind XF --received 2026-06-01 \
	--petitioner 王五 --subject 收费 --channel letter --category claim
t_grep "... accept due 06-16, the provisional column empty" "^XF-2026-00001,.*,received,2026-06-16,.*,$" "$out"
t_eq "... the ledger is empty" "$(led)" ""

# ---- counted into 2027 ----------------------------------------------------------
# FY received Sunday 2026-12-20: the answer in 10 working days (行政复议法
# art. 48, 88): 12-21..25 (5), 12-28..31 (9), and with no 2027 rows Friday
# 2027-01-01 counts as the 10th.
t_exit 0 "a reconsideration copy received on 2026-12-20" edu-petition --on 2026-12-20 new --kind FY \
	--received 2026-12-20 --petitioner 赵六 --subject 不服处罚决定
t_grep "... the answer due 2027-01-01, provisional" "^FY-2026-00001,FY,.*,received,,2027-01-01,.*,reply_due$" "$out"
# XF received the same day: day 15 is Monday 2027-01-04.
t_exit 0 "a letter received on 2026-12-20" edu-petition --on 2026-12-20 new --kind XF --received 2026-12-20 \
	--petitioner 张三 --subject 学位 --channel letter --category claim
t_grep "... accept due 2027-01-04, provisional" "^XF-2026-00002,.*,received,2027-01-04,.*,accept_due$" "$out"
t_exit 0 "list" edu-petition list
t_eq "... the header ends with provisional" "$(printf '%s\n' "$out" | head -1 | sed 's/.*,//')" provisional
t_grep "... the June letter is not provisional" "^XF-2026-00001,.*,2026-06-16,.*,$" "$out"
t_exit 0 "show FY-2026-00001" edu-petition show FY-2026-00001
t_grep "... the date stays a date" "^reply_due,2027-01-01$" "$out"
t_grep "... and a provisional row names it" "^provisional,reply_due$" "$out"
t_exit 0 "show of the June letter" edu-petition show XF-2026-00001
t_eq "... has no provisional row" "$(printf '%s\n' "$out" | grep -c '^provisional')" 0
t_exit 0 "due within 20 days of 2026-12-21" edu-petition due --within 20 --on 2026-12-21
t_grep "... the answer, marked" "^FY-2026-00001,FY,.*,reply,2027-01-01,11,reply_due$" "$out"
t_grep "... the letter, marked" "^XF-2026-00002,XF,.*,accept,2027-01-04,14,accept_due$" "$out"

# A change of a private school, accepted Tuesday 2026-12-15: 20 working
# days (行政许可法 art. 42): 12-16..18 (3), 12-21..25 (8), 12-28..31 (12),
# Friday 2027-01-01 (13, with no 2027 rows), 01-04..08 (18), 01-11, 01-12.
edu-school -q apply new --kind change --applicant 52110102MJ0081452C \
	--school 2111010222 --received 2026-12-14 >/dev/null
t_exit 0 "an application accepted on 2026-12-15" edu-school apply accept 1 --on 2026-12-15
t_grep "... due 2027-01-12, provisional" "^1,change,.*,accepted,2026-12-15,2027-01-12,,,,,due$" "$out"
t_exit 0 "apply list" edu-school apply list
t_grep "... marks it" "^1,change,.*,2027-01-12,.*,due$" "$out"
t_exit 0 "apply due within 30 days of 2026-12-15" edu-school apply due --within 30 --on 2026-12-15
t_grep "... marks it" "^1,change,.*,2027-01-12,28,due$" "$out"
t_eq "the ledger holds the three" "$(led)" "application 1 due 2027-01-12
petition FY-2026-00001 reply_due 2027-01-01
petition XF-2026-00002 accept_due 2027-01-04"

# ---- calendar check -----------------------------------------------------------------
t_exit 1 "calendar check in November names 2027" edu-db calendar check --on 2026-11-30
t_eq "... with the three deadlines" "$out" "year,open_deadlines,note
2027,3,the deadlines counted across it are provisional until it is imported"
t_exit 1 "calendar check from 1 December" edu-db calendar check --on 2026-12-01
t_grep "... still 2027 with three" "^2027,3," "$out"

# ---- the 2027 calendar comes in ------------------------------------------------------
# 2027-01-01 (元旦) and the Spring Festival's statutory days 2027-02-05 and
# 02-08 (除夕 to 初三, 全国年节及纪念日放假办法 art. 2 as amended in 2024;
# 春节 2027 is 02-06) are holidays by law.  The State Council's notice for
# 2027 (its make-up working days and bridged days) was not known when this
# test was written: these are TEST ROWS, not the notice.
printf 'day,kind\n2027-01-01,holiday\n2027-02-05,holiday\n2027-02-08,holiday\n' > "$tmp/2027.csv"
sum=$(db_sum)
t_exit 0 "calendar import --dry-run" edu-db -n calendar import "$tmp/2027.csv"
t_grep "... says what would move" "3 provisional deadlines counted again, 2 moved, 0 still provisional" "$err"
t_eq "... and changes nothing" "$(db_sum)" "$sum"
a0=$(sqlite3 "$EDU_DB" "SELECT count(*) FROM audit")
t_exit 0 "calendar import 2027" edu-db calendar import "$tmp/2027.csv"
t_grep "... the summary" "^edu-db: 3 provisional deadlines counted again, 2 moved, 0 still provisional$" "$err"
# The answer: 01-01 is off, the 10th working day is Monday 01-04.
t_grep "... the answer moved" "^petition FY-2026-00001 reply_due 2027-01-01 -> 2027-01-04$" "$err"
# The application: 01-01 off, 13th is 01-04, 01-04..08 (17), 01-11..13.
t_grep "... the application moved" "^application 1 due 2027-01-12 -> 2027-01-13$" "$err"
t_eq "... the letter's Monday did not move" "$(printf '%s\n' "$err" | grep -c XF-2026-00002)" 0
t_eq "... stored" "$(field FY-2026-00001 reply_due),$(field XF-2026-00002 accept_due),$(sqlite3 "$EDU_DB" "SELECT due FROM application")" \
	"2027-01-04,2027-01-04,2027-01-13"
t_eq "... the ledger is empty" "$(led)" ""
# Three calendar rows, and one row for each deadline that moved.
t_eq "... five audit rows" "$(sqlite3 "$EDU_DB" "SELECT count(*) FROM audit WHERE id > $a0")" 5
t_grep "... the answer's, old and new" "2027-01-01.*2027-01-04" \
	"$(sqlite3 "$EDU_DB" "SELECT change FROM audit WHERE id > $a0 AND entity = 'petition' AND key = 'FY-2026-00001'")"
t_grep "... the application's, old and new" "2027-01-12.*2027-01-13" \
	"$(sqlite3 "$EDU_DB" "SELECT change FROM audit WHERE id > $a0 AND entity = 'application' AND key = '1'")"
t_exit 0 "... the audit chain holds" edu-db -q check
t_exit 0 "calendar check passes" edu-db calendar check --on 2026-12-21
t_eq "... only the header" "$out" "year,open_deadlines,note"
t_exit 0 "list" edu-petition list
t_grep "... no mark left" "^FY-2026-00001,.*,2027-01-04,.*,$" "$out"
t_exit 0 "a second import of the same rows" edu-db calendar import --upsert "$tmp/2027.csv"
t_eq "... counts nothing again" "$(printf '%s\n' "$err" | grep -c 'counted again')" 0

# ---- a date set by hand leaves the ledger ---------------------------------------------
t_exit 0 "a letter received on 2027-12-20, counted into 2028" edu-petition -q --on 2027-12-20 new --kind XF \
	--received 2027-12-20 --petitioner 孙七 --subject 转学 --channel letter --category claim
t_eq "... provisional" "$(led)" "petition XF-2027-00001 accept_due 2028-01-04"
printf 'case_no,accept_due\nXF-2027-00001,2028-01-05\n' | edu-petition -q --on 2027-12-20 import --upsert
t_eq "... its accept_due set by import: no longer the ledger's" "$(led)" ""
t_exit 1 "calendar check on 2027-11-30 still counts it: the date rests on 2028" \
	edu-db calendar check --on 2027-11-30
t_grep "... one deadline in 2028" "^2028,1," "$out"
edu-petition -q decline XF-2027-00001 --reason 重复 --on 2027-12-21
t_exit 1 "once declined, calendar check on 2027-12-01 names 2028 with no deadline" edu-db calendar check --on 2027-12-01
t_eq "... next year's notice" "$out" "year,open_deadlines,note
2028,0,next year's holidays are published in November: import them"

# ---- examples/crontab: the daily reminder ------------------------------------------------
# Its calendar line as cron hands it to sh (\% is %), on this database
# and on a given day.
cronline=$(grep -v '^#' "$examples/crontab" | grep 'calendar check' | sed 's/^[0-9* ]*//; s/\\%/%/g' |
	sed "s|--db=/var/lib/edu/edu.db|--db='$EDU_DB'|; s|calendar check|calendar check --on \$day|")
t_grep "the crontab runs calendar check every day" "^0 +8 +\* +\* +\* +out=.*calendar check" "$(cat "$examples/crontab")"
t_exit 0 "... on 2027-11-30 it says nothing" env day=2027-11-30 sh -c "$cronline"
t_eq "... nothing at all" "$out$err" ""
t_exit 0 "... from 2027-12-01 it names 2028 for cron's mail" env day=2027-12-01 sh -c "$cronline"
t_grep "... in a table" "2028 .*next year's holidays are published in November" "$out"

# ---- show: the deadlines shown but not stored ------------------------------------------------
# A letter transferred on Tuesday 2027-12-28: 5 working days to object
# (12-29, 30, 31, and with no 2028 rows Monday 2028-01-03 and 01-04),
# counted afresh at each show, and the accept deadline, day 15, Wednesday
# 2028-01-12.
edu-petition -q new --kind XF --received 2027-12-28 --petitioner 郑十 --subject 转办 \
	--channel letter --category claim --transferred-from 市信访局 --on 2027-12-28
t_exit 0 "show a letter transferred on 2027-12-28" edu-petition show XF-2027-00002
t_grep "... the objection due 2028-01-04" "^objection_due,2028-01-04$" "$out"
t_grep "... both deadlines provisional" "^provisional,accept_due objection_due$" "$out"

done_testing
