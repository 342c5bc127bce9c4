#!/bin/sh
# Tests with a real client (issue 18): LibreOffice opens our --excel CSV
# and keeps every digit of the ID numbers and the leading zeros; the
# workbooks it saves (.xlsx and .xls) import back and change nothing.
# Slow (LibreOffice starts twice, tens of seconds): not in `make check`,
# run by `make check-office` and CI.  Skipped, saying why, without
# LibreOffice or python3-openpyxl.
. "$(dirname "$0")/../cli/lib.sh"

soffice=$(command -v soffice || command -v libreoffice)
find_openpyxl
if [ -z "$soffice" ] || [ -z "$py" ]; then
	t_skip "LibreOffice reads our CSV and its workbooks import" \
		"needs LibreOffice (libreoffice-calc-nogui) and python3-openpyxl"
	done_testing
	exit
fi

sample_db || exit 1
edu-enroll -q import "$examples/students.csv" || exit 1
printf 'school_code,name,kind,ownership,status,address,principal\n6000000020,前导零学校,primary,public,open,0571,007\n' > odd.csv
edu-school -q import odd.csv || exit 1
edu-enroll list --excel > students.csv
edu-school list --excel > schools.csv

# CSV, UTF-8 (76), comma and double quote; formulas are evaluated.
convert() {	# convert FILTER-OPTIONS FORMAT FILE...
	opts=$1 fmt=$2; shift 2
	timeout 300 "$soffice" -env:UserInstallation=file://$tmp/lo-profile --headless \
		--infilter=CSV:$opts --convert-to "$fmt" --outdir lo "$@" >lo.log 2>&1
}
convert 44,34,76,1 xlsx students.csv schools.csv
t_eq "LibreOffice converts our --excel CSV to .xlsx" "$(ls lo 2>/dev/null | tr '\n' ' ')" "schools.xlsx students.xlsx "

cells() {	# cells FILE COLUMN: the values LibreOffice saved, one a line
	"$py" - "$1" "$2" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(open(sys.argv[1], 'rb'), data_only=True).active
for row in ws.iter_rows(min_row=2):
    v = row[int(sys.argv[2])].value
    print('' if v is None else v)
PY
}
t_eq "every ID number keeps its 18 characters" "$(cells lo/students.xlsx 2)" \
	"$(edu-enroll list | tail -n +2 | cut -d, -f3)"
t_eq "... and every student number" "$(cells lo/students.xlsx 0)" \
	"$(edu-enroll list | tail -n +2 | cut -d, -f1)"
t_grep "a leading zero is kept" "^0571$" "$(cells lo/schools.xlsx 5)"
t_grep "... and 007" "^007$" "$(cells lo/schools.xlsx 6)"

t_unchanged "the .xlsx LibreOffice saved imports back" 62 edu-enroll import --upsert lo/students.xlsx
t_unchanged "... the schools too" 41 edu-school import --upsert lo/schools.xlsx

# freexl reads no formula results: the .xls is made from the plain CSV,
# its student and ID numbers typed as text (columns 1 and 3) as a careful
# clerk would.
rm -rf lo
edu-enroll list > plain.csv
convert 44,34,76,1,1/2/3/2 xls plain.csv
t_unchanged "the .xls LibreOffice saved (freexl) imports back" 62 edu-enroll import --upsert lo/plain.xls
done_testing
