/* assets.c - fixed assets: money in fen, the categories and their lives,
 * monthly depreciation (财会〔2017〕4号), tag patterns */
#define _GNU_SOURCE
#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* The largest amount of one item, 10,000,000,000.00 yuan (100亿元): a
 * million items at that still sum to 1e18 fen, well inside int64, and
 * cost * months never comes near it.  Sums are checked all the same. */
#define MONEY_MAX_FEN EDU_MONEY_MAX_FEN

int edu_money_parse(const char *s, int64_t *fen, char *err)
{
	const char *p = s;
	int64_t yuan = 0, cents = 0;
	int digits = 0, decimals = 0, big = 0;

	if (!strncmp(p, "¥", strlen("¥")))
		p += strlen("¥");
	else if (!strncmp(p, "￥", strlen("￥")))
		p += strlen("￥");
	for (; isdigit((unsigned char)*p) || (*p == ',' && digits); p++) {
		if (*p == ',')
			continue;
		/* Keep reading past the maximum: the refusal names it only
		 * for a well-formed amount. */
		if (yuan > MONEY_MAX_FEN / 100)
			big = 1;
		else
			yuan = yuan * 10 + (*p - '0');
		digits++;
	}
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++) {
			/* A third decimal is a fraction of a fen: refuse it
			 * rather than round money silently. */
			if (++decimals > 2)
				goto bad;
			cents = cents * 10 + (*p - '0');
		}
		if (!decimals)
			goto bad;
	}
	if (decimals == 1)
		cents *= 10;
	if (!strcmp(p, "元"))
		p += strlen("元");
	if (!digits || *p || p[-1] == ',')
		goto bad;
	if (big || yuan * 100 + cents > MONEY_MAX_FEN) {
		char max[32];

		snprintf(err, EDU_ERR_MAX, "'%s' is more than the largest amount, %s yuan",
			 s, edu_money_str(MONEY_MAX_FEN, max));
		return -1;
	}
	*fen = yuan * 100 + cents;
	return 0;
bad:
	snprintf(err, EDU_ERR_MAX, "'%s' is not an amount in yuan (like 1234.50)", s);
	return -1;
}

void edu_money_add(int64_t *sum, int64_t fen)
{
	if (__builtin_add_overflow(*sum, fen, sum))
		edu_die(EDU_EDATA, "a sum of amounts is too large to count "
			"(the register holds amounts above %" PRId64 " yuan)",
			EDU_MONEY_MAX_FEN / 100);
}

char *edu_money_str(int64_t fen, char out[32])
{
	snprintf(out, 32, "%s%" PRId64 ".%02" PRId64, fen < 0 ? "-" : "",
		 (fen < 0 ? -fen : fen) / 100, (fen < 0 ? -fen : fen) % 100);
	return out;
}

int edu_month_of(int days)
{
	int y, m, d;

	edu_ymd(days, &y, &m, &d);
	return y * 12 + m - 1;
}

int edu_parse_month(const char *s, int *month)
{
	char *end;
	long y, m;

	if (!isdigit((unsigned char)s[0]) || strlen(s) > 7)
		return -1;
	y = strtol(s, &end, 10);
	if (end - s != 4 || *end != '-' || !isdigit((unsigned char)end[1]))
		return -1;
	m = strtol(end + 1, &end, 10);
	if (*end || y < 1900 || m < 1 || m > 12)
		return -1;
	*month = (int)(y * 12 + m - 1);
	return 0;
}

char *edu_month_str(int month, char out[8])
{
	unsigned y = (unsigned)(month < 0 ? 0 : month / 12) % 10000;
	unsigned m = (unsigned)(month < 0 ? 0 : month % 12) + 1;

	snprintf(out, 8, "%04u-%02u", y, m % 100);
	return out;
}

/* GB/T 14885 classification codes are stored as given; their form tells
 * the edition.  2010 (固定资产分类与代码, clause 4): four levels in seven
 * digits, the first the 门类 1-6 (1 土地、房屋及构筑物 ... 6 家具、用具、装具
 * 及动植物), then two each for 大类, 中类, 小类: 2010105.  2022 (固定资产等
 * 资产基础分类与代码): a capital letter for the 门类 and six digits, as the
 * tables are headed (A010000 房屋和构筑物).  Only the form is checked, not
 * the tables; longer 2022 codes, if the standard has them, could not be
 * verified and are refused (the man page says so). */
