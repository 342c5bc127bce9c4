/* edu-cadre - staff and cadres: posts, titles, training, rewards and
 * punishments, party membership, retirement */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

static const struct edu_enum sexes[] = {
	{ "M", "男|男性" },
	{ "F", "女|女性" },
	{ NULL, NULL }
};

static const struct edu_enum categories[] = {
	{ "cadre", "干部|管理|管理岗位" },
	{ "teacher", "教师|专业技术|专业技术岗位" },
	{ "worker", "工人|工勤|工勤技能岗位" },
	{ NULL, NULL }
};

static const struct edu_enum parties[] = {
	{ "none", "群众|无" },
	{ "applicant", "入党申请人" },
	{ "activist", "入党积极分子|积极分子" },
	{ "candidate", "发展对象" },
	{ "probationary", "预备党员|中共预备党员" },
	{ "member", "中共党员|党员" },
	{ NULL, NULL }
};

static const struct edu_enum statuses[] = {
	{ "active", "在职|在岗" },
	{ "retired", "退休" },
	{ "left", "离职|调出|调离" },
	{ NULL, NULL }
};

/* Filled from edu_punish_kinds in main: the kinds are written once. */
static struct edu_enum punishments[16];

static const struct edu_enum stages[] = {
	{ "kindergarten", "幼儿园|学前" },
	{ "primary", "小学" },
	{ "junior", "初中" },
	{ "senior", "高中" },
	{ NULL, NULL }
};

static const struct edu_enum degrees[] = {
	{ "bachelor", "学士" },
	{ "master", "硕士" },
	{ "doctor", "博士" },
	{ NULL, NULL }
};

static const struct edu_enum yes_no[] = {
	{ "yes", "是|在编" },
	{ "no", "否|编外" },
	{ NULL, NULL }
};

#define STAFF_NO_ALIASES "工号|职工号|人员编号"

static const struct edu_col staff_cols[] = {
	{ .name = "staff_no", .aliases = STAFF_NO_ALIASES, .type = EDU_C_CODE, .flags = EDU_C_KEY },
	{ .name = "id_number", .aliases = "身份证号|身份证号码|公民身份号码", .type = EDU_C_ID },
	{ .name = "name", .aliases = "姓名", .type = EDU_C_NAME, .flags = EDU_C_REQUIRED },
	{ .name = "sex", .aliases = "性别", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED, .values = sexes },
	{ .name = "birth_date", .aliases = "出生日期", .type = EDU_C_DATE,
	  .flags = EDU_C_REQUIRED | EDU_C_PAST },
	{ .name = "unit", .aliases = "单位|工作单位", .type = EDU_C_CODE, .flags = EDU_C_REQUIRED },
	{ .name = "category", .aliases = "人员类别|岗位类别", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = categories },
	{ .name = "position", .aliases = "职务", .type = EDU_C_TEXT },
	{ .name = "rank", .aliases = "职级", .type = EDU_C_TEXT },
	{ .name = "title", .aliases = "职称|专业技术职务", .type = EDU_C_TEXT },
	{ .name = "title_since", .aliases = "职称时间|职称取得时间", .type = EDU_C_DATE,
	  .flags = EDU_C_PAST },
	{ .name = "education", .aliases = "学历", .type = EDU_C_TEXT },
	{ .name = "degree", .aliases = "学位", .type = EDU_C_TEXT },
	{ .name = "party", .aliases = "政治面貌", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED,
	  .values = parties, .dflt = "none" },
	{ .name = "party_since", .aliases = "政治面貌时间|入党时间", .type = EDU_C_DATE,
	  .flags = EDU_C_PAST },
	{ .name = "hired_on", .aliases = "参加工作时间|入职日期", .type = EDU_C_DATE,
	  .flags = EDU_C_PAST },
	{ .name = "status", .aliases = "状态|人员状态", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED,
	  .values = statuses, .dflt = "active" },
	/* Staffing (issue 20): what a teacher teaches, and whether the post
	 * is on the establishment (在编). */
	{ .name = "subject", .aliases = "任教学科|学科", .type = EDU_C_CODE },
	{ .name = "stage", .aliases = "学段|任教学段", .type = EDU_C_ENUM, .values = stages },
	{ .name = "on_establishment", .aliases = "在编|是否在编", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = yes_no, .dflt = "yes" },
};
enum { C_ID = 1, C_SEX = 3, C_BIRTH = 4, C_UNIT = 5, C_TITLE = 9, C_TITLE_SINCE = 10,
       C_PARTY = 13, C_PARTY_SINCE = 14, C_SUBJECT = 17 };

/* A subject is a key of the settings staff.subjects.STAGE: lower case. */
static int subject_check(const char *subject, const char **col, char *err)
{
	if (subject && subject[strspn(subject, "abcdefghijklmnopqrstuvwxyz0123456789_")]) {
		*col = "subject";
		snprintf(err, EDU_ERR_MAX, "'%s' is not a subject key (lower-case letters, digits "
			 "and '_', as in the settings staff.subjects.STAGE)", subject);
		return -1;
	}
	return 0;
}

static int staff_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	const struct edu_staff_facts f = {
		.id_number = v[C_ID], .sex = v[C_SEX], .birth_date = v[C_BIRTH], .unit = v[C_UNIT],
		.title = v[C_TITLE], .title_since = v[C_TITLE_SINCE], .party = v[C_PARTY],
		.party_since = v[C_PARTY_SINCE],
	};

	if (edu_staff_check(db, &f, col, err) < 0)
		return -1;
	return subject_check(v[C_SUBJECT], col, err);
}

