#!/bin/sh
# edu-school: import, list, show, licences, inspections, titles, zones;
# round trip; refusals leave the database untouched.
. "$(dirname "$0")/lib.sh"

edu-db -q init
t_exit 0 "import the sample schools" edu-school import "$examples/schools.csv"
t_grep "... 40 inserted" "school: 40 inserted, 0 updated, 0 unchanged, 0 rejected" "$err"
t_exit 0 "list" edu-school list
t_eq "... 40 rows and a header" "$(printf '%s\n' "$out" | wc -l)" 41
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" \
	"school_code,name,kind,ownership,district,address,principal,phone,founded,entry_seats,credit_code,status"
# Each format byte for byte (the CSV is the sample file itself; the TSV
# that with tabs; table columns padded to the widest cell, a Chinese
# character two wide; JSON Lines with entry_seats a number and null for
# an empty cell).
for f in csv tsv table json; do
	edu-school -f $f list > "$tmp/fmt-list.$f"
	t_cmp "list -f $f: as expected, byte for byte" "$tmp/fmt-list.$f" "$top/tests/cli/expected/school-list.$f"
done
t_exit 0 "list --kind primary" edu-school list --kind primary
t_eq "... 14 primary schools" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 14
t_exit 0 "list --kind 小学 (a Chinese name)" edu-school list --kind 小学
t_eq "... the same 14" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 14
t_exit 0 "list --ownership private --status open" edu-school list --ownership private --status open
t_eq "... 6 private schools" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 6
t_exit 64 "a filter given twice" edu-school list --kind senior --kind primary
t_exit 64 "list --kind with a bad value" edu-school list --kind university
t_grep "... names the option" "^edu-school: --kind: 'university' is not one of" "$err"

# Round trip: what list prints, import takes back unchanged.
audit_rows() { sqlite3 "$EDU_DB" "SELECT count(*) FROM audit"; }
before=$(audit_rows)
edu-school list > "$tmp/list.csv"
t_exit 0 "list | import --upsert" edu-school import --upsert "$tmp/list.csv"
t_grep "... changes nothing" "0 inserted, 0 updated, 40 unchanged" "$err"
t_eq "... and writes no audit row" "$(audit_rows)" "$before"
edu-school list > "$tmp/list2.csv"
t_eq "... the listing is the same afterwards" "$(cksum < "$tmp/list2.csv")" "$(cksum < "$tmp/list.csv")"
t_exit 0 "a pipe works as well" sh -c 'edu-school list | edu-school import --upsert'
t_exit 0 "TSV, JSON and table formats" sh -c 'edu-school -f tsv list >/dev/null && edu-school list -f json >/dev/null && edu-school list --format=table >/dev/null'
t_exit 0 "list -f json" edu-school list -f json --kind special
t_grep "... one object per school, entry_seats a number" '^\{"school_code":"[0-9]{10}","name":"[^"]+",.*"entry_seats":[0-9]+,' "$out"

# An upsert that changes a field is audited with the old and new value.
sed 's/^2111010209,北京市西城区德胜门小学,\(.*\),240,/2111010209,北京市西城区德胜门小学,\1,270,/' "$tmp/list.csv" > "$tmp/more.csv"
t_exit 0 "upsert a changed row" edu-school import --upsert "$tmp/more.csv"
t_grep "... 1 updated" "0 inserted, 1 updated, 39 unchanged" "$err"
t_exit 0 "... audited" edu-db log -f tsv --key 2111010209
t_grep "... with old and new value" '"entry_seats":\["240","270"\]' "$out"

# An upsert with only some columns changes those and keeps the rest.
printf 'school_code,principal\n2111010209,王新\n' > "$tmp/part.csv"
t_exit 0 "upsert with only the key and one column" edu-school import --upsert "$tmp/part.csv"
t_exit 0 "... changes that column" edu-school show 2111010209
t_grep "... the new principal" "^principal,王新$" "$out"
t_grep "... the other fields kept" "^entry_seats,270$" "$out"
printf 'school_code,principal\n2111010210,赵\n9111010210,钱\n' > "$tmp/part2.csv"
t_exit 1 "a partial upsert with a bad row and --reject" edu-school import --upsert --reject "$tmp/part-rej.csv" "$tmp/part2.csv"
t_eq "... the reject file has only the input's columns" "$(cat "$tmp/part-rej.csv")" "school_code,principal,error
9111010210,钱,name: may not be empty"
t_exit 0 "... so a school it names can be fixed and imported back" sh -c "sed 's/^9111010210/2111010211/' '$tmp/part-rej.csv' | edu-school import --upsert"
t_grep "... changing only the principal" "^principal,钱$" "$(edu-school show 2111010211)"
t_grep "... and keeping the name" "^name,北京市西城区新街口东街小学$" "$(edu-school show 2111010211)"
t_exit 65 "... but a new school still needs its required columns" sh -c "printf 'school_code,principal\n3111010099,李\n' | edu-school import --upsert"
t_grep "... named" "^edu-school: -:2: name: may not be empty" "$err"
printf 'school_code,name,kind,ownership\n3111010098,无状态学校,primary,public\n' > "$tmp/nostatus.csv"
t_exit 0 "status may be left out: a school is open" edu-school import "$tmp/nostatus.csv"
t_grep "... open" "^status,open$" "$(edu-school show 3111010098)"