const char *edu_asset_class_edition(const char *code)
{
	size_t n = strlen(code);

	if (n == 7 && strspn(code, "0123456789") == 7 && code[0] >= '1' && code[0] <= '6')
		return "GB/T 14885-2010";
	if (n == 7 && code[0] >= 'A' && code[0] <= 'Z' && strspn(code + 1, "0123456789") == 6)
		return "GB/T 14885-2022";
	return NULL;
}

/* The minimum lives in years of the annex of 财会〔2017〕4号 (政府固定资产
 * 折旧年限表); for special equipment (专用设备) the annex gives a range,
 * within which the unit chooses: its bottom is the minimum, its top the
 * maximum.  0: not depreciated. */
const struct edu_asset_category edu_asset_categories[] = {
	/* 房屋及构筑物 */
	{ "building-steel", "钢结构房屋|钢结构", 50, 0 },
	{ "building-concrete", "钢筋混凝土结构房屋|钢筋混凝土结构", 50, 0 },
	{ "building-brick", "砖混结构房屋|砖混结构", 30, 0 },
	{ "building-brick-wood", "砖木结构房屋|砖木结构", 30, 0 },
	{ "building-simple", "简易房", 8, 0 },
	{ "building-fixture", "房屋附属设施|附属设施", 8, 0 },
	{ "structure", "构筑物", 8, 0 },
	/* 通用设备 */
	{ "computer", "计算机设备|计算机", 6, 0 },
	{ "office", "办公设备", 6, 0 },
	{ "vehicle", "车辆", 8, 0 },
	{ "library-equipment", "图书档案设备", 5, 0 },
	{ "machinery", "机械设备", 10, 0 },
	{ "electrical", "电气设备", 5, 0 },
	{ "communication", "通信设备", 5, 0 },
	{ "broadcast", "广播电视电影设备|广播电视设备", 5, 0 },
	{ "instrument", "仪器仪表", 5, 0 },
	/* 专用设备: those a school has */
	{ "medical", "医疗设备", 5, 10 },
	{ "sports", "体育设备", 5, 15 },
	{ "arts", "文艺设备", 5, 15 },
	{ "entertainment", "娱乐设备", 5, 15 },
	{ "special-instrument", "专用仪器仪表", 5, 10 },
	/* 家具、用具及装具 */
	{ "furniture", "家具", 15, 0 },
	{ "utensil", "用具装具|用具、装具|用具", 5, 0 },
	/* not depreciated */
	{ "book", "图书档案|图书", 0, 0 },
	{ "relic", "文物和陈列品|文物", 0, 0 },
	{ "land", "土地", 0, 0 },
	{ NULL, NULL, 0, 0 }
};

const struct edu_asset_category *edu_asset_category(const char *key)
{
	for (const struct edu_asset_category *c = edu_asset_categories; c->key; c++)
		if (!strcmp(c->key, key))
			return c;
	return NULL;
}

/* What has been charged after n months: the rounded monthly amount each
 * month, never past the cost, and all of it after the last month. */
static int64_t charged(int64_t cost, int life, int64_t monthly, int n)
{
	if (n <= 0)
		return 0;
	if (n >= life)
		return cost;
	return (int64_t)n * monthly < cost ? (int64_t)n * monthly : cost;
}

/* Half a fen rounds up. */
static int64_t monthly_of(int64_t cost, int life)
{
	return (cost * 2 + life) / (2 * (int64_t)life);
}

/* The schedule in force at the end of month `through`: a life is a run
 * of segments, the first from the month the asset was added over its
 * cost and life; each improvement (政府会计准则第3号——固定资产, 财会
 * 〔2016〕12号, and its 应用指南, 财会〔2017〕4号: subsequent expenditure
 * that meets the recognition criteria is added to the cost, and the
 * depreciation is worked out again on the new cost over the remaining or
 * re-estimated life) ends its segment with the month it was made in and
 * starts the next one: its base the book value at the end of that month
 * plus the amount, its length the months given, or those left of the
 * segment it ends.  An improvement of month `through` or later changes
 * no charge up to `through`. */
