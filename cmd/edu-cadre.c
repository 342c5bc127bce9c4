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

static const struct edu_enum punishments[] = {
	{ "warning", "警告" },
	{ "demerit", "记过" },
	{ "major-demerit", "记大过" },
	{ "demotion", "降级" },
	{ "dismissal", "开除" },
	{ NULL, NULL }
};

#define STAFF_NO_ALIASES "工号|职工号|人员编号"

static const struct edu_col staff_cols[] = {
	{ .name = "staff_no", .aliases = STAFF_NO_ALIASES, .type = EDU_C_CODE, .flags = EDU_C_KEY },
	{ .name = "id_number", .aliases = "身份证号|身份证号码|公民身份号码", .type = EDU_C_ID },
	{ .name = "name", .aliases = "姓名", .type = EDU_C_TEXT, .flags = EDU_C_REQUIRED },
	{ .name = "sex", .aliases = "性别", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED, .values = sexes },
	{ .name = "birth_date", .aliases = "出生日期", .type = EDU_C_DATE, .flags = EDU_C_REQUIRED },
	{ .name = "unit", .aliases = "单位|工作单位", .type = EDU_C_CODE, .flags = EDU_C_REQUIRED },
	{ .name = "category", .aliases = "人员类别|岗位类别", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = categories },
	{ .name = "position", .aliases = "职务", .type = EDU_C_TEXT },
	{ .name = "rank", .aliases = "职级", .type = EDU_C_TEXT },
	{ .name = "title", .aliases = "职称|专业技术职务", .type = EDU_C_TEXT },
	{ .name = "title_since", .aliases = "职称时间|职称取得时间", .type = EDU_C_DATE },
	{ .name = "education", .aliases = "学历", .type = EDU_C_TEXT },
	{ .name = "degree", .aliases = "学位", .type = EDU_C_TEXT },
	{ .name = "party", .aliases = "政治面貌", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED,
	  .values = parties, .dflt = "none" },
	{ .name = "party_since", .aliases = "政治面貌时间|入党时间", .type = EDU_C_DATE },
	{ .name = "hired_on", .aliases = "参加工作时间|入职日期", .type = EDU_C_DATE },
	{ .name = "status", .aliases = "状态|人员状态", .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED,
	  .values = statuses, .dflt = "active" },
};
enum { C_ID = 1, C_SEX = 3, C_BIRTH = 4, C_UNIT = 5, C_TITLE = 9, C_TITLE_SINCE = 10,
       C_PARTY = 13, C_PARTY_SINCE = 14 };

static int staff_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	const struct edu_staff_facts f = {
		.id_number = v[C_ID], .sex = v[C_SEX], .birth_date = v[C_BIRTH], .unit = v[C_UNIT],
		.title = v[C_TITLE], .title_since = v[C_TITLE_SINCE], .party = v[C_PARTY],
		.party_since = v[C_PARTY_SINCE],
	};

	return edu_staff_check(db, &f, col, err);
}

static const struct edu_entity staff = {
	.table = "staff", .what = "staff", .cols = staff_cols,
	.ncols = sizeof staff_cols / sizeof *staff_cols, .row_check = staff_check,
};

static const struct edu_col training_cols[] = {
	{ .name = "staff_no", .aliases = STAFF_NO_ALIASES, .type = EDU_C_CODE,
	  .flags = EDU_C_KEY, .ref = "staff" },
	{ .name = "course", .aliases = "课程|培训项目|培训名称", .type = EDU_C_TEXT, .flags = EDU_C_KEY },
	{ .name = "hours", .aliases = "学时", .type = EDU_C_INT, .flags = EDU_C_REQUIRED,
	  .min = 1, .max = 1000 },
	{ .name = "date", .aliases = "日期|培训日期", .type = EDU_C_DATE, .flags = EDU_C_KEY },
};

static const struct edu_entity training = {
	.table = "training", .what = "training", .cols = training_cols, .ncols = 4,
};

/* The register as it stood on day ?1 (NULL: now): a column an event
 * changed after that day has the `old` value of the first such event. */
#define ASOF(F) \
	"CASE WHEN EXISTS (SELECT 1 FROM staff_event e WHERE e.staff_no = s.staff_no " \
	"AND e.day > ?1 AND json_type(e.old, '$." F "') IS NOT NULL) " \
	"THEN (SELECT json_extract(e.old, '$." F "') FROM staff_event e " \
	"WHERE e.staff_no = s.staff_no AND e.day > ?1 AND json_type(e.old, '$." F "') " \
	"IS NOT NULL ORDER BY e.day, e.id LIMIT 1) ELSE s." F " END AS " F
