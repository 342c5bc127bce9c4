#!/bin/sh
# Hostile and malformed input through every import: each input is
# imported correctly or refused with FILE:LINE and exit 65, and then the
# database is unchanged byte for byte.  The corpus is tests/stress/corpus
# (small files, written by hand) and what this script makes: the big
# ones (a 10 MB field, 10,000 columns, a 5 MB line) and, for each
# import, its own header with hostile rows under it, so that the rows
# reach the validators (each import takes its own).  Text fields
# round-trip exactly through import and list, and --excel neutralises
# every formula-leading cell.
. "$(dirname "$0")/lib.sh"
corpus=$top/tests/stress/corpus

sample_db || { echo "Bail out! no sample database"; exit 1; }
sqlite3 "$EDU_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp "$EDU_DB" "$tmp/orig.db"
mkdir "$tmp/in"

# The big ones, made here rather than kept in git.
big() { head -c "$1" /dev/zero | tr '\0' "$2"; }
{ printf 'name,kind\n"'; big 10485760 x; printf '",primary\n'; } >"$tmp/in/field-10mb.csv"
awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "c%d%s", i, i < 10000 ? "," : "\n";
	     for (i = 1; i <= 10000; i++) printf "v%d%s", i, i < 10000 ? "," : "\n" }' \
	>"$tmp/in/columns-10000.csv"
{ printf 'a,b\n"'; big 5242880 ,; printf '",x\n'; } >"$tmp/in/line-5mb.csv"
{ printf 'a\n'; big 2000000 a | fold -w 1000; } >"$tmp/in/rows-long.csv"

# For each import, its header and hostile rows: every field the same
# hostile value (printf formats, so NUL and bad bytes can be written).
values='\377\376bad|\321\247\320\243|a\000b|=1+2|+1|-1|@SUM(A1)|\tx|\rx|'"'"'); DROP TABLE school;--|x"y|"open|\355\240\200|\300\257'
i=0
stress_imports | while IFS='|' read -r imp cols; do
	i=$((i + 1))
	h=$($cols | head -1)
	[ -n "$h" ] || { echo "no header from $cols" >"$tmp/in/NOHEADER"; continue; }
	n=$(printf '%s\n' "$h" | awk -F, '{ print NF }')
	echo "$values" | tr '|' '\n' | { j=0; while IFS= read -r v; do
		j=$((j + 1))
		{ printf '%s\n' "$h"; k=1; while [ $k -le "$n" ]; do
			printf -- "$v"; [ $k -lt "$n" ] && printf ,; k=$((k + 1)); done; printf '\n'; } \
			>"$tmp/in/t$i-value$j.csv"
	done; }
	printf '%s\r%s\r' "$h" "$(printf '%s' "$h" | sed 's/[^,]*/1/g')" >"$tmp/in/t$i-cr.csv"
	printf '%s\n%s\n' "$h" "$h" >"$tmp/in/t$i-header-twice.csv"
	printf '%s\n"%s\n' "$h" "$(printf '%s' "$h" | sed 's/[^,]*/1/g')" >"$tmp/in/t$i-unbalanced.csv"
	printf '%s,%s\n' "$h" "$(printf '%s' "$h" | sed 's/,.*//')" >"$tmp/in/t$i-dup.csv"
	{ printf '%s\n' "$h"; big 10485760 y; awk -v n="$n" 'BEGIN { for (i = 1; i < n; i++) printf ","; print "" }'; } \
		>"$tmp/in/t$i-field-10mb.csv"
	{ printf '%s\n' "$h"; awk 'BEGIN { for (i = 1; i <= 10000; i++) printf "%d%s", i, i < 10000 ? "," : "\n" }'; } \
		>"$tmp/in/t$i-columns-10000.csv"
