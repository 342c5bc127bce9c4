#!/bin/sh
# tests/bench/assets.sh BINDIR - edu-assets import of N assets, and a
# depreciation run over them, against baselines in the same run: the same
# file through the sqlite3 shell's .import into a bare table, and the same
# straight-line figures computed by one SQL query in the sqlite3 shell.
# edu does more per row (validation, the category's rules, a key lookup,
# an event row, an audit row with its SHA-256 chain; per asset a rounding
# to the fen), so it is slower; the benchmark reports the ratios and fails
# when one is past its limit.
set -eu
bin=$(cd "$1" && pwd)
N=${N:-100000}
# Above edu-school's 40: each asset also writes its first event row.
MAX_IMPORT_RATIO=${MAX_IMPORT_RATIO:-60}
MAX_DEPRECIATE_RATIO=${MAX_DEPRECIATE_RATIO:-20}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"

awk -v n="$N" 'BEGIN {
	split("computer office vehicle furniture machinery electrical", cat, " ")
	split("6 6 8 15 10 5", life, " ")
	print "tag,name,category,class_code,model,unit,location,custodian,acquired_on,cost,life_years,funding,status,disposed_on,batch_item"
	for (i = 0; i < n; i++) {
		k = i % 6 + 1
		printf "BX-%07d,测试资产%d,%s,,,21110102%02d,教学楼%d,张三,%04d-%02d-%02d,%d.%02d,%d,财政拨款,in-use,,no\n", \
			i, i, cat[k], i % 40 + 1, i % 500, 2010 + i % 16, i % 12 + 1, i % 28 + 1, \
			1000 + (i * 7919) % 500000, i % 100, life[k]
	}
}' > assets.csv

now() { date +%s.%N; }
t0=$(now)
sqlite3 base.db "CREATE TABLE asset(tag TEXT PRIMARY KEY, name, category, class_code, model, unit, location, custodian, acquired_on, cost, life_years, funding, status, disposed_on, batch_item);" \
	".mode csv" ".import --skip 1 assets.csv asset"
t1=$(now)
"$bin/edu-db" -q -d edu.db init
t2=$(now)
"$bin/edu-assets" -q -d edu.db import assets.csv
t3=$(now)
rows=$("$bin/edu-db" -d edu.db query "SELECT count(*) FROM asset" | tail -1)
[ "$rows" -eq "$N" ] || { echo "import: $rows rows, want $N"; exit 1; }

# The baseline of a depreciation run: months to November 2026 and the
# accumulated amount of each asset in one query, in floating point.
t4=$(now)
sqlite3 base.db "SELECT tag, min(life_years * 12, (2026 * 12 + 10) - (CAST(substr(acquired_on, 1, 4) AS INTEGER) * 12 + CAST(substr(acquired_on, 6, 2) AS INTEGER) - 1) + 1) AS m, round(cost / (life_years * 12), 2) * 1 AS monthly FROM asset ORDER BY tag" > base.out
t5=$(now)
"$bin/edu-assets" -d edu.db depreciate --as-of 2026-11 > edu.out
t6=$(now)
[ "$(wc -l < edu.out)" -eq $((N + 1)) ] || { echo "depreciate: $(wc -l < edu.out) lines, want $((N + 1))"; exit 1; }
# The totals hold: accumulated plus book value is the cost, to the fen.
"$bin/edu-assets" -d edu.db depreciate --as-of 2026-11 --summary | tail -1 |
	awk -F, '{ line = $0; gsub(/\./, ""); if ($3 != $5 + $6) { print "depreciate: totals do not add up: " line; exit 1 } }'

awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v f="$t5" -v g="$t6" \
    -v mi="$MAX_IMPORT_RATIO" -v md="$MAX_DEPRECIATE_RATIO" 'BEGIN {
	base = b - a; edu = d - c; r = edu / base
	printf "import of %d assets: sqlite3 .import %.2f s (%.0f rows/s), edu-assets import %.2f s (%.0f rows/s), ratio %.1f (limit %d)\n", n, base, n / base, edu, n / edu, r, mi
	dbase = f - e; dedu = g - f; rd = dedu / dbase
	printf "depreciation of %d assets: sqlite3 query %.2f s, edu-assets depreciate %.2f s (%.0f assets/s), ratio %.1f (limit %d)\n", n, dbase, dedu, n / dedu, rd, md
	exit r > mi || rd > md
}'
