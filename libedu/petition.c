/* petition.c - the legal periods of petition cases: letters and visits
 * (信访工作条例 2022), deputies' suggestions and CPPCC proposals,
 * administrative reconsideration (行政复议法 2023) and litigation
 * (行政诉讼法), as in DESIGN 8. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

const struct edu_petition_rule edu_petition_rules[] = {
	/* 信访工作条例 (2022): accept or not in 15 days, handle in
	 * 60 from acceptance, extend once by at most 30. */
	{ .kind = "XF", .name = "letters and visits (信访)", .accept_days = 15,
	  .reply_from = EDU_PT_ACCEPTED, .reply_days = 60, .extend_max = 30 },
	/* Deputies' suggestions: 3 months from assignment, 6 for hard
	 * ones; a dissatisfied deputy is answered again within 1 month. */
	{ .kind = "JY", .name = "NPC deputies' suggestions (建议)",
	  .reply_from = EDU_PT_ASSIGNED, .reply_months = 3, .hard_months = 6,
	  .again_months = 1 },
	/* CPPCC proposals: the same periods; again within 3 months. */
	{ .kind = "TA", .name = "CPPCC proposals (提案)",
	  .reply_from = EDU_PT_ASSIGNED, .reply_months = 3, .hard_months = 6,
	  .again_months = 3 },
	/* 行政复议法 2023 art. 48: the respondent answers within 10 days of
	 * the application copy, and art. 88 makes 10-day periods working
	 * days. */
	{ .kind = "FY", .name = "administrative reconsideration (行政复议)",
	  .reply_from = EDU_PT_RECEIVED, .reply_workdays = 10, .extend_max = 30 },
	/* 行政诉讼法 art. 67: the defence within 15 days of the complaint
	 * copy. */
	{ .kind = "SS", .name = "administrative litigation (行政诉讼)",
	  .reply_from = EDU_PT_RECEIVED, .reply_days = 15 },
	{ 0 }
};

const struct edu_petition_rule *edu_petition_rule(const char *kind)
{
	for (const struct edu_petition_rule *r = edu_petition_rules; r->kind; r++)
		if (kind && !strcmp(r->kind, kind))
			return r;
	return NULL;
}

int edu_petition_accept_due(sqlite3 *db, const char *kind, int received)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	if (!r || !r->accept_days)
		return -1;
	return edu_due_days(db, received, r->accept_days);
}

int edu_petition_reply_due(sqlite3 *db, const char *kind, int start, int hard,
			   int extension)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	if (!r)
		return -1;
	if (r->reply_days)
		return edu_due_days(db, start, r->reply_days + extension);
	if (r->reply_workdays) {
		int due = edu_due_workdays(db, start, r->reply_workdays);
		/* The extension is of calendar days, after the period. */
		return extension ? edu_due_days(db, due, extension) : due;
	}
	int months = hard && r->hard_months ? r->hard_months : r->reply_months;
	return edu_next_workday(db, edu_add_months(start, months) + extension);
}

int edu_petition_again_due(sqlite3 *db, const char *kind, int rated)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	if (!r || !r->again_months)
		return -1;
	return edu_next_workday(db, edu_add_months(rated, r->again_months));
}

int edu_petition_objection_due(sqlite3 *db, int received)
{
	return edu_due_workdays(db, received, EDU_PT_OBJECTION_WORKDAYS);
}

int edu_petition_review_by(sqlite3 *db, int replied)
{
	return edu_due_days(db, replied, EDU_PT_REVIEW_DAYS);
}

int edu_petition_review_due(sqlite3 *db, int requested)
{
	return edu_due_days(db, requested, EDU_PT_REVIEW_DAYS);
}

int edu_petition_extend_check(const char *kind, long days, int before,
			      char *err)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	if (!r || !r->extend_max) {
		snprintf(err, EDU_ERR_MAX, "a case of kind %s cannot be extended",
			 kind ? kind : "?");
		return -1;
	}
	if (before > 0) {
		snprintf(err, EDU_ERR_MAX, "it was extended already: %s allows one extension",
			 r->name);
		return -1;
	}
	if (days < 1 || days > r->extend_max) {
		snprintf(err, EDU_ERR_MAX, "an extension is of 1 to %d days, not %ld",
			 r->extend_max, days);
		return -1;
	}
	return 0;
}

/* ---- the state rules of the change verbs ------------------------------- */

#define OPEN "received assigned accepted"
#define NOT_OPEN "it is %s: only an open case (received, assigned, accepted) can be changed so"
/* The kinds whose replies have a result class (A solved or adopted, B
 * being solved, C for reference), which they must have. */
#define CLASSED "JY TA"

