/* test-petition.c - the legal periods of libedu/petition.c on fixed
 * dates around the 2026 Spring Festival and National Day, with the
 * make-up working days of the sample calendar; the state rules of the
 * change verbs: every verb on every kind in every status, and what each
 * sets. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"
#include "tap.h"

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
	ok(edu_petition_extend_check("FY", 30, 0, err) == 0, "FY: 30 days once is allowed (the body's)");
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
	/* Issue 16: FY, 60 calendar days from knowing (art. 20) and from
	 * the body's acceptance (art. 62); SS appeals (art. 85). */
	is(ds(edu_petition_apply_by(db, "FY", D(2026, 4, 1))), "2026-06-01",
	   "FY knew 04-01: day 60 is 05-31, a Sunday -> 06-01");
	is(ds(edu_petition_apply_by(db, "FY", D(2026, 1, 5))), "2026-03-06",
	   "FY knew 01-05: day 60 is 03-06, a Friday");
	is(ds(edu_petition_apply_by(db, "XF", D(2026, 1, 5))), "none", "XF has no application period");
	is(ds(edu_petition_decision_due(db, "FY", D(2026, 5, 25), 0)), "2026-07-24",
	   "FY accepted 05-25: day 60 is 07-24");
	is(ds(edu_petition_decision_due(db, "FY", D(2026, 5, 25), 30)), "2026-08-24",
	   "... extended by 30: 08-23, a Sunday -> 08-24");
	is(ds(edu_petition_appeal_due(db, "SS", "judgement", D(2026, 9, 20))), "2026-10-08",
	   "SS judgement served 09-20: day 15 is 10-05, National Day -> 10-08");
	is(ds(edu_petition_appeal_due(db, "SS", "ruling", D(2026, 9, 20))), "2026-09-30",
	   "SS ruling served 09-20: day 10 is 09-30");
	is(ds(edu_petition_appeal_due(db, "FY", "ruling", D(2026, 9, 20))), "none",
	   "FY has no appeal");
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

/* ---- the state rules ---------------------------------------------------- */

static const char *const statuses[] = { "received", "assigned", "accepted", "declined",
					 "replied", "closed" };

/* What each verb does to each kind in each status, worked out from the
 * rules (DESIGN 8) by hand: the status it leaves, or "-" when refused.
 * Columns: received assigned accepted declined replied closed. */
static const struct {
	const char *verb, *kind, *want;
} matrix[] = {
	{ "assign", "XF", "assigned assigned accepted - - -" },
	{ "assign", "JY", "assigned assigned accepted - - -" },
	{ "assign", "TA", "assigned assigned accepted - - -" },
	{ "assign", "FY", "assigned assigned accepted - - -" },
	{ "assign", "SS", "assigned assigned accepted - - -" },
	{ "accept", "XF", "accepted accepted - - - -" },
	{ "accept", "JY", "- - - - - -" },
	{ "accept", "FY", "received assigned accepted - replied -" },
	{ "decline", "XF", "declined declined - - - -" },
	{ "decline", "TA", "- - - - - -" },
	{ "decline", "SS", "- - - - - -" },
	{ "extend", "XF", "- - accepted - - -" },
	{ "extend", "JY", "received assigned accepted - - -" },
	{ "extend", "FY", "received assigned accepted - replied -" },
	{ "reply", "XF", "- - replied - - -" },
	{ "reply", "JY", "- replied - - - -" },
	{ "reply", "TA", "- replied - - - -" },
	{ "reply", "FY", "replied replied replied - - -" },
	{ "reply", "SS", "replied replied replied - - -" },
	{ "feedback", "XF", "- - - - replied -" },
	{ "feedback", "JY", "- - - - replied -" },
	{ "feedback", "TA", "- - - - replied -" },
	{ "feedback", "FY", "- - - - - -" },
	{ "feedback", "SS", "- - - - - -" },
	{ "close", "XF", "- - - - closed -" },
	{ "close", "JY", "- - - - closed -" },
	{ "close", "SS", "- - - - closed -" },
	{ "close", "FY", "- - - - closed -" },
	{ "served", "XF", "- - - - replied closed" },
	{ "served", "SS", "received assigned accepted - replied -" },
	{ "served", "FY", "- - - - - -" },
	{ "review", "XF", "- - - - replied closed" },
	{ "review", "JY", "- - - - - -" },
	{ "review", "FY", "- - - - - -" },
};

static void test_moves(void)
{
	char err[EDU_ERR_MAX];

	for (size_t m = 0; m < sizeof matrix / sizeof *matrix; m++) {
		char got[128] = "";

		for (size_t i = 0; i < 6; i++) {
			const char *to = NULL;
			int rc = edu_petition_may(matrix[m].verb, matrix[m].kind, statuses[i], &to, err);
			strcat(got, i ? " " : "");
			strcat(got, rc < 0 ? "-" : to);
		}
		is(got, matrix[m].want, "%s %s: received assigned accepted declined replied closed",
		   matrix[m].verb, matrix[m].kind);
	}
}

/* The refusal of a verb on a kind in a status, word for word. */
static void refusal_is(const char *verb, const char *kind, const char *status,
		       const char *want)
{
	char err[EDU_ERR_MAX] = "";
	const char *to;
	int rc = edu_petition_may(verb, kind, status, &to, err);

	is(rc < 0 ? err : "(allowed)", want, "%s of a %s case that is %s", verb, kind, status);
}

