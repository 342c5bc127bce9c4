/* edu-enroll - the student registry (学籍): students, their status
 * changes as events, promotion, nearby primary enrolment (就近入学), the
 * placement of disabled children, counts */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edu.h"

static const struct edu_enum id_types[] = {
	{ "resident", "居民身份证|身份证" },
	{ "passport", "护照" },
	{ "hk_macao", "港澳居民来往内地通行证|港澳通行证|港澳居民居住证" },
	{ "taiwan", "台湾居民来往大陆通行证|台胞证|台湾居民居住证" },
	{ "foreign", "外国人永久居留身份证|外国人永久居留证" },
	{ NULL, NULL }
};

static const struct edu_enum sexes[] = {
	{ "M", "男|男性" },
	{ "F", "女|女性" },
	{ NULL, NULL }
};

static const struct edu_enum statuses[] = {
	{ "enrolled", "在读|在校|在籍" },
	{ "suspended", "休学" },
	{ "withdrawn", "退学|离校" },
	{ "graduated", "毕业" },
	{ NULL, NULL }
};

/* GB/T 26341-2010 categories of disability. */
static const struct edu_enum disabilities[] = {
	{ "visual", "视力残疾|视力" },
	{ "hearing", "听力残疾|听力" },
	{ "speech", "言语残疾|言语" },
	{ "physical", "肢体残疾|肢体" },
	{ "intellectual", "智力残疾|智力" },
	{ "mental", "精神残疾|精神" },
	{ "multiple", "多重残疾|多重" },
	{ NULL, NULL }
};

static const struct edu_enum placements[] = {
	{ "regular-class", "随班就读" },
	{ "special-class", "特教班|特殊教育班" },
	{ "special-school", "特殊教育学校|特教学校" },
	{ "home-delivery", "送教上门" },
	{ NULL, NULL }
};

/* The columns, in the order of DESIGN and of `list`. */
enum { C_NO, C_IDTYPE, C_ID, C_NAME, C_SEX, C_BIRTH, C_ETHNIC, C_SCHOOL,
       C_GRADE, C_CLASS, C_ENTRY, C_STATUS, C_MAJOR, C_DISAB, C_PLACE,
       C_ZONE, C_ADDRESS, C_GUARDIAN, C_PHONE, NCOLS };

static const struct edu_col student_cols[] = {
	{ .name = "student_no", .aliases = "学籍号|全国学籍号", .type = EDU_C_CODE, .flags = EDU_C_KEY },
	{ .name = "id_type", .aliases = "证件类型|身份证件类型", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = id_types, .dflt = "resident" },
	{ .name = "id_number", .aliases = "身份证号|证件号码|身份证件号", .type = EDU_C_CODE,
	  .flags = EDU_C_REQUIRED },
	{ .name = "name", .aliases = "姓名", .type = EDU_C_TEXT, .flags = EDU_C_REQUIRED },
	{ .name = "sex", .aliases = "性别", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED,
	  .values = sexes },
	{ .name = "birth_date", .aliases = "出生日期", .type = EDU_C_DATE, .flags = EDU_C_REQUIRED },
	{ .name = "ethnicity", .aliases = "民族", .type = EDU_C_TEXT },
	{ .name = "school_code", .aliases = "学校代码|学校标识码", .type = EDU_C_DIGITS,
	  .min = 10, .flags = EDU_C_REQUIRED, .ref = "school" },
	{ .name = "grade", .aliases = "年级", .type = EDU_C_INT, .flags = EDU_C_REQUIRED,
	  .min = 1, .max = 12 },
	{ .name = "class", .aliases = "班级|班号", .type = EDU_C_CODE },
	{ .name = "entry_date", .aliases = "入学日期|入学年月", .type = EDU_C_DATE },
	{ .name = "status", .aliases = "学籍状态|状态", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = statuses, .dflt = "enrolled" },
	{ .name = "major", .aliases = "专业", .type = EDU_C_TEXT },
	{ .name = "disability", .aliases = "残疾类别|残疾类型", .type = EDU_C_ENUM,
	  .values = disabilities },
	{ .name = "placement", .aliases = "安置方式|就读方式", .type = EDU_C_ENUM,
	  .values = placements },
	{ .name = "zone", .aliases = "片区|学区", .type = EDU_C_CODE },
	{ .name = "address", .aliases = "住址|家庭住址|现住址", .type = EDU_C_TEXT },
	{ .name = "guardian", .aliases = "监护人|监护人姓名", .type = EDU_C_TEXT },
	{ .name = "phone", .aliases = "联系电话|电话", .type = EDU_C_PHONE },
};

/* Copy s without surrounding blanks into out (EDU_VAL_MAX); -1 when too
 * long to be any of the values we make from it. */
static int trimmed(const char *s, char *out)
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

/* A resident's ID number in its 18-character form, and the student number
 * G + ID when the row leaves it empty; other numbers normalised. */
static int student_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
			  const char **col, char *err)
{
	(void)db;
	char t[EDU_VAL_MAX], type[EDU_VAL_MAX] = "resident", id_err[EDU_ERR_MAX] = "";
	int resident_id = 0;

	if (raw[C_IDTYPE] && trimmed(raw[C_IDTYPE], t) == 0 && *t &&
	    edu_valid_enum(id_types, t, type, err) < 0) {
		*col = "id_type";
		return -1;
	}
	if (!strcmp(type, "resident") && raw[C_ID]) {
		if (trimmed(raw[C_ID], t) < 0 || (*t && edu_valid_id(t, buf[0], NULL, NULL, err) < 0)) {
			if (trimmed(raw[C_ID], t) < 0)
				snprintf(err, EDU_ERR_MAX, "too long for an ID number");
			*col = "id_number";
			/* Without an id_type column an upsert keeps the stored
			 * one, which may be a passport: the row check decides. */
			if (raw[C_IDTYPE])
				return -1;
			snprintf(id_err, sizeof id_err, "%s", err);
			*col = NULL;
		} else if (*t) {
			raw[C_ID] = buf[0];
			resident_id = 1;
		}
	}
	if (!raw[C_NO] || (trimmed(raw[C_NO], t) == 0 && !*t)) {
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
		raw[C_NO] = buf[1];
		return 0;
	}
	if (trimmed(raw[C_NO], t) < 0 || edu_valid_student_no(t, buf[2], err) < 0) {
		if (trimmed(raw[C_NO], t) < 0)
			snprintf(err, EDU_ERR_MAX, "too long for a student number");
		*col = "student_no";
		return -1;
	}
	raw[C_NO] = buf[2];
	return 0;
}

