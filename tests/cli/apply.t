#!/bin/sh
# edu-school applications of private schools (issue 21): received,
# returned or accepted, decided within the statutory period counted from
# acceptance through the working-day calendar; an approved establishment
# gets its licence in the same transaction.  The deadlines are worked by
# hand on examples/calendar.csv around the 2026 holidays.
. "$(dirname "$0")/lib.sh"

sample_db
edu-db -q config set bureau.region 110102
H='application,kind,received,applicant,school_code,school_name,status,accepted_on,due,decided_on,doc,licence,note,provisional'

t_exit 0 "apply new: a preparation (筹设)" edu-school apply new --kind 筹设 \
	--applicant 52110102MJ010372X1 --name 西城区新星学校 --received 2026-09-01
t_eq "... prints the application with its number" "$out" "$H
1,preparation,2026-09-01,52110102MJ010372X1,,西城区新星学校,received,,,,,,,"
# Preparation, 30 days (民办教育促进法 art. 14): accepted Friday
# 2026-09-04, day 30 is Sunday 2026-10-04 in the National Day holiday
# (10-01 to 10-07), so it ends on Thursday 2026-10-08.
t_exit 0 "accept it on 2026-09-04" edu-school apply accept 1 --on 2026-09-04
t_grep "... due 2026-10-08, after the National Day holiday" "^1,preparation,.*,accepted,2026-09-04,2026-10-08,,,,,$" "$out"

# Establishment, 3 months (art. 17): returned for a missing paper,
# accepted on 2025-11-17: 2026-02-17 is in the Spring Festival holiday
# (02-15 to 02-23), so it ends on Tuesday 2026-02-24.
edu-school -q apply new --kind establishment --applicant 52110102MJ0046913W \
	--school 2111010228 --received 2025-11-10 >/dev/null
t_exit 0 "return an incomplete application" edu-school apply return 2 --missing 举办者资产证明 --on 2025-11-12
t_grep "... with what is missing" "^2,establishment,.*,returned,,,,,,举办者资产证明,$" "$out"
t_exit 64 "--missing is required" edu-school apply return 2
t_exit 0 "accept it once complete" edu-school apply accept 2 --on 2025-11-17
t_grep "... due 2026-02-24, after the Spring Festival" ",accepted,2025-11-17,2026-02-24,,,,,$" "$out"

# Change, 20 working days (行政许可法 art. 42, unverified against the
# 2021 regulations): from Monday 2026-09-21, the working days are
# 09-22 23 24 (25-27 Mid-Autumn), 28 29 30 (10-01..07 off), 10-08 09,
# Saturday 10-10 (a make-up working day), 12..16, 19..23, 26: the 20th
# is Monday 2026-10-26.
edu-school -q apply new --kind change --applicant 52110102MJ0081452C \
	--school 2111010222 --received 2026-09-21 >/dev/null
t_exit 0 "a change accepted on 2026-09-21" edu-school apply accept 3 --on 2026-09-21
t_grep "... due 2026-10-26, 20 working days" ",accepted,2026-09-21,2026-10-26,,,,,$" "$out"

# due and overdue, like grep.
t_exit 0 "apply due on 2026-02-20" edu-school apply due --on 2026-02-20
t_eq "... the establishment, 4 days left" "$out" "application,kind,applicant,school_code,school_name,accepted_on,due,days_left,provisional
2,establishment,52110102MJ0046913W,2111010228,北京市西城区英华实验中学,2025-11-17,2026-02-24,4,"
t_exit 1 "nothing due on 2026-01-05 within 7 days" edu-school apply due --on 2026-01-05
t_eq "... prints nothing" "$out" ""
t_exit 0 "overdue on 2026-02-25" edu-school apply overdue --on 2026-02-25
t_grep "... the establishment, one day late" "^2,establishment,.*,2026-02-24,-1,$" "$out"
t_exit 1 "not overdue on its last day" edu-school apply overdue --on 2026-02-24

