/* edu-school - schools, private-school licences and inspections,
 * demonstration titles, enrolment zones */
#define _GNU_SOURCE
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

static const struct edu_enum kinds[] = {
	{ "kindergarten", "幼儿园" },
	{ "primary", "小学" },
	{ "junior", "初中|初级中学" },
	{ "senior", "高中|高级中学" },
	{ "complete", "完全中学|完中" },
	{ "nine-year", "九年一贯制学校|九年一贯制" },
	{ "vocational", "中等职业学校|中职|职业高中|职高" },
	{ "special", "特殊教育学校|特教学校|特殊教育" },
	{ NULL, NULL }
};

static const struct edu_enum ownerships[] = {
	{ "public", "公办" },
	{ "private", "民办" },
	{ NULL, NULL }
};

static const struct edu_enum statuses[] = {
	{ "open", "开办|办学|正常" },
	{ "closed", "撤销|停办|关闭" },
	{ NULL, NULL }
};

static const struct edu_enum results[] = {
	{ "pass", "合格" },
	{ "basic", "基本合格" },
	{ "fail", "不合格" },
	{ NULL, NULL }
};

#define CODE_COL(f, r) \
	{ .name = "school_code", .aliases = "学校代码|学校标识码", \
	  .type = EDU_C_DIGITS, .min = 10, .flags = (f), .ref = (r) }

static const struct edu_col school_cols[] = {
	CODE_COL(EDU_C_KEY, NULL),
	{ .name = "name", .aliases = "学校名称|名称", .type = EDU_C_NAME, .flags = EDU_C_REQUIRED },
	{ .name = "kind", .aliases = "学校类型|类型|办学类型", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = kinds },
	{ .name = "ownership", .aliases = "办学性质|性质", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = ownerships },
	{ .name = "district", .aliases = "区县|所在区", .type = EDU_C_TEXT },
	{ .name = "address", .aliases = "地址|学校地址", .type = EDU_C_TEXT },
	{ .name = "principal", .aliases = "校长", .type = EDU_C_NAME },
	{ .name = "phone", .aliases = "电话|联系电话", .type = EDU_C_PHONE },
	{ .name = "founded", .aliases = "建校日期|创办日期", .type = EDU_C_DATE,
	  .flags = EDU_C_PAST },
	{ .name = "entry_seats", .aliases = "学位数|招生计划", .type = EDU_C_INT,
	  .min = 0, .max = 100000 },
	{ .name = "credit_code", .aliases = "统一社会信用代码|信用代码", .type = EDU_C_CREDIT },
	{ .name = "status", .aliases = "状态|办学状态", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = statuses, .dflt = "open" },
};

static int school_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	(void)db;
	if (!strcmp(v[3], "private") && !v[10]) {
		*col = "credit_code";
		snprintf(err, EDU_ERR_MAX, "a private school needs its unified social credit code");
		return -1;
	}
	return 0;
}

static const struct edu_entity school = {
	.table = "school", .what = "school", .cols = school_cols,
	.ncols = sizeof school_cols / sizeof *school_cols, .row_check = school_check,
};

static const struct edu_col licence_cols[] = {
	CODE_COL(EDU_C_KEY, "school"),
	{ .name = "number", .aliases = "许可证号|办学许可证号", .type = EDU_C_CODE, .flags = EDU_C_REQUIRED },
	{ .name = "issued", .aliases = "发证日期", .type = EDU_C_DATE,
	  .flags = EDU_C_REQUIRED | EDU_C_PAST },
	{ .name = "expires", .aliases = "有效期至", .type = EDU_C_DATE, .flags = EDU_C_REQUIRED },
};

/* Licences and annual inspections are for private schools. */
static int private_school(sqlite3 *db, const char *code, const char *what,
			  const char **col, char *err)
{
	const char *p[] = { code };
	char *own = edu_query1(db, "SELECT ownership FROM school WHERE school_code = ?", 1, p);
	int bad = own && strcmp(own, "private");

	free(own);
	if (bad) {
		*col = "school_code";
		snprintf(err, EDU_ERR_MAX, "school %s is public: %s are for private schools",
			 code, what);
		return -1;
	}
	return 0;
}

static int licence_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	if (private_school(db, v[0], "licences", col, err) < 0)
		return -1;
	if (strcmp(v[3], v[2]) <= 0) {
		*col = "expires";
		snprintf(err, EDU_ERR_MAX, "must be after the issue date %s", v[2]);
		return -1;
	}
	return 0;
}

static const struct edu_entity licence = {
	.table = "licence", .what = "licence", .cols = licence_cols, .ncols = 4,
	.row_check = licence_check,
};

static const struct edu_col inspection_cols[] = {
	CODE_COL(EDU_C_KEY, "school"),
	{ .name = "year", .aliases = "年度", .type = EDU_C_INT, .flags = EDU_C_KEY,
	  .min = 1949, .max = 9999 },
	{ .name = "result", .aliases = "结论|年检结论", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = results },
	{ .name = "note", .aliases = "备注", .type = EDU_C_TEXT },
};

static int inspection_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	return private_school(db, v[0], "annual inspections", col, err);
}

static const struct edu_entity inspection = {
	.table = "inspection", .what = "inspection", .cols = inspection_cols, .ncols = 4,
	.row_check = inspection_check,
};

static const struct edu_col designation_cols[] = {
	CODE_COL(EDU_C_KEY, "school"),
	{ .name = "title", .aliases = "称号", .type = EDU_C_TEXT, .flags = EDU_C_KEY },
	{ .name = "since", .aliases = "认定日期|起始日期", .type = EDU_C_DATE, .flags = EDU_C_KEY },
	{ .name = "until", .aliases = "截止日期", .type = EDU_C_DATE },
};

static int designation_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	(void)db;
	if (v[3] && strcmp(v[3], v[2]) < 0) {
		*col = "until";
		snprintf(err, EDU_ERR_MAX, "must not be before --since %s", v[2]);
		return -1;
	}
	return 0;
}

static const struct edu_entity designation = {
	.table = "designation", .what = "designation", .cols = designation_cols,
	.ncols = 4, .row_check = designation_check,
};

static const struct edu_col zone_cols[] = {
	{ .name = "zone", .aliases = "片区|学区", .type = EDU_C_CODE, .flags = EDU_C_KEY },
	CODE_COL(EDU_C_KEY, "school"),
	{ .name = "rank", .aliases = "顺位|序号", .type = EDU_C_INT, .flags = EDU_C_REQUIRED,
	  .min = 1, .max = 99 },
};

