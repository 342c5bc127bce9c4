#!/bin/sh
# edu-cert: issuing certificates to graduates and teacher applicants,
# numbering by pattern, idempotent batches, verify, revoke, reissue, the
# nightly job, an interrupted batch, concurrent batches, roles.
. "$(dirname "$0")/lib.sh"

sample_db
edu-db -q config set bureau.region 110102

# Graduates of 2026: two of a junior school, one of a nine-year school,
# one of a primary school (no junior certificate), one of a senior and
# one of a vocational school, two of another junior school.
cat >students.csv <<'CSV'
id_number,name,sex,birth_date,school_code,grade
110102201103050110,张伟,M,2011-03-05,2111010223,9
110102201106120225,李娜,F,2011-06-12,2111010223,9
110102201109010312,王强,M,2011-09-01,2111010235,9
110102201402100421,赵敏,F,2014-02-10,2111010209,6
110102200804150515,刘洋,M,2008-04-15,2111010229,12
110102200807200629,陈静,F,2008-07-20,2111010237,12
110102201101180712,杨帆,M,2011-01-18,2111010224,9
110102201108080829,周婷,F,2011-08-08,2111010224,9
CSV
edu-enroll -q import students.csv
edu-enroll -q list | edu-enroll -q --on 2026-07-01 graduate
count() { edu-db query "SELECT count(*) FROM certificate ${1-}" | tail -1; }

# ---- a batch -------------------------------------------------------------
t_exit 0 "issue --eligible: the junior graduates of 2026" \
	edu-cert --on 2026-07-05 issue --kind junior --eligible --year 2026 --batch j1
t_eq "... five of them (the primary graduate is not one)" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 5
t_grep "... the output has the print shop's columns" \
	"^cert_no,kind,holder,name,sex,birth_date,id_number,school_code,school_name,category,subject,issued_on,batch$" "$out"
t_grep "... numbered by the default pattern {year}{region}{category}{seq:6}" \
	"^20261101021000001,junior,G110102201101180712,杨帆,M,2011-01-18,110102201101180712,2111010224,北京市西城区月坛初级中学,,,2026-07-05,j1$" "$out"
t_grep "... the nine-year school's graduate too" ",G110102201109010312,王强,.*,2111010235," "$out"
t_grep "... a summary on stderr" "issued 5, skipped 0" "$err"
first=$out
t_exit 0 "the same batch again" edu-cert --on 2026-07-05 issue --kind junior --eligible --year 2026 --batch j1
t_eq "... issues nothing" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 0
t_grep "... and says it skipped the five" "issued 0, skipped 5 \(5 holding" "$err"
t_eq "... five certificates in all" "$(count)" 5
t_grep "... each run is in the ledger" "edu-cert,issue,.*issued=0 skipped_valid=5" "$(edu-db runs)"
t_grep "... a batch is one audit row with its first and last numbers" \
	'issued"+:5,"+first"+:"+20261101021000001"+,"+last"+:"+20261101021000005' "$(edu-db log)"
t_exit 0 "another year has no graduates" edu-cert issue --kind junior --eligible --year 2025
t_exit 64 "--eligible needs --year" edu-cert issue --kind junior --eligible
t_exit 64 "issue needs --kind" edu-cert issue --eligible --year 2026
t_exit 64 "an unknown kind" edu-cert issue --kind primary --eligible --year 2026
t_exit 0 "a dry run issues to the senior graduate" edu-cert -n issue --kind senior --eligible --year 2026
t_grep "... and shows it" "^20261101022000001,senior,G110102200804150515" "$out"
t_eq "... but writes nothing" "$(count "WHERE kind = 'senior'")" 0

# ---- named students --------------------------------------------------------
t_exit 65 "a primary graduate gets no junior certificate" edu-cert issue --kind junior G110102201402100421
t_grep "... and is told why" "G110102201402100421: has not graduated from grade 9 at a junior, nine-year or complete school" "$err"
t_exit 65 "one refusal and the whole call issues nothing" \
	edu-cert issue --kind vocational G110102200807200629 G110102200804150515
