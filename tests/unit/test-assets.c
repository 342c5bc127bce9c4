/* test-assets.c - money in fen, months, categories, straight-line
 * depreciation worked by hand, and asset tag patterns (libedu/assets.c) */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"
#include "tap.h"

static void test_money(void)
{
	static const struct { const char *in; int64_t fen; } good[] = {
		{ "1234.56", 123456 }, { "1,234.5", 123450 }, { "¥1000", 100000 },
		{ "￥2,000,000.01", 200000001 }, { "1000元", 100000 }, { "0.01", 1 },
		{ "0", 0 }, { "5999.00", 599900 },
	};
	static const char *const bad[] = { "", "1.234", "abc", "-5", "1.", ",100",
					   "100,", "1.2.3", "1e3", "12 34", "元" };
	char err[EDU_ERR_MAX], s[32];
	int64_t fen;

	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		fen = -1;
		ok(edu_money_parse(good[i].in, &fen, err) == 0 && fen == good[i].fen,
		   "'%s' is %lld fen", good[i].in, (long long)good[i].fen);
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ok(edu_money_parse(bad[i], &fen, err) < 0, "'%s' is not an amount", bad[i]);
	ok(strstr(err, "is not an amount in yuan") != NULL, "... and says so");
	is(edu_money_str(0, s), "0.00", "0 fen prints 0.00");
	is(edu_money_str(5, s), "0.05", "5 fen prints 0.05");
	is(edu_money_str(123456, s), "1234.56", "123456 fen prints 1234.56");
	is(edu_money_str(-150, s), "-1.50", "a negative amount keeps its sign");
}

static void test_months(void)
{
	char s[8];
	int m = 0;

	ok(edu_parse_month("2026-06", &m) == 0 && m == 2026 * 12 + 5, "2026-06 parses");
	ok(edu_parse_month("2026-6", &m) == 0 && m == 2026 * 12 + 5, "2026-6 too");
	ok(edu_parse_month("2026-13", &m) < 0, "2026-13 is no month");
	ok(edu_parse_month("2026-06-01", &m) < 0, "a date is no month");
	ok(edu_parse_month("26-06", &m) < 0, "a two-digit year is refused");
	is(edu_month_str(2026 * 12 + 11, s), "2026-12", "month number to text");
	ok(edu_month_of(edu_days(2024, 1, 15)) == 2024 * 12, "2024-01-15 is in month 2024-01");
}

static void test_categories(void)
{
	ok(edu_asset_category("computer")->min_life == 6, "computers: at least 6 years");
	ok(edu_asset_category("vehicle")->min_life == 8, "vehicles: 8");
	ok(edu_asset_category("building-brick")->min_life == 30, "brick buildings: 30");
	ok(edu_asset_category("furniture")->min_life == 15, "furniture: 15");
	ok(edu_asset_category("book")->min_life == 0, "books are not depreciated");
	ok(edu_asset_category("land")->min_life == 0, "nor land");
	ok(edu_asset_category("spaceship") == NULL, "an unknown category");
	/* 财会〔2017〕4号 annex (issue 16, point 8). */
	ok(edu_asset_category("building-brick-wood")->min_life == 30, "砖木结构: 30");
	ok(edu_asset_category("building-fixture")->min_life == 8, "房屋附属设施: 8");
	ok(edu_asset_category("sports")->min_life == 5 && edu_asset_category("sports")->max_life == 15,
	   "体育设备: 5 to 15");
	ok(edu_asset_category("medical")->min_life == 5 && edu_asset_category("medical")->max_life == 10,
	   "医疗设备: 5 to 10");
	ok(edu_asset_category("computer")->max_life == 0, "general equipment: no top");
}

/* Issue 16, point 7: both editions' forms, by their own examples. */
static void test_class_codes(void)
{
	is(edu_asset_class_edition("2010105"), "GB/T 14885-2010", "2010105: the 2010 edition");
	is(edu_asset_class_edition("1010200"), "GB/T 14885-2010", "1010200: 门类 1, land");
	is(edu_asset_class_edition("A010000"), "GB/T 14885-2022", "A010000: the 2022 edition");
	ok(edu_asset_class_edition("7010105") == NULL, "no 门类 7 in 2010");
	ok(edu_asset_class_edition("a010000") == NULL, "a small letter is not the form");
	ok(edu_asset_class_edition("A01000") == NULL, "a letter and 5 digits");
	ok(edu_asset_class_edition("20101050") == NULL, "8 digits");
	ok(edu_asset_class_edition("") == NULL, "empty");
}

