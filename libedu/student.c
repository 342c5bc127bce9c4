/* student.c - the rules of the student registry: which grades a kind of
 * school teaches, where a stage ends, what a student record must say, what
 * each status event may do, promotion, and a disabled child's placement. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
	{ "kindergarten", -2, 0 },	/* K1-K3: 小班, 中班, 大班 (schema 013) */
};

const char *edu_grade_name(int grade, char *buf)
{
	/* Grades are -2..12 (the schema's CHECK): two digits at most. */
	if (grade <= 0)
		snprintf(buf, 8, "K%d", (grade + 3) % 10);
	else
		snprintf(buf, 8, "%d", grade % 100);
	return buf;
}

/* A kindergarten grade as read: K1-K3 (any case) or its Chinese name. */
static const char *const k_grades[][3] = {
	{ "K1", "小班", "-2" }, { "K2", "中班", "-1" }, { "K3", "大班", "0" },
};

int edu_kind_grades(const char *kind, int *lo, int *hi)
{
	for (size_t i = 0; i < sizeof grades / sizeof *grades; i++)
		if (!strcmp(kind, grades[i].kind)) {
			*lo = grades[i].lo;
			*hi = grades[i].hi;
			return 0;
		}
	return -1;
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
	return grade == 0 || grade == 6 || grade == 9 || grade == 12;
}

const char *edu_stage_name(int grade)
{
	return grade <= 0 ? "kindergarten" : grade <= 6 ? "primary" : grade <= 9 ? "junior" : "senior";
}

/* ---- a student's state and its events ---------------------------------- */

/* Statements kept for the handle they were made on: a batch of events
 * asks for the same three many times; an import asks every row for its
 * school's kind, kept in a small direct-mapped cache beside them. */
static sqlite3 *st_db, *kind_db;
static sqlite3_stmt *st_load, *st_upd, *st_ins, *st_kind;
static struct {
	char code[16], kind[32];
} kinds[256];

static void prepare_all(sqlite3 *db)
{
	if (st_db == db)
		return;
	edu_student_forget();
	st_db = db;
	edu_db_cache(edu_student_forget);
	st_load = edu_prepare(db,
		"SELECT s.student_no, s.school_code, s.grade, s.status, "
		"max(coalesce(s.entry_date, ''), coalesce((SELECT max(day) FROM "
		"student_event e WHERE e.student_no = s.student_no AND e.void_on IS NULL), '')) "
		"FROM student s WHERE s.student_no = ?");
	st_upd = edu_prepare(db, "UPDATE student SET school_code = ?2, grade = ?3, "
			     "status = ?4 WHERE student_no = ?1");
	st_ins = edu_prepare(db, "INSERT INTO student_event (student_no, day, kind, "
			     "reason, from_school, to_school, from_grade, to_grade, "
			     "from_status, to_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

/* A column's text into a fixed field, cut to fit; NULL as "".  Not
 * snprintf: a batch loads a student per key (issue 23). */
static void col_copy(char *dst, size_t n, sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);
	size_t k = v ? (size_t)sqlite3_column_bytes(st, i) : 0;

	if (k >= n)
		k = n - 1;
	memcpy(dst, v ? v : "", k);
	dst[k] = '\0';
}

int edu_student_load(sqlite3 *db, const char *no, struct edu_student_state *s)
{
	prepare_all(db);
	sqlite3_reset(st_load);
	sqlite3_bind_text(st_load, 1, no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st_load);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st_load);
		return -1;
	}
	if (rc != SQLITE_ROW)
		edu_die_db(db, "cannot read a student");
	col_copy(s->no, sizeof s->no, st_load, 0);
	col_copy(s->school, sizeof s->school, st_load, 1);
	s->grade = sqlite3_column_int(st_load, 2);
	col_copy(s->status, sizeof s->status, st_load, 3);
	col_copy(s->last_day, sizeof s->last_day, st_load, 4);
	sqlite3_reset(st_load);
	return 0;
}

