#!/bin/sh
# Access and tamper.  The tools installed with `make install DESTDIR=...
# SETGID=GROUP` into a scratch root and run as real users made for the
# test: a user with no role gets 77 from every verb; a registrar cannot
# read petitions or personnel records; an auditor reads but cannot
# change; the setgid tools ignore EDU_DB; a user outside the group
# cannot open the database file directly.  An audit row changed or
# deleted by hand (sqlite3, triggers dropped) is found by `edu-db check`
# (exit 1, the first broken row named).  Needs root for the users.
. "$(dirname "$0")/lib.sh"

tamper() {
	sample_db
	for i in 1 2 3 4 5 6 7 8; do
		edu-db -q config set bureau.name "教育局$i" || return 1
	done
	cp "$EDU_DB" clean.db
	t_exit 0 "an untouched audit log checks" edu-db check
	sqlite3 "$EDU_DB" "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;
		UPDATE audit SET change = replace(change, '教育局5', '教育局9') WHERE id = (SELECT max(id) - 3 FROM audit)"
	id=$(sqlite3 "$EDU_DB" "SELECT max(id) - 3 FROM audit")
	t_exit 1 "a changed audit row: edu-db check exits 1" edu-db check
	t_grep "... naming the row" "^audit row $id: its hash does not match" "$out"
	t_eq "... first" "$(printf '%s\n' "$out" | head -1 | cut -d: -f1)" "audit row $id"
	cp clean.db "$EDU_DB"; rm -f "$EDU_DB-wal" "$EDU_DB-shm"
	sqlite3 "$EDU_DB" "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 4"
	t_exit 1 "a deleted audit row: edu-db check exits 1" edu-db check
	t_grep "... naming the row after the gap" "^audit row 5: the chain is broken" "$out"
	cp clean.db "$EDU_DB"; rm -f "$EDU_DB-wal" "$EDU_DB-shm"
	sqlite3 "$EDU_DB" "DROP TRIGGER audit_no_update; UPDATE audit SET user = 'someone' WHERE id = 2"
	t_exit 1 "a row's user changed: found" edu-db check
	t_grep "... as row 2" "^audit row 2:" "$out"
	cp clean.db "$EDU_DB"; rm -f "$EDU_DB-wal" "$EDU_DB-shm"
	t_run sqlite3 "$EDU_DB" "UPDATE audit SET user = 'someone' WHERE id = 2"
	t_grep "with the triggers in place the log cannot be changed" "append-only" "$rc $err"
	t_run sqlite3 "$EDU_DB" "DELETE FROM audit WHERE id = 2"
	t_grep "... nor rows deleted" "append-only" "$rc $err"
}
tamper

if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null ||
   ! command -v groupadd >/dev/null; then
	t_skip "access as real users" "needs root, useradd, groupadd and runuser"
	figure access "skipped: needs root"
	done_testing
	exit
fi

g=edusg$$ u=edus$$
groupadd "$g" || { echo "Bail out! groupadd failed"; exit 1; }
for s in n r a p o; do
	useradd -M -N -s /bin/sh "$u$s" || { echo "Bail out! useradd failed"; exit 1; }
done
trap 'for s in n r a p o; do userdel "$u$s" 2>/dev/null; done; groupdel "$g" 2>/dev/null; rm -rf "$tmp"' EXIT
# Killed (or its output cut short), it still takes its users away.
trap 'exit 1' HUP INT TERM PIPE

# The plain build, also under SANITIZE=1: LeakSanitizer cannot run in a
# setgid process (not dumpable, it cannot read its own /proc entries).
# Its own build directory, with the installed database in the scratch
# root compiled in; the plain build's objects, when there, spare
# compiling all again (SYSTEM_DB goes into priv.o alone).
root=$tmp/root
data=$root/var/lib/edu
build=$tmp/build
[ -d "$top/build/out/libedu" ] && cp -a "$top/build/out" "$build"
t_exit 0 "make install B SYSTEM_DB DESTDIR SETGID=$g" make -s -C "$top" SANITIZE= B="$build" \
	SYSTEM_DB="$data/edu.db" install DESTDIR="$root" PREFIX=/usr SETGID="$g"
bin=$root/usr/bin
mkdir -p "$data" && chgrp "$g" "$data" && chmod 2770 "$data"
t_exit 0 "the admin makes the database with the installed edu-db" "$bin/edu-db" -q -d "$data/edu.db" init
"$bin/edu-db" -q -d "$data/edu.db" calendar import "$examples/calendar.csv"
"$bin/edu-school" -q -d "$data/edu.db" import "$examples/schools.csv"
"$bin/edu-petition" -q -d "$data/edu.db" new --kind XF --received 2026-02-01 --petitioner 张三 \
	--subject 学位问题 --channel letter --category claim >/dev/null
