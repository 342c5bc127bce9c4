/* edu-assets - the fixed-asset register: depreciation, transfers, loans,
 * repairs, disposals and stocktakes (财会〔2017〕4号) */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

#define TAG_ALIASES "资产编号|资产标签|编号"

/* Filled from edu_asset_categories in main, so the categories and their
 * lives are written once. */
static struct edu_enum categories[32];

static const struct edu_enum statuses[] = {
	{ "in-use", "在用|使用中" },
	{ "idle", "闲置" },
	{ "lent", "出借|借出" },
	{ "repair", "维修|待修|维修中" },
	{ "disposed", "已处置|处置" },
	{ NULL, NULL }
};

static const struct edu_enum yes_no[] = {
	{ "yes", "是" },
	{ "no", "否" },
	{ NULL, NULL }
};

static const struct edu_enum methods[] = {
	{ "sold", "出售|转让" },
	{ "scrapped", "报废" },
	{ "transferred", "无偿调拨|调拨|划转" },
	{ "lost", "报损|丢失|灭失" },
	{ NULL, NULL }
};

enum { C_TAG, C_NAME, C_CATEGORY, C_CLASS, C_MODEL, C_UNIT, C_LOCATION,
       C_CUSTODIAN, C_ACQUIRED, C_COST, C_LIFE, C_FUNDING, C_STATUS,
       C_DISPOSED, C_BATCH, NCOLS };

static int batch_opt;	/* --batch-item */

static const struct edu_col asset_cols[NCOLS] = {
	[C_TAG] = { .name = "tag", .aliases = TAG_ALIASES, .type = EDU_C_CODE, .flags = EDU_C_KEY },
	[C_NAME] = { .name = "name", .aliases = "资产名称|名称", .type = EDU_C_NAME, .flags = EDU_C_REQUIRED },
	[C_CATEGORY] = { .name = "category", .aliases = "资产类别|类别", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = categories },
	[C_CLASS] = { .name = "class_code", .aliases = "分类代码|国标分类代码", .type = EDU_C_CODE },
	[C_MODEL] = { .name = "model", .aliases = "规格型号|型号", .type = EDU_C_TEXT },
	[C_UNIT] = { .name = "unit", .aliases = "使用单位|单位", .type = EDU_C_CODE, .flags = EDU_C_REQUIRED },
	[C_LOCATION] = { .name = "location", .aliases = "存放地点|地点", .type = EDU_C_TEXT },
	[C_CUSTODIAN] = { .name = "custodian", .aliases = "保管人|使用人", .type = EDU_C_NAME },
	[C_ACQUIRED] = { .name = "acquired_on", .aliases = "取得日期|购置日期|入账日期", .type = EDU_C_DATE,
	  .flags = EDU_C_REQUIRED | EDU_C_PAST },
	[C_COST] = { .name = "cost", .aliases = "原值|价值", .type = EDU_C_MONEY, .flags = EDU_C_REQUIRED },
	[C_LIFE] = { .name = "life_years", .aliases = "折旧年限|使用年限", .type = EDU_C_INT,
	  .min = 1, .max = 100 },
	[C_FUNDING] = { .name = "funding", .aliases = "经费来源|资金来源", .type = EDU_C_TEXT },
	[C_STATUS] = { .name = "status", .aliases = "使用状况|状态", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = statuses, .dflt = "in-use" },
	[C_DISPOSED] = { .name = "disposed_on", .aliases = "处置日期", .type = EDU_C_DATE, .flags = EDU_C_PAST },
	/* Empty, it is decided by asset_fill. */
	[C_BATCH] = { .name = "batch_item", .aliases = "批量购置|批量", .type = EDU_C_ENUM,
	  .values = yes_no },
};

/* The threshold of a fixed asset: unit value of 1000 yuan. */
#define THRESHOLD_FEN 100000

static int asset_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	const struct edu_asset_category *cat = edu_asset_category(v[C_CATEGORY]);
	char errm[EDU_ERR_MAX];
	int64_t fen = 0;

	(void)db;
	if (v[C_CLASS] && !edu_asset_class_edition(v[C_CLASS])) {
		*col = "class_code";
		snprintf(err, EDU_ERR_MAX, "'%s' is not a GB/T 14885 code: a capital letter and "
			 "6 digits (2022, e.g. A010000) or 7 digits (2010, e.g. 2010105)",
			 v[C_CLASS]);
		return -1;
	}
	if (cat && !cat->min_life && v[C_LIFE]) {
		*col = "life_years";
		snprintf(err, EDU_ERR_MAX, "a %s asset is not depreciated: leave it empty", cat->key);
		return -1;
	}
	if (cat && cat->min_life && v[C_LIFE] && atoi(v[C_LIFE]) < cat->min_life) {
		*col = "life_years";
		snprintf(err, EDU_ERR_MAX, "%s years is shorter than the minimum of %d for %s",
			 v[C_LIFE], cat->min_life, cat->key);
		return -1;
	}
	if (cat && cat->max_life && v[C_LIFE] && atoi(v[C_LIFE]) > cat->max_life) {
		*col = "life_years";
		snprintf(err, EDU_ERR_MAX, "%s years is longer than the %d to %d years of %s "
			 "(财会〔2017〕4号)", v[C_LIFE], cat->min_life, cat->max_life, cat->key);
		return -1;
	}
	edu_money_parse(v[C_COST], &fen, errm);
	if (fen < THRESHOLD_FEN && strcmp(v[C_BATCH], "yes")) {
		*col = "cost";
		snprintf(err, EDU_ERR_MAX, "%s yuan is under the 1000 yuan of a fixed asset "
			 "(unless it is a batch item: --batch-item)", v[C_COST]);
		return -1;
	}
	if (!strcmp(v[C_STATUS], "disposed") && !v[C_DISPOSED]) {
		*col = "disposed_on";
		snprintf(err, EDU_ERR_MAX, "a disposed asset needs the day it was disposed");
		return -1;
	}
	if (strcmp(v[C_STATUS], "disposed") && v[C_DISPOSED]) {
		*col = "disposed_on";
		snprintf(err, EDU_ERR_MAX, "only a disposed asset has one (status is %s)", v[C_STATUS]);
		return -1;
	}
	if (v[C_DISPOSED] && strcmp(v[C_DISPOSED], v[C_ACQUIRED]) < 0) {
		*col = "disposed_on";
		snprintf(err, EDU_ERR_MAX, "%s is before it was acquired (%s)", v[C_DISPOSED],
			 v[C_ACQUIRED]);
		return -1;
	}
	return 0;
}