t_eq "... no vocational certificate" "$(count "WHERE kind = 'vocational'")" 0
t_exit 1 "with --reject the others are issued" \
	edu-cert issue --kind vocational --reject rej.csv G110102200807200629 G110102200804150515
t_grep "... the vocational graduate" "^20261101023000001,vocational,G110102200807200629,陈静" "$out"
t_grep "... the refused one in the reject file" "^G110102200804150515,has not graduated from a vocational school" "$(cat rej.csv)"
t_exit 65 "an unknown student" edu-cert issue --kind senior G110102200804150599
printf 'student_no\nG110102200804150515\n' >keys.csv
t_exit 0 "student numbers as a CSV on stdin" sh -c 'edu-cert issue --kind senior < keys.csv'
t_grep "... issued" "^20261101022000001,senior,G110102200804150515,刘洋" "$out"
t_exit 0 "again: a holder is skipped" sh -c 'edu-cert issue --kind senior < keys.csv'
t_grep "... and counted" "issued 0, skipped 1" "$err"

# ---- settings: the number patterns -------------------------------------------
t_exit 65 "a pattern without {seq:N} is refused" edu-db config set cert.senior.pattern '{year}{school}'
t_exit 0 "a pattern with the school and a 4-digit serial" edu-db config set cert.senior.pattern 'GZ{year}{school}{seq:4}'
edu-db -q config set cert.senior.pattern 'GZ{year}{school}{seq:4}'
edu-cert -q revoke 20261101022000001 --reason test
t_exit 0 "an explicit issue after a revocation" edu-cert --on 2026-07-20 issue --kind senior G110102200804150515
t_grep "... takes the new pattern" "^GZ202621110102290001,senior," "$out"
t_grep "... and the audit says it follows the revocation" 'follows_revocation"+:"+20261101022000001' "$(edu-db log)"

# ---- verify -------------------------------------------------------------------
t_exit 0 "verify a valid certificate" edu-cert verify 20261101021000001
t_eq "... says valid" "$out" valid
t_exit 0 "... with the right name and ID number" edu-cert verify 20261101021000001 --name 杨帆 --id 110102201101180712
t_exit 1 "... with another name" edu-cert verify 20261101021000001 --name 杨凡
t_eq "... says so" "$out" "name does not match"
t_exit 1 "... with another ID number" edu-cert verify 20261101021000001 --id 110102201106120225
t_exit 1 "an unknown number" edu-cert verify 20269999999999999
t_grep "... is unknown" "^unknown" "$out"
t_exit 1 "a revoked one" edu-cert verify 20261101022000001
t_eq "... says when and why" "$out" "revoked on $(date +%F) for test"

# ---- revoke and the batches ------------------------------------------------------
t_exit 0 "revoke a junior certificate" edu-cert --on 2026-07-10 revoke 20261101021000002 --reason 材料造假
t_exit 65 "revoking it again is refused" edu-cert revoke 20261101021000002 --reason again
t_exit 65 "an unknown number is refused" edu-cert revoke 2026 --reason x
t_exit 64 "revoke needs --reason" edu-cert revoke 20261101021000003
t_exit 0 "the nightly batch after a revocation" edu-cert issue --kind junior --eligible --year 2026
t_eq "... does not undo it" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 0
t_grep "... but counts it" "skipped 5 \(4 holding a valid certificate, 1 revoked\)" "$err"
holder=$(edu-db query "SELECT holder FROM certificate WHERE cert_no = '20261101021000002'" | tail -1)
t_exit 0 "an explicit issue to the revoked holder" edu-cert issue --kind junior "$holder"
t_grep "... a new number, never one handed out before" "^20261101021000006,junior,$holder," "$out"
t_exit 0 "the batch once more" edu-cert issue --kind junior --eligible --year 2026
t_grep "... counts that holder as holding a valid one" "skipped 5 \(5 holding a valid certificate, 0 revoked\)" "$err"