/* The kind of a school.  Every row of an import asks, of a few hundred
 * schools at most, and a school's kind does not change under an import:
 * the answers are kept in a small direct-mapped cache. */
static const char *school_kind(sqlite3 *db, const char *code)
{
	static sqlite3_stmt *st;
	static struct {
		char code[16], kind[32];
	} cache[256];
	unsigned h = 0;

	for (const char *p = code; *p; p++)
		h = h * 31 + (unsigned char)*p;
	h %= 256;
	if (!strcmp(cache[h].code, code))
		return cache[h].kind;
	if (!st)
		st = edu_prepare(db, "SELECT kind FROM school WHERE school_code = ?");
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return NULL;
	}
	snprintf(cache[h].code, sizeof cache[h].code, "%s", code);
	snprintf(cache[h].kind, sizeof cache[h].kind, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return cache[h].kind;
}

static int grade_check(sqlite3 *db, const char *school, int grade, char *err)
{
	const char *kind = school_kind(db, school);
	int lo, hi;

	if (!kind)
		return snprintf(err, EDU_ERR_MAX, "no school '%s'", school), -1;
	if (edu_kind_grades(kind, &lo, &hi) < 0)
		return snprintf(err, EDU_ERR_MAX, "school %s is a %s: it has no grades",
				school, kind), -1;
	if (grade < lo || grade > hi)
		return snprintf(err, EDU_ERR_MAX, "school %s is a %s school, with grades %d-%d, not %d",
				school, kind, lo, hi, grade), -1;
	return 0;
}

#define REFUSE(c, ...) (*col = (c), snprintf(err, EDU_ERR_MAX, __VA_ARGS__), -1)

static int student_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	char id[EDU_VAL_MAX], e2[EDU_ERR_MAX], today[11];
	int birth, male;

	if (!strcmp(v[C_IDTYPE], "resident")) {
		if (edu_valid_id(v[C_ID], id, &birth, &male, e2) < 0)
			return REFUSE("id_number", "%s", e2);
		char b[11];
		edu_date_str(birth, b);
		if (strcmp(b, v[C_BIRTH]))
			return REFUSE("birth_date", "%s, but the ID number says %s", v[C_BIRTH], b);
		if (male != !strcmp(v[C_SEX], "M"))
			return REFUSE("sex", "%s, but the ID number says %s", v[C_SEX], male ? "M" : "F");
	}
	switch (v[C_NO][0]) {
	case 'G':
		if (strcmp(v[C_IDTYPE], "resident") || strcmp(v[C_NO] + 1, v[C_ID]))
			return REFUSE("student_no", "a G number is G and the student's resident ID number (%s)",
				      v[C_ID]);
		break;
	case 'L': {
		char b[9];
		snprintf(b, sizeof b, "%.4s%.2s%.2s", v[C_BIRTH], v[C_BIRTH] + 5, v[C_BIRTH] + 8);
		if (strncmp(v[C_NO] + 7, b, 8))
			return REFUSE("student_no", "an L number carries the birth date: %.8s is not %s",
				      v[C_NO] + 7, v[C_BIRTH]);
		break;
	}
	}
	if (strcmp(v[C_BIRTH], edu_date_str(edu_today(), today)) > 0)
		return REFUSE("birth_date", "%s is in the future", v[C_BIRTH]);
	if (v[C_ENTRY] && strcmp(v[C_ENTRY], v[C_BIRTH]) <= 0)
		return REFUSE("entry_date", "%s is not after the birth date %s", v[C_ENTRY], v[C_BIRTH]);
	if (grade_check(db, v[C_SCHOOL], atoi(v[C_GRADE]), e2) < 0)
		return REFUSE("grade", "%s", e2);
	if (v[C_MAJOR] && strcmp(school_kind(db, v[C_SCHOOL]), "vocational"))
		return REFUSE("major", "only students of a vocational school have a major");
	if (v[C_PLACE] && !v[C_DISAB])
		return REFUSE("placement", "a placement is for a student with a disability");
	return 0;
}

static const struct edu_entity student = {
	.table = "student", .what = "student", .cols = student_cols, .ncols = NCOLS,
	.row_check = student_check, .derive = student_derive,
	.derive_ok = "student_no", .bulk = 1,
};

/* ---- options ----------------------------------------------------------- */

static struct {
	const char *school, *status, *to, *reason, *disability, *placement, *by;
	long grade, year;
	int disabled, asof;
	long seed;		/* -1: none given */
} opt = { .asof = -1, .seed = -1 };

static const struct edu_option list_opts[] = {
	EDU_OPT_TEXT("school", &opt.school, "CODE", "students of this school"),
	EDU_OPT_LONG("grade", &opt.grade, "G", 1, 12, "students in this grade (1-12)"),
	EDU_OPT_TEXT("status", &opt.status, "ST", "enrolled, suspended, withdrawn or graduated"),
	EDU_OPT_FLAG("disability", &opt.disabled, "only students with a disability"),
	EDU_OPT_DATE("as-of", &opt.asof, "as things stood at the end of that day"),
	EDU_OPT_END
};

static const struct edu_option show_opts[] = {
	EDU_OPT_DATE("as-of", &opt.asof, "as things stood at the end of that day"),
	EDU_OPT_END
};

static const struct edu_option transfer_opts[] = {
	EDU_OPT_TEXT("to", &opt.to, "CODE", "the school the students move to"),
	EDU_OPT_TEXT("reason", &opt.reason, "TEXT", "why (kept with the event)"),
	EDU_OPT_END
};

static const struct edu_option reason_opts[] = {
	EDU_OPT_TEXT("reason", &opt.reason, "TEXT", "why (required; kept with the event)"),
	EDU_OPT_END
};

static const struct edu_option promote_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "Y", 1949, 9999, "the school year that ends (the calendar year of its summer)"),
	EDU_OPT_END
};

static const struct edu_option assign_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "Y", 1949, 9999, "the year of entry (school starts Y-09-01)"),
	EDU_OPT_LONG("seed", &opt.seed, "N", 0, INT64_MAX, "the lottery's seed: the same seed gives the same draw"),
	EDU_OPT_END
};

static const struct edu_option placement_opts[] = {
	EDU_OPT_TEXT("disability", &opt.disability, "D", "visual, hearing, speech, physical, intellectual, mental or multiple"),
	EDU_OPT_TEXT("placement", &opt.placement, "P", "regular-class, special-class, special-school or home-delivery"),
	EDU_OPT_END
};

static const struct edu_option report_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "Y", 1949, 9999, "as things stood on 31 December of Y"),
	EDU_OPT_END
};