const struct edu_petition_verb_kinds edu_petition_verb_kinds[] = {
	/* Acceptance is the 信访工作条例's step: other kinds are taken on
	 * receipt (or assignment). */
	{ "accept", "XF", "only letters and visits (XF) are accepted or declined, not %s" },
	{ "decline", "XF", "only letters and visits (XF) are accepted or declined, not %s" },
	/* Petitioners, deputies and members rate a reply; a court and a
	 * reconsideration body do not. */
	{ "feedback", "XF JY TA", "%s take no rating" },
	/* 复查 and 复核 are letters-and-visits remedies. */
	{ "review", "XF", "only letters and visits (XF) are reviewed, not %s" },
	/* extend: the kinds with an extension in edu_petition_rules. */
	{ 0 }
};

const struct edu_petition_move edu_petition_moves[] = {
	{ "assign", NULL, OPEN, NULL, NOT_OPEN },
	{ "assign", NULL, "received", "assigned", NULL },
	{ "accept", "XF", "received assigned", "accepted", "it is %s already" },
	{ "decline", "XF", "received assigned", "declined", "it is %s already" },
	{ "extend", NULL, OPEN, NULL, NOT_OPEN },
	/* The kinds whose period runs from acceptance. */
	{ "extend", "XF", "accepted", NULL, "it is %s: only an accepted case is extended" },
	{ "reply", NULL, OPEN, "replied", NOT_OPEN },
	{ "reply", "XF", "accepted", NULL,
	  "it is %s: a letter or visit is accepted before it is replied to" },
	{ "reply", CLASSED, "assigned", NULL,
	  "it is %s: a suggestion or proposal is assigned before it is replied to" },
	/* A dissatisfied rating of a kind handled again (again_months)
	 * moves it back to assigned: edu_petition_change. */
	{ "feedback", NULL, "replied", NULL, "it is %s: only a replied case is rated" },
	{ "close", NULL, "replied", "closed", "it is %s: only a replied case is closed" },
	/* A review is a new case: this one stays as it is. */
	{ "review", NULL, "replied closed", NULL, "it is %s: only a case replied to can be reviewed" },
	{ 0 }
};

/* Is `word` one of the space-separated words of `list`? */
static int listed(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; *p; p += strcspn(p, " ")) {
		p += strspn(p, " ");
		if (!strncmp(p, word, n) && (p[n] == ' ' || !p[n]))
			return 1;
	}
	return 0;
}

static int __attribute__((format(printf, 2, 3)))
refuse(char *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, EDU_ERR_MAX, fmt, ap);
	va_end(ap);
	return -1;
}

int edu_petition_may(const char *verb, const char *kind, const char *status,
		     const char **to, char *err)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	for (const struct edu_petition_verb_kinds *v = edu_petition_verb_kinds; v->verb; v++)
		if (!strcmp(v->verb, verb) && !listed(v->kinds, kind))
			return refuse(err, v->refusal, r ? r->name : kind);
	*to = status;
	for (const struct edu_petition_move *m = edu_petition_moves; m->verb; m++) {
		if (strcmp(m->verb, verb) || (m->kinds && !listed(m->kinds, kind)))
			continue;
		if (listed(m->from, status)) {
			if (m->to)
				*to = m->to;
		} else if (m->refusal) {
			return refuse(err, m->refusal, status);
		}
	}
	return 0;
}

/* One verb's rule: it checks everything before it sets anything, so that
 * a refused case is as it was. */
typedef int petition_rule_fn(sqlite3 *db, struct edu_petition_case *c,
			     const struct edu_petition_act *a, char **detail, char *err);

