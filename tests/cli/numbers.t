#!/bin/sh
# Numbers handed out, and output lost after the commit (issue 14, points 5
# and 11): every verb that hands out numbers (documents, cases,
# certificates, tags) prints them only after its commit; when they cannot
# be printed (a closed pipe, a full disk) it exits 79, names them on
# stderr, and `edu-db runs` keeps them, so a script can tell "committed,
# but the output was lost" from "nothing done" and never issues a second
# number by retrying.  A transaction that fails prints nothing.  A closed
# pipe is exit 74, not death by SIGPIPE (141).
. "$(dirname "$0")/lib.sh"
[ -w /dev/full ] && command -v mkfifo >/dev/null || {
	t_skip "numbers" "no /dev/full or mkfifo here"; done_testing; exit; }

sample_db
edu-db -q config set bureau.doc_prefix 西教发
edu-db -q config set bureau.region 110102
sql() { sqlite3 "$EDU_DB" "$1"; }
# The last run in the ledger, as edu-db runs prints it.
last_run() { edu-db runs | tail -1; }

# Run a command whose stdout is a pipe nobody reads any more: the reader
# has closed it before the command starts (a FIFO orders the two, so no
# timing decides it).  Sets $rc and $err.
t_closed() {
	rm -f "$tmp/.sync"
	mkfifo "$tmp/.sync"
	{ read -r _ <"$tmp/.sync"; "$@" 2>"$tmp/.err"; echo $? >"$tmp/.rc"; } |
		{ exec 0<&-; : >"$tmp/.sync"; }
	rc=$(cat "$tmp/.rc")
	err=$(cat "$tmp/.err")
}
t_status() {
	if [ "$rc" -eq "$1" ]; then
		t_pass "$2"
	else
		t_fail "$2" "exit $rc, want $1" "stderr: $err"
	fi
}

# ---- edu-doc issue ------------------------------------------------------
t_closed edu-doc issue --title 管道 --on 2026-03-02
t_status 79 "doc issue into a closed pipe: exit 79, not 141 or 74"
t_eq "... stderr names the number committed and its run" "$err" \
	"edu-doc: committed 西教发〔2026〕1号 (run 3), but the output was lost: Broken pipe"
t_eq "... the document is there, once" "$(sql "SELECT doc_no FROM document WHERE title = '管道'")" "西教发〔2026〕1号"
t_eq "... the ledger has its number" "$(last_run | cut -d, -f2,3,9-11)" \
	"edu-doc,issue,1,西教发〔2026〕1号,西教发〔2026〕1号"
edu-doc issue --title 满盘 --on 2026-03-02 >/dev/full 2>"$tmp/e"
rc=$? err=$(cat "$tmp/e")
t_status 79 "doc issue into /dev/full: exit 79"
t_eq "... stderr names the number" "$err" \
	"edu-doc: committed 西教发〔2026〕2号 (run 4), but the output was lost: No space left on device"
t_eq "... committed exactly once" "$(sql "SELECT group_concat(doc_no) FROM document WHERE title = '满盘'")" "西教发〔2026〕2号"
t_exit 0 "the next issue goes on from there" edu-doc issue --title 下一个 --on 2026-03-02
t_eq "... 西教发〔2026〕3号" "$(printf '%s\n' "$out" | tail -1)" "西教发〔2026〕3号"
t_eq "... and its run lists it" "$(last_run | cut -d, -f9-)" \
	'1,西教发〔2026〕3号,西教发〔2026〕3号,"[""西教发〔2026〕3号""]"'
sum=$(db_sum)
edu-doc -n issue --title 试 --on 2026-03-02 >/dev/full 2>"$tmp/e"
rc=$? err=$(cat "$tmp/e")
t_status 74 "a dry run into /dev/full committed nothing: exit 74"
t_grep "... a plain write error" "^edu-doc: write error on standard output: No space left on device$" "$err"
t_eq "... and nothing is written" "$(db_sum)" "$sum"

# ---- edu-doc receive ----------------------------------------------------
t_closed edu-doc receive --issuer 市教委 --title 来文 --on 2026-03-05
t_status 79 "doc receive into a closed pipe: exit 79"
t_grep "... names 收〔2026〕1号" "^edu-doc: committed 收〔2026〕1号 \(run [0-9]+\), but the output was lost: Broken pipe$" "$err"
edu-doc receive --issuer 市教委 --title 来文二 --on 2026-03-05 >/dev/full 2>"$tmp/e"
rc=$? err=$(cat "$tmp/e")
t_status 79 "doc receive into /dev/full: exit 79"
t_grep "... names 收〔2026〕2号" "committed 收〔2026〕2号 \(run [0-9]+\)" "$err"
t_eq "... both registered once" "$(sql "SELECT group_concat(doc_no, ' ') FROM (SELECT doc_no FROM document WHERE direction = 'in' ORDER BY doc_no)")" \
	"收〔2026〕1号 收〔2026〕2号"