/* A life left empty is the category's minimum; batch_item left empty is
 * no, or with --batch-item yes for an asset under the threshold. */
static int asset_fill(sqlite3 *db, char **v, const char **col, char *err)
{
	const struct edu_asset_category *cat = edu_asset_category(v[C_CATEGORY]);
	int64_t fen = 0;

	(void)db, (void)col;
	if (!v[C_LIFE] && cat && cat->min_life)
		v[C_LIFE] = edu_asprintf("%d", cat->min_life);
	if (!v[C_BATCH]) {
		edu_money_parse(v[C_COST], &fen, err);
		v[C_BATCH] = edu_strdup(batch_opt && fen < THRESHOLD_FEN ? "yes" : "no");
	}
	return 0;
}

/* A tag left empty is made from the pattern in the settings, by the
 * scope's sequence, once the row passed every check: a refused row uses
 * no number. */
static char *asset_new_tag(sqlite3 *db, const char *const *v, char *err)
{
	static char *pattern;
	char year[16];

	if (!pattern)
		pattern = edu_setting(db, "asset.pattern", "{unit}-{year}-{seq:5}");
	snprintf(year, sizeof year, "%04d", atoi(v[C_ACQUIRED]));
	const struct edu_placeholder ph[] = { { "unit", v[C_UNIT] }, { "year", year } };
	return edu_pattern_next(db, "asset", pattern, ph, 2, "SELECT 1 FROM asset WHERE tag = ?", err);
}

static const struct edu_entity asset = {
	.table = "asset", .what = "asset", .cols = asset_cols, .ncols = NCOLS,
	.row_check = asset_check, .fill = asset_fill, .new_key = asset_new_tag,
};

/* ---- options ----------------------------------------------------------- */

static struct {
	const char *unit, *category, *location, *status, *as_of;
	const char *to_unit, *to_location, *to_custodian, *to, *method, *doc;
	const char *by;
	int summary, record;
	long within;
} opt = { .within = 12 };

static const struct edu_option import_opts[] = {
	EDU_OPT_FLAG("batch-item", &batch_opt, "assets under 1000 yuan whose batch_item is empty are items of a large batch of durable goods, and fixed assets"),
	EDU_OPT_END
};

static const struct edu_option list_opts[] = {
	EDU_OPT_TEXT("unit", &opt.unit, "U", "assets of this unit (school code or department)"),
	EDU_OPT_TEXT("category", &opt.category, "C", "assets of this category"),
	EDU_OPT_TEXT("location", &opt.location, "L", "assets at this location"),
	EDU_OPT_TEXT("status", &opt.status, "S", "in-use, idle, lent, repair or disposed"),
	EDU_OPT_TEXT("as-of", &opt.as_of, "DATE", "the register as it was at the end of DATE"),
	EDU_OPT_END
};

static const struct edu_option transfer_opts[] = {
	EDU_OPT_TEXT("to-unit", &opt.to_unit, "U", "the unit it goes to"),
	EDU_OPT_TEXT("to-location", &opt.to_location, "L", "the location it goes to"),
	EDU_OPT_TEXT("to-custodian", &opt.to_custodian, "C", "the person who keeps it from now on"),
	EDU_OPT_END
};

static const struct edu_option lend_opts[] = {
	EDU_OPT_TEXT("to", &opt.to, "WHO", "the borrower"),
	EDU_OPT_END
};

static const struct edu_option dispose_opts[] = {
	EDU_OPT_TEXT("method", &opt.method, "M", "sold, scrapped, transferred or lost"),
	EDU_OPT_TEXT("doc", &opt.doc, "DOCNO", "the number of the approval document"),
	EDU_OPT_END
};

static struct {
	const char *amount;
	long life, life_years;
} imp_opt;

static const struct edu_option improve_opts[] = {
	EDU_OPT_TEXT("amount", &imp_opt.amount, "YUAN", "the expenditure added to the cost (改建、扩建)"),
	EDU_OPT_LONG("life", &imp_opt.life, "MONTHS", 1, 1200, "the months over which the book value after it is depreciated (default: the months left)"),
	EDU_OPT_LONG("life-years", &imp_opt.life_years, "N", 1, 100, "the same in years"),
	EDU_OPT_TEXT("doc", &opt.doc, "DOCNO", "the number of the approval document"),
	EDU_OPT_END
};

static const struct edu_option depreciate_opts[] = {
	EDU_OPT_TEXT("as-of", &opt.as_of, "YYYY-MM", "the month (default: the month before --on)"),
	EDU_OPT_TEXT("unit", &opt.unit, "U", "assets of this unit in that month"),
	EDU_OPT_FLAG("summary", &opt.summary, "totals instead of one row per asset"),
	EDU_OPT_TEXT("by", &opt.by, "KEY", "totals by category or unit (implies --summary)"),
	EDU_OPT_FLAG("record", &opt.record, "record the run and its totals in the ledger (edu-db runs); needs the assets role"),
	EDU_OPT_END
};

static const struct edu_option stocktake_opts[] = {
	EDU_OPT_TEXT("unit", &opt.unit, "U", "the assets of this unit"),
	EDU_OPT_TEXT("location", &opt.location, "L", "the assets at this location; also the location of scans that have none"),
	EDU_OPT_END
};

static const struct edu_option stats_opts[] = {
	EDU_OPT_TEXT("by", &opt.by, "KEY", "category (default), unit, location, status or funding"),
	EDU_OPT_END
};

static const struct edu_option expiring_opts[] = {
	EDU_OPT_LONG("within", &opt.within, "MONTHS", 0, 1200, "life ends within MONTHS months of --on (default 12)"),
	EDU_OPT_END
};

/* An enumerated option value as its key; exit 64 when it is not one. */
static const char *enum_arg(const char *option, const struct edu_enum *e,
			    const char *in)
{
	static char out[4][EDU_VAL_MAX];
	static int k;
	char err[EDU_ERR_MAX];

	if (!in)
		return NULL;
	k = (k + 1) % 4;
	if (edu_valid_enum(e, in, out[k], err) < 0)
		edu_die(EDU_EUSAGE, "%s: %s", option, err);
	return out[k];
}