static const struct edu_option stats_opts[] = {
	EDU_OPT_TEXT("by", &opt.by, "WHAT", "school (default), grade, sex, status, disability or ethnicity"),
	EDU_OPT_END
};

/* An option's value checked as a column's values are: exit 64. */
static const char *enum_arg(const char *option, const struct edu_enum *e,
			    const char *in, char *out)
{
	char err[EDU_ERR_MAX];

	if (edu_valid_enum(e, in, out, err) < 0)
		edu_die(EDU_EUSAGE, "%s: %s", option, err);
	return out;
}

/* ---- the registry -------------------------------------------------------- */

static int student_import(struct edu_cmd *c)
{
	return edu_import(c->db, &student, c->argc, c->argv);
}

/* The students as they stood at the end of day ?1: for each, the state
 * before its first event after that day, or the current one; only those
 * who had entered by then. */
#define ASOF_SELECT \
	"SELECT s.student_no, s.id_type, s.id_number, s.name, s.sex, s.birth_date, " \
	"s.ethnicity, coalesce(e.from_school, s.school_code) AS school_code, " \
	"coalesce(e.from_grade, s.grade) AS grade, s.class, s.entry_date, " \
	"coalesce(e.from_status, s.status) AS status, s.major, s.disability, " \
	"s.placement, s.zone, s.address, s.guardian, s.phone " \
	"FROM student s LEFT JOIN student_event e ON e.id = (SELECT x.id FROM " \
	"student_event x WHERE x.student_no = s.student_no AND x.day > ?1 " \
	"ORDER BY x.day, x.id LIMIT 1) " \
	"WHERE (s.entry_date IS NULL OR s.entry_date <= ?1)"

#define PLAIN_SELECT \
	"SELECT student_no, id_type, id_number, name, sex, birth_date, ethnicity, " \
	"school_code, grade, class, entry_date, status, major, disability, " \
	"placement, zone, address, guardian, phone FROM student"

static int student_list(struct edu_cmd *c)
{
	struct edu_buf sql = { 0 };
	char day[11], code[EDU_VAL_MAX], err[EDU_ERR_MAX], st_key[EDU_VAL_MAX];
	int n = 0;

	if (opt.school && edu_valid_digits(opt.school, 10, code, err) < 0)
		edu_die(EDU_EUSAGE, "--school: %s", err);
	if (opt.status)
		enum_arg("--status", statuses, opt.status, st_key);
	/* In the order the students were registered: a plain scan of the
	 * table, as fast as the data can be written out. */
	if (opt.asof >= 0)
		edu_buf_puts(&sql, "SELECT * FROM (" ASOF_SELECT " ORDER BY s.rowid)");
	else
		edu_buf_puts(&sql, PLAIN_SELECT);
	if (opt.school)
		edu_buf_printf(&sql, " %s school_code = ?2", n++ ? "AND" : "WHERE");
	if (opt.grade)
		edu_buf_printf(&sql, " %s grade = ?3", n++ ? "AND" : "WHERE");
	if (opt.status)
		edu_buf_printf(&sql, " %s status = ?4", n++ ? "AND" : "WHERE");
	if (opt.disabled)
		edu_buf_printf(&sql, " %s disability IS NOT NULL", n++ ? "AND" : "WHERE");
	if (opt.asof < 0)
		edu_buf_puts(&sql, " ORDER BY rowid");
	sqlite3_stmt *st = edu_prepare(c->db, sql.s);
	edu_buf_free(&sql);
	if (opt.asof >= 0)
		sqlite3_bind_text(st, 1, edu_date_str(opt.asof, day), -1, SQLITE_STATIC);
	if (opt.school)
		sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	if (opt.grade)
		sqlite3_bind_int(st, 3, (int)opt.grade);
	if (opt.status)
		sqlite3_bind_text(st, 4, st_key, -1, SQLITE_STATIC);
	edu_print_stmt(st, 0);
	return 0;
}

/* A student by student number or ID number: the student number, or NULL
 * after saying there is none. */
static char *find_student(sqlite3 *db, const char *key)
{
	char k[EDU_VAL_MAX], norm[EDU_VAL_MAX], err[EDU_ERR_MAX];
	const char *p[1];

	if (trimmed(key, k) < 0)
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

/* An event as a line of text for show. */
#define EVENT_TEXT \
	"day || ' ' || kind || CASE kind " \
	"WHEN 'transfer' THEN ' ' || from_school || ' -> ' || to_school " \
	"WHEN 'promote' THEN ' ' || from_grade || ' -> ' || to_grade || ' (' || year || ')' " \
	"WHEN 'enrol' THEN ' ' || to_school || ' grade ' || to_grade " \
	"ELSE '' END || coalesce(': ' || reason, '')"

static int student_show(struct edu_cmd *c)
{
	static const char *const cols[] = { "field", "value" };
	char day[11];
	char *no = find_student(c->db, c->argv[0]);

	if (!no) {
		edu_warn("no student '%s'", c->argv[0]);
		return EDU_NO;
	}
	sqlite3_stmt *st = edu_prepare(c->db, opt.asof >= 0
		? "SELECT * FROM (" ASOF_SELECT ") WHERE student_no = ?2"
		: PLAIN_SELECT " WHERE student_no = ?2");
	if (opt.asof >= 0)
		sqlite3_bind_text(st, 1, edu_date_str(opt.asof, day), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, no, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		edu_warn("student %s had not entered by %s", no, day);
		free(no);
		return EDU_NO;
	}
	struct edu_out *o = edu_out_new(stdout, 2, cols);
	edu_out_fields(o, st);
	sqlite3_finalize(st);
	st = edu_prepare(c->db, "SELECT 'event', " EVENT_TEXT " FROM student_event "
			 "WHERE student_no = ?2 AND (?1 IS NULL OR day <= ?1) ORDER BY day, id");
	if (opt.asof >= 0)
		sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, no, -1, SQLITE_STATIC);
	edu_out_stmt(o, st);
	sqlite3_finalize(st);
	edu_out_end(o);
	free(no);
	return 0;
}

/* ---- status changes ------------------------------------------------------ */

/* What an event does to a student: 0 and the new state in *to, or -1
 * with the reason it makes no sense. */
typedef int (*change_fn)(sqlite3 *db, const struct edu_student_state *from, struct edu_student_state *to,
			 char *why);

