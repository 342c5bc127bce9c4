#!/bin/sh
# The layers of libedu (DESIGN 2): each file calls only files of its own
# layer or below, the calls between files have no loop, and only the cli
# layer reads the command-line options.  Read from the built objects with
# nm(1), so it sees what the code really calls.
. "$(dirname "$0")/lib.sh"

obj=$EDU_BIN/../libedu
# Lowest first.  A new file must be given its layer here.
layers='
base	err sha256 sql date valid sheet csv xlsx out progress schema priv outfile svg near
store	db audit seq run access event
domain	student cadre doc petition assets exam cert placement pattern report staffing approval deadline
engine	entity writer import bulk
cli	cli drive keys
'
printf '%s\n' "$layers" | awk 'NF { for (i = 2; i <= NF; i++) print $i, NR }' >layer.map

for o in "$obj"/*.o; do
	f=$(basename "$o" .o)
	nm "$o" | awk -v f="$f" '$2 ~ /^[TDBRC]$/ && $3 ~ /^edu_/ { print "def", f, $3 }
		$1 == "U" && $2 ~ /^edu_/ { print "use", f, $2 }'
done >syms
t_eq "the objects were read" "$(grep -c '^def' syms | awk '$1 > 100 { print "many" }')" many

# file -> file edges
awk '$1 == "def" { d[$3] = $2 } $1 == "use" { u[++n] = $2 " " $3 }
	END { for (i = 1; i <= n; i++) { split(u[i], p, " "); if ((p[2] in d) && d[p[2]] != p[1]) print p[1], d[p[2]] } }' syms |
	sort -u >edges

unclassified=$(awk 'NR == FNR { l[$1] = 1; next } !($2 in l) { print $2 }' layer.map syms | sort -u | tr '\n' ' ')
t_eq "every libedu file has a layer" "$unclassified" ""

up=$(awk 'NR == FNR { l[$1] = $2; next } (l[$2] > l[$1]) { print $1 " -> " $2 }' layer.map edges | tr '\n' ';')
t_eq "no file calls a layer above its own" "$up" ""

# A loop: tsort(1) reports one on stderr.
loops=$(tsort edges 2>&1 >/dev/null | grep -v '^tsort: -: input contains a loop:' | sed 's/^tsort: //' | tr '\n' ' ')
t_eq "the calls between files have no loop" "$loops" ""

opts=$(awk '$1 == "use" && ($3 == "edu_opt" || $3 == "edu_import_opt" || $3 == "edu_verb_name") &&
	$2 != "cli" && $2 != "err" { print $2 }' syms | sort -u | tr '\n' ' ')
t_eq "only cli.c reads the command-line options" "$opts" ""

# The test can fail: a made-up upward call is seen as one.
printf 'csv cli\n' >>edges
up=$(awk 'NR == FNR { l[$1] = $2; next } (l[$2] > l[$1]) { print $1 " -> " $2 }' layer.map edges)
t_eq "... (a base file calling cli would be caught)" "$up" "csv -> cli"
printf 'cli db\ndb cli\n' >>edges
t_grep "... (and a loop would be)" "tsort" "$(tsort edges 2>&1 >/dev/null)"
done_testing