static const struct edu_entity zone = {
	.table = "zone", .what = "zone school", .cols = zone_cols, .ncols = 3,
	.derived = "name",
};

/* ---- evaluations by a standard (issue 21) ------------------------------- */

static const struct edu_enum rubric_types[] = {
	{ "indicator", "指标" },
	{ "level", "等级" },
	{ "validity", "有效期" },
	{ NULL, NULL }
};

static const struct edu_col rubric_cols[] = {
	{ .name = "standard", .aliases = "标准|评估标准", .type = EDU_C_CODE, .flags = EDU_C_KEY },
	{ .name = "type", .aliases = "类型|项目", .type = EDU_C_ENUM, .flags = EDU_C_KEY,
	  .values = rubric_types },
	{ .name = "code", .aliases = "编号|指标编号|代码", .type = EDU_C_CODE, .flags = EDU_C_KEY },
	{ .name = "name", .aliases = "名称|指标名称", .type = EDU_C_TEXT },
	{ .name = "points", .aliases = "分值|满分|分数线", .type = EDU_C_SCORE, .flags = EDU_C_REQUIRED },
	{ .name = "weight", .aliases = "权重", .type = EDU_C_SCORE },
	{ .name = "veto", .aliases = "否决线|一票否决", .type = EDU_C_SCORE },
};

/* The tenths of a normalised score value; -1 for none. */
static int tenths(const char *v)
{
	int t;
	char err[EDU_ERR_MAX];

	return v && edu_score_parse(v, &t, err) == 0 ? t : -1;
}

static int rubric_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	(void)db;
	if (!strcmp(v[1], "indicator")) {
		if (!v[3]) {
			*col = "name";
			snprintf(err, EDU_ERR_MAX, "an indicator needs its name");
			return -1;
		}
		if (tenths(v[4]) <= 0) {
			*col = "points";
			snprintf(err, EDU_ERR_MAX, "an indicator's maximum must be above 0");
			return -1;
		}
		if (v[5] && tenths(v[5]) <= 0) {
			*col = "weight";
			snprintf(err, EDU_ERR_MAX, "must be above 0");
			return -1;
		}
		if (v[6] && tenths(v[6]) > tenths(v[4])) {
			*col = "veto";
			snprintf(err, EDU_ERR_MAX, "the veto line %s is above the maximum %s", v[6], v[4]);
			return -1;
		}
		return 0;
	}
	if (v[5] || v[6]) {
		*col = v[5] ? "weight" : "veto";
		snprintf(err, EDU_ERR_MAX, "only indicators have one");
		return -1;
	}
	if (!strcmp(v[1], "validity")) {
		if (strcmp(v[2], "years")) {
			*col = "code";
			snprintf(err, EDU_ERR_MAX, "a validity row's code is 'years'");
			return -1;
		}
		if (tenths(v[4]) % 10) {
			*col = "points";
			snprintf(err, EDU_ERR_MAX, "years are whole");
			return -1;
		}
	} else if (tenths(v[4]) <= 0) {
		*col = "points";
		snprintf(err, EDU_ERR_MAX, "a level's threshold must be above 0");
		return -1;
	}
	return 0;
}

static const struct edu_entity rubric = {
	.table = "rubric", .what = "rubric item", .cols = rubric_cols, .ncols = 7,
	.row_check = rubric_check,
};

static const struct edu_col score_cols[] = {
	{ .name = "evaluation", .aliases = "评估编号", .type = EDU_C_INT, .flags = EDU_C_KEY,
	  .min = 1, .max = 999999999, .ref = "evaluation" },
	{ .name = "expert", .aliases = "专家", .type = EDU_C_CODE, .flags = EDU_C_KEY },
	{ .name = "indicator", .aliases = "指标|指标编号", .type = EDU_C_CODE, .flags = EDU_C_KEY },
	{ .name = "points", .aliases = "得分|分数", .type = EDU_C_SCORE, .flags = EDU_C_REQUIRED },
};

/* A score is for an open evaluation, an indicator of its standard, and
 * not above the indicator's maximum. */
static int score_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	const char *p[] = { v[0], v[2] };
	char *status = edu_query1(db, "SELECT status FROM evaluation WHERE evaluation = ?", 1, p);
	char *max = edu_query1(db,
		"SELECT r.points FROM evaluation e JOIN rubric r ON r.standard = e.standard "
		"AND r.type = 'indicator' AND r.code = ?2 WHERE e.evaluation = ?1", 2, p);
	int rc = -1;

	if (status && strcmp(status, "open")) {
		*col = "evaluation";
		snprintf(err, EDU_ERR_MAX, "evaluation %s was decided (%s)", v[0], status);
	} else if (!max) {
		*col = "indicator";
		snprintf(err, EDU_ERR_MAX, "no indicator '%s' in the evaluation's standard", v[2]);
	} else if (tenths(v[3]) > atoi(max)) {
		char m[16];
		*col = "points";
		snprintf(err, EDU_ERR_MAX, "%s is above the indicator's maximum %s", v[3],
			 edu_score_str(atoi(max), m));
	} else {
		rc = 0;
	}
	free(status);
	free(max);
	return rc;
}

static const struct edu_entity score = {
	.table = "score", .what = "score", .cols = score_cols, .ncols = 4,
	.row_check = score_check,
};

/* ---- options ----------------------------------------------------------- */

static struct {
	struct edu_filters filters;
	const char *number, *issued, *expires, *year, *result, *note, *title,
		*since, *until, *zone, *standard, *school, *doc, *kind, *applicant,
		*name, *missing, *reason, *status;
	long expiring, within, eval_year;
	int due, received;
} opt = { .expiring = -1, .within = -1, .received = -1 };

static const struct edu_option list_opts[] = {
	EDU_OPT_FILTER("kind", &opt.filters, "KIND", "kindergarten, primary, junior, senior, complete, nine-year, vocational or special"),
	EDU_OPT_FILTER("district", &opt.filters, "DISTRICT", "schools of this district"),
	EDU_OPT_FILTER("ownership", &opt.filters, "O", "public or private"),
	EDU_OPT_FILTER("status", &opt.filters, "S", "open or closed"),
	EDU_OPT_END
};

static const struct edu_option licence_set_opts[] = {
	EDU_OPT_TEXT("number", &opt.number, "N", "the licence number (办学许可证号)"),
	EDU_OPT_TEXT("issued", &opt.issued, "DATE", "the day it was issued"),
	EDU_OPT_TEXT("expires", &opt.expires, "DATE", "the last day it is valid"),
	EDU_OPT_END
};