void edu_student_event(sqlite3 *db, const char *kind, const char *day,
		       const char *reason, const struct edu_student_state *from,
		       const struct edu_student_state *to)
{
	char g0[8], g1[8];

	prepare_all(db);
	/* The event first: the student_corrected trigger (schema 013) takes
	 * a change no event explains for a correction. */
	const char *p[] = { to->no, day, kind, reason, from->school, to->school };
	for (int i = 0; i < 6; i++)
		edu_bind_text(st_ins, i + 1, p[i]);
	sqlite3_bind_int(st_ins, 7, from->grade);
	sqlite3_bind_int(st_ins, 8, to->grade);
	sqlite3_bind_text(st_ins, 9, from->status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st_ins, 10, to->status, -1, SQLITE_STATIC);
	edu_exec_stmt(db, st_ins);
	sqlite3_bind_text(st_upd, 1, to->no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st_upd, 2, to->school, -1, SQLITE_STATIC);
	sqlite3_bind_int(st_upd, 3, to->grade);
	sqlite3_bind_text(st_upd, 4, to->status, -1, SQLITE_STATIC);
	edu_exec_stmt(db, st_upd);

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

int edu_student_enter_stage(sqlite3 *db, const char *no, const char *school, int grade,
			    const char *day, const char *reason)
{
	struct edu_student_state from, to;

	if (edu_student_load(db, no, &from) < 0)
		return -1;
	to = from;
	snprintf(to.school, sizeof to.school, "%s", school);
	to.grade = grade;
	strcpy(to.status, "enrolled");
	edu_student_event(db, "enter", day, reason, &from, &to);
	return 0;
}

void edu_student_forget(void)
{
	sqlite3_finalize(st_load);
	sqlite3_finalize(st_upd);
	sqlite3_finalize(st_ins);
	sqlite3_finalize(st_kind);
	st_load = st_upd = st_ins = st_kind = NULL;
	memset(kinds, 0, sizeof kinds);
	st_db = kind_db = NULL;
}

/* ---- the values of a student record ------------------------------------ */

const struct edu_enum edu_student_id_types[] = {
	{ "resident", "居民身份证|身份证" },
	{ "passport", "护照" },
	{ "hk_macao", "港澳居民来往内地通行证|港澳通行证|港澳居民居住证" },
	{ "taiwan", "台湾居民来往大陆通行证|台胞证|台湾居民居住证" },
	{ "foreign", "外国人永久居留身份证|外国人永久居留证" },
	{ NULL, NULL }
};

const struct edu_enum edu_student_sexes[] = {
	{ "M", "男|男性" },
	{ "F", "女|女性" },
	{ NULL, NULL }
};

const struct edu_enum edu_student_statuses[] = {
	{ "enrolled", "在读|在校|在籍" },
	{ "suspended", "休学" },
	{ "withdrawn", "退学|离校" },
	{ "graduated", "毕业" },
	{ NULL, NULL }
};

/* GB/T 26341-2010 categories of disability. */
const struct edu_enum edu_student_disabilities[] = {
	{ "visual", "视力残疾|视力" },
	{ "hearing", "听力残疾|听力" },
	{ "speech", "言语残疾|言语" },
	{ "physical", "肢体残疾|肢体" },
	{ "intellectual", "智力残疾|智力" },
	{ "mental", "精神残疾|精神" },
	{ "multiple", "多重残疾|多重" },
	{ NULL, NULL }
};

const struct edu_enum edu_student_placements[] = {
	{ "regular-class", "随班就读" },
	{ "special-class", "特教班|特殊教育班" },
	{ "special-school", "特殊教育学校|特教学校" },
	{ "home-delivery", "送教上门" },
	{ NULL, NULL }
};

int edu_trimmed(const char *s, char *out)
{
	size_t a = strspn(s, " \t"), n = strlen(s + a);

	while (n > 0 && (s[a + n - 1] == ' ' || s[a + n - 1] == '\t'))
		n--;
	if (n >= EDU_VAL_MAX)
		return -1;
	memcpy(out, s + a, n);
	out[n] = '\0';
	return 0;
}

int edu_student_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
		       const char **col, char *err)
{
	(void)db;
	char t[EDU_VAL_MAX], type[EDU_VAL_MAX] = "resident", id_err[EDU_ERR_MAX] = "";
	int resident_id = 0;

	if (raw[EDU_S_GRADE] && edu_trimmed(raw[EDU_S_GRADE], t) == 0)
		for (size_t i = 0; i < sizeof k_grades / sizeof *k_grades; i++)
			if (!strcasecmp(t, k_grades[i][0]) || !strcmp(t, k_grades[i][1]))
				raw[EDU_S_GRADE] = k_grades[i][2];

	if (raw[EDU_S_IDTYPE] && edu_trimmed(raw[EDU_S_IDTYPE], t) == 0 && *t &&
	    edu_valid_enum(edu_student_id_types, t, type, err) < 0) {
		*col = "id_type";
		return -1;
	}
	if (!strcmp(type, "resident") && raw[EDU_S_ID]) {
		if (edu_trimmed(raw[EDU_S_ID], t) < 0 ||
		    (*t && edu_valid_id(t, buf[0], NULL, NULL, err) < 0)) {
			if (edu_trimmed(raw[EDU_S_ID], t) < 0)
				snprintf(err, EDU_ERR_MAX, "too long for an ID number");
			*col = "id_number";
			/* Without an id_type column an upsert keeps the stored
			 * one, which may be a passport: the row check decides. */
			if (raw[EDU_S_IDTYPE])
				return -1;
			snprintf(id_err, sizeof id_err, "%s", err);
			*col = NULL;
		} else if (*t) {
			raw[EDU_S_ID] = buf[0];
			resident_id = 1;
		}
	}
	if (!raw[EDU_S_NO] || (edu_trimmed(raw[EDU_S_NO], t) == 0 && !*t)) {
		if (*id_err) {
			*col = "id_number";
			snprintf(err, EDU_ERR_MAX, "%s", id_err);
			return -1;
		}
		*col = "student_no";
		if (!resident_id) {
			snprintf(err, EDU_ERR_MAX, "may be left empty only for a resident with an ID number");
			return -1;
		}
		buf[1][0] = 'G';
		memcpy(buf[1] + 1, buf[0], strlen(buf[0]) + 1);
		raw[EDU_S_NO] = buf[1];
		return 0;
	}
	if (edu_trimmed(raw[EDU_S_NO], t) < 0 || edu_valid_student_no(t, buf[2], err) < 0) {
		if (edu_trimmed(raw[EDU_S_NO], t) < 0)
			snprintf(err, EDU_ERR_MAX, "too long for a student number");
		*col = "student_no";
		return -1;
	}
	raw[EDU_S_NO] = buf[2];
	return 0;
}

