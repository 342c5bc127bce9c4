#!/bin/sh
# The README's tour runs, line by line, as written (issue 18): every
# ```sh block of README.md, in order, on a scratch database in a
# temporary directory that holds a copy of examples/.  A line fails the
# test when it exits non-zero (pipefail: any stage of a pipeline); the
# first failing line is named by its line number in README.md and the
# rest are not run, since each line builds on the ones before.  A line
# whose comment is "# exit N..." must exit N instead of 0 (a "no" answer,
# DESIGN 5), so it is checked, not excused with `|| true`.  A comment
# "# → TEXT ..." says what the line prints: TEXT (up to a space) must be
# in its standard output.
# Indented blocks are illustrations (make, a root install) and are not
# run; a ```sh block is a promise that it runs.
. "$(dirname "$0")/lib.sh"

readme=$top/README.md
t_eq "README.md starts with make demo and make check" \
	"$(grep -m2 -E '^ +make (demo|check)' "$readme" | awk '{ print $2 }' | tr '\n' ' ')" "demo check "

# One logical line per record: "LINE<TAB>COMMAND", continuation lines
# (a trailing backslash or pipe) joined to the line that follows.
awk '/^```sh$/ { inb = 1; next }
	inb && /^```$/ { inb = 0; next }
	!inb { next }
	{ line = $0
	  if (cont == "") start = NR
	  if (sub(/\\$/, "", line)) { cont = cont line; next }
	  if (line ~ /\|[ \t]*$/) { cont = cont line " "; next }
	  cmd = cont line; cont = ""
	  if (cmd ~ /^[ \t]*(#.*)?$/) next
	  printf "%d\t%s\n", start, cmd }' "$readme" >tour
t_grep "the README has a tour of more than 40 lines" '^[4-9][0-9]|^[0-9]{3}' "$(wc -l <tour)"

cp -R "$examples" examples
command -v bash >/dev/null || { t_skip "the tour" "bash is not installed"; done_testing; exit; }
while IFS="$(printf '\t')" read -r no cmd; do
	bash -e -o pipefail -c "$cmd" >.tour.out 2>.tour.err </dev/null
	rc=$?
	want=$(printf '%s\n' "$cmd" | sed -n 's/.*# exit \([0-9][0-9]*\).*/\1/p')
	if [ "$rc" -ne "${want:-0}" ]; then
		t_fail "README.md:$no: $cmd" "exit $rc, want ${want:-0}" "stderr: $(head -5 .tour.err)" \
			"stdout: $(head -5 .tour.out)"
		break
	fi
	shows=$(printf '%s\n' "$cmd" | sed -n 's/.*# → \([^ ]*\).*/\1/p' | sed 's/[,;.:]$//')
	if [ -n "$shows" ] && ! grep -qF -- "$shows" .tour.out; then
		t_fail "README.md:$no: $cmd" "prints no '$shows'" "stdout: $(head -5 .tour.out)"
		break
	fi
	t_pass "README.md:$no: $cmd"
done <tour
done_testing