static const struct edu_option licence_list_opts[] = {
	EDU_OPT_LONG("expiring", &opt.expiring, "DAYS", 0, 36500, "only licences that end within DAYS days of --on (or have ended); exit 1 when there are none"),
	EDU_OPT_END
};

static const struct edu_option inspect_opts[] = {
	EDU_OPT_TEXT("year", &opt.year, "YEAR", "the year inspected"),
	EDU_OPT_TEXT("result", &opt.result, "R", "pass, basic or fail (合格, 基本合格, 不合格)"),
	EDU_OPT_TEXT("note", &opt.note, "TEXT", "a remark"),
	EDU_OPT_END
};

static const struct edu_option designate_opts[] = {
	EDU_OPT_TEXT("title", &opt.title, "TITLE", "the title, e.g. 省级示范初中"),
	EDU_OPT_TEXT("since", &opt.since, "DATE", "the day it was conferred"),
	EDU_OPT_TEXT("until", &opt.until, "DATE", "the day it ends, if it does"),
	EDU_OPT_END
};

static const struct edu_option designations_opts[] = {
	EDU_OPT_TEXT("title", &opt.title, "TITLE", "only this title"),
	EDU_OPT_FLAG("due", &opt.due, "only titles whose validity runs out, for re-evaluation; exit 1 when there are none"),
	EDU_OPT_LONG("within", &opt.within, "DAYS", 0, 36500, "with --due: ending within DAYS days of --on (default 180), or ended"),
	EDU_OPT_END
};

static const struct edu_option rubric_list_opts[] = {
	EDU_OPT_FILTER("standard", &opt.filters, "S", "only this standard"),
	EDU_OPT_END
};

static const struct edu_option evaluate_new_opts[] = {
	EDU_OPT_TEXT("standard", &opt.standard, "S", "the standard, as its rubric names it (required)"),
	EDU_OPT_DIGITS("school", &opt.school, "CODE", 10, "the school evaluated (required)"),
	EDU_OPT_LONG("year", &opt.eval_year, "YEAR", 1949, 9999, "the year of the evaluation (required)"),
	EDU_OPT_END
};

static const struct edu_option evaluate_decide_opts[] = {
	EDU_OPT_TEXT("doc", &opt.doc, "NO", "the number of the document that announces the result (required)"),
	EDU_OPT_END
};

static const struct edu_enum app_kinds[] = {
	{ "preparation", "筹设" },
	{ "establishment", "正式设立|设立" },
	{ "change", "变更" },
	{ "termination", "终止" },
	{ NULL, NULL }
};

static const struct edu_enum app_statuses[] = {
	{ "received", "已收" },
	{ "returned", "退回|补正" },
	{ "accepted", "受理|已受理" },
	{ "approved", "批准|准予" },
	{ "refused", "不批准|不予" },
	{ NULL, NULL }
};

static const struct edu_option apply_new_opts[] = {
	EDU_OPT_ENUM("kind", &opt.kind, "KIND", app_kinds, "preparation, establishment, change or termination (required)"),
	EDU_OPT_TEXT("applicant", &opt.applicant, "CODE", "the applicant's unified social credit code (required)"),
	EDU_OPT_DATE("received", &opt.received, "the day the application came in (default: --on)"),
	EDU_OPT_DIGITS("school", &opt.school, "CODE", 10, "the private school (required but for preparation)"),
	EDU_OPT_TEXT("name", &opt.name, "NAME", "preparation: the name of the school to be"),
	EDU_OPT_END
};

static const struct edu_option apply_return_opts[] = {
	EDU_OPT_TEXT("missing", &opt.missing, "TEXT", "what the application lacks (required)"),
	EDU_OPT_END
};

static const struct edu_option apply_approve_opts[] = {
	EDU_OPT_TEXT("doc", &opt.doc, "NO", "the number of the decision (required)"),
	EDU_OPT_END
};

static const struct edu_option apply_refuse_opts[] = {
	EDU_OPT_TEXT("doc", &opt.doc, "NO", "the number of the decision (required)"),
	EDU_OPT_TEXT("reason", &opt.reason, "TEXT", "why it is refused (required)"),
	EDU_OPT_END
};

static const struct edu_option apply_due_opts[] = {
	EDU_OPT_LONG("within", &opt.within, "DAYS", 0, 3650, "due within DAYS days of --on (default 7)"),
	EDU_OPT_END
};

static const struct edu_option apply_list_opts[] = {
	EDU_OPT_ENUM("kind", &opt.kind, "KIND", app_kinds, "only this kind"),
	EDU_OPT_ENUM("status", &opt.status, "S", app_statuses, "received, returned, accepted, approved or refused"),
	EDU_OPT_END
};

static const struct edu_option evaluate_list_opts[] = {
	EDU_OPT_TEXT("standard", &opt.standard, "S", "only this standard"),
	EDU_OPT_DIGITS("school", &opt.school, "CODE", 10, "only this school"),
	EDU_OPT_END
};

static const struct edu_option zone_list_opts[] = {
	EDU_OPT_TEXT("zone", &opt.zone, "ZONE", "only this zone"),
	EDU_OPT_END
};

/* ---- verbs ------------------------------------------------------------ */

static int school_import(struct edu_cmd *c)
{
	return edu_import(c->db, &school, c->argc, c->argv);
}

static int school_list(struct edu_cmd *c)
{
	edu_list(c->db, &school, opt.filters.n, opt.filters.f);
	return 0;
}

/* Write one record given on the command line, as an upsert: the verbs
 * that set a licence, an inspection or a title. */
static int put_one(struct edu_cmd *c, const struct edu_entity *e,
		   const char *const *raw)
{
	char err[EDU_ERR_MAX];
	const char *col;

	edu_begin(c->db);
	struct edu_writer *w = edu_writer_new(c->db, e);
	int rc = edu_writer_put(w, raw, 1, &col, err);
	edu_writer_free(w);
	if (rc < 0) {
		edu_rollback(c->db);
		if (col)
			edu_die(EDU_EDATA, "%s: %s", col, err);
		edu_die(EDU_EDATA, "%s", err);
	}
	edu_finish(c->db);
	if (rc == EDU_PUT_UNCHANGED && !edu_opt.quiet)
		edu_warn("no change");
	return 0;
}

static int licence_set(struct edu_cmd *c)
{
	edu_need(opt.number, "--number");
	edu_need(opt.issued, "--issued");
	edu_need(opt.expires, "--expires");
	const char *raw[] = { c->argv[0], opt.number, opt.issued, opt.expires };
	return put_one(c, &licence, raw);
}

