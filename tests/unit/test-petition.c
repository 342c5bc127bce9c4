/* test-petition.c - the legal periods of libedu/petition.c on fixed
 * dates around the 2026 Spring Festival and National Day, with the
 * make-up working days of the sample calendar. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"
#include "tap.h"

static char tmpdir[] = "/tmp/edu-test-petition.XXXXXX";
static char dbpath[512];

static void cleanup(void)
{
	char p[600];
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };

	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", dbpath, suffix[i]);
		unlink(p);
	}
	rmdir(tmpdir);
}

#define D(y, m, d) edu_days(y, m, d)

static const char *ds(int day)
{
	static char buf[4][11];
	static int i;

	if (day < 0)
		return "none";
	i = (i + 1) % 4;
	return edu_date_str(day, buf[i]);
}

/* The 2026 days off and make-up days of examples/calendar.csv that the
 * tests cross. */
static void load_calendar(sqlite3 *db)
{
	static const char *const holidays[] = {
		"2026-01-01", "2026-01-02", "2026-01-03",
		"2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
		"2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
		"2026-04-04", "2026-04-05", "2026-04-06",
		"2026-09-25", "2026-09-26", "2026-09-27",
		"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05",
		"2026-10-06", "2026-10-07",
	};
	static const char *const workdays[] = {
		"2026-01-04", "2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10",
	};

	for (size_t i = 0; i < sizeof holidays / sizeof *holidays; i++) {
		const char *p[] = { holidays[i], "holiday" };
		edu_exec(db, "INSERT INTO calendar(day, kind) VALUES (?, ?)", 2, p);
	}
	for (size_t i = 0; i < sizeof workdays / sizeof *workdays; i++) {
		const char *p[] = { workdays[i], "workday" };
		edu_exec(db, "INSERT INTO calendar(day, kind) VALUES (?, ?)", 2, p);
	}
	edu_calendar_forget();
}

static void test_rules(void)
{
	ok(edu_petition_rule("XF") && edu_petition_rule("XF")->accept_days == 15,
	   "XF: accept or not within 15 days");
	ok(edu_petition_rule("XF")->reply_days == 60, "XF: handled within 60 days");
	ok(edu_petition_rule("FY")->reply_workdays == 10, "FY: 10 working days");
	ok(edu_petition_rule("SS")->reply_days == 15, "SS: 15 days");
	ok(edu_petition_rule("JY")->reply_months == 3 && edu_petition_rule("JY")->hard_months == 6,
	   "JY: 3 months, 6 when hard");
	ok(edu_petition_rule("XX") == NULL, "no rule for an unknown kind");
	ok(edu_petition_rule(NULL) == NULL, "no rule for no kind");
}

static void test_extend(void)
{
	char err[EDU_ERR_MAX];

	ok(edu_petition_extend_check("XF", 30, 0, err) == 0, "XF: 30 days once is allowed");
	ok(edu_petition_extend_check("XF", 1, 0, err) == 0, "XF: 1 day is allowed");
	ok(edu_petition_extend_check("XF", 31, 0, err) < 0, "XF: 31 days is not");
	ok(strstr(err, "1 to 30 days") != NULL, "... and says the limit");
	ok(edu_petition_extend_check("XF", 0, 0, err) < 0, "XF: 0 days is not an extension");
	ok(edu_petition_extend_check("XF", 10, 1, err) < 0, "XF: a second extension is refused");
	ok(strstr(err, "one extension") != NULL, "... saying there is one");
	ok(edu_petition_extend_check("FY", 30, 0, err) == 0, "FY: 30 days once is allowed");
	ok(edu_petition_extend_check("FY", 31, 0, err) < 0, "FY: 31 days is not");
	ok(edu_petition_extend_check("JY", 10, 0, err) < 0, "JY: no extension");
	ok(edu_petition_extend_check("SS", 10, 0, err) < 0, "SS: no extension");
}