/* A subject by its Chinese name is stored as its key. */
static int staff_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
			const char **col, char *err)
{
	(void)db, (void)buf, (void)col, (void)err;
	raw[C_SUBJECT] = edu_subject_key(raw[C_SUBJECT]);
	return 0;
}

static const struct edu_entity staff = {
	.table = "staff", .what = "staff", .cols = staff_cols,
	.ncols = sizeof staff_cols / sizeof *staff_cols, .row_check = staff_check,
	.derive = staff_derive, .events = &edu_staff_events,
};

static const struct edu_col training_cols[] = {
	{ .name = "staff_no", .aliases = STAFF_NO_ALIASES, .type = EDU_C_CODE,
	  .flags = EDU_C_KEY, .ref = "staff" },
	{ .name = "course", .aliases = "课程|培训项目|培训名称", .type = EDU_C_TEXT, .flags = EDU_C_KEY },
	{ .name = "hours", .aliases = "学时", .type = EDU_C_INT, .flags = EDU_C_REQUIRED,
	  .min = 1, .max = 1000 },
	{ .name = "date", .aliases = "日期|培训日期", .type = EDU_C_DATE,
	  .flags = EDU_C_KEY | EDU_C_PAST },
};

static const struct edu_entity training = {
	.table = "training", .what = "training", .cols = training_cols, .ncols = 4,
};

/* Graduates of normal universities for a year's placement (issue 20). */
enum { G_YEAR, G_ID, G_NAME, G_SEX, G_UNIVERSITY, G_DEGREE, G_MAJOR, G_SUBJECT, G_STAGE,
       G_CERT, G_SCORE, G_CHOICE1, G_NCOLS = G_CHOICE1 + EDU_GRADUATE_CHOICES };
#define CHOICE(k) [G_CHOICE1 + k - 1] = { .name = "choice" #k, .aliases = "志愿" #k, \
					  .type = EDU_C_DIGITS, .min = 10 }
static const struct edu_col graduate_cols[G_NCOLS] = {
	/* From --year. */
	[G_YEAR] = { .name = "year", .aliases = "年份", .type = EDU_C_INT, .flags = EDU_C_KEY,
		     .min = 1949, .max = 9999 },
	[G_ID] = { .name = "id_number", .aliases = "身份证号|身份证号码|公民身份号码",
		   .type = EDU_C_ID, .flags = EDU_C_KEY },
	[G_NAME] = { .name = "name", .aliases = "姓名", .type = EDU_C_TEXT, .flags = EDU_C_REQUIRED },
	[G_SEX] = { .name = "sex", .aliases = "性别", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED,
		    .values = sexes },
	[G_UNIVERSITY] = { .name = "university", .aliases = "毕业院校|院校", .type = EDU_C_TEXT },
	[G_DEGREE] = { .name = "degree", .aliases = "学位", .type = EDU_C_ENUM, .values = degrees },
	[G_MAJOR] = { .name = "major", .aliases = "专业", .type = EDU_C_TEXT },
	[G_SUBJECT] = { .name = "subject", .aliases = "任教学科|学科|报考学科", .type = EDU_C_CODE,
			.flags = EDU_C_REQUIRED },
	[G_STAGE] = { .name = "stage", .aliases = "学段|报考学段", .type = EDU_C_ENUM,
		      .flags = EDU_C_REQUIRED, .values = stages },
	[G_CERT] = { .name = "cert_no", .aliases = "教师资格证书号|教师资格证号", .type = EDU_C_CODE },
	[G_SCORE] = { .name = "score", .aliases = "成绩|总成绩", .type = EDU_C_SCORE,
		      .flags = EDU_C_REQUIRED },
	CHOICE(1), CHOICE(2), CHOICE(3), CHOICE(4), CHOICE(5),
};

static long graduate_year;

static int graduate_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
			   const char **col, char *err)
{
	(void)db;
	raw[G_SUBJECT] = edu_subject_key(raw[G_SUBJECT]);
	return edu_derive_year(raw, G_YEAR, graduate_year, buf[0], col, err);
}

/* The ID agrees with the sex; the subject is one of the stage's shares;
 * the certificate and the choices as edu_graduate_*_check. */
static int graduate_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	static char name[24];
	char id[EDU_VAL_MAX];
	int birth, male, bad;

	if (edu_valid_id(v[G_ID], id, &birth, &male, err) == 0 && male != !strcmp(v[G_SEX], "M")) {
		*col = "id_number";
		snprintf(err, EDU_ERR_MAX, "it is a %s's number, but sex is %s",
			 male ? "man" : "woman", v[G_SEX]);
		return -1;
	}
	if (subject_check(v[G_SUBJECT], col, err) < 0)
		return -1;
	if (edu_staffing_subject_check(db, v[G_STAGE], v[G_SUBJECT], err) < 0) {
		*col = "subject";
		return -1;
	}
	if (v[G_CERT] && edu_graduate_cert_check(db, v[G_CERT], v[G_ID], v[G_NAME], v[G_SEX],
						 v[G_STAGE], err) < 0) {
		*col = "cert_no";
		return -1;
	}
	if (edu_graduate_choices_check(db, v + G_CHOICE1, EDU_GRADUATE_CHOICES, v[G_STAGE],
				       &bad, err) < 0) {
		snprintf(name, sizeof name, "choice%d", bad + 1);
		*col = name;
		return -1;
	}
	return 0;
}