t_eq "... the ledger has the second" "$(last_run | cut -d, -f2,3,9,10)" "edu-doc,receive,1,收〔2026〕2号"

# ---- edu-petition new and import ---------------------------------------
t_closed edu-petition new --kind XF --received 2026-03-02 --petitioner 张三 --subject 管道 --channel letter --category claim
t_status 79 "petition new into a closed pipe: exit 79"
t_grep "... names XF-2026-00001" "^edu-petition: committed XF-2026-00001 \(run [0-9]+\), but the output was lost: Broken pipe$" "$err"
t_eq "... the case is there once" "$(sql "SELECT group_concat(case_no) FROM petition WHERE subject = '管道'")" "XF-2026-00001"
edu-petition new --kind XF --received 2026-03-02 --petitioner 李四 --subject 满盘 --channel letter --category claim >/dev/full 2>"$tmp/e"
rc=$? err=$(cat "$tmp/e")
t_status 79 "petition new into /dev/full: exit 79"
t_grep "... names XF-2026-00002" "committed XF-2026-00002 \(run [0-9]+\), but" "$err"
t_eq "... the ledger has it" "$(last_run | cut -d, -f2,3,9-11)" "edu-petition,new,1,XF-2026-00002,XF-2026-00002"
cat >cases.csv <<'CSV'
kind,received_on,petitioner,subject,channel,category,deputy
XF,2026-03-03,王五,一,letter,claim,
XF,2026-03-03,赵六,二,visit,complaint,
JY,2026-03-03,钱七,三,,,钱七 第0001号
CSV
t_exit 0 "petition import numbers the cases (it prints nothing to lose)" edu-petition -q import cases.csv
t_eq "... the ledger names the numbers it handed out" "$(last_run | cut -d, -f2,3,9-)" \
	'edu-petition,import,3,XF-2026-00003,JY-2026-00001,"[""XF-2026-00003"",""XF-2026-00004"",""JY-2026-00001""]"'

# A transaction that fails prints nothing: a deferred foreign key makes
# the commit itself fail, after the case was printed into the held output.
sql "CREATE TABLE trap (no TEXT REFERENCES petition(case_no) DEFERRABLE INITIALLY DEFERRED);
CREATE TRIGGER trap AFTER INSERT ON petition WHEN NEW.subject = '陷阱'
BEGIN INSERT INTO trap VALUES ('none'); END;"
t_run edu-petition new --kind XF --received 2026-03-04 --petitioner 孙八 --subject 陷阱 --channel letter --category claim
t_eq "a petition whose commit fails (a constraint): exit 65" "$rc" 65
t_eq "... prints nothing (no case number that does not exist)" "$out" ""
t_eq "... and registers nothing" "$(sql "SELECT count(*) FROM petition WHERE subject = '陷阱'")" 0
t_grep "... and says why" "cannot commit" "$err"
sql "DROP TRIGGER trap; DROP TABLE trap;"

# ---- edu-assets import --------------------------------------------------
printf 'name,category,unit,acquired_on,cost\n投影仪,office,2111010206,2025-09-01,3200\n白板,furniture,2111010206,2025-09-01,1500\n' >assets.csv
t_exit 0 "assets import makes tags" edu-assets -q import assets.csv
t_eq "... the ledger names them" "$(last_run | cut -d, -f2,3,9-11)" \
	"edu-assets,import,2,2111010206-2025-00001,2111010206-2025-00002"

