#!/bin/sh
# tests/stress/memcheck.sh - `make memcheck`: valgrind's memcheck over
# one run of every verb.  The tools' own CLI tests (tests/cli) run with
# EDU_BIN pointing at wrappers that hand the first run of each tool and
# verb to valgrind and the rest to the plain binary; then each verb
# seen is a TAP line, ok when its run reported no error and no leak.
# A verb no CLI test runs is named and fails, so that a new verb gets a
# test.  `make stress` leaves it out (it takes some minutes).
. "$(dirname "$0")/lib.sh"
command -v valgrind >/dev/null || {
	t_skip "memcheck" "valgrind is not installed (apt-get install valgrind)"
	done_testing; exit; }
real=$EDU_BIN
wrap=$tmp/bin
logs=$tmp/vg
mkdir -p "$wrap" "$logs"
for t in $STRESS_TOOLS; do
	cat >"$wrap/$t" <<WRAP
#!/bin/sh
# The verb: the first word that is not an option (or an option's value),
# with the next one for the verbs of two words.
v= skip=
for a in "\$@"; do
	# argp's own output is not a verb's run (and glibc's help
	# formatter reads uninitialised bytes on CJK text).
	case \$a in --help|--usage|-\?|--version|-V) exec "$real/$t" "\$@" ;; esac
done
for a in "\$@"; do
	if [ -n "\$skip" ]; then skip=; continue; fi
	case \$a in
	-d|-f|-e|--db|--format|--encoding|--on) skip=1; continue ;;
	-*) continue ;;
	esac
	if [ -z "\$v" ]; then v=\$a
		case \$a in licence|zone|config|user|calendar|train|meeting|decision|seats|rubric|evaluate|apply|graduates) continue ;; esac
	else v="\$v \$a"; fi
	break
done
m="$logs/$t \$(printf '%s' "\$v" | tr ' /' '_-')"
if [ -n "\$v" ] && mkdir "\$m.d" 2>/dev/null; then
	exec valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \\
		--show-leak-kinds=definite,indirect --log-file="\$m.log" "$real/$t" "\$@"
fi
exec "$real/$t" "\$@"
WRAP
	chmod +x "$wrap/$t"
done

start=$(date +%s)
for f in "$top"/tests/cli/*.t; do
	case $f in */install.t|*/man.t) continue ;; esac
	EDU_BIN=$wrap PATH=$wrap:$PATH sh "$f" >"$tmp/$(basename "$f").out" 2>&1
done
# Verbs no CLI test runs yet (edu-enroll's test is being written): a
# session of their own.
gen=${EDU_GEN_STUDENTS:-$top/build/out/bench/gen-students}
(
	PATH=$wrap:$PATH
	cd "$tmp" && sample_db && edu-school -q zone import "$examples/zones.csv" || exit 1
	edu-school list >schools.csv
	"$gen" 60 schools.csv 3 >st.csv
	edu-enroll -q import st.csv
	edu-enroll list >/dev/null
	s1=$(sed -n 2p st.csv | cut -d, -f1) s2=$(sed -n 3p st.csv | cut -d, -f1) s3=$(sed -n 4p st.csv | cut -d, -f1)
	edu-enroll show "$s1" >/dev/null
	to=$(edu-enroll list | awk -F, -v s="$s1" '$1 == s { print $8 }')
	edu-enroll -q transfer --to "$to" --reason 搬家 "$s1"
	edu-enroll -q suspend --reason 病休 "$s2"
	edu-enroll -q resume "$s2"
	edu-enroll -q withdraw --reason 出国 "$s3"
	edu-enroll list --grade 9 | edu-enroll -q graduate
	edu-enroll -q promote --year 2026
	# Applicants: valid ID numbers, by the oracle of tests/cli/lib.sh.
	awk "$id_awk"'BEGIN {
		print "id_number,name,sex,birth_date,zone,tier"
		for (i = 1; i <= 5; i++) {
			b = sprintf("11010220200%d1%d", i, i); id = b sprintf("%03d", 2 * i + 1)
			printf "%s%s,孩子%d,M,2020-0%d-1%d,德胜片区,1\n", id, id_check(id), i, i, i } }' >applicants.csv
	edu-enroll -q assign --seed 1 --year 2026 applicants.csv >/dev/null
	edu-enroll -q placement --disability visual --placement regular-class "$s2"
	edu-enroll disability-report --year 2026 >/dev/null
	edu-enroll stats --by grade >/dev/null
) >enroll-session.out 2>&1
runs=0 bad=0
for t in $STRESS_TOOLS; do
	"$real/$t" --help | sed -n '/^Verbs:/,/^$/p' | sed -n 's/^  \([a-z-]*\( [a-z-]*\)\{0,1\}\)  .*/\1/p' | sed 's/ *$//' |
	while read -r v; do
		m="$logs/$t $(printf '%s' "$v" | tr ' ' '_')"
		if [ ! -e "$m.log" ]; then
			echo "FAIL $t $v: no CLI test runs it"
		elif grep -q 'ERROR SUMMARY\|definitely lost\|indirectly lost\|Invalid \|uninitialised' "$m.log"; then
			echo "FAIL $t $v: $(grep -m3 'lost\|Invalid\|uninit\|SUMMARY' "$m.log" | tr '\n' ' ')"
		else
			echo "ok $t $v"
		fi
	done
done >results
while read -r s rest; do
	runs=$((runs + 1))
	if [ "$s" = ok ]; then t_pass "memcheck: $rest"; else bad=$((bad + 1)); t_fail "memcheck: $rest"; fi
done <results
figure memcheck "verbs=$runs failures=$bad seconds=$(( $(date +%s) - start ))"
done_testing
