/* edu-school - schools, private-school licences and inspections,
 * demonstration titles, enrolment zones */
#define _GNU_SOURCE
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

/* ---- options ----------------------------------------------------------- */

static struct {
	struct edu_filters filters;
	const char *number, *issued, *expires, *year, *result, *note, *title,
		*since, *until, *zone;
	long expiring;
} opt = { .expiring = -1 };

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
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT d.school_code, s.name, d.title, d.since, d.until, "
		"CASE WHEN d.since <= ?1 AND (d.until IS NULL OR d.until >= ?1) "
		"THEN 'yes' ELSE 'no' END AS current "
		"FROM designation d JOIN school s USING (school_code) "
		"WHERE ?2 IS NULL OR d.title = ?2 ORDER BY d.title, d.school_code, d.since");

	sqlite3_bind_text(st, 1, edu_date_str(edu_opt.on, on), -1, SQLITE_STATIC);
	edu_bind_text(st, 2, opt.title);
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
		"  FROM zone WHERE school_code = ?1");
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
	  .summary = "show a school with its licence, inspections, titles and zones" },
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