static void test_refusals(void)
{
	refusal_is("assign", "JY", "replied",
		   "it is replied: only an open case (received, assigned, accepted) can be changed so");
	refusal_is("accept", "JY", "received",
		   "only letters and visits (XF) are accepted, and the acceptance of a reconsideration "
		   "(FY) recorded, not NPC deputies' suggestions (建议)");
	refusal_is("decline", "XF", "declined", "it is declined already");
	refusal_is("extend", "XF", "received", "it is received: only an accepted case is extended");
	refusal_is("extend", "FY", "closed",
		   "it is closed: only an open or answered reconsideration is extended");
	refusal_is("reply", "XF", "assigned",
		   "it is assigned: a letter or visit is accepted before it is replied to");
	refusal_is("reply", "TA", "accepted",
		   "it is accepted: a suggestion or proposal is assigned before it is replied to");
	refusal_is("feedback", "FY", "replied", "administrative reconsideration (行政复议) take no rating");
	refusal_is("feedback", "XF", "received", "it is received: only a replied case is rated");
	refusal_is("close", "XF", "accepted", "it is accepted: only a replied case is closed");
	refusal_is("review", "SS", "replied",
		   "only letters and visits (XF) are reviewed, not administrative litigation (行政诉讼)");
	refusal_is("review", "XF", "accepted", "it is accepted: only a case replied to can be reviewed");
}

static struct edu_petition_case pcase(const char *kind, const char *status)
{
	return (struct edu_petition_case){ .kind = kind, .status = status, .received = D(2026, 1, 5),
		.reply_due = -1, .replied_on = -1, .first_assigned = -1, .last_accepted = -1,
		.applied_on = -1, .body_accepted = -1, .decision_due = -1, .served_on = -1,
		.appeal_due = -1 };
}

/* Apply a verb: the refusal, or "" when it was applied. */
static const char *change(sqlite3 *db, struct edu_petition_case *c,
			  const struct edu_petition_act *a, char **detail)
{
	static char err[EDU_ERR_MAX];

	free(*detail);
	*detail = NULL;
	err[0] = '\0';
	if (edu_petition_change(db, c, a, detail, err) == 0)
		return "";
	return err[0] ? err : "(refused without a reason)";
}

static void test_assign(sqlite3 *db)
{
	struct edu_petition_case c = pcase("JY", "received");
	char *detail = NULL;

	is(change(db, &c, &(struct edu_petition_act){ .verb = "assign", .on = D(2026, 1, 12),
						       .dept = "规划科" }, &detail), "",
	   "assign a JY received on 01-12");
	is(c.status, "assigned", "... it is assigned");
	is(c.department, "规划科", "... to the department");
	is(ds(c.reply_due), "2026-04-13", "... due 3 months on, 04-12 a Sunday -> 04-13");
	is(detail, "规划科", "... the event names the department");

	/* Passed on, later: the period still runs from the first assignment. */
	c.first_assigned = D(2026, 1, 12);
	is(change(db, &c, &(struct edu_petition_act){ .verb = "assign", .on = D(2026, 2, 2),
						       .dept = "基教科" }, &detail), "",
	   "assign it again on 02-02");
	ok(!strcmp(c.department, "基教科") && !strcmp(ds(c.reply_due), "2026-04-13"),
	   "... another department, the same deadline");
	c.kind = "TA";
	is(change(db, &c, &(struct edu_petition_act){ .verb = "assign", .on = D(2026, 2, 2),
						       .dept = "基教科", .hard = 1 }, &detail), "",
	   "a TA made hard on 02-02");
	is(ds(c.reply_due), "2026-07-13", "... 6 months from the first assignment, 07-12 a Sunday -> 07-13");
	is(detail, "基教科 (hard)", "... the event says hard");

	struct edu_petition_case x = pcase("XF", "received");
	x.department = "信访办";
	is(change(db, &x, &(struct edu_petition_act){ .verb = "assign", .on = D(2026, 2, 2),
						       .dept = "基教科", .hard = 1 }, &detail),
	   "--hard is for suggestions and proposals (JY, TA), not letters and visits (信访)",
	   "--hard for a letter is refused");
	ok(!strcmp(x.department, "信访办") && !strcmp(x.status, "received") && !detail,
	   "... and the case is as it was");
	is(change(db, &x, &(struct edu_petition_act){ .verb = "assign", .on = D(2026, 2, 2),
						       .dept = "基教科" }, &detail), "", "assign a letter");
	ok(!strcmp(x.status, "assigned") && x.reply_due == -1,
	   "... assigned, no reply deadline before acceptance");
	free(detail);
}

