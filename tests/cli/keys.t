#!/bin/sh
# The keys a verb acts on (DESIGN 3): its arguments, or the key column of
# a CSV on standard input, found by name or Chinese alias; other columns
# are passed over.  An empty input (a to-do list with nothing to do) is
# no keys and no error.
. "$(dirname "$0")/lib.sh"

sample_db
a=$(edu-doc -q receive --issuer 市教委 --title 一 | tail -1)
b=$(edu-doc -q receive --issuer 市教委 --title 二 | tail -1)
c=$(edu-doc -q receive --issuer 市教委 --title 三 | tail -1)
status() { edu-db query "SELECT status FROM document WHERE doc_no = '$1'" | tail -1; }

t_exit 0 "a key as an argument" edu-doc -q route --to 安全科 "$a"
t_eq "... changes that record" "$(status "$a")" routed
printf 'title,doc_no\nx,%s\n' "$b" > keys.csv
t_exit 0 "the key column of a CSV on stdin, among others" sh -c 'edu-doc -q route --to 安全科 < keys.csv'
t_eq "... changes that record" "$(status "$b")" routed
printf '收文号\n%s\n' "$c" > alias.csv
t_exit 0 "the key column by its Chinese alias" sh -c 'edu-doc -q route --to 安全科 < alias.csv'
t_eq "... changes that record" "$(status "$c")" routed

before=$(db_sum)
t_exit 0 "an empty stdin is nothing to do" sh -c 'edu-doc route --to 安全科 < /dev/null'
t_eq "... and writes nothing" "$(db_sum)" "$before"
printf 'title\nx\n' > nokey.csv
t_exit 65 "a CSV without the key column is refused" sh -c 'edu-doc route --to 安全科 < nokey.csv'
t_grep "... and says which column it wants" "no doc_no column" "$err"
printf 'doc_no\n\n \n' > blank.csv
t_exit 0 "blank lines are no keys" sh -c 'edu-doc -q route --to 安全科 < blank.csv'
printf 'doc_no,title\n,x\n' > emptykey.csv
before=$(db_sum)
t_exit 65 "an empty key is refused with its line" sh -c 'edu-doc route --to 安全科 < emptykey.csv'
t_grep "... -:2:" "^edu-doc: -:2: doc_no: empty" "$err"
t_eq "... and writes nothing" "$(db_sum)" "$before"
done_testing
