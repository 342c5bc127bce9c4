#!/bin/sh
# Roles (DESIGN 7): a user with no role can do nothing; each role does
# only its own work; file modes are respected.  Needs root to make a real
# second user; otherwise the tests say why they skip.
. "$(dirname "$0")/lib.sh"

edu-db -q init
edu-school -q import "$examples/schools.csv"
t_exit 0 "the admin may do everything" edu-school list

u=edutest$$
if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	for d in "no role: 77" "auditor reads" "auditor may not write" "registrar writes" \
		 "registrar may not read the audit log" "file mode 0660 keeps others out"; do
		t_skip "$d" "needs root, useradd and runuser to make a second user"
	done
	done_testing
	exit
fi
useradd -M -N -s /bin/sh "$u" || { echo "Bail out! useradd failed"; exit 1; }
trap 'userdel "$u" 2>/dev/null; rm -rf "$tmp"' EXIT
as() { runuser -u "$u" -- env EDU_DB="$EDU_DB" PATH="$PATH" "$@"; }

# Let the other user open the file, so that only the role decides.
chmod 0777 "$tmp"
chmod 0666 "$EDU_DB" "$EDU_DB"-wal "$EDU_DB"-shm 2>/dev/null

t_exit 77 "a user with no role can do nothing" as edu-school list
t_grep "... and is told so" "has no role in this database" "$err"
t_exit 77 "... not even read the settings" as edu-db config list

edu-db user add "$u" auditor
t_exit 0 "an auditor reads the schools" as edu-school list
t_exit 0 "... and the audit log" as edu-db log
t_exit 0 "... and may query" as edu-db query "SELECT count(*) FROM school"
t_exit 77 "... but may not import" as edu-school import --upsert "$examples/schools.csv"
t_grep "... and is told which role it needs" "needs one of the roles admin registrar" "$err"
t_exit 77 "... nor change settings" as edu-db config set bureau.name x

edu-db user add "$u" registrar
t_exit 0 "a registrar imports schools" as edu-school import --upsert "$examples/schools.csv"
t_exit 0 "... sets licences" as edu-school licence set 2111010206 --number N1 --issued 2021-12-15 --expires 2026-12-15
t_exit 77 "... but may not read the audit log" as edu-db log
t_exit 77 "... nor run queries" as edu-db query "SELECT 1"
t_exit 77 "... nor add users" as edu-db user add "$u" admin
t_grep "... which only an admin may do" "that needs the role admin$" "$err"
t_exit 0 "the audit names the real user" edu-db log --user "$u"

edu-db user add "$u" petitions
t_exit 0 "a petitions clerk may read schools" as edu-school list
t_exit 77 "... but may not change them" as edu-school licence set 2111010206 --number N2 --issued 2021-12-15 --expires 2026-12-15

# File modes: a file the user may not read or write.
chmod 0660 "$EDU_DB"
t_exit 77 "a database file the user may not open" as edu-school list
chmod 0644 "$EDU_DB"
t_exit 77 "a database file the user may only read: no writing" as edu-school licence set 2111010206 --number N3 --issued 2021-12-15 --expires 2026-12-15

# EDU_DB from the environment is ignored by a setgid binary.
cp "$EDU_BIN/edu-school" "$tmp/sg-edu-school"
chgrp "$(id -gn)" "$tmp/sg-edu-school" && chmod 2755 "$tmp/sg-edu-school"
mkdir "$tmp/elsewhere"
t_run runuser -u "$u" -- sh -c "cd '$tmp/elsewhere' && EDU_DB='$EDU_DB' '$tmp/sg-edu-school' list"
t_grep "a setgid binary ignores EDU_DB: it opens the installed database (SYSTEM_DB)" "no such database '/[^']*'" "$err"
t_run runuser -u "$u" -- sh -c "cd '$tmp/elsewhere' && EDU_DB='$EDU_DB' '$EDU_BIN/edu-school' list"
t_eq "... where a plain one takes it" "$rc" 0

done_testing