static void test_accept_extend(sqlite3 *db)
{
	struct edu_petition_case c = pcase("XF", "assigned");
	char *detail = NULL;

	is(change(db, &c, &(struct edu_petition_act){ .verb = "accept", .on = D(2026, 2, 5) },
		  &detail), "", "accept a letter on 02-05");
	ok(!strcmp(c.status, "accepted") && !strcmp(ds(c.reply_due), "2026-04-07"),
	   "... accepted, due 60 days on, 04-06 Qingming -> 04-07");
	c.last_accepted = D(2026, 2, 5);
	is(change(db, &c, &(struct edu_petition_act){ .verb = "extend", .on = D(2026, 3, 20),
						       .days = 30, .reason = "复杂" }, &detail), "",
	   "extend it by 30 days");
	is(ds(c.reply_due), "2026-05-06", "... 90 days from acceptance");
	is(detail, "30 days: 复杂", "... the event says by how much and why");
	c.extensions = 1;
	is(change(db, &c, &(struct edu_petition_act){ .verb = "extend", .on = D(2026, 3, 21),
						       .days = 5, .reason = "x" }, &detail),
	   "it was extended already: letters and visits (信访) allows one extension",
	   "a second extension is refused");
	c.extensions = 0;
	c.status = "closed";
	is(change(db, &c, &(struct edu_petition_act){ .verb = "extend", .on = D(2026, 3, 21),
						       .days = 31, .reason = "x" }, &detail),
	   "an extension is of 1 to 30 days, not 31",
	   "the days are checked before the status");
	c.status = "accepted";
	c.last_accepted = -1;
	is(change(db, &c, &(struct edu_petition_act){ .verb = "extend", .on = D(2026, 3, 21),
						       .days = 3, .reason = "x" }, &detail),
	   "its period has no recorded start to extend from", "no acceptance on record");

	/* Issue 16, point 1: the bureau's answer (art. 48) is not extended;
	 * the body's decision period (art. 62) is, once it is known. */
	struct edu_petition_case f = pcase("FY", "received");
	f.received = D(2026, 9, 28);
	f.reply_due = D(2026, 10, 16);
	is(change(db, &f, &(struct edu_petition_act){ .verb = "extend", .on = D(2026, 10, 9),
						       .days = 10, .reason = "x" }, &detail),
	   "the answer due 2026-10-16 cannot be extended (行政复议法 art. 48; art. 70: an act "
	   "not answered in time counts as without evidence); to record the body's extension "
	   "of its decision period, record its acceptance first (accept --accepted DATE)",
	   "the answer of a reconsideration is not extended");
	is(ds(f.reply_due), "2026-10-16", "... its day unchanged");
	/* Accepted 09-20: 60 days, 11-19 (Thu); + 10 = 11-29, a Sunday: 11-30. */
	is(change(db, &f, &(struct edu_petition_act){ .verb = "accept", .on = D(2026, 10, 9),
						       .accepted = D(2026, 9, 20), .body = "区政府" },
		  &detail), "", "the body's acceptance of 09-20, told on 10-09");
	ok(!strcmp(f.status, "received") && !strcmp(ds(f.decision_due), "2026-11-19") &&
	   !strcmp(f.body, "区政府"), "... the status unchanged, its decision due 11-19");
	is(detail, "accepted by 区政府 on 2026-09-20", "... the event says so");
	is(change(db, &f, &(struct edu_petition_act){ .verb = "accept", .on = D(2026, 10, 9) },
		  &detail), "the body's acceptance was recorded already: 2026-09-20",
	   "a second acceptance is refused");
	is(change(db, &f, &(struct edu_petition_act){ .verb = "extend", .on = D(2026, 10, 9),
						       .days = 10, .reason = "x" }, &detail), "",
	   "the body extends its period by 10 days");
	ok(!strcmp(ds(f.decision_due), "2026-11-30") && !strcmp(ds(f.reply_due), "2026-10-16"),
	   "... its decision due 11-30 (11-29 a Sunday), the answer still 10-16");
	struct edu_petition_case g = pcase("FY", "received");
	g.applied_on = D(2026, 9, 21);
	is(change(db, &g, &(struct edu_petition_act){ .verb = "accept", .on = D(2026, 10, 9),
						       .accepted = D(2026, 9, 20) }, &detail),
	   "--accepted 2026-09-20 is before the application of 2026-09-21",
	   "accepted before the application");
	f.kind = "JY";
	is(change(db, &f, &(struct edu_petition_act){ .verb = "extend", .on = D(2026, 10, 9),
						       .days = 10, .reason = "x" }, &detail),
	   "a case of kind JY cannot be extended", "a suggestion is not extended");

	struct edu_petition_case d = pcase("XF", "received");
	is(change(db, &d, &(struct edu_petition_act){ .verb = "decline", .on = D(2026, 2, 5),
						       .reason = "不属于本机关职责" }, &detail), "",
	   "decline a letter");
	ok(!strcmp(d.status, "declined") && !strcmp(detail, "不属于本机关职责") && d.reply_due == -1,
	   "... declined, the reason recorded, no deadline");
	free(detail);
}

