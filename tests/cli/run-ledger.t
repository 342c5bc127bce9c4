#!/bin/sh
# The run ledger (DESIGN 9, 11): a batch or import run that ends with
# exit 1 (rows rejected with --reject, discrepancies found) is recorded
# with that status, its tool, verb, user, times and counts, and `edu-db
# runs` shows it; so is a run that changes nothing.
. "$(dirname "$0")/lib.sh"

sample_db
edu-db -q config set bureau.region 110102
user=$(id -un)
nruns() { sqlite3 "$EDU_DB" "SELECT count(*) FROM run"; }
# The last run as `edu-db runs` prints it, without its id and times.
last_run() { edu-db runs | tail -1 | awk -F, -v OFS=, '{ print $2, $3, $4, $7, $8 }'; }
# The last run's id, and its times as they should be: UTC, in order,
# not before the test began.
last_id() { edu-db runs | tail -1 | cut -d, -f1; }
times_ok() {
	sqlite3 "$EDU_DB" "SELECT started GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
		AND finished GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
		AND started <= finished AND started >= '$began' FROM run ORDER BY id DESC LIMIT 1"
}
began=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# ---- an import with rejected rows: exit 1 -------------------------------
r0=$(nruns)
printf 'school_code,name,kind,ownership\n3000000001,甲校,primary,public\n300000000,短码,primary,public\n3000000002,乙校,junior,public\n' > "$tmp/r.csv"
t_exit 1 "an import with a bad row and --reject exits 1" edu-school import --reject "$tmp/r.rej" "$tmp/r.csv"
t_eq "... one run more" "$(nruns)" $((r0 + 1))
t_eq "... edu-db runs shows it with status 1 and its counts" "$(last_run)" \
	"edu-school,import,$user,inserted=2 updated=0 unchanged=0 rejected=1,1"
t_eq "... its id is the next one" "$(last_id)" $((r0 + 1))
t_eq "... its times are UTC, started before finished" "$(times_ok)" 1
t_exit 0 "edu-db runs -f json" edu-db runs -f json
t_grep "... the status is a number" "^\{\"id\":$((r0 + 1)),\"tool\":\"edu-school\",\"verb\":\"import\",.*\"status\":1," "$out"

# The same import again with --upsert: nothing changes, the run is
# still recorded, now with status 0.
sed -i '/^300000000,/d' "$tmp/r.csv"
t_exit 0 "the good rows again with --upsert" edu-school import --upsert "$tmp/r.csv"
t_eq "... recorded, with status 0 and nothing changed" "$(last_run)" \
	"edu-school,import,$user,inserted=0 updated=0 unchanged=2 rejected=0,0"
t_eq "... as run $((r0 + 2))" "$(last_id)" $((r0 + 2))

# ---- a student import with a rejected row: exit 1 -----------------------
s=$(id18 11010220180305123)	# M, 2018-03-05
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,王浩然,M,2018-03-05,2111010209,3\n%s,错性别,F,2018-03-05,2111010209,3\n' \
	"$s" "$(id18 11010220180305133)" > "$tmp/s.csv"
t_exit 1 "edu-enroll import with a rejected row exits 1" edu-enroll import --reject "$tmp/s.rej" "$tmp/s.csv"
t_eq "... recorded with status 1" "$(last_run)" \
	"edu-enroll,import,$user,inserted=1 updated=0 unchanged=0 rejected=1,1"

# ---- a stocktake that finds discrepancies: exit 1 -----------------------
edu-assets -q import "$examples/assets.csv"
printf 'tag,location\nXC-0010,行政楼会议室\nXC-0011,教学楼402\n' > "$tmp/scan.csv"
t_exit 1 "a stocktake with an asset moved and one missing exits 1" \
	edu-assets stocktake --unit 2111010203 "$tmp/scan.csv"
t_eq "... recorded with status 1 and its counts" "$(last_run)" \
	"edu-assets,stocktake,$user,found=1 moved=1 missing=1 unexpected=0,1"
t_eq "... the counts agree with the stocktake's own row" \
	"$(sqlite3 "$EDU_DB" "SELECT found || ' ' || moved || ' ' || missing || ' ' || unexpected FROM stocktake ORDER BY id DESC LIMIT 1")" \
	"1 1 1 0"
printf 'tag,location\nXC-0010,行政楼会议室\nXC-0011,教学楼401\nXC-0012,门卫室\n' > "$tmp/scan.csv"
t_exit 0 "a stocktake that finds everything in place exits 0" \
	edu-assets stocktake --unit 2111010203 "$tmp/scan.csv"
t_eq "... recorded with status 0" "$(last_run)" \
	"edu-assets,stocktake,$user,found=3 moved=0 missing=0 unexpected=0,0"

# ---- a certificate batch with a refused student: exit 1 -----------------
g=$(id18 11010220110305011)	# M, 2011-03-05
printf 'id_number,name,sex,birth_date,school_code,grade\n%s,张伟,M,2011-03-05,2111010223,9\n' "$g" > "$tmp/g.csv"
edu-enroll -q import "$tmp/g.csv"
edu-enroll -q --on 2026-07-01 graduate "G$g"
t_exit 1 "issue with --reject and a student not graduated exits 1" \
	edu-cert --on 2026-07-05 issue --kind junior --reject "$tmp/c.rej" "G$g" "G$s"
t_eq "... recorded with status 1 and its counts" "$(last_run)" \
	"edu-cert,issue,$user,issued=1 skipped_valid=0 skipped_revoked=0 rejected=1,1"
t_eq "... its times are UTC, started before finished" "$(times_ok)" 1

# ---- refused runs: exit 65, nothing written but the ledger ---------------
printf 'school_code,name,kind,ownership\n21110199,坏学校,primary,public\n' > "$tmp/bad.csv"
t_exit 65 "an import refused for a bad row exits 65" edu-school import "$tmp/bad.csv"
t_eq "... recorded with status 65 and what it refused" "$(last_run)" \
	"edu-school,import,$user,inserted=0 updated=0 unchanged=0 rejected=1,65"
t_exit 65 "a change verb refused for an unknown key exits 65" edu-enroll withdraw G110102201001010011 --reason x
t_eq "... recorded with status 65 and its counts" "$(last_run)" \
	"edu-enroll,withdraw,$user,changed=0 unchanged=0 refused=1,65"
runs=$(sqlite3 "$EDU_DB" "SELECT count(*) FROM run")
t_exit 65 "a dry run refused ..." edu-school -n import "$tmp/bad.csv"
t_eq "... is not recorded (a dry run writes nothing)" "$(sqlite3 "$EDU_DB" "SELECT count(*) FROM run")" "$runs"

t_exit 0 "check passes" edu-db check
done_testing
