#!/bin/sh
# The manual: every page is mandoc -Tlint clean, and every verb a tool
# lists in --help answers VERB --help and is described in its page.
. "$(dirname "$0")/lib.sh"

for m in "$top"/man/*.[157]; do
	if command -v mandoc >/dev/null; then
		t_exit 0 "mandoc -Tlint $(basename "$m")" mandoc -Tlint -W warning "$m"
		[ -n "$out$err" ] && t_fail "... prints nothing" "$out$err"
	else
		t_skip "mandoc -Tlint $(basename "$m")" "mandoc is not installed"
	fi
done

for tool in $(cd "$top/cmd" && ls edu-*.c | sed 's/\.c$//'); do
	page=$top/man/$tool.1
	t_exit 0 "$tool --help" "$tool" --help
	verbs=$(printf '%s\n' "$out" | sed -n '/^Verbs:/,/^$/p' | sed -n 's/^  \([a-z-]*\( [a-z-]*\)\{0,1\}\)  .*/\1/p' | sed 's/ *$//')
	[ -n "$verbs" ] || t_fail "$tool --help lists verbs"
	printf '%s\n' "$verbs" | while read -r v; do
		# shellcheck disable=SC2086
		"$tool" $v --help > "$tmp/help" 2>&1 || echo "$v" >> "$tmp/nohelp"
		# mdoc writes "licence set" as ".Cm licence set" or ".It Cm licence set".
		grep -q "Cm $v\( \|$\)" "$page" || echo "$v" >> "$tmp/undocumented.$tool"
	done
	t_eq "every $tool verb answers --help" "$(cat "$tmp/nohelp" 2>/dev/null)" ""
	t_eq "every $tool verb is in $tool(1)" "$(cat "$tmp/undocumented.$tool" 2>/dev/null)" ""
done

# Issue 18: examples said "schema version 2" long after it was 10.  A page
# names the version as N, or else the tools' own.
t_run edu-db --db "$tmp/v.db" init
v=$(printf '%s\n' "$err" | sed -n 's/.*(schema version \([0-9]*\)).*/\1/p')
t_grep "init says its schema version" '^[0-9]+$' "$v"
stale=$(grep -n 'schema version [0-9]' "$top"/man/* | grep -v "schema version $v\b")
t_eq "no man page names another schema version" "$stale" ""
done_testing