const char *edu_school_kind(sqlite3 *db, const char *code)
{
	unsigned h = 0;

	/* Not with prepare_all: a first bulk import asks while the student
	 * table has no key index yet, when an event cannot be prepared. */
	if (kind_db != db) {
		sqlite3_finalize(st_kind);
		memset(kinds, 0, sizeof kinds);
		kind_db = db;
		edu_db_cache(edu_student_forget);
		st_kind = edu_prepare(db, "SELECT kind FROM school WHERE school_code = ?");
	}
	for (const char *p = code; *p; p++)
		h = h * 31 + (unsigned char)*p;
	h %= 256;
	if (!strcmp(kinds[h].code, code))
		return kinds[h].kind;
	sqlite3_reset(st_kind);
	sqlite3_bind_text(st_kind, 1, code, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st_kind) != SQLITE_ROW) {
		sqlite3_reset(st_kind);
		return NULL;
	}
	snprintf(kinds[h].code, sizeof kinds[h].code, "%s", code);
	snprintf(kinds[h].kind, sizeof kinds[h].kind, "%s", (const char *)sqlite3_column_text(st_kind, 0));
	sqlite3_reset(st_kind);
	return kinds[h].kind;
}

int edu_school_grade_check(sqlite3 *db, const char *school, int grade, char *err)
{
	const char *kind = edu_school_kind(db, school);
	int lo, hi;

	if (!kind)
		return snprintf(err, EDU_ERR_MAX, "no school '%s'", school), -1;
	char a[8], b[8], g[8];

	if (edu_kind_grades(kind, &lo, &hi) < 0)
		return snprintf(err, EDU_ERR_MAX, "school %s is a %s: it has no grades",
				school, kind), -1;
	if (grade < lo || grade > hi)
		return snprintf(err, EDU_ERR_MAX, "school %s is a %s school, with grades %s-%s, not %s",
				school, kind, edu_grade_name(lo, a), edu_grade_name(hi, b),
				edu_grade_name(grade, g)), -1;
	return 0;
}

#define REFUSE(c, ...) (*col = (c), snprintf(err, EDU_ERR_MAX, __VA_ARGS__), -1)

int edu_student_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	char id[EDU_VAL_MAX], e2[EDU_ERR_MAX], today[11];
	int birth, male;

	if (!strcmp(v[EDU_S_IDTYPE], "resident")) {
		if (edu_valid_id(v[EDU_S_ID], id, &birth, &male, e2) < 0)
			return REFUSE("id_number", "%s", e2);
		char b[11];
		edu_date_str(birth, b);
		if (strcmp(b, v[EDU_S_BIRTH]))
			return REFUSE("birth_date", "%s, but the ID number says %s", v[EDU_S_BIRTH], b);
		if (male != !strcmp(v[EDU_S_SEX], "M"))
			return REFUSE("sex", "%s, but the ID number says %s", v[EDU_S_SEX],
				      male ? "M" : "F");
	}
	switch (v[EDU_S_NO][0]) {
	case 'G':
		if (strcmp(v[EDU_S_IDTYPE], "resident") || strcmp(v[EDU_S_NO] + 1, v[EDU_S_ID]))
			return REFUSE("student_no", "a G number is G and the student's resident ID number (%s)",
				      v[EDU_S_ID]);
		break;
	case 'L': {
		char b[9];
		snprintf(b, sizeof b, "%.4s%.2s%.2s", v[EDU_S_BIRTH], v[EDU_S_BIRTH] + 5,
			 v[EDU_S_BIRTH] + 8);
		if (strncmp(v[EDU_S_NO] + 7, b, 8))
			return REFUSE("student_no", "an L number carries the birth date: %.8s is not %s",
				      v[EDU_S_NO] + 7, v[EDU_S_BIRTH]);
		break;
	}
	}
	if (strcmp(v[EDU_S_BIRTH], edu_date_str(edu_today(), today)) > 0)
		return REFUSE("birth_date", "%s is in the future", v[EDU_S_BIRTH]);
	if (v[EDU_S_ENTRY] && strcmp(v[EDU_S_ENTRY], v[EDU_S_BIRTH]) <= 0)
		return REFUSE("entry_date", "%s is not after the birth date %s", v[EDU_S_ENTRY],
			      v[EDU_S_BIRTH]);
	if (edu_school_grade_check(db, v[EDU_S_SCHOOL], atoi(v[EDU_S_GRADE]), e2) < 0)
		return REFUSE("grade", "%s", e2);
	if (v[EDU_S_MAJOR] && strcmp(edu_school_kind(db, v[EDU_S_SCHOOL]), "vocational"))
		return REFUSE("major", "only students of a vocational school have a major");
	if (v[EDU_S_PLACE] && !v[EDU_S_DISAB])
		return REFUSE("placement", "a placement is for a student with a disability");
	return 0;
}

char *edu_student_find(sqlite3 *db, const char *key)
{
	char k[EDU_VAL_MAX], norm[EDU_VAL_MAX], err[EDU_ERR_MAX];
	const char *p[1];

	if (edu_trimmed(key, k) < 0)
		return NULL;
	p[0] = edu_valid_student_no(k, norm, err) == 0 ? norm : k;
	char *no = edu_query1(db, "SELECT student_no FROM student WHERE student_no = ?", 1, p);
	if (!no) {
		p[0] = edu_valid_id(k, norm, NULL, NULL, err) == 0 ? norm : k;
		no = edu_query1(db, "SELECT student_no FROM student WHERE id_number = ? "
				"ORDER BY id_type = 'resident' DESC LIMIT 1", 1, p);
	}
	return no;
}

/* ---- what a status event may do ------------------------------------------ */

