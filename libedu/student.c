/* student.c - the rules of the student registry that more than one tool
 * needs: which grades a kind of school teaches, and where a stage ends. */
#include <stdio.h>
#include <string.h>

#include "edu.h"

static const struct {
	const char *kind;
	int lo, hi;
} grades[] = {
	{ "primary", 1, 6 },
	{ "junior", 7, 9 },
	{ "senior", 10, 12 },
	{ "complete", 7, 12 },	/* 完全中学: junior and senior */
	{ "nine-year", 1, 9 },	/* 九年一贯制 */
	{ "vocational", 10, 12 },
	{ "special", 1, 12 },
};

int edu_kind_grades(const char *kind, int *lo, int *hi)
{
	for (size_t i = 0; i < sizeof grades / sizeof *grades; i++)
		if (!strcmp(kind, grades[i].kind)) {
			*lo = grades[i].lo;
			*hi = grades[i].hi;
			return 0;
		}
	return -1;	/* kindergartens have no grades */
}

int edu_kind_fits(const char *kind, int grade)
{
	int lo, hi;

	return edu_kind_grades(kind, &lo, &hi) == 0 && grade >= lo && grade <= hi;
}

/* Primary ends with grade 6, junior with 9, senior and vocational with
 * 12, whatever school teaches them. */
int edu_stage_last(int grade)
{
	return grade == 6 || grade == 9 || grade == 12;
}

const char *edu_stage_name(int grade)
{
	return grade <= 6 ? "primary" : grade <= 9 ? "junior" : "senior";
}

/* ---- a student's state and its events ---------------------------------- */

/* Statements kept for the handle they were made on: a batch of events
 * asks for the same three many times. */
static sqlite3 *st_db;
static sqlite3_stmt *st_load, *st_upd, *st_ins;

static void prepare_all(sqlite3 *db)
{
	if (st_db == db)
		return;
	sqlite3_finalize(st_load);
	sqlite3_finalize(st_upd);
	sqlite3_finalize(st_ins);
	st_db = db;
	edu_db_cache(edu_student_forget);
	st_load = edu_prepare(db,
		"SELECT s.student_no, s.school_code, s.grade, s.status, "
		"max(coalesce(s.entry_date, ''), coalesce((SELECT max(day) FROM "
		"student_event e WHERE e.student_no = s.student_no), '')) "
		"FROM student s WHERE s.student_no = ?");
	st_upd = edu_prepare(db, "UPDATE student SET school_code = ?2, grade = ?3, "
			     "status = ?4 WHERE student_no = ?1");
	st_ins = edu_prepare(db, "INSERT INTO student_event (student_no, day, kind, "
			     "reason, from_school, to_school, from_grade, to_grade, "
			     "from_status, to_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

int edu_student_load(sqlite3 *db, const char *no, struct edu_student_state *s)
{
	prepare_all(db);
	sqlite3_reset(st_load);
	sqlite3_bind_text(st_load, 1, no, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st_load);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st_load);
		return -1;
	}
	if (rc != SQLITE_ROW)
		edu_die_db(db, "cannot read a student");
	snprintf(s->no, sizeof s->no, "%s", sqlite3_column_text(st_load, 0));
	snprintf(s->school, sizeof s->school, "%s", sqlite3_column_text(st_load, 1));
	s->grade = sqlite3_column_int(st_load, 2);
	snprintf(s->status, sizeof s->status, "%s", sqlite3_column_text(st_load, 3));
	snprintf(s->last_day, sizeof s->last_day, "%s", sqlite3_column_text(st_load, 4));
	sqlite3_reset(st_load);
	return 0;
}

void edu_student_event(sqlite3 *db, const char *kind, const char *day,
		       const char *reason, const struct edu_student_state *from,
		       const struct edu_student_state *to)
{
	char g0[8], g1[8];

	prepare_all(db);
	sqlite3_bind_text(st_upd, 1, to->no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st_upd, 2, to->school, -1, SQLITE_STATIC);
	sqlite3_bind_int(st_upd, 3, to->grade);
	sqlite3_bind_text(st_upd, 4, to->status, -1, SQLITE_STATIC);
	edu_exec_stmt(db, st_upd);
	const char *p[] = { to->no, day, kind, reason, from->school, to->school };
	for (int i = 0; i < 6; i++)
		edu_bind_text(st_ins, i + 1, p[i]);
	sqlite3_bind_int(st_ins, 7, from->grade);
	sqlite3_bind_int(st_ins, 8, to->grade);
	sqlite3_bind_text(st_ins, 9, from->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st_ins, 10, to->status, -1, SQLITE_STATIC);
	edu_exec_stmt(db, st_ins);

	/* The audit row: the event's own fields, and the state's old and
	 * new values where they differ. */
	static const char *const names[] = { "event", "day", "reason", "school_code",
					     "grade", "status" };
	snprintf(g0, sizeof g0, "%d", from->grade);
	snprintf(g1, sizeof g1, "%d", to->grade);
	const char *old[] = { NULL, NULL, NULL, from->school, g0, from->status };
	const char *new[] = { kind, day, reason, to->school, g1, to->status };
	struct edu_buf b = { 0 };
	edu_buf_puts(&b, "{");
	for (int i = 0; i < 6; i++) {
		if (!new[i] || (old[i] && !strcmp(old[i], new[i])))
			continue;
		edu_buf_puts(&b, b.len > 1 ? "," : "");
		edu_buf_json(&b, names[i]);
		edu_buf_puts(&b, ":");
		if (old[i]) {
			edu_buf_puts(&b, "[");
			edu_buf_json(&b, old[i]);
			edu_buf_puts(&b, ",");
			edu_buf_json(&b, new[i]);
			edu_buf_puts(&b, "]");
		} else {
			edu_buf_json(&b, new[i]);
		}
	}
	edu_buf_puts(&b, "}");
	edu_audit(db, "student", to->no, b.s);
	edu_buf_free(&b);
}

void edu_student_forget(void)
{
	sqlite3_finalize(st_load);
	sqlite3_finalize(st_upd);
	sqlite3_finalize(st_ins);
	st_load = st_upd = st_ins = NULL;
	st_db = NULL;
}