# Refusals write nothing at all.
sum=$(db_sum)
t_exit 65 "importing existing keys without --upsert" edu-school import "$examples/schools.csv"
t_grep "... FILE:LINE: COLUMN: message" "schools.csv:2: school_code: school '2111010201' exists already \(use --upsert" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"

cat > "$tmp/bad.csv" <<'CSV'
school_code,name,kind,ownership,credit_code,status,founded,phone
3111010001,好学校,primary,public,,open,2001-09-01,010-66011111
311101000,短代码,primary,public,,open,,
3111010002,大学,university,public,,open,,
3111010003,民办无码,primary,private,,open,,
3111010004,错码,primary,private,52110102MJ010372X2,open,,
3111010005,坏日期,primary,public,,open,2001-02-30,
3111010006,坏电话,primary,public,,open,,12345
3111010007,,primary,public,,open,,
CSV
t_exit 65 "a file with bad rows" edu-school import "$tmp/bad.csv"
t_grep "... a short code" "bad.csv:3: school_code: must be 10 digits" "$err"
t_grep "... an unknown kind" "bad.csv:4: kind: 'university' is not one of" "$err"
t_grep "... a private school without credit code" "bad.csv:5: credit_code: a private school needs" "$err"
t_grep "... a wrong check character" "bad.csv:6: credit_code: check character is wrong" "$err"
t_grep "... an impossible date" "bad.csv:7: founded: '2001-02-30' is not a date" "$err"
t_grep "... a bad phone" "bad.csv:8: phone: '12345' is not a phone number" "$err"
t_grep "... an empty name" "bad.csv:9: name: may not be empty" "$err"
t_grep "... and nothing written" "nothing written \(7 bad rows\)" "$err"
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"
t_exit 0 "--dry-run reports and writes nothing" edu-school -n import "$tmp/more.csv" --upsert
t_eq "... the database is unchanged byte for byte" "$(db_sum)" "$sum"

t_exit 1 "--reject takes the good rows and keeps the bad" edu-school import --reject "$tmp/rej.csv" "$tmp/bad.csv"
t_grep "... 1 inserted, 7 rejected" "1 inserted, 0 updated, 0 unchanged, 7 rejected" "$err"
t_eq "... the reject file has the bad rows and a header" "$(wc -l < "$tmp/rej.csv")" 8
t_grep "... with the input's columns and an error column" '^school_code,name,kind,ownership,phone,founded,credit_code,status,error$' "$(head -1 "$tmp/rej.csv")"
t_grep "... and the reason" '^3111010007,,primary,public,,,,open,name: may not be empty$' "$(cat "$tmp/rej.csv")"
# The reject file, fixed, imports back as it is (its error column is
# ignored).
grep -v -e university -e '^311101000,' -e MJ010372X2 -e 2001-02-30 -e 12345 -e 民办无码 "$tmp/rej.csv" | sed 's/^3111010007,,/3111010007,有名字,/' > "$tmp/fixed.csv"
t_exit 0 "a fixed reject file imports back" edu-school import "$tmp/fixed.csv"

cat > "$tmp/dup.csv" <<'CSV'
学校代码,学校名称,学校类型,办学性质,统一社会信用代码,状态
3111010010,民办一校,小学,民办,52110102MJ0081452C,开办
CSV
t_exit 65 "a credit code used by another school" edu-school import "$tmp/dup.csv"
t_grep "... is named" "dup.csv:2: credit_code: '52110102MJ0081452C' is already used by another school" "$err"
sed -i 's/52110102MJ0081452C/52110102MJ0027704B/; s/MJ0027704B/MA01A2B3XX/' "$tmp/dup.csv"

cat > "$tmp/zh.csv" <<'CSV'
学校代码,学校名称,学校类型,办学性质,统一社会信用代码,状态,建校日期
3111010011,民办二校,九年一贯制,民办,91350100M000100Y43,开办,2001年9月1日
CSV
t_exit 0 "Chinese headers and values" edu-school import "$tmp/zh.csv"
t_exit 0 "... read back in English keys" edu-school show 3111010011
t_grep "... kind" "^kind,nine-year$" "$out"
t_grep "... ownership" "^ownership,private$" "$out"
t_grep "... the date normalised" "^founded,2001-09-01$" "$out"

t_exit 66 "a missing input file" edu-school import "$tmp/nonesuch.csv"
t_exit 1 "show of an unknown school exits 1" edu-school show 9999999999
t_exit 64 "show of a malformed code" edu-school show 12