static void test_reply_feedback(sqlite3 *db)
{
	struct edu_petition_case c = pcase("JY", "assigned");
	char *detail = NULL;

	c.reply_due = D(2026, 4, 13);
	is(change(db, &c, &(struct edu_petition_act){ .verb = "reply", .on = D(2026, 3, 2),
						       .text = "已答复" }, &detail),
	   "a reply to a suggestion or proposal needs its --result class",
	   "a reply to a suggestion without a class is refused");
	is(change(db, &c, &(struct edu_petition_act){ .verb = "reply", .on = D(2026, 3, 2),
						       .text = "已答复", .result = "B" }, &detail), "",
	   "reply with class B on 03-02");
	ok(!strcmp(c.status, "replied") && c.replied_on == D(2026, 3, 2) && !strcmp(c.result, "B"),
	   "... replied on 03-02, class B");
	is(detail, "已答复", "... the event has the text");
	is(change(db, &c, &(struct edu_petition_act){ .verb = "feedback", .on = D(2026, 3, 5),
						       .rating = "dissatisfied" }, &detail), "",
	   "the deputy is dissatisfied on 03-05");
	ok(!strcmp(c.status, "assigned") && c.replied_on == -1 && !c.result,
	   "... handled again: assigned, the reply and its class cleared");
	is(ds(c.reply_due), "2026-04-07", "... within a month, 04-05 Qingming -> 04-07");
	is(c.rating, "dissatisfied", "... the rating kept");

	struct edu_petition_case x = pcase("XF", "accepted");
	is(change(db, &x, &(struct edu_petition_act){ .verb = "reply", .on = D(2026, 3, 2),
						       .text = "t", .result = "A" }, &detail),
	   "only replies to suggestions and proposals (JY, TA) have a result class",
	   "a class for a letter's reply is refused");
	is(change(db, &x, &(struct edu_petition_act){ .verb = "reply", .on = D(2026, 3, 2),
						       .text = "t" }, &detail), "", "reply to a letter");
	is(change(db, &x, &(struct edu_petition_act){ .verb = "feedback", .on = D(2026, 3, 5),
						       .rating = "dissatisfied" }, &detail), "",
	   "a dissatisfied petitioner");
	ok(!strcmp(x.status, "replied") && x.replied_on == D(2026, 3, 2),
	   "... a letter is not handled again: it stays replied (review is the remedy)");
	is(change(db, &x, &(struct edu_petition_act){ .verb = "close", .on = D(2026, 3, 9) },
		  &detail), "", "close it");
	is(x.status, "closed", "... closed");

	struct edu_petition_case f = pcase("FY", "received");
	is(change(db, &f, &(struct edu_petition_act){ .verb = "reply", .on = D(2026, 1, 9),
						       .text = "答辩" }, &detail), "",
	   "a reconsideration is answered straight from received");
	is(f.status, "replied", "... replied");
	is(change(db, &f, &(struct edu_petition_act){ .verb = "frobnicate", .on = D(2026, 1, 9) },
		  &detail), "'frobnicate' does not change a case", "an unknown verb is refused");
	is(change(db, &f, &(struct edu_petition_act){ .verb = "close", .on = D(2026, 3, 9) },
		  &detail), "a reconsideration is closed with the body's --outcome",
	   "closing a reconsideration needs the outcome");
	is(change(db, &f, &(struct edu_petition_act){ .verb = "close", .on = D(2026, 3, 9),
						       .outcome = "revoked" }, &detail), "",
	   "closed with the outcome");
	ok(!strcmp(f.status, "closed") && !strcmp(f.outcome, "revoked"), "... revoked, closed");

	/* SS, 行政诉讼法 art. 85: served 10-23 (Fri), a judgement: 15 days,
	 * 11-07 a Saturday: 11-09; a ruling served 12-21: 10 days, 12-31. */
	struct edu_petition_case s = pcase("SS", "replied");
	is(change(db, &s, &(struct edu_petition_act){ .verb = "served", .on = D(2026, 10, 23) },
		  &detail), "a case of litigation needs the --decision served (judgement or ruling)",
	   "served without the decision");
	is(change(db, &s, &(struct edu_petition_act){ .verb = "served", .on = D(2026, 10, 23),
						       .decision = "judgement" }, &detail), "",
	   "a judgement served on 10-23");
	is(ds(s.appeal_due), "2026-11-09", "... the appeal due 11-09");
	is(change(db, &s, &(struct edu_petition_act){ .verb = "served", .on = D(2026, 10, 26),
						       .decision = "ruling" }, &detail),
	   "a judgement was served already on 2026-10-23", "served twice");
	struct edu_petition_case s2 = pcase("SS", "received");
	is(change(db, &s2, &(struct edu_petition_act){ .verb = "served", .on = D(2026, 12, 21),
							.decision = "ruling" }, &detail), "",
	   "a ruling served on 12-21");
	is(ds(s2.appeal_due), "2026-12-31", "... the appeal due 12-31");
	free(detail);
}

static void test_review(sqlite3 *db)
{
	struct edu_petition_case c = pcase("XF", "replied");
	char *detail = NULL;

	c.replied_on = D(2026, 4, 10);
	is(change(db, &c, &(struct edu_petition_act){ .verb = "review", .on = D(2026, 5, 12) },
		  &detail), "a review had to be asked for by 2026-05-11, 30 days after the reply "
	   "reached the petitioner on 2026-04-10", "a review asked for on day 32");
	is(change(db, &c, &(struct edu_petition_act){ .verb = "review", .on = D(2026, 4, 9) },
		  &detail), "2026-04-09 is before the reply reached the petitioner, on 2026-04-10",
	   "a review asked for before the reply");
	/* Issue 16, point 3: from the day the reply reached the petitioner,
	 * 04-13 (Mon) by post: 30 days, 05-13. */
	c.served_on = D(2026, 4, 13);
	is(change(db, &c, &(struct edu_petition_act){ .verb = "review", .on = D(2026, 5, 14),
						       .body = "市教委" }, &detail),
	   "a review had to be asked for by 2026-05-13, 30 days after the reply reached the "
	   "petitioner on 2026-04-13", "a review on day 31 of the delivery");
	is(change(db, &c, &(struct edu_petition_act){ .verb = "review", .on = D(2026, 5, 13),
						       .body = "市教委", .bureau = "区教委" }, &detail),
	   "", "a review by the body one level up on day 30 of the delivery");
	ok(!strcmp(c.body, "市教委") && detail && !strcmp(detail, "复查 by 市教委"),
	   "... recorded on the case, no case of the bureau's (detail set)");
	c.body = NULL;
	free(detail);
	detail = NULL;
	is(change(db, &c, &(struct edu_petition_act){ .verb = "review", .on = D(2026, 5, 13),
						       .body = "区教委", .bureau = "区教委" }, &detail),
	   "", "a review by the bureau itself");
	ok(!c.body && !detail, "... the caller opens the bureau's case (no detail)");
	c.served_on = -1;
	is(change(db, &c, &(struct edu_petition_act){ .verb = "review", .on = D(2026, 5, 11) },
		  &detail), "", "a review asked for on 05-11, the last day");
	ok(!strcmp(c.status, "replied") && !detail, "... the case itself stays as it is");
	c.review_asked = 1;
	is(change(db, &c, &(struct edu_petition_act){ .verb = "review", .on = D(2026, 5, 11) },
		  &detail), "a review of it was asked for already", "a second review of it");
	c.review_asked = 0;
	c.review_level = 2;
	is(change(db, &c, &(struct edu_petition_act){ .verb = "review", .on = D(2026, 5, 11) },
		  &detail), "it is a re-review (复核): its answer is final", "a re-review is final");
	c.review_level = 1;
	is(change(db, &c, &(struct edu_petition_act){ .verb = "review", .on = D(2026, 5, 11) },
		  &detail), "", "a review (复查) may be re-reviewed");
	c.status = "closed";
	c.replied_on = -1;
	is(change(db, &c, &(struct edu_petition_act){ .verb = "review", .on = D(2026, 5, 11) },
		  &detail), "it is closed: only a case replied to can be reviewed",
	   "a case closed without a reply");
	free(detail);
}