struct schedule {
	int64_t accumulated, monthly;
	int months;	/* months charged */
	int start, len;	/* the segment in force: first month, length */
};

static void schedule(int64_t cost, int life, int added,
		     const struct edu_asset_improvement *imp, int nimp, int through,
		     struct schedule *s)
{
	int64_t base = cost;
	int k;

	memset(s, 0, sizeof *s);
	s->start = added;
	s->len = life;
	for (int i = 0; i < nimp && imp[i].month < through; i++) {
		k = imp[i].month - s->start + 1;
		k = k < 0 ? 0 : k > s->len ? s->len : k;
		int64_t c = charged(base, s->len, monthly_of(base, s->len), k);
		s->accumulated += c;
		s->months += k;
		base = base - c + imp[i].amount;
		s->len = imp[i].life > 0 ? imp[i].life : s->len - k;
		/* No life left and none given: the verb refuses it; an
		 * edited file's is charged in the next month. */
		if (s->len < 1)
			s->len = 1;
		s->start = imp[i].month + 1;
	}
	k = through - s->start + 1;
	k = k < 0 ? 0 : k > s->len ? s->len : k;
	s->monthly = monthly_of(base, s->len);
	s->accumulated += charged(base, s->len, s->monthly, k);
	s->months += k;
}

void edu_depreciate(int64_t cost, int life, int added, int left, int as_of,
		    const struct edu_asset_improvement *imp, int nimp,
		    struct edu_depreciation *d)
{
	struct schedule s, before;

	memset(d, 0, sizeof *d);
	d->cost = cost;
	for (int i = 0; i < nimp && imp[i].month <= as_of; i++)
		edu_money_add(&d->cost, imp[i].amount);
	d->book_value = d->cost;
	d->ends = -1;
	if (life <= 0 || cost <= 0)
		return;
	/* Not from this version's input: a file edited, or an older one. */
	if (d->cost > EDU_MONEY_MAX_FEN) {
		char c[32];

		edu_die(EDU_EDATA, "a cost of %s yuan is more than the largest amount",
			edu_money_str(d->cost, c));
	}
	/* The last month counted: as_of, or the month before it left. */
	int last = as_of;
	if (left >= 0 && left - 1 < last)
		last = left - 1;
	schedule(cost, life, added, imp, nimp, last, &s);
	d->months = s.months;
	d->monthly = s.monthly;
	d->accumulated = s.accumulated;
	d->book_value = d->cost - d->accumulated;
	/* The life in force as it stands at as_of, improvements of as_of's
	 * month included. */
	schedule(cost, life, added, imp, nimp, as_of + 1, &before);
	d->ends = before.start + before.len - 1;
	/* The charge of as_of itself, when as_of is one of the months. */
	if (last == as_of) {
		schedule(cost, life, added, imp, nimp, as_of - 1, &before);
		d->month = d->accumulated - before.accumulated;
	}
}

static int by_month(const void *a, const void *b)
{
	const struct edu_asset_improvement *x = a, *y = b;

	return x->month != y->month ? (x->month > y->month) - (x->month < y->month)
				    : (x->id > y->id) - (x->id < y->id);
}

struct edu_asset_improvement *edu_asset_improvements(const char *spec, int *n,
						     int64_t *sum)
{
	struct edu_asset_improvement *v = NULL;
	int cap = 0;

	*n = 0;
	*sum = 0;
	for (const char *p = spec; p && *p; ) {
		char day[11];
		long long id, amount;
		int life, used, d;

		if (sscanf(p, "%10[0-9-]:%lld:%lld:%d%n", day, &id, &amount, &life, &used) != 4 ||
		    edu_parse_date(day, &d) < 0 || amount <= 0 || amount > EDU_MONEY_MAX_FEN)
			edu_die(EDU_EDATA, "an improvement of an asset is not as this "
				"version writes it: '%s'", spec);
		if (*n == cap)
			v = edu_realloc(v, (size_t)(cap = cap ? cap * 2 : 4) * sizeof *v);
		v[(*n)++] = (struct edu_asset_improvement){
			.month = edu_month_of(d), .id = id, .amount = amount,
			.life = life > 0 ? life : 0 };
		edu_money_add(sum, amount);
		p += used;
		p += strspn(p, " ");
	}
	if (*n > 1)
		qsort(v, (size_t)*n, sizeof *v, by_month);
	return v;
}

