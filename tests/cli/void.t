#!/bin/sh
# Corrections (issue 17) in edu-assets, edu-cadre, edu-petition and
# edu-doc: `events` lists a record's events with their numbers, `void`
# marks a mistaken one and sets the record back, refusing what others
# depend on; --as-of and the history are worked out without void events;
# a change by import --upsert is a `corrected` event.  Every expected
# value below is worked out by hand from the commands before it.
. "$(dirname "$0")/lib.sh"

sample_db
me=$(id -un)
audits() { sqlite3 "$EDU_DB" "SELECT count(*) FROM audit"; }
last_audit() { sqlite3 "$EDU_DB" "SELECT entity || ' ' || key || ' ' || change FROM audit ORDER BY id DESC LIMIT 1"; }
# The number of the event of record $2 whose kind (column 4) is $3.
ev() { $1 events "$2" | awk -F, -v k="$3" 'NR > 1 && $4 == k { print $1 }' | tail -1; }

# ---- edu-assets ----------------------------------------------------------------
edu-assets -q import "$examples/assets.csv"
edu-assets -q transfer XC-0001 --to-location 教学楼401 --on 2026-03-02
edu-assets -q dispose XC-0001 --method scrapped --doc 西教财〔2026〕3号 --on 2026-04-01
t_exit 0 "assets: events of one asset" edu-assets events XC-0001
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" \
	"event,tag,day,kind,status,unit,location,custodian,party,method,doc,amount,life_months,void_on,void_by,void_reason"
t_eq "... added, transfer, dispose, in order" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f3-5 | tr '\n' ' ')" \
	"2024-01-15,added,in-use 2026-03-02,transfer,in-use 2026-04-01,dispose,disposed "
t_exit 1 "... of an asset that does not exist: exit 1" edu-assets events XC-9999
t_grep "... named" "no asset 'XC-9999'" "$err"
added=$(ev edu-assets XC-0001 added) moved=$(ev edu-assets XC-0001 transfer) gone=$(ev edu-assets XC-0001 dispose)

a0=$(audits)
t_exit 64 "void without --reason" edu-assets void "$gone"
t_exit 65 "void an event a later one follows" edu-assets void "$moved" --reason x
t_grep "... names the later event and what to do" "event $moved: event $gone \\(dispose on 2026-04-01\\) of asset XC-0001 came after it: void that first" "$err"
t_exit 65 "void the event that made the record" edu-assets void "$added" --reason x
t_grep "... says to correct the record" "event $added: it made asset XC-0001's record \\(added\\): correct the record with import --upsert" "$err"
t_exit 65 "void an unknown number" edu-assets void 99999 --reason x
t_grep "... as edu-enroll says it" "event 99999: not in the register" "$err"
t_exit 65 "void a number that is not one" edu-assets void 3x --reason x
t_exit 65 "one refused among good ones: nothing voided" edu-assets void "$gone" 99999 --reason x
t_eq "... nothing written" "$(audits)" "$a0"
t_eq "... the asset is still disposed" "$(sqlite3 "$EDU_DB" "SELECT status || ' ' || disposed_on FROM asset WHERE tag = 'XC-0001'")" "disposed 2026-04-01"

t_exit 0 "void the disposal" edu-assets void "$gone" --reason 审批文号有误
t_grep "... said" "1 event voided" "$err"
t_eq "... in use again, disposed_on cleared" \
	"$(edu-assets list | grep '^XC-0001,' | cut -d, -f7,13,14)" "教学楼401,in-use,"
t_eq "... --as-of after the voided day: in use" \
	"$(edu-assets list --as-of 2026-04-02 | grep '^XC-0001,' | cut -d, -f7,13,14)" "教学楼401,in-use,"
t_eq "... the event stays, marked" "$(edu-assets events XC-0001 | tail -1 | cut -d, -f4,15,16)" "dispose,$me,审批文号有误"
t_grep "... show marks it" "dispose: disposed, .*doc 西教财〔2026〕3号 \\[void: 审批文号有误\\]" "$(edu-assets show XC-0001)"
t_eq "... one audit row with what it set back" "$(last_audit)" \
	"asset XC-0001 {\"void\":$gone,\"event\":\"dispose\",\"day\":\"2026-04-01\",\"reason\":\"审批文号有误\",\"status\":[\"disposed\",\"in-use\"],\"disposed_on\":[\"2026-04-01\",null]}"
