#!/bin/sh
# edu-report: every figure of the annual report recomputed by an
# independent awk script from the tools' own lists (edu-school list,
# edu-enroll list --as-of, edu-cadre list --as-of, edu-assets depreciate,
# edu-petition list, edu-doc list, edu-cert list), the totals of every
# cross table added up, the SVG charts parsed, options and roles.
. "$(dirname "$0")/lib.sh"

sample_db
edu-db -q config set bureau.region 110102
edu-enroll -q import "$examples/students.csv"
# Two kindergarten pupils (schema 013: K1-K3), so that grades K2 and K3
# are counted and labelled as the registry writes them.
cat > kids.csv <<'CSV'
id_number,name,sex,birth_date,school_code,grade,entry_date
110102202103150036,小明,M,2021-03-15,2111010201,K3,2025-09-01
110102202206200040,小红,F,2022-06-20,2111010201,K2,2025-09-01
CSV
edu-enroll -q import kids.csv
# The 2025-26 school year ends: grades 9 and 12 graduate on 2026-07-01,
# the junior graduates get their certificates on 07-05.
edu-enroll -q list --status enrolled | awk -F, 'NR == 1 || $9 == 9 || $9 == 12' |
	edu-enroll -q --on 2026-07-01 graduate
edu-cert -q --on 2026-07-05 issue --kind junior --eligible --year 2026 >/dev/null
# After the reference day: one more graduate, which the report must not see.
edu-enroll -q list --status enrolled | awk -F, 'NR == 1 || $9 == 6' | head -2 |
	edu-enroll -q --on 2026-09-10 graduate

cat > staff.csv <<'CSV'
staff_no,id_number,name,sex,birth_date,unit,category,position,rank,title,title_since,education,degree,party,party_since,hired_on,status
S001,110102196501100116,王建国,M,1965-01-10,2111010201,cadre,校长,正科,高级教师,2015-09-01,本科,学士,member,1990-07-01,1987-08-01,active
S002,,李芳,F,1971-04-20,2111010209,cadre,副校长,副科,一级教师,2010-09-01,本科,,member,1995-07-01,1993-08-01,active
S003,,张伟,M,1966-12-01,2111010209,teacher,,,一级教师,2018-09-01,本科,,none,,1988-08-01,active
S004,,赵丽,F,1975-03-05,2111010209,worker,,,,,高中,,none,,1995-03-01,active
S005,,刘洋,M,1990-06-15,2111010218,teacher,,,二级教师,2020-09-01,硕士研究生,硕士,none,,2015-09-01,active
S006,,陈静,F,1985-02-10,2111010218,teacher,,,一级教师,2019-09-01,本科,学士,none,,2008-09-01,active
S007,,周敏,F,1998-01-15,2111010218,teacher,,,,,本科,,none,,2020-09-01,active
S008,,吴刚,M,1964-12-20,人事科,cadre,,,,,大专,,none,,1984-09-01,active
S009,,郑红,F,1976-01-20,2111010209,teacher,,,二级教师,2003-09-01,本科,,none,,1998-09-01,active
S010,,新人,F,2001-05-05,2111010218,teacher,,,,,本科,,none,,2026-10-01,active
CSV
edu-cadre -q import staff.csv
edu-assets -q import "$examples/assets.csv"
# Cases: two in the year, one before it, one after the day.
edu-petition -q new --kind XF --received 2026-02-01 --petitioner 张三 --subject 学位 \
	--channel letter --category claim >/dev/null
edu-petition -q accept XF-2026-00001 --on 2026-02-05
edu-petition -q reply XF-2026-00001 --text 已答复 --on 2026-03-20
edu-petition -q new --kind XF --received 2026-05-11 --petitioner 李四 --subject 收费 \
	--channel visit --category complaint >/dev/null
edu-petition -q accept XF-2026-00002 --on 2026-05-12
edu-petition -q new --kind SS --received 2026-06-01 --petitioner 王五 --subject 诉讼 >/dev/null
edu-petition -q new --kind XF --received 2025-06-01 --petitioner 赵六 --subject 旧事 \
	--channel online --category suggestion >/dev/null
