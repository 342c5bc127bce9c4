#!/bin/sh
# edu-school evaluations by a standard (issue 21): a rubric, a panel of
# five experts, trimmed means, the weighted total, a veto item, the
# decision that confers the title, and titles due for re-evaluation.
# Every figure below is worked by hand from examples/rubric.csv and
# examples/scores.csv.
. "$(dirname "$0")/lib.sh"

sample_db
S=省级示范初中
t_exit 0 "import the rubric" edu-school rubric import "$examples/rubric.csv"
t_grep "... 7 items" "rubric: 7 inserted" "$err"
t_exit 0 "rubric list imports back unchanged" sh -c 'edu-school rubric list | edu-school rubric import --upsert'
t_grep "... nothing changed" "0 inserted, 0 updated, 7 unchanged" "$err"

printf 'standard,type,code,name,points,weight,veto\nX,indicator,B1,安全,10,1,12\nX,level,pass,合格,0,,\nX,validity,term,,5,,\nX,level,good,良好,80,2,\n' >"$tmp/bad-rubric.csv"
t_exit 65 "a bad rubric is refused whole" edu-school rubric import "$tmp/bad-rubric.csv"
t_grep "... a veto line above the maximum" "bad-rubric.csv:2: veto: the veto line 12 is above the maximum 10" "$err"
t_grep "... a level without a threshold" "bad-rubric.csv:3: points: a level's threshold must be above 0" "$err"
t_grep "... a validity row's code" "bad-rubric.csv:4: code: a validity row's code is 'years'" "$err"
t_grep "... a weight on a level" "bad-rubric.csv:5: weight: only indicators have one" "$err"

t_exit 0 "evaluate new" edu-school evaluate new --standard "$S" --school 2111010223 --year 2026
t_eq "... prints the evaluation's number" "$out" "evaluation,standard,school_code,year
1,$S,2111010223,2026"
edu-school -q evaluate new --standard "$S" --school 2111010224 --year 2026 >/dev/null
t_exit 65 "the same school, standard and year twice" edu-school evaluate new --standard "$S" --school 2111010223 --year 2026
t_grep "... names the first" "evaluation 1 is of that school" "$err"
t_exit 65 "a standard without a rubric" edu-school evaluate new --standard 无此标准 --school 2111010223 --year 2026
t_exit 65 "a school not in the registry" edu-school evaluate new --standard "$S" --school 2111019999 --year 2026
t_exit 64 "--year is required" edu-school evaluate new --standard "$S" --school 2111010223

sum=$(db_sum)
printf 'evaluation,expert,indicator,points\n1,E1,A1,20.5\n1,E1,Z9,5\n9,E1,A1,5\n' >"$tmp/bad-scores.csv"
t_exit 65 "scores above the maximum, of no indicator or no evaluation are refused" edu-school evaluate scores "$tmp/bad-scores.csv"
t_grep "... above the maximum" "bad-scores.csv:2: points: 20.5 is above the indicator's maximum 20" "$err"
t_grep "... no such indicator" "bad-scores.csv:3: indicator: no indicator 'Z9'" "$err"
t_grep "... no such evaluation" "bad-scores.csv:4: evaluation: no evaluation '9'" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
t_exit 0 "import the panel's scores" edu-school evaluate scores "$examples/scores.csv"
t_grep "... 2 evaluations x 5 experts x 4 indicators" "score: 40 inserted" "$err"

# Evaluation 1, five experts, each indicator drops its highest and lowest:
#   A1 18 19 20 16 20 -> 18 19 20 = 19.00, weight 1   -> 19.00
#   A2 17 18 19 20 15 -> 17 18 19 = 18.00, weight 1.5 -> 27.00
#   A3 36 38 37 40 30 -> 36 37 38 = 37.00             -> 37.00
#   A4  9 10  8  9 10 ->  9  9 10 = 9.33 (28/3)       ->  9.33
#   total 92.33 (277/3): pass (85), not excellent (95).
t_exit 0 "evaluate result 1" edu-school evaluate result 1
t_eq "... means, weights and the total as worked by hand" "$out" "evaluation,indicator,name,max_points,weight,veto,experts,mean,weighted,note
1,A1,办学方向与学校管理,20,1,,5,19.00,19.00,
1,A2,教师队伍建设,20,1.5,,5,18.00,27.00,
1,A3,教育教学质量,40,1,,5,37.00,37.00,
1,A4,校园安全（一票否决）,10,1,6,5,9.33,9.33,
1,total,$S,100.00,,,,,92.33,pass: level pass"
# Evaluation 2: 19 + 19*1.5 + 38 = 85.5 before the veto item; A4 marks
# 4 5 5 6 10 keep 5 5 6 = 5.33, below its line 6 (untrimmed the mean
# would be 6.00 and pass it): total 90.83, but the veto fails it.
t_exit 0 "evaluate result 2" edu-school evaluate result 2
t_grep "... the veto item" "^2,A4,校园安全（一票否决）,10,1,6,5,5.33,5.33,veto: below its line$" "$out"
t_grep "... fails whatever the total" "^2,total,$S,100.00,,,,,90.83,fail: veto \(A4\)$" "$out"
t_exit 1 "no such evaluation" edu-school evaluate result 7