static int do_transfer(sqlite3 *db, const struct edu_student_change_on *on,
		       const struct edu_student_state *from, struct edu_student_state *to, char *why)
{
	(void)on;
	if (strcmp(from->status, "enrolled"))
		return snprintf(why, EDU_ERR_MAX, "is %s, not enrolled", from->status), -1;
	if (!strcmp(from->school, to->school))
		return snprintf(why, EDU_ERR_MAX, "is at school %s already", to->school), -1;
	if (edu_school_grade_check(db, to->school, from->grade, why) < 0)
		return -1;
	const char *p[] = { to->school };
	char *open = edu_query1(db, "SELECT status FROM school WHERE school_code = ?", 1, p);
	int closed = open && strcmp(open, "open");
	free(open);
	if (closed)
		return snprintf(why, EDU_ERR_MAX, "school %s is closed", to->school), -1;
	return 0;
}

static int do_suspend(sqlite3 *db, const struct edu_student_change_on *on,
		      const struct edu_student_state *from, struct edu_student_state *to, char *why)
{
	(void)db;
	(void)on;
	if (strcmp(from->status, "enrolled"))
		return snprintf(why, EDU_ERR_MAX, "is %s, not enrolled", from->status), -1;
	strcpy(to->status, "suspended");
	return 0;
}

static int do_resume(sqlite3 *db, const struct edu_student_change_on *on,
		     const struct edu_student_state *from, struct edu_student_state *to, char *why)
{
	(void)db;
	(void)on;
	if (strcmp(from->status, "suspended"))
		return snprintf(why, EDU_ERR_MAX, "is %s, not suspended", from->status), -1;
	strcpy(to->status, "enrolled");
	return 0;
}

static int do_withdraw(sqlite3 *db, const struct edu_student_change_on *on,
		       const struct edu_student_state *from, struct edu_student_state *to, char *why)
{
	(void)db;
	(void)on;
	if (strcmp(from->status, "enrolled") && strcmp(from->status, "suspended"))
		return snprintf(why, EDU_ERR_MAX, "is %s already", from->status), -1;
	strcpy(to->status, "withdrawn");
	return 0;
}

int edu_school_year(const char *day)
{
	int y = atoi(day), m = atoi(day + 5);

	return m >= 9 ? y + 1 : y;
}

/* A student who reached the last grade of a stage by the promotion that
 * closed the school year of `day` has a whole year of that grade ahead:
 * the clerk who graduates grade 9 after the July cron promoted grade 8
 * would graduate the wrong children (issue 17). */
static int promoted_this_year(sqlite3 *db, const struct edu_student_state *s,
			      const char *day, char *why)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT year, day FROM student_event WHERE student_no = ?1 AND kind = 'promote' "
		"AND to_grade = ?2 AND void_on IS NULL ORDER BY id DESC LIMIT 1");
	int rc = 0;

	sqlite3_bind_text(st, 1, s->no, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, s->grade);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) >= edu_school_year(day)) {
		int y = sqlite3_column_int(st, 0);
		snprintf(why, EDU_ERR_MAX, "reached grade %d by the promotion for %d on %s: "
			 "graduates at the end of the %d-%02d school year (use --force --reason "
			 "to graduate now)", s->grade, y, (const char *)sqlite3_column_text(st, 1),
			 y, (y + 1) % 100);
		rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}

static int do_graduate(sqlite3 *db, const struct edu_student_change_on *on,
		       const struct edu_student_state *from,
		       struct edu_student_state *to, char *why)
{
	char g[8];

	if (strcmp(from->status, "enrolled"))
		return snprintf(why, EDU_ERR_MAX, "is %s, not enrolled", from->status), -1;
	if (!edu_stage_last(from->grade))
		return snprintf(why, EDU_ERR_MAX, "is in grade %s, not the last grade of %s school",
				edu_grade_name(from->grade, g), edu_stage_name(from->grade)), -1;
	if (db && on && on->day && !on->force && promoted_this_year(db, from, on->day, why) < 0)
		return -1;
	strcpy(to->status, "graduated");
	return 0;
}

static const struct {
	const char *kind;
	int (*rule)(sqlite3 *db, const struct edu_student_change_on *on,
		    const struct edu_student_state *from,
		    struct edu_student_state *to, char *why);
} changes[] = {
	{ "transfer", do_transfer },
	{ "suspend", do_suspend },
	{ "resume", do_resume },
	{ "withdraw", do_withdraw },
	{ "graduate", do_graduate },
};

int edu_student_change(sqlite3 *db, const char *kind, const struct edu_student_change_on *on,
		       const struct edu_student_state *from,
		       struct edu_student_state *to, char *why)
{
	for (size_t i = 0; i < sizeof changes / sizeof *changes; i++)
		if (!strcmp(changes[i].kind, kind))
			return changes[i].rule(db, on, from, to, why);
	return snprintf(why, EDU_ERR_MAX, "no event '%s'", kind), -1;
}

/* ---- corrections: voiding an event ------------------------------------------ */

/* What else rests on a student's event (issue 17), beyond the later
 * events edu_event_void refuses first. */
static int student_refuse(sqlite3 *db, const struct edu_event *e, char *why)
{
	char ids[24], *made, *cert;

	snprintf(ids, sizeof ids, "%lld", e->id);
	const char *p[] = { e->key, ids };
	made = edu_query1(db, "SELECT 1 FROM student_event WHERE id = ?2 AND from_status IS NULL",
			  2, p);
	free(made);
	if (made)
		return snprintf(why, EDU_ERR_MAX, "the %s made %s's record: withdraw the student, "
				"or correct the record with import --upsert", e->kind, e->key), -1;
	/* The entrance exam's enrolment is its admission's too (edu-exam). */
	if (!strcmp(e->kind, "enrol"))
		return snprintf(why, EDU_ERR_MAX, "an enrolment by the entrance exam is its "
				"admission's: transfer or withdraw the student instead"), -1;
	if (!strcmp(e->kind, "placement"))
		return snprintf(why, EDU_ERR_MAX, "a placement is corrected by another placement"), -1;
	if (!strcmp(e->kind, "graduate") &&
	    (cert = edu_query1(db, "SELECT cert_no FROM certificate WHERE holder = ? AND "
			       "status = 'valid' AND kind <> 'teacher' LIMIT 1", 1, p))) {
		snprintf(why, EDU_ERR_MAX, "certificate %s rests on this graduation: revoke it "
			 "first (edu-cert revoke %s --reason ...)", cert, cert);
		free(cert);
		return -1;
	}
	return 0;
}

