#!/bin/sh
# tests/faults/sweep.sh - `make faults` (issue 24): every write a verb
# makes, failed once.  For each verb below, a clean run under
# faultlib.so (tests/faults/faultlib.c) counts its calls of each kind
# (write, stdio, sync, close, rename, link, trunc); then the verb is run
# again from the same database once per failure point (the Nth call of
# a kind fails with EIO or ENOSPC, alternately), plus once with stdout
# on /dev/full.  After each run:
#   - the exit status is the clean run's with the clean result (the
#     fault was absorbed: SQLite retries a few), or 73, 74 or 79 - never
#     0, never 70;
#   - `edu-db check` passes;
#   - the registers (db_sum: all but the run ledger, sequences included,
#     so no number is used without its record) are the state before the
#     run or, with 79 only, the clean run's, never a mix;
#   - the reject file or backup is absent, or whole (the clean run's);
#   - run again without faults, the verb reaches the clean result.
# A verb with more than FAULTS_MAX points (default 80) is sampled
# evenly within each kind, the first and last call kept.  The wall
# clock stands still (EDU_FAULT_TIME) so that two runs write the same
# bytes.  Each point is a test; the last line is "N passed, N failed".
# Usage: sh tests/faults/sweep.sh [FAULTLIB.so]  (FAULTS_ONLY=VERB, one
# verb of the list below; FAULTS_MAX=N)
. "$(dirname "$0")/../cli/lib.sh"
lib=${1:-$EDU_BIN/../faults/faultlib.so}
case $lib in /*) ;; *) lib=$top/$lib ;; esac
max=${FAULTS_MAX:-80}
gen=${EDU_GEN_STUDENTS:-$top/build/out/bench/gen-students}
EDU_FAULT_TIME=1783000000	# 2026-07-02
export EDU_FAULT_TIME
F="env LD_PRELOAD=$lib"
total_pass=0 total_fail=0

# The registers; with the run ledger for a verb that writes nothing else
# (depreciate --record), its times stand still with the clock.
state() {
	if [ -n "${ledger:-}" ]; then sqlite3 "$1" .dump | cksum; else db_sum "$1"; fi
}
checkpoint() { sqlite3 "$1" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null; }
restore() {	# restore SAVED: the database as it was before the run
	rm -f "$EDU_DB" "$EDU_DB-wal" "$EDU_DB-shm" "$EDU_DB-journal"
	cp "$1" "$EDU_DB"
}

# ---- the verbs ----------------------------------------------------------
# Each verb is a function v_NAME run in $tmp with $EDU_DB restored and
# $F before the tool; the files it writes besides the database are
# named in $extra (checked whole or absent).

base_db() {
	sample_db && edu-db -q config set bureau.region 110102 &&
	edu-school -q zone import "$examples/zones.csv" &&
	edu-school list >schools.csv && "$gen" 60 schools.csv 3 >st.csv
}

setup_all() {
	base_db || return 1
	# import, plain: 30 students there, 30 more come; bulk: into an
	# empty register
	head -31 st.csv >st-a.csv
	{ head -1 st.csv; sed -n '32,61p' st.csv; } >st-b.csv
	cp "$EDU_DB" empty.db
	edu-enroll -q import st-a.csv
	checkpoint "$EDU_DB"; cp "$EDU_DB" plain.db
	# upsert with --reject: 5 changed, 1 bad, the rest unchanged
	{ head -1 st-a.csv; sed -n '2,6p' st-a.csv | awk -F, -v OFS=, '{ $NF = "1390000000" NR; print }'; sed -n '7,31p' st-a.csv
	  sed -n 2p st-a.csv | awk -F, -v OFS=, '{ $1 = "X" $1; print }'; } >up.csv
	# promote and certificates: the whole register in
	edu-enroll -q import st-b.csv
	checkpoint "$EDU_DB"; cp "$EDU_DB" full.db
	edu-enroll -q list --grade 9 | edu-enroll -q --on 2026-07-01 graduate
	checkpoint "$EDU_DB"; cp "$EDU_DB" grads.db
	# exam: candidates of the graduates, seats at three senior schools
	s1=2111010229 s2=2111010230 voc=2111010237
	edu-db query "SELECT student_no, school_code FROM student WHERE status = 'graduated'" |
	awk -F, -v a="$s1" -v b="$s2" -v c="$voc" 'BEGIN {
		print "exam_no,student_no,name,junior_school,score_chinese,score_math,score_english,bonus,total,choice1,choice2,choice3" }
		NR > 1 { n++; printf "E%03d,%s,考生%d,%s,%d,%d,%d,0,,%s,%s,%s\n", n, $1, n, $2, 60 + n * 7 % 40, 70 + n * 3 % 30, 50 + n * 11 % 50, a, b, c }' >cand.csv
	printf 'school_code,seats,min_score\n%s,3,\n%s,4,200\n%s,5,\n' "$s1" "$s2" "$voc" >seats.csv
	edu-exam -q import --year 2026 cand.csv && edu-exam -q seats import --year 2026 seats.csv || return 1
	checkpoint "$EDU_DB"; cp "$EDU_DB" exam.db
	# assets
	cp plain.db assets.db.tmp && EDU_DB=$tmp/assets.db.tmp edu-assets -q import "$examples/assets.csv" || return 1
	checkpoint assets.db.tmp; mv assets.db.tmp assets.db
	# migrate: a database of the schema before the last three migrations
	# (019-corrected adds old and new to petition_event and
	# document_event; 018-provisional adds the ledger table; 017-void
	# makes asset_event and staff_event again, with the shapes of 006 and
	# 005 back, and adds columns to two more)
	cp plain.db old.db
	old_version=$(($(sqlite3 plain.db 'PRAGMA user_version') - 3))
	{ for c in old new; do
		echo "ALTER TABLE petition_event DROP COLUMN $c;"
		echo "ALTER TABLE document_event DROP COLUMN $c;"
	  done
	  echo "DROP TABLE provisional;"
	  echo "PRAGMA legacy_alter_table = ON;"
	  for t in 005-cadre:staff_event 006-assets:asset_event; do
		sed -n "/CREATE TABLE ${t#*:} /,/^);/p" "$top/libedu/schema/${t%:*}.sql" |
			sed "s/CREATE TABLE ${t#*:}/CREATE TABLE old_${t#*:}/"
		cols=$(sqlite3 plain.db "SELECT group_concat(name, ', ') FROM pragma_table_info('${t#*:}')
			WHERE name NOT IN ('void_on', 'void_by', 'void_reason', 'amount', 'life_months')")
		echo "INSERT INTO old_${t#*:} SELECT $cols FROM ${t#*:}; DROP TABLE ${t#*:};
			ALTER TABLE old_${t#*:} RENAME TO ${t#*:};"
	  done
	  echo "PRAGMA legacy_alter_table = OFF; DROP TRIGGER asset_corrected;"
	  sed -n '/CREATE TRIGGER asset_corrected/,/^END;/p' "$top/libedu/schema/012-rules.sql"
	  echo "
		CREATE INDEX staff_event_staff ON staff_event(staff_no, day);
		CREATE INDEX asset_event_tag ON asset_event(tag, day, id);"
	  for c in void_on void_by void_reason; do
		echo "ALTER TABLE petition_event DROP COLUMN $c;"
		echo "ALTER TABLE document_event DROP COLUMN $c;"
	  done
	  echo "ALTER TABLE document_event DROP COLUMN kind; PRAGMA user_version = $old_version;"
	} | sqlite3 old.db || return 1
	checkpoint old.db
}

# (--on: the fault clock's day is before the generated entry dates)
v_enroll_import() { $F edu-enroll --on 2026-09-30 import st-b.csv; }
v_enroll_bulk() { $F edu-enroll --on 2026-09-30 import st-b.csv; }
v_enroll_upsert() { extra=rej.csv; $F edu-enroll import --upsert --reject rej.csv up.csv; }
v_cert_issue() { $F edu-cert --on 2026-07-05 issue --kind junior --eligible --year 2026 --batch j1; }
v_enroll_promote() { $F edu-enroll promote --year 2026 --skip-final; }
v_exam_admit() { $F edu-exam admit --year 2026 --seed 7; }
v_doc_issue() { $F edu-doc issue --prefix 西教发 --title 关于做好开学工作的通知 --on 2026-03-02; }
v_db_backup() { extra=backup.db; $F edu-db backup backup.db; }
v_db_migrate() { $F edu-db migrate; }
v_assets_depreciate() { $F edu-assets depreciate --as-of 2026-04 --record; }

# verb, saved database, description
verbs='enroll_import plain.db edu-enroll_import
enroll_bulk empty.db edu-enroll_import_(bulk)
enroll_upsert plain.db edu-enroll_import_--upsert_--reject
cert_issue grads.db edu-cert_issue_--eligible
enroll_promote full.db edu-enroll_promote
exam_admit exam.db edu-exam_admit
doc_issue plain.db edu-doc_issue
db_backup plain.db edu-db_backup
db_migrate old.db edu-db_migrate_(the_schema_before)
assets_depreciate assets.db edu-assets_depreciate_--record'

# The points of a census: "KIND N" lines, sampled to at most $max.
points() {
	awk -v max="$max" '{ c[$1] += $2; if (!($1 in seen)) { seen[$1] = 1; k[nk++] = $1 } ; t += $2 }
	END {
		for (i = 0; i < nk; i++) {
			n = c[k[i]]; if (n == 0) continue
			m = t > max ? int(n * max / t + 0.999) : n
			if (m > n) m = n
			if (m < 1) m = 1
			last = 0
			for (j = 0; j < m; j++) {
				p = m == 1 ? n : 1 + int(j * (n - 1) / (m - 1) + 0.5)
				if (p != last) print k[i], p
				last = p
			}
		}
	}' "$1"
}

# The result of a run, besides the database: SUM of the extra file.
extra_sum() {
	[ -n "$extra" ] && [ -e "$extra" ] || { echo absent; return; }
	case $extra in
	*.db) state "$extra" ;;
	*) cksum <"$extra" ;;
	esac
}

broken() {	# a verb that cannot be swept is one failure
	t_fail "$desc: $*"
	echo "points 1 1" >>"$tmp/totals"
	echo "$desc: 0 points tried, 1 failures found"
}

sweep() {	# sweep VERB SAVED DESC
	v=$1 saved=$2 desc=$(printf '%s' "$3" | tr _ ' ')
	tried=0 bad=0 absorbed=0 ledger=
	[ "$v" = assets_depreciate ] && ledger=1
	before=$(state "$saved")
	# the clean run, counted
	restore "$saved"; extra=; rm -f census rej.csv backup.db
	EDU_FAULT_COUNT=$tmp/census v_$v >clean.out 2>clean.err
	crc=$?
	cstate=$(state "$EDU_DB") cextra=$(extra_sum)
	case $crc in 0|1) ;; *) broken "the clean run: exit $crc" "$(cat clean.err)"; return ;; esac
	[ "$cstate" != "$before" ] || [ "$v" = db_backup ] || { broken "the clean run changed nothing"; return; }
	# a second clean run gives the same bytes (else the comparison is void)
	restore "$saved"; rm -f rej.csv backup.db
	v_$v >/dev/null 2>&1
	[ "$(state "$EDU_DB")" = "$cstate" ] && [ "$(extra_sum)" = "$cextra" ] ||
		{ broken "two clean runs differ"; return; }
	points census >pts
	echo "stdout full" >>pts
	while read -r kind p; do
		tried=$((tried + 1))
		restore "$saved"; rm -f rej.csv backup.db fault.log
		if [ "$kind" = stdout ]; then
			v_$v >/dev/full 2>run.err; rc=$?
			e=stdout
		else
			e=$([ $((p % 2)) = 1 ] && echo EIO || echo ENOSPC)
			EDU_FAULT_KIND=$kind EDU_FAULT_N=$p EDU_FAULT_ERR=$e EDU_FAULT_LOG=$tmp/fault.log \
				v_$v >run.out 2>run.err; rc=$?
		fi
		s=$(state "$EDU_DB") x=$(extra_sum)
		why=
		# (a database left at the old schema is checked by SQLite alone)
		if [ "$v" = db_migrate ] && [ "$s" = "$before" ]; then
			[ "$(sqlite3 "$EDU_DB" 'PRAGMA integrity_check; PRAGMA user_version')" = "ok
$old_version" ] || why="the old database is damaged"
		elif ! edu-db -q check >check.out 2>&1; then why="edu-db check fails: $(head -3 check.out)"
		fi
		if [ -n "$why" ]; then :
		elif [ $rc = $crc ] && [ "$s" = "$cstate" ] && [ "$x" = "$cextra" ] &&
		     { [ "$kind" = stdout ] || cmp -s run.out clean.out; }; then
			absorbed=$((absorbed + 1))
		else
			case $rc in
			79) [ "$s" = "$cstate" ] || why="exit 79 but not the clean run's registers" ;;
			73|74) [ "$s" = "$before" ] || why="exit $rc but the registers changed$([ "$s" = "$cstate" ] && echo ' (committed)')" ;;
			*) why="exit $rc" ;;
			esac
			if [ -z "$why" ] && [ "$x" != absent ] && [ "$x" != "$cextra" ]; then
				why="$extra is there but not whole"
			fi
			if [ -z "$why" ] && [ "$s" = "$before" ]; then
				rm -f rej.csv backup.db
				v_$v >/dev/null 2>rerun.err; rrc=$?
				[ $rrc = $crc ] && [ "$(state "$EDU_DB")" = "$cstate" ] && [ "$(extra_sum)" = "$cextra" ] ||
					why="a re-run without faults: exit $rrc, $(head -2 rerun.err)"
			fi
		fi
		if [ -n "$why" ]; then
			bad=$((bad + 1))
			t_fail "$desc: $kind #$p ($e)" "$why" "fault: $(cat fault.log 2>/dev/null)" "stderr: $(head -3 run.err)"
		fi
	done <pts
	calls=$(awk '{ c[$1] += $2 } END { for (k in c) if (c[k]) printf "%s%s %d", s++ ? ", " : "", k, c[k] }' census)
	echo "$desc: $tried points tried, $bad failures found ($calls calls; $absorbed faults absorbed)"
	echo "points $tried $bad" >>"$tmp/totals"
}

# Each point is a test: passed, or failed with what was wrong.
summary() { echo "$(( $1 - $2 )) passed, $2 failed"; }
[ -r "$lib" ] || { echo "no $lib (make faults builds it)"; summary 1 1; exit 1; }
start=$(date +%s)
setup_all >setup.out 2>&1 || { echo "the databases of the sweep:"; tail -5 setup.out; summary 1 1; exit 1; }
: >"$tmp/totals"
printf '%s\n' "$verbs" | while read -r v saved desc; do
	[ -z "${FAULTS_ONLY:-}" ] || [ "$v" = "$FAULTS_ONLY" ] || continue
	sweep "$v" "$tmp/$saved" "$desc"
done
echo "# $(( $(date +%s) - start )) s"
tried=$(awk '{ t += $2 } END { print t + 0 }' "$tmp/totals")
bad=$(awk '{ t += $3 } END { print t + 0 }' "$tmp/totals")
summary "$tried" "$bad"
[ "$bad" -eq 0 ]