/* ---- the register ------------------------------------------------------- */

static int asset_import(struct edu_cmd *c)
{
	return edu_import(c->db, &asset, c->argc, c->argv);
}

static int asset_list(struct edu_cmd *c)
{
	const char *category = enum_arg("--category", categories, opt.category);
	const char *status = enum_arg("--status", statuses, opt.status);

	if (!opt.as_of) {
		struct edu_filter f[4];
		int n = 0;
		if (opt.unit) f[n++] = (struct edu_filter){ "unit", opt.unit };
		if (category) f[n++] = (struct edu_filter){ "category", category };
		if (opt.location) f[n++] = (struct edu_filter){ "location", opt.location };
		if (status) f[n++] = (struct edu_filter){ "status", status };
		edu_list(c->db, &asset, n, f);
		return 0;
	}
	char day[11];
	edu_date_str(edu_arg_date("--as-of", opt.as_of), day);
	/* Each asset as its last event on or before the day left it, at
	 * the cost it had then (without the improvements made later); an
	 * asset acquired later has no such event. */
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT a.tag, a.name, a.category, a.class_code, a.model, e.unit AS unit, "
		"e.location AS location, e.custodian AS custodian, a.acquired_on, "
		"printf('%d.%02d', a.cost_then / 100, a.cost_then % 100) AS cost, a.life_years, a.funding, "
		"e.status AS status, CASE WHEN e.status = 'disposed' THEN a.disposed_on END AS disposed_on, "
		"a.batch_item "
		"FROM (SELECT *, cost - coalesce((SELECT sum(i.amount) FROM asset_event i "
		"  WHERE i.tag = asset.tag AND i.kind = 'improved' AND i.void_on IS NULL "
		"  AND i.day > ?1), 0) AS cost_then FROM asset) a "
		"JOIN asset_event e ON e.id = (SELECT x.id FROM asset_event x "
		"  WHERE x.tag = a.tag AND x.day <= ?1 AND x.void_on IS NULL ORDER BY x.day DESC, x.id DESC LIMIT 1) "
		"WHERE (?2 IS NULL OR e.unit = ?2) AND (?3 IS NULL OR a.category = ?3) "
		"AND (?4 IS NULL OR e.location = ?4) AND (?5 IS NULL OR e.status = ?5) "
		"ORDER BY a.tag");
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	edu_bind_text(st, 2, opt.unit);
	edu_bind_text(st, 3, category);
	edu_bind_text(st, 4, opt.location);
	edu_bind_text(st, 5, status);
	edu_print_stmt(st, 0);
	return 0;
}

/* show: one asset as field,value rows, its depreciation at the end of the
 * month of --on, and its history. */
static int asset_show(struct edu_cmd *c)
{
	static const char *const cols[] = { "field", "value" };
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT tag, name, category, class_code, model, unit, location, custodian, "
		"acquired_on, printf('%d.%02d', cost / 100, cost % 100) AS cost, life_years, "
		"funding, status, disposed_on, batch_item, cost AS fen, "
		EDU_ASSET_IMPROVED_SQL("?1") " FROM asset WHERE tag = ?1");

	sqlite3_bind_text(st, 1, c->argv[0], -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		edu_warn("no asset '%s'", c->argv[0]);
		return EDU_NO;
	}
	struct edu_out *o = edu_out_new(stdout, 2, cols);
	for (int i = 0; i < NCOLS; i++) {
		const char *row[] = { sqlite3_column_name(st, i),
				      (const char *)sqlite3_column_text(st, i) };
		edu_out_row(o, row);
	}
	struct edu_depreciation d;
	int added, left = -1, on = edu_month_of(edu_opt.on), nimp;
	int64_t sum;
	edu_parse_date((const char *)sqlite3_column_text(st, C_ACQUIRED), &added);
	added = edu_month_of(added);
	if (sqlite3_column_type(st, C_DISPOSED) != SQLITE_NULL) {
		edu_parse_date((const char *)sqlite3_column_text(st, C_DISPOSED), &left);
		left = edu_month_of(left);
	}
	struct edu_asset_improvement *imp =
		edu_asset_improvements((const char *)sqlite3_column_text(st, NCOLS + 1), &nimp, &sum);
	edu_depreciate(sqlite3_column_int64(st, NCOLS) - sum, sqlite3_column_int(st, C_LIFE) * 12,
		       added, left, on, imp, nimp, &d);
	free(imp);
	sqlite3_finalize(st);
	char m[8], a[32], b[32], mo[32], n[16], co[32], e[8];
	snprintf(n, sizeof n, "%d", d.months);
	edu_month_str(on, m);
	const char *const dep[][2] = {
		{ "depreciated to", m }, { "cost then", edu_money_str(d.cost, co) },
		{ "months", n },
		{ "monthly", edu_money_str(d.monthly, mo) },
		{ "accumulated", edu_money_str(d.accumulated, a) },
		{ "book_value", edu_money_str(d.book_value, b) },
		{ "life ends", d.ends >= 0 ? edu_month_str(d.ends, e) : NULL },
	};
	for (size_t i = 0; i < sizeof dep / sizeof *dep; i++)
		edu_out_row(o, dep[i]);

	st = edu_prepare(c->db,
		"SELECT 'event ' || day, kind || ': ' || status || ', unit ' || unit || "
		"coalesce(', location ' || location, '') || coalesce(', custodian ' || custodian, '') || "
		"coalesce(', to ' || party, '') || coalesce(', ' || method, '') || "
		"CASE WHEN amount IS NOT NULL THEN printf(', cost +%d.%02d', amount / 100, amount % 100) "
		"ELSE '' END || "
		"coalesce(', life ' || life_months || ' months', '') || "
		"coalesce(', doc ' || doc, '') || coalesce(' [void: ' || void_reason || ']', '') "
		"FROM asset_event WHERE tag = ?1 ORDER BY day, id");
	sqlite3_bind_text(st, 1, c->argv[0], -1, SQLITE_STATIC);
	edu_out_stmt(o, st);
	sqlite3_finalize(st);
	edu_out_end(o);
	return 0;
}

/* ---- events: transfer, lend, return, repair, dispose ------------------- */