static int month(int y, int m)
{
	return y * 12 + m - 1;
}

static void test_depreciation(void)
{
	struct edu_depreciation d;

	/* A computer of 5999.00 yuan bought on 15 January 2024, 6 years:
	 * 599900 / 72 = 8331.94 fen, so 83.32 yuan a month; January counts,
	 * so to the end of November 2026 it is 35 months: 2916.20. */
	edu_depreciate(599900, 72, month(2024, 1), -1, month(2026, 11), NULL, 0, &d);
	ok(d.months == 35, "computer: 35 months to 2026-11 (got %d)", d.months);
	ok(d.monthly == 8332, "... 83.32 a month (got %lld)", (long long)d.monthly);
	ok(d.accumulated == 291620, "... 2916.20 accumulated (got %lld)", (long long)d.accumulated);
	ok(d.book_value == 599900 - 291620, "... book value 3082.80");
	ok(d.month == 8332, "... charged 83.32 in November");
	edu_depreciate(599900, 72, month(2024, 1), -1, month(2024, 1), NULL, 0, &d);
	ok(d.months == 1 && d.accumulated == 8332, "the month it is added counts");
	edu_depreciate(599900, 72, month(2024, 1), -1, month(2023, 12), NULL, 0, &d);
	ok(d.months == 0 && d.accumulated == 0 && d.book_value == 599900,
	   "nothing before it is added");

	/* Disposed on 15 June 2026: June does not count; from then on it
	 * stays at May's figures. */
	edu_depreciate(599900, 72, month(2024, 1), month(2026, 6), month(2026, 6), NULL, 0, &d);
	ok(d.months == 29, "disposal: 29 months, to May (got %d)", d.months);
	ok(d.accumulated == 29 * 8332, "... 2416.28 accumulated");
	ok(d.month == 0, "... nothing charged in the month it leaves");
	edu_depreciate(599900, 72, month(2024, 1), month(2026, 6), month(2027, 3), NULL, 0, &d);
	ok(d.months == 29 && d.month == 0, "... nor later");

	/* A vehicle of 480000.50 yuan from June 2015, 8 years: 96 months of
	 * 5000.01 (480000.50 / 96 = 5000.0052); 95 of them make 475000.95,
	 * so the last month, May 2023, takes 4999.55. */
	edu_depreciate(48000050, 96, month(2015, 6), -1, month(2023, 5), NULL, 0, &d);
	ok(d.months == 96 && d.accumulated == 48000050 && d.book_value == 0,
	   "vehicle: fully depreciated in May 2023");
	ok(d.month == 499955, "... whose charge is the remainder, 4999.55 (got %lld)",
	   (long long)d.month);
	edu_depreciate(48000050, 96, month(2015, 6), -1, month(2026, 6), NULL, 0, &d);
	ok(d.months == 96 && d.book_value == 0 && d.month == 0,
	   "... and stays at zero book value, charging nothing, afterwards");

	/* 1000.00 over 72 months: 13.89 a month (1388.89 fen rounds up), 71
	 * months make 986.19, the last 13.81. */
	edu_depreciate(100000, 72, 0, -1, 71, NULL, 0, &d);
	ok(d.monthly == 1389 && d.month == 1381, "1000.00 over 6 years: 13.89, last 13.81");

	/* Books are not depreciated. */
	edu_depreciate(250000, 0, month(2020, 1), -1, month(2026, 1), NULL, 0, &d);
	ok(d.months == 0 && d.accumulated == 0 && d.book_value == 250000,
	   "a life of 0: not depreciated");

	/* For many costs and lives, the months add up to the cost exactly,
	 * and no month is negative. */
	int bad = 0;
	for (int64_t cost = 1; cost < 2000000; cost = cost * 3 + 7)
		for (int life = 12; life <= 600; life += 37) {
			int64_t sum = 0;
			for (int m = 0; m < life + 3; m++) {
				edu_depreciate(cost, life, 0, -1, m, NULL, 0, &d);
				if (d.month < 0 || d.accumulated != sum + d.month)
					bad++;
				sum += d.month;
			}
			if (sum != cost || d.book_value != 0)
				bad++;
		}
	ok(bad == 0, "the months add up to the cost exactly (%d bad)", bad);
}

