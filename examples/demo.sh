#!/bin/sh
# examples/demo.sh BINDIR - what `make demo` runs: a sample district's
# database, built from the files in examples/, and the day's first look
# at it.  The database is left in build/demo/edu.db to play with.
set -eu
bin=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
PATH=$bin:$PATH
dir=$(cd "$here/.." && pwd)/build/demo
mkdir -p "$dir"
EDU_DB=$dir/edu.db
export EDU_DB PATH
rm -f "$EDU_DB" "$EDU_DB-wal" "$EDU_DB-shm"

step() { printf '\n$ %s\n' "$*"; "$@"; }

step edu-db init
edu-db -q config set bureau.name 北京市西城区教育委员会
edu-db -q config set bureau.region 110102
edu-db -q config set bureau.doc_prefix 西教发
step edu-db calendar import "$here/calendar.csv"
step edu-school import "$here/schools.csv"
tail -n +2 "$here/licences.csv" | while IFS=, read -r code number issued expires; do
	edu-school -q licence set "$code" --number "$number" --issued "$issued" --expires "$expires"
done
step edu-school zone import "$here/zones.csv"

step edu-db query -f table "SELECT kind, count(*) AS schools, sum(entry_seats) AS entry_seats FROM school WHERE status = 'open' GROUP BY kind ORDER BY schools DESC"
step edu-school -f table list --ownership private
echo
echo "# licences that end within 60 days of 2026-11-28 (or have ended):"
step edu-school -f table licence list --expiring 60 --on 2026-11-28 || echo "(none)"
echo
echo "# a letter received on 2026-09-20 must be answered within 15 days;"
echo "# the National Day holiday moves the due day:"
step edu-db calendar due 2026-09-20 15
step edu-school -f table zone list --zone 什刹海片区

echo
echo "# the student registry in the 2026-27 school year:"
step edu-enroll import "$here/students.csv"
echo
echo "# nearby enrolment for 2026 (school began on 2026-09-01), the lottery"
echo "# drawn with seed 20260715; children too young are noted, exit 1:"
step edu-enroll -f table assign --year 2026 --seed 20260715 "$here/applicants.csv" ||
	echo "(some children have no school: see the notes)"
step edu-enroll -f table stats --by grade
echo
echo "# staffing (编制): posts from the enrolment at the national ratios, the"
echo "# open chinese posts, and this year's graduates placed on them (exit 1:"
echo "# some are unplaced; explain says why)"
step edu-cadre import "$here/establishment-staff.csv"
step edu-cadre -f table vacancies --as-of 2026-06-30 --subject chinese
step edu-cadre graduates import --year 2026 "$here/graduates.csv"
step edu-cadre -f table place --year 2026 --seed 1 --on 2026-06-30 ||
	echo "(some graduates are unplaced)"
step edu-cadre -f table explain --year 2026 110102199901010068 || true
echo
echo "# the end of the school year: grades 6, 9 and 12 graduate, the others"
echo "# move up; a second promote, as cron would run it, changes nothing"
printf '\n$ edu-enroll list --status enrolled | (grades 6, 9, 12) | edu-enroll graduate --on 2027-07-10\n'
edu-enroll list --status enrolled | awk -F, 'NR == 1 || $9 == 6 || $9 == 9 || $9 == 12' |
	edu-enroll graduate --on 2027-07-10
step edu-enroll promote --year 2027 --on 2027-07-15
step edu-enroll promote --year 2027 --on 2027-07-16
step edu-enroll -f table stats --by status
step edu-enroll -f table disability-report --year 2026
step edu-db check
echo
echo "# the year's statistics as of the reference day (report.as_of, 09-01),"
echo "# with the charts written to build/demo/charts:"
rm -rf "$dir/charts" && mkdir "$dir/charts"
step edu-report -f table annual --year 2026 --section schools,students --svg "$dir/charts"
printf '\nThe database is %s; try: EDU_DB=%s %s/edu-school show 2111010206\n' "$EDU_DB" "$EDU_DB" "$bin"
