#!/bin/sh
# Text from the command line follows the rule of a CSV field (issue 14,
# point 8): invalid UTF-8 and control characters are refused at once with
# exit 64, naming the option or argument, in every tool; and -f table
# never sends a control character to the terminal raw.
. "$(dirname "$0")/lib.sh"

sample_db
esc=$(printf 'x\033[31my')
bel=$(printf 'ring\007')
bad=$(printf 'caf\351')	# Latin-1, not UTF-8
before=$(db_sum)

refused() {	# DESC NAME CMD...: exit 64, NAME in the message, nothing written
	desc=$1 name=$2
	shift 2
	t_exit 64 "$desc" "$@"
	t_grep "... naming $name" "^[a-z-]+: $name: (a control character \(0x[0-9a-f]{2}\)|not valid UTF-8) at byte [0-9]+\$" "$err"
}
refused "edu-doc receive --title with ESC" --title \
	edu-doc receive --title "$esc" --issuer 市教育局 --their-no 1
refused "edu-doc issue --title with BEL" --title \
	edu-doc issue --title "$bel"
refused "edu-enroll transfer --reason with ESC" --reason \
	edu-enroll transfer --to 4401060001 --reason "$esc" G123
refused "edu-assets transfer --to-location in Latin-1" --to-location \
	edu-assets transfer --to-location "$bad" A-1
refused "edu-school licence set --number with ESC" --number \
	edu-school licence set --number "$esc" 4401060001
refused "edu-school show with a control character in CODE" CODE \
	edu-school show "$bel"
refused "edu-cadre appoint --position with BEL" --position \
	edu-cadre appoint --position "$bel" S001
refused "edu-db config set with ESC in VALUE" VALUE \
	edu-db config set bureau.name "$esc"
refused "edu-db user add with a Latin-1 LOGIN" LOGIN \
	edu-db user add "$bad" auditor
refused "a common option: --db" --db \
	edu-db --db "$bel" check
refused "an import's FILE" FILE \
	edu-school import schools.csv "$esc"
t_eq "nothing was written" "$(db_sum)" "$before"
t_exit 0 "Chinese text, tabs and line breaks pass" edu-db -q config set bureau.name "$(printf '西城区\t教育局')"

# -f table: control characters are shown as U+FFFD, never raw.
sqlite3 "$EDU_DB" "UPDATE setting SET value = 'a' || char(27) || '[2J' || char(7) || char(155) || 'b' || CAST(x'ff' AS TEXT) || 'c' WHERE key = 'bureau.name'"
edu-db config list -f table > table.txt
t_eq "no control character in a table" "$(tr -d '\n' < table.txt | LC_ALL=C grep -c "$(printf '[\001-\037\177]')")" 0
t_grep "... each shown as U+FFFD" "a�\[2J��b�c" "$(grep bureau.name table.txt)"
t_eq "CSV output keeps the text as stored" "$(edu-db config get bureau.name | od -An -c | tr -s ' ' | head -1)" " a 033 [ 2 J \a 302 233 b 377 c \n"

done_testing