static const struct edu_entity graduate = {
	.table = "graduate", .what = "graduate", .cols = graduate_cols, .ncols = G_NCOLS,
	.derive = graduate_derive, .derive_ok = "year", .row_check = graduate_check,
};

/* ---- options ----------------------------------------------------------- */

static struct {
	const char *unit, *category, *title, *status, *position, *rank, *kind,
		*stage, *doc, *by, *school, *subject, *plan;
	int asof, until, pending_cert;
	long within, cycle, below, min, year, seed;
} opt = { .asof = -1, .until = -1, .within = 12, .cycle = -1, .below = -1, .seed = -1 };

static const struct edu_option list_opts[] = {
	EDU_OPT_TEXT("unit", &opt.unit, "UNIT", "staff of this unit (a school code or a department)"),
	EDU_OPT_TEXT("category", &opt.category, "C", "cadre, teacher or worker"),
	EDU_OPT_TEXT("title", &opt.title, "TITLE", "staff with this title"),
	EDU_OPT_TEXT("status", &opt.status, "S", "active, retired or left"),
	EDU_OPT_DATE("as-of", &opt.asof, "the register as it stood on DATE"),
	EDU_OPT_FLAG("pending-cert", &opt.pending_cert, "teachers on a probation post (" EDU_PROBATION_POST ") awaiting their certificate"),
	EDU_OPT_END
};

static const struct edu_option appoint_opts[] = {
	EDU_OPT_TEXT("position", &opt.position, "POSITION", "the post (职务), e.g. 校长"),
	EDU_OPT_TEXT("rank", &opt.rank, "RANK", "the rank (职级) that goes with it"),
	EDU_OPT_TEXT("doc", &opt.doc, "NUMBER", "the number of the document that decided it"),
	EDU_OPT_TEXT("plan", &opt.plan, "FILE", "appoint the placed graduates of a plan (id_number column) as teachers"),
	EDU_OPT_FLAG("pending-cert", &opt.pending_cert, "with --plan: a probation post for those without a valid teacher certificate"),
	EDU_OPT_END
};

static const struct edu_option dismiss_opts[] = {
	EDU_OPT_TEXT("position", &opt.position, "POSITION", "the post the person leaves"),
	EDU_OPT_TEXT("doc", &opt.doc, "NUMBER", "the number of the document that decided it"),
	EDU_OPT_END
};

static const struct edu_option title_opts[] = {
	EDU_OPT_TEXT("title", &opt.title, "TITLE", "the title conferred, e.g. 一级教师"),
	EDU_OPT_TEXT("doc", &opt.doc, "NUMBER", "the number of the document that decided it"),
	EDU_OPT_END
};

static const struct edu_option reward_opts[] = {
	EDU_OPT_TEXT("kind", &opt.kind, "KIND", "the reward, e.g. 嘉奖, 记功, 优秀教师"),
	EDU_OPT_TEXT("doc", &opt.doc, "NUMBER", "the number of the document that decided it"),
	EDU_OPT_END
};

static const struct edu_option punish_opts[] = {
	EDU_OPT_TEXT("kind", &opt.kind, "KIND",
		     "warning, demerit, major-demerit, demotion, removal (撤职) or dismissal (开除)"),
	EDU_OPT_DATE("until", &opt.until, "the last day it is in effect (default: by its kind)"),
	EDU_OPT_TEXT("doc", &opt.doc, "NUMBER", "the number of the document that decided it"),
	EDU_OPT_END
};

static const struct edu_option party_opts[] = {
	EDU_OPT_TEXT("stage", &opt.stage, "STAGE", "applicant, activist, candidate, probationary or member"),
	EDU_OPT_TEXT("doc", &opt.doc, "NUMBER", "the number of the document that decided it"),
	EDU_OPT_END
};

static const struct edu_option doc_opts[] = {
	EDU_OPT_TEXT("doc", &opt.doc, "NUMBER", "the number of the document that decided it"),
	EDU_OPT_END
};

static const struct edu_option retiring_opts[] = {
	EDU_OPT_LONG("within", &opt.within, "MONTHS", 0, 1200, "retirements up to MONTHS months ahead (default 12)"),
	EDU_OPT_DATE("as-of", &opt.asof, "counted" " on DATE (default: --on, today)"),
	EDU_OPT_END
};

static const struct edu_option eligible_opts[] = {
	EDU_OPT_TEXT("title", &opt.title, "TITLE", "the title to be eligible for: 二级教师 ... 正高级教师"),
	EDU_OPT_DATE("as-of", &opt.asof, "eligible" " on DATE (default: --on, today)"),
	EDU_OPT_END
};

static const struct edu_option training_opts[] = {
	EDU_OPT_LONG("cycle", &opt.cycle, "YEAR", 1949, 9995, "the first year of the five-year cycle"),
	EDU_OPT_LONG("below", &opt.below, "HOURS", 1, 100000, "only teachers with fewer than HOURS hours"),
	EDU_OPT_END
};

static const struct edu_option party_due_opts[] = {
	EDU_OPT_DATE("as-of", &opt.asof, "due" " on DATE (default: --on, today)"),
	EDU_OPT_END
};

static const struct edu_option stats_opts[] = {
	EDU_OPT_TEXT("by", &opt.by, "WHAT", "age, title, sex, education, category (default) or unit"),
	EDU_OPT_END
};

static const struct edu_option quota_opts[] = {
	EDU_OPT_DATE("as-of", &opt.asof, "students and staff" " on DATE (default: --on, today)"),
	EDU_OPT_DIGITS("school", &opt.school, "S", 10, "only the school with code S"),
	EDU_OPT_TEXT("by", &opt.by, "WHAT", "school (default) or subject"),
	EDU_OPT_END
};

