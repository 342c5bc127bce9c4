#!/bin/sh
# edu-assets improve: subsequent expenditure (改建、扩建; 政府会计准则第3号
# and its 应用指南, 财会〔2017〕4号) raises the cost and restarts the
# depreciation over the remaining or a re-estimated life (issue 16, point
# 8).  Schedules worked by hand; --as-of before and after; the refusals
# write nothing; edu-report gives the same figures.
. "$(dirname "$0")/lib.sh"

sample_db
cat > "$tmp/assets.csv" <<'EOF'
tag,name,category,unit,acquired_on,cost,life_years
B-1,锅炉房设备,machinery,2111010201,2020-01-15,120000.00,10
B-2,实验室通风系统,machinery,2111010201,2020-01-15,120000.00,10
B-3,旧校车,vehicle,2111010201,2010-03-01,300000.00,8
B-4,操场用地,land,2111010201,2020-01-15,500000.00,
B-5,旧打印机,office,2111010201,2020-01-15,3000.00,
EOF
t_exit 0 "import five assets" edu-assets -q --on 2020-02-01 import "$tmp/assets.csv"
field() { printf '%s\n' "$out" | sed -n "s/^$1,//p"; }
dep() {	# dep TAG MONTH: months,monthly,charge,accumulated,book_value and cost
	edu-assets depreciate --as-of "$2" | awk -F, -v t="$1" '$1 == t { print $8 "," $9 "," $10 "," $11 "," $12 " cost " $6 }'
}
audit_rows() { sqlite3 "$EDU_DB" "SELECT count(*) FROM audit"; }

# ---- the schedule, by hand --------------------------------------------------------
# 120000.00 over 120 months from 2020-01: 1000.00 a month.  30000.00 spent
# on 2025-06-10: 2020-01..2025-06 are 66 months, 66000.00; the book value
# at the end of June, 54000.00, plus 30000.00 is 84000.00, over the 54
# months left (2025-07..2029-12): 1555.555... -> 1555.56; 53 of them are
# 82444.68, so 2029-12 takes 1555.32.
t_exit 0 "improve B-1 by 30000.00 on 2025-06-10" \
	edu-assets --on 2025-06-10 improve B-1 --amount 30000 --doc "西教资〔2025〕3号"
t_eq "... says so" "$err" "edu-assets: 1 asset improved"
t_eq "... the cost is now 150000.00" "$(sqlite3 "$EDU_DB" "SELECT cost FROM asset WHERE tag = 'B-1'")" 15000000
t_eq "... the event" "$(sqlite3 "$EDU_DB" "SELECT day, kind, amount, coalesce(life_months, '-'), doc FROM asset_event WHERE tag = 'B-1' AND kind = 'improved'")" \
	"2025-06-10|improved|3000000|-|西教资〔2025〕3号"
t_eq "2025-05: the old cost and schedule" "$(dep B-1 2025-05)" "65,1000.00,1000.00,65000.00,55000.00 cost 120000.00"
t_eq "2025-06, its month: charged as before, the new cost" "$(dep B-1 2025-06)" \
	"66,1000.00,1000.00,66000.00,84000.00 cost 150000.00"
t_eq "2025-07: 1555.56 a month" "$(dep B-1 2025-07)" "67,1555.56,1555.56,67555.56,82444.44 cost 150000.00"
t_eq "2025-12: 75333.36 accumulated, book value 74666.64" "$(dep B-1 2025-12)" \
	"72,1555.56,1555.56,75333.36,74666.64 cost 150000.00"
t_eq "2029-12: the last month takes 1555.32, all charged" "$(dep B-1 2029-12)" \
	"120,1555.56,1555.32,150000.00,0.00 cost 150000.00"
t_eq "2030-01: nothing more" "$(dep B-1 2030-01)" "120,1555.56,0.00,150000.00,0.00 cost 150000.00"

t_exit 0 "show on 2025-12-31" edu-assets --on 2025-12-31 show B-1
t_eq "... the register's cost" "$(field cost)" 150000.00
t_eq "... book value 74666.64" "$(field book_value)" 74666.64
t_eq "... the life still ends in 2029-12" "$(field 'life ends')" 2029-12
t_grep "... the event in the history" '^event 2025-06-10,"improved: in-use, unit 2111010201, cost \+30000.00, doc 西教资〔2025〕3号"$' "$out"
t_exit 0 "show on 2025-05-31, before it" edu-assets --on 2025-05-31 show B-1
t_eq "... the cost then 120000.00, book value 55000.00" "$(field 'cost then') $(field book_value)" "120000.00 55000.00"

