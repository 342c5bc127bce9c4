#!/bin/sh
# Numbers are taken only after a row passed every check (DESIGN 11): a
# refused row, and a dry run, use no case, asset or document number, so
# the numbers have no gaps that no record explains.
. "$(dirname "$0")/lib.sh"

sample_db
seq_last() { sqlite3 "$EDU_DB" "SELECT coalesce(max(last), 0) FROM sequence WHERE scope LIKE '$1'"; }

# ---- petitions ----------------------------------------------------------
cat > "$tmp/case.csv" <<'CSV'
case_no,kind,received_on,petitioner,subject,channel,category
,XF,2026-03-02,甲,坏渠道,pigeon,claim
,XF,2026-03-02,乙,好的,letter,claim
CSV
t_exit 1 "cases: a dry run of a refused and a good row" edu-petition -n import --reject "$tmp/case-rej0.csv" "$tmp/case.csv"
t_eq "... takes no number" "$(seq_last 'petition.XF.2026')" 0
t_exit 1 "cases: --reject with the first row refused" edu-petition import --reject "$tmp/case-rej.csv" "$tmp/case.csv"
t_grep "... one inserted, one rejected" "1 inserted, 0 updated, 0 unchanged, 1 rejected" "$err"
t_eq "... the good row is XF-2026-00001" \
	"$(sqlite3 "$EDU_DB" "SELECT case_no FROM petition WHERE petitioner = '乙'")" XF-2026-00001
t_eq "... and the sequence stands at 1" "$(seq_last 'petition.XF.2026')" 1
t_grep "... the refused row in the reject file" "^,XF,pigeon,claim,2026-03-02,甲,.*channel" "$(cat "$tmp/case-rej.csv")"
t_exit 0 "... the next case is XF-2026-00002" edu-petition -q new --kind XF --received 2026-03-03 \
	--petitioner 丙 --subject 下一个 --channel letter --category claim
t_grep "... XF-2026-00002" "^XF-2026-00002," "$out"

# ---- assets ------------------------------------------------------------
cat > "$tmp/asset.csv" <<'CSV'
tag,name,category,unit,acquired_on,cost
,太便宜,computer,2111010201,2026-05-01,500.00
,好电脑,computer,2111010201,2026-05-01,5999.00
CSV
t_exit 1 "assets: a dry run of a refused and a good row" edu-assets -n import --reject "$tmp/asset-rej0.csv" "$tmp/asset.csv"
t_eq "... takes no number" "$(seq_last 'asset:%')" 0
t_exit 1 "assets: --reject with the first row refused" edu-assets import --reject "$tmp/asset-rej.csv" "$tmp/asset.csv"
t_grep "... one inserted, one rejected" "1 inserted, 0 updated, 0 unchanged, 1 rejected" "$err"
t_eq "... the good row is 2111010201-2026-00001" \
	"$(sqlite3 "$EDU_DB" "SELECT tag FROM asset WHERE name = '好电脑'")" 2111010201-2026-00001
t_eq "... and the sequence stands at 1" "$(seq_last 'asset:%')" 1
t_grep "... the refused row in the reject file" "太便宜.*cost: 500.00 yuan is under" "$(cat "$tmp/asset-rej.csv")"

# ---- incoming documents ------------------------------------------------
cat > "$tmp/doc.csv" <<'CSV'
来文单位,标题,收发,收文日期
西城区人民政府,坏日期,收文,2026-04-31
北京市教育委员会,好的来文,收文,2026-04-02
CSV
t_exit 1 "documents: a dry run of a refused and a good row" edu-doc -n import --reject "$tmp/doc-rej0.csv" "$tmp/doc.csv"
t_eq "... takes no number" "$(sqlite3 "$EDU_DB" "SELECT count(*) FROM document")" 0
t_exit 1 "documents: --reject with the first row refused" edu-doc import --reject "$tmp/doc-rej.csv" "$tmp/doc.csv"
t_eq "... the good row is 收〔2026〕1号" \
	"$(sqlite3 "$EDU_DB" "SELECT doc_no FROM document WHERE title = '好的来文'")" "收〔2026〕1号"

# ---- a pattern too short for the serial is refused, not widened --------
edu-db -q config set asset.pattern 'T{seq:1}'
sqlite3 "$EDU_DB" "INSERT INTO sequence(scope, last) VALUES ('asset:T*', 9)"
printf 'tag,name,category,unit,acquired_on,cost\n,第十台,computer,2111010201,2026-05-02,5999.00\n' > "$tmp/ten.csv"
t_exit 65 "assets: serial 10 in {seq:1}" edu-assets import "$tmp/ten.csv"
t_grep "... refused with the pattern and the serial" \
	"ten.csv:2: tag: serial 10 needs more than the 1 digits of \{seq:1\} in the pattern 'T\{seq:1\}'" "$err"
t_eq "... nothing written" "$(sqlite3 "$EDU_DB" "SELECT count(*) FROM asset WHERE name = '第十台'")" 0

done_testing
