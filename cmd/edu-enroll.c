/* edu-enroll - the student registry (学籍): students, their status
 * changes as events, promotion, nearby primary enrolment (就近入学), the
 * placement of disabled children, counts */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edu.h"

/* The columns, in the order of EDU_S_* (edu.h) and of `list`. */
static const struct edu_col student_cols[] = {
	{ .name = "student_no", .aliases = "学籍号|全国学籍号", .type = EDU_C_CODE, .flags = EDU_C_KEY },
	{ .name = "id_type", .aliases = "证件类型|身份证件类型", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = edu_student_id_types, .dflt = "resident" },
	{ .name = "id_number", .aliases = "身份证号|证件号码|身份证件号", .type = EDU_C_CODE,
	  .flags = EDU_C_REQUIRED },
	{ .name = "name", .aliases = "姓名", .type = EDU_C_NAME, .flags = EDU_C_REQUIRED },
	{ .name = "sex", .aliases = "性别", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED,
	  .values = edu_student_sexes },
	{ .name = "birth_date", .aliases = "出生日期", .type = EDU_C_DATE,
	  .flags = EDU_C_REQUIRED | EDU_C_PAST },
	{ .name = "ethnicity", .aliases = "民族", .type = EDU_C_TEXT },
	{ .name = "school_code", .aliases = "学校代码|学校标识码", .type = EDU_C_DIGITS,
	  .min = 10, .flags = EDU_C_REQUIRED, .ref = "school" },
	{ .name = "grade", .aliases = "年级", .type = EDU_C_INT, .flags = EDU_C_REQUIRED,
	  .min = -2, .max = 12 },	/* K1-K3 read as -2..0 (edu_student_derive) */
	{ .name = "class", .aliases = "班级|班号", .type = EDU_C_CODE },
	{ .name = "entry_date", .aliases = "入学日期|入学年月", .type = EDU_C_DATE,
	  .flags = EDU_C_PAST },
	{ .name = "status", .aliases = "学籍状态|状态", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = edu_student_statuses, .dflt = "enrolled" },
	{ .name = "major", .aliases = "专业", .type = EDU_C_TEXT },
	{ .name = "disability", .aliases = "残疾类别|残疾类型", .type = EDU_C_ENUM,
	  .values = edu_student_disabilities },
	{ .name = "placement", .aliases = "安置方式|就读方式", .type = EDU_C_ENUM,
	  .values = edu_student_placements },
	{ .name = "zone", .aliases = "片区|学区", .type = EDU_C_CODE },
	{ .name = "address", .aliases = "住址|家庭住址|现住址", .type = EDU_C_TEXT },
	{ .name = "guardian", .aliases = "监护人|监护人姓名", .type = EDU_C_NAME },
	{ .name = "phone", .aliases = "联系电话|电话", .type = EDU_C_PHONE },
};

static const struct edu_entity student = {
	.table = "student", .what = "student", .cols = student_cols, .ncols = EDU_S_NCOLS,
	.row_check = edu_student_check, .derive = edu_student_derive,
	.derive_ok = "student_no", .bulk = 1,
};

/* ---- options ----------------------------------------------------------- */

static struct {
	const char *school, *status, *to, *reason, *disability, *placement, *by, *stage, *zone;
	long grade, year;
	int disabled, asof, force, skip_final, from_register;
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

static const struct edu_option graduate_opts[] = {
	EDU_OPT_FLAG("force", &opt.force, "graduate students who reached the last grade by this school year's promotion (needs --reason)"),
	EDU_OPT_TEXT("reason", &opt.reason, "TEXT", "why (kept with the event)"),
	EDU_OPT_END
};

static const struct edu_option promote_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "Y", 1949, 9999, "the school year that ends (the calendar year of its summer)"),
	EDU_OPT_FLAG("skip-final", &opt.skip_final, "promote the others while students of grade 6, 9 or 12 have not graduated"),
	EDU_OPT_END
};

static const struct edu_option assign_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "Y", 1949, 9999, "the year of entry (school starts Y-09-01)"),
	EDU_OPT_LONG("seed", &opt.seed, "N", 0, INT64_MAX, "the lottery's seed: the same seed gives the same draw"),
	EDU_OPT_FLAG("from-register", &opt.from_register, "the applicants are the year's kindergarten leavers in the registry"),
	EDU_OPT_TEXT("zone", &opt.zone, "ZONE", "with --from-register: only the leavers of this zone"),
	EDU_OPT_END
};

