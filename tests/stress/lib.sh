# tests/stress/lib.sh - what the stress tests share, on top of the CLI
# tests' TAP library (tests/cli/lib.sh: a throwaway directory and
# database, t_exit, t_eq, t_grep).
#
# The tools and their imports are listed here once: a tool that lands is
# added to STRESS_TOOLS and its imports to stress_imports, and every
# stress test takes it up.
. "$(dirname "$0")/../cli/lib.sh"

STRESS_TOOLS="edu-db edu-school edu-enroll edu-petition edu-cadre edu-assets edu-doc edu-exam edu-cert edu-report"

# Each import: the command, then the command that prints its columns
# (a list on an empty register prints the header).
stress_imports() {
	cat <<'LIST'
edu-school import|edu-school list
edu-school zone import|edu-school zone list
edu-enroll import|edu-enroll list
edu-petition import|edu-petition list
edu-cadre import|edu-cadre list
edu-cadre train import|echo staff_no,course,hours,date
edu-cadre graduates import --year 2026|edu-cadre graduates list --year 2026
edu-assets import|edu-assets list
edu-doc import|edu-doc list
edu-db calendar import|edu-db calendar list
edu-exam import --year 2026|echo exam_no,student_no,name,junior_school,score_chinese,score_math,bonus,total,choice1,choice2
edu-exam seats import --year 2026|echo school_code,seats,min_score
edu-cert issue --kind teacher|echo id_number,name,sex,birth_date,category,subject,body,education,putonghua,exam_cert,exam_date,health_date,declaration
LIST
}

# The figures of a stress test, printed by `make stress` at the end:
# figure NAME "trials=20 changes=0 inputs=0 failures=0".
figure() {
	[ -n "${EDU_STRESS_FIGURES:-}" ] && printf '%-12s %s\n' "$1" "$2" >>"$EDU_STRESS_FIGURES"
	echo "# figures: $1 $2"
}

# The tables' contents, for "before or after, never a mix": every row of
# every table but sqlite's own, in key order.
db_dump() { sqlite3 "${1:-$EDU_DB}" .dump | grep -v '^INSERT INTO sqlite_stat' | cksum; }
