#!/bin/sh
# edu-db check: what it must find (issue 14, points 7 and 11) - dropped
# triggers and other schema changes, an emptied audit log, rows cut off
# the end of the chain (against a kept head), a damaged page; and query's
# refused functions.
. "$(dirname "$0")/lib.sh"

sample_db
t_exit 0 "a sample database passes" edu-db check
t_grep "... naming the schema" "the schema and the audit chain hold" "$err"

# The append-only triggers dropped, nothing else touched.
cp "$EDU_DB" "$tmp/t.db"
sqlite3 "$tmp/t.db" "DROP TRIGGER audit_no_update"
t_exit 1 "a dropped trigger fails the check" edu-db -d "$tmp/t.db" check
t_eq "... naming it" "$out" "schema: trigger audit_no_update of schema version $(sqlite3 "$EDU_DB" 'PRAGMA user_version') is missing"

# A trigger changed to do nothing, an index dropped, a table added.
cp "$EDU_DB" "$tmp/t.db"
sqlite3 "$tmp/t.db" "DROP TRIGGER audit_no_delete;
	CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END;
	CREATE TABLE extra(x)"
t_exit 1 "a changed trigger and an extra table fail the check" edu-db -d "$tmp/t.db" check
t_grep "... the trigger named as changed" "^schema: trigger audit_no_delete differs" "$out"
t_grep "... the table as extra" "^schema: table extra is not part of" "$out"

# The audit log emptied (triggers dropped first, as an attacker would).
cp "$EDU_DB" "$tmp/t.db"
sqlite3 "$tmp/t.db" "DROP TRIGGER audit_no_delete; DELETE FROM audit;
	CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END" 2>/dev/null
sql=$(sqlite3 "$EDU_DB" "SELECT sql FROM sqlite_master WHERE name = 'audit_no_delete'")
sqlite3 "$tmp/t.db" "DROP TRIGGER audit_no_delete; $sql"
t_exit 1 "an emptied audit log fails the check" edu-db -d "$tmp/t.db" check
t_eq "... saying so, and nothing else" "$out" "audit: the log is empty (init writes its first row): rows were removed"

# The head kept in a file catches rows cut off the end.
t_exit 0 "check --head keeps the head" edu-db -q check --head "$tmp/heads"
t_eq "... even with -q, nothing on stderr" "$err" ""
head=$(sqlite3 "$EDU_DB" "SELECT id || ' ' || hash FROM audit ORDER BY id DESC LIMIT 1")
t_grep "... as TIME ID HASH" "^[0-9T:-]+Z $head\$" "$(cat "$tmp/heads")"
t_exit 0 "a second check against the kept head passes" edu-db -q check --head "$tmp/heads"
t_eq "... and appends a line" "$(wc -l < "$tmp/heads" | tr -d ' ')" 2
edu-db -q user add someone auditor
cp "$EDU_DB" "$tmp/cut.db"
drop=$(sqlite3 "$EDU_DB" "SELECT sql FROM sqlite_master WHERE name = 'audit_no_delete'")
sqlite3 "$tmp/cut.db" "DROP TRIGGER audit_no_delete;
	DELETE FROM audit WHERE id = (SELECT max(id) FROM audit); $drop"
t_exit 0 "without the head, a cut tail is not seen" edu-db -d "$tmp/cut.db" check
edu-db -q check --head "$tmp/heads"
lines=$(wc -l < "$tmp/heads")
sqlite3 "$tmp/cut.db" "DROP TRIGGER audit_no_delete;
	DELETE FROM audit WHERE id = (SELECT max(id) FROM audit); $drop"
t_exit 1 "with the kept head, a cut tail fails the check" edu-db -d "$tmp/cut.db" check --head "$tmp/heads"
t_grep "... naming the kept row" "^audit row [0-9]+: the kept head is missing" "$out"
t_eq "... and keeps no new head" "$(wc -l < "$tmp/heads")" "$lines"
t_exit 1 "the check fails again the next night" edu-db -q -d "$tmp/cut.db" check --head "$tmp/heads"

# A cut tail written again: the kept row's hash differs.
sqlite3 "$tmp/cut.db" "DROP TRIGGER audit_no_delete;
	DELETE FROM audit WHERE id >= (SELECT max(id) FROM audit) - 1; $drop"
EDU_DB="$tmp/cut.db" edu-db -q user add forger auditor
t_exit 1 "a tail cut and written again fails against the kept head" edu-db -d "$tmp/cut.db" check --head "$tmp/heads"
t_grep "... as a different hash" "^audit row [0-9]+: (its hash is not the kept head's|the kept head is missing)" "$out"

t_exit 65 "a head file that is not one is refused" sh -c 'echo junk > bad; edu-db check --head bad'
t_grep "... with the line" "^edu-db: bad:1: not a head" "$err"
ln -s "$EDU_DB" "$tmp/link"
t_exit 73 "--head through a symbolic link is refused" edu-db check --head "$tmp/link"
t_exit 73 "--head at the database is refused" edu-db check --head "$EDU_DB"

# A damaged page: the check's answer is no (exit 1), not refused input.
damage() {	# FILE PAGE...: random bytes over those pages
	f=$1; shift
	size=$(sqlite3 "$f" "PRAGMA page_size")
	sqlite3 "$f" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
	for p; do
		dd if=/dev/urandom of="$f" bs="$size" seek=$((p - 1)) count=1 conv=notrunc 2>/dev/null
	done
}
cp "$EDU_DB" "$tmp/bad.db"
damage "$tmp/bad.db" 3 4 5 6
t_exit 1 "damaged first pages fail the check with exit 1" edu-db -d "$tmp/bad.db" check
t_grep "... saying the file is damaged" "malformed" "$err"
cp "$EDU_DB" "$tmp/bad.db"
damage "$tmp/bad.db" "$(sqlite3 "$tmp/bad.db" "PRAGMA page_count")"
t_exit 1 "a damaged last page fails the check with exit 1" edu-db -d "$tmp/bad.db" check
t_grep "... and says what is wrong" "^integrity: " "$out"

# query: functions that are refused are refused input (65), not a bug.
for f in "load_extension('x')" "zeroblob(10)" "randomblob(5)"; do
	t_exit 65 "query refuses $f" edu-db query "SELECT $f"
	t_grep "... with a clear message" "not allowed" "$err"
done
t_exit 65 "a query building a huge string is refused input" edu-db query \
	"WITH RECURSIVE r(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM r LIMIT 40) SELECT length(s) FROM r"
t_grep "... too big" "too big" "$err"

done_testing
