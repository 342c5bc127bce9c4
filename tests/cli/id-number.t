#!/bin/sh
# Resident ID numbers (GB 11643) through the tools, against the test
# oracle of lib.sh (id_awk, id18), which is written from the standard's
# definition, not from libedu/valid.c: of the eleven possible check
# characters the register takes exactly the oracle's; a 15-digit number
# is upgraded to the oracle's 18; the standard's printed examples pass.
. "$(dirname "$0")/lib.sh"

t_eq "the oracle gives GB 11643's example 11010519491231002X" "$(id18 11010519491231002)" 11010519491231002X
t_eq "... and 440524188001010014" "$(id18 44052418800101001)" 440524188001010014

sample_db

# 20 prefixes, each with every check character 0-9 and X: 220 rows.
awk "$id_awk"'BEGIN {
	print "id_number,name,sex,birth_date,school_code,grade"
	for (k = 0; k < 20; k++) {
		y = 2008 + k % 10; m = k % 12 + 1; d = (k * 7) % 28 + 1; q = 100 + k * 41
		s = sprintf("110102%04d%02d%02d%03d", y, m, d, q)
		for (c = 0; c < 11; c++) {
			ch = c == 10 ? "X" : c
			printf "%s%s,学生%d_%s,%s,%04d-%02d-%02d,2111010209,3\n", s, ch, k, ch, \
				(q % 2 ? "M" : "F"), y, m, d
			if (ch == id_check(s)) print s ch > "'"$tmp/want.ids"'"
		}
	}
}' > "$tmp/all.csv"
t_eq "the oracle's numbers: one per prefix" "$(wc -l < "$tmp/want.ids")" 20
t_exit 1 "import every check character with --reject" edu-enroll import --reject "$tmp/rej.csv" "$tmp/all.csv"
t_grep "... 20 in, 200 refused" "student: 20 inserted, 0 updated, 0 unchanged, 200 rejected" "$err"
t_eq "... the ones in are the oracle's" \
	"$(sqlite3 "$EDU_DB" "SELECT id_number FROM student ORDER BY id_number")" "$(sort "$tmp/want.ids")"
t_eq "... each refused on its id_number" \
	"$(tail -n +2 "$tmp/rej.csv" | grep -vc ',id_number: ')" 0
t_eq "... their student numbers are G and the number" \
	"$(sqlite3 "$EDU_DB" "SELECT count(*) FROM student WHERE student_no <> 'G' || id_number")" 0

# A 15-digit number: 19 put before the year, and the oracle's check
# character after.
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,旧号,M,%s,2111010209,3\n' \
	110102090203451 1909-02-03 > "$tmp/old.csv"
t_exit 0 "a 15-digit number" edu-enroll import "$tmp/old.csv"
t_eq "... is stored as the oracle's 18 digits" \
	"$(sqlite3 "$EDU_DB" "SELECT id_number FROM student WHERE name = '旧号'")" "$(id18 11010219090203451)"

done_testing