static int rule_assign(sqlite3 *db, struct edu_petition_case *c,
		       const struct edu_petition_act *a, char **detail, char *err)
{
	const struct edu_petition_rule *r = edu_petition_rule(c->kind);
	const char *to;

	if (edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	if (a->hard && r->reply_from != EDU_PT_ASSIGNED)
		return refuse(err, "--hard is for suggestions and proposals (JY, TA), not %s",
			      r->name);
	c->department = a->dept;
	c->status = to;
	if (r->reply_from == EDU_PT_ASSIGNED && (c->reply_due < 0 || a->hard))
		/* The period runs from the first assignment: passing a case on
		 * to another department does not restart it. */
		c->reply_due = edu_petition_reply_due(db, c->kind, c->first_assigned < 0 ? a->on
						      : c->first_assigned, a->hard, 0);
	*detail = edu_asprintf("%s%s", a->dept ? a->dept : "", a->hard ? " (hard)" : "");
	return 0;
}

/* accept and decline: the accept-or-not answer of a letter or visit. */
static int rule_accept(sqlite3 *db, struct edu_petition_case *c,
		       const struct edu_petition_act *a, char **detail, char *err)
{
	const char *to;

	if (edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	c->status = to;
	if (!strcmp(a->verb, "accept"))
		c->reply_due = edu_petition_reply_due(db, c->kind, a->on, 0, 0);
	else
		*detail = a->reason ? edu_strdup(a->reason) : NULL;
	return 0;
}

static int rule_extend(sqlite3 *db, struct edu_petition_case *c,
		       const struct edu_petition_act *a, char **detail, char *err)
{
	const struct edu_petition_rule *r = edu_petition_rule(c->kind);
	const char *to;
	int start;

	if (edu_petition_extend_check(c->kind, a->days, c->extensions, err) < 0 ||
	    edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	switch (r->reply_from) {
	case EDU_PT_ACCEPTED: start = c->last_accepted; break;
	case EDU_PT_ASSIGNED: start = c->first_assigned; break;
	default: start = c->received; break;
	}
	if (start < 0)
		return refuse(err, "its period has no recorded start to extend from");
	c->reply_due = edu_petition_reply_due(db, c->kind, start, 0, (int)a->days);
	*detail = edu_asprintf("%ld days: %s", a->days, a->reason ? a->reason : "");
	return 0;
}

static int rule_reply(sqlite3 *db, struct edu_petition_case *c,
		      const struct edu_petition_act *a, char **detail, char *err)
{
	int classed = listed(CLASSED, c->kind);
	const char *to;

	(void)db;
	if (edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	if (classed && !a->result)
		return refuse(err, "a reply to a suggestion or proposal needs its --result class");
	if (!classed && a->result)
		return refuse(err, "only replies to suggestions and proposals (JY, TA) have a result class");
	c->status = to;
	c->replied_on = a->on;
	c->result = a->result;
	*detail = a->text ? edu_strdup(a->text) : NULL;
	return 0;
}

static int rule_feedback(sqlite3 *db, struct edu_petition_case *c,
			 const struct edu_petition_act *a, char **detail, char *err)
{
	const char *to;

	if (edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	if (!a->rating)
		return refuse(err, "a rating is needed");
	c->rating = a->rating;
	int again = edu_petition_again_due(db, c->kind, a->on);
	if (!strcmp(a->rating, "dissatisfied") && again >= 0) {
		/* Handled again: the earlier reply stays in the history. */
		c->status = "assigned";
		c->reply_due = again;
		c->replied_on = -1;
		c->result = NULL;
	}
	*detail = edu_strdup(a->rating);
	return 0;
}

static int rule_close(sqlite3 *db, struct edu_petition_case *c,
		      const struct edu_petition_act *a, char **detail, char *err)
{
	const char *to;

	(void)db;
	(void)detail;
	if (edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	c->status = to;
	return 0;
}

/* 复查, then 复核, asked for within 30 days of the reply; a re-review's
 * answer is final. */
static int rule_review(sqlite3 *db, struct edu_petition_case *c,
		       const struct edu_petition_act *a, char **detail, char *err)
{
	char by[11], on[11], replied[11];
	const char *to;

	(void)detail;
	if (edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	if (c->replied_on < 0)
		return refuse(err, "it is %s: only a case replied to can be reviewed", c->status);
	if (c->review_level >= 2)
		return refuse(err, "it is a re-review (复核): its answer is final");
	if (c->review_asked)
		return refuse(err, "a review of it was asked for already");
	int last = edu_petition_review_by(db, c->replied_on);
	if (a->on > last)
		return refuse(err, "a review had to be asked for by %s, %d days after the reply",
			      edu_date_str(last, by), EDU_PT_REVIEW_DAYS);
	if (a->on < c->replied_on)
		return refuse(err, "%s is before the reply of %s", edu_date_str(a->on, on),
			      edu_date_str(c->replied_on, replied));
	return 0;
}

static const struct {
	const char *verb;
	petition_rule_fn *rule;
} rules[] = {
	{ "assign", rule_assign }, { "accept", rule_accept }, { "decline", rule_accept },
	{ "extend", rule_extend }, { "reply", rule_reply }, { "feedback", rule_feedback },
	{ "close", rule_close }, { "review", rule_review },
};

int edu_petition_change(sqlite3 *db, struct edu_petition_case *c,
			const struct edu_petition_act *a, char **detail, char *err)
{
	*detail = NULL;
	if (!edu_petition_rule(c->kind))
		return refuse(err, "a case of kind %s has no rules", c->kind ? c->kind : "?");
	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
		if (!strcmp(rules[i].verb, a->verb))
			return rules[i].rule(db, c, a, detail, err);
	return refuse(err, "'%s' does not change a case", a->verb);
}
