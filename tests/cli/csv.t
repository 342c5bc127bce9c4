#!/bin/sh
# Hostile and malformed CSV through a real import: each input is taken
# correctly or refused with FILE:LINE and exit 65, the database unchanged
# byte for byte; text survives any characters; --excel defuses formulas.
. "$(dirname "$0")/lib.sh"

edu-db -q init
H=school_code,name,kind,ownership,status
sum=$(db_sum)

refused() {	# refused DESC PATTERN FILE [OPTION...]
	desc=$1 pat=$2 file=$3
	shift 3
	t_exit 65 "$desc: refused" edu-school import "$@" "$file"
	t_grep "... $desc: the message" "$pat" "$err"
	t_eq "... $desc: the database is unchanged" "$(db_sum)" "$sum"
}

printf '%s\n6000000001,"一中,分校",primary,public,open\n' "$H" | iconv -f utf-8 -t gb18030 > gb.csv
refused "GB18030 without --encoding" "gb.csv:2: field 2: not valid UTF-8 .*--encoding gb18030" gb.csv
printf '%s\n6000000001,a\001b,primary,public,open\n' "$H" > ctl.csv
refused "a control character" "ctl.csv:2: field 2: a control character" ctl.csv
printf '%s\n6000000001,a\000b,primary,public,open\n' "$H" > nul.csv
refused "a NUL byte" "nul.csv:2: field 2: a NUL byte" nul.csv
printf '' > empty.csv
refused "an empty file" "empty.csv: no header row" empty.csv
printf '\357\273\277' > bom.csv
refused "a BOM only" "bom.csv: no header row" bom.csv
printf '%s\n6000000001,"unclosed,primary,public,open\n6000000002,b,primary,public,open\n' "$H" > quote.csv
refused "an unbalanced quote" "quote.csv:2: a quoted field is not closed" quote.csv
printf '%s\n6000000001,a"b,primary,public,open\n' "$H" > inner.csv
refused "a quote inside a field" "inner.csv:2: malformed CSV" inner.csv
printf '%s,name\n' "$H" > duphead.csv
refused "a duplicate header" "duphead.csv:1: column 'name' appears twice" duphead.csv
printf '%s,colour\n6000000001,a,primary,public,open,red\n' "$H" > extra.csv
refused "an unknown column" "extra.csv:1: unknown column 'colour'" extra.csv
printf 'school_code,kind,ownership,status\n6000000001,primary,public,open\n' > missing.csv
refused "a missing column" "missing.csv:1: the column 'name' is missing" missing.csv
awk -v h="$H" 'BEGIN { printf "%s", h; for (i = 0; i < 10000; i++) printf ",c%d", i; print "" }' > wide.csv
refused "10,000 unknown columns" "wide.csv:1: unknown column 'c0'" wide.csv
printf '%s\n6000000001,x,primary,public,open,lost text\n' "$H" > long.csv
refused "a row longer than the header" "long.csv:2: 6 fields, but the header has 5" long.csv
printf '%s\n6000000001,x,primary,public,open\n6000000001,y,primary,public,open\n' "$H" > twice.csv
refused "one key twice in a file" "twice.csv:3: school_code: school '6000000001' exists already" twice.csv

printf '%s\n' "$H" > header.csv
t_exit 0 "a header only imports nothing" edu-school import header.csv
printf '%s\n6000000030,trailing,primary,public,open,,\n' "$H" > trail.csv
t_exit 0 "empty fields past the header (trailing commas) are fine" edu-school -n import trail.csv
t_exit 0 "--ignore-extra takes a file with unknown columns" edu-school -q -n import --ignore-extra extra.csv
t_exit 0 "GB18030 with --encoding" edu-school import -e gb18030 gb.csv
t_exit 0 "... reads back in UTF-8" edu-school show 6000000001
t_grep "... the name" '^name,"一中,分校"$' "$out"