/* The student goes back to the event's `from` state. */
static void student_undo(sqlite3 *db, const struct edu_event *e, struct edu_buf *changes)
{
	static const char *const names[] = { "school_code", "grade", "status" };
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT s.school_code, s.grade, s.status, e.from_school, e.from_grade, "
		"e.from_status FROM student s JOIN student_event e ON e.student_no = s.student_no "
		"WHERE e.id = ?1");

	sqlite3_bind_int64(st, 1, e->id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *then[3];
		for (int i = 0; i < 3; i++) {
			const char *now = (const char *)sqlite3_column_text(st, i);
			then[i] = (const char *)sqlite3_column_text(st, 3 + i);
			if (now && then[i] && strcmp(now, then[i]))
				edu_event_change(changes, names[i], now, then[i]);
		}
		const char *back[] = { then[0], then[1], then[2], e->key };
		edu_exec(db, "UPDATE student SET school_code = ?, grade = ?, status = ? "
			 "WHERE student_no = ?", 4, back);
	}
	sqlite3_finalize(st);
}

const struct edu_event_table edu_student_events = {
	.table = "student_event", .subject = "student", .key = "student_no", .kind = "kind",
	.noun = "student", .refuse = student_refuse, .undo = student_undo,
	.list = "student_no, day, kind, from_school, to_school, from_grade, to_grade, "
		"from_status, to_status, year, reason",
};

/* ---- promotion and placement ------------------------------------------------ */

/* The students a promotion for `year` waits for: enrolled in grade 6, 9
 * or 12 since before September of `year` (entered then, or promoted into
 * it for an earlier year), not graduated.  Promoting around them would
 * leave them for a clerk who graduates "grade 9" after the promotion and
 * takes the children just moved up (issue 17).  Each is named; the count. */
static long final_left(sqlite3 *db, long year, const char *day, const char *next)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT student_no, grade, school_code FROM student s WHERE status = 'enrolled' "
		"AND grade IN (6, 9, 12) AND (entry_date IS NULL OR (entry_date <= ?1 "
		"AND entry_date < ?3)) AND NOT EXISTS (SELECT 1 FROM student_event e "
		"WHERE e.student_no = s.student_no AND e.kind = 'promote' AND e.year >= ?2 "
		"AND e.to_grade = s.grade AND e.void_on IS NULL) ORDER BY school_code, grade, student_no");
	long n = 0;

	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)year);
	sqlite3_bind_text(st, 3, next, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		if (n++ < 100)
			edu_warn("student %s: still enrolled in grade %d at %s, not graduated",
				 (const char *)sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
				 (const char *)sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	if (n > 100)
		edu_warn("... and %ld more", n - 100);
	return n;
}

long edu_student_promote(sqlite3 *db, long year, const char *day, int skip_final,
			 long *into_last, long *stayed)
{
	char next[16];

	snprintf(next, sizeof next, "%ld-09-01", year);
	if (!skip_final) {
		long n = final_left(db, year, day, next);
		if (n) {
			*into_last = 0;
			*stayed = n;
			return -1;
		}
	}
	char *before = edu_query1(db, "SELECT coalesce(max(id), 0) FROM student_event", 0, NULL);
	sqlite3_stmt *st;

	/* K3 pupils leave kindergarten at the end of the year (a graduation
	 * from K3), before anyone moves up: not those who reached K3 by a
	 * promotion for Y, whom a second run finds there. */
	st = edu_prepare(db,
		"INSERT INTO student_event (student_no, day, kind, reason, from_school, to_school, "
		"from_grade, to_grade, from_status, to_status) SELECT student_no, ?1, 'graduate', "
		"'leaves kindergarten', school_code, school_code, 0, 0, 'enrolled', 'graduated' "
		"FROM student s WHERE status = 'enrolled' AND grade = 0 "
		"AND (entry_date IS NULL OR (entry_date <= ?1 AND entry_date < ?3)) "
		"AND NOT EXISTS (SELECT 1 FROM student_event e WHERE e.student_no = s.student_no "
		"AND e.kind = 'promote' AND e.year >= ?2 AND e.to_grade = 0 AND e.void_on IS NULL)");
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)year);
	sqlite3_bind_text(st, 3, next, -1, SQLITE_STATIC);
	edu_exec_stmt(db, st);
	sqlite3_finalize(st);
	long leavers = sqlite3_changes(db);
	st = edu_prepare(db, "UPDATE student SET status = 'graduated' WHERE student_no IN "
			 "(SELECT student_no FROM student_event WHERE kind = 'graduate' AND id > ?1)");
	sqlite3_bind_int64(st, 1, strtoll(before, NULL, 10));
	edu_exec_stmt(db, st);
	sqlite3_finalize(st);
	if (sqlite3_changes(db) != leavers)
		edu_die(EDU_ESOFTWARE, "promote: %d pupils left for %ld events", sqlite3_changes(db),
			leavers);
	free(before);
	before = edu_query1(db, "SELECT coalesce(max(id), 0) FROM student_event", 0, NULL);

	st = edu_prepare(db,
		"INSERT INTO student_event (student_no, day, kind, year, from_school, "
		"to_school, from_grade, to_grade, from_status, to_status) "
		"SELECT student_no, ?1, 'promote', ?2, school_code, school_code, grade, "
		"grade + 1, status, status FROM student s WHERE status = 'enrolled' "
		"AND grade NOT IN (0, 6, 9, 12) AND NOT EXISTS (SELECT 1 FROM student_event e "
		"WHERE e.kind = 'promote' AND e.year = ?2 AND e.student_no = s.student_no "
		"AND e.void_on IS NULL) "
		"AND (entry_date IS NULL OR (entry_date <= ?1 AND entry_date < ?3))");

	/* A student who entered after the summer of Y is in a later school
	 * year: not promoted for Y. */
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)year);
	sqlite3_bind_text(st, 3, next, -1, SQLITE_STATIC);
	edu_exec_stmt(db, st);
	sqlite3_finalize(st);
	long promoted = sqlite3_changes(db);
	st = edu_prepare(db,
		"UPDATE student SET grade = grade + 1 WHERE student_no IN "
		"(SELECT student_no FROM student_event WHERE kind = 'promote' AND year = ?1 "
		"AND id > ?2)");
	sqlite3_bind_int(st, 1, (int)year);
	sqlite3_bind_int64(st, 2, strtoll(before, NULL, 10));
	edu_exec_stmt(db, st);
	sqlite3_finalize(st);
	if (sqlite3_changes(db) != promoted)
		edu_die(EDU_ESOFTWARE, "promote: %d grades changed for %ld events",
			sqlite3_changes(db), promoted);
	/* Two different counts, not one "in a last grade": those this run
	 * moved into grade 6, 9 or 12 (next year's leavers), and those who
	 * were there already and stay, to graduate (issue 16, point 11). */
	char y[16];
	snprintf(y, sizeof y, "%ld", year);
	const char *p[] = { before }, *q[] = { day, y };
	char *n = edu_query1(db, "SELECT count(*) FROM student_event WHERE kind = 'promote' "
			     "AND id > ?1 AND to_grade IN (6, 9, 12)", 1, p);
	*into_last = strtol(n, NULL, 10);
	free(n);
	n = edu_query1(db, "SELECT count(*) FROM student s WHERE status = 'enrolled' "
		       "AND grade IN (6, 9, 12) AND (entry_date IS NULL OR entry_date <= ?1) "
		       "AND NOT EXISTS (SELECT 1 FROM student_event e WHERE e.kind = 'promote' "
		       "AND e.year = CAST(?2 AS INTEGER) AND e.student_no = s.student_no "
		       "AND e.void_on IS NULL)", 2, q);
	*stayed = strtol(n, NULL, 10);
	free(n);
	free(before);
	if (promoted || leavers) {
		char *key = edu_asprintf("promote %ld", year);
		char *chg = leavers
			? edu_asprintf("{\"promoted\":%ld,\"left_kindergarten\":%ld,\"day\":\"%s\"}",
				       promoted, leavers, day)
			: edu_asprintf("{\"promoted\":%ld,\"day\":\"%s\"}", promoted, day);
		edu_audit(db, "student", key, chg);
		free(key);
		free(chg);
	}
	return promoted;
}

