#!/bin/sh
# edu-assets: the register (import, list, show, round trip, generated tags,
# the threshold and life rules), transfers, loans, repairs and disposals
# with their history and --as-of answers, refusals that write nothing,
# depreciation worked by hand, stocktakes, reports, and access by role.
. "$(dirname "$0")/lib.sh"

sample_db
t_exit 0 "import the sample assets" edu-assets import "$examples/assets.csv"
t_grep "... 12 inserted" "asset: 12 inserted, 0 updated, 0 unchanged, 0 rejected" "$err"
t_exit 0 "list" edu-assets list
t_eq "... 12 rows and a header" "$(printf '%s\n' "$out" | wc -l)" 13
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" \
	"tag,name,category,class_code,model,unit,location,custodian,acquired_on,cost,life_years,funding,status,disposed_on,batch_item"
t_grep "... cost with two decimals, life from the category" \
	"^XC-0003,宇通校车,vehicle,2030104,ZK6729D,2111010201,车库,李建国,2015-06-10,480000.50,8,财政拨款,in-use,,no$" "$out"
t_grep "... a life given is kept" "^XC-0004,.*,18600.00,12," "$out"
t_grep "... books have no life" "^XC-0007,馆藏图书,book,.*,35000.00,,财政拨款," "$out"
t_eq "money is stored as integer fen" \
	"$(sqlite3 "$EDU_DB" "SELECT typeof(cost) || ' ' || cost FROM asset WHERE tag = 'XC-0003'")" "integer 48000050"
t_exit 0 "list --unit --category (a Chinese name)" edu-assets list --unit 2111010201 --category 计算机设备
t_eq "... one computer" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1)" "XC-0001"
t_exit 0 "list --status idle" edu-assets list --status 闲置
t_eq "... the projector" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1)" "XC-0006"
t_exit 64 "list --category with a bad value" edu-assets list --category spaceship
t_grep "... names the option" "^edu-assets: --category: 'spaceship' is not one of" "$err"

# Round trip: what list prints, import takes back unchanged.
audit_rows() { sqlite3 "$EDU_DB" "SELECT count(*) FROM audit"; }
before=$(audit_rows)
edu-assets list > "$tmp/list.csv"
t_exit 0 "list | import --upsert" edu-assets import --upsert "$tmp/list.csv"
t_grep "... changes nothing" "0 inserted, 0 updated, 12 unchanged" "$err"
t_eq "... and writes no audit row" "$(audit_rows)" "$before"
t_exit 0 "... also as JSON: cost a string of two decimals" edu-assets list -f json --category vehicle
t_grep "... in JSON" '"cost":"480000.50","life_years":8,' "$out"

# Generated tags, money in other spellings, the threshold and lives.
cat > "$tmp/new.csv" <<'CSV'
资产编号,资产名称,资产类别,使用单位,取得日期,原值
,戴尔笔记本电脑,计算机设备,2111010204,2026年3月5日,"¥6,499.5"
,戴尔笔记本电脑,computer,2111010204,2026-03-05,6499.50
CSV
t_exit 0 "an empty tag is generated from the pattern" edu-assets import "$tmp/new.csv"
t_exit 0 "... {unit}-{year}-{seq:5}" edu-assets list --unit 2111010204
t_eq "... numbered in turn" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" \
	"2111010204-2026-00001 2111010204-2026-00002 "
t_grep "... ¥6,499.5 read as 6499.50, the date normalised" \
	"^2111010204-2026-00001,戴尔笔记本电脑,computer,,,2111010204,,,2026-03-05,6499.50,6," "$out"
t_exit 0 "a file without a tag column: every tag generated" sh -c "printf 'name,category,unit,acquired_on,cost\n投影仪,office,2111010206,2025-09-01,3200\n' | edu-assets import"
t_grep "... numbered for its unit and year" "^2111010206-2025-00001,投影仪,office," "$(edu-assets list --unit 2111010206)"
edu-db -q config set asset.pattern 'ZC{year}{seq:4}'
t_exit 0 "a pattern of the bureau's own" edu-assets import "$tmp/new.csv"
t_grep "... is used" "^ZC20260001,戴尔笔记本电脑" "$(edu-assets list --unit 2111010204)"
t_exit 65 "a pattern without {seq:N} is refused by config set" edu-db config set asset.pattern '{unit}'