int edu_asset_tag(const char *pattern, const char *unit, int year,
		  int64_t seq, struct edu_buf *out, char *err)
{
	char y[16];

	snprintf(y, sizeof y, "%04d", year);
	const struct edu_placeholder ph[] = { { "unit", unit }, { "year", y } };
	return edu_pattern_expand(pattern, ph, 2, seq, out, err);
}

/* life_ends(acquired_on, cost, life_years, improved, month): the month
 * number of the last month of an asset's life as it stands at the end of
 * `month`, its improvements to then (EDU_ASSET_IMPROVED_SQL) included;
 * NULL for one not depreciated. */
static void fn_life_ends(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *acquired = (const char *)sqlite3_value_text(argv[0]);
	int life = sqlite3_value_int(argv[2]), added, n;
	int64_t sum;
	struct edu_depreciation d;

	(void)argc;
	if (!acquired || edu_parse_date(acquired, &added) < 0 || life <= 0) {
		sqlite3_result_null(cx);
		return;
	}
	struct edu_asset_improvement *imp =
		edu_asset_improvements((const char *)sqlite3_value_text(argv[3]), &n, &sum);
	edu_depreciate(sqlite3_value_int64(argv[1]) - sum, life * 12, edu_month_of(added), -1,
		       sqlite3_value_int(argv[4]), imp, n, &d);
	free(imp);
	if (d.ends < 0)
		sqlite3_result_null(cx);
	else
		sqlite3_result_int(cx, d.ends);
}

void edu_asset_functions(sqlite3 *db)
{
	if (sqlite3_create_function(db, "life_ends", 5, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				    NULL, fn_life_ends, NULL, NULL))
		edu_die_db(db, "cannot add the rules");
}

/* ---- the depreciation report ------------------------------------------- */

void edu_asset_totals_add(struct edu_asset_totals *t, int64_t cost,
			  const struct edu_depreciation *d)
{
	t->n++;
	edu_money_add(&t->cost, cost);
	edu_money_add(&t->month, d->month);
	edu_money_add(&t->accumulated, d->accumulated);
	edu_money_add(&t->book_value, d->book_value);
}

sqlite3_stmt *edu_asset_month_stmt(sqlite3 *db, int month, const char *unit,
				   int by_unit, int by_category)
{
	char ym[8], first[11], last[11];

	edu_month_str(month, ym);
	snprintf(first, sizeof first, "%s-01", ym);
	snprintf(last, sizeof last, "%s-31", ym);
	/* One that leaves in the month is still there, with that month's
	 * charge of zero; its unit is the one it was in at the month's end. */
	sqlite3_stmt *st = edu_prepare(db, by_unit ?
		"SELECT * FROM (SELECT a.tag, a.name, a.category, (SELECT x.unit FROM asset_event x "
		"  WHERE x.tag = a.tag AND x.day <= ?2 AND x.void_on IS NULL ORDER BY x.day DESC, x.id DESC LIMIT 1) AS unit, "
		"  a.acquired_on, a.cost, a.life_years, a.disposed_on, " EDU_ASSET_IMPROVED_SQL("a.tag") " AS improved FROM asset a "
		"  WHERE a.acquired_on <= ?2 AND (a.disposed_on IS NULL OR a.disposed_on >= ?1)) "
		"WHERE ?3 IS NULL OR unit = ?3 ORDER BY unit, tag" :
		"SELECT * FROM (SELECT a.tag, a.name, a.category, (SELECT x.unit FROM asset_event x "
		"  WHERE x.tag = a.tag AND x.day <= ?2 AND x.void_on IS NULL ORDER BY x.day DESC, x.id DESC LIMIT 1) AS unit, "
		"  a.acquired_on, a.cost, a.life_years, a.disposed_on, " EDU_ASSET_IMPROVED_SQL("a.tag") " AS improved FROM asset a "
		"  WHERE a.acquired_on <= ?2 AND (a.disposed_on IS NULL OR a.disposed_on >= ?1)) "
		"WHERE ?3 IS NULL OR unit = ?3 ORDER BY CASE WHEN ?4 THEN category END, tag");
	sqlite3_bind_text(st, 1, first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, last, -1, SQLITE_TRANSIENT);
	edu_bind_text(st, 3, unit);
	if (!by_unit)
		sqlite3_bind_int(st, 4, by_category);
	return st;
}