/* Subsequent expenditure (改建、扩建), worked by hand.  120000.00 yuan
 * acquired 2020-01-15 over 10 years: 1000.00 a month.  30000.00 spent on
 * 2025-06-10: 2020-01..2025-06 are 66 months, 66000.00, so the book value
 * at the end of June is 54000.00 + 30000.00 = 84000.00, over the 54
 * months left (2025-07..2029-12): 1555.555... rounds to 1555.56, and
 * 53 of them make 82444.68, so December 2029 takes 1555.32. */
static void test_improvement(void)
{
	struct edu_depreciation d;
	struct edu_asset_improvement imp[2] = {
		{ .month = month(2025, 6), .id = 1, .amount = 3000000 },
		{ .month = month(2027, 3), .id = 2, .amount = 1000000 },
	};
	int added = month(2020, 1);

	edu_depreciate(12000000, 120, added, -1, month(2025, 5), imp, 1, &d);
	ok(d.cost == 12000000 && d.accumulated == 6500000 && d.monthly == 100000,
	   "before the month of the expenditure: the old cost and schedule");
	edu_depreciate(12000000, 120, added, -1, month(2025, 6), imp, 1, &d);
	ok(d.cost == 15000000, "its month: the cost is 150000.00");
	ok(d.months == 66 && d.accumulated == 6600000 && d.month == 100000 && d.monthly == 100000,
	   "... but the month is charged as before, 1000.00 (66 months, 66000.00)");
	ok(d.book_value == 8400000, "... book value 84000.00");
	ok(d.ends == month(2029, 12), "... the life still ends in 2029-12");
	edu_depreciate(12000000, 120, added, -1, month(2025, 7), imp, 1, &d);
	ok(d.monthly == 155556 && d.month == 155556 && d.accumulated == 6755556,
	   "the next month: 1555.56 (got %lld)", (long long)d.month);
	edu_depreciate(12000000, 120, added, -1, month(2025, 12), imp, 1, &d);
	ok(d.months == 72 && d.accumulated == 7533336 && d.book_value == 7466664,
	   "to 2025-12: 75333.36 accumulated, book value 74666.64 (got %lld)",
	   (long long)d.accumulated);
	edu_depreciate(12000000, 120, added, -1, month(2029, 12), imp, 1, &d);
	ok(d.month == 155532 && d.accumulated == 15000000 && d.book_value == 0 && d.months == 120,
	   "the last month, 2029-12, takes the remainder 1555.32 (got %lld)", (long long)d.month);
	edu_depreciate(12000000, 120, added, -1, month(2030, 1), imp, 1, &d);
	ok(d.month == 0 && d.book_value == 0, "... and nothing after");

	/* Over a re-estimated life of 96 months: 84000.00 / 96 = 875.00,
	 * from 2025-07 to 2033-06. */
	imp[0].life = 96;
	edu_depreciate(12000000, 120, added, -1, month(2025, 12), imp, 1, &d);
	ok(d.monthly == 87500 && d.accumulated == 6600000 + 6 * 87500,
	   "with a life of 96 months: 875.00 a month, 71250.00 to 2025-12");
	ok(d.ends == month(2033, 6), "... the life ends in 2033-06");
	edu_depreciate(12000000, 120, added, -1, month(2033, 6), imp, 1, &d);
	ok(d.book_value == 0 && d.month == 87500 && d.months == 66 + 96, "... all of it by then");
	imp[0].life = 0;

	/* A second one, 10000.00 on 2027-03: 21 months of 1555.56 since
	 * 2025-07 (32666.76) leave 51333.24, plus 10000.00 = 61333.24 over
	 * the 33 months left: 1858.58, the last (2029-12) 1858.68. */
	edu_depreciate(12000000, 120, added, -1, month(2027, 4), imp, 2, &d);
	ok(d.cost == 16000000 && d.monthly == 185858 && d.month == 185858,
	   "a second improvement chains: 1858.58 a month (got %lld)", (long long)d.monthly);
	edu_depreciate(12000000, 120, added, -1, month(2029, 12), imp, 2, &d);
	ok(d.month == 185868 && d.accumulated == 16000000 && d.book_value == 0,
	   "... the last month 1858.68, all of 160000.00 charged (got %lld)", (long long)d.month);

	/* Disposed: nothing after the month before it left. */
	edu_depreciate(12000000, 120, added, month(2026, 1), month(2026, 6), imp, 1, &d);
	ok(d.accumulated == 7533336 && d.month == 0, "disposed in 2026-01: stays at 2025-12's figures");

	/* For many costs, lives and improvements, the months add up to the
	 * cost plus the improvements exactly, and no month is negative. */
	int bad = 0;
	for (int64_t cost = 100; cost < 5000000; cost = cost * 5 + 13)
		for (int life = 12; life <= 240; life += 57)
			for (int at = 0; at < life + 12; at += 11) {
				struct edu_asset_improvement v[3] = {
					{ .month = at, .id = 1, .amount = cost / 3 + 1,
					  .life = at % 2 ? 0 : 30 },
					{ .month = at, .id = 2, .amount = 777 },
					{ .month = at + 17, .id = 3, .amount = 12345, .life = at % 3 ? 7 : 0 },
				};
				int64_t sum = 0, want = cost + v[0].amount + v[1].amount + v[2].amount;
				int end = at + 17 + life + 40;
				for (int m = 0; m <= end; m++) {
					edu_depreciate(cost, life, 0, -1, m, v, 3, &d);
					if (d.month < 0 || d.accumulated != sum + d.month ||
					    d.book_value != d.cost - d.accumulated)
						bad++;
					sum += d.month;
				}
				if (sum != want || d.book_value != 0)
					bad++;
			}
	ok(bad == 0, "with improvements the months add up to the cost exactly (%d bad)", bad);

	int n;
	int64_t total;
	struct edu_asset_improvement *p =
		edu_asset_improvements("2027-03-05:9:1000000:0 2025-06-10:4:3000000:96", &n, &total);
	ok(n == 2 && total == 4000000, "the improvements' text: two, 40000.00");
	ok(p[0].month == month(2025, 6) && p[0].life == 96 && p[1].id == 9 && p[1].life == 0,
	   "... in order of month");
	free(p);
	ok(edu_asset_improvements(NULL, &n, &total) == NULL && n == 0 && total == 0, "none");
}

