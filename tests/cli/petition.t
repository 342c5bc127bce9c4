#!/bin/sh
# edu-petition: registering cases, their deadlines on fixed dates around
# the 2026 Spring Festival and National Day, every state change and its
# refusals, repeat petitions, hostile text, due lists, stats and roles.
. "$(dirname "$0")/lib.sh"

sample_db
# One field of a case, straight from the database.
field() { sqlite3 "$EDU_DB" "SELECT $2 FROM petition WHERE case_no = '$1'"; }
hexof() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | tr a-f A-F; }
rows() { printf '%s\n' "$out" | tail -n +2 | grep -c .; }

# ---- registering, numbers and deadlines ---------------------------------
t_exit 0 "new XF on 2026-02-01" edu-petition new --kind XF --received 2026-02-01 \
	--petitioner 张三 --subject 学位问题 --channel letter --category claim \
	--id-number 11010519491231002X --phone 13800138000
t_eq "... prints the header" "$(printf '%s\n' "$out" | head -1)" \
	"case_no,kind,channel,category,received_on,petitioner,id_number,phone,address,subject,content,department,deputy,transferred_from,status,accept_due,reply_due,replied_on,result,rating,related,knew_on,applied_on,apply_by,body,body_accepted_on,decision_due,outcome,served_on,court_decision,appeal_due,provisional"
t_grep "... numbered XF-2026-00001, accept due on 02-24 (day 15 is in the Spring Festival)" \
	"^XF-2026-00001,XF,letter,claim,2026-02-01,张三,11010519491231002X,13800138000,,学位问题,,,,,received,2026-02-24,,,,,,,,,,,,,,,,$" "$out"
t_exit 0 "new XF with Chinese values, received 2026-01-30" edu-petition new --kind 信访 \
	--received 2026/1/30 --petitioner 李四 --subject 收费 --channel 来访 --category 投诉
t_grep "... XF-2026-00002, accept due on the make-up Saturday 02-14" \
	"^XF-2026-00002,XF,visit,complaint,2026-01-30,李四,.*,received,2026-02-14,,,,,,,,,,,,,,,,$" "$out"
t_exit 0 "new XF received in 2025 starts the 2025 numbers" edu-petition -q new --kind XF \
	--received 2025-12-30 --petitioner 王五 --subject 旧事 --channel online --category suggestion
t_grep "... XF-2025-00001" "^XF-2025-00001," "$out"
t_exit 0 "new FY on 2026-02-10" edu-petition new --kind FY --received 2026-02-10 \
	--petitioner 赵六 --subject "不服处罚决定"
t_grep "... the answer due in 10 working days: 2026-03-02" "^FY-2026-00001,FY,.*,received,,2026-03-02,,,,,,,,,,,,,,,$" "$out"
t_exit 0 "new SS on 2026-09-16" edu-petition new --kind SS --received 2026-09-16 \
	--petitioner 孙七 --subject 行政诉讼
t_grep "... the defence due on day 15, 10-01, moved past National Day to 10-08" "^SS-2026-00001,SS,.*,received,,2026-10-08,,,,,,,,,,,,,,,$" "$out"
t_exit 0 "new JY" edu-petition new --kind JY --received 2026-08-20 --petitioner 周代表 \
	--subject 校车 --deputy "周八 第0012号"
t_grep "... no deadline until assigned" "^JY-2026-00001,JY,.*,received,,,,,,,,,,,,,,,,,$" "$out"
t_exit 0 "new TA" edu-petition -q new --kind TA --received 2026-08-20 --petitioner 吴委员 \
	--subject 课后服务 --deputy "吴九 第0034号"
t_exit 0 "a transferred XF" edu-petition -q new --kind XF --received 2026-09-29 \
	--petitioner 郑十 --subject 转办 --channel letter --category claim --transferred-from 市信访局
t_exit 0 "... show has the objection due in 5 working days (10-10 is a make-up day)" edu-petition show XF-2026-00003
t_grep "... 2026-10-12" "^objection_due,2026-10-12$" "$out"
t_grep "... and the accept deadline: day 15 is 10-14" "^accept_due,2026-10-14$" "$out"

sum=$(db_sum)
t_exit 64 "new without --kind" edu-petition new --petitioner x --subject y
t_exit 65 "new with an unknown kind" edu-petition new --kind ZZ --petitioner x --subject y
t_grep "... names the column" "^edu-petition: kind: 'ZZ' is not one of" "$err"
t_exit 65 "a letter without its channel" edu-petition new --kind XF --petitioner x --subject y --category claim
t_grep "... is refused" "channel: a letter or visit needs its channel" "$err"
t_exit 65 "a suggestion without its deputy" edu-petition new --kind JY --petitioner x --subject y
t_grep "... is refused" "deputy: a suggestion or proposal needs" "$err"
t_exit 65 "a bad ID number" edu-petition new --kind SS --petitioner x --subject y --id-number 110105194912310021
t_exit 65 "a bad phone" edu-petition new --kind SS --petitioner x --subject y --phone 123
t_exit 64 "a control character in the subject (argv text, edu(7))" edu-petition new --kind SS --petitioner x --subject "$(printf 'a\001b')"
t_eq "... refusals write nothing, byte for byte" "$(db_sum)" "$sum"
t_exit 0 "--dry-run shows the case" edu-petition -n new --kind SS --received 2026-11-02 --petitioner x --subject y
t_grep "... numbered" "^SS-2026-00002," "$out"
t_eq "... and writes nothing" "$(db_sum)" "$sum"