#define STAFF_ASOF \
	"WITH asof AS (SELECT s.staff_no, s.id_number, s.name, s.sex, s.birth_date, " \
	"s.unit, s.category, " ASOF("position") ", " ASOF("rank") ", " ASOF("title") ", " \
	ASOF("title_since") ", s.education, s.degree, " ASOF("party") ", " \
	ASOF("party_since") ", s.hired_on, " ASOF("status") " FROM staff s " \
	"WHERE ?1 IS NULL OR s.hired_on IS NULL OR s.hired_on <= ?1) "

/* ---- options ----------------------------------------------------------- */

static struct {
	const char *unit, *category, *title, *status, *position, *rank, *kind,
		*stage, *doc, *by;
	int asof, until;
	long within, cycle, below;
} opt = { .asof = -1, .until = -1, .within = 12, .cycle = -1, .below = -1 };

static const struct edu_option list_opts[] = {
	EDU_OPT_TEXT("unit", &opt.unit, "UNIT", "staff of this unit (a school code or a department)"),
	EDU_OPT_TEXT("category", &opt.category, "C", "cadre, teacher or worker"),
	EDU_OPT_TEXT("title", &opt.title, "TITLE", "staff with this title"),
	EDU_OPT_TEXT("status", &opt.status, "S", "active, retired or left"),
	EDU_OPT_DATE("as-of", &opt.asof, "the register as it stood on DATE"),
	EDU_OPT_END
};

static const struct edu_option appoint_opts[] = {
	EDU_OPT_TEXT("position", &opt.position, "POSITION", "the post (职务), e.g. 校长"),
	EDU_OPT_TEXT("rank", &opt.rank, "RANK", "the rank (职级) that goes with it"),
	EDU_OPT_TEXT("doc", &opt.doc, "NUMBER", "the number of the document that decided it"),
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
	EDU_OPT_TEXT("kind", &opt.kind, "KIND", "warning, demerit, major-demerit, demotion or dismissal"),
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
	sqlite3_stmt *q = edu_prepare(c->db, STAFF_ASOF
		"SELECT * FROM asof WHERE (?2 IS NULL OR unit = ?2) "
		"AND (?3 IS NULL OR category = ?3) AND (?4 IS NULL OR title = ?4) "
		"AND (?5 IS NULL OR status = ?5) ORDER BY staff_no");

	if (opt.asof >= 0)
		sqlite3_bind_text(q, 1, edu_date_str(opt.asof, day), -1, SQLITE_STATIC);
	edu_bind_text(q, 2, opt.unit);
	edu_bind_text(q, 3, enum_opt(categories, "--category", opt.category));
	edu_bind_text(q, 4, opt.title ? edu_staff_title(opt.title) : NULL);
	edu_bind_text(q, 5, enum_opt(statuses, "--status", opt.status));
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
		"  coalesce(', until ' || until, '') || coalesce(', doc ' || doc, ''), ', ') "
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

static int appoint(struct edu_cmd *c)
{
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
	if (!strcmp(opt.kind, "dismissal") && opt.until >= 0)
		edu_die(EDU_EUSAGE, "--until: a dismissal is for good and has no end");
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
	sqlite3_stmt *st = edu_prepare(c->db, STAFF_ASOF
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
	const char *t = edu_teacher_title(opt.title), *key = edu_title_years_key(t);
	if (!key)
		edu_die(EDU_EUSAGE, "--title: '%s' is not one of 一级教师, 高级教师, 正高级教师",
			opt.title);
	char *n = edu_setting(c->db, key, edu_setting_def(key)->dflt);
	edu_cadre_functions(c->db);
	sqlite3_stmt *st = edu_prepare(c->db, STAFF_ASOF
		"SELECT staff_no, name, unit, title, title_since, "
		"add_months(title_since, ?3 * 12) AS eligible_since FROM asof a "
		"WHERE status = 'active' AND title = ?2 AND title_since IS NOT NULL "
		"AND add_months(title_since, ?3 * 12) <= ?1 "
		"AND NOT EXISTS (SELECT 1 FROM staff_event p WHERE p.staff_no = a.staff_no "
		"AND p.kind = 'punish' AND p.day <= ?1 AND (p.until IS NULL OR p.until >= ?1)) "
		"ORDER BY eligible_since, staff_no");
	sqlite3_bind_text(st, 1, asof_str(day), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, edu_teacher_title_below(t), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, atoi(n));
	free(n);
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
	sqlite3_stmt *st = edu_prepare(c->db, STAFF_ASOF
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
	  .summary = "appoint to a post (任职)",
	  .doc = EVENT_DOC("Appoint to a post, with a rank if given.") },
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
	  .doc = EVENT_DOC("Record a punishment, in effect from --on to --until, by default "
		    "6, 12, 18 or 24 months by kind (settings cadre.punish.KIND); a "
		    "dismissal is for good.") },
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
	{ .name = "stats", .run = stats, .roles = R, .opts = stats_opts,
	  .summary = "count the active staff by age, title, sex, education, category or unit" },
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
	return edu_main(&tool, argc, argv);
}