# CR-only, CRLF, BOM, blank lines, a last line without newline.
printf '\357\273\277%s\r\n\r\n6000000002,crlf,primary,public,open\r\n\r\n' "$H" > crlf.csv
t_exit 0 "BOM, CRLF and blank lines" edu-school import crlf.csv
printf '%s\r6000000003,cr,primary,public,open\r6000000004,cr2,primary,public,open' "$H" > cr.csv
t_exit 0 "CR-only line ends and no final newline" edu-school import cr.csv
t_grep "... two schools" "2 inserted" "$err"
printf '%s\r6000000005,a,primary,public,open\r6000000005,b,primary,public,open\r' "$H" > cr2.csv
t_exit 65 "CR-only line ends: errors still name the line" edu-school import cr2.csv
t_grep "... line 3" "cr2.csv:3: school_code" "$err"
printf '%s\n6000000006,"two\nlines",primary,public,open\n\n6000000006,x,primary,public,open\n' "$H" > ml.csv
t_exit 65 "a record after a multi-line field" edu-school import ml.csv
t_grep "... has its own line number" "ml.csv:5: school_code" "$err"

# Any text survives the round trip exactly; --excel defuses formulas.
cat > evil.csv <<'CSV'
school_code,name,kind,ownership,status,address,principal
6000000010,"=HYPERLINK(""http://x"",""y"")",primary,public,open,+1+1,-2
6000000011,@SUM(A1),primary,public,open,"	tab first","
newline first"
6000000012,"Robert'); DROP TABLE school;--",primary,public,open,"  two blanks  ",'quoted'
6000000013,"comma, ""quote"", 中文",primary,public,open,\back\slash,"a
b
c"
CSV
printf '6000000014,cr,primary,public,open,"\rcr first",x\n' >> evil.csv
t_exit 0 "formula-like and SQL-like text imports" edu-school import evil.csv
t_exit 0 "... the school table is still there" edu-db query "SELECT count(*) FROM school"
edu-school list > evil-out.csv
grep -e '^school_code' -e '^601' evil-out.csv > /dev/null
t_exit 0 "... list | import --upsert changes nothing" edu-school import --upsert evil-out.csv
t_grep "... nothing updated" " 0 updated" "$err"
t_run edu-db -f json query "SELECT name, address, principal FROM school WHERE school_code = '6000000013'"
t_eq "... the text is exact" "$out" '{"name":"comma, \"quote\", 中文","address":"\\back\\slash","principal":"a\nb\nc"}'
t_run edu-db -f json query "SELECT address FROM school WHERE school_code = '6000000012'"
t_eq "... blanks round a text are kept" "$out" '{"address":"  two blanks  "}'

edu-school list --excel > excel.csv
t_eq "--excel starts with a BOM" "$(head -c 3 excel.csv | od -An -tx1 | tr -d ' ')" efbbbf
t_grep "--excel ends lines with CRLF" "$(printf '\r')$" "$(head -1 excel.csv)"
t_grep "--excel: = is defused" "^6000000010,\"'=HYPERLINK" "$(cat excel.csv)"
t_grep "--excel: + and - are defused" ",'\\+1\\+1,'-2" "$(cat excel.csv)"
t_grep "--excel: @ is defused" "^6000000011,'@SUM" "$(cat excel.csv)"
t_grep "--excel: a leading tab is defused" "\"'	tab first\"" "$(cat excel.csv)"
t_grep "--excel: a leading CR is defused" "^6000000014,cr,primary,public,,\"'$(printf '\r')cr first\"" "$(cat excel.csv)"
t_run sh -c "edu-school list | grep -c \"'=\""
t_eq "plain CSV is left as it is" "$out" 0

# A field of 1 MiB, the most a field may hold (edu-csv(5)), and one of 10 MB.
awk 'BEGIN { printf "school_code,name,kind,ownership,status\n6000000020,"; for (i = 0; i < 1048576 / 64; i++) printf "%s", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"; print ",primary,public,open" }' > huge.csv
t_exit 0 "a 1 MiB field imports" edu-school import huge.csv
t_run edu-db query "SELECT length(name) FROM school WHERE school_code = '6000000020'"
t_eq "... whole" "$out" "length(name)
1048576"
awk 'BEGIN { printf "school_code,name,kind,ownership,status\n6000000021,"; for (i = 0; i < 10485760 / 64; i++) printf "%s", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"; print ",primary,public,open" }' > huge.csv
t_exit 65 "a 10 MB field is refused" edu-school import huge.csv
t_grep "... with FILE:LINE" "^edu-school: huge.csv:2: field 2: 10485760 bytes, more than the 1048576 a field may hold$" "$err"

t_exit 0 "check passes" edu-db check
done_testing