/* ---- the case table ------------------------------------------------------ */

/* A case's columns, all empty but those given. */
static void blank(const char **v)
{
	for (int i = 0; i < EDU_PC_NCOL; i++)
		v[i] = NULL;
}

/* What edu_petition_check says of a row: "ok", or "column: reason". */
static const char *check(sqlite3 *db, const char *const *v)
{
	static char out[EDU_ERR_MAX + 64];
	char err[EDU_ERR_MAX];
	const char *col = NULL;

	if (edu_petition_check(db, v, &col, err) == 0)
		return "ok";
	snprintf(out, sizeof out, "%s: %s", col ? col : "?", err);
	return out;
}

static void test_check(sqlite3 *db)
{
	const char *v[EDU_PC_NCOL];

	blank(v);
	v[EDU_PC_KIND] = "XF";
	v[EDU_PC_CHANNEL] = "letter";
	v[EDU_PC_CATEGORY] = "claim";
	v[EDU_PC_RECEIVED] = "2026-03-02";
	is(check(db, v), "ok", "a letter without a number yet, with channel and category");
	v[EDU_PC_CASE_NO] = "XF-2026-00001";
	is(check(db, v), "ok", "... and with its number");
	v[EDU_PC_CASE_NO] = "XF-2026-0001";
	is(check(db, v), "case_no: 'XF-2026-0001' is not a case number KIND-YEAR-NNNNN",
	   "four digits of sequence are one short");
	v[EDU_PC_CASE_NO] = "XF-2026-000011";
	is(check(db, v), "case_no: 'XF-2026-000011' is not a case number KIND-YEAR-NNNNN",
	   "six digits are one too many");
	v[EDU_PC_CASE_NO] = "Xf-2026-00001";
	is(check(db, v), "case_no: 'Xf-2026-00001' is not a case number KIND-YEAR-NNNNN",
	   "the kind is in capitals");
	v[EDU_PC_CASE_NO] = "JY-2026-00001";
	is(check(db, v), "case_no: 'JY-2026-00001' is not a number of kind XF",
	   "a JY number on a letter");
	v[EDU_PC_CASE_NO] = NULL;
	v[EDU_PC_CHANNEL] = NULL;
	is(check(db, v), "channel: a letter or visit needs its channel", "XF without channel");
	v[EDU_PC_CHANNEL] = "visit";
	v[EDU_PC_CATEGORY] = NULL;
	is(check(db, v), "category: a letter or visit needs its category", "XF without category");
	v[EDU_PC_CATEGORY] = "claim";
	v[EDU_PC_REPLY_DUE] = "2026-03-01";
	is(check(db, v), "reply_due: 2026-03-01 is before the case was received on 2026-03-02",
	   "a deadline the day before receipt");
	v[EDU_PC_REPLY_DUE] = "2026-03-02";
	is(check(db, v), "ok", "a deadline on the day of receipt");
	v[EDU_PC_REPLIED_ON] = "2026-01-31";
	is(check(db, v), "replied_on: 2026-01-31 is before the case was received on 2026-03-02",
	   "a reply before receipt");
	v[EDU_PC_REPLIED_ON] = NULL;
	v[EDU_PC_RESULT] = "Z";
	is(check(db, v), "ok", "a result class on a letter is not checked");

	blank(v);
	v[EDU_PC_KIND] = "TA";
	v[EDU_PC_RECEIVED] = "2026-03-02";
	is(check(db, v), "deputy: a suggestion or proposal needs its deputy or member",
	   "TA without the member");
	v[EDU_PC_DEPUTY] = "委员 12";
	v[EDU_PC_RESULT] = "B";
	is(check(db, v), "ok", "TA with result B, one of A B C");
	v[EDU_PC_RESULT] = "D";
	is(check(db, v), "result: 'D' is not one of the result classes A B C", "result D is not");
	v[EDU_PC_KIND] = "FY";
	v[EDU_PC_DEPUTY] = NULL;
	is(check(db, v), "ok", "FY needs neither channel nor deputy, nor a known class");
}