struct event {
	const char *kind;
	const char *done;		/* "transferred", for the summary */
	const char *const *from;	/* statuses it may start from */
	const char *to;			/* the status after; NULL: the same */
	const char *unit, *location, *custodian;	/* NULL: the same */
	const char *party, *method, *doc;
};

static int allowed(const char *const *from, const char *status)
{
	for (; *from; from++)
		if (!strcmp(*from, status))
			return 1;
	return 0;
}

/* The statements of an event run, prepared once in its transaction. */
struct event_run {
	const struct event *ev;
	sqlite3_stmt *get, *add, *upd;
};

static void event_start(struct edu_cmd *c, void *ctx)
{
	struct event_run *r = ctx;

	r->get = edu_prepare(c->db,
		"SELECT status, unit, location, custodian, acquired_on, disposed_on, "
		"(SELECT max(day) FROM asset_event WHERE tag = ?1 AND void_on IS NULL) "
		"FROM asset WHERE tag = ?1");
	r->add = edu_prepare(c->db,
		"INSERT INTO asset_event(tag, day, kind, status, unit, location, custodian, "
		"party, method, doc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	r->upd = edu_prepare(c->db,
		"UPDATE asset SET status = ?2, unit = ?3, location = ?4, custodian = ?5, "
		"disposed_on = ?6 WHERE tag = ?1");
}

static void event_end(struct edu_cmd *c, void *ctx)
{
	struct event_run *r = ctx;

	(void)c;
	sqlite3_finalize(r->get);
	sqlite3_finalize(r->add);
	sqlite3_finalize(r->upd);
}

static int same_text(const char *a, const char *b)
{
	return a ? b && !strcmp(a, b) : !b;
}

static void event_write(struct edu_cmd *c, struct event_run *r, const char *tag,
			const char *on, char *const old[6], const char *const new[6])
{
	const struct event *ev = r->ev;
	const char *evv[] = { tag, on, ev->kind, new[0], new[1], new[2], new[3],
			      ev->party, ev->method, ev->doc };

	sqlite3_reset(r->add);
	for (int j = 0; j < 10; j++)
		edu_bind_text(r->add, j + 1, evv[j]);
	edu_exec_stmt(c->db, r->add);
	sqlite3_reset(r->upd);
	sqlite3_bind_text(r->upd, 1, tag, -1, SQLITE_STATIC);
	for (int j = 0; j < 4; j++)
		edu_bind_text(r->upd, j + 2, new[j]);
	edu_bind_text(r->upd, 6, new[5]);
	edu_exec_stmt(c->db, r->upd);
	static const char *const names[] = { "status", "unit", "location", "custodian",
					     "disposed_on", "event", "on", "party", "method", "doc" };
	const char *o[10] = { old[0], old[1], old[2], old[3], old[5] };
	const char *nv[10] = { new[0], new[1], new[2], new[3], new[5], ev->kind, on,
			       ev->party, ev->method, ev->doc };
	edu_audit_change(c->db, "asset", tag, 10, names, o, nv);
}

/* One asset takes the event, or is refused with the reason. */
static int event_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	struct event_run *r = ctx;
	const struct event *ev = r->ev;
	const char *tag = k->key;
	int rc = EDU_KEY_DONE;

	sqlite3_reset(r->get);
	sqlite3_bind_text(r->get, 1, tag, -1, SQLITE_STATIC);
	int found = sqlite3_step(r->get);
	if (found != SQLITE_ROW && found != SQLITE_DONE)
		edu_die_db(c->db, "cannot read the register");
	if (found != SQLITE_ROW)
		return EDU_KEY_MISSING;
	char *old[6];
	for (int j = 0; j < 6; j++) {
		const char *v = (const char *)sqlite3_column_text(r->get, j);
		old[j] = v ? edu_strdup(v) : NULL;
	}
	const char *last = (const char *)sqlite3_column_text(r->get, 6);
	const char *new[6] = {
		ev->to ? ev->to : old[0],
		ev->unit ? ev->unit : old[1],
		ev->location ? ev->location : old[2],
		ev->custodian ? ev->custodian : old[3],
		old[4],
		ev->to && !strcmp(ev->to, "disposed") ? k->on : old[5],
	};
	if (!allowed(ev->from, old[0]))
		rc = edu_key_refuse(k, "is %s: it cannot take a %s", old[0], ev->kind);
	else if (strcmp(k->on, old[4]) < 0)
		rc = edu_key_refuse(k, "was acquired on %s, after --on %s", old[4], k->on);
	else if (edu_key_in_order(k, last) < 0)
		rc = EDU_KEY_REFUSED;
	else if (!strcmp(ev->kind, "transfer") && !strcmp(new[1], old[1]) &&
		 same_text(old[2], new[2]) && same_text(old[3], new[3]))
		rc = EDU_KEY_SAME;
	else
		event_write(c, r, tag, k->on, old, new);
	for (int j = 0; j < 6; j++)
		free(old[j]);
	return rc;
}

/* Every key, or none: through the key-verb driver. */
static int apply(struct edu_cmd *c, const struct event *ev)
{
	struct event_run r = { .ev = ev };
	const struct edu_keyverb kv = {
		.col = "tag", .aliases = TAG_ALIASES, .noun = "asset",
		.done = ev->done, .start = event_start, .apply = event_one,
		.end = event_end,
	};

	return edu_drive(c, &kv, &r);
}

static const char *const not_gone[] = { "in-use", "idle", "lent", "repair", NULL };

static int asset_transfer(struct edu_cmd *c)
{
	static const char *const from[] = { "in-use", "idle", "repair", NULL };

	if (!opt.to_unit && !opt.to_location && !opt.to_custodian)
		edu_die(EDU_EUSAGE, "give --to-unit, --to-location or --to-custodian (see '%s transfer --help')",
			edu_prog);
	if (opt.to_unit && !*opt.to_unit)
		edu_die(EDU_EUSAGE, "--to-unit: may not be empty");
	struct event ev = { .kind = "transfer", .done = "transferred", .from = from, .unit = opt.to_unit,
			    .location = opt.to_location, .custodian = opt.to_custodian };
	return apply(c, &ev);
}

static int asset_lend(struct edu_cmd *c)
{
	static const char *const from[] = { "in-use", "idle", NULL };

	edu_need_text(opt.to, "--to");
	struct event ev = { .kind = "lend", .done = "lent", .from = from, .to = "lent", .party = opt.to };
	return apply(c, &ev);
}

