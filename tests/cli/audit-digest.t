#!/bin/sh
# The audit row of a bulk import into the student register (DESIGN 11):
# {"inserted":N,"sha256":H}, H the SHA-256 of the inserted rows' values
# in the order they went in, each row's columns in the register's order
# (student_no ... phone), each value as its length in bytes in decimal,
# a colon and its bytes, and a NULL as "-:" (edu.h, edu_digest_field).
# H is computed here, with awk and sha256sum, from the values the test
# expects to be stored; not by libedu.
. "$(dirname "$0")/lib.sh"

# digest FILE: FILE has a row a line, its 19 values tab-separated, \N
# for NULL.
digest() {
	LC_ALL=C awk -F '\t' '{
		for (i = 1; i <= NF; i++)
			if ($i == "\\N") printf "-:"
			else printf "%d:%s", length($i), $i
	}' "$1" | sha256sum | cut -c1-64
}
# row V1 V2 ... V19: one line of such a file.
row() {
	l=$1; shift
	for v in "$@"; do l="$l	$v"; done
	printf '%s\n' "$l"
}
N='\N'
last_change() {
	sqlite3 "$EDU_DB" "SELECT change FROM audit WHERE entity = 'student' ORDER BY id DESC LIMIT 1"
}
audit_rows() { sqlite3 "$EDU_DB" "SELECT count(*) FROM audit WHERE entity = 'student'"; }
stored() {	# the register's rows in the order they went in
	sqlite3 -separator '	' -nullvalue '\N' "$EDU_DB" "SELECT * FROM student WHERE rowid > $1 ORDER BY rowid"
}

sample_db
edu-school -q zone import "$examples/zones.csv"

a=$(id18 11010220180305123)	# M, 2018-03-05
b=$(id18 11010220160812246)	# F, 2016-08-12
p=$(id18 11010220170207901)	# a J number for a passport holder

# ---- into an empty register: the bulk path, rows in file order ----------
# Values normalised on the way in (女, 2016/8/12, 2022年9月1日, 05,
# 随班就读, +86 ...) are digested as stored; an empty cell is NULL; a
# column left out takes its default (status).
cat > "$tmp/one.csv" <<CSV
student_no,id_type,id_number,name,sex,birth_date,ethnicity,school_code,grade,class,entry_date,major,disability,placement,zone,address,guardian,phone
,resident,$b,李欣怡,女,2016/8/12,回族,2111010216,05,1,2022年9月1日,,hearing,随班就读,金融街片区,"北京市西城区金融大街1号,2单元",李强,+86 138 0000 1111
,resident,$a,王浩然,M,2018-03-05,,2111010209,3,2,2024-09-01,,,,德胜片区,,,
J$p,passport,E12345678,Emma Li,F,2017-02-07,,2111010216,4,2,2023-09-01,,,,,,,
CSV
{
	row "G$b" resident "$b" 李欣怡 F 2016-08-12 回族 2111010216 5 1 2022-09-01 enrolled "$N" \
		hearing regular-class 金融街片区 北京市西城区金融大街1号,2单元 李强 13800001111
	row "G$a" resident "$a" 王浩然 M 2018-03-05 "$N" 2111010209 3 2 2024-09-01 enrolled "$N" \
		"$N" "$N" 德胜片区 "$N" "$N" "$N"
	row "J$p" passport E12345678 "Emma Li" F 2017-02-07 "$N" 2111010216 4 2 2023-09-01 enrolled "$N" \
		"$N" "$N" "$N" "$N" "$N" "$N"
} > "$tmp/one.want"
t_exit 0 "import 3 students into an empty register" edu-enroll import "$tmp/one.csv"
t_eq "... one audit row for them" "$(audit_rows)" 1
t_eq "... the count and the SHA-256 of their values, in file order" "$(last_change)" \
	"{\"inserted\":3,\"sha256\":\"$(digest "$tmp/one.want")\"}"
# The expected values are the stored ones: a wrong expectation here
# would otherwise pass for a wrong digest.
t_eq "... the values are those stored" "$(stored 0)" "$(cat "$tmp/one.want")"

# ---- into a register with rows: the staged path, in key order ----------
# The file's order is L, G(e), G(d); the rows go in as G(d), G(e), L.  A
# refused row (--reject) is not digested.
d=$(id18 11010220111130128)	# F, 2011-11-30
e=$(id18 11010220150101013)	# M, 2015-01-01
last=$(sqlite3 "$EDU_DB" "SELECT max(rowid) FROM student")
# (The L row's number is given: there is no ID to make it from.)
cat > "$tmp/two.csv" <<CSV
student_no,id_type,id_number,name,sex,birth_date,school_code,grade,status
L110102201902220001,hk_macao,H60123456,陈嘉欣,F,2019-02-22,2111010209,1,enrolled
,,$e,孙一,男,2015-01-01,2111010209,6,在读
,resident,$(id18 11010220150101024),坏行,F,2015-01-02,2111010209,6,enrolled
,resident,$d,赵雨桐,F,2011-11-30,2111010224,9,休学
CSV
{
	row "G$d" resident "$d" 赵雨桐 F 2011-11-30 "$N" 2111010224 9 "$N" "$N" suspended \
		"$N" "$N" "$N" "$N" "$N" "$N" "$N"
	row "G$e" resident "$e" 孙一 M 2015-01-01 "$N" 2111010209 6 "$N" "$N" enrolled \
		"$N" "$N" "$N" "$N" "$N" "$N" "$N"
	row L110102201902220001 hk_macao H60123456 陈嘉欣 F 2019-02-22 "$N" 2111010209 1 "$N" "$N" enrolled \
		"$N" "$N" "$N" "$N" "$N" "$N" "$N"
} > "$tmp/two.want"
t_exit 1 "import 4 students, one refused, into a register with rows" \
	edu-enroll import --reject "$tmp/two.rej" "$tmp/two.csv"
t_grep "... the bad row is refused" "坏行" "$(cat "$tmp/two.rej")"
t_eq "... one more audit row" "$(audit_rows)" 2
t_eq "... the count and the SHA-256 of the 3 inserted, in key order" "$(last_change)" \
	"{\"inserted\":3,\"sha256\":\"$(digest "$tmp/two.want")\"}"
t_eq "... the values are those stored" "$(stored "$last")" "$(cat "$tmp/two.want")"

# The encoding itself: a NULL and an empty text differ, and lengths are
# bytes, not characters.
printf 'x\t\\N\n' > "$tmp/enc1"
t_eq "the digest here: 1:x then -: for NULL" "$(digest "$tmp/enc1")" \
	"$(printf '1:x-:' | sha256sum | cut -c1-64)"
printf '学\n' > "$tmp/enc2"
t_eq "... a Chinese character is 3 bytes" "$(digest "$tmp/enc2")" \
	"$(printf '3:学' | sha256sum | cut -c1-64)"

done_testing