sum=$(db_sum)
cat > "$tmp/bad.csv" <<'CSV'
tag,name,category,unit,acquired_on,cost,life_years,status,disposed_on
N-1,订书机,office,2111010201,2026-01-05,35.00,,in-use,
N-2,旧电脑,computer,2111010201,2026-01-05,4000.00,4,in-use,
N-3,书,book,2111010201,2026-01-05,5000.00,10,in-use,
N-4,电脑,computer,2111010201,2026-01-05,12.345,,in-use,
N-5,电脑,computer,2111010201,2026-01-05,4000.00,,disposed,
N-6,电脑,computer,2111010201,2026-01-05,4000.00,,in-use,2026-02-01
N-7,电脑,computer,2111010201,2026-01-05,4000.00,,disposed,2025-02-01
N-8,电脑,spaceship,2111010201,2026-01-05,4000.00,,in-use,
XC-0001,电脑,computer,2111010201,2026-01-05,4000.00,,in-use,
CSV
t_exit 65 "a file with bad rows" edu-assets import "$tmp/bad.csv"
t_grep "... under 1000 yuan" "bad.csv:2: cost: 35.00 yuan is under the 1000 yuan of a fixed asset" "$err"
t_grep "... a life under the category's minimum" "bad.csv:3: life_years: 4 years is shorter than the minimum of 6 for computer" "$err"
t_grep "... a life for books" "bad.csv:4: life_years: a book asset is not depreciated" "$err"
t_grep "... a fraction of a fen" "bad.csv:5: cost: '12.345' is not an amount in yuan" "$err"
t_grep "... disposed without a day" "bad.csv:6: disposed_on: a disposed asset needs the day" "$err"
t_grep "... a day without disposal" "bad.csv:7: disposed_on: only a disposed asset has one" "$err"
t_grep "... disposed before acquired" "bad.csv:8: disposed_on: 2025-02-01 is before it was acquired" "$err"
t_grep "... an unknown category" "bad.csv:9: category: 'spaceship' is not one of" "$err"
t_grep "... a tag that exists" "bad.csv:10: tag: asset 'XC-0001' exists already" "$err"
t_eq "... and nothing written, byte for byte" "$(db_sum)" "$sum"
printf 'tag,name,category,unit,acquired_on,cost\nB-1,课桌椅,furniture,2111010205,2026-01-05,380.00\n' > "$tmp/batch.csv"
t_exit 65 "a 380 yuan desk alone is no fixed asset" edu-assets import "$tmp/batch.csv"
t_exit 0 "... but with --batch-item it is" edu-assets import --batch-item "$tmp/batch.csv"
t_grep "... marked so, and imports back" "^B-1,课桌椅,furniture,,,2111010205,,,2026-01-05,380.00,15,,in-use,,yes$" "$(edu-assets list --unit 2111010205)"
t_exit 0 "... round trip of the batch item" sh -c 'edu-assets list --unit 2111010205 | edu-assets import --upsert'
printf 'tag,name,category,unit,acquired_on,cost\nB-2,课桌椅,furniture,2111010205,2026-01-05,380.00\nB-3,讲台,furniture,2111010205,2026-01-05,1380.00\n' > "$tmp/batch2.csv"
t_exit 0 "--batch-item marks only the items under 1000 yuan" edu-assets import --batch-item "$tmp/batch2.csv"
t_eq "... the desk yes, the lectern no" "$(edu-assets list --unit 2111010205 | cut -d, -f1,10,15 | tail -n +3)" "B-2,380.00,yes
B-3,1380.00,no"
printf 'tag,name,category,unit,acquired_on,cost,batch_item\nB-4,课桌椅,furniture,2111010205,2026-01-05,380.00,否\n' > "$tmp/batch3.csv"
t_exit 65 "... but not one the file says is none" edu-assets import --batch-item "$tmp/batch3.csv"
t_exit 1 "--reject takes the good rows" edu-assets import --reject "$tmp/rej.csv" "$tmp/bad.csv"
t_eq "... the bad ones in the reject file" "$(($(wc -l < "$tmp/rej.csv") - 1))" 9