void edu_student_place(sqlite3 *db, const char *no, const char *disability,
		       const char *placement, const char *day)
{
	const char *u[] = { disability, placement, no };
	struct edu_student_state s;

	edu_exec(db, "UPDATE student SET disability = ?, placement = ? WHERE student_no = ?", 3, u);
	char *reason = edu_asprintf("%s, %s", disability, placement);
	edu_student_load(db, no, &s);
	sqlite3_stmt *st = edu_prepare(db,
		"INSERT INTO student_event (student_no, day, kind, reason, from_school, "
		"to_school, from_grade, to_grade, from_status, to_status) "
		"VALUES (?1, ?2, 'placement', ?3, ?4, ?4, ?5, ?5, ?6, ?6)");
	sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s.school, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, s.grade);
	sqlite3_bind_text(st, 6, s.status, -1, SQLITE_STATIC);
	edu_exec_stmt(db, st);
	sqlite3_finalize(st);
	free(reason);
}

/* ---- the students on a day, counted ------------------------------------------ */

/* A map from keys (bytes) to a number, by open addressing: what the
 * counting below looks students and groups up in. */
struct slot {
	char *key;
	size_t len;
	unsigned hash;
	long v;
};
struct map {
	struct slot *s;
	size_t n, cap;	/* cap: a power of two, at least twice n */
};

static unsigned key_hash(const char *k, size_t len)
{
	unsigned h = 2166136261u;	/* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)k[i]) * 16777619u;
	h ^= h >> 16;	/* the low bits the table uses depend on every bit */
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	return h;
}

/* The slot of the key: its own, or the empty one it would go in. */
static struct slot *map_slot(const struct map *m, const char *k, size_t len, unsigned h)
{
	size_t i = h & (m->cap - 1);
	while (m->s[i].key && (m->s[i].hash != h || m->s[i].len != len ||
			       memcmp(m->s[i].key, k, len)))
		i = (i + 1) & (m->cap - 1);
	return &m->s[i];
}

