#!/bin/sh
# edu-db: init, migrate, check, backup, config, users, log, calendar,
# query, runs.
. "$(dirname "$0")/lib.sh"

t_exit 66 "a missing database is refused" edu-db check
t_grep "... and the message says how to create one" "edu-db init" "$err"

t_exit 0 "init creates a database" edu-db init
t_eq "the file is mode 0660" "$(stat -c %a "$EDU_DB")" 660
t_exit 73 "init refuses an existing file" edu-db init
t_exit 0 "--db names another file" edu-db --db "$tmp/other.db" init
t_exit 73 "init refuses a file it cannot create" edu-db -d "$tmp/no/such/dir.db" init
t_exit 0 "the creator is admin" edu-db user list
t_grep "... listed as admin" "^$(id -un),admin," "$out"

t_exit 0 "check passes on a new database" edu-db check
t_grep "... and names the head of the audit chain" \
	"audit chain hold \(audit rows: 1, head $(sqlite3 "$EDU_DB" "SELECT substr(hash, 1, 16) FROM audit")\)" "$err"
t_exit 0 "config list" edu-db config list
t_grep "... shows bureau.region" "^bureau.region," "$out"
t_exit 0 "config set bureau.region" edu-db config set bureau.region 110102
t_exit 0 "config get" edu-db config get bureau.region
t_eq "... prints the value" "$out" 110102
t_exit 65 "a region that is not 6 digits is refused" edu-db config set bureau.region 1101
t_exit 64 "an unknown setting is refused" edu-db config set bureau.nmae x
t_exit 65 "a number pattern without {seq} is refused" edu-db config set cert.junior.pattern '{year}{school}'
t_exit 0 "a number pattern with {seq:N} is taken" edu-db config set cert.junior.pattern '{year}{school}{seq:5}'
t_exit 1 "config get of an unset key exits 1" edu-db config get bureau.name
t_exit 0 "a setting is set empty on purpose" edu-db config set staff.ratio.special ''
t_exit 0 "... and read back" edu-db config get staff.ratio.special
t_eq "... empty, not its default" "$out" ""
t_eq "... stored as an empty value" "$(sqlite3 "$EDU_DB" "SELECT quote(value) FROM setting WHERE key = 'staff.ratio.special'")" "''"
t_exit 0 "config unset" edu-db config unset staff.ratio.special
t_exit 0 "... the default is back" edu-db config get staff.ratio.special
t_eq "... 3" "$out" 3
t_eq "... audited, the old value kept" "$(sqlite3 "$EDU_DB" "SELECT verb || ' ' || key FROM audit ORDER BY id DESC LIMIT 1")" "config unset staff.ratio.special"
t_exit 0 "unset of a key not set does nothing" edu-db config unset staff.ratio.special
t_grep "... and says so" "was not set" "$err"
t_exit 64 "unset of an unknown key is refused" edu-db config unset bureau.nmae

t_exit 0 "user add" edu-db user add clerk registrar
t_exit 0 "user add changes a role" edu-db user add clerk auditor
t_exit 64 "an unknown role is refused" edu-db user add clerk boss
t_exit 65 "the last admin cannot be removed" edu-db user remove "$(id -un)"
t_exit 0 "user remove" edu-db user remove clerk
t_exit 1 "removing an unknown user exits 1" edu-db user remove nobody

t_exit 0 "calendar import" edu-db calendar import "$examples/calendar.csv"
t_exit 0 "calendar list --year 2026" edu-db calendar list --year 2026
t_grep "... lists the National Day holiday" "^2026-10-01,holiday$" "$out"
t_grep "... and the make-up Saturday" "^2026-10-10,workday$" "$out"
t_exit 0 "calendar due: a plain period" edu-db calendar due 2026-11-02 15
t_eq "... 15 days after 2 November" "$out" 2026-11-17
t_exit 0 "calendar due: a due day in the holiday moves on" edu-db calendar due 2026-09-16 15
t_eq "... from 1 October to 8 October" "$out" 2026-10-08
t_exit 0 "calendar due: a due Sunday moves to Monday" edu-db calendar due 2026-11-01 6
t_eq "... 7 November is a Saturday, so 9 November" "$out" 2026-11-09
t_exit 0 "calendar due --workdays counts the make-up Saturday" edu-db calendar due 2026-09-30 5 --workdays
t_eq "... 8, 9, 10, 12, 13 October" "$out" 2026-10-13
t_exit 64 "calendar due with a bad date" edu-db calendar due 2026-02-30 5