# Transfers, loans, repairs and history.
t_exit 0 "transfer to another location and custodian" edu-assets transfer XC-0001 --to-location 教学楼305 --to-custodian 李雷 --on 2026-03-02
t_grep "... said" "1 asset transferred" "$err"
t_exit 0 "transfer to another unit" edu-assets transfer XC-0001 --to-unit 2111010202 --on 2026-05-06
t_exit 0 "lend" edu-assets lend XC-0001 --to 北京市第三中学 --on 2026-06-01
t_exit 0 "... shows as lent" edu-assets list --status lent
t_eq "... the one" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,6,7,8,13)" "XC-0001,2111010202,教学楼305,李雷,lent"
sum=$(db_sum)
t_exit 65 "lending a lent asset is refused" edu-assets lend XC-0001 --to 别人 --on 2026-06-02
t_grep "... why" "asset XC-0001: is lent: it cannot take a lend" "$err"
t_exit 65 "so is a repair while lent" edu-assets repair XC-0001 --on 2026-06-02
t_exit 65 "and a transfer" edu-assets transfer XC-0001 --to-location 仓库 --on 2026-06-02
t_exit 65 "an event before the last one" edu-assets return XC-0001 --on 2026-05-31
t_grep "... is refused: history is in order" "asset XC-0001: --on 2026-05-31 is before its last change, on 2026-06-01" "$err"
t_exit 65 "an event before the asset was acquired" edu-assets repair XC-0012 --on 2025-01-01
t_exit 65 "an unknown tag" edu-assets repair NO-SUCH --on 2026-06-02
t_grep "... named" "asset NO-SUCH: not in the register" "$err"
t_exit 65 "one bad tag among good ones: nothing written" edu-assets repair XC-0002 NO-SUCH --on 2026-06-02
t_exit 65 "returning an asset in use" edu-assets return XC-0002 --on 2026-06-02
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"
t_exit 64 "lend without --to" edu-assets lend XC-0002
t_exit 64 "transfer without a destination" edu-assets transfer XC-0002
t_exit 0 "--dry-run validates and writes nothing" edu-assets -n return XC-0001 --on 2026-06-20
t_eq "... byte for byte" "$(db_sum)" "$sum"
t_exit 0 "a transfer to where it is already" edu-assets transfer XC-0002 --to-location 教学楼302 --on 2026-06-02
t_grep "... says no change" "0 assets transferred, 1 unchanged" "$err"
t_eq "... and writes nothing" "$(db_sum)" "$sum"
t_exit 0 "return" edu-assets return XC-0001 --on 2026-06-20
t_exit 0 "repair" edu-assets repair XC-0001 --on 2026-07-01
t_exit 0 "return from repair" edu-assets return XC-0001 --on 2026-07-15
t_exit 0 "show has the asset, its depreciation and its history" edu-assets show XC-0001 --on 2026-11-28
t_grep "... its unit now" "^unit,2111010202$" "$out"
t_grep "... the first event" '^event 2024-01-15,"added: in-use, unit 2111010201, location 教学楼301, custodian 王芳"$' "$out"
t_grep "... the transfer" '^event 2026-03-02,"transfer: in-use, unit 2111010201, location 教学楼305, custodian 李雷"$' "$out"
t_grep "... the loan and to whom" '^event 2026-06-01,"lend: lent, .*, to 北京市第三中学"$' "$out"
t_eq "... six events in order" "$(printf '%s\n' "$out" | sed -n 's/^event [0-9-]*,"\([a-z]*\):.*/\1/p' | tr '\n' ' ')" \
	"added transfer transfer lend return repair return "
t_exit 0 "... audited" edu-db log -f tsv --key XC-0001
t_grep "... with old and new values" '"unit":\["2111010201","2111010202"\]' "$out"
t_exit 1 "show of an unknown asset exits 1" edu-assets show NO-SUCH

# As of a day: what was true then.
t_exit 0 "list --as-of before the transfer" edu-assets list --as-of 2026-04-01 --unit 2111010201 --category computer
t_eq "... the computer was in its first unit, in use" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,6,7,8,13)" "XC-0001,2111010201,教学楼305,李雷,in-use"
t_exit 0 "list --as-of during the loan" edu-assets list --as-of 2026-06-10 --status lent
t_eq "... lent then" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,6)" "XC-0001,2111010202"
t_exit 0 "list --as-of before the walkie-talkies were bought" edu-assets list --as-of 2025-01-01 --unit 2111010203
t_eq "... are not there" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" "XC-0010 XC-0011 "
t_exit 0 "list --as-of before a disposal" edu-assets list --as-of 2022-06-29 --unit 2111010202 --category computer
t_grep "... shows it in use" "^XC-0009,.*,in-use,,no$" "$out"
t_exit 0 "list --as-of on the disposal day" edu-assets list --as-of 2022-06-30 --unit 2111010202 --category computer
t_grep "... shows it disposed" "^XC-0009,.*,disposed,2022-06-30,no$" "$out"