static void test_tags(void)
{
	struct edu_buf b = { 0 };
	char err[EDU_ERR_MAX];

	ok(edu_asset_tag("{unit}-{year}-{seq:5}", "2111010201", 2026, 42, &b, err) == 0,
	   "the default pattern");
	is(b.s, "2111010201-2026-00042", "... gives unit-year-serial");
	ok(edu_asset_tag("{unit}-{year}-{seq:5}", "2111010201", 2026, -1, &b, err) == 0,
	   "the scope of the serial");
	is(b.s, "2111010201-2026-*", "... has * for the serial");
	ok(edu_asset_tag("ZC{seq:8}", "x", 2026, 7, &b, err) == 0 && !strcmp(b.s, "ZC00000007"),
	   "a pattern without unit and year");
	ok(edu_asset_tag("{unit}-{colour}-{seq:3}", "x", 2026, 1, &b, err) < 0,
	   "an unknown placeholder is refused");
	ok(edu_asset_tag("{unit}-{year}", "x", 2026, 1, &b, err) < 0, "so is a pattern without {seq:N}");
	ok(strstr(err, "needs exactly one {seq:N}") != NULL, "... which says so");
	ok(edu_asset_tag("{seq:x}", "x", 2026, 1, &b, err) < 0, "and {seq:x}");
	ok(edu_asset_tag("{unit}-{year}-{seq:5}", "2111010201", 2026, 100000, &b, err) < 0,
	   "serial 100000 does not fit in {seq:5}: refused, not widened");
	is(err, "serial 100000 needs more than the 5 digits of {seq:5} in the pattern '{unit}-{year}-{seq:5}'",
	   "... naming the serial and the pattern");
	edu_buf_free(&b);
}

/* The writer with a money column and a new_key hook (libedu/entity.c),
 * on a real database: yuan in, fen stored, yuan out; a key left empty
 * made by the hook once the row passed its checks. */
static int made;

static char *test_new_key(sqlite3 *db, const char *const *v, char *err)
{
	(void)db;
	(void)v;
	(void)err;
	return edu_asprintf("T-%d", ++made);
}

