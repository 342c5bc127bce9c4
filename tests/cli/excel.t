#!/bin/sh
# CSV that survives Excel (issue 18): in --excel CSV, digits a
# spreadsheet would change (a leading zero, more than 11 digits) are
# written ="0571", which Excel and LibreOffice show as text with every
# digit; the import takes off that protection and the ' that defuses a
# formula, so `list --excel | import --upsert` changes nothing; rows of
# empty cells and empty trailing columns (a spreadsheet's leftovers) are
# skipped and counted; TSV (-f tsv) imports back.  LibreOffice itself
# reads such files in tests/office/ (make check-office): it is slow.
. "$(dirname "$0")/lib.sh"

sample_db || exit 1
edu-enroll -q import "$examples/students.csv" || exit 1
cat > odd.csv <<'CSV'
school_code,name,kind,ownership,status,address,principal
6000000020,前导零学校,primary,public,open,0571,007
6000000021,"=HYPERLINK(""http://x"",""y"")",primary,public,open,+1+1,-2
6000000022,引号学校,primary,public,open,''=1+1,'x
CSV
t_exit 0 "schools with leading zeros and formula-like text" edu-school import odd.csv
t_run edu-db -f json query "SELECT address FROM school WHERE school_code = '6000000022'"
t_eq "... a ' before a formula is the protection: one goes" "$out" '{"address":"'"'"'=1+1"}'

edu-enroll list --excel > students-excel.csv
id=$(edu-enroll list | awk -F, 'NR == 2 { print $3 }')
t_grep "an 18-digit ID number is written =\"...\"" ",\"=\"\"$id\"\"\"," "$(sed -n 2p students-excel.csv)"
t_grep "... and so is the student number built on it" "^G$id," "$(sed -n 2p students-excel.csv)"
t_grep "a 10-digit school code is left a number" ",2111010209," "$(sed -n 2p students-excel.csv)"
t_grep "an 11-digit mobile number too" ",1[0-9]{10}$(printf '\r')\$" "$(sed -n 2p students-excel.csv)"
t_unchanged "enroll list --excel | import --upsert" 62 edu-enroll import --upsert students-excel.csv

edu-school list --excel > schools-excel.csv
t_grep "a leading zero is kept as text" ",\"=\"\"0571\"\"\",\"=\"\"007\"\"\"" "$(grep '^6000000020' schools-excel.csv)"
t_grep "a formula is defused" "^6000000021,\"'=HYPERLINK" "$(cat schools-excel.csv)"
t_grep "a ' before a formula gets one more" "^6000000022,.*,''=1\\+1,'x" "$(cat schools-excel.csv)"
t_unchanged "school list --excel | import --upsert" 43 edu-school import --upsert schools-excel.csv
t_run edu-db -f json query "SELECT address, principal FROM school WHERE school_code IN ('6000000020', '6000000022') ORDER BY 1"
t_eq "... the values are as they were" "$out" '{"address":"'"'"'=1+1","principal":"'"'"'x"}
{"address":"0571","principal":"007"}'

# A spreadsheet's leftovers: rows of commas, empty columns at the end.
cat > leftovers.csv <<'CSV'
school_code,name,kind,ownership,status,,,
6000000030,新学校一,primary,public,open,,,
,,,,,,,
6000000031,新学校二,primary,public,open,,,
,,,,,,,
 , ,,,,,,
CSV
t_exit 0 "rows of empty cells and empty trailing columns: imported" edu-school import leftovers.csv
t_grep "... 2 schools" "2 inserted" "$err"
t_grep "... the empty rows counted on stderr" "leftovers.csv: 3 rows of empty cells skipped" "$err"
t_grep "... the empty columns too" "leftovers.csv:1: 3 empty columns after the last named one ignored" "$err"
t_exit 0 "... -q says nothing of them" edu-school -q import --upsert leftovers.csv
t_eq "... nothing at all" "$err" ""
printf 'school_code,name,kind,ownership,status,,x\n6000000032,三,primary,public,open,,\n' > hole.csv
t_exit 65 "an empty header cell before a named one is still an error" edu-school import hole.csv
t_grep "... an unknown column ''" "unknown column ''" "$err"
printf 'school_code,name,kind,ownership,status,\n6000000033,四,primary,public,open,lost\n' > lost.csv
t_exit 65 "text under an empty trailing header cell is not lost silently" edu-school import lost.csv
t_grep "... says so" "lost.csv:2: 6 fields, but the header has 5" "$err"

# TSV back in.
edu-enroll -f tsv list > students.tsv
t_unchanged "enroll -f tsv list | import --upsert" 62 edu-enroll import --upsert students.tsv
edu-school -f tsv list > schools.tsv
t_unchanged "school -f tsv list (formulas, tabs, newlines) | import --upsert" 45 \
	edu-school import --upsert schools.tsv
printf 'school_code\tname\tkind\townership\tstatus\n6000000040\t制表,学校\tprimary\tpublic\topen\n' > new.tsv
t_exit 0 "a TSV file with a comma in a value" edu-school import new.tsv
t_run edu-db query "SELECT name FROM school WHERE school_code = '6000000040'"
t_eq "... the comma is text" "$(printf '%s\n' "$out" | tail -1)" "\"制表,学校\""
done_testing