static const struct edu_option intake_opts[] = {
	EDU_OPT_TEXT("stage", &opt.stage, "STAGE", "the stage entered: junior (grade 7)"),
	EDU_OPT_LONG("year", &opt.year, "Y", 1949, 9999, "the year of the grade-6 graduation and of entry (Y-09-01)"),
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

#define PLAIN_SELECT \
	"SELECT student_no, id_type, id_number, name, sex, birth_date, ethnicity, " \
	"school_code, " EDU_GRADE_SQL("grade") " AS grade, class, entry_date, status, major, disability, " \
	"placement, zone, address, guardian, phone FROM student"

static int student_list(struct edu_cmd *c)
{
	struct edu_buf sql = { 0 };
	char day[11], code[EDU_VAL_MAX], err[EDU_ERR_MAX], st_key[EDU_VAL_MAX];
	int n = 0;

	if (opt.school && edu_valid_digits(opt.school, 10, code, err) < 0)
		edu_die(EDU_EUSAGE, "--school: %s", err);
	if (opt.status)
		enum_arg("--status", edu_student_statuses, opt.status, st_key);
	/* In the order the students were registered: a plain scan of the
	 * table, as fast as the data can be written out. */
	if (opt.asof >= 0)
		edu_buf_puts(&sql, "SELECT * FROM (" EDU_STUDENT_ASOF " ORDER BY s.rowid)");
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

/* An event as a line of text for show. */
#define EVENT_TEXT \
	"day || ' ' || kind || CASE kind " \
	"WHEN 'transfer' THEN ' ' || from_school || ' -> ' || to_school " \
	"WHEN 'promote' THEN ' ' || from_grade || ' -> ' || to_grade || ' (' || year || ')' " \
	"WHEN 'enrol' THEN ' ' || to_school || ' grade ' || to_grade " \
	"WHEN 'enter' THEN ' ' || coalesce(from_school || ' -> ', '') || to_school || " \
	"' grade ' || to_grade " \
	"ELSE '' END || coalesce(': ' || reason, '') || " \
	"coalesce(' [void: ' || void_reason || ']', '')"

static int student_show(struct edu_cmd *c)
{
	static const char *const cols[] = { "field", "value" };
	char day[11];
	char *no = edu_student_find(c->db, c->argv[0]);

	if (!no) {
		edu_warn("no student '%s'", c->argv[0]);
		return EDU_NO;
	}
	sqlite3_stmt *st = edu_prepare(c->db, opt.asof >= 0
		? "SELECT * FROM (" EDU_STUDENT_ASOF ") WHERE student_no = ?2"
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

/* What a student event verb does: its kind (edu_student_change) and, for
 * a transfer, the new school. */
struct change {
	const char *kind, *to;
};

static int change_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	const struct change *ch = ctx;
	const struct edu_student_change_on on = { .day = k->on, .force = opt.force };
	struct edu_student_state from, to;
	char *no = edu_student_find(c->db, k->key);

	if (!no)
		return EDU_KEY_MISSING;
	edu_student_load(c->db, no, &from);
	free(no);
	to = from;
	if (ch->to)
		snprintf(to.school, sizeof to.school, "%s", ch->to);
	if (edu_key_in_order(k, from.last_day) < 0)
		return EDU_KEY_REFUSED;
	if (edu_student_change(c->db, ch->kind, &on, &from, &to, k->why) < 0)
		return EDU_KEY_REFUSED;
	edu_student_event(c->db, ch->kind, k->on, opt.reason, &from, &to);
	return EDU_KEY_DONE;
}

/* Apply an event to each student named by the arguments or on stdin. */
static int change(struct edu_cmd *c, const char *kind, const char *done, const char *to)
{
	struct change ch = { kind, to };
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
	return change(c, "transfer", "transferred", code);
}

static int suspend(struct edu_cmd *c)
{
	edu_need(opt.reason, "--reason");
	return change(c, "suspend", "suspended", NULL);
}

static int resume(struct edu_cmd *c)
{
	return change(c, "resume", "resumed", NULL);
}

static int withdraw(struct edu_cmd *c)
{
	edu_need(opt.reason, "--reason");
	return change(c, "withdraw", "withdrawn", NULL);
}

static int graduate(struct edu_cmd *c)
{
	if (opt.force)
		edu_need(opt.reason, "--reason");
	return change(c, "graduate", "graduated", NULL);
}

/* promote: every enrolled student not in the last grade of a stage moves
 * up one, once per school year: a student with a promotion for the year
 * is passed over, so a second run changes nothing. */
static int promote(struct edu_cmd *c)
{
	char day[11];
	long into_last, stayed;
	struct edu_run run;

	edu_need(opt.year ? &opt.year : NULL, "--year");
	edu_date_str(edu_opt.on, day);
	edu_run_start(&run);
	edu_begin(c->db);
	long promoted = edu_student_promote(c->db, opt.year, day, opt.skip_final, &into_last,
					    &stayed);
	if (promoted < 0) {
		char *counts = edu_asprintf("promoted=0 not_graduated=%ld", stayed);
		edu_rollback(c->db);
		edu_warn("nothing written: %ld student%s of grade 6, 9 or 12 from before %ld-09-01 "
			 "not graduated (graduate them first, or use --skip-final)", stayed,
			 stayed == 1 ? "" : "s", opt.year);
		if (!edu_opt.dry_run)
			edu_run_record(c->db, &run, counts, EDU_EDATA);
		free(counts);
		return EDU_EDATA;
	}
	char *counts = edu_asprintf("promoted=%ld into_last_grade=%ld stayed_in_last_grade=%ld",
				    promoted, into_last, stayed);
	edu_run_finish(c->db, &run, counts, 0);
	edu_finish(c->db);
	if (!edu_opt.quiet)
		edu_warn("%ld student%s promoted for %ld, %ld of them into a last grade (6, 9 or 12); "
			 "%ld already in a last grade not moved, left for graduate",
			 promoted, promoted == 1 ? "" : "s", opt.year, into_last, stayed);
	free(counts);
	return 0;
}

/* ---- corrections ---------------------------------------------------------------- */

static int events(struct edu_cmd *c)
{
	char *no = NULL;

	/* A student by number or ID number. */
	if (c->argc && !(no = edu_student_find(c->db, c->argv[0]))) {
		edu_warn("no student '%s'", c->argv[0]);
		return EDU_NO;
	}
	edu_print_stmt(edu_events_stmt(c->db, &edu_student_events, no), 0);
	free(no);
	return 0;
}

static int void_events(struct edu_cmd *c)
{
	return edu_void_verb(c, &edu_student_events);
}

/* ---- disabled children ----------------------------------------------------- */

struct placement {
	char d[EDU_VAL_MAX], p[EDU_VAL_MAX];
};

static int place_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	const struct placement *pl = ctx;
	char *no = edu_student_find(c->db, k->key);

	if (!no)
		return EDU_KEY_MISSING;
	const char *key[] = { no };
	char *old_d = edu_query1(c->db, "SELECT disability FROM student WHERE student_no = ?", 1, key);
	char *old_p = edu_query1(c->db, "SELECT placement FROM student WHERE student_no = ?", 1, key);
	const char *names[] = { "disability", "placement" };
	const char *old[] = { old_d, old_p }, *new[] = { pl->d, pl->p };
	int rc = EDU_KEY_SAME;
	if (edu_audit_change(c->db, "student", no, 2, names, old, new)) {
		edu_student_place(c->db, no, pl->d, pl->p, k->on);
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
	enum_arg("--disability", edu_student_disabilities, opt.disability, pl.d);
	enum_arg("--placement", edu_student_placements, opt.placement, pl.p);
	return edu_drive(c, &kv, &pl);
}

static int disability_report(struct edu_cmd *c)
{
	char day[11];
	int d = opt.year ? edu_days((int)opt.year, 12, 31) : edu_today();

	edu_print_chart(edu_student_disability_report(c->db, edu_date_str(d, day)), 0, 'c',
			"Disabled children by placement",
			"regular_class|special_class|special_school|home_delivery|unplaced");
	return 0;
}

/* ---- stats ------------------------------------------------------------------- */

static int stats(struct edu_cmd *c)
{
	sqlite3_stmt *st = edu_student_stats(c->db, opt.by ? opt.by : "school");

	if (!st)
		edu_die(EDU_EUSAGE, "--by: '%s' is not one of school, grade, sex, status, disability, ethnicity",
			opt.by);
	char *title = edu_asprintf("Students by %s", opt.by ? opt.by : "school");
	edu_print_chart(st, 0, 'c', title, NULL);
	free(title);
	return 0;
}

/* ---- nearby primary enrolment ------------------------------------------------ */

/* The applicants' columns, in the order of EDU_A_* (edu.h). */
static const struct edu_col applicant_cols[] = {
	{ .name = "id_number", .aliases = "身份证号|证件号码", .type = EDU_C_ID, .flags = EDU_C_REQUIRED },
	{ .name = "name", .aliases = "姓名", .type = EDU_C_NAME, .flags = EDU_C_REQUIRED },
	{ .name = "sex", .aliases = "性别", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED, .values = edu_student_sexes },
	{ .name = "birth_date", .aliases = "出生日期", .type = EDU_C_DATE,
	  .flags = EDU_C_REQUIRED | EDU_C_PAST },
	{ .name = "zone", .aliases = "片区|学区", .type = EDU_C_CODE, .flags = EDU_C_REQUIRED },
	{ .name = "tier", .aliases = "类别|入学类别", .type = EDU_C_INT, .flags = EDU_C_REQUIRED,
	  .min = 1, .max = 4 },
};

/* Read and check the applicants: 0, or -1 after reporting every bad row. */
static int read_applicants(struct edu_cmd *c, struct edu_applicant **out, size_t *nout)
{
	struct edu_colname names[EDU_A_NFIELDS];
	int map[EDU_A_NFIELDS], n, bad = 0;
	const char *file = c->argc ? c->argv[0] : "-";
	struct edu_csv *r = edu_csv_open(file);
	struct edu_applicant *a = NULL;
	size_t na = 0;
	char err[EDU_ERR_MAX];

	if (!r)
		edu_die(EDU_ENOINPUT, "cannot read the applicants");
	for (int i = 0; i < EDU_A_NFIELDS; i++)
		names[i] = (struct edu_colname){ applicant_cols[i].name, applicant_cols[i].aliases };
	if (edu_csv_header(r, names, EDU_A_NFIELDS, edu_import_opt.ignore_extra, map) < 0)
		return edu_csv_close(r), -1;
	for (int i = 0; i < EDU_A_NFIELDS; i++)
		if (map[i] < 0) {
			edu_warn("%s:1: the column '%s' is missing", edu_csv_name(r), names[i].name);
			bad = 1;
		}
	if (bad)
		return edu_csv_close(r), -1;
	while ((n = edu_csv_next(r)) > 0) {
		struct edu_applicant x = { .line = edu_csv_line(r) };
		const char *col = NULL;

		if (edu_csv_bad(r)) {
			edu_warn("%s:%ld: %s", edu_csv_name(r), x.line, edu_csv_bad(r));
			bad++;
			continue;
		}
		for (int i = 0; i < EDU_A_NFIELDS && !col; i++) {
			const char *in = edu_csv_field(r, map[i]);

			if (edu_col_value(&applicant_cols[i], in, &x.v[i], err) < 0)
				col = applicant_cols[i].name;
		}
		if (!col)
			col = edu_applicant_check(&x, a, na, err);
		if (col) {
			if (bad < 100)
				edu_warn("%s:%ld: %s: %s", edu_csv_name(r), x.line, col, err);
			bad++;
			for (int i = 0; i < EDU_A_NFIELDS; i++)
				free(x.v[i]);
			continue;
		}
		x.kid = (struct edu_place_child){ .key = x.v[EDU_A_ID], .zone = x.v[EDU_A_ZONE],
						  .tier = atoi(x.v[EDU_A_TIER]) };
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

/* A child given a school becomes its grade-1 student from `entry`. */
static void enrol(struct edu_cmd *c, struct edu_writer *w, const struct edu_applicant *x,
		  const char *entry)
{
	char err[EDU_ERR_MAX];
	const char *col;
	const char *raw[EDU_S_NCOLS] = { [EDU_S_NO] = "", [EDU_S_IDTYPE] = "resident",
		[EDU_S_ID] = x->v[EDU_A_ID], [EDU_S_NAME] = x->v[EDU_A_NAME],
		[EDU_S_SEX] = x->v[EDU_A_SEX], [EDU_S_BIRTH] = x->v[EDU_A_BIRTH],
		[EDU_S_SCHOOL] = x->school, [EDU_S_GRADE] = "1", [EDU_S_ENTRY] = entry,
		[EDU_S_STATUS] = "enrolled", [EDU_S_ZONE] = x->v[EDU_A_ZONE] };

	if (edu_writer_put(w, raw, 0, &col, err) < 0)
		edu_die(EDU_EDATA, "%s: cannot enrol %s: %s: %s", c->argc ? c->argv[0] : "-",
			x->v[EDU_A_ID], col ? col : "", err);
	char no[EDU_VAL_MAX + 1], why[96];
	snprintf(no, sizeof no, "G%s", x->v[EDU_A_ID]);
	snprintf(why, sizeof why, "nearby enrolment %ld, tier %s, rank %d", opt.year,
		 x->v[EDU_A_TIER], x->rank);
	const char *ev[] = { no, entry, why, x->school };
	edu_exec(c->db, "INSERT INTO student_event (student_no, day, kind, reason, to_school, "
		 "to_grade, to_status) VALUES (?, ?, 'enrol', ?, ?, 1, 'enrolled')", 4, ev);
}

static void print_draw(struct edu_place_child *const *order, size_t na)
{
	static const char *const cols[] = { "id_number", "name", "tier", "school_code", "rank", "note" };
	struct edu_out *o = edu_out_new(stdout, 6, cols);

	for (size_t i = 0; i < na; i++) {
		const struct edu_applicant *x = (const struct edu_applicant *)order[i];
		char rank[8];
		snprintf(rank, sizeof rank, "%d", x->rank);
		edu_out_cell(o, x->v[EDU_A_ID], EDU_V_TEXT);
		edu_out_cell(o, x->v[EDU_A_NAME], EDU_V_TEXT);
		edu_out_cell(o, x->v[EDU_A_TIER], EDU_V_NUM);
		edu_out_cell(o, x->school, x->school ? EDU_V_TEXT : EDU_V_NULL);
		edu_out_cell(o, x->school ? rank : NULL, x->school ? EDU_V_NUM : EDU_V_NULL);
		edu_out_cell(o, x->note, EDU_V_TEXT);
	}
	edu_out_end(o);
}

/* Draw and record (edu_place_draw), and enrol the children given a school
 * now: the number of children left without a school. */
static long draw(struct edu_cmd *c, struct edu_applicant *a, size_t na,
		 struct edu_place_child **order, long *assigned)
{
	char entry[11];
	long left;

	*assigned = edu_place_draw(c->db, opt.year, (uint64_t)opt.seed, a, na, order, &left);
	snprintf(entry, sizeof entry, "%ld-09-01", opt.year);
	struct edu_writer *w = edu_writer_new(c->db, &student);
	for (size_t i = 0; i < na; i++) {
		const struct edu_applicant *x = (const struct edu_applicant *)order[i];

		if (x->stored || !x->school)
			continue;
		if (x->no) {
			/* A kindergarten leaver keeps the record and number. */
			char *why = edu_asprintf("nearby enrolment %ld, tier %s, rank %d", opt.year,
						 x->v[EDU_A_TIER], x->rank);
			edu_student_enter_stage(c->db, x->no, x->school, 1, entry, why);
			free(why);
		} else {
			enrol(c, w, x, entry);
		}
	}
	edu_writer_free(w);
	return left;
}

static int assign(struct edu_cmd *c)
{
	struct edu_applicant *a = NULL;
	size_t na = 0;
	struct edu_run run;
	long assigned, left;

	edu_need(opt.year ? &opt.year : NULL, "--year");
	if (c->argc > 1 || (c->argc && opt.from_register))
		edu_die(EDU_EUSAGE, opt.from_register ? "--from-register reads no file"
			: "give one file of applicants");
	if (opt.zone && !opt.from_register)
		edu_die(EDU_EUSAGE, "--zone goes with --from-register");
	if (opt.seed < 0)
		opt.seed = (long)edu_lottery_seed();
	if (!opt.from_register && read_applicants(c, &a, &na) < 0) {
		edu_warn("nothing written");
		return EDU_EDATA;
	}
	edu_run_start(&run);
	edu_begin(c->db);
	if (opt.from_register)
		na = edu_place_leavers(c->db, opt.year, opt.zone, &a);
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
	edu_applicants_free(a, na);
	free(order);
	return left ? EDU_NO : 0;
}

/* ---- the junior-school intake (小升初) ------------------------------------------ */

/* The private-school applications (student_no, school_code) onto the
 * graduates: 0, or -1 after reporting every bad row. */
static int read_private(struct edu_cmd *c, struct edu_junior *j, size_t n)
{
	static const struct edu_colname names[] = {
		{ "student_no", "学籍号|全国学籍号" }, { "school_code", "学校代码|学校标识码" } };
	int map[2], bad = 0;
	struct edu_csv *r = edu_csv_open(c->argv[0]);

	if (!r)
		edu_die(EDU_ENOINPUT, "cannot read the private-school applications");
	if (edu_csv_header(r, names, 2, edu_import_opt.ignore_extra, map) < 0 ||
	    map[0] < 0 || map[1] < 0) {
		if (map[0] < 0 || map[1] < 0)
			edu_warn("%s:1: the columns student_no and school_code are needed", edu_csv_name(r));
		return edu_csv_close(r), -1;
	}
	while (edu_csv_next(r) > 0) {
		char code[EDU_VAL_MAX], err[EDU_ERR_MAX] = "";
		long line = edu_csv_line(r);
		char *no = edu_student_find(c->db, edu_csv_field(r, map[0]));
		struct edu_junior *x = no ? edu_junior_find(j, n, no) : NULL;
		const char *col = "student_no";

		if (edu_csv_bad(r))
			snprintf(err, sizeof err, "%s", edu_csv_bad(r));
		else if (!x)
			snprintf(err, sizeof err, "'%s' is not a grade-6 graduate of %ld without a place",
				 edu_csv_field(r, map[0]), opt.year);
		else if (x->privschool)
			snprintf(err, sizeof err, "applies to a private school twice");
		else if ((col = "school_code") &&
			 edu_valid_digits(edu_csv_field(r, map[1]), 10, code, err) == 0) {
			const char *p[] = { code };
			char *ok = edu_query1(c->db, "SELECT kind FROM school WHERE school_code = ? AND "
					      "ownership = 'private' AND status = 'open' AND kind IN "
					      "('junior', 'complete', 'nine-year')", 1, p);
			if (!ok)
				snprintf(err, sizeof err, "%s is not an open private school with grade 7", code);
			else
				x->privschool = edu_strdup(code);
			free(ok);
		}
		free(no);
		if (*err && bad++ < 100)
			edu_warn("%s:%ld: %s: %s", edu_csv_name(r), line, col, err);
	}
	edu_csv_close(r);
	return bad ? -1 : 0;
}

static void print_intake(struct edu_place_child *const *order, size_t n)
{
	static const char *const cols[] = { "student_no", "name", "zone", "school_code", "rank", "note" };
	struct edu_out *o = edu_out_new(stdout, 6, cols);

	for (size_t i = 0; i < n; i++) {
		const struct edu_junior *x = (const struct edu_junior *)order[i];
		char rank[8];
		snprintf(rank, sizeof rank, "%d", x->rank);
		edu_out_cell(o, x->no, EDU_V_TEXT);
		edu_out_cell(o, x->name, EDU_V_TEXT);
		edu_out_cell(o, x->zone, EDU_V_TEXT);
		edu_out_cell(o, x->school, x->school ? EDU_V_TEXT : EDU_V_NULL);
		edu_out_cell(o, x->rank ? rank : NULL, x->rank ? EDU_V_NUM : EDU_V_NULL);
		edu_out_cell(o, x->note, EDU_V_TEXT);
	}
	edu_out_end(o);
}

static int intake(struct edu_cmd *c)
{
	struct edu_junior *j;
	struct edu_run run;
	char day[11];
	long left;

	edu_need(opt.stage, "--stage");
	edu_need(opt.year ? &opt.year : NULL, "--year");
	if (strcmp(opt.stage, "junior"))
		edu_die(EDU_EUSAGE, "--stage: '%s' is not junior (kindergarten leavers go through assign)",
			opt.stage);
	if (c->argc > 1)
		edu_die(EDU_EUSAGE, "give one file of private-school applications");
	if (opt.seed < 0)
		opt.seed = (long)edu_lottery_seed();
	if (edu_opt.on_given)
		edu_date_str(edu_opt.on, day);
	else
		snprintf(day, sizeof day, "%ld-09-01", opt.year);
	edu_run_start(&run);
	edu_begin(c->db);
	size_t n = edu_junior_load(c->db, opt.year, &j);
	if (c->argc && read_private(c, j, n) < 0) {
		edu_rollback(c->db);
		edu_warn("nothing written");
		edu_junior_free(j, n);
		return EDU_EDATA;
	}
	struct edu_place_child **order = edu_malloc((n ? n : 1) * sizeof *order);
	long placed = edu_junior_draw(c->db, opt.year, (uint64_t)opt.seed, j, n, order, &left);
	for (size_t i = 0; i < n; i++)
		if (j[i].school)
			edu_junior_enter(c->db, opt.year, &j[i], day);
	print_intake(order, n);

	char counts[128], key[32], chg[160];
	snprintf(counts, sizeof counts, "graduates=%zu placed=%ld unplaced=%ld seed=%llu",
		 n, placed, left, (unsigned long long)opt.seed);
	snprintf(key, sizeof key, "intake junior %ld", opt.year);
	snprintf(chg, sizeof chg, "{\"graduates\":%zu,\"placed\":%ld,\"unplaced\":%ld,"
		 "\"seed\":%llu,\"day\":\"%s\"}", n, placed, left, (unsigned long long)opt.seed, day);
	if (n)
		edu_audit(c->db, "student", key, chg);
	edu_run_finish(c->db, &run, counts, left ? EDU_NO : 0);
	edu_finish(c->db);
	if (!edu_opt.quiet)
		edu_warn("%zu grade-6 graduates of %ld: %ld entered grade 7 on %s, %ld without a school",
			 n, opt.year, placed, day, left);
	edu_junior_free(j, n);
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
	  .roles = "registrar", .flags = W, .opts = graduate_opts,
	  .summary = "graduate students in the last grade of a stage (毕业)",
	  .doc = KEYS_DOC("Graduate") },
	{ .name = "events", .run = events, .args_doc = "[STUDENT]", .max_args = 1,
	  .summary = "list student events with their numbers, void ones too" },
	{ .name = "void", .run = void_events, .args_doc = "[EVENT...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W, .opts = edu_void_opts,
	  .summary = "void mistaken events: kept, marked, and the state recomputed without them",
	  .doc = "Void each event named by its number (see events), or, with none, each in "
	  "the event column of a CSV on standard input.  The event stays, marked void with "
	  "who and why; the student goes back to the state before it.  Refused, with what "
	  "to do first, when a later event of the student follows it or a valid "
	  "certificate rests on a graduation (exit 65, nothing written)." },
	{ .name = "promote", .run = promote, .roles = "registrar", .flags = W, .opts = promote_opts,
	  .summary = "move every enrolled student up a grade at the end of a school year",
	  .doc = "Every enrolled student moves up one grade, except those in grade 6, 9 or "
	  "12, who are left for graduate.  A student is promoted once per --year: "
	  "running it again changes nothing.  Refused (exit 65, each named) while "
	  "students enrolled in grade 6, 9 or 12 before September of --year have not "
	  "graduated, unless --skip-final." },
	{ .name = "assign", .run = assign, .args_doc = "[FILE]", .max_args = 1,
	  .roles = "registrar", .flags = W, .opts = assign_opts,
	  .summary = "nearby primary enrolment (就近入学): draw and assign applicants",
	  .doc = "Read applicants (id_number, name, sex, birth_date, zone, tier) and give each "
	  "a school of their zone: by tier, then by a lottery drawn from --seed; each "
	  "goes to the zone's rank-1 school while it has entry_seats, else the next "
	  "rank.  Assigned children become grade-1 students.  Exit 1 when a child is "
	  "left without a school." },
	{ .name = "intake", .run = intake, .args_doc = "[FILE]", .max_args = 1,
	  .roles = "registrar", .flags = W, .opts = intake_opts,
	  .summary = "the junior-school intake (小升初): grade-6 graduates into grade 7",
	  .doc = "Every student who graduated from grade 6 in --year and has no place yet "
	  "enters grade 7 on Y-09-01 (or --on), keeping their record and number: at their "
	  "own school when it teaches grade 7 (nine-year), at a private school that drew "
	  "them (FILE: student_no, school_code), else at the zone's junior school of the "
	  "lowest rank with entry_seats left, by a lottery drawn from --seed.  Exit 1 when "
	  "a student is left without a school." },
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