# Disposal, with keys from a list on stdin.
t_exit 64 "dispose without --doc" edu-assets dispose XC-0002 --method scrapped
t_exit 64 "dispose with a bad --method" edu-assets dispose XC-0002 --method burnt --doc X
t_exit 0 "list | dispose (keys from stdin)" sh -c 'edu-assets list --unit 2111010201 --category office | edu-assets dispose --method 报废 --doc 西教资〔2026〕7号 --on 2026-08-15'
t_grep "... disposed, with the day" "^XC-0002,.*,disposed,2026-08-15,no$" "$(edu-assets list --status disposed)"
t_grep "... method and document in the history" 'scrapped, doc 西教资〔2026〕7号' "$(edu-assets show XC-0002)"
t_exit 65 "disposing of it again" edu-assets dispose XC-0002 --method lost --doc X --on 2026-09-01
t_grep "... is refused" "asset XC-0002: is disposed: it cannot take a dispose" "$err"
t_exit 65 "a CSV on stdin without a tag column" sh -c 'printf "name\nx\n" | edu-assets repair'

# An upsert that changes the location is a correction, in the history.
printf 'tag,location\nXC-0010,礼堂\n' > "$tmp/loc.csv"
t_exit 0 "import --upsert of a new location" edu-assets import --upsert "$tmp/loc.csv"
t_grep "... recorded as a correction" '^event [0-9-]*,"corrected: in-use, unit 2111010203, location 礼堂' "$(edu-assets show XC-0010)"

# Depreciation worked by hand.
dep() { printf '%s\n' "$out" | grep "^$1," | cut -d, -f"$2"; }
t_exit 0 "depreciate --as-of 2026-11" edu-assets depreciate --as-of 2026-11
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" \
	"tag,name,category,unit,acquired_on,cost,life_years,months,monthly,charge,accumulated,book_value"
# 5999.00 / 72 = 83.3194: 83.32 a month; bought 15 January 2024, January
# counts: 35 months to November 2026.
t_eq "a computer bought mid-month: 35 months of 83.32" "$(dep XC-0001 8-12)" "35,83.32,83.32,2916.20,3082.80"
# 480000.50 over 96 months from June 2015: done in May 2023.
t_eq "a fully depreciated vehicle stays on at zero" "$(dep XC-0003 6-12)" "480000.50,8,96,5000.01,0.00,480000.50,0.00"
# 18600 over 144 months = 129.1667: 129.17; March 2019 to November 2026
# is 93 months: 12012.81.
t_eq "a life longer than the minimum" "$(dep XC-0004 8-12)" "93,129.17,129.17,12012.81,6587.19"
t_eq "books are not depreciated" "$(dep XC-0007 7-12)" ",0,0.00,0.00,0.00,35000.00"
t_eq "a disposal: XC-0002 (2380.00, 72 months from September 2023) stopped in July 2026" \
	"$(edu-assets depreciate --as-of 2026-08 | grep '^XC-0002,' | cut -d, -f8-12)" "35,33.06,0.00,1157.10,1222.90"