# ---- reissue -------------------------------------------------------------------
# A lost graduation certificate is not reissued under a new number: it
# gets a 毕业证明书 with a number of its own (issue 16, point 12).
sum=$(db_sum)
t_exit 65 "a lost graduation certificate is not reissued" edu-cert reissue 20261101021000003 --reason lost
t_grep "... pointing to proof" "20261101021000003: a lost or damaged graduation certificate is not reissued: issue a 毕业证明书 with 'edu-cert proof'" "$err"
t_exit 65 "... nor a damaged one" edu-cert reissue 20261101021000003 --reason 损坏
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 0 "a graduation proof for the lost certificate" edu-cert --on 2026-08-03 proof 20261101021000003
# By hand: ZM + the graduation year 2026 + bureau.region 110102 + the
# junior category 1 + the first serial of the proof scope, 00001.
t_grep "... its own number pattern and serial" "^ZM2026110102100001,junior," "$out"
t_exit 1 "the old one no longer verifies" edu-cert verify 20261101021000003
t_eq "... it names the proof" "$out" "replaced by ZM2026110102100001"
t_exit 0 "the proof verifies" edu-cert verify ZM2026110102100001
t_eq "... as a proof in place of the certificate" "$out" \
	"valid: a graduation proof (毕业证明书) in place of 20261101021000003"
t_eq "... in the same ledger, linked back, form proof" \
	"$(edu-db query "SELECT replaces || ' ' || form || ' ' || issued_on FROM certificate WHERE cert_no = 'ZM2026110102100001'" | tail -1)" \
	"20261101021000003 proof 2026-08-03"
t_exit 65 "a replaced certificate gets no second proof" edu-cert proof 20261101021000003
t_exit 64 "proof does not take a correction" edu-cert proof ZM2026110102100001 --reason correction
t_exit 0 "the certificate numbers go on where they were" edu-cert reissue 20261101021000005 --reason correction
t_grep "... no number taken by the proof" "^20261101021000007,junior," "$out"
t_exit 64 "an unknown reason" edu-cert reissue 20261101021000007 --reason whim
# A correction prints the registry's data as it is now.
holder=$(edu-db query "SELECT holder FROM certificate WHERE cert_no = '20261101021000004'" | tail -1)
edu-enroll list | grep -E "^(student_no|$holder)," | sed 's/,周婷,/,周亭,/' >fix.csv
edu-enroll -q import --upsert fix.csv
t_exit 0 "reissue for a correction" edu-cert reissue 20261101021000004 --reason correction
t_grep "... takes the corrected name" "^20261101021000008,junior,$holder,周亭," "$out"
t_grep "... the old one kept what was printed" "^name,周婷$" "$(edu-cert show 20261101021000004)"
t_eq "... no number was handed out twice" "$(count)" "$(edu-db query "SELECT count(DISTINCT cert_no) FROM certificate" | tail -1)"

# ---- list and show -------------------------------------------------------------
t_exit 0 "list the junior certificates" edu-cert list --kind junior --status valid
t_eq "... five are valid" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 5
t_exit 0 "list by school and batch" edu-cert list --school 2111010223 --batch j1
# Both of the school's, and the reissue, which keeps its batch.
t_eq "... three" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 3
t_exit 0 "list the revoked" edu-cert list --status 撤销
t_grep "... the revoked ones" "^20261101021000002,.*,revoked,,,2026-07-10,材料造假,certificate$" "$out"
t_exit 64 "an unknown status" edu-cert list --status lost
t_exit 0 "list as of a day before the revocation" edu-cert list --as-of 2026-07-09 --status valid --kind junior
t_grep "... the revoked one was valid then" "^20261101021000002,.*,valid,,,,,certificate$" "$out"
t_exit 0 "... and as of the day of it" edu-cert list --as-of 2026-07-10 --status valid --kind junior
t_eq "... it was not" "$(printf '%s\n' "$out" | grep -c '^20261101021000002,')" 0
t_exit 0 "as of a day before any was issued" edu-cert list --as-of 2026-07-04
t_eq "... none" "$(printf '%s\n' "$out" | tail -n +2 | wc -l)" 0
t_exit 0 "show a certificate" edu-cert show 20261101021000003
t_grep "... with its events" "^event [0-9-]+,replace ZM2026110102100001: lost$" "$out"
t_exit 1 "show an unknown one" edu-cert show 1