static int licence_list(struct edu_cmd *c)
{
	char on[11];
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT l.school_code, s.name, l.number, l.issued, l.expires, "
		"CAST(julianday(l.expires) - julianday(?1) AS INTEGER) AS days_left "
		"FROM licence l JOIN school s USING (school_code) "
		"WHERE ?2 IS NULL OR julianday(l.expires) - julianday(?1) <= ?2 "
		"ORDER BY l.expires, l.school_code");

	sqlite3_bind_text(st, 1, edu_date_str(edu_opt.on, on), -1, SQLITE_STATIC);
	if (opt.expiring >= 0)
		sqlite3_bind_int64(st, 2, opt.expiring);
	long n = edu_print_stmt(st, opt.expiring >= 0);
	/* A to-do list answers like grep. */
	return opt.expiring >= 0 && n == 0 ? EDU_NO : 0;
}

static int inspect(struct edu_cmd *c)
{
	edu_need(opt.year, "--year");
	edu_need(opt.result, "--result");
	const char *raw[] = { c->argv[0], opt.year, opt.result, opt.note };
	return put_one(c, &inspection, raw);
}

static int designate(struct edu_cmd *c)
{
	edu_need(opt.title, "--title");
	edu_need(opt.since, "--since");
	const char *raw[] = { c->argv[0], opt.title, opt.since, opt.until };
	return put_one(c, &designation, raw);
}

static int designations(struct edu_cmd *c)
{
	char on[11];
	sqlite3_stmt *st;

	if (opt.within >= 0 && !opt.due)
		edu_die(EDU_EUSAGE, "--within goes with --due");
	edu_date_str(edu_opt.on, on);
	if (opt.due) {
		/* A title is due for re-evaluation when its last one runs out
		 * within the window (or has run out) and no later conferral of
		 * it followed. */
		st = edu_prepare(c->db,
			"SELECT d.school_code, s.name, d.title, d.since, d.until, "
			"CAST(julianday(d.until) - julianday(?1) AS INTEGER) AS days_left "
			"FROM designation d JOIN school s USING (school_code) "
			"WHERE d.until IS NOT NULL AND s.status = 'open' "
			"AND julianday(d.until) - julianday(?1) <= ?3 "
			"AND (?2 IS NULL OR d.title = ?2) "
			"AND NOT EXISTS (SELECT 1 FROM designation n WHERE n.school_code = d.school_code "
			"  AND n.title = d.title AND n.since > d.since) "
			"ORDER BY d.until, d.school_code, d.title");
		sqlite3_bind_int64(st, 3, opt.within >= 0 ? opt.within : 180);
	} else {
		st = edu_prepare(c->db,
			"SELECT d.school_code, s.name, d.title, d.since, d.until, "
			"CASE WHEN d.since <= ?1 AND (d.until IS NULL OR d.until >= ?1) "
			"THEN 'yes' ELSE 'no' END AS current "
			"FROM designation d JOIN school s USING (school_code) "
			"WHERE ?2 IS NULL OR d.title = ?2 ORDER BY d.title, d.school_code, d.since");
	}
	sqlite3_bind_text(st, 1, on, -1, SQLITE_STATIC);
	edu_bind_text(st, 2, opt.title);
	long n = edu_print_stmt(st, opt.due);
	/* A to-do list answers like grep. */
	return opt.due && n == 0 ? EDU_NO : 0;
}

/* ---- rubrics and evaluations ------------------------------------------- */

static int rubric_import(struct edu_cmd *c)
{
	return edu_import(c->db, &rubric, c->argc, c->argv);
}

static int rubric_list(struct edu_cmd *c)
{
	edu_list(c->db, &rubric, opt.filters.n, opt.filters.f);
	return 0;
}

static int evaluate_new(struct edu_cmd *c)
{
	char year[8];

	edu_need_text(opt.standard, "--standard");
	edu_need(opt.school, "--school");
	edu_need(opt.eval_year ? "" : NULL, "--year");
	snprintf(year, sizeof year, "%ld", opt.eval_year);
	const char *p[] = { opt.standard, opt.school, year };
	edu_begin(c->db);
	char *ready = edu_query1(c->db,
		"SELECT (SELECT count(*) FROM rubric WHERE standard = ?1 AND type = 'indicator') "
		"|| ' ' || (SELECT count(*) FROM rubric WHERE standard = ?1 AND type = 'level')",
		1, p);
	char *school = edu_query1(c->db, "SELECT name FROM school WHERE school_code = ?2", 2, p);
	char *had = edu_query1(c->db, "SELECT evaluation FROM evaluation WHERE standard = ?1 "
			       "AND school_code = ?2 AND year = ?3", 3, p);
	const char *why = NULL;
	if (!strncmp(ready, "0 ", 2))
		why = "--standard: no indicators in the rubric of '%s'";
	else if (!strcmp(strchr(ready, ' '), " 0"))
		why = "--standard: no levels in the rubric of '%s'";
	free(ready);
	if (why) {
		edu_rollback(c->db);
		edu_die(EDU_EDATA, why, opt.standard);
	}
	if (!school) {
		edu_rollback(c->db);
		edu_die(EDU_EDATA, "--school: no school '%s'", opt.school);
	}
	free(school);
	if (had) {
		edu_rollback(c->db);
		edu_die(EDU_EDATA, "evaluation %s is of that school, standard and year already", had);
	}
	edu_exec(c->db, "INSERT INTO evaluation (standard, school_code, year) VALUES (?1, ?2, ?3)", 3, p);
	char id[32];
	snprintf(id, sizeof id, "%lld", (long long)sqlite3_last_insert_rowid(c->db));
	static const char *const names[] = { "standard", "school_code", "year" };
	edu_audit_change(c->db, "evaluation", id, 3, names, NULL, p);
	edu_run_number(id);
	/* Held until the commit, as all output of a change is. */
	static const char *const cols[] = { "evaluation", "standard", "school_code", "year" };
	struct edu_out *o = edu_out_new(stdout, 4, cols);
	const char *row[] = { id, opt.standard, opt.school, year };
	edu_out_row(o, row);
	edu_out_end(o);
	edu_finish(c->db);
	return 0;
}

static long eval_id(const char *s)
{
	return edu_arg_long("EVAL", s, 1, 999999999);
}

static void points2(double v, char out[32])
{
	snprintf(out, 32, "%.2f", v);
}