"$bin/edu-cadre" -q -d "$data/edu.db" import /dev/stdin <<'CSV'
staff_no,id_number,name,sex,birth_date,unit,category,hired_on
S001,110101197001011238,李四,M,1970-01-01,2111010209,teacher,1992-09-01
CSV
t_eq "the database is mode 0660, group $g" "$(stat -c '%a %G' "$data/edu.db")" "660 $g"
"$bin/edu-db" -q -d "$data/edu.db" user add "${u}r" registrar
"$bin/edu-db" -q -d "$data/edu.db" user add "${u}a" auditor
"$bin/edu-db" -q -d "$data/edu.db" user add "${u}p" petitions
chmod 0755 "$tmp"
mkdir "$tmp/elsewhere" && chmod 0777 "$tmp/elsewhere"
# as USER-SUFFIX CMD...: in a directory of no database, with EDU_DB
# pointing at the real one (which the setgid tools must ignore).
as() {
	s=$1; shift
	runuser -u "$u$s" -- sh -c 'cd "$1" && shift && umask 077 && exec "$@"' sh "$tmp/elsewhere" \
		env EDU_DB="$data/edu.db" "$@"
}
db="--db=$data/edu.db"

# No role: every verb of every tool, 77.
verbs=0 not77=0
for t in $STRESS_TOOLS; do
	"$bin/$t" --help | sed -n 's/^  \([a-z][a-z-]*\( [a-z][a-z-]*\)\?\)  .*/\1/p' >verbs.txt
	while read -r v; do
		[ "$t $v" = "edu-db init" ] && continue
		verbs=$((verbs + 1))
		# Arguments are checked before access: give what it asks.
		for a in "" x "x x" "x x x"; do
			t_run as n "$bin/$t" "$db" $v $a </dev/null
			[ "$rc" -eq 64 ] && printf '%s' "$err" | grep -q "too few arguments" || break
		done
		[ "$rc" -eq 77 ] || { not77=$((not77 + 1)); echo "# $t $v: exit $rc: $err"; }
	done <verbs.txt
done
t_eq "a user with no role gets 77 from every verb ($verbs)" "$not77" 0
t_grep "... and is told why" "has no role in this database" "$err"

t_exit 0 "a registrar reads schools" as r "$bin/edu-school" "$db" list
t_exit 0 "... and writes them" as r "$bin/edu-school" "$db" import --upsert "$examples/schools.csv"
t_exit 77 "... but may not read petitions" as r "$bin/edu-petition" "$db" list
t_exit 77 "... nor one petition" as r "$bin/edu-petition" "$db" show XF-2026-00001
t_exit 77 "... nor personnel records" as r "$bin/edu-cadre" "$db" list
t_exit 77 "... nor one person" as r "$bin/edu-cadre" "$db" show S001
t_exit 77 "... nor the audit log" as r "$bin/edu-db" "$db" log
t_exit 77 "... nor run queries" as r "$bin/edu-db" "$db" query "SELECT * FROM petition"
t_exit 0 "a petitions clerk reads petitions" as p "$bin/edu-petition" "$db" list
t_exit 77 "... but not personnel records" as p "$bin/edu-cadre" "$db" list
t_exit 0 "an auditor reads petitions" as a "$bin/edu-petition" "$db" list
t_exit 0 "... personnel records" as a "$bin/edu-cadre" "$db" show S001
t_exit 0 "... and the audit log" as a "$bin/edu-db" "$db" log
t_exit 77 "... but may not register a petition" as a "$bin/edu-petition" "$db" new --kind XF \
	--received 2026-02-01 --petitioner 王五 --subject 学位 --channel letter --category claim
t_exit 77 "... nor import schools" as a "$bin/edu-school" "$db" import --upsert "$examples/schools.csv"
t_exit 77 "... nor change a setting" as a "$bin/edu-db" "$db" config set bureau.name x
t_exit 77 "... nor give itself a role" as a "$bin/edu-db" "$db" user add "${u}a" admin
t_exit 77 "... nor write through query" as a "$bin/edu-db" "$db" query "DELETE FROM school"
t_eq "... the schools are all there" "$("$bin/edu-db" -d "$data/edu.db" query 'SELECT count(*) FROM school' | tail -1)" \
	"$(sed 1d "$examples/schools.csv" | wc -l)"

nschools=$("$bin/edu-db" -d "$data/edu.db" query 'SELECT count(*) FROM school' | tail -1)
t_exit 0 "the setgid tools ignore EDU_DB" as r "$bin/edu-school" list
t_eq "... and open the installed database without --db" "$(printf '%s\n' "$out" | sed 1d | wc -l)" "$nschools"
t_run as r env EDU_BUSY_TIMEOUT=soon "$bin/edu-school" "$db" list
t_eq "... and EDU_BUSY_TIMEOUT" "$rc:$(printf '%s' "$err" | grep -c EDU_BUSY_TIMEOUT)" "0:0"
t_run env EDU_BUSY_TIMEOUT=soon "$EDU_BIN/edu-school" -d "$EDU_DB" list
t_grep "... which a plain build reads (and refuses)" "EDU_BUSY_TIMEOUT: 'soon' is not milliseconds" "$err"
t_exit 0 "a write by a user with umask 077 ..." as r "$bin/edu-school" "$db" licence set 2111010206 \
	--number N9 --issued 2021-12-15 --expires 2026-12-15
t_exit 0 "... leaves files every group member's tool can open" as a "$bin/edu-school" "$db" list
t_eq "... the database is still 0660" "$(stat -c '%a %G' "$data/edu.db")" "660 $g"