done
t_exit 1 "every import prints its header" test -e "$tmp/in/NOHEADER"
cp "$corpus"/*.csv "$tmp/in/"

cd "$tmp/in" || exit 1
inputs=0 tried=0 bad=0 imported=0
for f in *.csv; do inputs=$((inputs + 1)); done
restore() { cp "$tmp/orig.db" "$EDU_DB"; rm -f "$EDU_DB-wal" "$EDU_DB-shm"; }
# A whole loop in one subshell would lose the counts: a here-document.
# Each import takes the corpus, the big files and its own hostile rows
# (t<its number>-*); another import's rows would stop at its header.
imp_no=0
while IFS='|' read -r imp cols; do
	tool=${imp%% *}
	imp_no=$((imp_no + 1))
	for f in *.csv; do
		case $f in t[0-9]*-*) [ "${f%%-*}" = "t$imp_no" ] || continue ;; esac
		tried=$((tried + 1))
		before=$(db_sum)
		t_run $imp "$f"
		what="$imp $f"
		case $rc in
		65)
			if ! printf '%s\n' "$err" | grep -Eq "^$tool: $f(:[0-9]+:|: no header row)"; then
				bad=$((bad + 1)); t_fail "$what: refused without FILE:LINE" "stderr: $(printf '%s' "$err" | head -3)"
			elif [ "$(db_sum)" != "$before" ]; then
				bad=$((bad + 1)); t_fail "$what: refused but the database changed"
			else
				t_pass "$what: refused (65), FILE:LINE, database unchanged"
			fi ;;
		0)
			imported=$((imported + 1))
			if edu-db -q check >/dev/null 2>&1; then
				t_pass "$what: imported, and the database checks"
			else
				bad=$((bad + 1)); t_fail "$what: imported but edu-db check fails"
			fi
			restore ;;
		*)
			bad=$((bad + 1))
			t_fail "$what: exit $rc" "stderr: $(printf '%s' "$err" | head -3)"
			restore ;;
		esac
	done
done <<EOF2
$(stress_imports)
EOF2
cd "$tmp" || exit 1

# Round trip: text fields come back exactly, and --excel neutralises.
# The sqlite3 shell's .import is the independent CSV reader.
restore
cr=$(printf '\r')
{
	printf 'school_code,name,kind,ownership,district,address,principal\n'
	printf '%s\n' \
	'2111019801,"=HYPERLINK(""http://x"")",primary,public,+西城区,-1+1,@SUM(A1)' \
	'2111019802,"	tab first",primary,public,"x,y","line1
line2","say ""hi"""' \
	"2111019803,'); DROP TABLE school;--,primary,public,\" spaces \",%s%n,\\\\N" \
	"2111019804,\"${cr}cr first\",primary,public,名字,\"-\",\"@\"" \
	'2111019805,"=1+2",primary,public,"+","""quoted""","a""b"'
} >rt.csv
t_exit 0 "import of formula-leading and SQL-looking text" edu-school import rt.csv
edu-school list >list.csv
edu-school list --excel >excel.csv
tail -c +4 excel.csv >excel-nobom.csv
sqlite3 rt.db ".import --csv rt.csv want" ".import --csv list.csv got" ".import --csv excel-nobom.csv xl" \
	"ATTACH '$EDU_DB' AS e" >/dev/null
q() { sqlite3 rt.db "ATTACH '$EDU_DB' AS e" "$1"; }
cmp_cols="hex(name)||'|'||hex(district)||'|'||hex(address)||'|'||hex(principal)"
# A name is kept without the blanks around it (issue 16, point 13); the
# rest exactly.
expect=$(q "SELECT school_code, $(printf '%s' "$cmp_cols" | sed 's/hex(name)/hex(trim(name, char(9, 32)))/') FROM want ORDER BY 1")
t_eq "five hostile rows read back by sqlite3" "$(q 'SELECT count(*) FROM want')" 5
t_eq "the text is stored exactly" \
	"$(q "SELECT school_code, $cmp_cols FROM e.school WHERE school_code LIKE '21110198%' ORDER BY 1")" "$expect"
t_eq "list prints it exactly" \
	"$(q "SELECT school_code, $cmp_cols FROM got WHERE school_code LIKE '21110198%' ORDER BY 1")" "$expect"
t_exit 0 "what list prints imports back unchanged" edu-school import --upsert list.csv
t_eq "... and the database still holds the same text" \
	"$(q "SELECT school_code, $cmp_cols FROM e.school WHERE school_code LIKE '21110198%' ORDER BY 1")" "$expect"
# Every cell of the excel output that the plain output starts with
# = + - @ TAB or CR is the same cell with a ' before it; no other cell
# changes.
cells() {	# table: one row per cell, "code|column|hex"
	for c in name kind ownership district address principal phone founded; do
		q "SELECT school_code||'|$c|'||hex($c) FROM $1"
	done | sort
}
cells got >plain.cells
cells xl >excel.cells
xlbad=$(awk -F'|' 'NR == FNR { p[$1 "|" $2] = $3; next }
	{ k = $1 "|" $2; v = p[k]; want = v
	  if (v ~ /^(3D|2B|2D|40|09|0D)/) want = "27" v
	  if ($3 != want) print k ": " v " -> " $3 }' plain.cells excel.cells)
t_eq "--excel prefixes exactly the formula-leading cells with '" "$xlbad" ""
t_grep "... there are some" "^2111019801\|name\|273D" "$(cat excel.cells)"
t_eq "--excel keeps the codes whole" "$(sed 1d excel-nobom.csv | grep -c "^'")" 0
t_exit 0 "the database checks after all of it" edu-db check

# The same round trip through the other registers' text columns: a row
# per hostile value, the value in every text column.
tab=$(printf '\t')
rtvalues() {
	printf '%s\n' '"=HYPERLINK(""http://x"")"' '+1' '-1+1' '@SUM(A1)' "\"${tab}tab\"" \
		"\"${cr}cr\"" "'); DROP TABLE x;--" '"a,b"' '" spaces "' '"say ""hi"""' '%s%n' '\\N' '名字'
}
# roundtrip TOOL TABLE TEXTCOLS HEADER ROW: ROW is a printf format with
# %d (the row's number) first and then %s for each text value.
roundtrip() {
	tool=$1 table=$2 cols=$3 header=$4 row=$5
	restore
	i=0
	{ printf '%s\n' "$header"; rtvalues | while IFS= read -r v; do
		i=$((i + 1)); n_s=$(printf '%s' "$row" | grep -o '%s' | wc -l)
		set -- "$i"; k=0; while [ $k -lt "$n_s" ]; do set -- "$@" "$v"; k=$((k + 1)); done
		printf "$row\n" "$@"; done; } >rt-$table.csv
	t_exit 0 "$tool import of hostile text" $tool import rt-$table.csv
	$tool list >rt-$table-list.csv
	rm -f rt2.db
	sqlite3 rt2.db ".import --csv rt-$table.csv want" ".import --csv rt-$table-list.csv got" >/dev/null
	hx=$(printf '%s' "$cols" | sed "s/\([a-z_]*\)/hex(\1)/g; s/,/||'|'||/g")
	# a person's or thing's name without the blanks around it (issue 16,
	# point 13: name, custodian, petitioner, handler)
	expect=$(sqlite3 rt2.db "SELECT $(printf '%s' "$hx" | sed 's/hex(\(name\|custodian\|petitioner\|handler\))/hex(trim(\1, char(9, 32)))/g') FROM want" | sort)
	t_eq "... $table: the text is stored exactly" "$(sqlite3 "$EDU_DB" "SELECT $hx FROM $table" | sort)" "$expect"
	t_eq "... and listed exactly" "$(sqlite3 rt2.db "SELECT $hx FROM got" | sort)" "$expect"
}
roundtrip edu-petition petition petitioner,subject,content,address \
	kind,channel,category,received_on,petitioner,subject,content,address \
	'XF,letter,claim,2026-02-%02d,%s,%s,%s,%s'
roundtrip edu-assets asset name,model,location,custodian,funding \
	"$(head -1 "$examples/assets.csv")" \
	'RT-%04d,%s,computer,2010105,%s,2111010201,%s,%s,2024-01-15,5999.00,,%s,in-use,'
roundtrip edu-doc document issuer,title,department,handler \
	doc_no,direction,issuer,their_no,title,doc_date,received_on,department,handler \
	'收〔2026〕%d号,in,%s,,%s,2026-03-01,2026-03-02,%s,%s'
restore

figure hostile "inputs=$inputs imports=$(stress_imports | wc -l) trials=$tried imported=$imported failures=$bad"
done_testing