static int evaluate_result(struct edu_cmd *c)
{
	static const char *const cols[] = { "evaluation", "indicator", "name", "max_points",
		"weight", "veto", "experts", "mean", "weighted", "note" };
	struct edu_eval e;
	long id = eval_id(c->argv[0]);

	if (edu_eval_load(c->db, id, &e) < 0) {
		edu_warn("no evaluation %ld", id);
		return EDU_NO;
	}
	struct edu_out *o = edu_out_new(stdout, 10, cols);
	char ev[32], max[32], w[16], veto[16], ex[16], mean[32], wt[32];
	snprintf(ev, sizeof ev, "%ld", id);
	double max_total = 0;
	for (size_t i = 0; i < e.n; i++) {
		const struct edu_eval_item *it = &e.item[i];
		const char *note = !it->experts ? "no scores" : it->vetoed ? "veto: below its line"
				 : it->weak ? "weak" : "";
		max_total += (double)it->max * it->weight / 100;
		snprintf(ex, sizeof ex, "%d", it->experts);
		points2(it->mean, mean);
		points2(it->weighted, wt);
		const char *row[] = { ev, it->code, it->name, edu_score_str(it->max, max),
			edu_score_str(it->weight, w), it->veto >= 0 ? edu_score_str(it->veto, veto) : "",
			ex, it->experts ? mean : "", it->experts ? wt : "", note };
		edu_out_row(o, row);
	}
	struct edu_buf note = { 0 };
	if (!e.complete)
		edu_buf_puts(&note, "incomplete: an indicator has no scores");
	else if (e.pass)
		edu_buf_printf(&note, "pass: level %s", e.level);
	else if (e.vetoed)
		edu_buf_printf(&note, "fail: veto (%s)", e.weak.s);
	else
		edu_buf_printf(&note, "fail: below the lowest level%s%s",
			       e.weak.len ? "; weak: " : "", e.weak.s);
	points2(max_total, max);
	points2(e.total, wt);
	const char *row[] = { ev, "total", e.standard, max, "", "", "", "", wt, note.s };
	edu_out_row(o, row);
	edu_out_end(o);
	edu_buf_free(&note);
	edu_eval_free(&e);
	return 0;
}

/* evaluate decide: the result becomes the record. */
struct decide_run {
	struct edu_out *out;
	struct edu_writer *w;
};

static void decide_start(struct edu_cmd *c, void *ctx)
{
	static const char *const cols[] = { "evaluation", "school_code", "standard", "result",
		"level", "total", "since", "until", "weak", "doc" };
	struct decide_run *r = ctx;

	r->out = edu_out_new(stdout, 10, cols);
	r->w = edu_writer_new(c->db, &designation);
}

static void decide_end(struct edu_cmd *c, void *ctx)
{
	struct decide_run *r = ctx;

	(void)c;
	edu_out_end(r->out);
	edu_writer_free(r->w);
}

static int decide_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	struct decide_run *r = ctx;
	struct edu_eval e;
	char err[EDU_ERR_MAX], id[32];
	long n;

	if (edu_valid_int(k->key, 1, 999999999, id, err) < 0)
		return edu_key_refuse(k, "%s", err);
	n = atol(id);
	if (edu_eval_load(c->db, n, &e) < 0)
		return EDU_KEY_MISSING;
	int rc = EDU_KEY_DONE;
	if (strcmp(e.status, "open"))
		rc = edu_key_refuse(k, "was decided already (%s)", e.status);
	else if (!e.complete)
		rc = edu_key_refuse(k, "is incomplete: an indicator has no scores");
	if (rc != EDU_KEY_DONE) {
		edu_eval_free(&e);
		return rc;
	}
	char until[11] = "", total[32], hundredths[32];
	const char *col = NULL;
	if (e.pass) {
		int on;
		edu_parse_date(k->on, &on);
		if (e.years > 0)
			edu_date_str(edu_eval_until(on, e.years), until);
		const char *raw[] = { e.school, e.standard, k->on, until };
		if (edu_writer_put(r->w, raw, 0, &col, err) < 0) {
			rc = edu_key_refuse(k, "the designation: %s%s%s", col ? col : "",
					    col ? ": " : "", err);
			edu_eval_free(&e);
			return rc;
		}
	}
	points2(e.total, total);
	snprintf(hundredths, sizeof hundredths, "%lld", llround(e.total * 100));
	const char *status = e.pass ? "passed" : "failed";
	const char *weak = e.weak.len ? e.weak.s : NULL;
	const char *level = e.pass ? e.level : NULL;
	const char *p[] = { id, status, k->on, opt.doc, hundredths, level, weak };
	edu_exec(c->db, "UPDATE evaluation SET status = ?2, decided_on = ?3, doc = ?4, "
		 "total = ?5, level = ?6, weak = ?7 WHERE evaluation = ?1", 7, p);
	static const char *const names[] = { "status", "decided_on", "doc", "total", "level", "weak" };
	const char *old[] = { "open", NULL, NULL, NULL, NULL, NULL };
	const char *new[] = { status, k->on, opt.doc, total, level, weak };
	edu_audit_change(c->db, "evaluation", id, 6, names, old, new);
	const char *row[] = { id, e.school, e.standard, e.pass ? "pass" : "fail",
		level ? level : "", total, e.pass ? k->on : "", until,
		weak ? weak : "", opt.doc };
	edu_out_row(r->out, row);
	edu_eval_free(&e);
	return rc;
}

static int evaluate_decide(struct edu_cmd *c)
{
	struct decide_run r;
	const struct edu_keyverb kv = {
		.col = "evaluation", .aliases = "评估编号", .noun = "evaluation",
		.done = "decided", .start = decide_start, .apply = decide_one,
		.end = decide_end,
	};

	edu_need_text(opt.doc, "--doc");
	return edu_drive(c, &kv, &r);
}

static int evaluate_scores(struct edu_cmd *c)
{
	return edu_import(c->db, &score, c->argc, c->argv);
}

static int evaluate_list(struct edu_cmd *c)
{
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT v.evaluation, v.standard, v.school_code, s.name, v.year, v.status, "
		"v.decided_on, v.doc, CASE WHEN v.total IS NULL THEN NULL ELSE "
		"printf('%d.%02d', v.total / 100, v.total % 100) END AS total, v.level, v.weak "
		"FROM evaluation v JOIN school s USING (school_code) "
		"WHERE (?1 IS NULL OR v.standard = ?1) AND (?2 IS NULL OR v.school_code = ?2) "
		"ORDER BY v.evaluation");

	edu_bind_text(st, 1, opt.standard);
	edu_bind_text(st, 2, opt.school);
	edu_print_stmt(st, 0);
	return 0;
}