# The group's rights open the installed database and nothing else
# (issue 14, points 1-3).  A user with no role, with a database of
# their own, tries to read a group-only file, to make a tool write at
# the installed database's paths, and to swap a backup's target for a
# link to it.
printf 'school_code,name,kind,ownership,district,status\n2111019999,机密学校,primary,public,西城区,open\n' >"$data/secret.csv"
chmod 0640 "$data/secret.csv"
t_exit 0 "a user with no role makes a database of their own" as n "$bin/edu-db" -q -d mine.db init
t_exit 66 "... cannot import a group-only file into it" as n "$bin/edu-school" -d mine.db import "$data/secret.csv"
t_grep "... told it cannot be opened" "cannot open '.*secret.csv': Permission denied" "$err"
t_eq "... nothing of it in their database" "$(sqlite3 "$tmp/elsewhere/mine.db" "SELECT count(*) FROM school")" 0
t_exit 66 "... nor can a registrar into the installed one" as r "$bin/edu-school" "$db" import "$data/secret.csv"
# (Read through the tools: sqlite3 would remove the kept -wal and -shm.)
live() { "$bin/edu-db" -d "$data/edu.db" query "$1" | sed 1d; }
before=$(live "SELECT login, role FROM user ORDER BY login" | cksum)
for f in edu.db edu.db-wal edu.db-shm edu.db-journal planted.csv; do
	t_exit 73 "... nor --reject $f through their own database" as n "$bin/edu-school" -d mine.db \
		import --reject "$data/$f" "$examples/schools.csv"
	t_exit 73 "... nor a registrar --reject $f through the installed one" as r "$bin/edu-school" "$db" \
		import --upsert --reject "$data/$f" "$examples/schools.csv"
	t_exit 73 "... nor an auditor back it up to $f" as a "$bin/edu-db" "$db" backup "$data/$f"
	t_exit 73 "... nor back their own up to $f" as n "$bin/edu-db" -d mine.db backup "$data/$f"
done
t_exit 1 "... no -journal was made" test -e "$data/edu.db-journal"
t_exit 1 "... nor any other file" test -e "$data/planted.csv"
t_eq "... the -wal and -shm are still the owner's" "$(stat -c '%U %a' "$data/edu.db-wal" "$data/edu.db-shm" | sort -u)" "root 660"
# The swap: between making the target and writing it, a link to the
# installed database takes its place (it took the old backup under a
# second).  A backup writes only into what it made.
as n sh -c 'end=$(($(date +%s) + 3)); while [ "$(date +%s)" -lt "$end" ]; do
	rm -f b.db; ln -s "$1" b.db 2>/dev/null; done' sh "$data/edu.db" &
racer=$!
tries=0
while [ $tries -lt 40 ] && kill -0 "$racer" 2>/dev/null; do
	as n "$bin/edu-db" -q -d mine.db backup b.db 2>/dev/null
	tries=$((tries + 1))
done
wait "$racer"
t_eq "backups raced with a link to the installed database ($tries): its users unchanged" \
	"$(live "SELECT login, role FROM user ORDER BY login" | cksum)" "$before"
t_exit 0 "... and it checks" "$bin/edu-db" -d "$data/edu.db" check
t_exit 0 "a registrar still writes to the installed database" as r "$bin/edu-school" "$db" \
	import --upsert "$examples/schools.csv"
t_exit 0 "... without --db" as r "$bin/edu-school" licence set 2111010206 \
	--number N10 --issued 2021-12-15 --expires 2026-12-15
t_eq "... the change is there" "$(live "SELECT number FROM licence WHERE school_code = '2111010206'")" N10

# Whoever owns the -wal can write pages into the database: it must be
# the database owner's, and only the owner's run makes a missing one.
rm -f "$data/edu.db-wal" "$data/edu.db-shm"
t_exit 77 "a missing -wal: a registrar's tool refuses" as r "$bin/edu-school" "$db" list
t_grep "... saying who must open it" "edu.db-wal' is missing: the database's owner" "$err"
t_exit 0 "... the owner's run makes it" "$bin/edu-school" -d "$data/edu.db" list
t_exit 0 "... and then the registrar's works" as r "$bin/edu-school" "$db" list
chown "${u}n" "$data/edu.db-wal"
t_exit 77 "a -wal of another user: refused" as r "$bin/edu-school" "$db" list
t_grep "... saying so" "edu.db-wal' is not the database owner's file" "$err"
chown root "$data/edu.db-wal"

t_exit 1 "a user outside the group cannot open the file with sqlite3" \
	runuser -u "${u}o" -- sqlite3 "$data/edu.db" "SELECT count(*) FROM audit"
t_exit 1 "... nor read it" runuser -u "${u}o" -- cat "$data/edu.db"
t_exit 77 "... and the tools say 77 to a role-less one" as o "$bin/edu-school" "$db" list
t_exit 0 "the database checks at the end" "$bin/edu-db" -d "$data/edu.db" check

figure access "verbs_without_role=$verbs not_77=$not77 failures=$failed"
done_testing