t_eq "... and is gone from the month after it left" "$(edu-assets depreciate --as-of 2026-09 | grep -c '^XC-0002,')" 0
t_eq "... an asset disposed in 2022 is not in 2026" "$(dep XC-0009 1)" ""
# 1000.00 over 180 months = 5.5556: 5.56 a month; 179 of them are 995.24,
# so the last, February 2035, takes 4.76 and the total is the cost.
t_eq "rounding: the first month" "$(edu-assets depreciate --as-of 2020-03 | grep '^XC-0005,' | cut -d, -f8-12)" "1,5.56,5.56,5.56,994.44"
t_eq "... the last month takes the remainder" "$(edu-assets depreciate --as-of 2035-02 | grep '^XC-0005,' | cut -d, -f8-12)" "180,5.56,4.76,1000.00,0.00"
t_eq "... and after it nothing" "$(edu-assets depreciate --as-of 2035-03 | grep '^XC-0005,' | cut -d, -f8-12)" "180,5.56,0.00,1000.00,0.00"
t_exit 0 "depreciate --summary" edu-assets depreciate --as-of 2026-11 --summary
t_eq "... one row for the month" "$(printf '%s\n' "$out" | cut -d, -f1,2)" "month,assets
2026-11,18"
total=$(edu-assets depreciate --as-of 2026-11 | tail -n +2 | awk -F, '{ c += $6 * 100; a += $11 * 100; b += $12 * 100 } END { printf "%.2f,%.2f,%.2f", c / 100, a / 100, b / 100 }')
t_eq "... the totals are the sums of the rows" "$(printf '%s\n' "$out" | tail -1 | cut -d, -f3,5,6)" "$total"
t_exit 0 "depreciate --by category" edu-assets depreciate --as-of 2026-11 --by category
t_grep "... a computer row" "^computer,[0-9]+," "$out"
t_eq "... ends with the total" "$(printf '%s\n' "$out" | tail -1 | cut -d, -f1,3,5,6)" "total,$total"
t_exit 0 "depreciate --by unit --unit" edu-assets depreciate --as-of 2026-04 --by unit --unit 2111010201
t_grep "... the computer counted in its unit of April" "^2111010201,5," "$out"
a=$(edu-assets depreciate --as-of 2026-04)
edu-assets -q transfer XC-0004 --to-unit 2111010201 --on 2026-11-02
t_eq "a past month gives the same answer after later events" "$(edu-assets depreciate --as-of 2026-04)" "$a"
t_exit 0 "depreciate --record" edu-assets depreciate --as-of 2026-04 --record
t_eq "... prints what it prints without" "$out" "$a"
t_exit 0 "... and is in the run ledger with its totals" edu-db runs
t_grep "... month, count and money" "depreciate.*month=2026-04 assets=[0-9]+ cost=[0-9]+\.[0-9]{2} charge=" "$out"
t_exit 64 "depreciate --as-of with a bad month" edu-assets depreciate --as-of 2026-13
t_exit 64 "depreciate --by with a bad key" edu-assets depreciate --by colour
t_exit 0 "depreciate without --as-of: the month before --on" edu-assets depreciate --on 2026-12-05
t_eq "... November" "$(dep XC-0001 8)" 35

# Stocktake: found, moved, missing, unexpected.
cat > "$tmp/scan.csv" <<'CSV'
tag,location
XC-0010,礼堂
XC-0011,教学楼402
XC-0002,仓库
ZZ-9999,门卫室
CSV
t_exit 1 "stocktake of a unit with discrepancies exits 1" edu-assets stocktake --unit 2111010203 "$tmp/scan.csv" --on 2026-11-20
t_eq "... one row per asset and scan" "$out" "tag,name,unit,location,scanned_location,result
XC-0002,惠普激光打印机,2111010201,教学楼302,仓库,unexpected
XC-0010,会议室音响,2111010203,礼堂,礼堂,found
XC-0011,格力空调,2111010203,教学楼401,教学楼402,moved
XC-0012,无线对讲机,2111010203,门卫室,,missing
ZZ-9999,,,,门卫室,unexpected"
t_eq "... recorded with its date and counts" "$(sqlite3 "$EDU_DB" "SELECT day, unit, found, moved, missing, unexpected FROM stocktake")" \
	"2026-11-20|2111010203|1|1|1|2"
t_eq "... with each result" "$(sqlite3 "$EDU_DB" "SELECT count(*) FROM stocktake_item")" 5
t_exit 0 "... in the run ledger" edu-db runs
t_grep "... with its counts" "stocktake.*found=1 moved=1 missing=1 unexpected=2" "$out"
t_exit 0 "a stocktake of a location, scans without a location column, on stdin" \
	sh -c 'printf "tag\nXC-0004\n" | edu-assets stocktake --location 实验楼204'
t_eq "... found" "$(printf '%s\n' "$out" | tail -n +2)" "XC-0004,实验室通风柜,2111010201,实验楼204,实验楼204,found"
t_exit 65 "a scan with an empty tag" sh -c 'printf "tag,location\n,门卫室\n" | edu-assets stocktake'
t_grep "... is named" "^edu-assets: -:2: tag: may not be empty" "$err"
t_exit 66 "a missing scan file" edu-assets stocktake "$tmp/nonesuch.csv"

