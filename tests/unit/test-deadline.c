/* test-deadline.c - libedu/deadline.c: a deadline noted with its recipe
 * is kept in the provisional ledger when it rests on a year without
 * calendar rows, left out when it does not, dropped when a date is set
 * by other means, and counted again (stored, audited) once the year's
 * rows are in.  Dates worked by hand: December 2026 has no calendar rows
 * here, so its days are plain weekdays. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

#define D(y, m, d) edu_days(y, m, d)

/* The ledger as "key field value" lines, or "". */
static char *ledger(sqlite3 *db)
{
	char *s = edu_query1(db, "SELECT group_concat(key || ' ' || field || ' ' || value, '; ') "
			     "FROM (SELECT * FROM provisional ORDER BY key)", 0, NULL);

	return s ? s : edu_strdup("");
}

static void day(sqlite3 *db, const char *d, const char *kind)
{
	const char *p[] = { d, kind };

	edu_exec(db, "INSERT INTO calendar (day, kind) VALUES (?1, ?2)", 2, p);
}

static void application(sqlite3 *db, const char *kind)
{
	const char *p[] = { kind };

	edu_exec(db, "INSERT INTO application (kind, received, applicant, school_name) "
		 "VALUES (?1, '2026-12-01', '52110102MJ0081452C', 'x')", 1, p);
}

/* Application `id` accepted on `accepted`: its due day counted, stored
 * and kept as the writer would; the date as text in out. */
static const char *accept(sqlite3 *db, const char *id, const char *kind, int accepted,
			  char out[11])
{
	edu_date_str(edu_approval_due(db, kind, accepted), out);
	edu_deadline_keep(db, "application", id, "due", out);
	return out;
}

static void test_ledger(sqlite3 *db)
{
	char *s, *was, d[11];

	day(db, "2026-10-01", "holiday");
	edu_calendar_forget();
	application(db, "change");
	application(db, "preparation");
	application(db, "preparation");

	/* 20 working days from Tuesday 2026-12-15: the 13th is Friday
	 * 2027-01-01 with no 2027 rows, the 20th Tuesday 2027-01-12. */
	is(accept(db, "1", "change", D(2026, 12, 15), d), "2027-01-12",
	   "a change accepted 2026-12-15 is due 2027-01-12");
	/* 30 days from 2026-09-01: 10-01 is a holiday, so 10-02. */
	is(accept(db, "2", "preparation", D(2026, 9, 1), d), "2026-10-02",
	   "a preparation accepted 2026-09-01 is due 2026-10-02");
	/* A date never counted by the tool (set by hand). */
	edu_deadline_notes_clear();
	edu_deadline_keep(db, "application", "3", "due", "2027-01-05");
	is((s = ledger(db)), "1 due 2027-01-12", "only the deadline counted into 2027 is in the ledger");
	free(s);
	edu_exec(db, "UPDATE application SET due = '2027-01-12' WHERE application = 1", 0, NULL);

	/* Another table or column is passed over. */
	edu_deadline_keep(db, "student", "x", "due", "2027-01-12");
	edu_deadline_keep(db, "application", "1", "status", "2027-01-12");
	is((s = ledger(db)), "1 due 2027-01-12", "other tables and columns are passed over");
	free(s);

	ok(edu_deadline_count(db, 2027) == 1, "one deadline counted across 2027");
	ok(edu_deadline_count(db, 2026) == 1, "... which runs from 2026");
	ok(edu_deadline_count(db, 2028) == 0, "none across 2028");
	int lo = 0, hi = 0;
	ok(edu_deadline_span(db, &lo, &hi) && lo == 2026 && hi == 2027, "the span is 2026 to 2027");

	/* 2027 comes in with New Year's Day off: the 13th working day is
	 * Monday 01-04, the 20th Wednesday 01-13. */
	day(db, "2027-01-01", "holiday");
	was = edu_query1(db, "SELECT count(*) FROM audit", 0, NULL);
	struct edu_deadline_recount rc;
	edu_deadline_recount(db, &rc);
	ok(rc.recounted == 1 && rc.nmoved == 1 && rc.still == 0,
	   "recount: 1 counted again, 1 moved, 0 still provisional");
	is(rc.moved.s, "application 1 due 2027-01-12 -> 2027-01-13\n", "... the moved line");
	edu_buf_free(&rc.moved);
	is((s = edu_query1(db, "SELECT due FROM application WHERE application = 1", 0, NULL)),
	   "2027-01-13", "... stored");
	free(s);
	is((s = ledger(db)), "", "... the ledger is empty");
	free(s);
	s = edu_query1(db, "SELECT count(*) - ?1 FROM audit", 1, (const char *const *)&was);
	is(s, "1", "... one audit row");
	free(s);
	free(was);

	/* A date changed by other means since it was counted leaves the
	 * ledger untouched by the recount. */
	edu_calendar_forget();
	is(accept(db, "2", "preparation", D(2027, 12, 20), d), "2028-01-19",
	   "a preparation accepted 2027-12-20 is due 2028-01-19");
	edu_exec(db, "UPDATE application SET due = '2028-01-20' WHERE application = 2", 0, NULL);
	day(db, "2028-01-19", "holiday");
	edu_deadline_recount(db, &rc);
	ok(rc.recounted == 0 && rc.nmoved == 0, "a date set since is not counted again");
	edu_buf_free(&rc.moved);
	is((s = edu_query1(db, "SELECT due FROM application WHERE application = 2", 0, NULL)),
	   "2028-01-20", "... and stays as set");
	free(s);
	is((s = ledger(db)), "", "... and leaves the ledger");
	free(s);
}

int main(void)
{
	const char *dbpath = tap_db_path("deadline");

	if (!dbpath) {
		printf("Bail out! cannot make a temporary directory\n");
		return 1;
	}
	edu_prog = "test-deadline";
	edu_db_session(&(struct edu_session){ .tool = "test", .verb = "test", .user = "test" });
	ok(edu_db_create(dbpath, "tester") == 0, "database created");
	sqlite3 *db = edu_db_open(dbpath, 1, 0);
	ok(db != NULL, "database opened");
	test_ledger(db);
	edu_calendar_forget();
	edu_db_close(db);
	return done_testing();
}