t_exit 0 "log shows the changes" edu-db log
t_grep "... the region setting" '^[0-9]+,[^,]+,[^,]+,edu-db,config set,setting,bureau.region,' "$out"
t_exit 0 "log --key filters" edu-db log --key bureau.region
t_eq "... one row" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 1
t_exit 1 "log with no match exits 1" edu-db log --user nobody
t_exit 0 "log --since today" edu-db log --since "$(date -u +%F)"
t_exit 1 "log --until long ago" edu-db log --until 2000-01-01

t_exit 0 "query reads" edu-db query "SELECT count(*) AS n FROM calendar"
t_eq "... the calendar's rows" "$out" "n
$(($(wc -l < "$examples/calendar.csv") - 1))"
t_exit 0 "query -f json" edu-db -f json query "SELECT 1 AS a, 'x' AS b, NULL AS c"
t_eq "... one JSON object" "$out" '{"a":1,"b":"x","c":null}'
t_exit 77 "query refuses to write" edu-db query "DELETE FROM calendar"
t_exit 77 "query refuses ATTACH" edu-db query "ATTACH '$tmp/x.db' AS x"
t_exit 64 "query refuses two statements" edu-db query "SELECT 1; SELECT 2"
t_exit 64 "query reports bad SQL" edu-db query "SELEC 1"
t_exit 1 "query with no rows exits 1" edu-db query "SELECT * FROM user WHERE 0"

t_exit 0 "runs lists the imports" edu-db runs
t_grep "... the calendar import" "^1,edu-db,calendar import,.*,inserted=[0-9]+ updated=0 unchanged=0 rejected=0,0,0,,,$" "$out"

t_exit 0 "backup" edu-db backup "$tmp/copy.db"
t_eq "... the copy is mode 0600: it holds every register" "$(stat -c %a "$tmp/copy.db")" 600
t_exit 0 "... the copy passes check" edu-db -d "$tmp/copy.db" check
t_exit 73 "backup refuses an existing file" edu-db backup "$tmp/copy.db"

# The audit log is append-only, and the chain shows tampering.
t_run sqlite3 "$EDU_DB" "UPDATE audit SET user = 'mallory' WHERE id = 2"
t_grep "a trigger stops changes to the audit log" "append-only" "$err"
t_run sqlite3 "$EDU_DB" "DELETE FROM audit WHERE id = 2"
t_grep "... and deletions" "append-only" "$err"
sqlite3 "$EDU_DB" "DROP TRIGGER audit_no_update; UPDATE audit SET user = 'mallory' WHERE id = 2"
t_exit 1 "check finds an edited audit row" edu-db check
t_grep "... and names it" "audit row 2: its hash does not match" "$out"

# Schema versions.
edu-db -q -d "$tmp/v.db" init
sqlite3 "$tmp/v.db" "PRAGMA user_version = 99"
t_exit 78 "a newer schema is refused" edu-db -d "$tmp/v.db" check
t_grep "... with a hint" "newer than this tool" "$err"

# A database at schema 1, as an older release made it, migrates.
sqlite3 "$tmp/old.db" < "$top/libedu/schema/001-core.sql"
sqlite3 "$tmp/old.db" "PRAGMA application_id = $((0x45445531)); PRAGMA user_version = 1;
	INSERT INTO user VALUES ('$(id -un)', 'admin', '2026-01-01')"
t_exit 78 "an older schema is refused" edu-school -d "$tmp/old.db" list
t_grep "... asking for migrate" "edu-db migrate" "$err"
t_exit 0 "migrate brings it up to date" edu-db -d "$tmp/old.db" migrate
t_exit 0 "... then the tools work" edu-school -d "$tmp/old.db" list
t_exit 0 "... and check passes" edu-db -d "$tmp/old.db" check
t_exit 0 "migrate again changes nothing" edu-db -d "$tmp/old.db" migrate
t_grep "... and says so" "is current" "$err"

echo "not a database" > "$tmp/junk.db"
t_exit 66 "a file that is not a database" edu-db -d "$tmp/junk.db" check
sqlite3 "$tmp/plain.db" "CREATE TABLE t(x)"
t_exit 66 "an SQLite file that is not an edu database" edu-db -d "$tmp/plain.db" check

done_testing
