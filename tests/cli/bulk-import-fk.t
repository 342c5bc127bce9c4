#!/bin/sh
# Regression: a bad row in the first import of students (the bulk path,
# indexes dropped while loading) ended in exit 70, "foreign key mismatch
# - student_event referencing student": the duplicate check prepared a
# DELETE on student while the index student_event's key points at was
# gone.  Found by tests/stress/hostile.t.
. "$(dirname "$0")/lib.sh"

sample_db
good='G110108201602251062,resident,110108201602251062,何文子,F,2016-02-25,汉族,2111010222,5,6,2022-09-01,enrolled,,,,月坛,"北京市西城区西直门南小街83号院3号楼,6单元1901",郭浩,13906775968'
h=student_no,id_type,id_number,name,sex,birth_date,ethnicity,school_code,grade,class,entry_date,status,major,disability,placement,zone,address,guardian,phone
printf '%s\n%s\n%s\n' "$h" "$good" "$(printf '%s' "$good" | sed 's/,[MF],/,X,/')" >bad.csv
printf '%s\n%s\n%s\n' "$h" "$good" "$good" >dup.csv
before=$(db_sum)
t_exit 65 "a bad row in the first import of students: 65, not 70" edu-enroll import bad.csv
t_grep "... naming the row" "^edu-enroll: bad.csv:3: sex:" "$err"
t_eq "... and nothing written" "$(db_sum)" "$before"
t_exit 65 "a duplicate student in the first import: 65" edu-enroll import dup.csv
t_grep "... naming both lines" "dup.csv:3: .*the same student as line 2" "$err"
t_eq "... and nothing written" "$(db_sum)" "$before"
t_exit 1 "with --reject the good row goes in" edu-enroll import --reject rej.csv dup.csv
t_eq "... one student" "$(edu-db query 'SELECT count(*) FROM student' | tail -1)" 1
t_eq "... the duplicate is in the reject file" "$(sed 1d rej.csv | wc -l)" 1
t_exit 0 "... and the database checks" edu-db check
done_testing