/* Cases stored as the tests of the history and lists want them. */
static void put_cases(sqlite3 *db)
{
	static const char *const rows[][12] = {
		/* case_no, kind, channel, category, received_on, phone,
		 * department, status, accept_due, reply_due, replied_on, rating */
		{ "XF-2026-00001", "XF", "letter", "claim", "2026-03-02", "13800138000",
		  "D1", "accepted", "2026-03-17", "2026-05-01", NULL, NULL },
		{ "JY-2026-00001", "JY", NULL, NULL, "2026-03-10", "13800138000",
		  "D2", "replied", NULL, "2026-06-10", "2026-04-01", "satisfied" },
		{ "XF-2026-00002", "XF", "visit", "claim", "2026-04-01", "13800138000",
		  "D1", "closed", "2026-04-16", "2026-04-10", "2026-04-20", "dissatisfied" },
		{ "XF-2026-00003", "XF", "letter", "complaint", "2026-09-29", NULL,
		  NULL, "received", "2026-10-14", NULL, NULL, NULL },
	};

	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		edu_exec(db, "INSERT INTO petition(case_no, kind, channel, category, "
			 "received_on, phone, department, status, accept_due, reply_due, "
			 "replied_on, rating, petitioner, subject) "
			 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '甲', '事')", 12, rows[i]);
	edu_exec(db, "UPDATE petition SET transferred_from = '市信访局' "
		 "WHERE case_no = 'XF-2026-00003'", 0, NULL);
	edu_exec(db, "UPDATE petition SET deputy = '代表 7' WHERE kind = 'JY'", 0, NULL);
	/* XF-2026-00001: assigned twice, accepted twice, extended once. */
	edu_exec(db, "INSERT INTO petition_event(case_no, day, event, status) VALUES "
		 "('XF-2026-00001', '2026-03-03', 'assign', 'assigned'), "
		 "('XF-2026-00001', '2026-03-04', 'assign', 'assigned'), "
		 "('XF-2026-00001', '2026-03-05', 'accept', 'accepted'), "
		 "('XF-2026-00001', '2026-03-06', 'accept', 'accepted'), "
		 "('XF-2026-00001', '2026-03-10', 'extend', 'accepted')", 0, NULL);
}

/* A review of XF-2026-00002 and a re-review of that review. */
static void put_reviews(sqlite3 *db)
{
	edu_exec(db, "INSERT INTO petition(case_no, kind, channel, category, received_on, "
		 "petitioner, subject, status) VALUES "
		 "('XF-2026-00005', 'XF', 'visit', 'claim', '2026-05-01', '甲', '复查', 'accepted'), "
		 "('XF-2026-00006', 'XF', 'visit', 'claim', '2026-06-01', '甲', '复核', 'accepted')",
		 0, NULL);
	edu_exec(db, "INSERT INTO petition_event(case_no, day, event, status, detail) VALUES "
		 "('XF-2026-00002', '2026-05-01', 'review', 'closed', 'XF-2026-00005'), "
		 "('XF-2026-00005', '2026-06-01', 'review', 'accepted', 'XF-2026-00006')", 0, NULL);
}

static void test_repeats(sqlite3 *db)
{
	char *r = edu_petition_repeats(db, NULL, "13800138000");

	is(r ? r : "none", "JY-2026-00001 XF-2026-00001",
	   "the open cases of the phone, in order; the closed one is not");
	free(r);
	r = edu_petition_repeats(db, "", "138 0013 8000");
	is(r ? r : "none", "JY-2026-00001 XF-2026-00001", "a phone is matched as normalised");
	free(r);
	r = edu_petition_repeats(db, "110101", "12345");
	is(r ? r : "none", "none", "an ID number and phone that are not ones match nothing");
	free(r);
	r = edu_petition_repeats(db, NULL, "13900139000");
	is(r ? r : "none", "none", "a phone of no case");
	free(r);
}

static void test_derive(sqlite3 *db)
{
	const char *raw[EDU_PC_NCOL], *col = NULL;
	char buf[EDU_DERIVE_MAX][EDU_VAL_MAX], err[EDU_ERR_MAX];

	blank(raw);
	raw[EDU_PC_KIND] = "信访";
	raw[EDU_PC_RECEIVED] = "2026-09-29";
	raw[EDU_PC_PHONE] = "13800138000";
	ok(edu_petition_derive(db, raw, buf, &col, err) == 0, "a new letter is derived");
	is(raw[EDU_PC_ACCEPT_DUE] ? raw[EDU_PC_ACCEPT_DUE] : "none", "2026-10-14",
	   "accept by: 15 days from 09-29, a Wednesday");
	is(raw[EDU_PC_REPLY_DUE] ? raw[EDU_PC_REPLY_DUE] : "none", "none",
	   "a letter's reply runs from its acceptance: not yet");
	is(raw[EDU_PC_RELATED] ? raw[EDU_PC_RELATED] : "none", "JY-2026-00001 XF-2026-00001",
	   "related: the open cases of the same phone");

	blank(raw);
	raw[EDU_PC_KIND] = "FY";
	raw[EDU_PC_RECEIVED] = "2026-09-28";
	raw[EDU_PC_RELATED] = "XF-2026-00003";
	ok(edu_petition_derive(db, raw, buf, &col, err) == 0, "a new FY is derived");
	is(raw[EDU_PC_ACCEPT_DUE] ? raw[EDU_PC_ACCEPT_DUE] : "none", "none", "FY accepts nothing");
	is(raw[EDU_PC_REPLY_DUE] ? raw[EDU_PC_REPLY_DUE] : "none", "2026-10-16",
	   "FY: 10 working days from receipt, across National Day");
	is(raw[EDU_PC_RELATED], "XF-2026-00003", "a related case given is kept");

	blank(raw);
	raw[EDU_PC_KIND] = "FY";
	raw[EDU_PC_RECEIVED] = "2026-09-28";
	raw[EDU_PC_STATUS] = "已受理";
	ok(edu_petition_derive(db, raw, buf, &col, err) == 0, "an FY imported as accepted");
	ok(!raw[EDU_PC_REPLY_DUE], "... brings its own deadlines: none made");

	blank(raw);
	raw[EDU_PC_CASE_NO] = "XF-2026-00001";
	ok(edu_petition_derive(db, raw, buf, &col, err) == 0 && !raw[EDU_PC_ACCEPT_DUE] &&
	   !raw[EDU_PC_RELATED], "a stored case is left alone, even without kind and day");

	blank(raw);
	raw[EDU_PC_KIND] = "";
	raw[EDU_PC_RECEIVED] = "2026-09-28";
	ok(edu_petition_derive(db, raw, buf, &col, err) < 0 && !strcmp(col, "kind") &&
	   !strcmp(err, "may not be empty"), "a new case without a kind: kind may not be empty");
	raw[EDU_PC_KIND] = "SS";
	raw[EDU_PC_RECEIVED] = "2026-02-30";
	ok(edu_petition_derive(db, raw, buf, &col, err) < 0 && !strcmp(col, "received_on"),
	   "a new case received on 02-30: received_on is refused");
}