/* ---- applications of private schools (民办学校审批) ---------------------- */

static const char *const app_cols[] = { "application", "kind", "received", "applicant",
	"school_code", "school_name", "status", "accepted_on", "due", "decided_on", "doc",
	"licence", "note", "provisional" };
#define APP_SELECT "SELECT application, kind, received, applicant, school_code, " \
	"school_name, status, accepted_on, due, decided_on, doc, licence, " \
	"coalesce(missing, reason) AS note, " \
	EDU_PROVISIONAL_SQL("application", "CAST(application AS TEXT)") " AS provisional " \
	"FROM application "

static int apply_new(struct edu_cmd *c)
{
	char credit[EDU_VAL_MAX], err[EDU_ERR_MAX], received[11];
	char *name = NULL;

	edu_need(opt.kind, "--kind");
	edu_need_text(opt.applicant, "--applicant");
	if (edu_valid_credit_code(opt.applicant, credit, err) < 0)
		edu_die(EDU_EUSAGE, "--applicant: %s", err);
	edu_date_str(opt.received >= 0 ? opt.received : edu_opt.on, received);
	int prep = !strcmp(opt.kind, "preparation");
	if (prep && !opt.school)
		edu_need_text(opt.name, "--name");
	if (!prep)
		edu_need(opt.school, "--school");
	edu_begin(c->db);
	if (opt.school) {
		const char *p[] = { opt.school };
		char *own = edu_query1(c->db, "SELECT ownership FROM school WHERE school_code = ?", 1, p);
		name = edu_query1(c->db, "SELECT name FROM school WHERE school_code = ?", 1, p);
		const char *why = !own ? "no school '%s'" : strcmp(own, "private")
			? "school %s is public: applications are for private schools (民办学校)" : NULL;
		free(own);
		if (why) {
			edu_rollback(c->db);
			edu_die(EDU_EDATA, why, opt.school);
		}
	}
	if (opt.name) {
		free(name);
		name = edu_strdup(opt.name);
	}
	const char *p[] = { opt.kind, received, credit, opt.school, name };
	edu_exec(c->db, "INSERT INTO application (kind, received, applicant, school_code, "
		 "school_name) VALUES (?1, ?2, ?3, ?4, ?5)", 5, p);
	char id[32];
	snprintf(id, sizeof id, "%lld", (long long)sqlite3_last_insert_rowid(c->db));
	static const char *const names[] = { "kind", "received", "applicant", "school_code",
		"school_name" };
	edu_audit_change(c->db, "application", id, 5, names, NULL, p);
	edu_run_number(id);
	const char *q[] = { id };
	sqlite3_stmt *st = edu_prepare(c->db, APP_SELECT "WHERE application = ?1");
	sqlite3_bind_text(st, 1, q[0], -1, SQLITE_STATIC);
	edu_print_stmt(st, 0);
	free(name);
	edu_finish(c->db);
	return 0;
}

/* A change of an application: its state as loaded and the row printed. */
struct app {
	char *kind, *status, *received, *school, *accepted_on;
};

static void app_free(struct app *a)
{
	free(a->kind);
	free(a->status);
	free(a->received);
	free(a->school);
	free(a->accepted_on);
}

static int app_load(sqlite3 *db, const char *id, struct app *a)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT kind, status, received, school_code, "
				       "accepted_on FROM application WHERE application = ?1");
	int found;

	memset(a, 0, sizeof *a);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((found = sqlite3_step(st) == SQLITE_ROW)) {
		char **f[] = { &a->kind, &a->status, &a->received, &a->school, &a->accepted_on };
		for (int i = 0; i < 5; i++)
			*f[i] = sqlite3_column_type(st, i) == SQLITE_NULL ? NULL
				: edu_strdup((const char *)sqlite3_column_text(st, i));
	}
	sqlite3_finalize(st);
	return found ? 0 : -1;
}

struct app_run {
	const char *verb;
	struct edu_writer *licence, *school;
	sqlite3_stmt *show;
	struct edu_out *out;
};

static void app_start(struct edu_cmd *c, void *ctx)
{
	struct app_run *r = ctx;

	r->licence = edu_writer_new(c->db, &licence);
	r->school = edu_writer_new(c->db, &school);
	r->show = edu_prepare(c->db, APP_SELECT "WHERE application = ?1");
	r->out = edu_out_new(stdout, sizeof app_cols / sizeof *app_cols, app_cols);
}

static void app_end(struct edu_cmd *c, void *ctx)
{
	struct app_run *r = ctx;

	(void)c;
	edu_writer_free(r->licence);
	edu_writer_free(r->school);
	sqlite3_finalize(r->show);
	edu_out_end(r->out);
}

/* An approved establishment gets its licence, in the same transaction;
 * an approved termination closes the school.  0, or -1 with why. */
static int app_effect(struct edu_cmd *c, struct app_run *r, const struct app *a,
		      struct edu_key *k, char **number)
{
	char err[EDU_ERR_MAX], expires[11];
	const char *col = NULL;
	int on;

	*number = NULL;
	edu_parse_date(k->on, &on);
	if (!strcmp(a->kind, "establishment")) {
		char *years = edu_setting(c->db, "licence.years", "5");
		edu_date_str(edu_add_months(on, 12 * atoi(years)), expires);
		free(years);
		if (!(*number = edu_approval_licence_no(c->db, on, err)))
			return edu_key_refuse(k, "licence.pattern: %s", err), -1;
		const char *raw[] = { a->school, *number, k->on, expires };
		if (edu_writer_put(r->licence, raw, 1, &col, err) < 0)
			return edu_key_refuse(k, "the licence: %s", err), -1;
	} else if (!strcmp(a->kind, "termination")) {
		const char *raw[12] = { a->school };
		raw[11] = "closed";
		if (edu_writer_put(r->school, raw, 1, &col, err) < 0)
			return edu_key_refuse(k, "closing the school: %s", err), -1;
	}
	return 0;
}