static void test_writer(void)
{
	static const struct edu_col cols[] = {
		{ .name = "tag", .type = EDU_C_CODE, .flags = EDU_C_KEY },
		{ .name = "cost", .type = EDU_C_MONEY, .flags = EDU_C_REQUIRED },
	};
	static const struct edu_entity e = { .table = "thing", .what = "thing", .cols = cols,
					     .ncols = 2, .new_key = test_new_key };
	char dir[] = "/tmp/edu-test-assets.XXXXXX", path[300], err[EDU_ERR_MAX];
	const char *col;

	if (!mkdtemp(dir)) {
		ok(0, "a temporary directory");
		return;
	}
	snprintf(path, sizeof path, "%s/edu.db", dir);
	edu_prog = "test-assets";
	edu_db_session(&(struct edu_session){ .tool = "test", .verb = "test", .user = "test" });
	ok(edu_db_create(path, "tester") == 0, "a database");
	sqlite3 *db = edu_db_open(path, 1, 0);
	edu_exec(db, "CREATE TABLE thing(tag TEXT PRIMARY KEY, cost INTEGER NOT NULL)", 0, NULL);
	edu_begin(db);
	struct edu_writer *w = edu_writer_new(db, &e);
	const char *r1[] = { "A", "1,234.5" };
	ok(edu_writer_put(w, r1, 0, &col, err) == EDU_PUT_INSERTED, "money in yuan is written");
	const char *r2[] = { "", "¥20" };
	const char *r0[] = { "", "twenty" };
	ok(edu_writer_put(w, r0, 0, &col, err) < 0 && !strcmp(col, "cost"),
	   "a refused row with an empty key...");
	ok(edu_writer_put(w, r2, 0, &col, err) == EDU_PUT_INSERTED, "an empty key is made");
	ok(made == 1, "... made once, for the row that passed: the refused one took none");
	const char *r3[] = { "A", "1234.50" };
	ok(edu_writer_put(w, r3, 1, &col, err) == EDU_PUT_UNCHANGED,
	   "the same amount written otherwise changes nothing");
	const char *r4[] = { "A", "1234.505" };
	ok(edu_writer_put(w, r4, 1, &col, err) < 0 && !strcmp(col, "cost"),
	   "a fraction of a fen is refused, naming the column");
	const char *r5[] = { "A", NULL };
	ok(edu_writer_put(w, r5, 1, &col, err) == EDU_PUT_UNCHANGED,
	   "an absent money column keeps the stored amount");
	edu_writer_free(w);
	edu_commit(db);
	char *v = edu_query1(db, "SELECT typeof(cost) || ' ' || cost FROM thing WHERE tag = 'A'", 0, NULL);
	is(v, "integer 123450", "stored as integer fen");
	free(v);
	v = edu_query1(db, "SELECT cost FROM thing WHERE tag = 'T-1'", 0, NULL);
	is(v, "2000", "... the one with a made key too");
	free(v);
	fflush(stdout);
	int saved = dup(1);
	char out[300];
	snprintf(out, sizeof out, "%s/list.csv", dir);
	FILE *f = freopen(out, "w", stdout);
	long n = edu_list(db, &e, 0, NULL);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	ok(f && n == 2, "list prints both");
	char buf[200] = "";
	f = fopen(out, "r");
	size_t got = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	buf[got] = '\0';
	if (f)
		fclose(f);
	is(buf, "tag,cost\nA,1234.50\nT-1,20.00\n", "... in yuan with two decimals");
	edu_db_close(db);
	static const char *const suffix[] = { "/edu.db", "/edu.db-wal", "/edu.db-shm", "/list.csv" };
	for (int i = 0; i < 4; i++) {
		snprintf(path, sizeof path, "%s%s", dir, suffix[i]);
		unlink(path);
	}
	rmdir(dir);
}

/* The depreciation report and the stocktake on a real database, with
 * amounts worked out by hand. */