# A third school, three experts (no trimming), below the pass mark:
#   A1 16 17 18 = 17 (0.85 of 20: not below the pass share 85/100)
#   A2 16 16 16 = 16 -> 24 (0.80: weak), A3 32 34 30 = 32 (0.80: weak),
#   A4 8 8 8 = 8 (0.80: weak, above its veto line) -> total 81.
edu-school -q evaluate new --standard "$S" --school 2111010225 --year 2026 >/dev/null
{
	echo evaluation,expert,indicator,points
	for e in 1 2 3; do
		echo "3,E$e,A1,$((15 + e))"; echo "3,E$e,A2,16"; echo "3,E$e,A4,8"
	done
} >"$tmp/s3.csv"
t_exit 0 "scores of a panel of three, none yet for A3" edu-school evaluate scores "$tmp/s3.csv"
t_exit 0 "... its result says it is incomplete" edu-school evaluate result 3
t_grep "... A3 has no scores" "^3,A3,教育教学质量,40,1,,0,,,no scores$" "$out"
sum=$(db_sum)
t_exit 65 "an incomplete evaluation is not decided" edu-school evaluate decide 3 --doc 西教发〔2026〕31号
t_grep "... says why" "evaluation 3: is incomplete" "$err"
t_eq "... nothing written" "$(db_sum)" "$sum"
printf 'evaluation,expert,indicator,points\n3,E1,A3,32\n3,E2,A3,34\n3,E3,A3,30\n' | edu-school -q evaluate scores
t_exit 0 "evaluate result 3" edu-school evaluate result 3
t_grep "... A1 at the pass share is not weak" "^3,A1,办学方向与学校管理,20,1,,3,17.00,17.00,$" "$out"
t_grep "... A2 is weak" "^3,A2,教师队伍建设,20,1.5,,3,16.00,24.00,weak$" "$out"
t_grep "... total 81, below the lowest level" "^3,total,$S,100.00,,,,,81.00,fail: below the lowest level; weak: A2 A3 A4$" "$out"

# The decision: evaluation 1 passes and becomes the title, for the
# standard's five years (2026-06-30 to 2031-06-29); 2 and 3 fail with
# their weak indicators named.  One run, one transaction.
t_exit 64 "--doc is required" edu-school evaluate decide 1
t_exit 0 "decide all three" edu-school evaluate decide 1 2 3 --on 2026-06-30 --doc 西教发〔2026〕30号
t_eq "... the results" "$out" "evaluation,school_code,standard,result,level,total,since,until,weak,doc
1,2111010223,$S,pass,pass,92.33,2026-06-30,2031-06-29,,西教发〔2026〕30号
2,2111010224,$S,fail,,90.83,,,A4,西教发〔2026〕30号
3,2111010225,$S,fail,,81.00,,,A2 A3 A4,西教发〔2026〕30号"
t_eq "... the pass is the designation" "$(edu-school designations)" "school_code,name,title,since,until,current
2111010223,北京市西城区新街口中学,$S,2026-06-30,2031-06-29,yes"
t_grep "... the fails are recorded" "^2,$S,2111010224,北京市西城区月坛初级中学,2026,failed,2026-06-30,西教发〔2026〕30号,90.83,,A4$" "$(edu-school evaluate list)"
t_grep "... show lists the evaluation" "^evaluation 2,$S 2026: failed 2026-06-30$" "$(edu-school show 2111010224)"
t_exit 0 "... audited" edu-db log -f tsv --key 1
t_grep "... the decision" '"status":\["open","passed"\]' "$out"
t_exit 65 "a decided evaluation is not decided again" edu-school evaluate decide 1 --doc x
t_grep "... says so" "evaluation 1: was decided already \(passed\)" "$err"
t_exit 65 "nor does it take scores" sh -c 'printf "evaluation,expert,indicator,points\n1,E6,A1,10\n" | edu-school evaluate scores'

# designations --due: the title ends 2031-06-29.
t_exit 1 "nothing due on 2030-12-30 (181 days left, the window 180)" edu-school designations --due --on 2030-12-30
t_eq "... prints nothing, like grep" "$out" ""
t_exit 0 "due on 2031-01-01 (179 days left)" edu-school designations --due --on 2031-01-01
t_eq "... the title" "$out" "school_code,name,title,since,until,days_left
2111010223,北京市西城区新街口中学,$S,2026-06-30,2031-06-29,179"
t_exit 1 "--within 100 leaves it out" edu-school designations --due --on 2031-01-01 --within 100
t_exit 0 "once it ended it is still due" edu-school designations --due --on 2031-07-01 --within 0
t_grep "... days_left negative" ",-2$" "$out"
edu-school -q designate 2111010223 --title "$S" --since 2031-06-20 --until 2036-06-19
t_exit 1 "a renewed title is no longer due" edu-school designations --due --on 2031-07-01
t_exit 64 "--within without --due" edu-school designations --within 5
done_testing