static const struct edu_option vacancies_opts[] = {
	EDU_OPT_DATE("as-of", &opt.asof, "open" " on DATE (default: --on, today)"),
	EDU_OPT_TEXT("subject", &opt.subject, "S", "only posts of subject S"),
	EDU_OPT_LONG("min", &opt.min, "N", 1, 100000, "only schools with at least N open posts in a subject"),
	EDU_OPT_END
};

static const struct edu_option graduates_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of the recruitment"),
	EDU_OPT_END
};

static const struct edu_option place_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of the recruitment"),
	EDU_OPT_LONG("seed", &opt.seed, "N", 0, 2147483647L, "the lottery's seed (default: random, said on stderr)"),
	EDU_OPT_END
};

/* An enumerated option value as the table's English key (NULL for
none): exit 64 when it is not one of them. */
static const char *enum_opt(const struct edu_enum *e, const char *option,
			    const char *in)
{
	char key[EDU_VAL_MAX], err[EDU_ERR_MAX];

	if (!in)
		return NULL;
	if (edu_valid_enum(e, in, key, err) < 0)
		edu_die(EDU_EUSAGE, "%s: %s", option, err);
	while (strcmp(e->key, key))
		e++;
	return e->key;
}

/* The day reports answer for: --as-of, else --on. */
static const char *asof_str(char out[11])
{
	return edu_date_str(opt.asof >= 0 ? opt.asof : edu_opt.on, out);
}

/* ---- the register -------------------------------------------------------- */

static int staff_import(struct edu_cmd *c)
{
	return edu_import(c->db, &staff, c->argc, c->argv);
}

static int staff_list(struct edu_cmd *c)
{
	char day[11];
	sqlite3_stmt *q = edu_prepare(c->db, EDU_STAFF_ASOF
		"SELECT * FROM asof WHERE (?2 IS NULL OR unit = ?2) "
		"AND (?3 IS NULL OR category = ?3) AND (?4 IS NULL OR title = ?4) "
		"AND (?5 IS NULL OR status = ?5) AND (?6 IS NULL OR position = ?6) ORDER BY staff_no");

	if (opt.asof >= 0)
		sqlite3_bind_text(q, 1, edu_date_str(opt.asof, day), -1, SQLITE_STATIC);
	edu_bind_text(q, 2, opt.unit);
	edu_bind_text(q, 3, enum_opt(categories, "--category", opt.category));
	edu_bind_text(q, 4, opt.title ? edu_staff_title(opt.title) : NULL);
	edu_bind_text(q, 5, enum_opt(statuses, "--status", opt.status));
	edu_bind_text(q, 6, opt.pending_cert ? EDU_PROBATION_POST : NULL);
	edu_print_stmt(q, 0);
	return 0;
}

/* show: one person as field,value rows, the statutory retirement date,
 * then the history: events in order, and training. */
static int show(struct edu_cmd *c)
{
	static const char *const cols[] = { "field", "value" };

	edu_cadre_functions(c->db);
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT *, retire_date(birth_date, sex, category) AS retire_date "
		"FROM staff WHERE staff_no = ?1");
	sqlite3_bind_text(st, 1, c->argv[0], -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		edu_warn("no staff '%s'", c->argv[0]);
		return EDU_NO;
	}
	struct edu_out *o = edu_out_new(stdout, 2, cols);
	edu_out_fields(o, st);
	sqlite3_finalize(st);
	st = edu_prepare(c->db,
		"SELECT field, value FROM ("
		"SELECT 0 AS part, day AS d, id AS n, day || ' ' || kind AS field, "
		"  ltrim(coalesce(detail, '') || coalesce(', rank ' || rank, '') || "
		"  coalesce(', until ' || until, '') || coalesce(', doc ' || doc, '') || "
		"  coalesce(' [void: ' || void_reason || ']', ''), ', ') "
		"  AS value FROM staff_event WHERE staff_no = ?1 "
		"UNION ALL SELECT 1, date, course, date || ' training', "
		"  course || ' (' || hours || ' h)' FROM training WHERE staff_no = ?1) "
		"ORDER BY part, d, n");
	sqlite3_bind_text(st, 1, c->argv[0], -1, SQLITE_STATIC);
	edu_out_stmt(o, st);
	sqlite3_finalize(st);
	edu_out_end(o);
	return 0;
}

static int train_import(struct edu_cmd *c)
{
	return edu_import(c->db, &training, c->argc, c->argv);
}

/* ---- events ------------------------------------------------------------- */

static int event_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	const struct edu_staff_change ch = {
		.position = opt.position, .rank = opt.rank, .title = opt.title,
		.kind = opt.kind, .stage = opt.stage, .doc = opt.doc, .until = opt.until,
	};
	int rc = edu_staff_record(c->db, k->key, c->verb->name, &ch, edu_opt.on, k->why);
	(void)ctx;

	return rc > 0 ? EDU_KEY_MISSING : rc < 0 ? rc : EDU_KEY_DONE;
}

/* An event verb: the people from the arguments or stdin's staff_no
 * column, through the key-verb driver. */
static int event_verb(struct edu_cmd *c)
{
	const struct edu_keyverb kv = {
		.col = "staff_no", .aliases = STAFF_NO_ALIASES, .noun = "staff", .nouns = "staff",
		.done = "changed", .apply = event_one,
	};

	return edu_drive(c, &kv, NULL);
}