# ---- edu-cert issue -----------------------------------------------------
# 1300 graduates of one junior school, with valid ID numbers (GB 11643):
# enough output (over 100 kB) that `head -c1` closes the pipe under it.
awk 'BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	print "id_number,name,sex,birth_date,school_code,grade"
	for (n = 0; n < 1300; n++) {
		day = n % 28 + 1; seq = 100 + int(n / 28)
		id = sprintf("1101022011%02d%02d%03d", 3, day, seq)
		s = 0
		for (i = 1; i <= 17; i++) s += substr(id, i, 1) * w[i]
		id = id substr("10X98765432", s % 11 + 1, 1)
		printf "%s,学生%d,%s,2011-03-%02d,2111010223,9\n", id, n, seq % 2 ? "M" : "F", day
	}
}' >grads.csv
edu-enroll -q import grads.csv
edu-enroll -q list | edu-enroll -q --on 2026-07-01 graduate
two=$(edu-enroll list | sed -n '2,3p' | cut -d, -f1)
t_closed edu-cert --on 2026-07-05 issue --kind junior $two
t_status 79 "cert issue into a closed pipe: exit 79"
t_grep "... names both numbers" "^edu-cert: committed 20261101021000001, 20261101021000002 \(run [0-9]+\), but the output was lost: Broken pipe$" "$err"
t_eq "... issued once each" "$(sql "SELECT count(*) FROM certificate")" 2
t_eq "... the ledger has them" "$(last_run | cut -d, -f2,3,9-11)" \
	"edu-cert,issue,2,20261101021000001,20261101021000002"
{ edu-cert --on 2026-07-05 issue --kind junior --eligible --year 2026 2>"$tmp/e"; echo $? >"$tmp/rc"; } | head -c1 >/dev/null
rc=$(cat "$tmp/rc") err=$(cat "$tmp/e")
t_status 79 "a batch of 1298 into head -c1: exit 79"
t_grep "... names the count, first and last, and the run" \
	"^edu-cert: committed 1298 numbers, the first 20261101021000003 and the last 20261101021001300 \(run [0-9]+\), but the output was lost: Broken pipe$" "$err"
t_eq "... every graduate has one certificate" "$(sql "SELECT count(*), count(DISTINCT holder) FROM certificate")" "1300|1300"
t_eq "... the ledger keeps count, first and last (no list for so many)" "$(last_run | cut -d, -f9-)" \
	"1298,20261101021000003,20261101021001300,"
t_exit 0 "the batch again issues nothing" edu-cert --on 2026-07-05 issue --kind junior --eligible --year 2026
t_eq "... and prints only the header" "$(printf '%s\n' "$out" | wc -l)" 1
edu-cert --on 2026-07-05 issue --kind junior --eligible --year 2026 >/dev/full 2>"$tmp/e"
rc=$? err=$(cat "$tmp/e")
t_status 79 "an idempotent batch into /dev/full: 79 all the same (its run was committed)"
t_grep "... naming the run" "^edu-cert: committed run [0-9]+, but the output was lost: No space left on device$" "$err"
no=$(sql "SELECT cert_no FROM certificate ORDER BY cert_no LIMIT 1")
edu-cert --on 2026-07-06 reissue --reason correction "$no" >/dev/full 2>"$tmp/e"
rc=$? err=$(cat "$tmp/e")
t_status 79 "cert reissue into /dev/full: exit 79"
t_grep "... names the new number" "committed 20261101021001301 \(run [0-9]+\)" "$err"
t_eq "... which replaced the old one once" "$(sql "SELECT replaced_by FROM certificate WHERE cert_no = '$no'")" 20261101021001301

# ---- a closed pipe on a read-only verb: 74, not SIGPIPE's 141 ------------
{ edu-enroll list 2>"$tmp/e"; echo $? >"$tmp/rc"; } | head -1 >/dev/null
rc=$(cat "$tmp/rc") err=$(cat "$tmp/e")
t_status 74 "edu-enroll list | head -1 (1300 rows): exit 74"
t_eq "... quietly: the reader chose to stop" "$err" ""
t_closed edu-school list
t_status 74 "edu-school list into a closed pipe: 74"
edu-school list >/dev/full 2>"$tmp/e"
rc=$? err=$(cat "$tmp/e")
t_status 74 "edu-school list into /dev/full: 74"
t_eq "... with the reason" "$err" "edu-school: write error on standard output: No space left on device"

# ---- the ledger of a database made before the numbers were kept ----------
for f in "$top"/libedu/schema/00[1-9]-*.sql; do cat "$f"; done | sqlite3 "$tmp/old.db"
sqlite3 "$tmp/old.db" "PRAGMA application_id = $((0x45445531)); PRAGMA user_version = 9;
	INSERT INTO user VALUES ('$(id -un)', 'admin', '2026-01-01');
	INSERT INTO run (tool, verb, user, started, finished, counts, status)
	VALUES ('edu-cert', 'issue', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', 'issued=3', 0)"
t_exit 0 "migrate a schema-9 database" edu-db -q -d "$tmp/old.db" migrate
t_exit 0 "... its runs list" edu-db -d "$tmp/old.db" runs
t_eq "... the old run, with no numbers" "$(printf '%s\n' "$out" | tail -1 | cut -d, -f2,7-)" "edu-cert,issued=3,0,0,,,"

done_testing