# ---- teacher certificates ----------------------------------------------------------
cat >teachers.csv <<'CSV'
身份证号,姓名,性别,出生日期,资格种类,任教学科,认定机构,学历,普通话,考试合格证明编号,考试合格日期,体检日期,个人承诺
11010219900101002X,孙老师,女,1990-01-01,小学,语文,101,本科,二级甲等,2025110100001,2025-06-15,2026-01-10,是
110102198808080139,钱老师,M,1988-08-08,senior,数学,101,本科,二级乙等,2025110100002,2025-06-15,2026-01-10,是
CSV
t_exit 0 "teacher applicants from CSV with Chinese headers" edu-cert --on 2026-03-01 issue --kind teacher teachers.csv
t_grep "... the 17-digit number: year, province, body, type, sex, serial" \
	"^20261110122000001,teacher,11010219900101002X,孙老师,F,1990-01-01,11010219900101002X,,,primary,语文,2026-03-01," "$out"
t_grep "... type 4 for senior, sex 1 for a man" "^20261110141000001,teacher,110102198808080139," "$out"
t_exit 0 "the same applicants again" edu-cert --on 2026-03-01 issue --kind teacher teachers.csv
t_grep "... are skipped" "issued 0, skipped 2" "$err"
printf 'id_number,name,sex,birth_date,category,subject,body,education,putonghua,exam_cert,exam_date,health_date,declaration\n11010219900101002X,孙老师,M,1990-01-01,junior,语文,101,本科,二级甲等,2025110100001,2025-06-15,2026-01-10,是\n11010219900101002X,孙老师,F,1990-01-01,marine,语文,101,本科,二级甲等,2025110100001,2025-06-15,2026-01-10,是\n' >bad.csv
t_exit 65 "bad applicants: nothing issued" edu-cert issue --kind teacher bad.csv
t_grep "... each bad row as FILE:LINE: COLUMN" "bad.csv:2: sex: does not agree with the ID number" "$err"
t_grep "... the second too" "bad.csv:3: category: " "$err"
t_exit 66 "a missing file" edu-cert issue --kind teacher nosuch.csv
t_exit 0 "another category for the same person" sh -c "printf 'id_number,name,sex,birth_date,category,subject,body,education,putonghua,exam_cert,exam_date,health_date,declaration\n11010219900101002X,孙老师,F,1990-01-01,junior,语文,101,本科,二级甲等,2025110100001,2025-06-15,2026-01-10,是\n' | edu-cert --on 2026-03-01 issue --kind teacher"
t_grep "... is a second certificate" "^20261110132000001,teacher," "$out"

# ---- the nightly job ------------------------------------------------------------------
cat >more.csv <<'CSV'
id_number,name,sex,birth_date,school_code,grade
110102201104040918,吴昊,M,2011-04-04,2111010232,9
110102200802021015,郑然,M,2008-02-02,2111010232,12
CSV
edu-enroll -q import more.csv
printf 'student_no\nG110102201104040918\nG110102200802021015\n' | edu-enroll -q --on 2026-07-15 graduate
t_exit 0 "the nightly job" sh "$examples/nightly-certificates.sh" "$EDU_DB" outbox 2026-07-15
t_grep "... the junior CSV for the print shop" "^[0-9]+,junior,G110102201104040918,吴昊" "$(cat outbox/2026-07-15/junior.csv)"
t_grep "... the senior one" "^GZ202621110102320001,senior,G110102200802021015,郑然" "$(cat outbox/2026-07-15/senior.csv)"
t_eq "... no file for a kind with nothing issued" "$(ls outbox/2026-07-15)" "junior.csv
senior.csv"
n1=$(count)
t_exit 0 "the nightly job again the same night" sh "$examples/nightly-certificates.sh" "$EDU_DB" outbox 2026-07-15
t_eq "... issues nothing" "$(count)" "$n1"
t_eq "... and leaves the files as they were" "$(ls outbox/2026-07-15)" "junior.csv
senior.csv"
t_grep "the crontab runs it" "^0 +22 .*nightly-certificates.sh " "$(cat "$examples/crontab")"

