#!/bin/sh
# The exit statuses of DESIGN 5 that edu-db and edu-school can give, and
# the command grammar: help, usage, version, options before or after the
# verb.
. "$(dirname "$0")/lib.sh"

sample_db
t_exit 64 "no verb" edu-school
t_exit 64 "an unknown verb" edu-school frobnicate
t_grep "... says so" "'frobnicate' is not a verb" "$err"
t_exit 64 "an unknown option" edu-school list --bogus
t_exit 64 "too few arguments" edu-school show
t_exit 64 "too many arguments" edu-school show 2111010201 2111010202
t_exit 64 "a two-word verb without its second word" edu-school licence
t_grep "... lists the choices" "one of set, list" "$err"
t_exit 64 "a bad --format" edu-school -f xml list
t_exit 64 "a bad --on" edu-school --on 2026-13-01 licence list
t_exit 64 "a bad --encoding" edu-school -e latin9 import "$examples/schools.csv"
t_exit 0 "--help" edu-school --help
t_grep "... lists the verbs" "^  licence set +record a private school's licence" "$out"
t_exit 0 "VERB --help" edu-school licence set --help
t_grep "... its usage" "^Usage: edu-school licence set \[OPTION...\] CODE" "$out"
t_grep "... its options" "--expires=DATE" "$out"
t_grep "... and the common ones" "--dry-run" "$out"
t_exit 0 "--usage" edu-school list --usage
t_exit 0 "--version" edu-school --version
t_exit 0 "common options before the verb" edu-school -f json --db "$EDU_DB" list --kind special
t_exit 0 "... or after it" edu-school list --kind special -f json --db "$EDU_DB"

if [ -w /dev/full ]; then
	t_exit 74 "a failed write to stdout is exit 74" sh -c 'edu-school list > /dev/full'
	t_grep "... with a message" "write error" "$err"
else
	t_skip "a failed write to stdout is exit 74" "no /dev/full"
fi

# Another process holds the write lock: a reader goes on (WAL), a writer
# waits for EDU_BUSY_TIMEOUT and then gives up with 75.
{ echo "BEGIN IMMEDIATE;"; sleep 3; echo "COMMIT;"; } | sqlite3 "$EDU_DB" &
holder=$!
sleep 0.5
t_exit 0 "a reader is not blocked by a writer" edu-school list --kind special
EDU_BUSY_TIMEOUT=300 t_exit 75 "a writer gives up after the busy timeout" \
	edu-school licence set 2111010206 --number N --issued 2021-12-15 --expires 2026-12-15
t_grep "... and says to try again" "busy.*try again later" "$err"
t_exit 0 "with the default timeout it waits and succeeds" \
	edu-school licence set 2111010206 --number N --issued 2021-12-15 --expires 2026-12-15
wait $holder

# A process killed in the middle of an import leaves all or nothing.
awk 'BEGIN { print "school_code,name,kind,ownership,status";
	for (i = 0; i < 30000; i++) printf "5%09d,学校%d,primary,public,open\n", i, i }' > "$tmp/big.csv"
before=$(sqlite3 "$EDU_DB" "SELECT count(*) FROM school")
for delay in 0.05 0.2 0.4; do
	edu-school -q import "$tmp/big.csv" --upsert &
	pid=$!
	sleep $delay
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	count=$(sqlite3 "$EDU_DB" "SELECT count(*) FROM school")
	case $count in
	"$before"|$((before + 30000))) t_pass "killed after ${delay}s: $count schools, all or nothing" ;;
	*) t_fail "killed after ${delay}s: all or nothing" "count $count, before $before" ;;
	esac
	t_exit 0 "... and check passes" edu-db check
done

# A progress line on a terminal only, and never with --quiet.
edu-school import "$tmp/big.csv" --upsert 2>"$tmp/progress"
t_eq "no progress line when stderr is not a terminal, only the summary" \
	"$(grep -vc '^edu-school: school: [0-9]* inserted, [0-9]* updated, [0-9]* unchanged, 0 rejected$' "$tmp/progress")" 0
if command -v script >/dev/null; then
	script -qc "edu-school import --upsert '$tmp/big.csv'" /dev/null > "$tmp/tty" 2>&1
	t_grep "a progress line on a terminal" "big.csv: [0-9]+" "$(tr '\r' '\n' < "$tmp/tty")"
	script -qc "edu-school -q import --upsert '$tmp/big.csv'" /dev/null > "$tmp/tty" 2>&1
	t_eq "... but not with --quiet" "$(cat "$tmp/tty")" ""
else
	t_skip "a progress line on a terminal" "no script(1) to make a terminal"
	t_skip "... but not with --quiet" "no script(1)"
fi

done_testing
