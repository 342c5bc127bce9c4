#!/bin/sh
# The files the tools write (issue 14, points 1, 2, 4 and 6; edu(7)
# SECURITY): --reject and backup targets are made exclusively, never at
# the database's own paths, never by a dry run; rejected rows are safe on
# disk before the commit, and a failed write commits nothing; a killed
# backup or init leaves nothing under the name, or a whole database.
. "$(dirname "$0")/lib.sh"

sample_db || exit 1
cat >bad.csv <<'CSV'
school_code,name,kind,ownership,district,status
2111019901,新建学校一,primary,public,西城区,open
21110199,短代码学校,primary,public,西城区,open
2111019902,新建学校二,primary,public,西城区,open
CSV
schools() { sqlite3 "$EDU_DB" "SELECT count(*) FROM school"; }
n0=$(schools)

# Point 2: --reject at the database or one of its files.
sum=$(db_sum)
t_exit 73 "--reject at the database: refused" edu-school import --reject "$EDU_DB" bad.csv
t_grep "... saying why" "cannot create '.*edu.db': it is the database or one of its files" "$err"
t_eq "... the database is untouched" "$(db_sum)" "$sum"
t_exit 0 "... and still opens" edu-school list
for f in wal shm; do
	t_exit 73 "--reject at the database's -$f: refused" edu-school import \
		--reject "$EDU_DB-$f" bad.csv
done
t_exit 73 "--reject at the database's -journal, which is missing: refused" \
	edu-school import --reject "$EDU_DB-journal" bad.csv
t_exit 1 "... and not made" test -e "$EDU_DB-journal"
t_exit 73 "... also when named through another path" edu-school import \
	--reject "$tmp/./sub/../edu.db-shm" bad.csv 2>/dev/null
mkdir sub
t_exit 73 "... through ./sub/.." edu-school import --reject "sub/../edu.db-shm" bad.csv
ln -s "$tmp" link
t_exit 73 "... through a linked directory" edu-school import --reject "link/edu.db-wal" bad.csv
t_eq "... no row went in" "$(schools)" "$n0"

cp bad.csv input.csv
t_exit 73 "--reject at the input: refused" edu-school import --reject input.csv input.csv
t_eq "... the input is untouched" "$(cksum <input.csv)" "$(cksum <bad.csv)"
echo keep >old.csv
t_exit 73 "--reject at a file that exists: refused" edu-school import --reject old.csv bad.csv
t_eq "... it is untouched" "$(cat old.csv)" keep
ln -s "$tmp/made-through-link.csv" dangling.csv
t_exit 73 "--reject at a dangling link: refused" edu-school import --reject dangling.csv bad.csv
t_exit 1 "... nothing made where it points" test -e made-through-link.csv
t_exit 73 "--reject /dev/full: refused (it exists)" edu-school import --reject /dev/full bad.csv
t_eq "... no row went in" "$(schools)" "$n0"

t_exit 1 "--dry-run --reject: the rows are checked (exit 1)" edu-school -n import --reject dry.csv bad.csv
t_exit 1 "... but no reject file is made" test -e dry.csv
t_exit 73 "... a dry run refuses what a run would" edu-school -n import --reject old.csv bad.csv
t_exit 73 "... in a directory that is not there too" edu-school -n import --reject no/such/dir.csv bad.csv
t_eq "... no row went in" "$(schools)" "$n0"

t_exit 1 "--reject takes the good rows" edu-school import --reject rej.csv bad.csv
t_eq "... the bad one is in the reject file" "$(sed 1d rej.csv | cut -d, -f1)" 21110199
t_eq "... the good ones went in" "$(schools)" "$((n0 + 2))"
t_exit 73 "... run again, the reject file is not overwritten" edu-school import --reject rej.csv bad.csv
ls -a >ls.txt
t_eq "no file left behind by the runs" "$(grep '^\.' ls.txt | grep -vc '^\.\.\?$\|^\.out$\|^\.err$')" 0

# The other writers of --reject: edu-exam's imports, edu-cert issue.
# (Each part starts from a fresh database, so that one that fails does
# not hide the next.)
sample_db || exit 1
sum=$(db_sum)
t_exit 73 "edu-exam import --reject at the database: refused" edu-exam import \
	--reject "$EDU_DB" --year 2026 /dev/null
