#!/bin/sh
# daily-petitions.sh DB [DATE] - the petition cases overdue and due within
# 3 days, mailed to each department that has one, and the whole lists to
# the general office; nothing at all on a day with nothing to say.
#
#   15 7 * * 1-5  sh /usr/local/share/edu/daily-petitions.sh /var/lib/edu/edu.db
#
# DATE (default: today) is for re-running a missed morning.  A
# department's address is on its line of $PETITION_ADDRESSES, a file of
# "department<TAB>address" lines; a department without one, and the
# whole lists, go to $PETITION_OFFICE.  Without mail(1) the messages are
# printed, for cron to mail to its MAILTO.
set -u
db=${1:?usage: daily-petitions.sh DB [DATE]}
on=${2:-$(date +%F)}
office=${PETITION_OFFICE:-office@jw.example.gov.cn}
addresses=${PETITION_ADDRESSES:-/dev/null}
status=0

send() {	# send TO SUBJECT < BODY
	if command -v mail >/dev/null; then
		mail -s "$2" "$1"
	else
		printf 'To: %s\nSubject: %s\n\n' "$1" "$2"
		cat
		echo
	fi
}

# The two lists for one department (or, with no argument, for all) on
# stdout; exit 1 when both are empty, above 1 on an error.
lists() {
	over=$(edu-petition -q --db="$db" --on="$on" overdue ${1+--dept="$1"}); orc=$?
	soon=$(edu-petition -q --db="$db" --on="$on" due --within 3 ${1+--dept="$1"}); drc=$?
	[ "$orc" -gt 1 ] && return "$orc"
	[ "$drc" -gt 1 ] && return "$drc"
	[ "$orc" -eq 1 ] && [ "$drc" -eq 1 ] && return 1
	[ "$orc" -eq 0 ] && printf '逾期 overdue:\n%s\n\n' "$over"
	[ "$drc" -eq 0 ] && printf '3日内到期 due within 3 days:\n%s\n' "$soon"
	return 0
}

report() {	# report TO SUBJECT [DEPT]
	to=$1 subject=$2
	shift 2
	body=$(lists "$@")
	rc=$?
	if [ "$rc" -eq 0 ]; then
		printf '%s\n' "$body" | send "$to" "$subject"
	elif [ "$rc" -gt 1 ]; then
		status=$rc
	fi
}

# The departments of the open cases: the 12th column of the listing.
for s in received assigned accepted; do
	edu-petition -q --db="$db" -f tsv list --status "$s" | tail -n +2 | cut -f12
done | sort -u | while IFS= read -r dept; do
	[ -n "$dept" ] || continue
	to=$(awk -F '\t' -v d="$dept" '$1 == d { print $2; exit }' "$addresses")
	report "${to:-$office}" "信访督办 $on: $dept" "$dept"
	# A failure inside the pipe's subshell is remembered in the exit
	# status of the loop.
	[ "$status" -eq 0 ] || exit "$status"
done || status=$?
report "$office" "信访督办 $on: 全部 all departments"
exit "$status"