/* The key's slot, made (value 0) when it has none. */
static struct slot *map_add(struct map *m, const char *k, size_t len)
{
	unsigned h = key_hash(k, len);
	if ((m->n + 1) * 2 > m->cap) {
		struct map old = *m;
		m->cap = old.cap ? 2 * old.cap : 4096;
		m->s = calloc(m->cap, sizeof *m->s);
		if (!m->s)
			edu_die(EDU_ESOFTWARE, "out of memory");
		for (size_t i = 0; i < old.cap; i++)
			if (old.s[i].key)
				*map_slot(m, old.s[i].key, old.s[i].len, old.s[i].hash) = old.s[i];
		free(old.s);
	}
	struct slot *sl = map_slot(m, k, len, h);
	if (!sl->key) {
		*sl = (struct slot){ edu_malloc(len), len, h, 0 };
		memcpy(sl->key, k, len);
		m->n++;
	}
	return sl;
}

/* The key's slot, or NULL. */
static const struct slot *map_get(const struct map *m, const char *k, size_t len)
{
	if (!m->n)
		return NULL;
	const struct slot *sl = map_slot(m, k, len, key_hash(k, len));
	return sl->key ? sl : NULL;
}

static void map_free(struct map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->s[i].key);
	free(m->s);
}

/* The first valid event after the day of each student who has one: what
 * EDU_STUDENT_ASOF's lookup finds, read in one pass instead of one index
 * search per student; found by student_no in the map (v: its index + 1). */
struct later {
	char *school, *status;
	int has_grade, grade;
};

static size_t later_load(sqlite3 *db, const char *day, struct map *m, struct later **out)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT student_no, from_school, from_grade, from_status FROM student_event "
		"WHERE day > ?1 AND void_on IS NULL ORDER BY student_no, day, id");
	struct later *l = NULL;
	size_t n = 0, cap = 0;
	int rc;

	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *no = (const char *)sqlite3_column_text(st, 0);
		struct slot *sl = map_add(m, no, strlen(no));
		if (sl->v)
			continue;	/* a later event of the same student */
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			l = edu_realloc(l, cap * sizeof *l);
		}
		const char *sc = (const char *)sqlite3_column_text(st, 1);
		const char *su = (const char *)sqlite3_column_text(st, 3);
		l[n++] = (struct later){ sc ? edu_strdup(sc) : NULL, su ? edu_strdup(su) : NULL,
			sqlite3_column_type(st, 2) != SQLITE_NULL, sqlite3_column_int(st, 2) };
		sl->v = (long)n;
	}
	if (rc != SQLITE_DONE)
		edu_die_db(db, "student events");
	sqlite3_finalize(st);
	*out = l;
	return n;
}

/* The labels a student is counted by, in the columns of temp.student_asof
 * (grade, the second, is a number).  A group's key: each label as 'n' for
 * NULL, or 'v', its bytes and a NUL. */
enum { A_SCHOOL, A_GRADE, A_CLASS, A_SEX, A_ETHNICITY, A_STATUS, A_DISABILITY,
       A_PLACEMENT, A_ZONE, A_N };

static void key_add(struct edu_buf *b, const char *v)
{
	if (!v) {
		edu_buf_add(b, "n", 1);
		return;
	}
	edu_buf_add(b, "v", 1);
	edu_buf_add(b, v, strlen(v) + 1);
}

/* Bind the labels of a key to st's first A_N parameters. */
static void key_bind(sqlite3_stmt *st, const char *k)
{
	for (int j = 0; j < A_N; j++) {
		if (*k++ == 'n') {
			sqlite3_bind_null(st, j + 1);
			continue;
		}
		if (j == A_GRADE)
			sqlite3_bind_int(st, j + 1, atoi(k));
		else
			sqlite3_bind_text(st, j + 1, k, -1, SQLITE_STATIC);
		k += strlen(k) + 1;
	}
}

void edu_student_asof_count(sqlite3 *db, const char *day)
{
	struct later *l;
	struct map events = { 0 }, groups = { 0 };
	size_t nl = later_load(db, day, &events, &l);
	struct edu_buf key = { 0 };
	char grade[16];
	int rc;

	sqlite3_stmt *st = edu_prepare(db,
		"SELECT student_no, school_code, grade, class, sex, ethnicity, status, disability, "
		"placement, zone FROM student WHERE entry_date IS NULL OR entry_date <= ?1");
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[A_N];
		for (int i = 0; i < A_N; i++)
			v[i] = (const char *)sqlite3_column_text(st, i + 1);
		const struct slot *sl = map_get(&events, (const char *)sqlite3_column_text(st, 0),
						(size_t)sqlite3_column_bytes(st, 0));
		const struct later *e = sl ? &l[sl->v - 1] : NULL;
		if (e && e->school)
			v[A_SCHOOL] = e->school;
		if (e && e->status)
			v[A_STATUS] = e->status;
		if (e && e->has_grade) {
			snprintf(grade, sizeof grade, "%d", e->grade);
			v[A_GRADE] = grade;
		}
		key.len = 0;
		for (int i = 0; i < A_N; i++)
			key_add(&key, v[i]);
		map_add(&groups, key.s, key.len)->v++;
	}
	if (rc != SQLITE_DONE)
		edu_die_db(db, "students");
	sqlite3_finalize(st);
	for (size_t i = 0; i < nl; i++) {
		free(l[i].school);
		free(l[i].status);
	}
	free(l);
	map_free(&events);
	edu_buf_free(&key);

	edu_exec(db, "DROP TABLE IF EXISTS temp.student_asof", 0, NULL);
	edu_exec(db, "CREATE TEMP TABLE student_asof (school_code TEXT, grade INTEGER, "
		 "class TEXT, sex TEXT, ethnicity TEXT, status TEXT, disability TEXT, "
		 "placement TEXT, zone TEXT, n INTEGER)", 0, NULL);
	st = edu_prepare(db, "INSERT INTO temp.student_asof VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	for (size_t i = 0; i < groups.cap; i++) {
		if (!groups.s[i].key)
			continue;
		key_bind(st, groups.s[i].key);
		sqlite3_bind_int64(st, A_N + 1, groups.s[i].v);
		edu_exec_stmt(db, st);
	}
	sqlite3_finalize(st);
	map_free(&groups);
}