static void test_report(void)
{
	char dir[] = "/tmp/edu-test-report.XXXXXX", path[300];

	if (!mkdtemp(dir)) {
		ok(0, "a temporary directory");
		return;
	}
	snprintf(path, sizeof path, "%s/edu.db", dir);
	ok(edu_db_create(path, "tester") == 0, "a database for the report");
	sqlite3 *db = edu_db_open(path, 1, 0);
	/* 7200.00 over 72 months: 100.00 a month from 2026-01; 1800.00 over
	 * 180 months: 10.00 a month from 2025-06; 720.00 over 72 months:
	 * 10.00, added and disposed of in 2026-03/04; 60.00 never scanned. */
	edu_exec(db, "INSERT INTO asset(tag, name, category, unit, location, acquired_on, cost, life_years, status, disposed_on) VALUES "
		 "('A', 'pc', 'computer', 'U1', 'L1', '2026-01-15', 720000, 6, 'in-use', NULL), "
		 "('B', 'desk', 'furniture', 'U2', 'L2', '2025-06-01', 180000, 15, 'in-use', NULL), "
		 "('C', 'fax', 'office', 'U1', 'L1', '2026-03-01', 72000, 6, 'disposed', '2026-04-01'), "
		 "('D', 'chair', 'furniture', 'U1', 'L1', '2026-05-01', 6000, 15, 'in-use', NULL)", 0, NULL);
	int month;
	edu_parse_month("2026-03", &month);
	sqlite3_stmt *st = edu_asset_month_stmt(db, month, NULL, 0, 0);
	struct edu_asset_totals t = { 0 };
	char tags[16] = "";
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct edu_depreciation d;
		int64_t cost;
		edu_asset_month_row(st, month, &cost, &d);
		edu_asset_totals_add(&t, cost, &d);
		strcat(tags, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	is(tags, "ABC", "2026-03: A, B and C are on the register, D not yet");
	ok(t.n == 3 && t.cost == 972000, "... 3 assets costing 9720.00 (%ld, %lld)", t.n, (long long)t.cost);
	ok(t.month == 12000, "... charged 100.00 + 10.00 + 10.00 in the month (%lld)", (long long)t.month);
	ok(t.accumulated == 41000, "... 300.00 + 100.00 + 10.00 to date (%lld)", (long long)t.accumulated);
	ok(t.book_value == 931000, "... book value the rest (%lld)", (long long)t.book_value);

	char scan[300];
	snprintf(scan, sizeof scan, "%s/scan.csv", dir);
	FILE *f = fopen(scan, "w");
	fputs("tag,location\nA,L1\nB,L9\nX,\n", f);
	fclose(f);
	edu_begin(db);
	struct edu_csv *r = edu_csv_open(scan);
	static const struct edu_colname cn[] = { { "tag", NULL }, { "location", NULL } };
	int map[2];
	ok(r && edu_csv_header(r, cn, 2, 1, map) == 0, "a scan's header");
	ok(edu_stocktake_scan(db, r, map, "L1") == 0, "the scan is read");
	edu_csv_close(r);
	edu_exec(db, "INSERT INTO stocktake(id, day, user, found, moved, missing, unexpected) "
		 "VALUES (1, '2026-06-01', 'tester', 0, 0, 0, 0)", 0, NULL);
	char *text = NULL;
	size_t len = 0;
	FILE *mf = open_memstream(&text, &len);
	static const char *const cols[] = { "tag", "name", "unit", "location", "scanned_location", "result" };
	struct edu_out *o = edu_out_new_fmt(mf, EDU_FMT_CSV, 0, 6, cols);
	long count[4] = { 0 };
	edu_stocktake_compare(db, 1, NULL, NULL, o, count);
	edu_out_end(o);
	fclose(mf);
	is(text, "tag,name,unit,location,scanned_location,result\n"
		 "A,pc,U1,L1,L1,found\nB,desk,U2,L2,L9,moved\nD,chair,U1,L1,,missing\n"
		 "X,,,,L1,unexpected\n",
	   "found, moved, missing, and a scan not on the register (C is disposed of)");
	ok(count[0] == 1 && count[1] == 1 && count[2] == 1 && count[3] == 1, "... one of each counted");
	char *items = edu_query1(db, "SELECT group_concat(tag || ':' || result, ' ') FROM "
				 "(SELECT * FROM stocktake_item WHERE stocktake = 1 ORDER BY tag)", 0, NULL);
	is(items, "A:found B:moved D:missing X:unexpected", "... and each kept as an item");
	free(items);
	free(text);
	edu_rollback(db);
	edu_db_close(db);
	static const char *const suffix[] = { "/edu.db", "/edu.db-wal", "/edu.db-shm", "/scan.csv" };
	for (int i = 0; i < 4; i++) {
		snprintf(path, sizeof path, "%s%s", dir, suffix[i]);
		unlink(path);
	}
	rmdir(dir);
}

int main(void)
{
	test_money();
	test_months();
	test_categories();
	test_class_codes();
	test_depreciation();
	test_improvement();
	test_tags();
	test_writer();
	test_report();
	return done_testing();
}
