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
	if [ -n "\$skip" ]; then skip=; continue; fi
	case \$a in
	-d|-f|-e|--db|--format|--encoding|--on) skip=1; continue ;;
	-*) continue ;;
	esac
	if [ -z "\$v" ]; then v=\$a
		case \$a in licence|zone|config|user|calendar|train|meeting|decision) continue ;; esac
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
