#!/bin/sh
# Limits (issue 14, points 9 and 10): money has a largest amount and sums
# never wrap; dates stop at 9999-12-31; number patterns are checked when
# set; petition numbers end at 99999 a kind and year; header problems are
# capped; a field holds at most 1 MiB.
. "$(dirname "$0")/lib.sh"

sample_db
edu-assets -q import "$examples/assets.csv" || echo "# cannot import the sample assets"
hdr=$(head -1 "$examples/assets.csv")

# ---- money ----------------------------------------------------------------
printf '%s\n%s\n' "$hdr" \
	"BIG-1,教学楼,building-concrete,,,2111010201,,,2020-01-15,10000000000.00,,,in-use," > max.csv
t_exit 0 "the largest amount, 10000000000.00 yuan, imports" edu-assets -q import max.csv
printf '%s\n%s\n' "$hdr" \
	"BIG-2,教学楼,building-concrete,,,2111010201,,,2020-01-15,10000000000.01,,,in-use," > over.csv
t_exit 65 "a fen more is refused" edu-assets import over.csv
t_grep "... with FILE:LINE and the maximum" "^edu-assets: over.csv:2: cost: '10000000000.01' is more than the largest amount, 10000000000.00 yuan$" "$err"
printf '%s\n%s\n' "$hdr" \
	"BIG-3,教学楼,building-concrete,,,2111010201,,,2020-01-15,92233720368547758.07,,,in-use," > huge.csv
t_exit 65 "an amount past int64 is refused the same way" edu-assets import huge.csv
t_grep "... not as a bad number" "more than the largest amount" "$err"

# A register the tools would not have taken (edited by hand, or an older
# version): the sums would pass int64.  They are refused, never wrapped.
sqlite3 "$EDU_DB" "UPDATE asset SET cost = 4000000000000000000 WHERE tag IN ('XC-0001', 'XC-0002', 'XC-0003')"
t_exit 65 "depreciate: a cost above the maximum is refused" edu-assets depreciate --as-of 2026-11 --summary --record
t_grep "... saying so" "more than the largest amount" "$err"
t_eq "... and no ledger row" "$(sqlite3 "$EDU_DB" "SELECT count(*) FROM run WHERE verb = 'depreciate'")" 0
t_exit 65 "stats: refused too, not an internal error" edu-assets stats
t_grep "... naming the asset" "^edu-assets: asset XC-000[123]: its cost is more than the largest amount" "$err"

# Sums of costs at the maximum are exact (no asset above it).
sqlite3 "$EDU_DB" "UPDATE asset SET cost = 1000000000000 WHERE cost > 1000000000000"
t_exit 0 "depreciate --summary with costs at the maximum" edu-assets depreciate --as-of 2026-11 --summary
total=$(sqlite3 "$EDU_DB" "SELECT sum(cost) FROM asset WHERE status <> 'disposed'")
t_grep "... the cost total exact" ",$((total / 100))\.$(printf '%02d' $((total % 100)))," "$out"
t_exit 0 "stats with costs at the maximum" edu-assets stats

# ---- dates ----------------------------------------------------------------
t_exit 65 "a due date past 9999-12-31 is refused" edu-db calendar due 9999-12-31 15
t_eq "... with a clear message, not 0000-01-17" "$err" "edu-db: the due date falls after 9999-12-31, the last day the tools handle"
t_exit 65 "... in working days too" edu-db calendar due 9999-12-20 15 --workdays
t_exit 0 "the last days still work" edu-db calendar due 9999-12-01 10
t_eq "... 9999-12-13 (12-11 is a Saturday)" "$out" "9999-12-13"

# ---- number patterns ------------------------------------------------------
for p in '{year}{region}{seq:99}' '{year}{seq:3}{seq:4}' '{year}{region}' \
	 '{year}{body}{seq:6}' '{year}{seq:6' 'x{seq:0}' 'x{seq:13}'; do
	t_exit 65 "config set cert.junior.pattern '$p' is refused" edu-db config set cert.junior.pattern "$p"
done
t_grep "... saying why" "^edu-db: cert.junior.pattern: \{seq:13\}: the width N of \{seq:N\} is 1 to 12$" "$err"
t_exit 65 "asset.pattern with a certificate's placeholder" edu-db config set asset.pattern '{unit}{region}{seq:5}'
t_exit 0 "a good pattern is taken" edu-db config set cert.junior.pattern 'C{year}{region}{seq:12}'
t_exit 0 "... and the teacher's own placeholders" edu-db config set cert.teacher.pattern '{year}{province}{body}{category}{sex}{seq:6}'

# ---- petition numbers -----------------------------------------------------
sqlite3 "$EDU_DB" "INSERT INTO sequence(scope, last) VALUES ('petition.XF.2026', 99998)"
t_exit 0 "case 99999 is taken" edu-petition new --kind XF --received 2026-03-02 --petitioner 张三 --subject 学位 --channel letter --category claim
t_grep "... as XF-2026-99999" "^XF-2026-99999," "$out"
t_exit 65 "the next one is refused" edu-petition new --kind XF --received 2026-03-02 --petitioner 李四 --subject 学位 --channel letter --category claim
t_grep "... saying the numbers of the year are used up" "no case number left: XF-2026-99999 was the last of kind XF in 2026" "$err"
t_exit 0 "the next year starts again" edu-petition -q --on 2027-01-04 new --kind XF --received 2027-01-04 --petitioner 王五 --subject 校车 --channel letter --category claim

# ---- headers and field lengths --------------------------------------------
awk 'BEGIN { printf "school_code,name"; for (i = 0; i < 100000; i++) printf ",x%d", i; print "" }' > wide.csv
t_exit 65 "a header with 100000 unknown columns is refused" edu-school import wide.csv
t_eq "... in 101 lines of problems, and one more" "$(printf '%s\n' "$err" | wc -l | tr -d ' ')" 102
t_grep "... then how many more" "^edu-school: wide.csv:1: and 99900 more problems with the header$" "$err"
awk 'BEGIN { printf "name,total"; for (i = 0; i < 5000; i++) printf ",y%d", i; print "" }' > wide2.csv
t_exit 65 "edu-exam's header too" edu-exam import --year 2026 wide2.csv
t_grep "... capped" "and [0-9]+ more problems with the header" "$err"

{ head -1 "$examples/schools.csv"; sed -n 2p "$examples/schools.csv" |
	awk -F, -v OFS=, '{ l = "x"; while (length(l) < 1100000) l = l l; $2 = substr(l, 1, 1100000); print }'; } > long.csv
t_exit 65 "a name of 1100000 bytes is refused" edu-school import --upsert long.csv
t_grep "... with FILE:LINE" "^edu-school: long.csv:2: field 2: 1100000 bytes, more than the 1048576 a field may hold$" "$err"

done_testing