# Reports.
t_exit 0 "stats" edu-assets stats
t_grep "... by category, count and cost" "^computer,6,36497.00$" "$out"
t_exit 0 "stats --by status" edu-assets stats --by status
t_grep "... the disposed" "^disposed,2,6880.00$" "$out"
t_exit 64 "stats --by colour" edu-assets stats --by colour
t_exit 0 "expiring --within 12 on 2026-11-28" edu-assets expiring --within 12 --on 2026-11-28
t_eq "... the sound system (2022-01 + 5 years) then the air conditioner" \
	"$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1,8,9)" "XC-0010,2026-12,1
XC-0011,2027-02,3"
t_exit 1 "expiring exits 1 when none" edu-assets expiring --within 0 --on 2026-11-28
t_eq "... and prints nothing" "$out" ""

# The monthly job of examples/crontab.
t_exit 0 "examples/monthly-depreciation.sh" env MONTH=2026-11 sh "$examples/monthly-depreciation.sh" "$EDU_DB" "$tmp/reports"
t_eq "... files every asset's figures" "$(cat "$tmp/reports/depreciation-2026-11.csv")" "$(edu-assets depreciate --as-of 2026-11)"
t_grep "... and prints the totals" "^total +[0-9]+ +[0-9.]+ " "$out"
t_grep "the crontab runs it on the 1st" "^0 +4 +1 +\* +\* +sh .*/monthly-depreciation.sh " "$(cat "$examples/crontab")"

t_exit 0 "check passes after all this" edu-db check

# Access by role.
u=eduassets$$
if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	for d in "no role: 77" "auditor reads" "auditor may not transfer" "assets clerk writes" \
		 "registrar may not import assets"; do
		t_skip "$d" "needs root, useradd and runuser to make a second user"
	done
	done_testing
	exit
fi
useradd -M -N -s /bin/sh "$u" || { echo "Bail out! useradd failed"; exit 1; }
trap 'userdel "$u" 2>/dev/null; rm -rf "$tmp"' EXIT
as() { runuser -u "$u" -- env EDU_DB="$EDU_DB" PATH="$PATH" "$@"; }
chmod 0777 "$tmp"
chmod 0666 "$EDU_DB" "$EDU_DB"-wal "$EDU_DB"-shm 2>/dev/null
t_exit 77 "a user with no role may not list assets" as edu-assets list
edu-db -q user add "$u" auditor
t_exit 0 "an auditor lists assets" as edu-assets list
t_exit 0 "... and runs the depreciation" as edu-assets depreciate --as-of 2026-11
t_exit 77 "... but may not record it in the ledger" as edu-assets depreciate --as-of 2026-11 --record
t_exit 77 "... but may not transfer" as edu-assets transfer XC-0006 --to-location 仓库
t_grep "... and is told which role it needs" "needs one of the roles admin assets" "$err"
edu-db -q user add "$u" assets
t_exit 0 "an assets clerk transfers" as edu-assets transfer XC-0006 --to-location 仓库 --on 2026-11-28
t_exit 0 "... and the audit names the clerk" edu-db log -f tsv --user "$u" --key XC-0006
t_grep "... with the change" '"location":\["教学楼101","仓库"\]' "$out"
# Classification codes of either edition of GB/T 14885, stored as given
# (issue 16, point 7): the 2022 form is a capital letter and six digits
# (A010000), the 2010 form seven digits whose first, the 门类, is 1-6.
cat > "$tmp/class.csv" <<'CSV'
tag,name,category,class_code,unit,acquired_on,cost
CL-1,教学楼,building-concrete,A010000,2111010201,2020-01-01,5000000
CL-2,台式计算机,computer,2010105,2111010201,2024-01-15,5999
CSV
t_exit 0 "class codes of 2022 and of 2010" edu-assets import "$tmp/class.csv"
t_eq "... kept as given" "$(sqlite3 "$EDU_DB" "SELECT group_concat(class_code, ' ') FROM (SELECT class_code FROM asset WHERE tag LIKE 'CL-%' ORDER BY tag)")" \
	"A010000 2010105"
printf 'tag,name,category,class_code,unit,acquired_on,cost\nCL-3,桌子,furniture,a01000,2111010201,2024-01-15,1200\n' > "$tmp/class-bad.csv"
t_exit 65 "a code of neither form" edu-assets import "$tmp/class-bad.csv"
t_grep "... is refused, naming both forms" \
	"class-bad.csv:2: class_code: 'a01000' is not a GB/T 14885 code: a capital letter and 6 digits \\(2022, e.g. A010000\\) or 7 digits \\(2010, e.g. 2010105\\)" "$err"