t_eq "... and no corrected event from the trigger" "$(edu-assets events XC-0001 | grep -c corrected)" 0
t_exit 65 "void it again" edu-assets void "$gone" --reason again
t_grep "... is void already, with when, who and why" "is void already \\(20[0-9-]*T[0-9:]*Z by $me: 审批文号有误\\)" "$err"
t_exit 0 "now the transfer is the latest: voided from stdin" sh -c "printf 'event\n$moved\n' | edu-assets void --reason 搬错了"
t_eq "... back in 教学楼301" "$(edu-assets list | grep '^XC-0001,' | cut -d, -f7)" "教学楼301"
t_eq "... --as-of a day after the transfer: 教学楼301" "$(edu-assets list --as-of 2026-03-05 | grep '^XC-0001,' | cut -d, -f7)" "教学楼301"
t_unchanged "list | import --upsert after the voids" 12 sh -c "edu-assets list | edu-assets import --upsert"
t_exit 0 "an empty list on stdin does nothing" sh -c "printf 'event\n' | edu-assets void --reason x"

# An improvement (edu-assets improve, issue 16) voided takes its amount
# off the cost again.
t_exit 0 "improve XC-0004 by 3000.00" edu-assets -q --on 2026-05-10 improve XC-0004 --amount 3000
t_eq "improved: cost 18600.00 + 3000.00" "$(edu-assets list | grep '^XC-0004,' | cut -d, -f10)" "21600.00"
t_eq "... listed with its amount in yuan" "$(edu-assets events XC-0004 | tail -1 | cut -d, -f4,12)" "improved,3000.00"
t_exit 0 "void the improvement" edu-assets void "$(ev edu-assets XC-0004 improved)" --reason 未验收
t_eq "... the amount is taken off the cost" "$(edu-assets list | grep '^XC-0004,' | cut -d, -f10)" "18600.00"
t_grep "... audited in fen" '"cost":\["2160000","1860000"\]' "$(last_audit)"

# ---- edu-cadre ------------------------------------------------------------------
edu-cadre -q import "$examples/staff.csv"
edu-cadre -q title S007 --title 一级教师 --on 2026-05-01 --doc 西教人〔2026〕4号
edu-cadre -q reward S007 --kind 嘉奖 --on 2026-06-01
title=$(ev edu-cadre S007 title) reward=$(ev edu-cadre S007 reward)
t_exit 0 "cadre: events" edu-cadre events S007
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" \
	"event,staff_no,day,kind,detail,rank,until,doc,old,new,void_on,void_by,void_reason"
t_eq "... the title keeps what it changed" "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f4-)" \
	'title,一级教师,,,西教人〔2026〕4号,"{""title"":null,""title_since"":null}","{""title"":""一级教师"",""title_since"":""2026-05-01""}",,,'
t_eq "... --as-of 2026-05-15 before any void: 一级教师" "$(edu-cadre list --as-of 2026-05-15 | grep '^S007,' | cut -d, -f10,11)" "一级教师,2026-05-01"
t_exit 1 "events of nobody" edu-cadre events S999
t_exit 65 "void the title while the reward follows" edu-cadre void "$title" --reason x
t_grep "... names the reward" "event $reward \\(reward on 2026-06-01\\) of staff S007 came after it: void that first" "$err"
t_exit 0 "void the reward, then the title, in one run" edu-cadre void "$reward" "$title" --reason 职称评审未通过
t_grep "... both" "2 events voided" "$err"
t_eq "... the title and its date are gone" "$(edu-cadre list | grep '^S007,' | cut -d, -f10,11)" ","
t_eq "... and --as-of 2026-05-15 no longer has it" "$(edu-cadre list --as-of 2026-05-15 | grep '^S007,' | cut -d, -f10,11)" ","
t_eq "... audited" "$(last_audit)" \
	"staff S007 {\"void\":$title,\"event\":\"title\",\"day\":\"2026-05-01\",\"reason\":\"职称评审未通过\",\"title\":[\"一级教师\",null],\"title_since\":[\"2026-05-01\",null]}"