static int do_transfer(sqlite3 *db, const struct edu_student_state *from, struct edu_student_state *to, char *why)
{
	if (strcmp(from->status, "enrolled"))
		return snprintf(why, EDU_ERR_MAX, "is %s, not enrolled", from->status), -1;
	if (!strcmp(from->school, opt.to))
		return snprintf(why, EDU_ERR_MAX, "is at school %s already", opt.to), -1;
	if (grade_check(db, opt.to, from->grade, why) < 0)
		return -1;
	const char *p[] = { opt.to };
	char *open = edu_query1(db, "SELECT status FROM school WHERE school_code = ?", 1, p);
	int closed = open && strcmp(open, "open");
	free(open);
	if (closed)
		return snprintf(why, EDU_ERR_MAX, "school %s is closed", opt.to), -1;
	snprintf(to->school, sizeof to->school, "%s", opt.to);
	return 0;
}

static int do_suspend(sqlite3 *db, const struct edu_student_state *from, struct edu_student_state *to, char *why)
{
	(void)db;
	if (strcmp(from->status, "enrolled"))
		return snprintf(why, EDU_ERR_MAX, "is %s, not enrolled", from->status), -1;
	strcpy(to->status, "suspended");
	return 0;
}

static int do_resume(sqlite3 *db, const struct edu_student_state *from, struct edu_student_state *to, char *why)
{
	(void)db;
	if (strcmp(from->status, "suspended"))
		return snprintf(why, EDU_ERR_MAX, "is %s, not suspended", from->status), -1;
	strcpy(to->status, "enrolled");
	return 0;
}

static int do_withdraw(sqlite3 *db, const struct edu_student_state *from, struct edu_student_state *to, char *why)
{
	(void)db;
	if (strcmp(from->status, "enrolled") && strcmp(from->status, "suspended"))
		return snprintf(why, EDU_ERR_MAX, "is %s already", from->status), -1;
	strcpy(to->status, "withdrawn");
	return 0;
}

static int do_graduate(sqlite3 *db, const struct edu_student_state *from, struct edu_student_state *to, char *why)
{
	(void)db;
	if (strcmp(from->status, "enrolled"))
		return snprintf(why, EDU_ERR_MAX, "is %s, not enrolled", from->status), -1;
	if (!edu_stage_last(from->grade))
		return snprintf(why, EDU_ERR_MAX, "is in grade %d, not the last grade of %s school",
				from->grade, edu_stage_name(from->grade)), -1;
	strcpy(to->status, "graduated");
	return 0;
}

/* What a student event verb does: its kind and its rule. */
struct change {
	const char *kind;
	change_fn fn;
};

static int change_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	const struct change *ch = ctx;
	struct edu_student_state from, to;
	char *no = find_student(c->db, k->key);

	if (!no)
		return EDU_KEY_MISSING;
	edu_student_load(c->db, no, &from);
	free(no);
	to = from;
	if (edu_key_in_order(k, from.last_day) < 0)
		return EDU_KEY_REFUSED;
	if (ch->fn(c->db, &from, &to, k->why) < 0)
		return EDU_KEY_REFUSED;
	edu_student_event(c->db, ch->kind, k->on, opt.reason, &from, &to);
	return EDU_KEY_DONE;
}

/* Apply an event to each student named by the arguments or on stdin. */
static int change(struct edu_cmd *c, const char *kind, const char *done, change_fn fn)
{
	struct change ch = { kind, fn };
	const struct edu_keyverb kv = {
		.col = "student_no", .aliases = "学籍号", .noun = "student",
		.done = done, .apply = change_one,
	};

	return edu_drive(c, &kv, &ch);
}

static int transfer(struct edu_cmd *c)
{
	char code[EDU_VAL_MAX], err[EDU_ERR_MAX];

	edu_need(opt.to, "--to");
	if (edu_valid_digits(opt.to, 10, code, err) < 0)
		edu_die(EDU_EUSAGE, "--to: %s", err);
	opt.to = code;
	return change(c, "transfer", "transferred", do_transfer);
}

static int suspend(struct edu_cmd *c)
{
	edu_need(opt.reason, "--reason");
	return change(c, "suspend", "suspended", do_suspend);
}

static int resume(struct edu_cmd *c)
{
	return change(c, "resume", "resumed", do_resume);
}

static int withdraw(struct edu_cmd *c)
{
	edu_need(opt.reason, "--reason");
	return change(c, "withdraw", "withdrawn", do_withdraw);
}

static int graduate(struct edu_cmd *c)
{
	return change(c, "graduate", "graduated", do_graduate);
}

/* promote: every enrolled student not in the last grade of a stage moves
 * up one, once per school year: a student with a promotion for the year
 * is passed over, so a second run changes nothing. */
static int promote(struct edu_cmd *c)
{
	char day[11];
	struct edu_run run;

	edu_need(opt.year ? &opt.year : NULL, "--year");
	edu_date_str(edu_opt.on, day);
	edu_run_start(&run);
	edu_begin(c->db);
	char *before = edu_query1(c->db, "SELECT coalesce(max(id), 0) FROM student_event", 0, NULL);
	sqlite3_stmt *st = edu_prepare(c->db,
		"INSERT INTO student_event (student_no, day, kind, year, from_school, "
		"to_school, from_grade, to_grade, from_status, to_status) "
		"SELECT student_no, ?1, 'promote', ?2, school_code, school_code, grade, "
		"grade + 1, status, status FROM student s WHERE status = 'enrolled' "
		"AND grade NOT IN (6, 9, 12) AND NOT EXISTS (SELECT 1 FROM student_event e "
		"WHERE e.kind = 'promote' AND e.year = ?2 AND e.student_no = s.student_no) "
		"AND (entry_date IS NULL OR (entry_date <= ?1 AND entry_date < ?3))");
	/* A student who entered after the summer of Y is in a later school
	 * year: not promoted for Y. */
	char next[16];
	snprintf(next, sizeof next, "%ld-09-01", opt.year);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, (int)opt.year);
	sqlite3_bind_text(st, 3, next, -1, SQLITE_STATIC);
	edu_exec_stmt(c->db, st);
	sqlite3_finalize(st);
	long promoted = sqlite3_changes(c->db);
	st = edu_prepare(c->db,
		"UPDATE student SET grade = grade + 1 WHERE student_no IN "
		"(SELECT student_no FROM student_event WHERE kind = 'promote' AND year = ?1 "
		"AND id > ?2)");
	sqlite3_bind_int(st, 1, (int)opt.year);
	sqlite3_bind_int64(st, 2, strtoll(before, NULL, 10));
	free(before);
	edu_exec_stmt(c->db, st);
	sqlite3_finalize(st);
	if (sqlite3_changes(c->db) != promoted)
		edu_die(EDU_ESOFTWARE, "promote: %d grades changed for %ld events",
			sqlite3_changes(c->db), promoted);
	const char *p[] = { day };
	char *left = edu_query1(c->db, "SELECT count(*) FROM student WHERE status = 'enrolled' "
				"AND grade IN (6, 9, 12) AND (entry_date IS NULL OR entry_date <= ?)", 1, p);
	char *counts = edu_asprintf("promoted=%ld last_grade=%s", promoted, left);
	if (promoted) {
		char *key = edu_asprintf("promote %ld", opt.year);
		char *chg = edu_asprintf("{\"promoted\":%ld,\"day\":\"%s\"}", promoted, day);
		edu_audit(c->db, "student", key, chg);
		free(key);
		free(chg);
	}
	edu_run_finish(c->db, &run, counts, 0);
	edu_finish(c->db);
	if (!edu_opt.quiet)
		edu_warn("%ld student%s promoted for %ld; %s in the last grade of a stage left for graduate",
			 promoted, promoted == 1 ? "" : "s", opt.year, left);
	free(left);
	free(counts);
	return 0;
}