static void test_periods(sqlite3 *db)
{
	/* XF, accepting: 15 calendar days, moved off days off. */
	is(ds(edu_petition_accept_due(db, "XF", D(2026, 2, 1))), "2026-02-24",
	   "XF received 02-01: day 15 is 02-16, Spring Festival -> 02-24");
	is(ds(edu_petition_accept_due(db, "XF", D(2026, 1, 30))), "2026-02-14",
	   "XF received 01-30: day 15 is make-up Saturday 02-14, kept");
	is(ds(edu_petition_accept_due(db, "XF", D(2026, 9, 16))), "2026-10-08",
	   "XF received 09-16: day 15 is 10-01, National Day -> 10-08");
	is(ds(edu_petition_accept_due(db, "XF", D(2026, 9, 5))), "2026-09-20",
	   "XF received 09-05: day 15 is make-up Sunday 09-20, kept");
	is(ds(edu_petition_accept_due(db, "FY", D(2026, 2, 1))), "none", "FY has no accept deadline");
	/* XF, handling: 60 days from acceptance, plus an extension. */
	is(ds(edu_petition_reply_due(db, "XF", D(2026, 2, 5), 0, 0)), "2026-04-07",
	   "XF accepted 02-05: day 60 is 04-06, Qingming -> 04-07");
	is(ds(edu_petition_reply_due(db, "XF", D(2026, 2, 5), 0, 30)), "2026-05-06",
	   "... extended by 30: 90 days from acceptance, 05-06");
	is(ds(edu_petition_reply_due(db, "XF", D(2026, 8, 2), 0, 0)), "2026-10-08",
	   "XF accepted 08-02: day 60 is 10-01 -> 10-08");
	/* The objection of a transferred item: 5 working days. */
	is(ds(edu_petition_objection_due(db, D(2026, 2, 12))), "2026-02-26",
	   "transferred 02-12: 13, 14 (make-up Saturday), 24, 25, 26");
	is(ds(edu_petition_objection_due(db, D(2026, 9, 29))), "2026-10-12",
	   "transferred 09-29: 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12");
	/* Review: asked within 30 days of the reply, answered within 30. */
	is(ds(edu_petition_review_by(db, D(2026, 4, 10))), "2026-05-11",
	   "reply 04-10: day 30 is Sunday 05-10 -> 05-11");
	is(ds(edu_petition_review_due(db, D(2026, 9, 1))), "2026-10-08",
	   "review asked 09-01: day 30 is 10-01 -> 10-08");
	/* JY, TA: months from assignment. */
	is(ds(edu_petition_reply_due(db, "JY", D(2026, 1, 12), 0, 0)), "2026-04-13",
	   "JY assigned 01-12: 04-12 is a Sunday -> 04-13");
	is(ds(edu_petition_reply_due(db, "TA", D(2026, 1, 12), 1, 0)), "2026-07-13",
	   "TA assigned 01-12, hard: 07-12 is a Sunday -> 07-13");
	is(ds(edu_petition_reply_due(db, "JY", D(2025, 11, 30), 0, 0)), "2026-02-28",
	   "JY assigned 2025-11-30: 2026-02-28 is a make-up Saturday, kept");
	is(ds(edu_petition_again_due(db, "JY", D(2026, 3, 5))), "2026-04-07",
	   "JY dissatisfied 03-05: 1 month is 04-05, Qingming -> 04-07");
	is(ds(edu_petition_again_due(db, "TA", D(2026, 7, 1))), "2026-10-08",
	   "TA dissatisfied 07-01: 3 months is 10-01 -> 10-08");
	is(ds(edu_petition_again_due(db, "XF", D(2026, 7, 1))), "none", "XF has no re-handling period");
	/* FY: 10 working days; SS: 15 days. */
	is(ds(edu_petition_reply_due(db, "FY", D(2026, 2, 10), 0, 0)), "2026-03-02",
	   "FY copy 02-10: 10 working days across the Spring Festival and two make-up Saturdays");
	is(ds(edu_petition_reply_due(db, "FY", D(2026, 9, 28), 0, 0)), "2026-10-16",
	   "FY copy 09-28: 10 working days across National Day");
	is(ds(edu_petition_reply_due(db, "FY", D(2026, 9, 28), 0, 10)), "2026-10-26",
	   "... extended by 10 days: 10-26");
	is(ds(edu_petition_reply_due(db, "SS", D(2026, 2, 1), 0, 0)), "2026-02-24",
	   "SS copy 02-01: day 15 is 02-16 -> 02-24");
	is(ds(edu_petition_reply_due(db, "SS", D(2026, 11, 13), 0, 0)), "2026-11-30",
	   "SS copy 11-13: day 15 is Saturday 11-28 -> 11-30");
	is(ds(edu_petition_reply_due(db, "XX", D(2026, 11, 13), 0, 0)), "none",
	   "an unknown kind has no period");
}

int main(void)
{
	if (!mkdtemp(tmpdir)) {
		printf("Bail out! cannot make a temporary directory\n");
		return 1;
	}
	snprintf(dbpath, sizeof dbpath, "%s/edu.db", tmpdir);
	atexit(cleanup);
	test_rules();
	test_extend();
	ok(edu_db_create(dbpath, "tester") == 0, "database created");
	sqlite3 *db = edu_db_open(dbpath, 1, 0);
	load_calendar(db);
	test_periods(db);
	edu_calendar_forget();
	edu_db_close(db);
	return done_testing();
}
