# tests/cli/lib.sh - a small TAP library for the CLI tests.  Each test
# script sources it, runs the real binaries on a throwaway database in a
# temporary directory, and ends with `done_testing`.
#
#   t_run CMD...           run, keeping stdout in $out, stderr in $err,
#                          the exit status in $rc
#   t_exit N DESC CMD...   run and expect exit status N
#   t_eq DESC GOT WANT     compare two strings
#   t_grep DESC PATTERN TEXT   TEXT matches the extended regex PATTERN
#   t_cmp DESC GOT WANT    two files are the same byte for byte
#   t_skip DESC REASON     a test that cannot run here, with the reason

set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${EDU_BIN:=$top/build/out/bin}"
PATH=$EDU_BIN:$PATH
examples=$top/examples
tmp=$(mktemp -d "${TMPDIR:-/tmp}/edu-test.XXXXXX")
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
EDU_DB=$tmp/edu.db
export EDU_DB PATH
unset EDU_BUSY_TIMEOUT

n=0 failed=0 out= err= rc=0

t_run() {
	"$@" >"$tmp/.out" 2>"$tmp/.err"
	rc=$?
	out=$(cat "$tmp/.out")
	err=$(cat "$tmp/.err")
}

t_pass() { n=$((n + 1)); echo "ok $n - $1"; }
t_fail() {
	n=$((n + 1)); failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	for l in "$@"; do printf '%s\n' "$l" | sed 's/^/#   /'; done
}

t_exit() {
	want=$1 desc=$2
	shift 2
	t_run "$@"
	if [ "$rc" -eq "$want" ]; then
		t_pass "$desc"
	else
		t_fail "$desc" "command: $*" "exit $rc, want $want" "stderr: $err" \
			"stdout: $(printf '%s' "$out" | head -5)"
	fi
}

t_eq() {
	if [ "$2" = "$3" ]; then
		t_pass "$1"
	else
		t_fail "$1" "got:  $2" "want: $3"
	fi
}

t_grep() {
	if printf '%s\n' "$3" | grep -Eq -- "$2"; then
		t_pass "$1"
	else
		t_fail "$1" "no match for: $2" "in: $(printf '%s' "$3" | head -8)"
	fi
}

t_cmp() {
	if cmp -s "$2" "$3"; then
		t_pass "$1"
	else
		t_fail "$1" "$(diff "$3" "$2" | head -12)"
	fi
}

t_skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# The test oracle for resident ID numbers, written from GB 11643 / ISO
# 7064 MOD 11-2 and not from libedu/valid.c: number the 18 characters
# from the right, 1 to 18, give character i the weight 2^(i-1) mod 11,
# and the check character (i = 1, X for 10) is the one that makes the
# weighted sum 1 mod 11.  For awk programs: "$id_awk"' ... id_check(s17)'.
id_awk='function id_check(s,   i, w, t) {
	w = 1; t = 0
	for (i = 17; i >= 1; i--) { w = w * 2 % 11; t += substr(s, i, 1) * w }
	t = (12 - t % 11) % 11
	return t == 10 ? "X" : t
}'
# 17 digits and their check character.
id18() { printf '%s\n' "$1" | awk "$id_awk"' { print $0 id_check($0) }'; }

# The registers, events and audit log, for "nothing written" checks: the
# whole content but the run ledger, which records refused runs too
# (DESIGN 11); of $EDU_DB or the file named.  db_bytes is the file and
# its log, byte for byte.
db_sum() {
	sqlite3 "${1:-$EDU_DB}" .dump | grep -v -e '^INSERT INTO run ' \
		-e "^INSERT INTO sqlite_sequence VALUES('run'," | cksum
}
db_bytes() { cat "$EDU_DB" "$EDU_DB-wal" 2>/dev/null | cksum; }

# A fresh database with the sample schools and the calendar.
sample_db() {
	rm -f "$EDU_DB" "$EDU_DB-wal" "$EDU_DB-shm"
	edu-db -q init &&
	edu-db -q calendar import "$examples/calendar.csv" &&
	edu-school -q import "$examples/schools.csv"
}

# t_unchanged DESC N CMD...: an import that finds its N records as they
# are: exit 0, "0 inserted, 0 updated, N unchanged", and no audit row.
t_unchanged() {
	u_desc=$1 u_n=$2
	shift 2
	a0=$(sqlite3 "$EDU_DB" "SELECT count(*) FROM audit")
	t_exit 0 "$u_desc" "$@"
	t_grep "... changes nothing" " 0 inserted, 0 updated, $u_n unchanged, 0 rejected" "$err"
	t_eq "... and writes no audit row" "$(sqlite3 "$EDU_DB" "SELECT count(*) FROM audit")" "$a0"
}

# A python3 with openpyxl, a reader and writer of workbooks we did not
# write, in $py; empty when there is none (the test then skips, saying so).
find_openpyxl() {
	py=
	for p in python3 /usr/bin/python3; do
		if "$p" -c 'import openpyxl' 2>/dev/null; then py=$p; return; fi
	done
}

done_testing() {
	echo "1..$n"
	[ "$failed" -eq 0 ]
}