edu-petition -q new --kind XF --received 2026-10-09 --petitioner 孙七 --subject 新事 \
	--channel online --category suggestion >/dev/null
edu-doc -q issue --prefix 西教发 --title 开学通知 --on 2026-03-02 >/dev/null
edu-doc -q issue --prefix 西教发 --title 安全通知 --on 2026-04-02 >/dev/null
edu-doc -q receive --issuer 北京市教育委员会 --title 检查通知 --on 2026-04-03 >/dev/null
edu-doc -q issue --prefix 西教发 --title 秋季通知 --on 2026-10-02 >/dev/null

day=2026-09-01 from=2025-09-01
t_exit 0 "annual --year 2026 (as of 09-01, the default day)" edu-report -f tsv annual --year 2026
printf '%s\n' "$out" >annual.tsv
t_eq "... the long form's header" "$(head -1 annual.tsv)" "$(printf 'section\ttable\trow\tcolumn\tvalue')"
t_eq "... every section is there" "$(tail -n +2 annual.tsv | cut -f1 | uniq | tr '\n' ' ')" \
	"schools students exam staff assets petitions documents certificates "
t_exit 0 "the same with --as-of $day" edu-report -f tsv annual --as-of $day
t_eq "... gives the same figures" "$out" "$(cat annual.tsv)"

for s in schools petitions documents certificates; do
	t_eq "edu-report $s: the same lines as its part of annual" \
		"$(edu-report -f tsv $s --as-of $day | tail -n +2)" \
		"$(awk -F'\t' -v s=$s 'NR > 1 && $1 == s' annual.tsv)"
done

# The figures of one table, without totals and zeros: "row<TAB>column<TAB>value".
figures() {
	awk -F'\t' -v s="$1" -v t="$2" '$1 == s && $2 == t && $3 !~ /^total/ &&
		$4 != "total" && $5 != "0" && $5 != "0.00" { print $3 "\t" $4 "\t" $5 }' annual.tsv | sort
}

