/* test-approval.c - libedu/approval.c: the trimmed means, weighted total,
 * levels and veto of an evaluation; the statutory periods of private-
 * school applications around the 2026 holidays; the conditions of
 * teacher qualification.  Every figure worked by hand. */
#define _GNU_SOURCE
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

#define D(y, m, d) edu_days(y, m, d)

static const char *ds(int day)
{
	static char buf[4][11];
	static int i;

	i = (i + 1) % 4;
	return day < 0 ? "none" : edu_date_str(day, buf[i]);
}

static void test_trim(void)
{
	int five[] = { 180, 190, 200, 160, 200 }, three[] = { 160, 170, 180 };
	int tie[] = { 50, 50, 50, 50, 50, 50 };
	long sum;
	int n;

	edu_eval_trim(five, 5, &sum, &n);
	ok(sum == 570 && n == 3, "five marks 18 19 20 16 20: 16 and one 20 dropped, 57 over 3");
	edu_eval_trim(three, 3, &sum, &n);
	ok(sum == 510 && n == 3, "three marks: none dropped");
	edu_eval_trim(tie, 6, &sum, &n);
	ok(sum == 200 && n == 4, "six equal marks: one highest and one lowest dropped");
	edu_eval_trim(NULL, 0, &sum, &n);
	ok(sum == 0 && n == 0, "no marks: nothing");
}

static void test_until(void)
{
	is(ds(edu_eval_until(D(2026, 6, 30), 5)), "2031-06-29", "5 years from 2026-06-30");
	is(ds(edu_eval_until(D(2024, 2, 29), 1)), "2025-02-27",
	   "1 year from 2024-02-29: the month's last day less one");
	is(ds(edu_eval_until(D(2026, 6, 30), 0)), "none", "0 years: no end");
}

static void test_periods(sqlite3 *db)
{
	static const char *const off =
		"2025-11-30 2026-02-15 2026-02-16 2026-02-17 2026-02-18 2026-02-19 2026-02-20 "
		"2026-02-21 2026-02-22 2026-02-23 2026-09-25 2026-09-26 2026-09-27 2026-10-01 "
		"2026-10-02 2026-10-03 2026-10-04 2026-10-05 2026-10-06 2026-10-07";
	static const char *const on[] = { "2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10" };
	char day[11];

	for (const char *p = off; *p; p += p[10] ? 11 : 10) {
		snprintf(day, sizeof day, "%.10s", p);
		const char *v[] = { day };
		edu_exec(db, "INSERT INTO calendar(day, kind) VALUES (?, 'holiday')", 1, v);
	}
	for (size_t i = 0; i < sizeof on / sizeof *on; i++)
		edu_exec(db, "INSERT INTO calendar(day, kind) VALUES (?, 'workday')", 1, &on[i]);
	edu_calendar_forget();

	is(ds(edu_approval_due(db, "preparation", D(2026, 9, 4))), "2026-10-08",
	   "preparation accepted 09-04: day 30 is 10-04, National Day -> 10-08");
	is(ds(edu_approval_due(db, "preparation", D(2026, 1, 15))), "2026-02-14",
	   "preparation accepted 01-15: day 30 is make-up Saturday 02-14, kept");
	is(ds(edu_approval_due(db, "establishment", D(2025, 11, 17))), "2026-02-24",
	   "establishment accepted 2025-11-17: 02-17, Spring Festival -> 02-24");
	is(ds(edu_approval_due(db, "establishment", D(2026, 1, 31))), "2026-04-30",
	   "establishment accepted 01-31: three months on is 04-30");
	is(ds(edu_approval_due(db, "change", D(2026, 9, 21))), "2026-10-26",
	   "change accepted 09-21: the 20th working day, 10-10 a make-up one, is 10-26");
	is(ds(edu_approval_due(db, "termination", D(2026, 2, 12))), "2026-03-18",
	   "termination accepted 02-12: 13, 14 and 28 (make-up Saturdays), 24..27, 03-02..06, 09..13, 16..18");
	ok(edu_approval_due(db, "merger", D(2026, 1, 1)) == -1, "an unknown kind has no period");
	ok(edu_approval_rule("preparation")->verified && !edu_approval_rule("change")->verified,
	   "the periods not verified say so");
}