static int asset_return(struct edu_cmd *c)
{
	static const char *const from[] = { "lent", "repair", NULL };
	struct event ev = { .kind = "return", .done = "returned", .from = from, .to = "in-use" };

	return apply(c, &ev);
}

static int asset_repair(struct edu_cmd *c)
{
	static const char *const from[] = { "in-use", "idle", NULL };
	struct event ev = { .kind = "repair", .done = "sent to repair", .from = from, .to = "repair" };

	return apply(c, &ev);
}

static int asset_dispose(struct edu_cmd *c)
{
	edu_need_text(opt.method, "--method");
	edu_need_text(opt.doc, "--doc");
	struct event ev = { .kind = "dispose", .done = "disposed of", .from = not_gone, .to = "disposed",
			    .method = enum_arg("--method", methods, opt.method), .doc = opt.doc };
	return apply(c, &ev);
}

/* ---- improve: subsequent expenditure ------------------------------------ */

/* 政府会计准则第3号——固定资产 (财会〔2016〕12号) and its 应用指南 (财会
 * 〔2017〕4号): subsequent expenditure that meets the recognition
 * criteria (改建、扩建 that add to the service potential or the life) is
 * added to the cost, and the depreciation is worked out again over the
 * remaining or a re-estimated life (libedu/assets.c, edu_depreciate). */
struct improve_run {
	struct event_run st;	/* its own get, add and upd; first, so that
				 * event_end finalises them */
	int64_t amount;		/* fen */
	int life;		/* months; 0: the months left */
};

static void improve_start(struct edu_cmd *c, void *ctx)
{
	struct event_run *r = &((struct improve_run *)ctx)->st;

	r->get = edu_prepare(c->db,
		"SELECT status, unit, location, custodian, acquired_on, category, life_years, cost, "
		"(SELECT max(day) FROM asset_event WHERE tag = ?1), "
		EDU_ASSET_IMPROVED_SQL("?1") " FROM asset WHERE tag = ?1");
	r->add = edu_prepare(c->db,
		"INSERT INTO asset_event(tag, day, kind, status, unit, location, custodian, doc, "
		"amount, life_months) VALUES (?1, ?2, 'improved', ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	r->upd = edu_prepare(c->db, "UPDATE asset SET cost = ?2 WHERE tag = ?1");
}

/* 0, or EDU_KEY_REFUSED with the reason the asset cannot take the
 * expenditure on k->on; *old_cost is its cost before. */
static int improve_refused(struct improve_run *r, struct edu_key *k, int64_t *old_cost)
{
	sqlite3_stmt *g = r->st.get;
	const char *status = (const char *)sqlite3_column_text(g, 0);
	const char *acquired = (const char *)sqlite3_column_text(g, 4);
	const char *category = (const char *)sqlite3_column_text(g, 5);
	const struct edu_asset_category *cat = edu_asset_category(category);
	int on, nimp, acq;
	int64_t sum;
	char today[11], e[8];

	*old_cost = sqlite3_column_int64(g, 7);
	edu_parse_date(k->on, &on);
	if (!allowed(not_gone, status))
		return edu_key_refuse(k, "is %s: it cannot take an improvement", status);
	if (!cat || !cat->min_life || sqlite3_column_type(g, 6) == SQLITE_NULL)
		return edu_key_refuse(k, "a %s asset is not depreciated: subsequent expenditure "
				      "on it is not recorded here", category);
	if (strcmp(k->on, acquired) < 0)
		return edu_key_refuse(k, "was acquired on %s, after --on %s", acquired, k->on);
	if (edu_key_in_order(k, (const char *)sqlite3_column_text(g, 8)) < 0)
		return EDU_KEY_REFUSED;
	/* What was spent has happened: --on is not a day to come. */
	if (on > edu_today())
		return edu_key_refuse(k, "--on %s is after today, %s: an expenditure not yet "
				      "made cannot be recorded", k->on, edu_date_str(edu_today(), today));
	if (*old_cost > EDU_MONEY_MAX_FEN - r->amount)
		return edu_key_refuse(k, "its cost would be more than the largest amount");
	if (r->life)
		return 0;
	/* Without a new life, the months left of the one in force: none
	 * left (fully depreciated) needs one. */
	struct edu_asset_improvement *imp =
		edu_asset_improvements((const char *)sqlite3_column_text(g, 9), &nimp, &sum);
	struct edu_depreciation d;
	edu_parse_date(acquired, &acq);
	edu_depreciate(*old_cost - sum, sqlite3_column_int(g, 6) * 12, edu_month_of(acq), -1,
		       edu_month_of(on), imp, nimp, &d);
	free(imp);
	if (d.ends <= edu_month_of(on))
		return edu_key_refuse(k, "its life ended in %s: give the months to depreciate "
				      "the expenditure over (--life or --life-years)",
				      edu_month_str(d.ends, e));
	return 0;
}

static int improve_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	struct improve_run *r = ctx;
	struct event_run *st = &r->st;
	int64_t old_cost;

	sqlite3_reset(st->get);
	sqlite3_bind_text(st->get, 1, k->key, -1, SQLITE_STATIC);
	int found = sqlite3_step(st->get);
	if (found != SQLITE_ROW && found != SQLITE_DONE)
		edu_die_db(c->db, "cannot read the register");
	if (found != SQLITE_ROW)
		return EDU_KEY_MISSING;
	if (improve_refused(r, k, &old_cost) < 0)
		return EDU_KEY_REFUSED;
	sqlite3_reset(st->add);
	sqlite3_bind_text(st->add, 1, k->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st->add, 2, k->on, -1, SQLITE_STATIC);
	for (int j = 0; j < 4; j++)
		edu_bind_text(st->add, j + 3, (const char *)sqlite3_column_text(st->get, j));
	edu_bind_text(st->add, 7, opt.doc);
	sqlite3_bind_int64(st->add, 8, r->amount);
	if (r->life)
		sqlite3_bind_int(st->add, 9, r->life);
	else
		sqlite3_bind_null(st->add, 9);
	edu_exec_stmt(c->db, st->add);
	sqlite3_reset(st->upd);
	sqlite3_bind_text(st->upd, 1, k->key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st->upd, 2, old_cost + r->amount);
	edu_exec_stmt(c->db, st->upd);

	static const char *const names[] = { "cost", "event", "on", "amount", "life_months", "doc" };
	char was[32], now[32], amount[32], life[16];
	snprintf(life, sizeof life, "%d", r->life);
	const char *o[6] = { edu_money_str(old_cost, was) };
	const char *nv[6] = { edu_money_str(old_cost + r->amount, now), "improved", k->on,
			      edu_money_str(r->amount, amount), r->life ? life : NULL, opt.doc };
	edu_audit_change(c->db, "asset", k->key, 6, names, o, nv);
	return EDU_KEY_DONE;
}

