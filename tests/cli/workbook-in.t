#!/bin/sh
# Workbooks in (issue 18): every import reads an .xlsx known by its
# content, whatever its name; --sheet picks a sheet; cells arrive as the
# CSV path would see them (shared and inline strings, integers without
# ".0", dates by the cell's number format); a number Excel rounded is
# refused with how to fix it; errors name the cell (FILE:SHEET!B7).
# The workbooks are written by python3-openpyxl, a writer we did not
# write, and by ourselves (-f xlsx).  .xls and LibreOffice's own files
# are in tests/office/ (make check-office).
. "$(dirname "$0")/lib.sh"

find_openpyxl

sample_db || exit 1
edu-enroll -q import "$examples/students.csv" || exit 1
edu-assets -q import "$examples/assets.csv" || exit 1

# Our own workbooks (inline strings, date cells) import back unchanged.
edu-enroll -f xlsx list > students.xlsx
t_unchanged "enroll -f xlsx list, then import --upsert" 62 edu-enroll import --upsert students.xlsx
t_unchanged "school -f xlsx list | import --upsert (a workbook on stdin)" 40 \
	sh -c 'edu-school -f xlsx list | edu-school import --upsert'
edu-assets -f xlsx list > assets.bin
t_unchanged "assets (money, dates) from a file named .bin" 12 edu-assets import --upsert assets.bin

printf 'PK\003\004not a zip' > broken.csv
t_exit 65 "a file that starts like a zip but is none" edu-school import broken.csv
t_grep "... says so" "broken.csv: not a workbook" "$err"

if [ -z "$py" ]; then
	t_skip "workbooks written by openpyxl" "python3-openpyxl is not installed"
	done_testing
	exit
fi

# A register as a school would send it: shared strings, the grade a
# number, birth dates in a Chinese date format, a second sheet, and the
# ID number of row 3 typed as a number (so Excel kept 15 digits).
"$py" - "$examples/students.csv" <<'PY'
import csv, datetime, sys, openpyxl
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
head = rows[0]
wb = openpyxl.Workbook()
notes = wb.active
notes.title = '说明'
notes.append(['本表为学生名册'])
ws = wb.create_sheet('名册')
ws.append(head)
for r in rows[1:]:
    out = []
    for h, v in zip(head, r):
        if v == '':
            out.append(None)
        elif h.endswith('_date'):
            out.append(datetime.datetime.strptime(v, '%Y-%m-%d'))
        elif h in ('grade', 'class'):
            out.append(int(v))
        else:
            out.append(v)
    ws.append(out)
for c in ws['F'][1:]:
    c.number_format = 'yyyy"年"m"月"d"日"'
for c in ws['K'][1:]:
    c.number_format = 'yyyy/m/d'
# Leftovers: an empty row at the end, and a cell emptied by hand.
ws.append([None] * len(head))
ws.cell(row=ws.max_row + 1, column=1).value = ''
wb.save('register.xlsx')
ws['C3'].value = int(ws['C3'].value)
ws['N4'].value = 12345678901234567
wb.save('rounded.xlsx')
wb2 = openpyxl.Workbook()
s = wb2.active
s.append(['school_code', 'name', 'kind', 'ownership', 'status', 'entry_seats'])
s.append(['6000000050', '新学校', 'primary', 'public', 'open', 45.0])
s.append(['6000000051', '新学校二', 'primary', 'public', 'open', 40.5])
wb2.save('seats.xlsx')
PY

edu-enroll list > from-csv.csv
sqlite3 "$EDU_DB" "DELETE FROM student_event; DELETE FROM student" 2>/dev/null ||
	{ rm -f "$EDU_DB" "$EDU_DB-wal" "$EDU_DB-shm"; sample_db; }
t_exit 65 "a workbook's first sheet is read unless --sheet says" edu-enroll import register.xlsx
t_grep "... and the sheet is named in the message" "register.xlsx:说明:1: unknown column '本表为学生名册'" "$err"
t_exit 0 "--sheet 名册 (by name)" edu-enroll import --sheet 名册 register.xlsx
t_grep "... every student" "62 inserted" "$err"
t_grep "... the empty rows at the end are counted" "register.xlsx:名册: 1 rows of empty cells skipped" "$err"
edu-enroll list > from-xlsx.csv
t_cmp "... the register is what the CSV file gave (dates by format, integers without .0)" \
	from-xlsx.csv from-csv.csv
t_unchanged "--sheet 2 (by number) is the same sheet" 62 edu-enroll import --upsert --sheet 2 register.xlsx
t_exit 65 "--sheet 3: there is none" edu-enroll import --sheet 3 register.xlsx
t_grep "... says how many there are" "register.xlsx: no sheet 3 in the workbook \\(it has 2\\)" "$err"
t_exit 65 "--sheet with a name there is not" edu-enroll import --sheet 学生 register.xlsx
t_grep "... names it" "no sheet '学生' in the workbook" "$err"
t_exit 64 "--sheet 0" edu-enroll import --sheet 0 register.xlsx

sum=$(db_sum)
t_exit 65 "an ID number Excel rounded: refused" edu-enroll import --upsert --sheet 名册 rounded.xlsx
t_grep "... at its cell, with its column, what happened and how to fix it" \
	"rounded.xlsx:名册!C3: id_number: a number of more than 15 digits, which the spreadsheet has rounded \\(1.10101202007073e\\+17\\): format the column as text and enter the numbers again" "$err"
t_grep "... a bad value is named by its cell too" "rounded.xlsx:名册!N4: disability: " "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"

t_exit 65 "a fraction where a whole number belongs" edu-school import seats.xlsx
t_grep "... the integer 45.0 is 45; 40.5 is refused at its cell" "seats.xlsx:Sheet!F3: entry_seats: " "$err"
t_eq "... 45.0 was not the problem" "$(printf '%s\n' "$err" | grep -c 'F2')" 0
# .xls goes through libfreexl in a child process: a sheet comes back
# whole (a file LibreOffice wrote), and a file the reader cannot take,
# even one that makes it read past its own buffer (found by fuzz-sheet;
# under the sanitizers the child dies), is a refused file, not a dead
# tool or a half-written register.
t_exit 0 "an .xls workbook is read (through the child reader)" \
	edu-school import --upsert --dry-run "$top/tests/cli/data/schools.xls"
t_grep "... its three schools, as the CSV gave them" "3 unchanged" "$err"
sum=$(db_sum)
t_exit 65 "an .xls that makes libfreexl read past its buffer: refused" \
	edu-enroll import "$top/tests/cli/data/freexl-overread.xls"
t_grep "... named, with what is wrong" "freexl-overread.xls: .*(not an .xls workbook|reader stopped)" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 0 "... and the database checks" edu-db check
done_testing