t_grep "... show marks them" "2026-05-01 title,\"一级教师, doc 西教人〔2026〕4号 \\[void: 职称评审未通过\\]\"" "$(edu-cadre show S007)"

# A punishment voided no longer bars a title (公职人员政务处分法 art. 20).
edu-cadre -q punish S005 --kind warning --on 2026-03-01
t_exit 65 "a warning bars a title in its period" edu-cadre title S005 --title 高级教师 --on 2026-04-01
t_exit 0 "void the warning" edu-cadre void "$(ev edu-cadre S005 punish)" --reason 处分决定已撤销
t_exit 0 "... the title is given" edu-cadre title S005 --title 高级教师 --on 2026-04-01

printf 'staff_no,title,title_since\nS007,二级教师,2020-09-01\n' > up.csv
t_exit 0 "an upsert that changes the title" edu-cadre import --upsert --on 2026-07-01 up.csv
t_eq "... is a corrected event with old and new" "$(edu-cadre events S007 | tail -1 | cut -d, -f3,4,9-)" \
	'2026-07-01,corrected,"{""title"":null,""title_since"":null}","{""title"":""二级教师"",""title_since"":""2020-09-01""}",,,'
t_eq "... --as-of the day before: no title" "$(edu-cadre list --as-of 2026-06-30 | grep '^S007,' | cut -d, -f10)" ""
t_eq "... --as-of that day: 二级教师" "$(edu-cadre list --as-of 2026-07-01 | grep '^S007,' | cut -d, -f10)" "二级教师"
count=$(edu-cadre events S007 | wc -l)
t_unchanged "the same upsert again" 1 edu-cadre import --upsert --on 2026-07-02 up.csv
t_eq "... records nothing" "$(edu-cadre events S007 | wc -l)" "$count"
t_exit 0 "a correction is voided like any event" edu-cadre void "$(ev edu-cadre S007 corrected)" --reason 导入错误
t_eq "... the title before it is back" "$(edu-cadre list | grep '^S007,' | cut -d, -f10)" ""

# ---- edu-petition ------------------------------------------------------------------
edu-petition -q new --kind XF --received 2026-02-01 --petitioner 张三 --subject 学位问题 \
	--channel letter --category claim >/dev/null
case=XF-2026-00001
edu-petition -q accept $case --on 2026-02-05
edu-petition -q reply $case --text 已答复 --on 2026-03-02
edu-petition -q feedback $case --rating satisfied --on 2026-03-05
reg=$(ev edu-petition $case register) rep=$(ev edu-petition $case reply) fb=$(ev edu-petition $case feedback)
t_exit 0 "petition: events" edu-petition events $case
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" \
	"event,case_no,day,event,status,detail,old,new,void_on,void_by,void_reason"
t_eq "... the reply keeps what it changed" "$(printf '%s\n' "$out" | grep ",reply," | cut -d, -f7-)" \
	'"{""status"":""accepted"",""replied_on"":null,""served_on"":null}","{""status"":""replied"",""replied_on"":""2026-03-02"",""served_on"":""2026-03-02""}",,,'
t_eq "... --as-of 2026-03-03: replied" "$(edu-petition list --as-of 2026-03-03 | grep "^$case," | cut -d, -f15)" "replied"
t_exit 65 "void the reply a rating rests on" edu-petition void "$rep" --reason x
t_grep "... the rating first" "event $fb \\(feedback on 2026-03-05\\) of case $case came after it: void that first" "$err"
t_exit 65 "void the registration" edu-petition void "$reg" --reason x
t_grep "... came with the case" "it made case $case's record \\(register\\)" "$err"
t_exit 0 "void the rating, then the reply" edu-petition void "$fb" "$rep" --reason 答复未送达
t_eq "... accepted, no reply, no rating, reply still due 04-07" \
	"$(edu-petition list | grep "^$case," | cut -d, -f15,17-20)" "accepted,2026-04-07,,,"