# Refusals write nothing.
sum=$(db_sum)
t_exit 65 "an application of a public school" edu-school apply new --kind change \
	--applicant 52110102MJ0081452C --school 2111010209
t_grep "... says so" "school 2111010209 is public" "$err"
t_exit 64 "a bad credit code" edu-school apply new --kind preparation --applicant 52110102MJ0103720X --name x
t_exit 64 "a preparation needs the school's name" edu-school apply new --kind preparation --applicant 52110102MJ010372X1
t_exit 64 "the other kinds need the school" edu-school apply new --kind establishment --applicant 52110102MJ010372X1
t_exit 65 "accepting an accepted application" edu-school apply accept 1
t_grep "... says why" "application 1: is accepted: only a received or returned application can be accepted" "$err"
t_exit 65 "accepting before it came in" sh -c 'edu-school -q apply new --kind change --applicant 52110102MJ0081452C --school 2111010222 --received 2026-03-02 >/dev/null; edu-school apply accept 4 --on 2026-03-01'
t_exit 65 "approving one not accepted" edu-school apply approve 4 --doc x
t_grep "... says why" "application 4: is received: only an accepted application is decided" "$err"
t_exit 65 "deciding before acceptance" edu-school apply approve 2 --doc x --on 2025-11-16
t_exit 65 "no such application" edu-school apply approve 99 --doc x
t_grep "... not in the register" "application 99: not in the register" "$err"

# The approved establishment gets its licence, numbered by
# licence.pattern (教民{region}{year}{seq:5}), for licence.years (5).
t_exit 0 "approve the establishment" edu-school apply approve 2 --on 2026-02-24 --doc 西教民〔2026〕3号
t_grep "... with its licence number" "^2,establishment,.*,approved,2025-11-17,2026-02-24,2026-02-24,西教民〔2026〕3号,教民110102202600001,,$" "$out"
# 2026-02-24 to 2031-02-24: five years of 365 days and 2028-02-29.
t_eq "... the licence is recorded" "$(edu-school licence list --on 2026-02-24 | grep 2111010228)" \
	"2111010228,北京市西城区英华实验中学,教民110102202600001,2026-02-24,2031-02-24,1826"
t_exit 0 "... audited" edu-db log -f tsv --key 2111010228
t_grep "... the licence" "教民110102202600001" "$out"
t_exit 0 "refuse the preparation" edu-school apply refuse 1 --on 2026-10-08 --doc 西教民〔2026〕9号 --reason 场地不足
t_grep "... with its reason and document" "^1,preparation,.*,refused,2026-09-04,2026-10-08,2026-10-08,西教民〔2026〕9号,,场地不足,$" "$out"
t_exit 64 "--reason is required to refuse" edu-school apply refuse 3 --doc x

# A termination approved closes the school.
edu-school -q apply new --kind termination --applicant 52110102MJ0027704B --school 2111010238 --received 2026-11-02 >/dev/null
t_exit 0 "accept and approve a termination" sh -c 'edu-school -q apply accept 5 --on 2026-11-02 && edu-school -q apply approve 5 --on 2026-11-20 --doc 西教民〔2026〕20号'
t_grep "... the school is closed" "^status,closed$" "$(edu-school show 2111010238)"
t_grep "... show lists the application" "^application 5,termination received 2026-11-02: approved 2026-11-20$" "$(edu-school show 2111010238)"
t_exit 0 "apply list --status approved" edu-school apply list --status approved
t_eq "... two" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "2 5 "

# A number recorded by hand is passed over: 教民110102202600002 is taken.
edu-school -q licence set 2111010207 --number 教民110102202600002 --issued 2026-03-01 --expires 2031-03-01
edu-school -q apply new --kind establishment --applicant 52110102MJ0239619H --school 2111010208 --received 2026-03-02 >/dev/null
t_exit 0 "another establishment approved" sh -c 'edu-school -q apply accept 6 --on 2026-03-02 && edu-school apply approve 6 --on 2026-03-10 --doc 西教民〔2026〕4号'
t_grep "... skips the number taken by hand" ",教民110102202600003,,$" "$out"
done_testing