t_exit 0 "list --as-of the day before" edu-assets list --as-of 2025-06-09
t_eq "... the old cost" "$(printf '%s\n' "$out" | awk -F, '$1 == "B-1" { print $10 }')" 120000.00
t_exit 0 "list --as-of the day" edu-assets list --as-of 2025-06-10
t_eq "... the new cost" "$(printf '%s\n' "$out" | awk -F, '$1 == "B-1" { print $10 }')" 150000.00
t_exit 0 "edu-db log has it" edu-db log -f tsv --key B-1
t_grep "... cost old and new, amount" '"cost":\["120000.00","150000.00"\],"event":\[null,"improved"\],"on":\[null,"2025-06-10"\],"amount":\[null,"30000.00"\]' "$out"

# A second one chains: 10000.00 on 2026-03-05.  2025-07..2026-03 are 9
# months of 1555.56 = 14000.04; 84000.00 - 14000.04 + 10000.00 = 79999.96
# over the 45 months left (2026-04..2029-12): 1777.777... -> 1777.78; 44
# of them are 78222.32, so the last takes 1777.64.
t_exit 0 "a second improvement, 10000.00 on 2026-03-05" edu-assets -q --on 2026-03-05 improve B-1 --amount 10000
t_eq "2026-03: still 1555.56" "$(dep B-1 2026-03)" "75,1555.56,1555.56,80000.04,79999.96 cost 160000.00"
t_eq "2026-04: 1777.78 a month" "$(dep B-1 2026-04)" "76,1777.78,1777.78,81777.82,78222.18 cost 160000.00"
t_eq "2029-12: the last 1777.64, 160000.00 charged" "$(dep B-1 2029-12)" \
	"120,1777.78,1777.64,160000.00,0.00 cost 160000.00"

# ---- a re-estimated life ---------------------------------------------------------
# B-2 as B-1, but over 8 more years: 84000.00 / 96 = 875.00 from 2025-07
# to 2033-06.
t_exit 0 "improve B-2 with --life-years 8" edu-assets -q --on 2025-06-10 improve B-2 --amount 30000 --life-years 8
t_eq "... life_months 96" "$(sqlite3 "$EDU_DB" "SELECT life_months FROM asset_event WHERE tag = 'B-2' AND kind = 'improved'")" 96
t_eq "2025-12: 6 months of 875.00" "$(dep B-2 2025-12)" "72,875.00,875.00,71250.00,78750.00 cost 150000.00"
t_eq "2033-06: fully depreciated" "$(dep B-2 2033-06)" "162,875.00,875.00,150000.00,0.00 cost 150000.00"
t_exit 0 "show: the life ends in 2033-06" edu-assets --on 2026-01-01 show B-2
t_eq "... so" "$(field 'life ends')" 2033-06

# expiring: the life's end as the improvements to --on left it.
t_exit 0 "expiring within 60 months of 2025-05-01, before the improvements" \
	edu-assets --on 2025-05-01 expiring --within 60
t_eq "... B-5 in 2025-12, B-1 and B-2 in 2029-12" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,8,9)" \
"B-5,2025-12,7
B-1,2029-12,55
B-2,2029-12,55"
t_exit 0 "expiring within 60 months of 2026-01-01" edu-assets --on 2026-01-01 expiring --within 60
t_eq "... B-1 only: B-2's life now ends in 2033-06" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,8,9)" \
	"B-1,2029-12,47"

# ---- edu-report gives the same figures --------------------------------------------
by_cat=$(edu-assets -f tsv depreciate --as-of 2025-12 --by category | awk -F'\t' '$1 == "machinery" { print $3 " " $5 " " $6 }')
t_eq "depreciate by category, machinery, 2025-12" "$by_cat" "300000.00 146583.36 153416.64"
t_exit 0 "edu-report assets as of 2025-12-31" edu-report -f tsv assets --as-of 2025-12-31
t_eq "... the same cost, accumulated and book value" \
	"$(printf '%s\n' "$out" | awk -F'\t' '$3 == "machinery" && $4 == "cost" { c = $5 } $3 == "machinery" && $4 == "accumulated" { a = $5 }
		$3 == "machinery" && $4 == "book_value" { b = $5 } END { print c " " a " " b }')" "$by_cat"

t_eq "... flows of 2025: two improvements of machinery, 60000.00" \
	"$(printf '%s\n' "$out" | awk -F'\t' '$2 == "flows" && $3 == "machinery" { printf "%s=%s ", $4, $5 }')" \
	"added=0 added_cost=0.00 improved=2 improved_cost=60000.00 disposed=0 disposed_cost=0.00 "