static int plan_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	int rc = edu_graduate_appoint(c->db, k->key, edu_opt.on, opt.pending_cert, k->why);
	(void)ctx;

	return rc > 0 ? EDU_KEY_SAME : rc < 0 ? EDU_KEY_REFUSED : EDU_KEY_DONE;
}

/* appoint --plan: the graduates of a plan file (its id_number column)
 * become teachers of the school the stored plan gives them. */
static int appoint_plan(struct edu_cmd *c)
{
	const struct edu_keyverb kv = {
		.col = "id_number", .aliases = "身份证号|身份证号码", .noun = "graduate",
		.done = "appointed", .apply = plan_one,
	};

	if (c->argc || opt.position || opt.rank)
		edu_die(EDU_EUSAGE, "--plan takes no staff numbers, --position or --rank");
	if (!freopen(opt.plan, "r", stdin))
		edu_die(EDU_ENOINPUT, "cannot open '%s':", opt.plan);
	return edu_drive(c, &kv, NULL);
}

static int appoint(struct edu_cmd *c)
{
	if (opt.plan)
		return appoint_plan(c);
	if (opt.pending_cert)
		edu_die(EDU_EUSAGE, "--pending-cert goes with --plan");
	edu_need_text(opt.position, "--position");
	return event_verb(c);
}

static int dismiss(struct edu_cmd *c)
{
	edu_need_text(opt.position, "--position");
	return event_verb(c);
}

static int title(struct edu_cmd *c)
{
	edu_need_text(opt.title, "--title");
	return event_verb(c);
}

static int reward(struct edu_cmd *c)
{
	edu_need_text(opt.kind, "--kind");
	return event_verb(c);
}

static int punish(struct edu_cmd *c)
{
	edu_need_text(opt.kind, "--kind");
	opt.kind = enum_opt(punishments, "--kind", opt.kind);
	if (!edu_punish_kind(opt.kind)->months && opt.until >= 0)
		edu_die(EDU_EUSAGE, "--until: a %s is for good and has no end", opt.kind);
	return event_verb(c);
}

static int party(struct edu_cmd *c)
{
	edu_need_text(opt.stage, "--stage");
	opt.stage = enum_opt(parties, "--stage", opt.stage);
	return event_verb(c);
}

static int retire(struct edu_cmd *c)
{
	return event_verb(c);
}

static int leave(struct edu_cmd *c)
{
	return event_verb(c);
}

/* ---- reports --------------------------------------------------------------- */

/* A to-do list answers like grep: rows and exit 0, or nothing and 1. */
static int todo(sqlite3_stmt *st)
{
	return edu_print_stmt(st, 1) ? 0 : EDU_NO;
}

static int retiring(struct edu_cmd *c)
{
	char day[11], end[11];

	edu_cadre_functions(c->db);
	sqlite3_stmt *st = edu_prepare(c->db, EDU_STAFF_ASOF
		"SELECT staff_no, name, sex, birth_date, category, unit, "
		"retire_date(birth_date, sex, category) AS retire_date, "
		"retire_age(birth_date, sex, category) AS retire_age "
		"FROM asof WHERE status = 'active' "
		"AND retire_date(birth_date, sex, category) <= ?2 "
		"ORDER BY retire_date, staff_no");
	int from = opt.asof >= 0 ? opt.asof : edu_opt.on;
	sqlite3_bind_text(st, 1, edu_date_str(from, day), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, edu_date_str(edu_add_months(from, (int)opt.within), end), -1,
			  SQLITE_STATIC);
	return todo(st);
}

static int eligible(struct edu_cmd *c)
{
	char day[11];

	edu_need_text(opt.title, "--title");
	const char *t = edu_teacher_title(opt.title);
	if (!edu_title_years_key(t))
		edu_die(EDU_EUSAGE, "--title: '%s' is not one of 一级教师, 高级教师, 正高级教师",
			opt.title);
	edu_cadre_functions(c->db);
	/* The years by degree level, 0 1 2, in ?3 ?4 ?5. */
	sqlite3_stmt *st = edu_prepare(c->db, EDU_STAFF_ASOF
		", need AS (SELECT a.*, CASE degree_level(degree) WHEN 2 THEN ?5 "
		"WHEN 1 THEN ?4 ELSE ?3 END AS years FROM asof a) "
		"SELECT staff_no, name, unit, title, title_since, "
		"add_months(title_since, years * 12) AS eligible_since, degree, years "
		"FROM need a WHERE status = 'active' AND title = ?2 AND title_since IS NOT NULL "
		"AND add_months(title_since, years * 12) <= ?1 "
		"AND NOT EXISTS (SELECT 1 FROM staff_event p WHERE p.staff_no = a.staff_no "
		"AND p.kind = 'punish' AND p.void_on IS NULL AND punish_bars_promotion(p.detail) "
		"AND p.day <= ?1 AND (p.until IS NULL OR p.until >= ?1)) "
		"ORDER BY eligible_since, staff_no");
	sqlite3_bind_text(st, 1, asof_str(day), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, edu_teacher_title_below(t), -1, SQLITE_STATIC);
	for (int level = 0; level <= 2; level++)
		sqlite3_bind_int(st, 3 + level, edu_title_years(c->db, t, level));
	return todo(st);
}