t_eq "... --as-of 2026-03-03: accepted" "$(edu-petition list --as-of 2026-03-03 | grep "^$case," | cut -d, -f15)" "accepted"
t_eq "... audited" "$(last_audit)" \
	"petition $case {\"void\":$rep,\"event\":\"reply\",\"day\":\"2026-03-02\",\"reason\":\"答复未送达\",\"status\":[\"replied\",\"accepted\"],\"replied_on\":[\"2026-03-02\",null],\"served_on\":[\"2026-03-02\",null]}"
t_grep "... show marks them" "event 2026-03-02 reply,replied: 已答复 \\[void: 答复未送达\\]" "$(edu-petition show $case)"
t_exit 0 "the reply given again" edu-petition reply $case --text 已答复 --on 2026-03-10

# A rating that came in by an import rests on the reply all the same.
edu-petition list | grep -E "^case_no|^$case," | sed 's/,2026-04-07,2026-03-10,,,/,2026-04-07,2026-03-10,,satisfied,/' > rated.csv
t_exit 0 "a rating by import --upsert" edu-petition import --upsert --on 2026-03-11 rated.csv
t_eq "... is no correction of the history (not the status or a deadline)" "$(edu-petition events $case | grep -c corrected)" 0
t_exit 65 "void the reply of a rated case" edu-petition void "$(ev edu-petition $case reply)" --reason x
t_grep "... the rating first" "the case is rated satisfied on this reply: correct the rating first" "$err"

edu-petition list | grep -E "^case_no|^$case," | sed 's/,2026-04-07,2026-03-10,/,2026-04-20,2026-03-10,/' > due.csv
t_exit 0 "a reply deadline changed by import --upsert" edu-petition import --upsert --on 2026-03-12 due.csv
t_eq "... is a corrected event, with the status" "$(edu-petition events $case | tail -1 | cut -d, -f3-)" \
	'2026-03-12,corrected,replied,,"{""reply_due"":""2026-04-07""}","{""reply_due"":""2026-04-20""}",,,'
t_unchanged "... the same upsert again" 1 edu-petition import --upsert --on 2026-03-13 due.csv
t_exit 0 "... voided: the deadline before it" edu-petition void "$(ev edu-petition $case corrected)" --reason 录入错误
t_eq "... back to 04-07" "$(sqlite3 "$EDU_DB" "SELECT reply_due FROM petition WHERE case_no = '$case'")" "2026-04-07"

# An event recorded before schema 019 kept no `old`.
sqlite3 "$EDU_DB" "UPDATE petition_event SET old = NULL, new = NULL WHERE case_no = '$case' AND event = 'reply' AND void_on IS NULL"
sqlite3 "$EDU_DB" "UPDATE petition SET rating = NULL WHERE case_no = '$case'"
t_exit 65 "an event without old is not voided" edu-petition void "$(ev edu-petition $case reply)" --reason x
t_grep "... says why" "recorded before events kept what they changed \\(schema 019\\)" "$err"

# A review by the bureau opens a case of its own, which stays.
t_exit 0 "a review (复查) by the bureau opens a case" edu-petition -q review $case --on 2026-03-20
t_exit 65 "... that review is not voided" edu-petition void "$(ev edu-petition $case review)" --reason x
t_grep "... the review case stands" "it opened the review case XF-2026-00002, which stays: close that case" "$err"

# ---- edu-doc ------------------------------------------------------------------------
edu-db -q config set archive.fonds J001
doc=$(edu-doc -q receive --title 关于开展安全检查的通知 --issuer 市教育局 --on 2026-03-02 | tail -1 | cut -d, -f2)
t_eq "doc: received" "$doc" "收〔2026〕1号"
edu-doc -q route "$doc" --to 安全科 --on 2026-03-03
edu-doc -q handled "$doc" --on 2026-03-10
edu-doc -q archive "$doc" --retention 10y --on 2026-03-20
first=$(edu-doc events "$doc" | awk -F, 'NR == 2 { print $1 }')
routed=$(edu-doc events "$doc" | awk -F, '$5 == "routed" { print $1 }')
filed=$(edu-doc events "$doc" | awk -F, '$5 == "archived" { print $1 }')
t_exit 0 "doc: events" edu-doc events "$doc"
t_eq "... the header" "$(printf '%s\n' "$out" | head -1)" \
	"event,doc_no,day,kind,status,department,note,old,new,void_on,void_by,void_reason"