static int asset_improve(struct edu_cmd *c)
{
	char err[EDU_ERR_MAX];
	struct improve_run r = { 0 };

	edu_need_text(imp_opt.amount, "--amount");
	if (edu_money_parse(imp_opt.amount, &r.amount, err) < 0)
		edu_die(EDU_EUSAGE, "--amount: %s", err);
	if (r.amount <= 0)
		edu_die(EDU_EUSAGE, "--amount: an expenditure of %s yuan adds nothing to the cost",
			imp_opt.amount);
	if (imp_opt.life && imp_opt.life_years)
		edu_die(EDU_EUSAGE, "give --life or --life-years, not both");
	r.life = (int)(imp_opt.life ? imp_opt.life : imp_opt.life_years * 12);
	if (opt.doc && !*opt.doc)
		opt.doc = NULL;
	const struct edu_keyverb kv = {
		.col = "tag", .aliases = TAG_ALIASES, .noun = "asset",
		.done = "improved", .start = improve_start, .apply = improve_one,
		.end = event_end,
	};
	return edu_drive(c, &kv, &r);
}

/* ---- depreciation -------------------------------------------------------- */

static void put_totals(struct edu_out *o, const char *key, const struct edu_asset_totals *t)
{
	char s[32], n[24];

	edu_out_cell(o, key, EDU_V_TEXT);
	snprintf(n, sizeof n, "%ld", t->n);
	edu_out_cell(o, n, EDU_V_NUM);
	edu_out_cell(o, edu_money_str(t->cost, s), EDU_V_NUM);
	edu_out_cell(o, edu_money_str(t->month, s), EDU_V_NUM);
	edu_out_cell(o, edu_money_str(t->accumulated, s), EDU_V_NUM);
	edu_out_cell(o, edu_money_str(t->book_value, s), EDU_V_NUM);
}

/* One asset's row of the report. */
static void put_asset(struct edu_out *o, sqlite3_stmt *st, int64_t cost,
		      const struct edu_depreciation *dep)
{
	char s[32], n[16];

	for (int i = 0; i < 5; i++)
		edu_out_cell(o, (const char *)sqlite3_column_text(st, i), EDU_V_TEXT);
	edu_out_cell(o, edu_money_str(cost, s), EDU_V_NUM);
	edu_out_cell(o, (const char *)sqlite3_column_text(st, 6), EDU_V_NUM);
	snprintf(n, sizeof n, "%d", dep->months);
	edu_out_cell(o, n, EDU_V_NUM);
	edu_out_cell(o, edu_money_str(dep->monthly, s), EDU_V_NUM);
	edu_out_cell(o, edu_money_str(dep->month, s), EDU_V_NUM);
	edu_out_cell(o, edu_money_str(dep->accumulated, s), EDU_V_NUM);
	edu_out_cell(o, edu_money_str(dep->book_value, s), EDU_V_NUM);
}

/* The report's rows: one per asset, or (--summary) one per group in the
 * statement's order and the total; the total in *all. */
static void depreciation_rows(struct edu_out *o, sqlite3_stmt *st, int month,
			      int by_col, const char *ym, struct edu_asset_totals *all)
{
	struct edu_asset_totals group = { 0 };
	char *key = NULL;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct edu_depreciation dep;
		int64_t cost;

		edu_asset_month_row(st, month, &cost, &dep);
		edu_asset_totals_add(all, cost, &dep);
		edu_progress("depreciate", all->n, 0);
		if (!opt.summary) {
			put_asset(o, st, cost, &dep);
			continue;
		}
		const char *k = by_col >= 0 ? (const char *)sqlite3_column_text(st, by_col) : "";
		if (!k)
			k = "";
		if (key && strcmp(key, k)) {
			put_totals(o, key, &group);
			memset(&group, 0, sizeof group);
		}
		if (!key || strcmp(key, k)) {
			free(key);
			key = edu_strdup(k);
		}
		edu_asset_totals_add(&group, cost, &dep);
	}
	edu_progress_end();
	if (rc != SQLITE_DONE)
		edu_die_db(sqlite3_db_handle(st), "cannot read the register");
	if (opt.summary) {
		if (key && by_col >= 0)
			put_totals(o, key, &group);
		put_totals(o, by_col >= 0 ? "total" : ym, all);
	}
	free(key);
}

static int asset_depreciate(struct edu_cmd *c)
{
	static const char *const cols[] = { "tag", "name", "category", "unit", "acquired_on",
		"cost", "life_years", "months", "monthly", "charge", "accumulated", "book_value" };
	static const char *sum_cols[] = { "month", "assets", "cost", "charge",
					  "accumulated", "book_value" };
	int month, by_unit = 0;

	if (opt.as_of) {
		if (edu_parse_month(opt.as_of, &month) < 0)
			edu_die(EDU_EUSAGE, "--as-of: '%s' is not a month (YYYY-MM)", opt.as_of);
	} else {
		month = edu_month_of(edu_opt.on) - 1;
	}
	/* --by implies --summary. */
	if (opt.by)
		opt.summary = 1;
	if (opt.by && !(by_unit = !strcmp(opt.by, "unit")) && strcmp(opt.by, "category"))
		edu_die(EDU_EUSAGE, "--by: '%s' is not one of category, unit", opt.by);
	/* A recorded run reads the register in its own transaction, so the
	 * totals in the ledger are those of the rows printed. */
	struct edu_run run;
	if (opt.record) {
		edu_access(c->user, c->role, "assets");
		edu_run_start(&run);
		edu_begin(c->db);
	}
	char ym[8];
	edu_month_str(month, ym);
	sqlite3_stmt *st = edu_asset_month_stmt(c->db, month, opt.unit, by_unit, opt.by != NULL);
	if (opt.by)
		sum_cols[0] = by_unit ? "unit" : "category";
	struct edu_out *o = opt.summary ? edu_out_new(stdout, 6, sum_cols)
					: edu_out_new(stdout, 12, cols);
	struct edu_asset_totals all = { 0 };
	if (opt.by)
		edu_out_chart(o, 'c', by_unit ? "Depreciation by unit" : "Depreciation by category",
			      "charge|accumulated|book_value");
	depreciation_rows(o, st, month, opt.by ? (by_unit ? 3 : 2) : -1, ym, &all);
	sqlite3_finalize(st);
	edu_out_end(o);
	if (opt.record) {
		char a[32], b[32], d[32], e[32];
		char *counts = edu_asprintf("month=%s assets=%ld cost=%s charge=%s accumulated=%s book_value=%s",
					    ym, all.n, edu_money_str(all.cost, a),
					    edu_money_str(all.month, b),
					    edu_money_str(all.accumulated, d),
					    edu_money_str(all.book_value, e));
		edu_run_finish(c->db, &run, counts, 0);
		edu_finish(c->db);
		free(counts);
	}
	return 0;
}

