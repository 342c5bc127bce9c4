#!/bin/sh
# edu-cert teacher qualification (issue 21): check each applicant
# against each condition, and issue only to those who meet them all,
# unless --override --reason, audited per applicant.  examples/
# teachers.csv has six applicants, of whom three fail one condition
# each, checked on 2026-03-01.
. "$(dirname "$0")/lib.sh"

sample_db
edu-db -q config set bureau.region 110102
T=$examples/teachers.csv
H=id_number,name,category,education,putonghua,exam,age,health,declaration,result

t_exit 1 "check: three of six fail, so exit 1" edu-cert check --kind teacher --on 2026-03-01 "$T"
t_eq "... each condition with pass or fail and why" "$out" "$H
11010219900101002X,孙丽,primary,pass,pass,pass,pass,pass,pass,pass
110102198808080139,钱伟,senior,pass,pass,pass,pass,pass,pass,pass
110102199805200021,李婷,kindergarten,pass,pass,pass,pass,pass,pass,pass
110102199503120034,周强,junior,fail: secondary: junior needs 专科 or above (教师法 art. 11),pass,pass,pass,pass,pass,fail
110102199607070043,吴敏,primary,pass,fail: 2B: a Chinese-language teacher needs 2A (二级甲等) or better,pass,pass,pass,pass,fail
110102198510100053,郑刚,senior,pass,pass,fail: the pass of 2022-12-15 ran out on 2025-12-14 (three years),pass,pass,pass,fail"
t_grep "... counted" "6 applicants checked, 3 failing" "$err"
t_exit 0 "the three who pass: exit 0" sh -c "head -4 '$T' | edu-cert check --kind teacher --on 2026-03-01"
# The exam pass of 2022-12-15 is valid three years: to 2025-12-14.
t_run sh -c "sed -n '1p;7p' '$T' | edu-cert check --kind teacher --on 2025-12-14"
t_eq "the exam pass on its last valid day" "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f6)" pass
t_run sh -c "sed -n '1p;7p' '$T' | edu-cert check --kind teacher --on 2025-12-15"
t_eq "... not the day after" "$(printf '%s\n' "$out" | sed -n 2p | cut -d, -f6)" \
	"fail: the pass of 2022-12-15 ran out on 2025-12-14 (three years)"
t_exit 64 "check is for teachers" edu-cert check --kind junior "$T"

# The other conditions, one applicant each: retirement age (a man born
# 1964-01-15 retired at 60 on 2024-01-15, before the 2025 reform), a
# health check more than six months old, no declaration, no exam for
# higher education, an exam not given.
cat >more.csv <<'CSV'
id_number,name,sex,birth_date,category,subject,body,education,putonghua,exam_cert,exam_date,health_date,declaration
110102196401150079,王老,M,1964-01-15,senior,历史,101,本科,二级乙等,2025110100111,2025-06-15,2026-01-10,是
110102199703030084,赵新,F,1997-03-03,primary,数学,101,本科,二级乙等,2025110100222,2025-06-15,2025-08-31,否
110102199805200021,李婷,F,1998-05-20,higher,教育学,101,博士,二级甲等,,,2026-01-10,yes
110102199503120034,周强,M,1995-03-12,junior,英语,101,本科,二级甲等,,,2026-01-10,是
CSV
t_exit 1 "check the other conditions" edu-cert check --kind teacher --on 2026-03-01 more.csv
t_grep "... past the retirement age" "^110102196401150079,王老,senior,pass,pass,pass,fail: reached the statutory retirement age on 2024-01-15,pass,pass,fail$" "$out"
t_grep "... an old health check and no declaration" '^110102199703030084,赵新,primary,pass,pass,pass,pass,"fail: checked on 2025-08-31, more than 6 months before",fail: no declaration of a clean record \(教师法 art. 14\),fail$' "$out"
t_grep "... higher education needs no exam" "^110102199805200021,李婷,higher,pass,pass,not required,pass,pass,pass,pass$" "$out"
t_grep "... an exam not given" "^110102199503120034,周强,junior,pass,pass,fail: no exam pass certificate," "$out"
printf 'id_number,name,sex,birth_date,category,subject,body,education,putonghua,exam_cert,exam_date,health_date,declaration\n11010219900101002X,孙丽,F,1990-01-01,primary,语文,101,小学,二级甲等,1,2025-06-15,2026-01-10,是\n' >bad.csv
t_exit 65 "a value that is not one is bad input" edu-cert check --kind teacher --on 2026-03-01 bad.csv
t_grep "... named by FILE:LINE: COLUMN" "bad.csv:2: education: " "$err"

# issue runs the same check.
sum=$(db_sum)
t_exit 65 "issue refuses the three who fail: nothing issued" edu-cert issue --kind teacher --on 2026-03-01 "$T"
t_grep "... each with why" "teachers.csv:5: does not qualify: education: secondary: junior needs 专科" "$err"
t_grep "... nothing issued" "nothing issued \(3 refused\)" "$err"
t_eq "... the database unchanged" "$(db_sum)" "$sum"
t_exit 1 "with --reject the others are issued" edu-cert issue --kind teacher --on 2026-03-01 --reject rej.csv "$T"
t_eq "... three certificates" "$(printf '%s\n' "$out" | tail -n +2 | cut -d, -f1 | tr '\n' ' ')" \
	"20261110122000001 20261110141000001 20261110112000001 "
t_eq "... the three refused in the reject file" "$(cut -d, -f1 rej.csv | tr '\n' ' ')" \
	"id_number 110102199503120034 110102199607070043 110102198510100053 "
t_exit 64 "--override needs --reason" edu-cert issue --kind teacher --on 2026-03-01 --override "$T"
t_exit 64 "--reason alone is not an override" edu-cert issue --kind teacher --on 2026-03-01 --reason x "$T"
t_exit 0 "--override --reason issues to the rest" edu-cert issue --kind teacher --on 2026-03-01 --override --reason 省厅复核同意 "$T"
t_grep "... three more, the others skipped" "issued 3, skipped 3" "$err"
t_exit 0 "... each override audited" edu-db log -f tsv --tool edu-cert
t_eq "... three override rows" "$(printf '%s\n' "$out" | grep -c '"override":"省厅复核同意"')" 3
t_grep "... naming the condition failed" '"failed":"putonghua: 2B: a Chinese-language teacher needs 2A' "$out"
done_testing