static void test_eval(sqlite3 *db)
{
	static const char *const setup[] = {
		"INSERT INTO school (school_code, name, kind, ownership) VALUES "
		"('2111010223', '甲中学', 'junior', 'public')",
		"INSERT INTO rubric VALUES ('S', 'indicator', 'A1', 'a', 200, 10, NULL), "
		"('S', 'indicator', 'A2', 'b', 200, 15, NULL), ('S', 'indicator', 'A3', 'c', 400, 10, NULL), "
		"('S', 'indicator', 'A4', 'd', 100, 10, 60), ('S', 'level', 'pass', NULL, 850, NULL, NULL), "
		"('S', 'level', 'excellent', NULL, 950, NULL, NULL), "
		"('S', 'validity', 'years', NULL, 50, NULL, NULL)",
		"INSERT INTO evaluation (standard, school_code, year) VALUES ('S', '2111010223', 2026)",
	};
	/* A1 18 19 20 16 20 -> 19; A2 17 18 19 20 15 -> 18 (x1.5 = 27);
	 * A3 36 38 37 40 30 -> 37; A4 4 5 5 6 10 -> 5.33 below its line 6. */
	static const int marks[4][5] = {
		{ 180, 190, 200, 160, 200 }, { 170, 180, 190, 200, 150 },
		{ 360, 380, 370, 400, 300 }, { 40, 50, 50, 60, 100 },
	};
	struct edu_eval e;

	for (size_t i = 0; i < sizeof setup / sizeof *setup; i++)
		edu_exec(db, setup[i], 0, NULL);
	ok(edu_eval_load(db, 1, &e) == 0 && !e.complete, "no scores yet: incomplete");
	ok(e.years == 5 && e.pass_mark == 850, "validity 5 years, pass mark 85");
	edu_eval_free(&e);
	for (int i = 0; i < 4; i++)
		for (int x = 0; x < 5; x++) {
			char ind[4], exp[4], pts[8];
			snprintf(ind, sizeof ind, "A%d", i + 1);
			snprintf(exp, sizeof exp, "E%d", x + 1);
			snprintf(pts, sizeof pts, "%d", marks[i][x]);
			const char *p[] = { ind, exp, pts };
			edu_exec(db, "INSERT INTO score VALUES (1, ?2, ?1, ?3)", 3, p);
		}
	ok(edu_eval_load(db, 1, &e) == 0 && e.complete, "scored: complete");
	ok(e.n == 4 && e.item[1].weighted == 27.0, "A2: mean 18, weighted 27");
	ok(fabs(e.item[3].mean - 16.0 / 3) < 1e-9, "A4: trimmed mean 16/3");
	ok(fabs(e.total - (19 + 27 + 37 + 16.0 / 3)) < 1e-9, "total 88.33 (265/3)");
	is(e.level, "pass", "the total reaches pass (85), not excellent (95)");
	ok(e.vetoed == 1 && e.item[3].vetoed && !e.pass, "A4 below its veto line fails the school");
	is(e.weak.s, "A4", "A4 is named (5.33 of 10 is below 85%%)");
	edu_eval_free(&e);
	ok(edu_eval_load(db, 2, &e) < 0, "no evaluation 2");
}

static void test_qualify(void)
{
	char why[EDU_TQ_N][EDU_ERR_MAX], err[EDU_ERR_MAX];
	const char *col;
	struct edu_teacher_facts f = {
		.category = "primary", .subject = "语文", .sex = "F", .birth = "1990-01-01",
		.education = "专科", .putonghua = "二级甲等", .exam_cert = "1",
		.exam_date = "2024-06-15", .health_date = "2026-01-10", .declaration = "是",
	};
	int on = D(2026, 3, 1);

	ok(edu_teacher_qualify(&f, on, why, &col, err) == 0, "a primary Chinese teacher who qualifies");
	f.putonghua = "2B";
	ok(edu_teacher_qualify(&f, on, why, &col, err) == 1 && why[EDU_TQ_PUTONGHUA][0],
	   "2B is not enough for Chinese");
	f.subject = "数学";
	ok(edu_teacher_qualify(&f, on, why, &col, err) == 0, "... but is for mathematics");
	f.category = "senior";
	ok(edu_teacher_qualify(&f, on, why, &col, err) == 1 && why[EDU_TQ_EDUCATION][0],
	   "专科 is not enough for a senior school (本科)");
	f.category = "kindergarten";
	f.education = "幼儿师范";
	ok(edu_teacher_qualify(&f, on, why, &col, err) == 0, "幼儿师范 is enough for a kindergarten");
	f.education = "高中";
	ok(edu_teacher_qualify(&f, on, why, &col, err) == 1, "高中 is not");
	f.education = "本科";
	f.exam_date = "2023-03-01";
	ok(edu_teacher_qualify(&f, D(2026, 2, 28), why, &col, err) == 0,
	   "an exam pass of 2023-03-01 holds on 2026-02-28");
	ok(edu_teacher_qualify(&f, D(2026, 3, 1), why, &col, err) == 1 && why[EDU_TQ_EXAM][0],
	   "... not on 2026-03-01");
	f.exam_date = "2025-06-15";
	f.health_date = "2025-09-01";
	ok(edu_teacher_qualify(&f, on, why, &col, err) == 0, "a health check of 2025-09-01 holds on 2026-03-01");
	f.health_date = "2025-08-31";
	ok(edu_teacher_qualify(&f, on, why, &col, err) == 1 && why[EDU_TQ_HEALTH][0], "... of 08-31 does not");
	f.health_date = "2026-06-01";
	/* A woman teacher born 1971-04 retires at 55 and 4 months: 2026-08. */
	f.birth = "1971-04-10";
	ok(edu_teacher_qualify(&f, D(2026, 8, 9), why, &col, err) == 0, "born 1971-04-10: still in post 2026-08-09");
	ok(edu_teacher_qualify(&f, D(2026, 8, 10), why, &col, err) == 1 && why[EDU_TQ_AGE][0],
	   "... retired on 2026-08-10");
	f.birth = "1990-01-01";
	f.health_date = "2026-01-10";
	f.declaration = "";
	ok(edu_teacher_qualify(&f, on, why, &col, err) == 1, "no declaration fails");
	f.declaration = "maybe";
	ok(edu_teacher_qualify(&f, on, why, &col, err) == -1 && !strcmp(col, "declaration"),
	   "a declaration that is not yes or no is bad input");
}

int main(void)
{
	const char *dbpath = tap_db_path("approval");

	if (!dbpath) {
		printf("Bail out! cannot make a temporary directory\n");
		return 1;
	}
	test_trim();
	test_until();
	test_qualify();
	ok(edu_db_create(dbpath, "tester") == 0, "database created");
	sqlite3 *db = edu_db_open(dbpath, 1, 0);
	test_periods(db);
	test_eval(db);
	edu_db_close(db);
	return done_testing();
}