/* ---- disabled children ----------------------------------------------------- */

struct placement {
	char d[EDU_VAL_MAX], p[EDU_VAL_MAX];
};

static int place_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	const struct placement *pl = ctx;
	char *no = find_student(c->db, k->key);

	if (!no)
		return EDU_KEY_MISSING;
	const char *key[] = { no };
	char *old_d = edu_query1(c->db, "SELECT disability FROM student WHERE student_no = ?", 1, key);
	char *old_p = edu_query1(c->db, "SELECT placement FROM student WHERE student_no = ?", 1, key);
	const char *names[] = { "disability", "placement" };
	const char *old[] = { old_d, old_p }, *new[] = { pl->d, pl->p };
	int rc = EDU_KEY_SAME;
	if (edu_audit_change(c->db, "student", no, 2, names, old, new)) {
		const char *u[] = { pl->d, pl->p, no };
		edu_exec(c->db, "UPDATE student SET disability = ?, placement = ? "
			 "WHERE student_no = ?", 3, u);
		char *reason = edu_asprintf("%s, %s", pl->d, pl->p);
		struct edu_student_state s;
		edu_student_load(c->db, no, &s);
		sqlite3_stmt *st = edu_prepare(c->db,
			"INSERT INTO student_event (student_no, day, kind, reason, from_school, "
			"to_school, from_grade, to_grade, from_status, to_status) "
			"VALUES (?1, ?2, 'placement', ?3, ?4, ?4, ?5, ?5, ?6, ?6)");
		sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, k->on, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, reason, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, s.school, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, s.grade);
		sqlite3_bind_text(st, 6, s.status, -1, SQLITE_STATIC);
		edu_exec_stmt(c->db, st);
		sqlite3_finalize(st);
		free(reason);
		rc = EDU_KEY_DONE;
	}
	free(old_d);
	free(old_p);
	free(no);
	return rc;
}

static int placement(struct edu_cmd *c)
{
	struct placement pl;
	const struct edu_keyverb kv = {
		.col = "student_no", .aliases = "学籍号", .noun = "student",
		.done = "placed", .apply = place_one,
	};

	edu_need(opt.disability, "--disability");
	edu_need(opt.placement, "--placement");
	enum_arg("--disability", disabilities, opt.disability, pl.d);
	enum_arg("--placement", placements, opt.placement, pl.p);
	return edu_drive(c, &kv, &pl);
}

static int disability_report(struct edu_cmd *c)
{
	char day[11];
	sqlite3_stmt *st = edu_prepare(c->db,
		"WITH s AS (" ASOF_SELECT "), d AS (SELECT disability, placement FROM s "
		"WHERE status = 'enrolled' AND disability IS NOT NULL), "
		"r AS (SELECT disability, "
		"sum(placement IS 'regular-class') AS regular_class, "
		"sum(placement IS 'special-class') AS special_class, "
		"sum(placement IS 'special-school') AS special_school, "
		"sum(placement IS 'home-delivery') AS home_delivery, "
		"sum(placement IS NULL) AS unplaced, count(*) AS students "
		"FROM d GROUP BY disability "
		"UNION ALL SELECT 'all', sum(placement IS 'regular-class'), "
		"sum(placement IS 'special-class'), sum(placement IS 'special-school'), "
		"sum(placement IS 'home-delivery'), sum(placement IS NULL), count(*) FROM d "
		"HAVING count(*) > 0) "
		"SELECT *, printf('%.1f', 100.0 * (students - unplaced) / students) AS placed_pct "
		"FROM r ORDER BY CASE disability WHEN 'visual' THEN 1 WHEN 'hearing' THEN 2 "
		"WHEN 'speech' THEN 3 WHEN 'physical' THEN 4 WHEN 'intellectual' THEN 5 "
		"WHEN 'mental' THEN 6 WHEN 'multiple' THEN 7 ELSE 8 END");
	int d = opt.year ? edu_days((int)opt.year, 12, 31) : edu_today();
	sqlite3_bind_text(st, 1, edu_date_str(d, day), -1, SQLITE_STATIC);
	edu_print_stmt(st, 0);
	return 0;
}

/* ---- stats ------------------------------------------------------------------- */

static int stats(struct edu_cmd *c)
{
	static const char *const by[] = { "school", "grade", "sex", "status",
					  "disability", "ethnicity", NULL };
	static const char *const sql[] = {
		"SELECT school_code, k.name, count(*) AS students FROM student s "
		"JOIN school k USING (school_code) WHERE s.status = 'enrolled' "
		"GROUP BY school_code ORDER BY school_code",
		"SELECT grade, count(*) AS students FROM student WHERE status = 'enrolled' "
		"GROUP BY grade ORDER BY grade",
		"SELECT sex, count(*) AS students FROM student WHERE status = 'enrolled' "
		"GROUP BY sex ORDER BY sex",
		"SELECT status, count(*) AS students FROM student GROUP BY status "
		"ORDER BY CASE status WHEN 'enrolled' THEN 1 WHEN 'suspended' THEN 2 "
		"WHEN 'withdrawn' THEN 3 ELSE 4 END",
		"SELECT coalesce(disability, 'none') AS disability, count(*) AS students "
		"FROM student WHERE status = 'enrolled' GROUP BY disability ORDER BY disability",
		"SELECT coalesce(ethnicity, '') AS ethnicity, count(*) AS students FROM student "
		"WHERE status = 'enrolled' GROUP BY ethnicity ORDER BY students DESC, ethnicity",
	};
	int i = 0;

	if (opt.by)
		for (i = 0; by[i] && strcmp(by[i], opt.by); i++)
			;
	if (!by[i])
		edu_die(EDU_EUSAGE, "--by: '%s' is not one of school, grade, sex, status, disability, ethnicity",
			opt.by);
	edu_print_stmt(edu_prepare(c->db, sql[i]), 0);
	return 0;
}