static int training_report(struct edu_cmd *c)
{
	char from[11], to[11];
	int first, last;

	if (opt.cycle < 0)
		edu_die(EDU_EUSAGE, "--cycle is required (see '%s %s --help')", edu_prog,
			edu_verb_name);
	char *need_h = edu_setting(c->db, "cadre.training_hours",
				   edu_setting_def("cadre.training_hours")->dflt);
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT s.staff_no, s.name, s.unit, coalesce(sum(t.hours), 0) AS hours, "
		"?3 AS required, max(?3 - coalesce(sum(t.hours), 0), 0) AS shortfall "
		"FROM staff s LEFT JOIN training t ON t.staff_no = s.staff_no "
		"AND t.date BETWEEN ?1 AND ?2 "
		"WHERE s.category = 'teacher' AND s.status = 'active' "
		"GROUP BY s.staff_no HAVING ?4 IS NULL OR coalesce(sum(t.hours), 0) < ?4 "
		"ORDER BY s.staff_no");
	edu_training_cycle((int)opt.cycle, &first, &last);
	sqlite3_bind_text(st, 1, edu_date_str(first, from), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, edu_date_str(last, to), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, atoi(need_h));
	free(need_h);
	if (opt.below >= 0) {
		sqlite3_bind_int64(st, 4, opt.below);
		return todo(st);
	}
	edu_print_stmt(st, 0);
	return 0;
}

static int party_due(struct edu_cmd *c)
{
	char day[11];

	edu_cadre_functions(c->db);
	sqlite3_stmt *st = edu_prepare(c->db, EDU_STAFF_ASOF
		"SELECT staff_no, name, unit, party, party_since, "
		"party_next(party) AS next_stage FROM asof "
		"WHERE status = 'active' AND party IN ('activist', 'probationary') "
		"AND party_ready(party, party_since, ?1) ORDER BY party_since, staff_no");
	sqlite3_bind_text(st, 1, asof_str(day), -1, SQLITE_STATIC);
	return todo(st);
}

static int stats(struct edu_cmd *c)
{
	const char *by = opt.by ? opt.by : "category";
	const char *sql = edu_staff_stats_sql(by);
	char day[11];

	if (!sql)
		edu_die(EDU_EUSAGE, "--by: '%s' is not one of age, title, sex, education, category, unit",
			by);
	sqlite3_stmt *st = edu_prepare(c->db, sql);
	if (sqlite3_bind_parameter_count(st))
		sqlite3_bind_text(st, 1, edu_date_str(edu_opt.on, day), -1, SQLITE_STATIC);
	char *title = edu_asprintf("Staff by %s", by);
	edu_print_chart(st, 0, 'c', title, NULL);
	free(title);
	return 0;
}

/* ---- establishment (编制) -------------------------------------------------- */

static int quota(struct edu_cmd *c)
{
	struct edu_staffing s;
	char day[11];
	int what = EDU_STAFFING_SCHOOLS;

	if (opt.by && !strcmp(opt.by, "subject"))
		what = EDU_STAFFING_SUBJECTS;
	else if (opt.by && strcmp(opt.by, "school"))
		edu_die(EDU_EUSAGE, "--by: '%s' is not one of school, subject", opt.by);
	edu_staffing_load(c->db, asof_str(day), opt.school, 0, &s);
	edu_staffing_print(&s, what, NULL, 0);
	edu_staffing_free(&s);
	return 0;
}

static int vacancies(struct edu_cmd *c)
{
	struct edu_staffing s;
	char day[11];

	edu_staffing_load(c->db, asof_str(day), NULL, 0, &s);
	long n = edu_staffing_print(&s, EDU_STAFFING_VACANCIES, opt.subject, opt.min);
	edu_staffing_free(&s);
	return n ? 0 : EDU_NO;
}

/* ---- graduates and their placement -------------------------------------- */

static void need_year(void)
{
	if (!opt.year)
		edu_die(EDU_EUSAGE, "--year is required (see '%s %s --help')", edu_prog,
			edu_verb_name);
	graduate_year = opt.year;
}

static int graduates_import(struct edu_cmd *c)
{
	need_year();
	return edu_import(c->db, &graduate, c->argc, c->argv);
}

static int graduates_list(struct edu_cmd *c)
{
	char y[24];

	need_year();
	snprintf(y, sizeof y, "%ld", opt.year);
	const struct edu_filter f[] = { { "year", y } };
	edu_list(c->db, &graduate, 1, f);
	return 0;
}

/* place: the year's plan, from the open posts on the --on day; it
 * replaces the year's earlier plan. */