t_exit 0 "edu-report assets as of 2020-12-31" edu-report -f tsv assets --as-of 2020-12-31
t_eq "... B-1 and B-2 added in 2020 at the cost acquired" \
	"$(printf '%s\n' "$out" | awk -F'\t' '$2 == "flows" && $3 == "machinery" && $4 ~ /^added/ { printf "%s=%s ", $4, $5 }')" \
	"added=2 added_cost=240000.00 "

# ---- refusals, each writing nothing -----------------------------------------------
sum=$(db_sum)
a0=$(audit_rows)
t_exit 65 "a land asset" edu-assets --on 2026-01-05 improve B-4 --amount 1000
t_eq "... is not depreciated" "$err" "edu-assets: asset B-4: a land asset is not depreciated: subsequent expenditure on it is not recorded here
edu-assets: nothing written (1 asset refused)"
t_exit 65 "a date before the asset's last event" edu-assets --on 2025-06-09 improve B-1 --amount 1000
t_grep "... names both days" "asset B-1: --on 2025-06-09 is before its last change, on 2026-03-05" "$err"
next=$(( $(date +%Y) + 1 ))
t_exit 65 "a day to come" edu-assets --on "$next-01-04" improve B-1 --amount 1000
t_grep "... is refused" "asset B-1: --on $next-01-04 is after today, [0-9-]+: an expenditure not yet made cannot be recorded" "$err"
# B-3, a bus of 2010-03 over 96 months, was fully depreciated in 2018-02.
t_exit 65 "a fully depreciated asset without a life" edu-assets --on 2026-01-05 improve B-3 --amount 1000
t_grep "... asks for one" "asset B-3: its life ended in 2018-02: give the months to depreciate the expenditure over \\(--life or --life-years\\)" "$err"
t_exit 64 "a zero amount" edu-assets --on 2026-01-05 improve B-1 --amount 0
t_grep "... adds nothing" "--amount: an expenditure of 0 yuan adds nothing to the cost" "$err"
t_exit 64 "a negative amount" edu-assets --on 2026-01-05 improve B-1 --amount -5
t_exit 64 "no amount" edu-assets --on 2026-01-05 improve B-1
t_exit 64 "--life and --life-years" edu-assets --on 2026-01-05 improve B-1 --amount 5 --life 12 --life-years 1
t_exit 65 "one of two refused: none written" edu-assets --on 2026-01-05 improve B-2 B-4 --amount 1000
t_eq "... nothing written by any of them" "$(db_sum)" "$sum"
t_eq "... and no audit row" "$(audit_rows)" "$a0"

t_exit 0 "a fully depreciated asset with --life 24" edu-assets -q --on 2026-01-05 improve B-3 --amount 24000 --life 24
# Its book value was 0.00: 24000.00 over 24 months, 1000.00 from 2026-02.
t_eq "... 1000.00 a month from 2026-02" "$(dep B-3 2026-02)" "97,1000.00,1000.00,301000.00,23000.00 cost 324000.00"

t_exit 0 "dispose of B-2" edu-assets -q --on 2026-02-01 dispose B-2 --method scrapped --doc "西教资〔2026〕1号"
t_exit 65 "a disposed asset" edu-assets --on 2026-03-01 improve B-2 --amount 1000
t_grep "... cannot take it" "asset B-2: is disposed: it cannot take an improvement" "$err"

t_exit 0 "keys from a CSV on stdin" sh -c 'printf "tag\nB-1\n" | edu-assets -q --on 2026-04-01 improve --amount 1.50 --dry-run'
t_eq "... a dry run writes nothing" "$(sqlite3 "$EDU_DB" "SELECT cost FROM asset WHERE tag = 'B-1'")" 16000000

# ---- void: the improvement taken back ----------------------------------------------
# B-2's improvement voided, its schedule is the first one again: 1000.00
# a month, at 2025-12 72 months, 72000.00, book value 48000.00.
# (B-2 was disposed of after it: that is voided first, as void says.)
ev=$(edu-assets events B-2 | awk -F, '$4 == "improved" { print $1 }')
t_exit 65 "void B-2's improvement while its disposal stands: refused" edu-assets void "$ev" --reason 工程未验收
disposed=$(edu-assets events B-2 | awk -F, '$4 == "dispose" { print $1 }')
t_exit 0 "void the disposal" edu-assets void "$disposed" --reason 处置未批
t_exit 0 "void B-2's improvement" edu-assets void "$ev" --reason 工程未验收
t_eq "... the cost and schedule as before it" "$(dep B-2 2025-12)" "72,1000.00,1000.00,72000.00,48000.00 cost 120000.00"
t_eq "... fully depreciated in 2029-12 again" "$(dep B-2 2029-12)" "120,1000.00,1000.00,120000.00,0.00 cost 120000.00"

done_testing