/* ---- nearby primary enrolment ------------------------------------------------ */

static const struct edu_col applicant_cols[] = {
	{ .name = "id_number", .aliases = "身份证号|证件号码", .type = EDU_C_ID, .flags = EDU_C_REQUIRED },
	{ .name = "name", .aliases = "姓名", .type = EDU_C_TEXT, .flags = EDU_C_REQUIRED },
	{ .name = "sex", .aliases = "性别", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED, .values = sexes },
	{ .name = "birth_date", .aliases = "出生日期", .type = EDU_C_DATE, .flags = EDU_C_REQUIRED },
	{ .name = "zone", .aliases = "片区|学区", .type = EDU_C_CODE, .flags = EDU_C_REQUIRED },
	{ .name = "tier", .aliases = "类别|入学类别", .type = EDU_C_INT, .flags = EDU_C_REQUIRED,
	  .min = 1, .max = 4 },
};
enum { A_ID, A_NAME, A_SEX, A_BIRTH, A_ZONE, A_TIER, NA };

struct applicant {
	struct edu_place_child kid;	/* first: the child as the draw sees it */
	char *v[NA];
	long line;
	int stored;		/* assigned by an earlier run */
	char *school, *note;
	int rank;
};

/* One applicant field checked and normalised into v (EDU_VAL_MAX): 0, or
 * -1 with the reason in err.  Free text is kept as given, in `in`. */
static int applicant_field(const struct edu_col *cl, const char *in, char *v, char *err)
{
	if (cl->type != EDU_C_TEXT && trimmed(in, v) < 0)
		return snprintf(err, EDU_ERR_MAX, "too long: at most %d bytes", EDU_VAL_MAX - 1), -1;
	if (cl->type == EDU_C_TEXT ? !*in : !*v)
		return snprintf(err, EDU_ERR_MAX, "may not be empty"), -1;
	switch (cl->type) {
	case EDU_C_ID: return edu_valid_id(v, v, NULL, NULL, err);
	case EDU_C_ENUM: return edu_valid_enum(cl->values, v, v, err);
	case EDU_C_DATE: return edu_valid_date(v, v, err);
	case EDU_C_INT: return edu_valid_int(v, cl->min, cl->max, v, err);
	default: return 0;
	}
}

/* Rules across an applicant's fields, and against those read before: the
 * column at fault (with err), or NULL. */
static const char *applicant_check(const struct applicant *x, const struct applicant *a,
				   size_t na, char *err)
{
	char b[11], v[EDU_VAL_MAX];
	int birth, male;

	edu_valid_id(x->v[A_ID], v, &birth, &male, err);
	if (strcmp(edu_date_str(birth, b), x->v[A_BIRTH]))
		return snprintf(err, EDU_ERR_MAX, "%s, but the ID number says %s", x->v[A_BIRTH], b),
		       "birth_date";
	if (male != !strcmp(x->v[A_SEX], "M"))
		return snprintf(err, EDU_ERR_MAX, "%s, but the ID number says %s", x->v[A_SEX],
				male ? "M" : "F"), "sex";
	for (size_t j = 0; j < na; j++)
		if (!strcmp(a[j].v[A_ID], x->v[A_ID]))
			return snprintf(err, EDU_ERR_MAX, "the same child as line %ld", a[j].line),
			       "id_number";
	return NULL;
}

/* Read and check the applicants: 0, or -1 after reporting every bad row. */
static int read_applicants(struct edu_cmd *c, struct applicant **out, size_t *nout)
{
	struct edu_colname names[NA];
	int map[NA], n, bad = 0;
	const char *file = c->argc ? c->argv[0] : "-";
	struct edu_csv *r = edu_csv_open(file);
	struct applicant *a = NULL;
	size_t na = 0;
	char err[EDU_ERR_MAX], v[EDU_VAL_MAX];

	if (!r)
		edu_die(EDU_ENOINPUT, "cannot read the applicants");
	for (int i = 0; i < NA; i++)
		names[i] = (struct edu_colname){ applicant_cols[i].name, applicant_cols[i].aliases };
	if (edu_csv_header(r, names, NA, edu_import_opt.ignore_extra, map) < 0)
		return edu_csv_close(r), -1;
	for (int i = 0; i < NA; i++)
		if (map[i] < 0) {
			edu_warn("%s:1: the column '%s' is missing", edu_csv_name(r), names[i].name);
			bad = 1;
		}
	if (bad)
		return edu_csv_close(r), -1;
	while ((n = edu_csv_next(r)) > 0) {
		struct applicant x = { .line = edu_csv_line(r) };
		const char *col = NULL;

		if (edu_csv_bad(r)) {
			edu_warn("%s:%ld: %s", edu_csv_name(r), x.line, edu_csv_bad(r));
			bad++;
			continue;
		}
		for (int i = 0; i < NA && !col; i++) {
			const char *in = edu_csv_field(r, map[i]);

			if (applicant_field(&applicant_cols[i], in, v, err) < 0)
				col = applicant_cols[i].name;
			else
				x.v[i] = edu_strdup(applicant_cols[i].type == EDU_C_TEXT ? in : v);
		}
		if (!col)
			col = applicant_check(&x, a, na, err);
		if (col) {
			if (bad < 100)
				edu_warn("%s:%ld: %s: %s", edu_csv_name(r), x.line, col, err);
			bad++;
			for (int i = 0; i < NA; i++)
				free(x.v[i]);
			continue;
		}
		x.kid = (struct edu_place_child){ .key = x.v[A_ID], .zone = x.v[A_ZONE],
						  .tier = atoi(x.v[A_TIER]) };
		a = edu_realloc(a, (na + 1) * sizeof *a);
		a[na++] = x;
	}
	if (!bad && n < 0)
		bad = 1;
	edu_csv_close(r);
	*out = a;
	*nout = na;
	return bad ? -1 : 0;
}

/* The zones of a year's intake and their open primary and nine-year
 * schools, with the seats that earlier runs left. */
struct intake {
	struct edu_place_zone *z;
	struct edu_place_school *s;
	size_t nz, ns;
};