/* ---- reports --------------------------------------------------------------- */

sqlite3_stmt *edu_student_disability_report(sqlite3 *db, const char *day)
{
	if (day)
		edu_student_asof_count(db, day);
	return edu_prepare(db,
		"WITH d AS (SELECT disability, placement, n FROM temp.student_asof "
		"WHERE status = 'enrolled' AND disability IS NOT NULL), "
		"r AS (SELECT disability, "
		"sum(n * (placement IS 'regular-class')) AS regular_class, "
		"sum(n * (placement IS 'special-class')) AS special_class, "
		"sum(n * (placement IS 'special-school')) AS special_school, "
		"sum(n * (placement IS 'home-delivery')) AS home_delivery, "
		"sum(n * (placement IS NULL)) AS unplaced, sum(n) AS students "
		"FROM d GROUP BY disability "
		"UNION ALL SELECT 'all', sum(n * (placement IS 'regular-class')), "
		"sum(n * (placement IS 'special-class')), sum(n * (placement IS 'special-school')), "
		"sum(n * (placement IS 'home-delivery')), sum(n * (placement IS NULL)), sum(n) FROM d "
		"HAVING sum(n) > 0) "
		"SELECT *, printf('%.1f', 100.0 * (students - unplaced) / students) AS placed_pct "
		"FROM r ORDER BY CASE disability WHEN 'visual' THEN 1 WHEN 'hearing' THEN 2 "
		"WHEN 'speech' THEN 3 WHEN 'physical' THEN 4 WHEN 'intellectual' THEN 5 "
		"WHEN 'mental' THEN 6 WHEN 'multiple' THEN 7 ELSE 8 END");
}

sqlite3_stmt *edu_student_stats(sqlite3 *db, const char *by)
{
	static const struct {
		const char *by, *sql;
	} stats[] = {
		{ "school", "SELECT school_code, k.name, count(*) AS students FROM student s "
		  "JOIN school k USING (school_code) WHERE s.status = 'enrolled' "
		  "GROUP BY school_code ORDER BY school_code" },
		{ "grade", "SELECT " EDU_GRADE_SQL("s.grade") " AS grade, count(*) AS students "
		  "FROM student s WHERE status = 'enrolled' GROUP BY s.grade ORDER BY s.grade" },
		{ "sex", "SELECT sex, count(*) AS students FROM student WHERE status = 'enrolled' "
		  "GROUP BY sex ORDER BY sex" },
		{ "status", "SELECT status, count(*) AS students FROM student GROUP BY status "
		  "ORDER BY CASE status WHEN 'enrolled' THEN 1 WHEN 'suspended' THEN 2 "
		  "WHEN 'withdrawn' THEN 3 ELSE 4 END" },
		{ "disability", "SELECT coalesce(disability, 'none') AS disability, count(*) AS students "
		  "FROM student WHERE status = 'enrolled' GROUP BY disability ORDER BY disability" },
		{ "ethnicity", "SELECT coalesce(ethnicity, '') AS ethnicity, count(*) AS students "
		  "FROM student WHERE status = 'enrolled' GROUP BY ethnicity "
		  "ORDER BY students DESC, ethnicity" },
	};

	for (size_t i = 0; i < sizeof stats / sizeof *stats; i++)
		if (!strcmp(stats[i].by, by))
			return edu_prepare(db, stats[i].sql);
	return NULL;
}

/* ---- a record made for a newcomer ---------------------------------------- */

int edu_student_enter(sqlite3 *db, const char *id_number, const char *name,
		      const char *school, int grade, const char *day, const char *reason,
		      char sno[EDU_VAL_MAX], char *why)
{
	char id[EDU_VAL_MAX], birth[11], g[8];
	int ymd, male;	/* ymd: the birth date in days */

	if (!id_number)
		return snprintf(why, EDU_ERR_MAX, "no ID number to make a student number from"), -1;
	if (edu_valid_id(id_number, id, &ymd, &male, why) < 0)
		return -1;
	if (edu_school_grade_check(db, school, grade, why) < 0)
		return -1;
	/* DESIGN 8: a resident's student number is G + the ID number. */
	snprintf(sno, EDU_VAL_MAX, "G%.18s", id);
	edu_date_str(ymd, birth);
	snprintf(g, sizeof g, "%d", grade);
	const char *sex = male ? "M" : "F";
	const char *v[] = { sno, "resident", id, name, sex, birth, school, g, day, "enrolled" };
	edu_exec(db, "INSERT INTO student (student_no, id_type, id_number, name, sex, "
		 "birth_date, school_code, grade, entry_date, status) "
		 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", 10, v);
	static const char *const names[] = { "student_no", "id_type", "id_number", "name", "sex",
					     "birth_date", "school_code", "grade", "entry_date",
					     "status" };
	edu_audit_change(db, "student", sno, 10, names, NULL, v);
	const char *e[] = { sno, day, reason, school, g };
	edu_exec(db, "INSERT INTO student_event (student_no, day, kind, reason, to_school, "
		 "to_grade, to_status) VALUES (?, ?, 'enter', ?, ?, ?, 'enrolled')", 5, e);
	static const char *const enames[] = { "event", "day", "reason" };
	const char *en[] = { "enter", day, reason };
	edu_audit_change(db, "student", sno, 3, enames, NULL, en);
	return 0;
}