/* ---- stocktake ----------------------------------------------------------- */

/* The stocktake's row, its counts and audit, after the comparison. */
static int stocktake_record(struct edu_cmd *c, int64_t id, const char *on,
			    const long count[4], struct edu_run *run)
{
	char ids[24], f[24], m[24], mi[24], u[24];

	snprintf(ids, sizeof ids, "%" PRId64, id);
	snprintf(f, sizeof f, "%ld", count[0]);
	snprintf(m, sizeof m, "%ld", count[1]);
	snprintf(mi, sizeof mi, "%ld", count[2]);
	snprintf(u, sizeof u, "%ld", count[3]);
	const char *q[] = { f, m, mi, u, ids };
	edu_exec(c->db, "UPDATE stocktake SET found = ?, moved = ?, missing = ?, unexpected = ? "
		 "WHERE id = ?", 5, q);
	char *counts = edu_asprintf("found=%ld moved=%ld missing=%ld unexpected=%ld",
				    count[0], count[1], count[2], count[3]);
	char *change = edu_asprintf("{\"day\":\"%s\",\"found\":%ld,\"moved\":%ld,\"missing\":%ld,\"unexpected\":%ld}",
				    on, count[0], count[1], count[2], count[3]);
	int status = count[1] + count[2] + count[3] ? EDU_NO : 0;
	edu_audit(c->db, "stocktake", ids, change);
	edu_run_finish(c->db, run, counts, status);
	free(counts);
	free(change);
	return status;
}

static int asset_stocktake(struct edu_cmd *c)
{
	static const struct edu_colname cn[] = { { "tag", TAG_ALIASES }, { "location", "存放地点|地点" } };
	static const char *const cols[] = { "tag", "name", "unit", "location",
					    "scanned_location", "result" };
	struct edu_csv *r = edu_csv_open(c->argc ? c->argv[0] : "-");
	int map[2];
	char on[11];

	if (!r)
		return EDU_ENOINPUT;
	if (edu_csv_header(r, cn, 2, 1, map) < 0) {
		edu_csv_close(r);
		return EDU_EDATA;
	}
	if (map[0] < 0) {
		edu_warn("%s:%ld: the column 'tag' is missing", edu_csv_name(r), edu_csv_line(r));
		edu_csv_close(r);
		return EDU_EDATA;
	}
	struct edu_run run;
	edu_run_start(&run);
	edu_begin(c->db);
	int scanned = edu_stocktake_scan(c->db, r, map, opt.location);
	edu_csv_close(r);
	if (scanned < 0) {
		edu_rollback(c->db);
		edu_warn("nothing written");
		return EDU_EDATA;
	}
	edu_date_str(edu_opt.on, on);
	const char *p[] = { on, opt.unit, opt.location, c->user };
	edu_exec(c->db, "INSERT INTO stocktake(day, unit, location, user, found, moved, missing, unexpected) "
		 "VALUES (?, ?, ?, ?, 0, 0, 0, 0)", 4, p);
	int64_t id = sqlite3_last_insert_rowid(c->db);
	long count[4] = { 0 };
	struct edu_out *o = edu_out_new(stdout, 6, cols);
	edu_stocktake_compare(c->db, id, opt.unit, opt.location, o, count);
	edu_out_end(o);
	int status = stocktake_record(c, id, on, count, &run);
	edu_finish(c->db);
	if (!edu_opt.quiet)
		edu_warn("stocktake %" PRId64 ": %ld found, %ld moved, %ld missing, %ld unexpected",
			 id, count[0], count[1], count[2], count[3]);
	return status;
}

/* ---- reports --------------------------------------------------------------- */

static int asset_stats(struct edu_cmd *c)
{
	/* The grouping column comes from this table, never from the
	 * command line. */
	static const char *const by[][2] = {
		{ "category", "SELECT category, count(*) AS assets, printf('%d.%02d', sum(cost) / 100, sum(cost) % 100) AS cost FROM asset GROUP BY category ORDER BY category" },
		{ "unit", "SELECT unit, count(*) AS assets, printf('%d.%02d', sum(cost) / 100, sum(cost) % 100) AS cost FROM asset GROUP BY unit ORDER BY unit" },
		{ "location", "SELECT location, count(*) AS assets, printf('%d.%02d', sum(cost) / 100, sum(cost) % 100) AS cost FROM asset GROUP BY location ORDER BY location" },
		{ "status", "SELECT status, count(*) AS assets, printf('%d.%02d', sum(cost) / 100, sum(cost) % 100) AS cost FROM asset GROUP BY status ORDER BY status" },
		{ "funding", "SELECT funding, count(*) AS assets, printf('%d.%02d', sum(cost) / 100, sum(cost) % 100) AS cost FROM asset GROUP BY funding ORDER BY funding" },
	};
	const char *key = opt.by ? opt.by : "category";

	/* The tools take no cost above the largest amount, so SQLite's
	 * sums cannot overflow short of 9 million such items; a file edited
	 * by hand is refused here rather than as an SQL error. */
	char maxfen[24];
	snprintf(maxfen, sizeof maxfen, "%" PRId64, EDU_MONEY_MAX_FEN);
	const char *p[] = { maxfen };
	char *tag = edu_query1(c->db, "SELECT tag FROM asset WHERE cost > CAST(? AS INTEGER) OR cost < 0 LIMIT 1", 1, p);
	if (tag)
		edu_die(EDU_EDATA, "asset %s: its cost is more than the largest amount", tag);

	for (size_t i = 0; i < sizeof by / sizeof *by; i++)
		if (!strcmp(by[i][0], key)) {
			char *title = edu_asprintf("Cost by %s", key);
			edu_print_chart(edu_prepare(c->db, by[i][1]), 0, 'c', title, "cost");
			free(title);
			return 0;
		}
	edu_die(EDU_EUSAGE, "--by: '%s' is not one of category, unit, location, status, funding", key);
}