# The categories of 财会〔2017〕4号 (annex) 006 lacked (issue 16, point 8):
# 砖木结构 and 房屋附属设施 (30 and 8 years), and special equipment with
# its range (体育设备 5 to 15 years; 医疗设备 5 to 10).
cat > "$tmp/cats.csv" <<'CSV'
tag,name,category,unit,acquired_on,cost,life_years
CT-1,老礼堂,砖木结构,2111010201,1990-09-01,800000,
CT-2,校门围墙,房屋附属设施,2111010201,2020-09-01,120000,
CT-3,体操垫组,体育设备,2111010201,2024-03-01,6000,
CT-4,电子琴,文艺设备,2111010201,2024-03-01,3000,15
CT-5,医务室诊疗床,医疗设备,2111010201,2024-03-01,2000,10
CSV
t_exit 0 "the new categories" edu-assets import "$tmp/cats.csv"
t_eq "... with their minimum lives, or the life given within the range" \
	"$(sqlite3 "$EDU_DB" "SELECT group_concat(tag || ' ' || category || ' ' || life_years, '; ') FROM (SELECT * FROM asset WHERE tag LIKE 'CT-%' ORDER BY tag)")" \
	"CT-1 building-brick-wood 30; CT-2 building-fixture 8; CT-3 sports 5; CT-4 arts 15; CT-5 medical 10"
printf 'tag,name,category,unit,acquired_on,cost,life_years\nCT-6,跑步机,sports,2111010201,2024-03-01,9000,16\n' > "$tmp/cat-long.csv"
t_exit 65 "a life above the range of 专用设备" edu-assets import "$tmp/cat-long.csv"
t_grep "... is refused" "cat-long.csv:2: life_years: 16 years is longer than the 5 to 15 years of sports" "$err"
printf 'tag,name,category,unit,acquired_on,cost,life_years\nCT-7,围栏,building-fixture,2111010201,2024-03-01,9000,7\n' > "$tmp/cat-short.csv"
t_exit 65 "a life under the minimum of 房屋附属设施" edu-assets import "$tmp/cat-short.csv"
t_grep "... is refused" "cat-short.csv:2: life_years: 7 years is shorter than the minimum of 8 for building-fixture" "$err"

# A register made before 012 migrates: the table is made again with the
# new categories, its rows, events and triggers kept.
for f in "$top"/libedu/schema/00[1-9]-*.sql "$top"/libedu/schema/010-*.sql; do cat "$f"; done |
	sqlite3 "$tmp/old.db"
sqlite3 "$tmp/old.db" "PRAGMA application_id = $((0x45445531)); PRAGMA user_version = 10;
	INSERT INTO user VALUES ('$(id -un)', 'admin', '2026-01-01');
	INSERT INTO asset (tag, name, category, unit, acquired_on, cost, life_years)
	VALUES ('OLD-1', '旧电脑', 'computer', '人事科', '2020-01-10', 500000, 6);
	INSERT INTO asset_event (tag, day, kind, status, unit) VALUES ('OLD-1', '2021-03-01', 'transfer', 'in-use', '办公室')"
t_exit 0 "migrate a register of schema 10" edu-db -q -d "$tmp/old.db" migrate
t_eq "... the asset and its two events kept" \
	"$(sqlite3 "$tmp/old.db" "SELECT (SELECT name || ' ' || cost FROM asset), (SELECT group_concat(kind) FROM asset_event)")" \
	"旧电脑 500000|added,transfer"
t_eq "... the events still reference the asset table" \
	"$(sqlite3 "$tmp/old.db" "SELECT \"table\" FROM pragma_foreign_key_list('asset_event')")" "asset"
t_exit 0 "... and check passes" edu-db -d "$tmp/old.db" check
printf 'tag,name,category,unit,acquired_on,cost\nOLD-2,篮球架,体育设备,人事科,2024-03-01,4000\n' > "$tmp/old2.csv"
t_exit 0 "... a new category goes in" edu-assets -d "$tmp/old.db" import "$tmp/old2.csv"
t_eq "... with its added event (the trigger made again)" \
	"$(sqlite3 "$tmp/old.db" "SELECT kind || ' ' || day FROM asset_event WHERE tag = 'OLD-2'")" "added 2024-03-01"

edu-db -q user add "$u" registrar
t_exit 77 "a registrar may not import assets" as edu-assets import --upsert "$examples/assets.csv"
done_testing