static int app_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	struct app_run *r = ctx;
	struct app a;
	char id[32], err[EDU_ERR_MAX], due[11];
	int rc = EDU_KEY_DONE;

	if (edu_valid_int(k->key, 1, 999999999, id, err) < 0)
		return edu_key_refuse(k, "%s", err);
	if (app_load(c->db, id, &a) < 0)
		return EDU_KEY_MISSING;
	const char *last = a.accepted_on ? a.accepted_on : a.received;
	if (!strcmp(r->verb, "accept") || !strcmp(r->verb, "return")) {
		int ret = !strcmp(r->verb, "return");
		if (strcmp(a.status, "received") && (ret || strcmp(a.status, "returned")))
			rc = edu_key_refuse(k, "is %s: only a received%s application can be %s",
					    a.status, ret ? "" : " or returned", ret ? "returned" : "accepted");
		else if (strcmp(k->on, a.received) < 0)
			rc = edu_key_refuse(k, "--on %s is before it was received, on %s", k->on, a.received);
		if (rc == EDU_KEY_DONE && !ret) {
			int on;
			edu_parse_date(k->on, &on);
			edu_date_str(edu_approval_due(c->db, a.kind, on), due);
			const char *p[] = { id, k->on, due };
			edu_exec(c->db, "UPDATE application SET status = 'accepted', accepted_on = ?2, "
				 "due = ?3, missing = NULL WHERE application = ?1", 3, p);
			static const char *const names[] = { "status", "accepted_on", "due" };
			const char *old[] = { a.status, a.accepted_on, NULL };
			const char *new[] = { "accepted", k->on, due };
			edu_audit_change(c->db, "application", id, 3, names, old, new);
			/* Provisional when counted across a year without
			 * calendar rows (deadline.c). */
			edu_deadline_keep(c->db, "application", id, "due", due);
		} else if (rc == EDU_KEY_DONE) {
			const char *p[] = { id, opt.missing };
			edu_exec(c->db, "UPDATE application SET status = 'returned', missing = ?2 "
				 "WHERE application = ?1", 2, p);
			static const char *const names[] = { "status", "missing" };
			const char *old[] = { a.status, NULL };
			const char *new[] = { "returned", opt.missing };
			edu_audit_change(c->db, "application", id, 2, names, old, new);
		}
	} else {
		int approve = !strcmp(r->verb, "approve");
		char *number = NULL;
		if (strcmp(a.status, "accepted"))
			rc = edu_key_refuse(k, "is %s: only an accepted application is decided", a.status);
		else if ((rc = edu_key_in_order(k, last)) == 0 && approve &&
			 app_effect(c, r, &a, k, &number) < 0)
			rc = EDU_KEY_REFUSED;
		if (rc == EDU_KEY_DONE) {
			const char *status = approve ? "approved" : "refused";
			const char *p[] = { id, status, k->on, opt.doc, approve ? NULL : opt.reason, number };
			edu_exec(c->db, "UPDATE application SET status = ?2, decided_on = ?3, doc = ?4, "
				 "reason = ?5, licence = ?6 WHERE application = ?1", 6, p);
			static const char *const names[] = { "status", "decided_on", "doc", "reason", "licence" };
			const char *old[] = { a.status, NULL, NULL, NULL, NULL };
			edu_audit_change(c->db, "application", id, 5, names, old, p + 1);
			if (number)
				edu_run_number(number);
		}
		free(number);
	}
	if (rc == EDU_KEY_DONE) {
		sqlite3_reset(r->show);
		sqlite3_bind_text(r->show, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(r->show) == SQLITE_ROW)
			edu_out_stmt_row(r->out, r->show);
	}
	app_free(&a);
	return rc;
}

static int app_drive(struct edu_cmd *c, const char *verb, const char *done)
{
	struct app_run r = { .verb = verb };
	const struct edu_keyverb kv = {
		.col = "application", .aliases = "申请编号", .noun = "application",
		.done = done, .start = app_start, .apply = app_one, .end = app_end,
	};

	return edu_drive(c, &kv, &r);
}

static int apply_accept(struct edu_cmd *c)
{
	return app_drive(c, "accept", "accepted");
}

static int apply_return(struct edu_cmd *c)
{
	edu_need_text(opt.missing, "--missing");
	return app_drive(c, "return", "returned");
}

static int apply_approve(struct edu_cmd *c)
{
	edu_need_text(opt.doc, "--doc");
	return app_drive(c, "approve", "approved");
}

static int apply_refuse(struct edu_cmd *c)
{
	edu_need_text(opt.doc, "--doc");
	edu_need_text(opt.reason, "--reason");
	return app_drive(c, "refuse", "refused");
}

static int app_due_list(struct edu_cmd *c, long within)
{
	long n = edu_print_stmt(edu_approval_due_stmt(c->db, edu_opt.on, within), 1);

	return n ? 0 : EDU_NO;
}

static int apply_due(struct edu_cmd *c)
{
	return app_due_list(c, opt.within >= 0 ? opt.within : 7);
}

static int apply_overdue(struct edu_cmd *c)
{
	return app_due_list(c, -1);
}

static int apply_list(struct edu_cmd *c)
{
	sqlite3_stmt *st = edu_prepare(c->db, APP_SELECT
		"WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR status = ?2) ORDER BY application");

	edu_bind_text(st, 1, opt.kind);
	edu_bind_text(st, 2, opt.status);
	edu_print_stmt(st, 0);
	return 0;
}

static int zone_import(struct edu_cmd *c)
{
	return edu_import(c->db, &zone, c->argc, c->argv);
}

static int zone_list(struct edu_cmd *c)
{
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT z.zone, z.school_code, s.name, z.rank "
		"FROM zone z JOIN school s USING (school_code) "
		"WHERE ?1 IS NULL OR z.zone = ?1 ORDER BY z.zone, z.rank");

	edu_bind_text(st, 1, opt.zone);
	edu_print_stmt(st, 0);
	return 0;
}

/* show: one school as field,value lines, with its licence, inspections,
 * titles and zones. */
static int show(struct edu_cmd *c)
{
	static const char *const cols[] = { "field", "value" };
	char code[EDU_VAL_MAX], err[EDU_ERR_MAX];

	if (edu_valid_digits(c->argv[0], 10, code, err) < 0)
		edu_die(EDU_EUSAGE, "CODE: %s", err);
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT * FROM school WHERE school_code = ?1");
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		edu_warn("no school '%s'", code);
		return EDU_NO;
	}
	struct edu_out *o = edu_out_new(stdout, 2, cols);
	edu_out_fields(o, st);
	sqlite3_finalize(st);

	/* The related records, each as "what" and a line of text. */
	st = edu_prepare(c->db,
		"SELECT 'licence', number || ' (' || issued || ' to ' || expires || ')' "
		"  FROM licence WHERE school_code = ?1 "
		"UNION ALL SELECT 'inspection ' || year, result || "
		"  coalesce(': ' || note, '') FROM inspection WHERE school_code = ?1 "
		"UNION ALL SELECT 'title', title || ' (' || since || ' to ' || "
		"  coalesce(until, '') || ')' FROM designation WHERE school_code = ?1 "
		"UNION ALL SELECT 'zone', zone || ' (rank ' || rank || ')' "
		"  FROM zone WHERE school_code = ?1 "
		"UNION ALL SELECT 'evaluation ' || evaluation, standard || ' ' || year || ': ' || "
		"  status || coalesce(' ' || decided_on, '') FROM evaluation WHERE school_code = ?1 "
		"UNION ALL SELECT 'application ' || application, kind || ' received ' || received || "
		"  ': ' || status || coalesce(' ' || decided_on, '') FROM application WHERE school_code = ?1");
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	edu_out_stmt(o, st);
	sqlite3_finalize(st);
	edu_out_end(o);
	return 0;
}

