#!/bin/sh
# nightly-certificates.sh DB OUTBOX [DATE] - issue this year's graduates
# their certificates (junior, senior, vocational) and put the CSV for the
# print shop in OUTBOX/DATE/; one line to syslog; exit with the tools'
# worst status.
#
#   0 22 * 6-8 *  sh /usr/local/share/edu/nightly-certificates.sh /var/lib/edu/edu.db /var/spool/edu/print
#
# The batches are idempotent: a second run the same night issues nothing
# and leaves no file.  A file is never overwritten: a later run that does
# issue something writes KIND-2.csv, KIND-3.csv, ...  DATE (default:
# today) is for re-running a missed night.
set -u
db=${1:?usage: nightly-certificates.sh DB OUTBOX [DATE]}
outbox=${2:?usage: nightly-certificates.sh DB OUTBOX [DATE]}
on=${3:-$(date +%F)}
year=${on%%-*}
dir=$outbox/$on
mkdir -p "$dir" || exit 73
status=0 total=0 line=

for kind in junior senior vocational; do
	tmp=$dir/.$kind.$$
	edu-cert --db="$db" --on="$on" issue --kind "$kind" --eligible --year "$year" \
		--batch "$kind-$on" >"$tmp" 2>"$tmp.err"
	rc=$?
	[ "$rc" -gt "$status" ] && status=$rc
	if [ "$rc" -ne 0 ]; then
		cat "$tmp.err" >&2
		rm -f "$tmp" "$tmp.err"
		line="$line $kind: failed ($rc);"
		continue
	fi
	n=$(($(wc -l <"$tmp") - 1))
	[ "$n" -lt 0 ] && n=0
	if [ "$n" -gt 0 ]; then
		f=$dir/$kind.csv i=1
		while [ -e "$f" ]; do i=$((i + 1)); f=$dir/$kind-$i.csv; done
		mv "$tmp" "$f"
	else
		rm -f "$tmp"
	fi
	rm -f "$tmp.err"
	total=$((total + n))
	line="$line $kind $n;"
done

msg="certificates $on: issued$line total $total"
logger -t edu-cert -- "$msg" 2>/dev/null || printf '%s\n' "$msg" >&2
exit "$status"