static void test_new_key(sqlite3 *db)
{
	const char *v[EDU_PC_NCOL];
	char err[EDU_ERR_MAX];

	blank(v);
	v[EDU_PC_KIND] = "XF";
	v[EDU_PC_RECEIVED] = "2026-09-29";
	char *no = edu_petition_new_key(db, v, err);
	is(no ? no : "none", "XF-2026-00004", "the first new XF of 2026 passes over 1, 2, 3 stored");
	is(edu_petition_new_no(), "XF-2026-00004", "... and is the last number made");
	free(no);
	no = edu_petition_new_key(db, v, err);
	is(no ? no : "none", "XF-2026-00007",
	   "the next passes over 5 and 6 (the reviews), stored since");
	free(no);
	v[EDU_PC_KIND] = "TA";
	v[EDU_PC_RECEIVED] = "2025-12-31";
	no = edu_petition_new_key(db, v, err);
	is(no ? no : "none", "TA-2025-00001", "TA of 2025 counts on its own");
	free(no);
}

static void test_history(sqlite3 *db)
{
	struct edu_petition_row r;
	struct edu_petition_case pc;

	ok(edu_petition_load(db, "XF-2026-00009", &r) < 0 && !r.v[EDU_PC_KIND],
	   "no such case: -1, the row empty");
	ok(edu_petition_load(db, "XF-2026-00001", &r) == 0, "a case loaded");
	is(r.v[EDU_PC_REPLY_DUE], "2026-05-01", "... every column: reply_due");
	ok(!r.v[EDU_PC_RATING], "... NULL where empty");
	edu_petition_row_set_day(&r, EDU_PC_REPLY_DUE, D(2026, 6, 1));
	is(r.v[EDU_PC_REPLY_DUE], "2026-06-01", "a day set");
	edu_petition_row_set_day(&r, EDU_PC_REPLY_DUE, -1);
	ok(!r.v[EDU_PC_REPLY_DUE], "-1 empties it");
	edu_petition_row_set(&r, EDU_PC_RATING, "basic");
	is(r.v[EDU_PC_RATING], "basic", "a text set");
	edu_petition_row_set(&r, EDU_PC_RATING, r.v[EDU_PC_RATING]);
	is(r.v[EDU_PC_RATING], "basic", "... and set to itself");
	edu_petition_row_set(&r, EDU_PC_RATING, NULL);

	is(ds(edu_petition_event_day(db, "XF-2026-00001", "assign", 1)), "2026-03-03",
	   "the first assignment");
	is(ds(edu_petition_event_day(db, "XF-2026-00001", "accept", 0)), "2026-03-06",
	   "the last acceptance");
	is(ds(edu_petition_event_day(db, "XF-2026-00001", "review", 0)), "none", "no review");
	is(ds(edu_petition_last_event(db, "XF-2026-00001")), "2026-03-10", "the last event, extend");
	is(ds(edu_petition_last_event(db, "XF-2026-00009")), "none", "no case, no event");

	edu_petition_case_of(db, &r, &pc);
	ok(pc.kind == r.v[EDU_PC_KIND] && !strcmp(pc.status, "accepted") &&
	   !strcmp(pc.department, "D1") && !pc.rating, "the case's columns, pointing into the row");
	is(ds(pc.received), "2026-03-02", "received");
	is(ds(pc.reply_due), "none", "the reply_due emptied above");
	is(ds(pc.first_assigned), "2026-03-03", "first assigned");
	is(ds(pc.last_accepted), "2026-03-06", "last accepted");
	ok(pc.extensions == 1 && pc.review_level == 0 && !pc.review_asked,
	   "one extension, no review");
	edu_petition_row_free(&r);
	ok(!r.v[EDU_PC_CASE_NO], "a freed row is empty");

	ok(edu_petition_review_level(db, "XF-2026-00002") == 0, "a reviewed case is level 0");
	ok(edu_petition_review_level(db, "XF-2026-00005") == 1, "its review (复查) 1");
	ok(edu_petition_review_level(db, "XF-2026-00006") == 2, "the re-review (复核) 2");
	edu_petition_load(db, "XF-2026-00002", &r);
	edu_petition_case_of(db, &r, &pc);
	ok(pc.review_asked && ds(pc.replied_on) && !strcmp(ds(pc.replied_on), "2026-04-20"),
	   "the closed case: its review asked, replied 04-20");
	edu_petition_row_free(&r);
}

/* The rows of a statement, columns comma-separated, rows '|'-separated;
 * the statement finalised. */
