#!/bin/sh
# make install and uninstall: PREFIX, DESTDIR, BINDIR, MANDIR, SETGID.
. "$(dirname "$0")/lib.sh"

case $EDU_BIN in */build/san/*) san=1 ;; *) san= ;; esac
mk() { make -s -C "$top" SANITIZE="$san" "$@"; }
root=$tmp/root

t_exit 0 "make install DESTDIR PREFIX" mk install DESTDIR="$root" PREFIX=/usr
for f in usr/bin/edu-db usr/bin/edu-school usr/share/man/man1/edu-db.1 \
	 usr/share/man/man1/edu-school.1 usr/share/man/man5/edu-csv.5 usr/share/man/man7/edu.7; do
	if [ -f "$root/$f" ]; then t_pass "installs /$f"; else t_fail "installs /$f"; fi
done
t_eq "the tools are mode 0755" "$(stat -c %a "$root/usr/bin/edu-db")" 755
for t in edu-db edu-enroll edu-cert; do
	f=usr/share/bash-completion/completions/$t
	if [ -f "$root/$f" ]; then t_pass "installs /$f (issue 18)"; else t_fail "installs /$f"; fi
done
if command -v bash >/dev/null; then
	t_eq "... which binds the tool in bash" \
		"$(bash -c '. "$1"; complete -p edu-enroll' sh "$root/usr/share/bash-completion/completions/edu-enroll")" \
		"complete -o default -F _edu_complete edu-enroll"
else
	t_skip "... which binds the tool in bash" "bash is not installed"
fi
t_exit 0 "the installed tool runs" "$root/usr/bin/edu-db" --version
t_exit 0 "make uninstall" mk uninstall DESTDIR="$root" PREFIX=/usr
t_eq "... leaves no file" "$(find "$root" -type f | wc -l)" 0

# man finds the pages where PREFIX=/usr/local puts them: the man1 ...
# folders under share/man, which man-db searches for /usr/local/bin.
t_exit 0 "make install PREFIX=/usr/local" mk install DESTDIR="$root" PREFIX=/usr/local
if command -v man >/dev/null; then
	t_exit 0 "man finds edu-enroll(1) there" man -M "$root/usr/local/share/man" -w edu-enroll
	t_eq "... the installed page" "$out" "$root/usr/local/share/man/man1/edu-enroll.1"
	t_exit 0 "... and edu-csv(5)" man -M "$root/usr/local/share/man" -w 5 edu-csv
else
	t_skip "man finds edu-enroll(1) there" "man is not installed"
fi
mk uninstall DESTDIR="$root" PREFIX=/usr/local
t_eq "... uninstall leaves no file" "$(find "$root" -type f | wc -l)" 0

t_exit 0 "BINDIR and MANDIR" mk install DESTDIR="$root" BINDIR=/opt/edu/bin MANDIR=/opt/edu/man
t_exit 0 "... put the files there" test -x "$root/opt/edu/bin/edu-school" -a -f "$root/opt/edu/man/man7/edu.7"
mk uninstall DESTDIR="$root" BINDIR=/opt/edu/bin MANDIR=/opt/edu/man

if [ "$(id -u)" -eq 0 ]; then
	g=$(id -gn)
	t_exit 0 "SETGID=$g" mk install DESTDIR="$root" PREFIX=/usr SETGID="$g"
	t_eq "... the tools are setgid" "$(stat -c '%a %G' "$root/usr/bin/edu-school")" "2755 $g"
	mk uninstall DESTDIR="$root" PREFIX=/usr
else
	t_skip "SETGID=GROUP" "chgrp to an arbitrary group needs root"
	t_skip "... the tools are setgid" "needs root"
fi
done_testing