static void intake_load(sqlite3 *db, struct intake *in)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT z.zone, z.rank, z.school_code, coalesce(k.entry_seats, 0) - (SELECT count(*) "
		"FROM applicant p WHERE p.year = ?1 AND p.school_code = z.school_code) "
		"FROM zone z JOIN school k USING (school_code) WHERE k.status = 'open' "
		"AND k.kind IN ('primary', 'nine-year') ORDER BY z.school_code");

	memset(in, 0, sizeof *in);
	sqlite3_bind_int(st, 1, (int)opt.year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 2);

		if (!in->ns || strcmp(in->s[in->ns - 1].code, code)) {
			in->s = edu_realloc(in->s, (in->ns + 1) * sizeof *in->s);
			in->s[in->ns++] = (struct edu_place_school){ .code = edu_strdup(code),
				.seats = sqlite3_column_int(st, 3) };
		}
		in->z = edu_realloc(in->z, (in->nz + 1) * sizeof *in->z);
		in->z[in->nz++] = (struct edu_place_zone){ .rank = sqlite3_column_int(st, 1),
			.zone = edu_strdup((const char *)sqlite3_column_text(st, 0)),
			.school = (int)in->ns - 1 };
	}
	sqlite3_finalize(st);
}

/* Which children are not drawn for: those an earlier run drew (they keep
 * what it gave them), the too young, and those who are students already. */
static void hold(sqlite3 *db, sqlite3_stmt *old, const char *cutoff, struct applicant *a)
{
	const char *p[] = { a->v[A_ID] };
	char *known;

	sqlite3_reset(old);
	sqlite3_bind_int(old, 1, (int)opt.year);
	sqlite3_bind_text(old, 2, a->v[A_ID], -1, SQLITE_STATIC);
	if (sqlite3_step(old) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(old, 0);
		const char *n = (const char *)sqlite3_column_text(old, 2);
		a->stored = 1;
		a->school = s ? edu_strdup(s) : NULL;
		a->rank = sqlite3_column_int(old, 1);
		a->note = edu_asprintf("%s (drawn before)", n ? n : "");
	} else if (strcmp(a->v[A_BIRTH], cutoff) > 0) {
		a->note = edu_asprintf("not six by %s", cutoff);
	} else if ((known = edu_query1(db, "SELECT school_code FROM student "
				       "WHERE id_number = ? AND id_type = 'resident'", 1, p))) {
		a->note = edu_asprintf("already a student of %s", known);
		free(known);
	}
	a->kid.held = a->stored || a->note;
}

/* Record a child's draw; a child given a school becomes its grade-1
 * student from `entry`. */