void edu_asset_month_row(sqlite3_stmt *st, int month, int64_t *cost,
			 struct edu_depreciation *d)
{
	int added, left = -1, day, n;
	int64_t sum;

	edu_parse_date((const char *)sqlite3_column_text(st, 4), &added);
	added = edu_month_of(added);
	if (sqlite3_column_type(st, 7) != SQLITE_NULL &&
	    edu_parse_date((const char *)sqlite3_column_text(st, 7), &day) == 0)
		left = edu_month_of(day);
	struct edu_asset_improvement *imp =
		edu_asset_improvements((const char *)sqlite3_column_text(st, 8), &n, &sum);
	/* The register's cost holds every improvement; the schedule starts
	 * from the cost it was acquired at. */
	edu_depreciate(sqlite3_column_int64(st, 5) - sum, sqlite3_column_int(st, 6) * 12,
		       added, left, month, imp, n, d);
	*cost = d->cost;
	free(imp);
}

/* ---- stocktake ----------------------------------------------------------- */

int edu_stocktake_scan(sqlite3 *db, struct edu_csv *r, const int map[2],
		       const char *default_location)
{
	int n, bad = 0;

	edu_exec(db, "CREATE TEMP TABLE IF NOT EXISTS scan(tag TEXT PRIMARY KEY, location TEXT)", 0, NULL);
	edu_exec(db, "DELETE FROM temp.scan", 0, NULL);
	sqlite3_stmt *ins = edu_prepare(db, "INSERT OR REPLACE INTO temp.scan VALUES (?1, ?2)");
	while ((n = edu_csv_next(r)) > 0) {
		const char *tag = edu_csv_field(r, map[0]);
		const char *loc = map[1] >= 0 ? edu_csv_field(r, map[1]) : "";
		if (edu_csv_bad(r)) {
			edu_warn("%s:%ld: %s", edu_csv_name(r), edu_csv_line(r), edu_csv_bad(r));
			bad++;
			continue;
		}
		tag += strspn(tag, " \t");
		size_t len = strlen(tag);
		while (len && strchr(" \t", tag[len - 1]))
			len--;
		if (!len) {
			edu_warn("%s:%ld: tag: may not be empty", edu_csv_name(r), edu_csv_line(r));
			bad++;
			continue;
		}
		sqlite3_reset(ins);
		sqlite3_bind_text(ins, 1, tag, (int)len, SQLITE_TRANSIENT);
		/* A scan without a location was made where the stocktake is. */
		edu_bind_text(ins, 2, *loc ? loc : default_location);
		edu_exec_stmt(db, ins);
	}
	sqlite3_finalize(ins);
	return n < 0 || bad ? -1 : 0;
}