# ---- repeat petitions -------------------------------------------------------
t_exit 0 "the same ID number again" edu-petition -q new --kind XF --received 2026-02-05 \
	--petitioner 张三 --subject 又来了 --channel visit --category claim --id-number 11010519491231002x
t_grep "... is flagged with the open case" ",XF-2026-00001,,,,,,,,,,,$" "$out"
t_exit 0 "the same phone, another name" edu-petition -q new --kind XF --received 2026-02-06 \
	--petitioner 张三丰 --subject 电话 --channel phone --category claim --phone 13800138000
t_grep "... is flagged with the case of that phone" ",XF-2026-00001,,,,,,,,,,,$" "$out"
t_exit 0 "the same ID number a third time" edu-petition -n new --kind XF --received 2026-02-07 \
	--petitioner 张三 --subject 三 --channel visit --category claim --id-number 11010519491231002X
t_grep "... names both open cases" ",XF-2026-00001 XF-2026-00004,,,,,,,,,,,$" "$out"
t_exit 0 "someone else" edu-petition -q new --kind XF --received 2026-02-06 \
	--petitioner 陈 --subject 无关 --channel phone --category claim --phone 13900139000
t_grep "... is not flagged" ",received,2026-02-24,,,,,,,,,,,,,,,,$" "$out"

# ---- state changes and refusals ------------------------------------------
t_exit 0 "assign" edu-petition assign XF-2026-00001 --dept 基教科 --on 2026-02-02
t_eq "... status assigned" "$(field XF-2026-00001 status),$(field XF-2026-00001 department)" "assigned,基教科"
t_exit 64 "assign without --dept" edu-petition assign XF-2026-00001
t_exit 65 "--hard for a letter" edu-petition assign XF-2026-00001 --dept x --hard
t_exit 65 "an action before the case was received" edu-petition accept XF-2026-00001 --on 2026-01-31
t_grep "... says so" "case XF-2026-00001: --on 2026-01-31 is before the case was received, on 2026-02-01" "$err"
t_exit 0 "accept on 2026-02-05" edu-petition accept XF-2026-00001 --on 2026-02-05
t_eq "... reply due 60 days on, 04-06 is Qingming: 04-07" "$(field XF-2026-00001 status),$(field XF-2026-00001 reply_due)" "accepted,2026-04-07"
sum=$(db_sum)
t_exit 65 "accept again" edu-petition accept XF-2026-00001 --on 2026-02-06
t_grep "... it is accepted already" "XF-2026-00001: it is accepted already" "$err"
t_exit 65 "decline an accepted case" edu-petition decline XF-2026-00001 --reason x
t_exit 65 "decline a reconsideration" edu-petition decline FY-2026-00001 --reason x
t_grep "... only letters and visits" "only letters and visits \(XF\) are declined" "$err"
t_exit 65 "an unknown case" edu-petition accept XF-2026-09999
t_grep "... no such case" "case XF-2026-09999: not in the register" "$err"
t_exit 65 "reply to a letter not yet accepted" edu-petition reply XF-2026-00002 --text x --on 2026-02-10
t_exit 65 "extend by 31 days" edu-petition extend XF-2026-00001 --days 31 --reason 复杂
t_grep "... at most 30" "an extension is of 1 to 30 days, not 31" "$err"
t_exit 65 "extend a case not accepted" edu-petition extend XF-2026-00002 --days 10 --reason x
t_exit 65 "extend a suggestion" edu-petition extend JY-2026-00001 --days 10 --reason x
t_exit 64 "extend without --reason" edu-petition extend XF-2026-00001 --days 10
t_exit 65 "close a case not replied to" edu-petition close XF-2026-00001
t_exit 65 "feedback before the reply" edu-petition feedback XF-2026-00001 --rating satisfied
t_exit 64 "feedback with a bad rating" edu-petition feedback XF-2026-00001 --rating great
t_exit 65 "several cases, one refused: none changes" edu-petition accept XF-2026-00002 XF-2026-00001 --on 2026-02-10
t_eq "... refusals write nothing, byte for byte" "$(db_sum)" "$sum"
t_exit 0 "extend by 30 days" edu-petition extend XF-2026-00001 --days 30 --reason 情况复杂 --on 2026-03-20
t_eq "... reply due 90 days from acceptance: 05-06" "$(field XF-2026-00001 reply_due)" "2026-05-06"
t_exit 65 "extend a second time" edu-petition extend XF-2026-00001 --days 5 --reason again
t_grep "... one extension" "allows one extension" "$err"
t_exit 0 "decline" edu-petition decline XF-2026-00002 --reason 不属于本机关职责 --on 2026-02-10
t_eq "... declined" "$(field XF-2026-00002 status)" "declined"
t_exit 64 "decline without --reason" edu-petition decline XF-2026-00004
t_exit 0 "reply" edu-petition reply XF-2026-00001 --text "已书面答复" --on 2026-04-10
t_eq "... replied on" "$(field XF-2026-00001 status),$(field XF-2026-00001 replied_on)" "replied,2026-04-10"
t_exit 65 "a result class for a letter" edu-petition reply XF-2026-00004 --text x --result A
t_exit 0 "feedback" edu-petition feedback XF-2026-00001 --rating 不满意 --on 2026-04-12
t_eq "... the rating" "$(field XF-2026-00001 rating)" "dissatisfied"