static int place(struct edu_cmd *c)
{
	struct edu_staffing s;
	struct edu_run run;
	char day[11], y[24];
	size_t n;

	need_year();
	uint64_t seed = opt.seed >= 0 ? (uint64_t)opt.seed : edu_lottery_seed();
	edu_run_start(&run);
	edu_begin(c->db);
	/* Once graduates are staff their posts are no longer open: a new
	 * plan would place them twice. */
	long appointed = edu_graduates_appointed(c->db, opt.year);
	if (appointed) {
		edu_rollback(c->db);
		edu_warn("the plan of %ld is final: %ld of its graduates were appointed",
			 opt.year, appointed);
		return EDU_EDATA;
	}
	edu_staffing_load(c->db, edu_date_str(edu_opt.on, day), NULL, 0, &s);
	struct edu_grad *g = edu_graduates_load(c->db, opt.year, seed, &s, &n);
	if (!n) {
		edu_rollback(c->db);
		edu_staffing_free(&s);
		edu_warn("no graduates in %ld (import them with 'edu-cadre graduates import "
			 "--year %ld')", opt.year, opt.year);
		return EDU_NO;
	}
	struct edu_grad **order = edu_malloc(n * sizeof *order);
	for (size_t i = 0; i < n; i++)
		order[i] = &g[i];
	char *fallback = edu_setting(c->db, "place.fallback", edu_setting_def("place.fallback")->dflt);
	char *tiebreak = edu_setting(c->db, "place.tiebreak", edu_setting_def("place.tiebreak")->dflt);
	long unplaced = edu_graduates_place(order, n, &s, tiebreak, !strcmp(fallback, "any"));
	edu_graduates_store(c->db, opt.year, order, n, &s);
	char *counts = edu_asprintf("graduates=%zu placed=%ld unplaced=%ld seed=%llu", n,
				    (long)n - unplaced, unplaced, (unsigned long long)seed);
	char *change = edu_asprintf("{\"on\":\"%s\",\"seed\":%llu,\"fallback\":\"%s\","
				    "\"graduates\":%zu,\"placed\":%ld,\"unplaced\":%ld}", day,
				    (unsigned long long)seed, fallback, n, (long)n - unplaced, unplaced);
	snprintf(y, sizeof y, "%ld", opt.year);
	edu_audit(c->db, "graduate_plan", y, change);
	edu_run_finish(c->db, &run, counts, unplaced ? EDU_NO : 0);
	edu_print_stmt(edu_graduates_plan(c->db, opt.year), 0);
	edu_finish(c->db);
	if (!edu_opt.quiet)
		edu_warn("%ld placed, %ld unplaced", (long)n - unplaced, unplaced);
	free(change);
	free(counts);
	free(fallback);
	free(tiebreak);
	free(order);
	edu_graduates_free(g, n);
	edu_staffing_free(&s);
	return unplaced ? EDU_NO : 0;
}

static int plan(struct edu_cmd *c)
{
	need_year();
	return edu_print_stmt(edu_graduates_plan(c->db, opt.year), 1) ? 0 : EDU_NO;
}

/* explain: for each choice before the one that placed a graduate (all
 * of them when none did), why not.  0 when every one was placed, else 1. */
static int explain(struct edu_cmd *c)
{
	static const char *const cols[] = { "id_number", "choice", "school_code", "result", "reason" };
	struct edu_keys k;
	int status = 0;

	need_year();
	if (edu_keys_read(&k, c->argc, c->argv, "id_number", "身份证号|身份证号码") < 0)
		return EDU_EDATA;
	struct edu_out *o = edu_out_new(stdout, 5, cols);
	for (size_t i = 0; i < k.n; i++)
		if (edu_graduate_explain(c->db, o, opt.year, k.key[i]))
			status = EDU_NO;
	edu_out_end(o);
	edu_keys_free(&k);
	return status;
}

/* ---- corrections (issue 17) ------------------------------------------------ */

static int events(struct edu_cmd *c)
{
	return edu_events_verb(c, &edu_staff_events);
}

static int void_events(struct edu_cmd *c)
{
	return edu_void_verb(c, &edu_staff_events);
}

#define W EDU_V_WRITE
#define R "personnel auditor"
#define EVENT_DOC(what) what "  Takes staff numbers as arguments, or a CSV with a " \
	"staff_no column on standard input; --on gives the day (default today).  " \
	"All or nothing: one refusal writes nothing (exit 65)."