static int asset_expiring(struct edu_cmd *c)
{
	/* The last month of an asset's life: its first month plus its life,
	 * less one, or where its improvements to --on moved it. */
	edu_asset_functions(c->db);
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT tag, name, category, unit, location, acquired_on, life_years, "
		"printf('%04d-%02d', last / 12, last % 12 + 1) AS life_ends, last - ?1 AS months_left "
		"FROM (SELECT *, life_ends(acquired_on, cost, life_years, "
		EDU_ASSET_IMPROVED_SQL("asset.tag") ", ?1) AS last "
		"  FROM asset WHERE status <> 'disposed' AND life_years IS NOT NULL) "
		"WHERE last BETWEEN ?1 AND ?1 + ?2 ORDER BY last, tag");

	sqlite3_bind_int(st, 1, edu_month_of(edu_opt.on));
	sqlite3_bind_int64(st, 2, opt.within);
	return edu_print_stmt(st, 1) ? 0 : EDU_NO;
}

/* ---- corrections (issue 17) ------------------------------------------------ */

static int events(struct edu_cmd *c)
{
	return edu_events_verb(c, &edu_asset_events);
}

static int void_events(struct edu_cmd *c)
{
	return edu_void_verb(c, &edu_asset_events);
}

#define W EDU_V_WRITE
static const struct edu_verb verbs[] = {
	{ .name = "import", .run = asset_import, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = "assets", .flags = W | EDU_V_IMPORT, .opts = import_opts,
	  .summary = "add assets from CSV (or update them with --upsert)",
	  .doc = "Import assets from CSV files (none or '-': standard input).  Columns: tag, name, "
	  "category, class_code, model, unit, location, custodian, acquired_on, cost, "
	  "life_years, funding, status, disposed_on, batch_item; see edu-assets(1)." },
	{ .name = "list", .run = asset_list, .opts = list_opts,
	  .summary = "list assets, now or as they were on a day" },
	{ .name = "show", .run = asset_show, .args_doc = "TAG", .min_args = 1, .max_args = 1,
	  .summary = "show an asset with its depreciation and history" },
	{ .name = "transfer", .run = asset_transfer, .args_doc = "[TAG...]", .max_args = EDU_ANY,
	  .roles = "assets", .flags = W, .opts = transfer_opts,
	  .summary = "move assets to another unit, location or custodian",
	  .doc = "Move assets (TAG arguments, or the tag column of a CSV on standard input) to "
	  "another unit, location or custodian, on --on." },
	{ .name = "lend", .run = asset_lend, .args_doc = "[TAG...]", .max_args = EDU_ANY,
	  .roles = "assets", .flags = W, .opts = lend_opts,
	  .summary = "lend assets out" },
	{ .name = "return", .run = asset_return, .args_doc = "[TAG...]", .max_args = EDU_ANY,
	  .roles = "assets", .flags = W,
	  .summary = "take back assets that were lent or under repair" },
	{ .name = "repair", .run = asset_repair, .args_doc = "[TAG...]", .max_args = EDU_ANY,
	  .roles = "assets", .flags = W,
	  .summary = "send assets for repair" },
	{ .name = "dispose", .run = asset_dispose, .args_doc = "[TAG...]", .max_args = EDU_ANY,
	  .roles = "assets", .flags = W, .opts = dispose_opts,
	  .summary = "dispose of assets (sold, scrapped, transferred, lost)" },
	{ .name = "improve", .run = asset_improve, .args_doc = "[TAG...]", .max_args = EDU_ANY,
	  .roles = "assets", .flags = W, .opts = improve_opts,
	  .summary = "add subsequent expenditure (改建、扩建) to the cost, on --on",
	  .doc = "Record subsequent expenditure on assets (TAG arguments, or the tag column of a "
	  "CSV on standard input) made on --on: --amount is added to the cost, and from the "
	  "next month the book value is depreciated over --life months (or --life-years), "
	  "or the months left of its life." },
	{ .name = "depreciate", .run = asset_depreciate, .opts = depreciate_opts,
	  .summary = "depreciation to the end of a month, per asset or in totals" },
	{ .name = "stocktake", .run = asset_stocktake, .args_doc = "[FILE]", .max_args = 1,
	  .roles = "assets", .flags = W, .opts = stocktake_opts,
	  .summary = "check scanned tags against the register, and record it",
	  .doc = "Read a CSV of scanned tags (columns tag and, optionally, location) from FILE or "
	  "standard input, and give each asset in scope its result: found, moved, missing or "
	  "unexpected.  Exit status 1 when there is any discrepancy." },
	{ .name = "stats", .run = asset_stats, .opts = stats_opts,
	  .summary = "counts and original cost by category, unit, location, status or funding" },
	{ .name = "expiring", .run = asset_expiring, .opts = expiring_opts,
	  .summary = "assets whose life ends within some months" },
	EDU_VERBS_CORRECTIONS(events, void_events, "TAG", NULL, "assets"),
	{ 0 }
};

static const struct edu_tool tool = {
	.name = "edu-assets",
	.summary = "edu-assets -- the fixed-asset register: depreciation, transfers, loans, "
		   "repairs, disposals and stocktakes",
	.verbs = verbs,
};

int main(int argc, char **argv)
{
	size_t n = 0;

	for (const struct edu_asset_category *c = edu_asset_categories;
	     c->key && n + 1 < sizeof categories / sizeof *categories; c++, n++)
		categories[n] = (struct edu_enum){ c->key, c->zh };
	return edu_main(&tool, argc, argv);
}