# Review (复查) within 30 days of the reply, then re-review (复核).
t_exit 65 "review asked for after 30 days (day 30, 05-10, is a Sunday: 05-11 is the last)" \
	edu-petition review XF-2026-00001 --on 2026-05-12
t_grep "... says by when" "a review had to be asked for by 2026-05-11" "$err"
t_exit 0 "review on the last day" edu-petition review XF-2026-00001 --on 2026-05-11
t_grep "... a new linked case, accepted, answered within 30 days (06-10)" \
	"^XF-2026-00007,XF,letter,claim,2026-05-11,张三,11010519491231002X,13800138000,,复查: 学位问题,,基教科,,,accepted,,2026-06-10,,,,XF-2026-00001,,,,,,,,,,,$" "$out"
t_exit 65 "a second review of the same reply" edu-petition review XF-2026-00001 --on 2026-05-11
t_exit 0 "the review is in the audit log of the case reviewed" edu-db log -f tsv --key XF-2026-00001
t_grep "... as an event, since no column of it changed" 'petition_event.*"event":"review","detail":"XF-2026-00007"' "$out"
t_exit 0 "accept is not needed for a review: reply" edu-petition reply XF-2026-00007 --text 维持 --on 2026-06-01
t_exit 0 "re-review (复核)" edu-petition -q review XF-2026-00007 --on 2026-06-05
t_grep "... subject marked" ",复核: 复查: 学位问题," "$out"
t_exit 0 "... show calls it a re-review" edu-petition show XF-2026-00008
t_grep "... stage" "^stage,re-review \(复核\)$" "$out"
edu-petition -q reply XF-2026-00008 --text 维持 --on 2026-06-20
t_exit 65 "a re-review is final" edu-petition review XF-2026-00008 --on 2026-06-21
t_grep "... says so" "its answer is final" "$err"
t_exit 65 "review of a reconsideration" edu-petition review FY-2026-00001

t_exit 0 "close" edu-petition close XF-2026-00001 --on 2026-06-30
t_exit 65 "close again" edu-petition close XF-2026-00001

# Suggestions and proposals: months from assignment; result classes.
t_exit 0 "assign JY on 2026-09-01" edu-petition assign JY-2026-00001 --dept 规划科 --on 2026-09-01
t_eq "... reply due in 3 months: 12-01" "$(field JY-2026-00001 reply_due)" "2026-12-01"
t_exit 0 "assign TA, hard, on 2026-09-01" edu-petition assign TA-2026-00001 --dept 规划科 --hard --on 2026-09-01
t_eq "... reply due in 6 months: 2027-03-01" "$(field TA-2026-00001 reply_due)" "2027-03-01"
t_exit 65 "reply without a result class" edu-petition reply JY-2026-00001 --text x --on 2026-09-03
t_exit 65 "reply with an unknown class" edu-petition reply JY-2026-00001 --text x --result D --on 2026-09-03
t_grep "... names the classes" "result: 'D' is not one of the result classes A B C" "$err"
t_exit 65 "... whose words are checked" edu-db config set petition.result_classes "A,B"
t_grep "... and refused" "petition.result_classes: ',' may not be in a word" "$err"
t_exit 0 "classes are a setting" edu-db config set petition.result_classes "A B C D"
t_exit 0 "... so D is taken now" edu-petition reply JY-2026-00001 --text 答复 --result D --on 2026-09-03
t_exit 65 "feedback dated before the reply" edu-petition feedback JY-2026-00001 --rating dissatisfied --on 2026-09-02
t_grep "... is refused" "2026-09-02 is before its last change, on 2026-09-03" "$err"
t_exit 0 "a dissatisfied deputy" edu-petition feedback JY-2026-00001 --rating dissatisfied --on 2026-09-05
t_eq "... handled again within 1 month: 10-05 is a holiday, 10-08" \
	"$(field JY-2026-00001 status),$(field JY-2026-00001 reply_due),$(field JY-2026-00001 replied_on)" "assigned,2026-10-08,"
t_exit 0 "TA replied and dissatisfied" sh -c 'edu-petition -q reply TA-2026-00001 --text x --result A --on 2026-10-09 &&
	edu-petition -q feedback TA-2026-00001 --rating 不满意 --on 2026-10-09'
t_eq "... handled again within 3 months: 2027-01-09 is a Saturday, 01-11" "$(field TA-2026-00001 reply_due)" "2027-01-11"

# FY and SS: extension of FY, none for SS; keys from a CSV on stdin.
# Issue 16, point 1: the bureau's answer (行政复议法 art. 48) is never
# extended: that was `extend FY --days 30` moving 03-02 to 04-01.
t_exit 65 "extend FY: the answer period is not extended" edu-petition extend FY-2026-00001 --days 30 --reason 情况复杂 --on 2026-02-20
t_grep "... citing arts. 48 and 70" "the answer due 2026-03-02 cannot be extended \(行政复议法 art. 48; art. 70" "$err"
t_eq "... the answer still due 03-02" "$(field FY-2026-00001 reply_due)" "2026-03-02"
t_exit 65 "extend SS" edu-petition extend SS-2026-00001 --days 5 --reason x
t_exit 0 "keys from a listing on stdin" sh -c 'edu-petition list --kind SS | edu-petition assign --dept 法规科 --on 2026-09-20'
t_eq "... assigned" "$(field SS-2026-00001 department)" "法规科"
t_exit 65 "a CSV without case_no" sh -c 'printf "x\n1\n" | edu-petition accept'