# ---- schools ------------------------------------------------------------------
edu-school -f tsv list >schools.tsv
want=$(awk -F'\t' -v d=$day 'NR > 1 && $12 == "open" && ($9 == "" || $9 <= d) { n[$3 "\t" $4]++ }
	END { for (k in n) print k "\t" n[k] }' schools.tsv | sort)
t_eq "schools by kind and ownership = edu-school list" "$(figures schools by-kind)" "$want"

# ---- students -------------------------------------------------------------------
edu-enroll -f tsv list --as-of $day >students.tsv
want=$(awk -F'\t' 'NR == FNR { if (FNR > 1) kind[$1] = $3; next }
	FNR > 1 && $12 == "enrolled" { n[kind[$8] " / " $9 "\t" $5]++ }
	END { for (k in n) print k "\t" n[k] }' schools.tsv students.tsv | sort)
t_eq "students by kind, grade and sex = edu-enroll list --as-of" \
	"$(figures students by-kind-grade-sex)" "$want"
t_grep "... which has students" "primary / 1	F	[0-9]" "$want"
want=$(awk -F'\t' 'FNR > 1 && $12 == "enrolled" { n[$9 "\t" $5]++ }
	END { for (k in n) print k "\t" n[k] }' students.tsv | sort)
t_eq "students by grade and sex = the list" "$(figures students by-grade)" "$want"
t_grep "... the kindergarten grades as K2 and K3" "^K2	F	1
K3	M	1" "$(figures students by-grade | grep '^K')"
t_eq "... no grade 9 or 12 on the day (they graduated in July)" \
	"$(figures students by-grade | awk -F'\t' '$1 == 9 || $1 == 12')" ""
want=$(awk -F'\t' 'NR == FNR { if (FNR > 1) kind[$1] = $3; next }
	FNR > 1 && $1 == "graduate" && $2 > "2025-09-01" && $2 <= "2026-09-01" { n[kind[$3]]++ }
	END { for (k in n) print k "\tgraduated\t" n[k] }' schools.tsv \
	"$(edu-db -f tsv query "SELECT kind, day, from_school FROM student_event" >events.tsv; echo events.tsv)" | sort)
t_eq "graduates in the year = the graduate events up to the day" \
	"$(figures students flows | grep graduated)" "$want"
t_grep "... 2 graduates after the day are not counted" "[0-9]" "$want"
want=$(awk -F'\t' 'FNR > 1 && $12 == "enrolled" && $7 != "" && $7 != "汉族" { n[$7 "\tstudents"]++ }
	END { for (k in n) print k "\t" n[k] }' students.tsv | sort)
t_eq "ethnic minorities = the list" "$(figures students minority)" "$want"
t_eq "disabled children on 2026-12-31 = edu-enroll disability-report --year 2026" \
	"$(edu-report -f tsv students --as-of 2026-12-31 --table disability)" \
	"$(edu-enroll -f tsv disability-report --year 2026)"

# ---- staff ---------------------------------------------------------------------
edu-cadre -f tsv list --as-of $day >staff.tsv
want=$(awk -F'\t' 'FNR > 1 && $17 == "active" { t = $10 == "" ? "none" : $10; n[t "\t" $4]++ }
	END { for (k in n) print k "\t" n[k] }' staff.tsv | sort)
t_eq "staff by title and sex = edu-cadre list --as-of" "$(figures staff by-title)" "$want"
t_eq "... the one hired after the day is not counted" \
	"$(awk -F'\t' '$1 == "staff" && $2 == "by-title" && $3 == "total" && $4 == "total" { print $5 }' annual.tsv)" 9
want=$(awk -F'\t' -v d=$day 'FNR > 1 && $17 == "active" {
		a = substr(d, 1, 4) - substr($5, 1, 4) - (substr(d, 6) < substr($5, 6))
		b = a < 30 ? "<30" : a < 40 ? "30-39" : a < 50 ? "40-49" : a < 55 ? "50-54" : "55+"
		n[b "\t" $4]++ }
	END { for (k in n) print k "\t" n[k] }' staff.tsv | sort)
t_eq "staff by age band and sex, ages worked out from the birth dates" "$(figures staff by-age)" "$want"
t_eq "students per teacher at 2111010218: 10 students, 3 teachers (the 4th came later)" \
	"$(awk -F'\t' '$2 == "ratio" && $3 == "2111010218" && $4 != "name" { printf "%s=%s ", $4, $5 }' annual.tsv)" \
	"students=$(awk -F'\t' 'FNR > 1 && $12 == "enrolled" && $8 == "2111010218"' students.tsv | wc -l | tr -d ' ') teachers=3 students_per_teacher=$(awk -F'\t' 'FNR > 1 && $12 == "enrolled" && $8 == "2111010218"' students.tsv | wc -l | awk '{ printf "%.1f", $1 / 3 }') "
# A man born in December 1966 retires at 60 and 6 months (2025 reform: a
# month more for every 4 months of birth from January 1965: 23 / 4 + 1).
t_eq "retirements due in 2027: S003, born 1966-12-01, on 2027-06-01" \
	"$(awk -F'\t' '$2 == "retiring" && $4 == "retires_on" { print $3 "=" $5 }' annual.tsv)" \
	"S003=2027-06-01"

# ---- assets ---------------------------------------------------------------------
want=$(edu-assets -f tsv depreciate --as-of 2026-08 --by category |
	awk -F'\t' 'NR > 1 && $1 != "total" { print $1 "\tassets\t" $2; print $1 "\tcost\t" $3;
		print $1 "\taccumulated\t" $5; print $1 "\tbook_value\t" $6 }' |
	awk -F'\t' '$3 != "0" && $3 != "0.00"' | sort)
t_eq "assets by category = edu-assets depreciate --as-of 2026-08 --by category" \
	"$(awk -F'\t' '$1 == "assets" && $2 == "by-category" && $3 != "total" && $5 != "0" && $5 != "0.00" { print $3 "\t" $4 "\t" $5 }' annual.tsv | sort)" "$want"
t_grep "... which has assets" "computer	cost	[1-9]" "$want"

# ---- petitions, documents, certificates ---------------------------------------------
edu-petition -f tsv list >cases.tsv
want=$(awk -F'\t' -v f=$from -v d=$day 'FNR > 1 && $5 > f && $5 <= d { n[substr($5, 1, 7) "\t" $2]++ }
	END { for (k in n) print k "\t" n[k] }' cases.tsv | sort)
t_eq "cases by month and kind = edu-petition list, received in the year" \
	"$(figures petitions by-month)" "$want"
t_eq "... three cases" "$(printf '%s\n' "$want" | wc -l | tr -d ' ')" 3
want=$(edu-petition -f tsv overdue --on $day | awk -F'\t' 'NR > 1' | wc -l | tr -d ' ')
t_eq "overdue on the day = edu-petition overdue --on $day" \
	"$(awk -F'\t' '$2 == "overdue" && $4 == "cases" { s += $5 } END { print s + 0 }' annual.tsv)" "$want"
edu-doc -f tsv list >docs.tsv
want=$(awk -F'\t' -v f=$from -v d=$day 'FNR > 1 { x = $2 == "in" ? $7 : $6; w = $2 == "in" ? "received" : "issued"
		if (x > f && x <= d) n[substr(x, 1, 7) "\t" w]++ }
	END { for (k in n) print k "\t" n[k] }' docs.tsv | sort)
t_eq "documents by month = edu-doc list" "$(figures documents by-month)" "$want"
edu-cert -f tsv list >certs.tsv
want=$(awk -F'\t' -v f=$from -v d=$day 'FNR > 1 && $12 > f && $12 <= d { n[$2 "\tissued"]++ }
	END { for (k in n) print k "\t" n[k] }' certs.tsv | sort)
t_eq "certificates by kind = edu-cert list" "$(figures certificates by-kind)" "$want"
t_grep "... junior certificates were issued" "junior	issued	[1-9]" "$want"

# ---- the exam of 2027 and the establishment ----------------------------------------------
edu-exam -q import --year 2027 "$examples/candidates.csv"
edu-exam -q seats import --year 2027 "$examples/seats.csv"
edu-exam -q admit --year 2027 --seed 20270715 >/dev/null
t_exit 0 "the exam section of 2027" edu-report -f tsv exam --as-of 2027-09-01
printf '%s\n' "$out" >exam.tsv
admitted=$(edu-exam -f tsv list --year 2027 | awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "school_code") c = i; next }
	$c != "" { n++ } END { print n + 0 }')
t_eq "admitted = edu-exam list --year 2027 with a school" \
	"$(awk -F'\t' '$2 == "summary" && $4 == "admitted" { print $5 }' exam.tsv)" "$admitted"
t_grep "... which admitted some" "^[1-9]" "$admitted"
t_eq "... and by batch and round: all in the general batch, round 1" \
	"$(awk -F'\t' '$2 == "by-batch" && $3 != "total" && $4 != "total" && $5 != "0" { print $3 "/" $4 "=" $5 }' exam.tsv)" \
	"general/round1=$admitted"
t_eq "candidates = edu-exam list --year 2027" \
	"$(awk -F'\t' '$2 == "summary" && $4 == "candidates" { print $5 }' exam.tsv)" \
	"$(edu-exam -f tsv list --year 2027 | tail -n +2 | wc -l | tr -d ' ')"
t_eq "establishment = edu-cadre quota --as-of $day (schools with students or staff)" \
	"$(awk -F'\t' '$2 == "establishment" { print $3 "\t" $4 "\t" $5 }' annual.tsv | sort)" \
	"$(edu-cadre -f tsv quota --as-of $day | awk -F'\t' 'NR > 1 && ($3 > 0 || $5 > 0) {
		print $1 "\tkind\t" $2; print $1 "\tstudents\t" $3; print $1 "\tquota\t" $4
		print $1 "\tin_post\t" $5; print $1 "\tvacancies\t" $6 }' | sort)"

# ---- every cross table adds up both ways ------------------------------------------
bad=$(awk -F'\t' 'NR > 1 && $4 != "" { key = $1 "/" $2 }
	NR > 1 && $3 !~ /^total/ && $4 != "total" { row[key SUBSEP $3] += $5; col[key SUBSEP $4] += $5 }
	NR > 1 && $3 !~ /^total/ && $4 == "total" { rt[key SUBSEP $3] = $5; cross[key] = 1 }
	NR > 1 && $3 ~ /^total/ && $4 != "total" { ct[key SUBSEP $4] = $5 }
	END {
		for (k in rt) if (row[k] != rt[k]) print "row " k ": " row[k] " != " rt[k]
		for (k in ct) { split(k, p, SUBSEP); if ((p[1] in cross) && col[k] != ct[k]) print "column " k ": " col[k] " != " ct[k] }
	}' annual.tsv)
t_eq "every cross table's totals are the sums of its rows and columns" "$bad" ""

# ---- one table, a cross table by chosen labels, the table format -------------------
t_exit 0 "students --table by-grade" edu-report students --as-of $day --table by-grade
t_eq "... prints the table as CSV" "$(printf '%s\n' "$out" | head -1)" "grade,F,M,total"
t_exit 0 "students --by ownership,sex" edu-report students --as-of $day --by ownership,sex
t_eq "... its total is the by-grade total" "$(printf '%s\n' "$out" | tail -1 | cut -d, -f4)" \
	"$(awk -F'\t' '$2 == "by-grade" && $3 == "total" && $4 == "total" { print $5 }' annual.tsv)"
t_exit 0 "students --by status counts every student on the day" edu-report students --as-of $day --by status
t_eq "... graduated among them: the 11 of July, not the 2 of September" \
	"$(printf '%s\n' "$out" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "graduated") c = i } NR == 2 { print $c }')" 11
t_exit 64 "--by with a label the section does not have" edu-report students --by colour
t_grep "... says which there are" "'colour' is not one of: .*grade" "$err"
t_exit 64 "--by on a section without it" edu-report assets --by category
t_exit 64 "--table with a name the section does not have" edu-report exam --table nonsense
t_grep "... names them" "one of summary, by-batch, cutoffs" "$err"
t_exit 64 "an unknown section" edu-report annual --section students,marks
t_exit 0 "-f table: titled tables" edu-report -f table annual --year 2026 --section schools
t_grep "... with the Chinese titles" "^schools by-ownership: 学校数（按办学性质）" "$out"
t_exit 65 "report.as_of must be a day of the year" edu-db config set report.as_of 02-29
t_exit 0 "report.as_of 09-30" edu-db config set report.as_of 09-30
t_exit 0 "... then --year 2026 counts on 2026-09-30" edu-report -f table exam --year 2026
t_grep "... which the titles show" "2026-09-30|exam summary" "$out"
t_exit 0 "... and the staff hired before it" edu-report -f tsv staff --year 2026 --table by-title
t_eq "... the total" "$(printf '%s\n' "$out" | tail -1 | cut -f4)" 9

# ---- SVG ---------------------------------------------------------------------------
mkdir charts
t_exit 0 "--svg DIR writes the charts" edu-report annual --year 2026 --svg charts
t_eq "... four charts" "$(ls charts | tr '\n' ' ')" \
	"assets-by-category.svg petitions-on-time.svg schools-by-ownership.svg students-by-grade.svg "
if command -v python3 >/dev/null; then
	t_exit 0 "... each a well-formed SVG with a title and drawn marks" python3 -c '
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
for f in sys.argv[1:]:
    r = ET.parse(f).getroot()
    assert r.tag == ns + "svg", f
    assert r.find(ns + "title").text, f
    marks = r.findall(ns + "rect") + r.findall(ns + "path") + r.findall(ns + "polyline") + r.findall(ns + "circle")
    assert len(marks) > 2, f
    print(f, r.find(ns + "title").text)
' charts/*.svg
	t_grep "... the Chinese title" "students-by-grade.svg 在校生数（按年级、性别）" "$out"
else
	t_skip "... each a well-formed SVG" "python3 is not installed"
	t_skip "... the Chinese title" "python3 is not installed"
fi
# the columns: rects but the background and the two keys of the legend
bars=$(grep '<rect x=' charts/students-by-grade.svg | grep -vc ' y="40"')
t_eq "... the column chart has a column per grade and sex with students" "$bars" \
	"$(figures students by-grade | wc -l | tr -d ' ')"
t_exit 73 "an existing chart is not overwritten" edu-report annual --year 2026 --svg charts
t_exit 73 "a missing folder" edu-report annual --year 2026 --svg nowhere
t_grep "... names the file" "nowhere/" "$err"
if command -v rsvg-convert >/dev/null; then
	t_exit 0 "rsvg-convert renders the column chart" rsvg-convert charts/students-by-grade.svg -o grade.png
else
	t_skip "rsvg-convert renders the column chart" "rsvg-convert (librsvg2-bin) is not installed"
fi

# ---- the workbook ----------------------------------------------------------------------
py=
for p in python3 /usr/bin/python3; do
	command -v "$p" >/dev/null && "$p" -c 'import openpyxl' 2>/dev/null && { py=$p; break; }
done
t_exit 0 "-f xlsx annual" sh -c "edu-report -f xlsx annual --as-of $day > annual.xlsx"
if [ -n "$py" ]; then
	t_exit 0 "... openpyxl reads a sheet per section, the charts and the figures" "$py" -c '
import sys, openpyxl
wb = openpyxl.load_workbook("annual.xlsx")
print(" ".join(ws.title for ws in wb.worksheets))
for ws in wb.worksheets:
    print(ws.title, "charts", len(ws._charts))
ws = wb["学生"]
rows = list(ws.iter_rows(values_only=True))
i = [r[0] for r in rows].index("在校生数（按年级、性别）")
head = rows[i + 1]
j = i + 2
while rows[j][0] != "total":
    j += 1
print("by-grade total", rows[j][head.index("total")], type(rows[j][head.index("total")]).__name__)
ws = wb["资产"]
for r in ws.iter_rows(values_only=True):
    if r[0] == "computer":
        print("computer cost", "%.2f" % r[2] if isinstance(r[2], (int, float)) else "text")
        break
'
	t_grep "... the eight sheets" "^学校 学生 中考 教职工 资产 信访 公文 证书$" "$out"
	t_grep "... a pie of schools by ownership" "^学校 charts 1$" "$out"
	t_grep "... columns of students by grade" "^学生 charts 1$" "$out"
	t_grep "... bars of book value" "^资产 charts 1$" "$out"
	t_grep "... replies on time: a line and its share" "^信访 charts [12]$" "$out"
	t_eq "... the by-grade total is the CSV's, as a number" \
		"$(printf '%s\n' "$out" | sed -n 's/^by-grade total //p')" \
		"$(awk -F'\t' '$2 == "by-grade" && $3 == "total" && $4 == "total" { print $5 }' annual.tsv) int"
	t_eq "... money as a number, the CSV's yuan" "$(printf '%s\n' "$out" | sed -n 's/^computer cost //p')" \
		"$(awk -F'\t' '$2 == "by-category" && $3 == "computer" && $4 == "cost" { print $5 }' annual.tsv)"
else
	for d in "... openpyxl reads" "... the eight sheets" "... a pie" "... columns" "... bars" \
		"... replies on time" "... the by-grade total" "... money as a number"; do
		t_skip "$d" "python3-openpyxl is not installed"
	done
fi

# ---- roles ------------------------------------------------------------------------
if [ "$(id -u)" -ne 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	for d in "a petitions clerk's annual report" "... has only the petitions section" \
		"... may not read the students" "an auditor reads every section"; do
		t_skip "$d" "needs root, useradd and runuser to make a second user"
	done
else
	u=edurep$$
	useradd -M -N -s /bin/sh "$u" || { echo "Bail out! useradd failed"; exit 1; }
	trap 'userdel "$u" 2>/dev/null; rm -rf "$tmp"' EXIT
	chmod 0777 "$tmp"
	chmod 0666 "$EDU_DB" "$EDU_DB"-wal "$EDU_DB"-shm 2>/dev/null
	as() { runuser -u "$u" -- env EDU_DB="$EDU_DB" PATH="$PATH" "$@"; }
	edu-db -q user add "$u" petitions
	t_exit 0 "a petitions clerk's annual report" as edu-report -f tsv annual --year 2026
	t_eq "... has only the petitions section" "$(printf '%s\n' "$out" | tail -n +2 | cut -f1 | sort -u)" petitions
	t_exit 77 "... may not read the students" as edu-report students
	edu-db -q user add "$u" auditor
	t_exit 0 "an auditor reads every section" as edu-report -f tsv annual --as-of $day
	t_eq "... the same figures as the admin" "$out" "$(cat annual.tsv)"
fi
done_testing