t_exit 73 "edu-cert issue --reject at the -journal: refused" edu-cert issue --kind junior \
	--reject "$EDU_DB-journal" G110102200807200629
t_exit 1 "... and not made" test -e "$EDU_DB-journal"
t_eq "... the database is untouched" "$(db_sum)" "$sum"

# Point 4: the reject file cannot be written: nothing is committed.  A
# file size limit makes the write fail (EFBIG) as a full disk would.
sample_db || exit 1
awk 'NR == 1 { print; print "2111019903,新建学校三,primary,public,西城区,open"; next } END {
	for (i = 0; i < 8000; i++) printf "211101%04d,坏学校%d,nosuchkind,public,西城区,open\n", 9000 + i, i
}' bad.csv >many.csv
sum=$(db_sum)
t_run sh -c 'trap "" XFSZ; ulimit -f 256; exec edu-school import --reject full.csv many.csv'
t_eq "a reject file that cannot be written: exit 74" "$rc" 74
t_grep "... saying why" "cannot write 'full.csv'" "$err"
t_grep "... and that nothing was written" "nothing written" "$err"
t_eq "... the good row is not committed" "$(schools)" "$n0"
t_exit 1 "... no partial reject file is left" test -e full.csv
t_eq "... the audit log has no row of it" "$(sqlite3 "$EDU_DB" "SELECT count(*) FROM audit WHERE key = '2111019903'")" 0
t_exit 1 "... with room, the same run goes in" edu-school import --reject full.csv many.csv
t_eq "... the good row committed" "$(schools)" "$((n0 + 1))"
t_eq "... the bad rows in the reject file" "$(sed 1d full.csv | wc -l)" 8000

# Point 1: backup writes only what it made, never at the database.
sample_db || exit 1
t_exit 73 "backup at the database: refused" edu-db backup "$EDU_DB"
for f in wal shm journal; do
	t_exit 73 "backup at the database's -$f: refused" edu-db backup "$EDU_DB-$f"
done
ln -s "$tmp/through.db" dangling.db
t_exit 73 "backup at a dangling link: refused" edu-db backup dangling.db
t_exit 1 "... nothing made where it points" test -e through.db
t_exit 0 "the database checks after all this" edu-db check

# A backup killed at any moment leaves no file under its name, or a
# whole copy.  The database is padded to make the copy take a while.
sqlite3 "$EDU_DB" "CREATE TABLE pad(x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
	INSERT INTO pad SELECT randomblob(100000) FROM n"
whole=0 none=0 partial=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	rm -f bak.db
	edu-db -q backup bak.db &
	pid=$!
	sleep "0.0$(( (i * 7) % 10 ))$((i % 10))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ ! -e bak.db ]; then
		none=$((none + 1))
	elif [ "$(sqlite3 bak.db "SELECT count(*) FROM pad" 2>/dev/null)" = 400 ]; then
		whole=$((whole + 1))
	else
		partial=$((partial + 1))
	fi
done
t_eq "a killed backup: no file or a whole one (none=$none whole=$whole)" "$partial" 0
ls -a >ls.txt
t_eq "... and nothing else left behind" "$(grep '^\.' ls.txt | grep -vc '^\.\.\?$\|^\.out$\|^\.err$')" 0

# Point 6: a killed init leaves nothing, or a database that works.
bad=0 made=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	rm -f k.db k.db-wal k.db-shm k.db-journal
	edu-db -q -d k.db init &
	pid=$!
	sleep "0.00$((i % 10))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ -e k.db ] || continue
	made=$((made + 1))
	if ! edu-db -q -d k.db check >/dev/null 2>&1 || ! edu-db -q -d k.db migrate 2>/dev/null; then
		bad=$((bad + 1))
	fi
done
t_eq "a killed init: no file or one that checks and migrates ($made of 20 made)" "$bad" 0
ls -a >ls.txt
t_eq "... and nothing else left behind" "$(grep '^\.' ls.txt | grep -vc '^\.\.\?$\|^\.out$\|^\.err$')" 0

done_testing