static void enrol(struct edu_cmd *c, struct edu_writer *w, const struct applicant *x,
		  const char *entry)
{
	char year[24], lot[24], rank[8], err[EDU_ERR_MAX];
	const char *tier = x->v[A_TIER], *col;

	snprintf(year, sizeof year, "%ld", opt.year);
	snprintf(lot, sizeof lot, "%llu", (unsigned long long)x->kid.lottery);
	snprintf(rank, sizeof rank, "%d", x->rank);
	const char *row[] = { year, x->v[A_ID], x->v[A_NAME], x->v[A_SEX], x->v[A_BIRTH],
			      x->v[A_ZONE], tier, lot, x->school, x->school ? rank : NULL,
			      x->note };
	edu_exec(c->db, "INSERT INTO applicant (year, id_number, name, sex, birth_date, zone, "
		 "tier, lottery, school_code, rank, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		 11, row);
	if (!x->school)
		return;
	const char *raw[NCOLS] = { [C_NO] = "", [C_IDTYPE] = "resident", [C_ID] = x->v[A_ID],
		[C_NAME] = x->v[A_NAME], [C_SEX] = x->v[A_SEX], [C_BIRTH] = x->v[A_BIRTH],
		[C_SCHOOL] = x->school, [C_GRADE] = "1", [C_ENTRY] = entry,
		[C_STATUS] = "enrolled", [C_ZONE] = x->v[A_ZONE] };
	if (edu_writer_put(w, raw, 0, &col, err) < 0)
		edu_die(EDU_EDATA, "%s: cannot enrol %s: %s: %s", c->argc ? c->argv[0] : "-",
			x->v[A_ID], col ? col : "", err);
	char no[EDU_VAL_MAX + 1], why[96];
	snprintf(no, sizeof no, "G%s", x->v[A_ID]);
	snprintf(why, sizeof why, "nearby enrolment %ld, tier %s, rank %d", opt.year, tier, x->rank);
	const char *ev[] = { no, entry, why, x->school };
	edu_exec(c->db, "INSERT INTO student_event (student_no, day, kind, reason, to_school, "
		 "to_grade, to_status) VALUES (?, ?, 'enrol', ?, ?, 1, 'enrolled')", 4, ev);
}

static void print_draw(struct edu_place_child *const *order, size_t na)
{
	static const char *const cols[] = { "id_number", "name", "tier", "school_code", "rank", "note" };
	struct edu_out *o = edu_out_new(stdout, 6, cols);

	for (size_t i = 0; i < na; i++) {
		const struct applicant *x = (const struct applicant *)order[i];
		char rank[8];
		snprintf(rank, sizeof rank, "%d", x->rank);
		edu_out_cell(o, x->v[A_ID], EDU_V_TEXT);
		edu_out_cell(o, x->v[A_NAME], EDU_V_TEXT);
		edu_out_cell(o, x->v[A_TIER], EDU_V_NUM);
		edu_out_cell(o, x->school, x->school ? EDU_V_TEXT : EDU_V_NULL);
		edu_out_cell(o, x->school ? rank : NULL, x->school ? EDU_V_NUM : EDU_V_NULL);
		edu_out_cell(o, x->note, EDU_V_TEXT);
	}
	edu_out_end(o);
}

/* Draw, record and enrol: the number of children left without a school. */
static long draw(struct edu_cmd *c, struct applicant *a, size_t na,
		 struct edu_place_child **order, long *assigned)
{
	char cutoff[11], entry[11];
	struct intake in;
	long left = 0;
	sqlite3_stmt *old = edu_prepare(c->db,
		"SELECT school_code, rank, note FROM applicant WHERE year = ?1 AND id_number = ?2");

	edu_date_str(edu_place_primary_born_by(opt.year), cutoff);
	snprintf(entry, sizeof entry, "%ld-09-01", opt.year);
	for (size_t i = 0; i < na; i++) {
		hold(c->db, old, cutoff, &a[i]);
		order[i] = &a[i].kid;
	}
	sqlite3_finalize(old);
	intake_load(c->db, &in);
	*assigned = edu_place(order, na, in.z, in.nz, in.s, in.ns, (uint64_t)opt.seed);

	struct edu_writer *w = edu_writer_new(c->db, &student);
	for (size_t i = 0; i < na; i++) {
		struct applicant *x = (struct applicant *)order[i];
		enum edu_place_result r = x->kid.result;

		if (r == EDU_PLACE_PLACED) {
			x->school = edu_strdup(in.s[x->kid.school].code);
			x->rank = x->kid.rank;
		}
		if (r != EDU_PLACE_HELD)
			x->note = edu_strdup(r == EDU_PLACE_PLACED ? "assigned" : r == EDU_PLACE_FULL
					     ? "no seat left in the zone" : "no school in this zone");
		left += !x->school;
		if (!x->stored)
			enrol(c, w, x, entry);
	}
	edu_writer_free(w);
	for (size_t i = 0; i < in.nz; i++)
		free((char *)in.z[i].zone);
	for (size_t i = 0; i < in.ns; i++)
		free((char *)in.s[i].code);
	free(in.z);
	free(in.s);
	return left;
}

static int assign(struct edu_cmd *c)
{
	struct applicant *a;
	size_t na;
	struct edu_run run;
	long assigned, left;

	edu_need(opt.year ? &opt.year : NULL, "--year");
	if (c->argc > 1)
		edu_die(EDU_EUSAGE, "give one file of applicants");
	if (opt.seed < 0)
		opt.seed = (long)edu_lottery_seed();
	if (read_applicants(c, &a, &na) < 0) {
		edu_warn("nothing written");
		return EDU_EDATA;
	}
	edu_run_start(&run);
	edu_begin(c->db);
	struct edu_place_child **order = edu_malloc((na ? na : 1) * sizeof *order);
	left = draw(c, a, na, order, &assigned);
	print_draw(order, na);

	char counts[128], key[32], chg[128];
	snprintf(counts, sizeof counts, "applicants=%zu assigned=%ld unassigned=%ld seed=%llu",
		 na, assigned, left, (unsigned long long)opt.seed);
	snprintf(key, sizeof key, "assign %ld", opt.year);
	snprintf(chg, sizeof chg, "{\"applicants\":%zu,\"assigned\":%ld,\"unassigned\":%ld,"
		 "\"seed\":%llu}", na, assigned, left, (unsigned long long)opt.seed);
	edu_audit(c->db, "applicant", key, chg);
	edu_run_finish(c->db, &run, counts, left ? EDU_NO : 0);
	edu_finish(c->db);
	if (!edu_opt.quiet)
		edu_warn("%zu applicants: %ld assigned now, %ld without a school", na, assigned, left);
	for (size_t i = 0; i < na; i++) {
		for (int k = 0; k < NA; k++)
			free(a[i].v[k]);
		free(a[i].school);
		free(a[i].note);
	}
	free(a);
	free(order);
	return left ? EDU_NO : 0;
}

/* ---- the verbs --------------------------------------------------------------- */

#define W EDU_V_WRITE
#define KEYS "[STUDENT...]"
#define KEYS_DOC(what) what " each student named by student number or ID number, " \
	"or, with none, each in the student_no column of a CSV on standard input " \
	"(so that `edu-enroll list ... | edu-enroll VERB` works).  A change that " \
	"makes no sense for any of them is refused with the student and the " \
	"reason, and nothing is written (exit 65)."

static const struct edu_verb verbs[] = {
	{ .name = "import", .run = student_import, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W | EDU_V_IMPORT,
	  .summary = "add students from CSV (or update them with --upsert)",
	  .doc = "Import students from CSV files (none or '-': standard input).  Columns: "
	  "student_no, id_type, id_number, name, sex, birth_date, ethnicity, school_code, "
	  "grade, class, entry_date, status, major, disability, placement, zone, address, "
	  "guardian, phone; see edu-enroll(1) and edu-csv(5)." },
	{ .name = "list", .run = student_list, .opts = list_opts,
	  .summary = "list students" },
	{ .name = "show", .run = student_show, .args_doc = "STUDENT", .min_args = 1, .max_args = 1,
	  .opts = show_opts,
	  .summary = "show a student and the history of changes" },
	{ .name = "transfer", .run = transfer, .args_doc = KEYS, .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W, .opts = transfer_opts,
	  .summary = "move students to another school (转学)",
	  .doc = KEYS_DOC("Transfer") },
	{ .name = "suspend", .run = suspend, .args_doc = KEYS, .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W, .opts = reason_opts,
	  .summary = "suspend students' schooling (休学)",
	  .doc = KEYS_DOC("Suspend") },
	{ .name = "resume", .run = resume, .args_doc = KEYS, .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W,
	  .summary = "bring suspended students back (复学)",
	  .doc = KEYS_DOC("Resume") },
	{ .name = "withdraw", .run = withdraw, .args_doc = KEYS, .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W, .opts = reason_opts,
	  .summary = "record that students left school (退学)",
	  .doc = KEYS_DOC("Withdraw") },
	{ .name = "graduate", .run = graduate, .args_doc = KEYS, .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W,
	  .summary = "graduate students in the last grade of a stage (毕业)",
	  .doc = KEYS_DOC("Graduate") },
	{ .name = "promote", .run = promote, .roles = "registrar", .flags = W, .opts = promote_opts,
	  .summary = "move every enrolled student up a grade at the end of a school year",
	  .doc = "Every enrolled student moves up one grade, except those in grade 6, 9 or "
	  "12, who are left for graduate.  A student is promoted once per --year: "
	  "running it again changes nothing." },
	{ .name = "assign", .run = assign, .args_doc = "[FILE]", .max_args = 1,
	  .roles = "registrar", .flags = W, .opts = assign_opts,
	  .summary = "nearby primary enrolment (就近入学): draw and assign applicants",
	  .doc = "Read applicants (id_number, name, sex, birth_date, zone, tier) and give each "
	  "a school of their zone: by tier, then by a lottery drawn from --seed; each "
	  "goes to the zone's rank-1 school while it has entry_seats, else the next "
	  "rank.  Assigned children become grade-1 students.  Exit 1 when a child is "
	  "left without a school." },
	{ .name = "placement", .run = placement, .args_doc = "STUDENT", .min_args = 1,
	  .max_args = 1, .roles = "registrar", .flags = W, .opts = placement_opts,
	  .summary = "record a disabled child's category and placement" },
	{ .name = "disability-report", .run = disability_report, .opts = report_opts,
	  .summary = "disabled students by category and placement" },
	{ .name = "stats", .run = stats, .opts = stats_opts,
	  .summary = "count enrolled students" },
	{ 0 }
};

static const struct edu_tool tool = {
	.name = "edu-enroll",
	.summary = "edu-enroll -- the student registry: students, status changes, "
		   "promotion, nearby enrolment and disabled children's placement",
	.verbs = verbs,
};

int main(int argc, char **argv)
{
	return edu_main(&tool, argc, argv);
}
