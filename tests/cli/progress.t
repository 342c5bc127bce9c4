#!/bin/sh
# The progress line (DESIGN 9, issue 18): on a terminal an import shows
# the percent of the file's bytes read, its size and the rows so far (the
# rate and the time left follow after a second: their text is
# tests/unit/test-progress.c's, since a test here must not time things);
# never when stderr is no terminal, never with -q.  The terminal is a
# pseudo-terminal from script(1).
. "$(dirname "$0")/lib.sh"

sample_db
# 1500 students, about 130 KB: more than the 64 KB read at a time, so the
# first line shows part of the file read.
awk 'BEGIN { print "student_no,id_type,id_number,name,sex,birth_date,school_code,grade,entry_date"
	for (i = 1; i <= 1500; i++)
		printf "L11010220110301%04d,passport,E%08d,学生%d,M,2011-03-01,2111010223,9,2023-09-01\n", i, i, i }' >big.csv
size=$(wc -c <big.csv | tr -d ' ')

on_tty() { script -qec "$1" /dev/null </dev/null | tr '\r' '\n'; }
if ! command -v script >/dev/null || ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
	t_skip "progress on a terminal" "script(1) is not installed or makes no terminal here"
else
	t_run on_tty "edu-enroll -n import big.csv"
	t_grep "on a terminal: percent of the bytes, the size, rows" \
		"^big\\.csv: [0-9]{1,2}% \\(65 KB of $((size / 1000)) KB\\), 1 row" "$out"
	t_grep "... then the line is cleared for the summary" \
		"$(printf '\033')\\[Kedu-enroll: " "$out"
	t_run on_tty "edu-enroll -q -n import big.csv"
	t_eq "... -q: none" "$(printf '%s\n' "$out" | grep -c '% (')" 0
	t_run on_tty "edu-enroll -n import - < big.csv"
	t_grep "... stdin from a file: its size is known too" "^-: [0-9]{1,2}% \\(65 KB of $((size / 1000)) KB\\)" "$out"
	t_run on_tty "cat big.csv | edu-enroll -n import"
	t_grep "... from a pipe: bytes and rows, no percent" "^-: 65 KB, 1 row" "$out"
	edu-enroll -q import big.csv
	t_run on_tty "edu-enroll import big.csv"
	t_grep "a message takes the progress line off first: it starts a line" \
		"^$(printf '\033')\\[Kedu-enroll: big\.csv:3: student_no: student 'L110102201103010002' exists already" "$out"
fi
t_exit 0 "stderr not a terminal" edu-enroll -n import --upsert big.csv
t_eq "... no progress line" "$(printf '%s\n' "$err" | tr '\r' '\n' | grep -c 'KB')" 0
done_testing