void edu_stocktake_compare(sqlite3 *db, int64_t id, const char *unit,
			   const char *location, struct edu_out *o, long count[4])
{
	static const char *const kinds[] = { "found", "moved", "missing", "unexpected" };
	/* The assets in scope, each found, moved or missing; then the scans
	 * of assets outside it: moved here, or not on the register at all. */
	sqlite3_stmt *st = edu_prepare(db,
		"WITH scope AS (SELECT tag, name, unit, location FROM asset WHERE status <> 'disposed' "
		"  AND (?1 IS NULL OR unit = ?1) AND (?2 IS NULL OR location = ?2)) "
		"SELECT s.tag, s.name, s.unit, s.location, sc.location, "
		"  CASE WHEN sc.tag IS NULL THEN 'missing' "
		"  WHEN sc.location IS NULL OR sc.location IS s.location THEN 'found' ELSE 'moved' END "
		"FROM scope s LEFT JOIN temp.scan sc USING (tag) "
		"UNION ALL "
		"SELECT sc.tag, a.name, a.unit, a.location, sc.location, "
		"  CASE WHEN a.tag IS NULL OR a.status = 'disposed' THEN 'unexpected' "
		"  WHEN sc.location IS NULL OR sc.location IS a.location THEN 'found' ELSE 'moved' END "
		"FROM temp.scan sc LEFT JOIN asset a USING (tag) "
		"WHERE sc.tag NOT IN (SELECT tag FROM scope) ORDER BY 1");
	sqlite3_stmt *item = edu_prepare(db,
		"INSERT INTO stocktake_item(stocktake, tag, result, location, scanned_location) "
		"VALUES (?1, ?2, ?3, ?4, ?5)");
	int rc;

	edu_bind_text(st, 1, unit);
	edu_bind_text(st, 2, location);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[6];
		for (int i = 0; i < 6; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		edu_out_row(o, v);
		for (int i = 0; i < 4; i++)
			if (!strcmp(v[5], kinds[i]))
				count[i]++;
		sqlite3_reset(item);
		sqlite3_bind_int64(item, 1, id);
		edu_bind_text(item, 2, v[0]);
		edu_bind_text(item, 3, v[5]);
		edu_bind_text(item, 4, v[3]);
		edu_bind_text(item, 5, v[4]);
		edu_exec_stmt(db, item);
	}
	if (rc != SQLITE_DONE)
		edu_die_db(db, "cannot read the register");
	sqlite3_finalize(st);
	sqlite3_finalize(item);
}

/* ---- corrections (issue 17) ---------------------------------------------- */

/* An asset's events keep the state each left it in: voiding one sets the
 * asset to the state of the last event that still stands.  A disposal
 * voided brings it back (disposed_on cleared); a subsequent expenditure
 * ('improved', 改建、扩建, capitalised by 《政府会计准则第3号——固定资产》
 * 应用指南, 财会〔2017〕4号) voided takes its amount off the cost. */
static void asset_undo(sqlite3 *db, const struct edu_event *e, struct edu_buf *changes)
{
	static const char *const names[] = { "status", "unit", "location", "custodian",
					     "disposed_on", "cost" };
	char ids[24];
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT a.status, a.unit, a.location, a.custodian, a.disposed_on, a.cost, "
		"p.status, p.unit, p.location, p.custodian, "
		"CASE WHEN p.status = 'disposed' THEN coalesce(a.disposed_on, p.day) END, "
		"a.cost - coalesce((SELECT amount FROM asset_event WHERE id = ?2 "
		"AND kind = 'improved'), 0) "
		"FROM asset a JOIN asset_event p ON p.id = (SELECT id FROM asset_event "
		"WHERE tag = a.tag AND void_on IS NULL ORDER BY day DESC, id DESC LIMIT 1) "
		"WHERE a.tag = ?1");

	snprintf(ids, sizeof ids, "%lld", e->id);
	sqlite3_bind_text(st, 1, e->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, ids, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *then[6];
		for (int i = 0; i < 6; i++) {
			const char *now = (const char *)sqlite3_column_text(st, i);
			then[i] = (const char *)sqlite3_column_text(st, 6 + i);
			if (now ? !then[i] || strcmp(now, then[i]) : !!then[i])
				edu_event_change(changes, names[i], now, then[i]);
		}
		const char *p[] = { then[0], then[1], then[2], then[3], then[4], then[5], e->key };
		edu_exec(db, "UPDATE asset SET status = ?1, unit = ?2, location = ?3, "
			 "custodian = ?4, disposed_on = ?5, cost = CAST(?6 AS INTEGER) "
			 "WHERE tag = ?7", 7, p);
	}
	sqlite3_finalize(st);
}

const struct edu_event_table edu_asset_events = {
	.table = "asset_event", .subject = "asset", .key = "tag", .kind = "kind",
	.noun = "asset", .first_made = 1, .undo = asset_undo,
	.list = "tag, day, kind, status, unit, location, custodian, party, method, doc, "
		"CASE WHEN amount IS NOT NULL THEN printf('%d.%02d', amount / 100, "
		"amount % 100) END AS amount, life_months",
};