#define W EDU_V_WRITE
static const struct edu_verb verbs[] = {
	{ .name = "import", .run = school_import, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W | EDU_V_IMPORT,
	  .summary = "add schools from CSV (or update them with --upsert)",
	  .doc = "Import schools from CSV files (none or '-': standard input).  Columns: "
		 "school_code, name, kind, ownership, district, address, principal, phone, "
		 "founded, entry_seats, credit_code, status; see edu-csv(5)." },
	{ .name = "list", .run = school_list, .opts = list_opts,
	  .summary = "list schools" },
	{ .name = "show", .run = show, .args_doc = "CODE", .min_args = 1, .max_args = 1,
	  .summary = "show a school with its licence, inspections, titles, zones, evaluations and applications" },
	{ .name = "licence set", .run = licence_set, .args_doc = "CODE", .min_args = 1, .max_args = 1,
	  .roles = "registrar", .flags = W, .opts = licence_set_opts,
	  .summary = "record a private school's licence (办学许可证)" },
	{ .name = "licence list", .run = licence_list, .opts = licence_list_opts,
	  .summary = "list private schools' licences" },
	{ .name = "inspect", .run = inspect, .args_doc = "CODE", .min_args = 1, .max_args = 1,
	  .roles = "registrar", .flags = W, .opts = inspect_opts,
	  .summary = "record a private school's annual inspection (年检)" },
	{ .name = "designate", .run = designate, .args_doc = "CODE", .min_args = 1, .max_args = 1,
	  .roles = "registrar", .flags = W, .opts = designate_opts,
	  .summary = "confer a demonstration or experimental title" },
	{ .name = "designations", .run = designations, .opts = designations_opts,
	  .summary = "list the schools' titles" },
	{ .name = "rubric import", .run = rubric_import, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W | EDU_V_IMPORT,
	  .summary = "set a standard's rubric: indicators, levels, validity",
	  .doc = "Import rubric items: columns standard, type (indicator, level or validity), "
		 "code, name, points (an indicator's maximum, a level's threshold, the "
		 "validity's years), weight (indicators; empty: 1) and veto (an indicator's "
		 "veto line, 一票否决)." },
	{ .name = "rubric list", .run = rubric_list, .opts = rubric_list_opts,
	  .summary = "list rubric items" },
	{ .name = "evaluate new", .run = evaluate_new, .roles = "registrar", .flags = W,
	  .opts = evaluate_new_opts,
	  .summary = "open an evaluation of a school by a standard; prints its number" },
	{ .name = "evaluate scores", .run = evaluate_scores, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W | EDU_V_IMPORT,
	  .summary = "import experts' scores (evaluation,expert,indicator,points)",
	  .doc = "Import the experts' scores of open evaluations: columns evaluation, expert, "
		 "indicator, points; points above the indicator's maximum are refused." },
	{ .name = "evaluate result", .run = evaluate_result, .args_doc = "EVAL", .min_args = 1,
	  .max_args = 1,
	  .summary = "an evaluation's result: means, weighted total, veto items, level" },
	{ .name = "evaluate decide", .run = evaluate_decide, .args_doc = "[EVAL...]",
	  .max_args = EDU_ANY, .roles = "registrar", .flags = W, .opts = evaluate_decide_opts,
	  .summary = "decide evaluations: a pass confers the title, a fail names weak indicators",
	  .doc = "Decide the evaluations named as arguments or by an evaluation column on "
		 "stdin, on --on: a pass becomes the designation (until the end of the "
		 "standard's validity), a fail is recorded with its weak indicators." },
	{ .name = "evaluate list", .run = evaluate_list, .opts = evaluate_list_opts,
	  .summary = "list evaluations" },
	{ .name = "apply new", .run = apply_new, .roles = "registrar", .flags = W,
	  .opts = apply_new_opts,
	  .summary = "record a private school's application; prints its number" },
	{ .name = "apply accept", .run = apply_accept, .args_doc = "[APP...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W,
	  .summary = "accept complete applications (受理): the statutory period starts" },
	{ .name = "apply return", .run = apply_return, .args_doc = "[APP...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W, .opts = apply_return_opts,
	  .summary = "return incomplete applications, saying what is missing (补正)" },
	{ .name = "apply approve", .run = apply_approve, .args_doc = "[APP...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W, .opts = apply_approve_opts,
	  .summary = "approve accepted applications (an establishment gets its licence)" },
	{ .name = "apply refuse", .run = apply_refuse, .args_doc = "[APP...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W, .opts = apply_refuse_opts,
	  .summary = "refuse accepted applications, with the reason and document" },
	{ .name = "apply due", .run = apply_due, .opts = apply_due_opts,
	  .summary = "accepted applications due within --within days; exit 1 when none" },
	{ .name = "apply overdue", .run = apply_overdue,
	  .summary = "accepted applications past their statutory period; exit 1 when none" },
	{ .name = "apply list", .run = apply_list, .opts = apply_list_opts,
	  .summary = "list applications" },
	{ .name = "zone import", .run = zone_import, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W | EDU_V_IMPORT,
	  .summary = "set enrolment zones (zone,school_code,rank)",
	  .doc = "Import enrolment zones: columns zone, school_code and rank (1 is the "
		 "zone's home school; higher ranks take its overflow in order)." },
	{ .name = "zone list", .run = zone_list, .opts = zone_list_opts,
	  .summary = "list enrolment zones" },
	{ 0 }
};

static const struct edu_tool tool = {
	.name = "edu-school",
	.summary = "edu-school -- schools, private-school licences, inspections, "
		   "demonstration titles and enrolment zones",
	.verbs = verbs,
};

int main(int argc, char **argv)
{
	return edu_main(&tool, argc, argv);
}