static const char *rows_of(sqlite3_stmt *st, int ncol)
{
	static char out[2048];
	size_t n = 0;

	out[0] = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < ncol; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			n += snprintf(out + n, sizeof out - n, "%s%s", i ? "," : n ? "|" : "",
				      v ? v : "");
		}
	}
	sqlite3_finalize(st);
	return out;
}

/* The first column of a statement's rows, with the status. */
static const char *list(sqlite3 *db, const struct edu_petition_filter *f)
{
	static char out[512];
	sqlite3_stmt *st = edu_petition_list_stmt(db, f);
	size_t n = 0;

	out[0] = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		n += snprintf(out + n, sizeof out - n, "%s%s %s", n ? "|" : "",
			      sqlite3_column_text(st, EDU_PC_CASE_NO),
			      sqlite3_column_text(st, EDU_PC_STATUS));
	sqlite3_finalize(st);
	return out;
}

static void test_lists(sqlite3 *db)
{
	is(list(db, &(struct edu_petition_filter){ .kind = "JY" }), "JY-2026-00001 replied",
	   "list --kind JY");
	is(list(db, &(struct edu_petition_filter){ .dept = "D1", .status = "closed" }),
	   "XF-2026-00002 closed", "list --dept D1 --status closed");
	is(list(db, &(struct edu_petition_filter){ .since = "2026-03-10", .until = "2026-04-01" }),
	   "JY-2026-00001 replied|XF-2026-00002 closed", "received from 03-10 to 04-01");
	is(list(db, &(struct edu_petition_filter){ .as_of = "2026-03-04" }),
	   "XF-2026-00001 assigned", "as of 03-04: the one case received, assigned then");
	is(list(db, &(struct edu_petition_filter){ .as_of = "2026-03-04", .status = "accepted" }),
	   "", "... so not accepted as of then");
	is(list(db, &(struct edu_petition_filter){
		.only = "[\"XF-2026-00002\",\"JY-2026-00001\"]", .kind = "TA" }),
	   "JY-2026-00001 replied|XF-2026-00002 closed",
	   "only the cases named, in order; the filters do not apply");

	/* due on 10-05 within 7: the transferred letter's objection
	 * (10-12); its accepting (10-14) is 9 days off. */
	is(rows_of(edu_petition_due_stmt(db, D(2026, 10, 5), 7, NULL), 9),
	   "XF-2026-00003,XF,,甲,事,received,objection,2026-10-12,7", "due within 7 on 10-05");
	is(rows_of(edu_petition_due_stmt(db, D(2026, 10, 5), 9, NULL), 9),
	   "XF-2026-00003,XF,,甲,事,received,objection,2026-10-12,7|"
	   "XF-2026-00003,XF,,甲,事,received,accept,2026-10-14,9", "... within 9: the accepting too");
	is(rows_of(edu_petition_due_stmt(db, D(2026, 10, 12), 0, NULL), 9),
	   "XF-2026-00003,XF,,甲,事,received,objection,2026-10-12,0",
	   "due within 0 on 10-12: what is due that day (not what is overdue)");
	is(rows_of(edu_petition_due_stmt(db, D(2026, 3, 20), 60, NULL), 9),
	   "XF-2026-00001,XF,D1,甲,事,accepted,reply,2026-05-01,42",
	   "due within 60 on 03-20: the accepted letter's reply, 42 days off");
	is(rows_of(edu_petition_due_stmt(db, D(2026, 3, 20), 60, "D2"), 9), "",
	   "... none of D2");
	is(rows_of(edu_petition_due_stmt(db, D(2026, 10, 5), -1, NULL), 9),
	   "XF-2026-00001,XF,D1,甲,事,accepted,reply,2026-05-01,-157",
	   "overdue on 10-05: the reply due 05-01, 157 days ago; the reviews have no "
	   "deadline, the objection is no to-do once passed");
}

static void test_stats(sqlite3 *db)
{
	sqlite3_stmt *st = edu_petition_stats_stmt(db, 2026, NULL);

	is(sqlite3_column_name(st, 0), "kind", "stats by kind unless told");
	is(rows_of(st, 9),
	   "JY,1,1,0,1,100.0,1,1,100.0|XF,5,1,1,0,0.0,1,0,0.0|total,6,2,1,1,50.0,2,1,50.0",
	   "2026 by kind: JY replied on time and satisfied; of 5 XF one replied, late, "
	   "and dissatisfied");
	st = edu_petition_stats_stmt(db, 2026, "dept");
	is(sqlite3_column_name(st, 0), "dept", "by dept");
	is(rows_of(st, 3), ",3,0|D1,2,1|D2,1,1|total,6,2", "by dept: none (3), D1, D2");
	st = edu_petition_stats_stmt(db, 2025, "month");
	is(rows_of(st, 9), "total,0,0,0,0,,0,0,", "2025: nothing, no rates");
}

int main(void)
{
	const char *dbpath = tap_db_path("petition");
	if (!dbpath) {
		printf("Bail out! cannot make a temporary directory\n");
		return 1;
	}
	test_rules();
	test_extend();
	ok(edu_db_create(dbpath, "tester") == 0, "database created");
	sqlite3 *db = edu_db_open(dbpath, 1, 0);
	load_calendar(db);
	test_periods(db);
	test_moves();
	test_refusals();
	test_assign(db);
	test_accept_extend(db);
	test_reply_feedback(db);
	test_review(db);
	test_check(db);
	put_cases(db);
	test_repeats(db);
	test_derive(db);
	put_reviews(db);
	test_new_key(db);
	test_history(db);
	test_lists(db);
	test_stats(db);
	edu_calendar_forget();
	edu_db_close(db);
	return done_testing();
}