t_exit 65 "void the routing while later events stand" edu-doc void "$routed" --reason x
t_grep "... names the archiving" "event $filed \\(archived on 2026-03-20\\) of document $doc came after it" "$err"
t_exit 65 "void the first event" edu-doc void "$first" --reason x
t_grep "... it came with the document" "it made document $doc's record \\(registered\\)" "$err"
t_exit 0 "void the archiving" edu-doc void "$filed" --reason 归档期限有误
t_eq "... handled, no archive code or retention" "$(edu-doc list | grep "^$doc," | cut -d, -f11,14-16)" "安全科,handled,,"
t_eq "... --as-of 2026-03-25: handled" "$(edu-doc list --as-of 2026-03-25 | grep "^$doc," | cut -d, -f14)" "handled"
t_grep "... audited" '"void":[0-9]+,"event":"archived","day":"2026-03-20","reason":"归档期限有误","status":\["archived","handled"\],"archive_code":\["J001-[^"]*",null\],"retention":\["10y",null\]' "$(last_audit)"
t_grep "... show marks it" "archived 安全科 \\[void: 归档期限有误\\]" "$(edu-doc show "$doc")"

edu-doc list | grep -E "^doc_no|^$doc," | sed 's/,安全科,/,办公室,/' > dept.csv
t_exit 0 "a department changed by import --upsert" edu-doc import --upsert --on 2026-03-21 dept.csv
t_eq "... a corrected event" "$(edu-doc events "$doc" | tail -1 | cut -d, -f3-9)" \
	'2026-03-21,corrected,handled,办公室,,"{""department"":""安全科""}","{""department"":""办公室""}"'
t_eq "... --as-of the day before: 安全科" "$(edu-doc list --as-of 2026-03-20 | grep "^$doc," | cut -d, -f11)" "安全科"
t_eq "... --as-of that day: 办公室" "$(edu-doc list --as-of 2026-03-21 | grep "^$doc," | cut -d, -f11)" "办公室"
t_grep "... show says it was a correction" "event 2026-03-21,corrected: handled 办公室" "$(edu-doc show "$doc")"
t_unchanged "... the same upsert again" 1 edu-doc import --upsert --on 2026-03-22 dept.csv
edu-doc list | grep -E "^doc_no|^$doc," | sed 's/,handled,,$/,archived,J001-WS·2026-D30-0009,30y/' > filed.csv
t_exit 0 "archived by import --upsert" edu-doc import --upsert --on 2026-03-23 filed.csv
t_eq "... the correction keeps the archive code and retention too" "$(edu-doc events "$doc" | tail -1 | cut -d, -f8-)" \
	'"{""status"":""handled"",""archive_code"":null,""retention"":null}","{""status"":""archived"",""archive_code"":""J001-WS·2026-D30-0009"",""retention"":""30y""}",,,'
t_exit 0 "... voided" edu-doc void "$(edu-doc events "$doc" | tail -1 | cut -d, -f1)" --reason 导入错误
t_eq "... handled, without them, as before the upsert" "$(edu-doc list | grep "^$doc," | cut -d, -f14-16)" "handled,,"

t_exit 0 "the audit chain holds" edu-db check

# ---- roles ------------------------------------------------------------------------------
sqlite3 "$EDU_DB" "UPDATE user SET role = 'auditor' WHERE login = '$me'"
t_exit 0 "an auditor reads a case's events" edu-petition events $case
t_exit 77 "... but may not void one" edu-petition void "$reg" --reason x
t_exit 77 "... nor an asset's" edu-assets void "$added" --reason x
done_testing
