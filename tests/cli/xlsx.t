#!/bin/sh
# -f xlsx (issue 18, "Workbooks out"): every verb that prints a table
# writes a workbook, read back here by a reader we did not write
# (python3-openpyxl): IDs, codes and phones are text cells with every
# digit, dates are date cells, money numbers with two decimals; the
# header is bold, frozen and filtered; never to a terminal.
. "$(dirname "$0")/lib.sh"

py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then py=$p; break; fi
done

sample_db || exit 1
edu-enroll -q import "$examples/students.csv" || exit 1
edu-assets -q import "$examples/assets.csv" || exit 1

t_exit 0 "school list -f xlsx to a file" sh -c 'edu-school -f xlsx list > schools.xlsx'
t_eq "... a zip file (PK)" "$(head -c 2 schools.xlsx)" "PK"
t_exit 0 "enroll list -f xlsx through a pipe" sh -c 'edu-enroll -f xlsx list | cat > students.xlsx'
t_exit 0 "assets list -f xlsx" sh -c 'edu-assets -f xlsx list > assets.xlsx'
t_exit 0 "school show -f xlsx (field,value lines)" sh -c 'edu-school -f xlsx show 2111010201 > show.xlsx'

# A terminal gets no workbook.
if command -v script >/dev/null; then
	script -qec "edu-school -f xlsx list" /dev/null >tty.out 2>&1
	t_eq "a terminal on stdout: refused, 64" "$?" 64
	t_grep "... saying why" "will not write a workbook to a terminal" "$(cat tty.out)"
else
	t_skip "a terminal on stdout: refused" "script(1) is not installed"
fi
t_exit 64 "-f with an unknown format names xlsx among the choices" edu-school -f xlsy list
t_grep "... " "not one of csv, tsv, table, json, xlsx" "$err"

# An empty to-do list prints nothing, not even an empty workbook.
t_run sh -c 'edu-assets -f xlsx list --status disposed > none.xlsx'
t_eq "a list with no rows: a workbook with the header only" "$rc" 0

if [ -z "$py" ]; then
	t_skip "workbooks read back with openpyxl" "python3-openpyxl is not installed"
	done_testing
	exit
fi

read_book() {	# read_book FILE: one line per cell: SHEET!CELL TYPE VALUE FORMAT
	"$py" - "$1" <<'PY'
import sys, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb:
    print("sheet", ws.title, ws.freeze_panes, ws.auto_filter.ref)
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = c.value
            if isinstance(v, datetime.datetime):
                v = v.strftime("%Y-%m-%d")
            bold = "bold" if c.font and c.font.b else ""
            print("%s!%s %s %s %s %s" % (ws.title, c.coordinate, c.data_type, v, c.number_format, bold))
    for k, d in sorted(ws.column_dimensions.items()):
        print("%s!width %s %.0f" % (ws.title, k, d.width))
PY
}
read_book schools.xlsx > schools.cells
read_book students.xlsx > students.cells
read_book assets.xlsx > assets.cells
read_book show.xlsx > show.cells

t_eq "one sheet named for what was listed, frozen under the header, filtered" \
	"$(grep '^sheet' schools.cells)" "sheet school A2 A1:L41"
t_eq "... the header is bold" "$(grep '^school!A1 ' schools.cells)" "school!A1 s school_code General bold"
t_eq "a school code is a text cell with its digits" \
	"$(grep '^school!A2 ' schools.cells)" "school!A2 s 2111010201 General "
t_eq "a phone is text" "$(grep '^school!H2 ' schools.cells)" "school!H2 s 010-68512307 General "
t_eq "a date is a date cell shown yyyy-mm-dd" "$(grep '^school!I2 ' schools.cells)" \
	"school!I2 d 1956-09-01 yyyy-mm-dd "
t_eq "a count is a number" "$(grep '^school!J2 ' schools.cells)" "school!J2 n 150 General "
t_eq "every row is there" "$(grep -c '^school!A[0-9]* ' schools.cells)" 41
# Widths fitted to the content, a Chinese character counting two: the
# names (up to 15 characters) are wider than the kinds.
wname=$(awk '$1 == "school!width" && $2 == "B" { print $3 }' schools.cells)
wkind=$(awk '$1 == "school!width" && $2 == "C" { print $3 }' schools.cells)
t_eq "... columns fitted: a column of Chinese names is about twice as wide as its characters" \
	"$([ "$wname" -ge 28 ] && [ "$wname" -le 40 ] && echo yes)" yes
t_eq "... and the kinds' column is narrower" "$([ "$wkind" -lt "$wname" ] && echo yes)" yes

# The register: 18-digit IDs and 19-character student numbers as text,
# never 1.10102E+17.
t_eq "the students' sheet" "$(grep '^sheet' students.cells)" "sheet enroll list A2 A1:S63"
t_eq "an ID number is a text cell of 18 digits" \
	"$(awk '$2 == "list!C2" { print $3, length($4), $4 ~ /^[0-9]+[0-9X]$/ }' students.cells)" "s 18 1"
t_eq "... every ID number and student number is text (passports too)" \
	"$(awk '$2 ~ /^list![AC][0-9]+$/ && $3 != "s" { n++ } END { print n + 0 }' students.cells)" 0
t_eq "a birth date is a date" "$(awk '$2 == "list!F2" { print $3, $5 }' students.cells)" "d yyyy-mm-dd"
t_eq "the values are those of the CSV listing" \
	"$(awk '$2 ~ /^list!C[0-9]+$/ { print $4 }' students.cells | tail -n +2)" \
	"$(edu-enroll list | tail -n +2 | cut -d, -f3)"

t_eq "money is a number shown with two decimals" "$(grep '^asset!J2 ' assets.cells)" \
	"asset!J2 n 5999 #,##0.00 "
t_eq "... and with its fen" "$(grep -c '^asset!J[0-9]* n 480000.5 ' assets.cells)" 1
t_eq "an asset's classification code is text" "$(grep '^asset!D2 ' assets.cells)" \
	"asset!D2 s 2010105 General "

t_eq "show: a key's value is text by its field's name" "$(grep '^school show!B2 ' show.cells)" \
	"school show!B2 s 2111010201 General "
t_eq "... a date's is a date" "$(grep '^school show!B10 ' show.cells)" \
	"school show!B10 d 1956-09-01 yyyy-mm-dd "
done_testing