# ---- lists ----------------------------------------------------------------------
t_exit 0 "list --kind XF --status received" edu-petition list --kind XF --status received
t_eq "... 5 open letters" "$(rows)" 5
t_exit 0 "list --since --until" edu-petition list --since 2026-02-01 --until 2026-02-05
t_eq "... 2 cases" "$(rows)" 2
t_exit 0 "list --dept" edu-petition list --dept 规划科
t_eq "... 2 cases" "$(rows)" 2
t_exit 0 "list --as-of 2026-02-03: status then" edu-petition list --as-of 2026-02-03 --kind XF
t_grep "... XF-2026-00001 was assigned" "^XF-2026-00001,.*,assigned,2026-02-24," "$out"
t_eq "... and later cases are not there" "$(rows)" 3
t_exit 64 "list --status with a bad value" edu-petition list --status lost
t_exit 0 "show has the history" edu-petition show XF-2026-00001
t_grep "... the extension" "^event 2026-03-20 extend,accepted: 30 days: 情况复杂$" "$out"
t_grep "... the review" "^event 2026-05-11 review,replied: XF-2026-00007$" "$out"
t_exit 1 "show of an unknown case" edu-petition show XF-2026-09999

t_exit 0 "overdue on 2026-02-25" edu-petition overdue --on 2026-02-25
t_grep "... the letter not accepted by 02-24" "^XF-2026-00004,XF,,张三,又来了,received,accept,2026-02-24,-1,$" "$out"
t_exit 0 "due within 5 days of 2026-02-20" edu-petition due --within 5 --on 2026-02-20
t_eq "... soonest first" "$(printf '%s\n' "$out" | cut -d, -f1,8 | tr '\n' ' ')" \
	"case_no,due_on XF-2026-00004,2026-02-24 XF-2026-00005,2026-02-24 XF-2026-00006,2026-02-24 "
t_exit 1 "due --dept with nothing due" edu-petition due --dept 规划科 --on 2026-02-20
t_eq "... prints nothing at all" "$out" ""
t_exit 0 "due --dept 规划科 near its deadline" edu-petition due --dept 规划科 --within 3 --on 2026-10-06
t_grep "... the re-handled suggestion" "^JY-2026-00001,JY,规划科,.*,assigned,reply,2026-10-08,2,$" "$out"
t_exit 0 "due within 5 days of 2026-10-08" edu-petition due --within 5 --on 2026-10-08
t_grep "... the transferred letter's objection, 5 working days after 09-29" "^XF-2026-00003,XF,,郑十,转办,received,objection,2026-10-12,4,$" "$out"
t_exit 0 "overdue on 2026-10-13" edu-petition overdue --on 2026-10-13
t_eq "... an objection passed is no to-do: not listed" "$(printf '%s\n' "$out" | grep -c objection)" 0
t_grep "... but its accept deadline is, once passed" "^XF-2026-00003,.*,accept,2026-10-14,-1,$" "$(edu-petition overdue --on 2026-10-15)"
t_exit 1 "overdue before anything is" edu-petition overdue --on 2026-01-01
t_eq "... prints nothing at all" "$out" ""