static const struct edu_verb verbs[] = {
	{ .name = "import", .run = staff_import, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = "personnel", .flags = W | EDU_V_IMPORT,
	  .summary = "add staff from CSV (or update them with --upsert)",
	  .doc = "Import staff from CSV files (none or '-': standard input).  Columns: "
	  "staff_no, id_number, name, sex, birth_date, unit, category, position, rank, "
	  "title, title_since, education, degree, party, party_since, hired_on, status; "
	  "see edu-cadre(1)." },
	{ .name = "list", .run = staff_list, .roles = R, .opts = list_opts,
	  .summary = "list staff (as they were on a day with --as-of)" },
	{ .name = "show", .run = show, .args_doc = "STAFF_NO", .min_args = 1, .max_args = 1,
	  .roles = R,
	  .summary = "show a person with the full history" },
	{ .name = "appoint", .run = appoint, .args_doc = "[STAFF_NO...]", .max_args = EDU_ANY,
	  .roles = "personnel", .flags = W, .opts = appoint_opts,
	  .summary = "appoint to a post (任职), or a placement plan's graduates as teachers",
	  .doc = EVENT_DOC("Appoint to a post, with a rank if given.  With --plan FILE: the "
		    "graduates of the file's id_number column become teachers of the school "
		    "the stored plan gives them.") },
	{ .name = "dismiss", .run = dismiss, .args_doc = "[STAFF_NO...]", .max_args = EDU_ANY,
	  .roles = "personnel", .flags = W, .opts = dismiss_opts,
	  .summary = "remove from a post (免职)",
	  .doc = EVENT_DOC("Remove from the post held.") },
	{ .name = "title", .run = title, .args_doc = "[STAFF_NO...]", .max_args = EDU_ANY,
	  .roles = "personnel", .flags = W, .opts = title_opts,
	  .summary = "confer a professional title (职称)",
	  .doc = EVENT_DOC("Confer a title, held from --on.") },
	{ .name = "reward", .run = reward, .args_doc = "[STAFF_NO...]", .max_args = EDU_ANY,
	  .roles = "personnel", .flags = W, .opts = reward_opts,
	  .summary = "record a reward (奖励)",
	  .doc = EVENT_DOC("Record a reward.") },
	{ .name = "punish", .run = punish, .args_doc = "[STAFF_NO...]", .max_args = EDU_ANY,
	  .roles = "personnel", .flags = W, .opts = punish_opts,
	  .summary = "record a punishment (处分)",
	  .doc = EVENT_DOC("Record a punishment (公职人员政务处分法 art. 7), in effect from --on "
		    "to --until, by default 6, 12, 18, 24 or 24 months by kind (art. 8; "
		    "settings cadre.punish.KIND); a removal (撤职) also ends the post held, "
		    "a dismissal (开除) the employment, for good.") },
	{ .name = "party", .run = party, .args_doc = "[STAFF_NO...]", .max_args = EDU_ANY,
	  .roles = "personnel", .flags = W, .opts = party_opts,
	  .summary = "record the next party stage (党员发展)",
	  .doc = EVENT_DOC("Record the next stage: applicant, activist, candidate, "
		    "probationary, member, in this order; a year as activist before "
		    "candidate, a year probationary before member.") },
	{ .name = "train import", .run = train_import, .args_doc = "[FILE]", .max_args = 1,
	  .roles = "personnel", .flags = W | EDU_V_IMPORT,
	  .summary = "add training hours from CSV (staff_no,course,hours,date)",
	  .doc = "Import training: columns staff_no, course, hours and date." },
	{ .name = "retire", .run = retire, .args_doc = "[STAFF_NO...]", .max_args = EDU_ANY,
	  .roles = "personnel", .flags = W, .opts = doc_opts,
	  .summary = "record a retirement",
	  .doc = EVENT_DOC("Record a retirement.") },
	{ .name = "leave", .run = leave, .args_doc = "[STAFF_NO...]", .max_args = EDU_ANY,
	  .roles = "personnel", .flags = W, .opts = doc_opts,
	  .summary = "record a departure",
	  .doc = EVENT_DOC("Record that a person left.") },
	{ .name = "retiring", .run = retiring, .roles = R, .opts = retiring_opts,
	  .summary = "staff who reach the statutory retirement age soon" },
	{ .name = "eligible", .run = eligible, .roles = R, .opts = eligible_opts,
	  .summary = "teachers whose years in the title below make them eligible" },
	{ .name = "training", .run = training_report, .roles = R, .opts = training_opts,
	  .summary = "training hours per teacher in a five-year cycle" },
	{ .name = "party-due", .run = party_due, .roles = R, .opts = party_due_opts,
	  .summary = "activists and probationary members whose year is up" },
	{ .name = "graduates import", .run = graduates_import, .args_doc = "[FILE...]",
	  .max_args = EDU_ANY, .roles = "personnel", .flags = W | EDU_V_IMPORT,
	  .opts = graduates_opts,
	  .summary = "add a year's normal-university graduates from CSV",
	  .doc = "Import graduates for --year: columns id_number, name, sex, university, "
	  "degree, major, subject, stage, cert_no, score, choice1 .. choice5; see "
	  "edu-cadre(1)." },
	{ .name = "graduates list", .run = graduates_list, .roles = R, .opts = graduates_opts,
	  .summary = "list a year's graduates as import takes them" },
	{ .name = "place", .run = place, .roles = "personnel", .flags = W, .opts = place_opts,
	  .summary = "place a year's graduates on the open posts by merit and choices",
	  .doc = "The placement plan of --year: within each subject and stage, in order of "
	  "score, the tie-break of place.tiebreak and a seeded lottery, each graduate to "
	  "the highest choice with an open post on the --on day; place.fallback any offers "
	  "the posts left to those whose choices were full.  Prints the plan; exit 1 when "
	  "any graduate is unplaced.  See edu-cadre(1)." },
	{ .name = "plan", .run = plan, .roles = R, .opts = graduates_opts,
	  .summary = "print a year's stored placement plan (exit 1: none)" },
	{ .name = "explain", .run = explain, .args_doc = "[ID_NUMBER...]", .max_args = EDU_ANY,
	  .roles = R, .opts = graduates_opts,
	  .summary = "why a graduate's higher choices did not place them" },
	{ .name = "quota", .run = quota, .roles = R, .opts = quota_opts,
	  .summary = "posts (编制) per school from its enrolment, against the staff in post",
	  .doc = "Per open school: its students enrolled on the day, the posts the ratios "
	  "give (settings staff.ratio.STAGE, per stage in a nine-year or complete school), "
	  "the staff on the establishment in post, and the vacancies (negative: over the "
	  "establishment).  With --by subject: per stage and subject (settings "
	  "staff.subjects.STAGE) the teachers needed and in post.  See edu-cadre(1)." },
	{ .name = "vacancies", .run = vacancies, .roles = R, .opts = vacancies_opts,
	  .summary = "open teaching posts by school, stage and subject (exit 1: none)" },
	{ .name = "stats", .run = stats, .roles = R, .opts = stats_opts,
	  .summary = "count the active staff by age, title, sex, education, category or unit" },
	EDU_VERBS_CORRECTIONS(events, void_events, "STAFF", R, "personnel"),
	{ 0 }
};

static const struct edu_tool tool = {
	.name = "edu-cadre",
	.summary = "edu-cadre -- staff and cadres: posts, titles, training, rewards and "
		   "punishments, party membership, retirement",
	.verbs = verbs,
};

int main(int argc, char **argv)
{
	size_t n = 0;

	for (const struct edu_punish_kind *k = edu_punish_kinds;
	     k->key && n + 1 < sizeof punishments / sizeof *punishments; k++, n++)
		punishments[n] = (struct edu_enum){ k->key, k->zh };
	return edu_main(&tool, argc, argv);
}