# ---- an interrupted batch; concurrent batches --------------------------------------------
# 3000 graduates of each of two junior schools, with valid ID numbers.
awk "$id_awk"'BEGIN {
	print "id_number,name,sex,birth_date,school_code,grade"
	for (i = 0; i < 6000; i++) {
		s = sprintf("1101052011%02d%02d%03d", i % 12 + 1, int(i / 12) % 28 + 1, int(i / 336) + 100)
		c = id_check(s)
		printf "%s%s,学生%d,%s,2011-%02d-%02d,%s,9\n", s, c, i, int(i / 336) % 2 ? "M" : "F", \
			i % 12 + 1, int(i / 12) % 28 + 1, i % 2 ? "2111010225" : "2111010226"
	}
}' >many.csv
edu-enroll -q import many.csv
edu-enroll -q list --grade 9 --status enrolled | edu-enroll -q --on 2026-07-20 graduate
before=$(count)
edu-cert -q issue --kind junior --eligible --year 2026 --school 2111010225 >/dev/null &
pid=$!
sleep 0.1
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
got=$(($(count) - before))
case $got in
0|3000) t_pass "a killed batch issued all or nothing ($got)" ;;
*) t_fail "a killed batch issued all or nothing" "got $got" ;;
esac
t_exit 0 "the database is sound after the kill" edu-db check
t_exit 0 "two batches for two schools at once" sh -c '
	edu-cert -q issue --kind junior --eligible --year 2026 --school 2111010225 >a.csv &
	edu-cert -q issue --kind junior --eligible --year 2026 --school 2111010226 >b.csv &
	wait %1 && wait %2'
t_eq "... every graduate of both has a certificate" "$(($(count) - before))" 6000
t_eq "... no number twice" "$(count)" "$(edu-db query "SELECT count(DISTINCT cert_no) FROM certificate" | tail -1)"
t_eq "... the serials run without a gap" \
	"$(edu-db query "SELECT max(CAST(substr(cert_no, 12) AS INTEGER)) FROM certificate WHERE kind = 'junior' AND form = 'certificate'" | tail -1)" \
	"$(count "WHERE kind = 'junior' AND form = 'certificate'")"

# ---- roles ----------------------------------------------------------------------------
u=educert$$
if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	for d in "an auditor verifies" "an auditor may not issue" "a registrar revokes"; do
		t_skip "$d" "needs root, useradd and runuser to make a second user"
	done
	done_testing
	exit
fi
useradd -M -N -s /bin/sh "$u" || { echo "Bail out! useradd failed"; exit 1; }
trap 'userdel "$u" 2>/dev/null; rm -rf "$tmp"' EXIT
as() { runuser -u "$u" -- env EDU_DB="$EDU_DB" PATH="$PATH" "$@"; }
chmod 0777 "$tmp"
chmod 0666 "$EDU_DB" "$EDU_DB"-wal "$EDU_DB"-shm 2>/dev/null
t_exit 77 "no role: no verify" as edu-cert verify 20261101021000001
edu-db -q user add "$u" auditor
t_exit 0 "an auditor verifies" as edu-cert verify 20261101021000001
t_exit 77 "an auditor may not issue" as edu-cert issue --kind junior --eligible --year 2026
t_exit 77 "... nor revoke" as edu-cert revoke 20261101021000001 --reason x
edu-db -q user add "$u" registrar
t_exit 0 "a registrar revokes" as edu-cert revoke 20261101021000001 --reason x
t_grep "... and the audit names the user" "$u,edu-cert,revoke,certificate,20261101021000001" "$(edu-db log)"
done_testing