# ---- hostile text round trip ------------------------------------------------------
v1='=HYPERLINK("http://x.example","点我")'
v2='第一行
第二行, "引号" 和 逗号'
v3="'); DROP TABLE petition;--"
v4='+1-2@3	制表符'
v5="-cmd|' /C calc'!A0"
v6='@SUM(1+1)'
v7='  前后空格  '
cat > "$tmp/hostile.csv" <<'CSV'
case_no,kind,channel,category,received_on,petitioner,subject,content,address,department,deputy,transferred_from
,XF,letter,complaint,2026-03-02,"=HYPERLINK(""http://x.example"",""点我"")","第一行
第二行, ""引号"" 和 逗号","'); DROP TABLE petition;--","+1-2@3	制表符",-cmd|' /C calc'!A0,@SUM(1+1),"  前后空格  "
,JY,,,2026-03-02,  前后空格  ,@SUM(1+1),-cmd|' /C calc'!A0,"第一行
第二行, ""引号"" 和 逗号",'); DROP TABLE petition;--,"=HYPERLINK(""http://x.example"",""点我"")",\N
CSV
t_exit 0 "import hostile text" edu-petition import "$tmp/hostile.csv"
t_grep "... 2 inserted" "petition: 2 inserted" "$err"
h=XF-2026-00009 j=JY-2026-00002
t_eq "... petitioner kept exactly" "$(sqlite3 "$EDU_DB" "SELECT hex(petitioner) FROM petition WHERE case_no = '$h'")" "$(hexof "$v1")"
t_eq "... subject with a newline, quotes and commas" "$(sqlite3 "$EDU_DB" "SELECT hex(subject) FROM petition WHERE case_no = '$h'")" "$(hexof "$v2")"
t_eq "... content that looks like SQL" "$(sqlite3 "$EDU_DB" "SELECT hex(content) FROM petition WHERE case_no = '$h'")" "$(hexof "$v3")"
t_eq "... address with a tab" "$(sqlite3 "$EDU_DB" "SELECT hex(address) FROM petition WHERE case_no = '$h'")" "$(hexof "$v4")"
t_eq "... department" "$(sqlite3 "$EDU_DB" "SELECT hex(department) FROM petition WHERE case_no = '$h'")" "$(hexof "$v5")"
t_eq "... deputy" "$(sqlite3 "$EDU_DB" "SELECT hex(deputy) FROM petition WHERE case_no = '$h'")" "$(hexof "$v6")"
t_eq "... transferred_from with blanks around" "$(sqlite3 "$EDU_DB" "SELECT hex(transferred_from) FROM petition WHERE case_no = '$h'")" "$(hexof "$v7")"
t_eq "... a backslash" "$(sqlite3 "$EDU_DB" "SELECT transferred_from FROM petition WHERE case_no = '$j'")" '\N'
# A name is trimmed (issue 16, point 13): other text keeps its blanks.
t_eq "... blanks around a name dropped" "$(sqlite3 "$EDU_DB" "SELECT hex(petitioner) FROM petition WHERE case_no = '$j'")" "$(hexof "前后空格")"
t_eq "... the petition table is still there" "$(sqlite3 "$EDU_DB" "SELECT count(*) > 10 FROM petition")" 1
edu-petition list > "$tmp/all.csv"
before=$(sqlite3 "$EDU_DB" "SELECT count(*) FROM audit")
t_exit 0 "list | import --upsert" edu-petition import --upsert "$tmp/all.csv"
t_grep "... changes nothing" " 0 inserted, 0 updated, [0-9]+ unchanged, 0 rejected" "$err"
t_eq "... and writes no audit row" "$(sqlite3 "$EDU_DB" "SELECT count(*) FROM audit")" "$before"
mkdir "$tmp/fresh"
t_exit 0 "the listing imports into a fresh database" sh -c "cd '$tmp/fresh' && EDU_DB='$tmp/fresh/edu.db' && export EDU_DB &&
	edu-db -q init && edu-db -q calendar import '$examples/calendar.csv' && edu-petition -q import '$tmp/all.csv' &&
	edu-petition list > '$tmp/fresh/all.csv'"
# A deadline imported is stored as given: not counted by the tool, it is
# never provisional (TA-2026-00001's reply, counted into 2027, is).
t_eq "... and lists back byte for byte, but for the provisional mark" "$(cksum < "$tmp/fresh/all.csv")" \
	"$(sed 's/,reply_due$/,/' "$tmp/all.csv" | cksum)"
t_exit 0 "--excel" edu-petition list --excel --kind XF --since 2026-03-01 --until 2026-03-31
t_grep "... a formula is quoted with '" "^XF-2026-00009,XF,letter,complaint,2026-03-02,\"'=HYPERLINK\(" "$out"
t_grep "... so is +" ",'\\+1-2@3	制表符," "$out"
t_grep "... and - and @" ",'-cmd\\|' /C calc'!A0,'@SUM\\(1\\+1\\)," "$out"
t_exit 1 "... no cell starts with = + - @" sh -c "printf '%s' \"\$1\" | grep -Eq '(^|,)\"?[=+@-]'" sh "$out"
printf 'case_no,kind,received_on,petitioner,subject,channel,category\n,XF,2026-03-02,a,b,letter,claim\n,XF,2026-13-01,a,b,letter,claim\n,QQ,2026-03-02,a,b,letter,claim\nXF-2026-00001,XF,2026-03-02,a,b,letter,claim\nJY-2026-00099,XF,2026-03-02,a,b,letter,claim\n,,2026-03-02,a,b,letter,claim\n' > "$tmp/bad.csv"
sum=$(db_sum)
t_exit 65 "import with bad rows" edu-petition import "$tmp/bad.csv"
t_grep "... a bad date" "bad.csv:3: received_on: '2026-13-01' is not a date" "$err"
t_grep "... a bad kind" "bad.csv:4: kind: 'QQ' is not one of" "$err"
t_grep "... a number that exists" "bad.csv:5: case_no: case 'XF-2026-00001' exists already" "$err"
t_grep "... no kind" "bad.csv:7: kind: may not be empty" "$err"
t_grep "... a number of another kind" "bad.csv:6: case_no: 'JY-2026-00099' is not a number of kind XF" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 1 "import --reject takes the good row" edu-petition import --reject "$tmp/rej.csv" "$tmp/bad.csv"
t_grep "... 1 inserted, 5 rejected" "1 inserted, 0 updated, 0 unchanged, 5 rejected" "$err"
t_grep "... the bad rows kept with their reason" '^,QQ,letter,claim,2026-03-02,a,b,"kind: .QQ. is not one of' "$(cat "$tmp/rej.csv")"

# ---- stats on a small set whose figures are checked by hand ----------------------
# 2025: a letter replied on time and satisfied, closed; a letter replied
# late and dissatisfied; a declined letter; a suggestion replied on time,
# basically satisfied.
new25() { edu-petition -q new --kind XF --received 2025-03-01 --petitioner "$1" --subject s --channel letter --category "$2" >/dev/null; }
new25 a claim; new25 b claim; new25 c suggestion
edu-petition -q new --kind JY --received 2025-03-01 --petitioner d --subject s --deputy D >/dev/null
edu-petition -q accept XF-2025-00002 XF-2025-00003 --on 2025-03-03
edu-petition -q reply XF-2025-00002 --text ok --on 2025-03-20
edu-petition -q feedback XF-2025-00002 --rating satisfied --on 2025-03-25
edu-petition -q close XF-2025-00002 --on 2025-03-30
edu-petition -q reply XF-2025-00003 --text late --on 2025-06-30
edu-petition -q feedback XF-2025-00003 --rating dissatisfied --on 2025-07-01
edu-petition -q decline XF-2025-00004 --reason x --on 2025-03-03
edu-petition -q assign JY-2025-00001 --dept 规划科 --on 2025-03-03
edu-petition -q reply JY-2025-00001 --text ok --result A --on 2025-04-01
edu-petition -q feedback JY-2025-00001 --rating basic --on 2025-04-02
t_exit 0 "stats --year 2025" edu-petition stats --year 2025
t_eq "... by kind, and the total" "$out" "kind,received,replied,closed,on_time,on_time_rate,rated,satisfied,satisfaction_rate
JY,1,1,0,1,100.0,1,1,100.0
XF,4,2,2,1,50.0,2,1,50.0
total,5,3,2,2,66.7,3,2,66.7"
t_exit 0 "stats --by category" edu-petition stats --year 2025 --by category
t_grep "... claims" "^claim,2,2,1,1,50.0,2,1,50.0$" "$out"
t_grep "... suggestions, one of them declined" "^suggestion,2,0,1,0,,0,0,$" "$out"
t_exit 0 "stats --by month" edu-petition stats --year 2025 --by month
t_grep "... March" "^2025-03,4,3,2,2,66.7,3,2,66.7$" "$out"
t_exit 64 "stats without --year" edu-petition stats
t_exit 64 "stats --by a bad grouping" edu-petition stats --year 2025 --by colour

# ---- the daily mail --------------------------------------------------------------
mkdir "$tmp/bin"
cat > "$tmp/bin/mail" <<'SH'
#!/bin/sh
# A mailer that keeps each message in a file of the test's.
{ echo "To: $3"; echo "Subject: $2"; cat; echo .; } >> "$MAILBOX"
SH
chmod +x "$tmp/bin/mail"
printf '规划科\tghk@jw.example.gov.cn\n' > "$tmp/addresses"
daily() { env MAILBOX="$tmp/mailbox" PATH="$tmp/bin:$PATH" PETITION_ADDRESSES="$tmp/addresses" \
	sh "$examples/daily-petitions.sh" "$EDU_DB" "$@"; }
rm -f "$tmp/mailbox"
t_exit 0 "daily-petitions.sh on 2026-10-06" daily 2026-10-06
t_grep "... mails the planning section at its address" "^To: ghk@jw.example.gov.cn$" "$(cat "$tmp/mailbox")"
t_grep "... its suggestion due on 10-08" "^JY-2026-00001,JY,规划科,.*,2026-10-08,2,$" "$(sed -n '/^To: ghk/,/^\.$/p' "$tmp/mailbox")"
t_grep "... and the office the whole lists" "^Subject: 信访督办 2026-10-06: 全部 all departments$" "$(cat "$tmp/mailbox")"
t_grep "... with the overdue letters" "^XF-2026-00004,XF,,张三,又来了,received,accept,2026-02-24,-224,$" "$(cat "$tmp/mailbox")"
rm -f "$tmp/mailbox"
t_exit 0 "daily-petitions.sh on a day with nothing to say" daily 2026-01-05
t_eq "... mails nothing" "$(cat "$tmp/mailbox" 2>/dev/null)" ""
t_exit 66 "daily-petitions.sh on a missing database" env PATH="$tmp/bin:$PATH" sh "$examples/daily-petitions.sh" "$tmp/nonesuch.db"

# ---- issue 16, points 1-3: reconsideration, litigation, reviews ------------------
# Every date worked by hand from the law and examples/calendar.csv (2026:
# 05-31 and 08-23 are Sundays, 11-07 a Saturday; 06-19..21 are holidays).
no() { printf '%s\n' "$out" | tail -1 | cut -d, -f1; }
show() { edu-petition show "$1" | sed -n "s/^$2,//p"; }

# FY, the bureau as respondent (行政复议法 2023).  Knew of the act on
# 04-01: art. 20, 60 days, ends 05-31, a Sunday: 06-01.  The copy reached
# the bureau on 06-01 (Mon): art. 48 + art. 88, 10 working days:
# 06-02..05 (4), 06-08..12 (9), 06-15 (10).
t_exit 0 "new FY with the days known and applied" edu-petition new --kind FY --received 2026-06-01 \
	--knew 2026-04-01 --applied 2026-05-20 --body 区人民政府 --petitioner 钱一 --subject 不服行政处理
f1=$(no)
t_eq "... apply_by 06-01 (day 60 is a Sunday)" "$(field "$f1" apply_by)" 2026-06-01
t_eq "... the answer due 06-15" "$(field "$f1" reply_due)" 2026-06-15
t_eq "... show: applied in time" "$(show "$f1" applied_in_time)" yes
t_eq "... the answer not given yet" "$(show "$f1" answer)" "not given yet"
t_exit 65 "extend before the body's acceptance is known" edu-petition extend "$f1" --days 10 --reason x --on 2026-06-02
t_grep "... the answer is never extended" "the answer due 2026-06-15 cannot be extended" "$err"
# Accepted by the body on 05-25: art. 62, 60 days: 07-24 (a Friday).
t_exit 0 "accept FY: the body's acceptance, told on 06-02" edu-petition accept "$f1" --accepted 2026-05-25 --on 2026-06-02
t_eq "... recorded" "$(field "$f1" body_accepted_on)" 2026-05-25
t_eq "... its decision due 07-24" "$(field "$f1" decision_due)" 2026-07-24
t_eq "... the status unchanged" "$(field "$f1" status)" received
t_exit 65 "... recorded twice" edu-petition accept "$f1" --accepted 2026-05-26 --on 2026-06-03
t_exit 65 "--accepted after --on" edu-petition accept "$f1" --accepted 2026-06-05 --on 2026-06-03
t_exit 0 "overdue on 06-16 lists the answer first of all" edu-petition overdue --on 2026-06-16
t_grep "... due 06-15" "^$f1,FY,,钱一,不服行政处理,received,reply,2026-06-15,-1,$" "$out"
t_exit 0 "the answer on 06-12" edu-petition reply "$f1" --text 答复书及证据 --on 2026-06-12
t_eq "... in time" "$(show "$f1" answer)" "in time"
t_exit 65 "the body extends by 31 days" edu-petition extend "$f1" --days 31 --reason x --on 2026-07-20
# 05-25 + 60 + 30 = 08-23, a Sunday: 08-24.
t_exit 0 "the body extends by 30 days (told 07-20)" edu-petition extend "$f1" --days 30 --reason 情况复杂 --on 2026-07-20
t_eq "... its decision due 08-24" "$(field "$f1" decision_due)" 2026-08-24
t_eq "... the answer's day unchanged" "$(field "$f1" reply_due)" 2026-06-15
t_exit 65 "... once only" edu-petition extend "$f1" --days 5 --reason again --on 2026-07-21
t_exit 65 "close a reconsideration without the outcome" edu-petition close "$f1" --on 2026-08-20
t_grep "... asks for it" "closed with the body's --outcome" "$err"
t_exit 64 "an unknown outcome" edu-petition close "$f1" --outcome won --on 2026-08-20
t_exit 0 "close with the outcome 维持" edu-petition close "$f1" --outcome 维持 --on 2026-08-20
t_eq "... upheld" "$(field "$f1" outcome),$(field "$f1" status)" "upheld,closed"
t_exit 65 "an outcome on a letter" edu-petition close XF-2025-00001 --outcome upheld
# Knew on 01-05: 60 days end 03-06 (a Friday); applied 03-10, late.  The
# copy on 03-16 (Mon): the answer due 03-30; given 04-01, late (art. 70).
t_exit 0 "an application after 60 days" edu-petition new --kind FY --received 2026-03-16 \
	--knew 2026-01-05 --applied 2026-03-10 --petitioner 孙二 --subject 逾期申请
f2=$(no)
t_eq "... apply_by 03-06" "$(field "$f2" apply_by)" 2026-03-06
t_grep "... show says it is late" "^no: after the 60 days of art. 20" "$(show "$f2" applied_in_time)"
t_exit 0 "... answered on 04-01" edu-petition reply "$f2" --text 答复 --on 2026-04-01
t_grep "... late: art. 70" "^late: the act counts as without evidence \(art. 70\)$" "$(show "$f2" answer)"
t_exit 65 "applied before the applicant knew" edu-petition new --kind FY --received 2026-03-16 \
	--knew 2026-03-01 --applied 2026-02-01 --petitioner x --subject y
t_grep "... names the column" "applied_on: 2026-02-01 is before the applicant knew" "$err"
t_exit 65 "--knew on a case of litigation" edu-petition new --kind SS --knew 2026-03-01 --petitioner x --subject y
t_grep "... refused" "knew_on: is for cases of kind FY, not SS" "$err"

# SS: 行政诉讼法 art. 85.  A judgement served 10-23 (Fri): 15 days, 11-07,
# a Saturday: 11-09.  A ruling served 12-21 (Mon): 10 days, 12-31.
t_exit 0 "the defence" edu-petition reply SS-2026-00001 --text 答辩状 --on 2026-09-30
t_exit 65 "served without --decision" edu-petition served SS-2026-00001 --on 2026-10-23
t_exit 0 "a judgement served" edu-petition served SS-2026-00001 --decision 判决 --on 2026-10-23
t_eq "... the appeal due 11-09" "$(field SS-2026-00001 court_decision),$(field SS-2026-00001 appeal_due)" "judgement,2026-11-09"
t_exit 65 "... served twice" edu-petition served SS-2026-00001 --decision ruling --on 2026-10-26
t_exit 0 "due within 3 days of 11-06: decide on the appeal" edu-petition due --within 3 --on 2026-11-06
t_grep "... by 11-09" "^SS-2026-00001,SS,法规科,孙七,行政诉讼,replied,appeal,2026-11-09,3,$" "$out"
t_exit 0 "overdue on 11-10" edu-petition overdue --on 2026-11-10
t_grep "... the appeal's day has passed" "^SS-2026-00001,.*,appeal,2026-11-09,-1,$" "$out"
t_exit 0 "closed once decided" edu-petition close SS-2026-00001 --on 2026-11-05
t_eq "... no longer listed" "$(edu-petition overdue --on 2026-11-10 | grep -c '^SS-2026-00001,')" 0
t_exit 0 "another case" edu-petition new --kind SS --received 2026-12-01 --petitioner 李三 --subject 裁定
s2=$(no)
t_exit 0 "a ruling served" edu-petition served "$s2" --decision 裁定 --on 2026-12-21
t_eq "... the appeal due in 10 days, 12-31" "$(field "$s2" appeal_due)" 2026-12-31
t_exit 65 "served on a reconsideration" edu-petition served "$f2" --on 2026-12-21

# Reviews (信访工作条例 2022 art. 35): 30 days from the day the written
# reply reached the petitioner.  Replied 07-01 in person: by 07-31; the
# reply sent by post and delivered 07-06 (Mon): by 08-05.
edu-db -q config set bureau.name 西城区教育委员会
t_exit 0 "a letter" edu-petition new --kind XF --received 2026-06-22 --petitioner 周五 \
	--subject 学籍问题 --channel letter --category claim
x1=$(no)
edu-petition -q accept "$x1" --on 2026-06-23
t_exit 0 "replied on 07-01" edu-petition reply "$x1" --text 答复 --on 2026-07-01
t_eq "... handed over that day" "$(field "$x1" served_on)" 2026-07-01
t_eq "... review by 07-31" "$(show "$x1" review_by)" 2026-07-31
t_exit 65 "delivered before the reply" edu-petition served "$x1" --on 2026-06-30
t_exit 0 "delivered by post on 07-06" edu-petition served "$x1" --on 2026-07-06
t_eq "... review by 08-05" "$(show "$x1" review_by)" 2026-08-05
t_exit 65 "a review asked on 08-06" edu-petition review "$x1" --body 北京市教育委员会 --on 2026-08-06
t_grep "... too late, counted from the delivery" "by 2026-08-05, 30 days after the reply reached the petitioner on 2026-07-06" "$err"
t_exit 0 "a review by the body one level up, asked on 08-04" edu-petition review "$x1" --body 北京市教育委员会 --on 2026-08-04
t_eq "... opens no case of the bureau's" "$out" ""
t_eq "... the body recorded" "$(field "$x1" body)" 北京市教育委员会
t_grep "... and the event" "^event 2026-08-04 review,replied: 复查 by 北京市教育委员会$" "$(edu-petition show "$x1")"
t_exit 65 "... asked twice" edu-petition review "$x1" --on 2026-08-04
# A school's case: the bureau reviews it, as its own case, answered in
# 30 days: 07-20 + 30 = 08-19 (Wed).
t_exit 0 "a school's letter" edu-petition new --kind XF --received 2026-06-22 --petitioner 吴六 \
	--subject 校内收费 --channel visit --category complaint --dept 某某小学
x2=$(no)
edu-petition -q accept "$x2" --on 2026-06-23
edu-petition -q reply "$x2" --text 学校答复 --on 2026-07-01
t_exit 0 "the bureau reviews it" edu-petition review "$x2" --on 2026-07-20
r2=$(no)
t_eq "... a new case, the bureau's, due 08-19" "$(field "$r2" body),$(field "$r2" status),$(field "$r2" reply_due),$(field "$r2" related)" \
	"西城区教育委员会,accepted,2026-08-19,$x2"

# A database of schema 10: migration 11 takes a letter's reply as
# delivered the day it was given, so its review period is unchanged.
for f in "$top"/libedu/schema/00[1-9]-*.sql "$top"/libedu/schema/010-*.sql; do cat "$f"; done | sqlite3 "$tmp/old.db"
sqlite3 "$tmp/old.db" "PRAGMA application_id = $((0x45445531)); PRAGMA user_version = 10;
	INSERT INTO user VALUES ('$(id -un)', 'admin', '2026-01-01');
	INSERT INTO petition (case_no, kind, channel, category, received_on, petitioner, subject, status, replied_on)
	VALUES ('XF-2026-00001', 'XF', 'letter', 'claim', '2026-03-02', 'a', 'b', 'replied', '2026-04-01');"
t_exit 0 "migrate a schema-10 database" edu-db -q -d "$tmp/old.db" migrate
t_eq "... the reply delivered that day" "$(sqlite3 "$tmp/old.db" "SELECT served_on FROM petition")" 2026-04-01

t_exit 0 "check passes after all this" edu-db check

# ---- roles ----------------------------------------------------------------------------
u=edupet$$
if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	for d in "no role: 77" "registrar may not read cases" "auditor reads" "auditor may not write" \
		 "petitions clerk writes"; do
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
t_exit 77 "a user with no role may not list cases" as edu-petition list
edu-db user add "$u" registrar
t_exit 77 "a registrar may not read cases" as edu-petition list
t_exit 77 "... nor show one" as edu-petition show XF-2026-00001
t_exit 77 "... nor register one" as edu-petition new --kind SS --petitioner x --subject y
edu-db user add "$u" auditor
t_exit 0 "an auditor reads cases" as edu-petition list
t_exit 0 "... and the due list" as edu-petition overdue --on 2026-12-31
t_exit 0 "... and stats" as edu-petition stats --year 2026
t_exit 77 "... but may not change one" as edu-petition assign XF-2026-00004 --dept x
edu-db user add "$u" petitions
t_exit 0 "a petitions clerk registers" as edu-petition -q new --kind SS --received 2026-11-02 --petitioner x --subject y
sc=$(no)
t_exit 0 "... and assigns" as edu-petition assign "$sc" --dept 法规科 --on 2026-11-03
t_exit 0 "the audit names the clerk" edu-db log --user "$u"
t_grep "... for the case" "$sc" "$out"
done_testing