# Licences, inspections, titles.
t_exit 0 "licence set" edu-school licence set 2111010206 --number 教民111010270000112 --issued 2021-12-15 --expires 2026-12-15
t_exit 0 "licence set again: no change" edu-school licence set 2111010206 --number 教民111010270000112 --issued 2021-12-15 --expires 2026-12-15
t_grep "... says so" "no change" "$err"
t_exit 65 "a licence for a public school" edu-school licence set 2111010209 --number X --issued 2021-01-01 --expires 2026-01-01
t_exit 65 "a licence that ends before it starts" edu-school licence set 2111010207 --number X --issued 2021-01-01 --expires 2020-01-01
t_exit 65 "a licence for an unknown school" edu-school licence set 3999999999 --number X --issued 2021-01-01 --expires 2026-01-01
t_grep "... named" "school_code: no school '3999999999'" "$err"
t_exit 64 "licence set without --number" edu-school licence set 2111010207 --issued 2021-01-01 --expires 2026-01-01
t_exit 0 "licence list --expiring 60 --on 2026-11-28" edu-school licence list --expiring 60 --on 2026-11-28
t_grep "... lists the one that ends in 17 days" "^2111010206,.*,2026-12-15,17$" "$out"
t_exit 1 "licence list --expiring exits 1 when none" edu-school licence list --expiring 10 --on 2026-11-28
t_eq "... and prints nothing, not even a header (cron mails only real news)" "$out" ""
t_exit 0 "licence list shows all" edu-school licence list
t_exit 0 "inspect" edu-school inspect 2111010206 --year 2025 --result 基本合格 --note "消防通道需整改"
t_exit 64 "inspect without --result" edu-school inspect 2111010206 --year 2025
t_exit 65 "inspect with a bad result" edu-school inspect 2111010206 --year 2025 --result great
t_exit 65 "inspect of a public school" edu-school inspect 2111010209 --year 2025 --result pass
t_grep "... annual inspections are for private schools" "is public: annual inspections are for private schools" "$err"
t_exit 0 "designate" edu-school designate 2111010212 --title 市级实验小学 --since 2015-09-01
t_exit 0 "designate another, ended" edu-school designate 2111010209 --title 市级实验小学 --since 2010-09-01 --until 2014-08-31
t_exit 65 "a title that ends before it starts" edu-school designate 2111010209 --title X --since 2010-09-01 --until 2009-08-31
t_exit 0 "designations --title" edu-school designations --title 市级实验小学 --on 2026-11-28
t_grep "... the current one" "^2111010212,.*,市级实验小学,2015-09-01,,yes$" "$out"
t_grep "... the ended one" "^2111010209,.*,2010-09-01,2014-08-31,no$" "$out"
t_exit 0 "show has licence, inspection and title" edu-school show 2111010206
t_grep "... licence" "^licence,教民111010270000112 \(2021-12-15 to 2026-12-15\)$" "$out"
t_grep "... inspection" "^inspection 2025,basic: 消防通道需整改$" "$out"

# Zones.
t_exit 0 "zone import" edu-school zone import "$examples/zones.csv"
t_exit 0 "zone list --zone" edu-school zone list --zone 什刹海片区
t_grep "... rank 1 first" "^什刹海片区,2111010210,[^,]+,1$" "$(printf '%s\n' "$out" | sed -n 2p)"
edu-school zone list > "$tmp/zones.csv"
t_exit 0 "zone list | zone import --upsert (its name column is passed over)" edu-school zone import --upsert "$tmp/zones.csv"
t_grep "... changes nothing" "0 inserted, 0 updated, 17 unchanged" "$err"
printf 'zone,school_code,rank\n新片区,2111010210,1\n新片区,2111010211,1\n' > "$tmp/z.csv"
t_exit 65 "two schools with one rank in a zone" edu-school zone import "$tmp/z.csv"
t_grep "... said plainly" "z.csv:3: rank: another zone school has the same zone.zone, zone.rank" "$err"
printf 'zone,school_code,rank\n新片区,4111010210,1\n' > "$tmp/z.csv"
t_exit 65 "a zone school that does not exist" edu-school zone import "$tmp/z.csv"
t_grep "... named" "school_code: no school '4111010210'" "$err"

# show in each format: the fields, then the licence and inspection (a
# private school), or the zone and an empty credit code (a public one).
for f in csv tsv table json; do
	edu-school show 2111010206 -f $f > "$tmp/fmt-show.$f"
	t_cmp "show -f $f of a private school: as expected, byte for byte" "$tmp/fmt-show.$f" "$top/tests/cli/expected/school-show-2111010206.$f"
done
for f in csv tsv json; do
	edu-school --format=$f show 2111010210 > "$tmp/fmt-show.$f"
	t_cmp "show -f $f of a public school in a zone: as expected, byte for byte" "$tmp/fmt-show.$f" "$top/tests/cli/expected/school-show-2111010210.$f"
done

t_exit 0 "check passes after all this" edu-db check
done_testing
