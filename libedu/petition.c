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
	/* 行政复议法 2023, the bureau as respondent.  Art. 48: it answers,
	 * with its evidence, within 10 days of receiving the application
	 * copy; art. 88 makes 10-day periods working days.  No article lets
	 * that period be extended, and art. 70 treats an act not answered in
	 * it as one without evidence.  Art. 20: the application within 60
	 * days of knowing of the act.  Art. 62: the body decides within 60
	 * days of accepting (ordinary procedure), extended once by at most
	 * 30: extend_max is that extension, the body's, recorded when it
	 * says so. */
	{ .kind = "FY", .name = "administrative reconsideration (行政复议)",
	  .reply_from = EDU_PT_RECEIVED, .reply_workdays = 10, .extend_max = 30,
	  .apply_days = 60, .decide_days = 60 },
	/* 行政诉讼法 art. 67: the defence within 15 days of the complaint
	 * copy.  Art. 85: an appeal within 15 days of the service of a
	 * first-instance judgement, 10 of a ruling. */
	{ .kind = "SS", .name = "administrative litigation (行政诉讼)",
	  .reply_from = EDU_PT_RECEIVED, .reply_days = 15,
	  .appeal_judgement_days = 15, .appeal_ruling_days = 10 },
	{ 0 }
};

const struct edu_petition_rule *edu_petition_rule(const char *kind)
{
	for (const struct edu_petition_rule *r = edu_petition_rules; r->kind; r++)
		if (kind && !strcmp(r->kind, kind))
			return r;
	return NULL;
}

/* Each deadline is counted through edu_deadline, with the column it is
 * stored in: one counted across a year without calendar rows is kept as
 * provisional and counted again by the same recipe (deadline.c). */
#define DUE(field, ...) edu_deadline(db, field, &(struct edu_due){ __VA_ARGS__ })

int edu_petition_accept_due(sqlite3 *db, const char *kind, int received)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	if (!r || !r->accept_days)
		return -1;
	return DUE("accept_due", .start = received, .days = r->accept_days);
}

int edu_petition_reply_due(sqlite3 *db, const char *kind, int start, int hard,
			   int extension)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	if (!r)
		return -1;
	if (r->reply_days)
		return DUE("reply_due", .start = start, .days = r->reply_days + extension);
	if (r->reply_workdays)
		/* The extension is of calendar days, after the period. */
		return DUE("reply_due", .start = start, .workdays = r->reply_workdays,
			   .days = extension);
	int months = hard && r->hard_months ? r->hard_months : r->reply_months;
	return DUE("reply_due", .start = start, .months = months, .days = extension);
}

/* The periods of FY and SS are of calendar days (行政复议法 art. 88 makes
 * only its 3, 5, 7 and 10-day periods working days); a period whose last
 * day is a day off ends on the next working day (民事诉讼法 on periods,
 * applied by 行政复议法 art. 88 and 行政诉讼法 art. 101). */
int edu_petition_apply_by(sqlite3 *db, const char *kind, int knew)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	return r && r->apply_days && knew >= 0 ?
	       DUE("apply_by", .start = knew, .days = r->apply_days) : -1;
}

int edu_petition_decision_due(sqlite3 *db, const char *kind, int accepted,
			      int extension)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	if (!r || !r->decide_days || accepted < 0)
		return -1;
	return DUE("decision_due", .start = accepted, .days = r->decide_days + extension);
}

int edu_petition_appeal_due(sqlite3 *db, const char *kind, const char *decision,
			    int served)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	if (!r || !decision || served < 0)
		return -1;
	int days = !strcmp(decision, "judgement") ? r->appeal_judgement_days :
		   !strcmp(decision, "ruling") ? r->appeal_ruling_days : 0;
	return days ? DUE("appeal_due", .start = served, .days = days) : -1;
}

/* A dissatisfied rating: handled again, the new reply due. */
int edu_petition_again_due(sqlite3 *db, const char *kind, int rated)
{
	const struct edu_petition_rule *r = edu_petition_rule(kind);

	if (!r || !r->again_months)
		return -1;
	return DUE("reply_due", .start = rated, .months = r->again_months);
}

/* Shown, never stored: counted afresh each time. */
int edu_petition_objection_due(sqlite3 *db, int received)
{
	return DUE(NULL, .start = received, .workdays = EDU_PT_OBJECTION_WORKDAYS);
}

int edu_petition_review_by(sqlite3 *db, int replied)
{
	return DUE(NULL, .start = replied, .days = EDU_PT_REVIEW_DAYS);
}

/* The reply deadline of the review case. */
int edu_petition_review_due(sqlite3 *db, int requested)
{
	return DUE("reply_due", .start = requested, .days = EDU_PT_REVIEW_DAYS);
}

#undef DUE

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
	/* FY: accept records the reconsideration body's acceptance. */
	{ "accept", "XF FY", "only letters and visits (XF) are accepted, and the acceptance "
	  "of a reconsideration (FY) recorded, not %s" },
	{ "decline", "XF", "only letters and visits (XF) are declined, not %s" },
	/* A reply delivered (XF), a judgement or ruling served (SS). */
	{ "served", "XF SS", "only the delivery of a reply to a letter or visit (XF) and "
	  "the service of a judgement or ruling (SS) are recorded, not %s" },
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
	{ "extend", "XF JY TA SS", OPEN, NULL, NOT_OPEN },
	/* FY: the body extends its decision period, also once the bureau
	 * has answered. */
	{ "extend", "FY", OPEN " replied", NULL,
	  "it is %s: only an open or answered reconsideration is extended" },
	{ "accept", "FY", OPEN " replied", NULL,
	  "it is %s: only an open or answered reconsideration is accepted" },
	{ "served", "SS", OPEN " replied", NULL, "it is %s: only an open or answered case is served" },
	{ "served", "XF", "replied closed", NULL, "it is %s: only a reply is delivered" },
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
		if (!strcmp(v->verb, verb) && !edu_word_in(v->kinds, kind))
			return refuse(err, v->refusal, r ? r->name : kind);
	*to = status;
	for (const struct edu_petition_move *m = edu_petition_moves; m->verb; m++) {
		if (strcmp(m->verb, verb) || (m->kinds && !edu_word_in(m->kinds, kind)))
			continue;
		if (edu_word_in(m->from, status)) {
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

/* accept and decline: the accept-or-not answer of a letter or visit;
 * accept FY: the reconsideration body's acceptance, as it tells the
 * bureau, from which its decision deadline runs (art. 62). */
static int rule_accept(sqlite3 *db, struct edu_petition_case *c,
		       const struct edu_petition_act *a, char **detail, char *err)
{
	char d[11], e[11];
	const char *to;

	if (edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	if (!strcmp(c->kind, "FY")) {
		int day = a->accepted > 0 ? a->accepted : a->on;
		if (c->body_accepted >= 0)
			return refuse(err, "the body's acceptance was recorded already: %s",
				      edu_date_str(c->body_accepted, d));
		if (day > a->on)
			return refuse(err, "--accepted %s is after --on %s", edu_date_str(day, d),
				      edu_date_str(a->on, e));
		if (c->applied_on >= 0 && day < c->applied_on)
			return refuse(err, "--accepted %s is before the application of %s",
				      edu_date_str(day, d), edu_date_str(c->applied_on, e));
		c->body_accepted = day;
		c->decision_due = edu_petition_decision_due(db, c->kind, day, 0);
		if (a->body)
			c->body = a->body;
		*detail = edu_asprintf("accepted by %s on %s", c->body ? c->body : "the body",
				       edu_date_str(day, d));
		return 0;
	}
	if (a->accepted > 0)
		return refuse(err, "--accepted is the day a reconsideration body accepted (FY)");
	c->status = to;
	if (!strcmp(a->verb, "accept"))
		c->reply_due = edu_petition_reply_due(db, c->kind, a->on, 0, 0);
	else
		*detail = a->reason ? edu_strdup(a->reason) : NULL;
	return 0;
}

/* served: SS, a judgement or ruling served on the bureau, from which the
 * appeal period runs (行政诉讼法 art. 85); XF, the day the written reply
 * reached the petitioner (by post, later than the reply), from which the
 * 30 days to ask for a review run (信访工作条例 art. 35). */
static int rule_served(sqlite3 *db, struct edu_petition_case *c,
		       const struct edu_petition_act *a, char **detail, char *err)
{
	char d[11], e[11];
	const char *to;

	if (edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	if (!strcmp(c->kind, "SS")) {
		if (!a->decision)
			return refuse(err, "a case of litigation needs the --decision served "
				      "(judgement or ruling)");
		if (c->served_on >= 0)
			return refuse(err, "a %s was served already on %s", c->court_decision,
				      edu_date_str(c->served_on, d));
		c->court_decision = a->decision;
		c->served_on = a->on;
		c->appeal_due = edu_petition_appeal_due(db, c->kind, a->decision, a->on);
		*detail = edu_strdup(a->decision);
		return 0;
	}
	if (a->decision)
		return refuse(err, "--decision is for litigation (SS)");
	if (c->replied_on >= 0 && a->on < c->replied_on)
		return refuse(err, "%s is before the reply of %s", edu_date_str(a->on, d),
			      edu_date_str(c->replied_on, e));
	if (c->review_asked)
		return refuse(err, "a review was asked for already");
	c->served_on = a->on;
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
	if (r->decide_days) {
		/* FY: the answer period (art. 48) is never extended; the
		 * body's decision period is (art. 62), when the bureau knows
		 * when it runs from. */
		char due[16] = "";
		if (c->reply_due >= 0)
			snprintf(due, sizeof due, " due %s", edu_date_str(c->reply_due, (char[11]){ 0 }));
		if (c->body_accepted < 0)
			return refuse(err, "the answer%s cannot be extended (行政复议法 art. 48; "
				      "art. 70: an act not answered in time counts as without "
				      "evidence); to record the body's extension of its decision "
				      "period, record its acceptance first (accept --accepted DATE)",
				      due);
		c->decision_due = edu_petition_decision_due(db, c->kind, c->body_accepted,
							    (int)a->days);
		*detail = edu_asprintf("decision %ld days: %s", a->days, a->reason ? a->reason : "");
		return 0;
	}
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
	int classed = edu_word_in(CLASSED, c->kind);
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
	/* A reply handed over in person reaches the petitioner that day;
	 * `served` records a later delivery. */
	if (!strcmp(c->kind, "XF"))
		c->served_on = a->on;
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
	if (edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	/* FY: the case ends with the body's decision (arts. 63-69). */
	if (!strcmp(c->kind, "FY") && !a->outcome)
		return refuse(err, "a reconsideration is closed with the body's --outcome");
	if (strcmp(c->kind, "FY") && a->outcome)
		return refuse(err, "only a reconsideration (FY) has an --outcome");
	c->status = to;
	if (a->outcome) {
		c->outcome = a->outcome;
		*detail = edu_strdup(a->outcome);
	}
	return 0;
}

/* 复查, then 复核, asked for within 30 days of the day the written reply
 * reached the petitioner (信访工作条例 2022 art. 35: 自收到书面答复之日起
 * 30日内); a re-review's answer is final.  The body one level up reviews:
 * when it is another body, the request is recorded on the case (its
 * body, and the event) and the bureau opens nothing; when it is the
 * bureau (a school's case), the caller opens the review as the bureau's
 * case (*detail left NULL). */
static int rule_review(sqlite3 *db, struct edu_petition_case *c,
		       const struct edu_petition_act *a, char **detail, char *err)
{
	char by[11], on[11], from[11];
	const char *to;

	if (edu_petition_may(a->verb, c->kind, c->status, &to, err) < 0)
		return -1;
	if (c->replied_on < 0)
		return refuse(err, "it is %s: only a case replied to can be reviewed", c->status);
	if (c->review_level >= 2)
		return refuse(err, "it is a re-review (复核): its answer is final");
	if (c->review_asked)
		return refuse(err, "a review of it was asked for already");
	int got = c->served_on >= 0 ? c->served_on : c->replied_on;
	int last = edu_petition_review_by(db, got);
	if (a->on > last)
		return refuse(err, "a review had to be asked for by %s, %d days after the reply "
			      "reached the petitioner on %s", edu_date_str(last, by),
			      EDU_PT_REVIEW_DAYS, edu_date_str(got, from));
	if (a->on < got)
		return refuse(err, "%s is before the reply reached the petitioner, on %s",
			      edu_date_str(a->on, on), edu_date_str(got, from));
	if (!edu_petition_review_by_bureau(a)) {
		c->body = a->body;
		*detail = edu_asprintf("%s by %s", c->review_level ? "复核" : "复查", a->body);
	}
	return 0;
}

int edu_petition_review_by_bureau(const struct edu_petition_act *a)
{
	return !a->body || (a->bureau && !strcmp(a->body, a->bureau));
}

static const struct {
	const char *verb;
	petition_rule_fn *rule;
} rules[] = {
	{ "assign", rule_assign }, { "accept", rule_accept }, { "decline", rule_accept },
	{ "extend", rule_extend }, { "reply", rule_reply }, { "feedback", rule_feedback },
	{ "close", rule_close }, { "review", rule_review }, { "served", rule_served },
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

/* ---- the case table: columns, checks, numbers (edu-petition) ---------- */

const struct edu_enum edu_petition_kinds[] = {
	{ "XF", "信访|来信来访" },
	{ "JY", "建议|人大代表建议|代表建议" },
	{ "TA", "提案|政协提案" },
	{ "FY", "复议|行政复议" },
	{ "SS", "诉讼|行政诉讼" },
	{ NULL, NULL }
};

static const struct edu_enum channels[] = {
	{ "letter", "来信" },
	{ "visit", "来访|走访" },
	{ "phone", "来电|电话" },
	{ "online", "网上|网上信访" },
	{ "email", "电子邮件|邮件" },
	{ NULL, NULL }
};

static const struct edu_enum categories[] = {
	{ "suggestion", "意见建议" },
	{ "complaint", "检举控告|投诉" },
	{ "claim", "申诉求决|求决|申诉" },
	{ NULL, NULL }
};

const struct edu_enum edu_petition_statuses[] = {
	{ "received", "已登记|登记" },
	{ "assigned", "已交办|交办" },
	{ "accepted", "已受理|受理" },
	{ "declined", "不予受理" },
	{ "replied", "已答复|答复" },
	{ "closed", "已办结|办结" },
	{ NULL, NULL }
};

const struct edu_enum edu_petition_ratings[] = {
	{ "satisfied", "满意" },
	{ "basic", "基本满意" },
	{ "dissatisfied", "不满意" },
	{ NULL, NULL }
};

/* What the reconsideration body decided (行政复议法 2023): upheld
 * (维持, art. 68), changed (变更, art. 63), revoked (撤销, in part or
 * with a new act ordered, art. 64), confirmed unlawful (确认违法, art.
 * 65), ordered to act (责令履行, art. 66), confirmed void (确认无效,
 * art. 67), the request rejected (驳回, art. 69), the case ended (终止,
 * art. 41). */
const struct edu_enum edu_petition_outcomes[] = {
	{ "upheld", "维持" },
	{ "changed", "变更" },
	{ "revoked", "撤销|部分撤销|撤销重作" },
	{ "unlawful", "确认违法" },
	{ "ordered", "责令履行" },
	{ "void", "确认无效" },
	{ "rejected", "驳回|驳回复议请求" },
	{ "terminated", "终止" },
	{ NULL, NULL }
};

/* What a court served (行政诉讼法 art. 85). */
const struct edu_enum edu_petition_court_decisions[] = {
	{ "judgement", "判决|判决书" },
	{ "ruling", "裁定|裁定书" },
	{ NULL, NULL }
};

const struct edu_col edu_petition_cols[EDU_PC_NCOL] = {
	{ .name = "case_no", .aliases = "案号|案件编号|编号", .type = EDU_C_CODE, .flags = EDU_C_KEY },
	{ .name = "kind", .aliases = "案件类别|类别", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = edu_petition_kinds },
	{ .name = "channel", .aliases = "渠道|信访方式", .type = EDU_C_ENUM, .values = channels },
	{ .name = "category", .aliases = "诉求类型|性质", .type = EDU_C_ENUM, .values = categories },
	/* The days of what happened (received, replied, known, applied,
	 * accepted, served) may not lie after --on, and the petitioner's
	 * name is kept without its blanks (issue 16, point 13); the
	 * deadlines (accept_due, reply_due, apply_by, decision_due,
	 * appeal_due) are days to come and are not checked so. */
	{ .name = "received_on", .aliases = "收到日期|登记日期", .type = EDU_C_DATE,
	  .flags = EDU_C_REQUIRED | EDU_C_PAST },
	{ .name = "petitioner", .aliases = "信访人|申请人|姓名", .type = EDU_C_NAME,
	  .flags = EDU_C_REQUIRED },
	{ .name = "id_number", .aliases = "身份证号", .type = EDU_C_ID },
	{ .name = "phone", .aliases = "电话|联系电话", .type = EDU_C_PHONE },
	{ .name = "address", .aliases = "地址|住址", .type = EDU_C_TEXT },
	{ .name = "subject", .aliases = "事由|标题", .type = EDU_C_TEXT, .flags = EDU_C_REQUIRED },
	{ .name = "content", .aliases = "内容|诉求内容", .type = EDU_C_TEXT },
	{ .name = "department", .aliases = "承办单位|承办部门", .type = EDU_C_TEXT },
	{ .name = "deputy", .aliases = "代表委员|提出人", .type = EDU_C_TEXT },
	{ .name = "transferred_from", .aliases = "转送机关|转来单位", .type = EDU_C_TEXT },
	{ .name = "status", .aliases = "状态|办理状态", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = edu_petition_statuses, .dflt = "received" },
	{ .name = "accept_due", .aliases = "受理期限", .type = EDU_C_DATE },
	{ .name = "reply_due", .aliases = "答复期限|办理期限", .type = EDU_C_DATE },
	{ .name = "replied_on", .aliases = "答复日期", .type = EDU_C_DATE, .flags = EDU_C_PAST },
	{ .name = "result", .aliases = "办理结果|答复类别", .type = EDU_C_CODE },
	{ .name = "rating", .aliases = "满意度|评价", .type = EDU_C_ENUM, .values = edu_petition_ratings },
	{ .name = "related", .aliases = "关联案件|重复信访", .type = EDU_C_CODE },
	{ .name = "knew_on", .aliases = "知道日期|知道行政行为日期", .type = EDU_C_DATE,
	  .flags = EDU_C_PAST },
	{ .name = "applied_on", .aliases = "申请日期|复议申请日期", .type = EDU_C_DATE,
	  .flags = EDU_C_PAST },
	{ .name = "apply_by", .aliases = "申请期限", .type = EDU_C_DATE },
	{ .name = "body", .aliases = "复议机关|复查机关|复核机关", .type = EDU_C_TEXT },
	{ .name = "body_accepted_on", .aliases = "复议受理日期", .type = EDU_C_DATE,
	  .flags = EDU_C_PAST },
	{ .name = "decision_due", .aliases = "复议决定期限", .type = EDU_C_DATE },
	{ .name = "outcome", .aliases = "复议结果|复议决定", .type = EDU_C_ENUM,
	  .values = edu_petition_outcomes },
	{ .name = "served_on", .aliases = "送达日期", .type = EDU_C_DATE, .flags = EDU_C_PAST },
	{ .name = "court_decision", .aliases = "裁判类型|裁判文书", .type = EDU_C_ENUM,
	  .values = edu_petition_court_decisions },
	{ .name = "appeal_due", .aliases = "上诉期限", .type = EDU_C_DATE },
};

/* Every column, in order, for SELECT. */
#define COLS "case_no, kind, channel, category, received_on, petitioner, " \
	"id_number, phone, address, subject, content, department, deputy, " \
	"transferred_from, status, accept_due, reply_due, replied_on, result, " \
	"rating, related, knew_on, applied_on, apply_by, body, body_accepted_on, " \
	"decision_due, outcome, served_on, court_decision, appeal_due"

static const char *day_str(int day, char buf[11])
{
	return day < 0 ? NULL : edu_date_str(day, buf);
}

/* A stored or normalised date; -1 when there is none. */
static int day_of(const char *s)
{
	int d;

	return s && edu_parse_date(s, &d) == 0 ? d : -1;
}

/* A rule broken by a field: its column in *col, the reason in err. */
static int __attribute__((format(printf, 4, 5)))
col_error(const char **col, const char *name, char *err, const char *fmt, ...)
{
	va_list ap;

	*col = name;
	va_start(ap, fmt);
	vsnprintf(err, EDU_ERR_MAX, fmt, ap);
	va_end(ap);
	return -1;
}

/* Rules across the fields of a case. */
int edu_petition_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	const char *k = v[EDU_PC_CASE_NO];
	static const char shape[] = "AA-0000-00000";

	/* A new case without a number gets one from edu_petition_new_key. */
	for (size_t i = 0; k && (i < sizeof shape - 1 || k[i]); i++)
		if (i >= sizeof shape - 1 || !k[i] ||
		    (shape[i] == 'A' ? !(k[i] >= 'A' && k[i] <= 'Z') :
		     shape[i] == '0' ? !(k[i] >= '0' && k[i] <= '9') : k[i] != '-'))
			return col_error(col, "case_no", err,
					 "'%s' is not a case number KIND-YEAR-NNNNN", k);
	if (k && strncmp(k, v[EDU_PC_KIND], 2))
		return col_error(col, "case_no", err, "'%s' is not a number of kind %s",
				 k, v[EDU_PC_KIND]);
	if (!strcmp(v[EDU_PC_KIND], "XF")) {
		if (!v[EDU_PC_CHANNEL])
			return col_error(col, "channel", err, "a letter or visit needs its channel");
		if (!v[EDU_PC_CATEGORY])
			return col_error(col, "category", err, "a letter or visit needs its category");
	}
	int jy_ta = !strcmp(v[EDU_PC_KIND], "JY") || !strcmp(v[EDU_PC_KIND], "TA");

	if (jy_ta && !v[EDU_PC_DEPUTY])
		return col_error(col, "deputy", err,
				 "a suggestion or proposal needs its deputy or member");
	/* Each kind's own columns. */
	static const struct { int col; const char *kinds; } own[] = {
		{ EDU_PC_KNEW, "FY" }, { EDU_PC_APPLIED, "FY" }, { EDU_PC_APPLY_BY, "FY" },
		{ EDU_PC_BODY, "FY XF" }, { EDU_PC_BODY_ACCEPTED, "FY" },
		{ EDU_PC_DECISION_DUE, "FY" }, { EDU_PC_OUTCOME, "FY" },
		{ EDU_PC_SERVED, "SS XF" }, { EDU_PC_COURT_DECISION, "SS" },
		{ EDU_PC_APPEAL_DUE, "SS" },
	};
	for (size_t i = 0; i < sizeof own / sizeof *own; i++)
		if (v[own[i].col] && !edu_word_in(own[i].kinds, v[EDU_PC_KIND]))
			return col_error(col, edu_petition_cols[own[i].col].name, err,
					 "is for cases of kind %s, not %s", own[i].kinds,
					 v[EDU_PC_KIND]);
	/* FY: knew, then applied, then the copy reached the bureau. */
	if (v[EDU_PC_KNEW] && v[EDU_PC_APPLIED] && strcmp(v[EDU_PC_APPLIED], v[EDU_PC_KNEW]) < 0)
		return col_error(col, "applied_on", err, "%s is before the applicant knew of the act, on %s",
				 v[EDU_PC_APPLIED], v[EDU_PC_KNEW]);
	if (v[EDU_PC_APPLIED] && strcmp(v[EDU_PC_RECEIVED], v[EDU_PC_APPLIED]) < 0)
		return col_error(col, "applied_on", err, "%s is after the copy reached the bureau, on %s",
				 v[EDU_PC_APPLIED], v[EDU_PC_RECEIVED]);
	if (v[EDU_PC_COURT_DECISION] && !v[EDU_PC_SERVED])
		return col_error(col, "served_on", err, "a %s needs the day it was served",
				 v[EDU_PC_COURT_DECISION]);
	static const int dates[] = { EDU_PC_ACCEPT_DUE, EDU_PC_REPLY_DUE, EDU_PC_REPLIED_ON,
				     EDU_PC_SERVED, EDU_PC_APPEAL_DUE };
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
		if (v[dates[i]] && strcmp(v[dates[i]], v[EDU_PC_RECEIVED]) < 0)
			return col_error(col, edu_petition_cols[dates[i]].name, err,
					 "%s is before the case was received on %s",
					 v[dates[i]], v[EDU_PC_RECEIVED]);
	if (v[EDU_PC_RESULT] && jy_ta) {
		char *classes = edu_setting(db, "petition.result_classes", "A B C");
		int known = edu_word_in(classes, v[EDU_PC_RESULT]);
		if (!known)
			snprintf(err, EDU_ERR_MAX, "'%s' is not one of the result classes %s",
				 v[EDU_PC_RESULT], classes);
		free(classes);
		if (!known) {
			*col = "result";
			return -1;
		}
	}
	return 0;
}

/* The open cases of the same person (ID number or phone), space
 * separated, or NULL. */
char *edu_petition_repeats(sqlite3 *db, const char *id, const char *phone)
{
	char idn[EDU_VAL_MAX], ph[EDU_VAL_MAX], err[EDU_ERR_MAX];
	const char *p[2] = { NULL, NULL };

	if (id && *id && edu_valid_id(id, idn, NULL, NULL, err) == 0)
		p[0] = idn;
	if (phone && *phone && edu_valid_phone(phone, ph, err) == 0)
		p[1] = ph;
	if (!p[0] && !p[1])
		return NULL;
	return edu_query1(db,
		"SELECT group_concat(case_no, ' ') FROM (SELECT case_no FROM petition "
		"WHERE status IN ('received', 'assigned', 'accepted', 'replied') "
		"AND (id_number = ?1 OR phone = ?2) ORDER BY case_no)", 2, p);
}

/* Case numbers: KIND-YEAR-NNNNN, by the kind's sequence of the year. */
#define CASE_PATTERN "{kind}-{year}-{seq:5}"
/* The number edu_petition_new_key gave the last new case. */
static char new_no[32];

/* Fill in a new case: its status, deadlines and repeat flag (its number
 * comes last, from edu_petition_new_key).  The strings live here until the next
 * call. */
int edu_petition_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
			const char **col, char *err)
{
	static char accept[11], reply[11], apply_by[11], *related;

	(void)buf;	/* its strings live in the statics above */
	char kind[EDU_VAL_MAX], received[EDU_VAL_MAX];
	const char *key = raw[EDU_PC_CASE_NO];

	free(related);
	related = NULL;
	if (key && key[strspn(key, " \t")]) {
		const char *p[] = { key };
		char *found = edu_query1(db, "SELECT 1 FROM petition WHERE case_no = trim(?)", 1, p);
		int exists = found != NULL;

		free(found);
		if (exists)
			return 0;
	}
	/* A new case: the kind and day decide its number and periods. */
	if (!raw[EDU_PC_KIND] || !*raw[EDU_PC_KIND])
		return col_error(col, "kind", err, "may not be empty");
	if (edu_valid_enum(edu_petition_kinds, raw[EDU_PC_KIND], kind, err) < 0) {
		*col = "kind";
		return -1;
	}
	if (!raw[EDU_PC_RECEIVED] || !*raw[EDU_PC_RECEIVED])
		return col_error(col, "received_on", err, "may not be empty");
	if (edu_valid_date(raw[EDU_PC_RECEIVED], received, err) < 0) {
		*col = "received_on";
		return -1;
	}
	int day = day_of(received);
	/* Deadlines are filled in for a case that starts as received; one
	 * imported further on brings its own. */
	char status[EDU_VAL_MAX];
	const char *given = raw[EDU_PC_STATUS] && *raw[EDU_PC_STATUS] ?
			    raw[EDU_PC_STATUS] : "received";
	int fresh = edu_valid_enum(edu_petition_statuses, given, status, err) == 0 &&
		    !strcmp(status, "received");
	if (fresh && (!raw[EDU_PC_ACCEPT_DUE] || !*raw[EDU_PC_ACCEPT_DUE]))
		raw[EDU_PC_ACCEPT_DUE] = day_str(edu_petition_accept_due(db, kind, day),
						 accept);
	const struct edu_petition_rule *r = edu_petition_rule(kind);
	if (fresh && r->reply_from == EDU_PT_RECEIVED &&
	    (!raw[EDU_PC_REPLY_DUE] || !*raw[EDU_PC_REPLY_DUE]))
		raw[EDU_PC_REPLY_DUE] = day_str(edu_petition_reply_due(db, kind, day, 0, 0),
						reply);
	/* FY: the last day to apply, from the day the applicant knew. */
	char knew[EDU_VAL_MAX], e2[EDU_ERR_MAX];
	if (raw[EDU_PC_KNEW] && *raw[EDU_PC_KNEW] && (!raw[EDU_PC_APPLY_BY] || !*raw[EDU_PC_APPLY_BY]) &&
	    edu_valid_date(raw[EDU_PC_KNEW], knew, e2) == 0)
		raw[EDU_PC_APPLY_BY] = day_str(edu_petition_apply_by(db, kind, day_of(knew)), apply_by);
	if (!raw[EDU_PC_RELATED] || !*raw[EDU_PC_RELATED])
		raw[EDU_PC_RELATED] = related =
			edu_petition_repeats(db, raw[EDU_PC_ID_NUMBER], raw[EDU_PC_PHONE]);
	return 0;
}

/* The number of a new case, KIND-YEAR-NNNNN by the kind's sequence of
 * the year received: made once the row passed every check, so that a
 * refused row uses no number. */
char *edu_petition_new_key(sqlite3 *db, const char *const *v, char *err)
{
	char year[5];

	snprintf(year, sizeof year, "%.4s", v[EDU_PC_RECEIVED]);
	const struct edu_placeholder ph[] = { { "kind", v[EDU_PC_KIND] }, { "year", year } };
	/* The scope is named as it always was, so a database keeps counting. */
	char *scope = edu_asprintf("petition.%s.%s", v[EDU_PC_KIND], year), *made = NULL;
	struct edu_buf no = { 0 };

	/* A case imported with its number may have taken the next one. */
	do {
		free(made);
		made = NULL;
		int64_t seq = edu_seq_next(db, scope);
		/* Five digits (the schema's check says so too): 99999 cases of
		 * a kind a year. */
		if (seq > 99999) {
			snprintf(err, EDU_ERR_MAX, "no case number left: %s-%s-99999 was the last "
				 "of kind %s in %s", ph[0].value, ph[1].value, ph[0].value, ph[1].value);
			goto out;
		}
		if (edu_pattern_expand(CASE_PATTERN, ph, 2, seq, &no, err) < 0)
			goto out;
		const char *p[] = { no.s };
		made = edu_query1(db, "SELECT 1 FROM petition WHERE case_no = ?", 1, p);
	} while (made);
	snprintf(new_no, sizeof new_no, "%s", no.s);
	made = edu_strdup(no.s);
out:
	free(scope);
	edu_buf_free(&no);
	return made;
}

const char *edu_petition_new_no(void)
{
	return new_no;
}

const struct edu_entity edu_petition_entity = {
	.table = "petition", .what = "case", .cols = edu_petition_cols,
	.ncols = EDU_PC_NCOL, .row_check = edu_petition_check,
	.derive = edu_petition_derive, .derive_ok = "case_no",
	/* The deadlines that wait for the calendar (deadline.c). */
	.derived = "provisional",
	.new_key = edu_petition_new_key, .events = &edu_petition_events,
};

int edu_petition_load(sqlite3 *db, const char *no, struct edu_petition_row *p)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT " COLS " FROM petition WHERE case_no = ?1");
	int rc;

	memset(p, 0, sizeof *p);
	sqlite3_bind_text(st, 1, no, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		for (int i = 0; i < EDU_PC_NCOL; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			p->v[i] = v ? edu_strdup(v) : NULL;
		}
	} else if (rc != SQLITE_DONE) {
		edu_die_db(db, "cannot read");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

void edu_petition_row_free(struct edu_petition_row *p)
{
	for (int i = 0; i < EDU_PC_NCOL; i++) {
		free(p->v[i]);
		p->v[i] = NULL;
	}
}

void edu_petition_row_set(struct edu_petition_row *p, int col, const char *s)
{
	char *was = p->v[col];

	p->v[col] = s ? edu_strdup(s) : NULL;
	free(was);
}

void edu_petition_row_set_day(struct edu_petition_row *p, int col, int day)
{
	char b[11];

	edu_petition_row_set(p, col, day_str(day, b));
}

int edu_petition_event_day(sqlite3 *db, const char *no, const char *event, int first)
{
	const char *p[] = { no, event };
	char *d = edu_query1(db, first ?
		"SELECT min(day) FROM petition_event WHERE case_no = ? AND event = ? "
		"AND void_on IS NULL" :
		"SELECT max(day) FROM petition_event WHERE case_no = ? AND event = ? "
		"AND void_on IS NULL", 2, p);
	int day = day_of(d);

	free(d);
	return day;
}

int edu_petition_last_event(sqlite3 *db, const char *no)
{
	const char *p[] = { no };
	char *d = edu_query1(db, "SELECT max(day) FROM petition_event WHERE case_no = ? "
			     "AND void_on IS NULL", 1, p);
	int day = day_of(d);

	free(d);
	return day;
}

/* The case a review case reviews, or NULL. */
static char *reviewed(sqlite3 *db, const char *no)
{
	const char *p[] = { no };

	return edu_query1(db, "SELECT case_no FROM petition_event WHERE event = 'review' "
			  "AND detail = ? AND void_on IS NULL", 1, p);
}

int edu_petition_review_level(sqlite3 *db, const char *no)
{
	int level = 0;
	char *up = reviewed(db, no);

	while (up && level < 3) {
		char *next = reviewed(db, up);
		free(up);
		up = next;
		level++;
	}
	free(up);
	return level;
}

void edu_petition_case_of(sqlite3 *db, const struct edu_petition_row *row,
			  struct edu_petition_case *pc)
{
	char *const *v = row->v;
	const char *no = v[EDU_PC_CASE_NO];
	const char *p[] = { no };
	char *n = edu_query1(db, "SELECT count(*) FROM petition_event WHERE case_no = ? "
			     "AND event = 'extend' AND void_on IS NULL", 1, p);

	*pc = (struct edu_petition_case){
		.kind = v[EDU_PC_KIND], .status = v[EDU_PC_STATUS],
		.department = v[EDU_PC_DEPARTMENT], .result = v[EDU_PC_RESULT],
		.rating = v[EDU_PC_RATING], .received = day_of(v[EDU_PC_RECEIVED]),
		.reply_due = day_of(v[EDU_PC_REPLY_DUE]),
		.replied_on = day_of(v[EDU_PC_REPLIED_ON]),
		.first_assigned = edu_petition_event_day(db, no, "assign", 1),
		.last_accepted = edu_petition_event_day(db, no, "accept", 0),
		.extensions = atoi(n),
		.applied_on = day_of(v[EDU_PC_APPLIED]), .body = v[EDU_PC_BODY],
		.outcome = v[EDU_PC_OUTCOME], .court_decision = v[EDU_PC_COURT_DECISION],
		.body_accepted = day_of(v[EDU_PC_BODY_ACCEPTED]),
		.decision_due = day_of(v[EDU_PC_DECISION_DUE]),
		.served_on = day_of(v[EDU_PC_SERVED]), .appeal_due = day_of(v[EDU_PC_APPEAL_DUE]),
		.review_level = edu_petition_review_level(db, no),
		.review_asked = edu_petition_event_day(db, no, "review", 0) >= 0,
	};
	free(n);
}

/* ---- the lists ---------------------------------------------------------- */

sqlite3_stmt *edu_petition_list_stmt(sqlite3 *db, const struct edu_petition_filter *f)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT " COLS ", provisional FROM (SELECT case_no, kind, channel, category, "
		"received_on, petitioner, id_number, phone, address, subject, content, "
		"department, deputy, transferred_from, CASE WHEN ?6 IS NULL THEN status "
		"ELSE coalesce((SELECT e.status FROM petition_event e WHERE "
		"e.case_no = p.case_no AND e.day <= ?6 AND e.void_on IS NULL ORDER BY e.day DESC, e.id DESC "
		"LIMIT 1), status) END AS status, accept_due, reply_due, replied_on, "
		"result, rating, related, knew_on, applied_on, apply_by, body, "
		"body_accepted_on, decision_due, outcome, served_on, court_decision, "
		"appeal_due, " EDU_PROVISIONAL_SQL("petition", "p.case_no") " AS provisional "
		"FROM petition p WHERE (?1 IS NULL OR kind = ?1) AND (?3 IS NULL OR department = ?3) "
		"AND (?4 IS NULL OR received_on >= ?4) AND (?5 IS NULL OR received_on <= ?5) "
		"AND (?6 IS NULL OR received_on <= ?6) "
		"AND (?7 IS NULL OR case_no IN (SELECT value FROM json_each(?7)))) "
		"WHERE ?2 IS NULL OR status = ?2 ORDER BY case_no");

	if (f->only) {
		sqlite3_bind_text(st, 7, f->only, -1, SQLITE_TRANSIENT);
		return st;
	}
	const char *v[] = { f->kind, f->status, f->dept, f->since, f->until, f->as_of };
	for (int i = 0; i < 6; i++)
		if (v[i])
			sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_TRANSIENT);
	return st;
}

/* objection_due(received_on) in SQL: the calendar's answer. */
static void sql_objection_due(sqlite3_context *cx, int argc, sqlite3_value **v)
{
	int day = day_of((const char *)sqlite3_value_text(v[0]));
	char out[11];

	(void)argc;
	if (day < 0) {
		sqlite3_result_null(cx);
		return;
	}
	edu_date_str(edu_petition_objection_due(sqlite3_context_db_handle(cx), day), out);
	sqlite3_result_text(cx, out, -1, SQLITE_TRANSIENT);
}

sqlite3_stmt *edu_petition_due_stmt(sqlite3 *db, int on, long within, const char *dept)
{
	char day[11];

	if (sqlite3_create_function(db, "objection_due", 1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    sql_objection_due, NULL, NULL) != SQLITE_OK)
		edu_die_db(db, "cannot add a function");
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT case_no, kind, department, petitioner, subject, status, what, due_on, "
		"CAST(julianday(due_on) - julianday(?1) AS INTEGER) AS days_left, "
		/* The deadline's column when it waits for the calendar. */
		"(SELECT field FROM provisional v WHERE v.entity = 'petition' AND "
		"v.key = case_no AND v.field = what || '_due') AS provisional FROM ("
		"SELECT *, CASE WHEN kind = 'XF' AND status IN ('received', 'assigned') "
		"THEN 'accept' ELSE 'reply' END AS what, "
		"CASE WHEN kind = 'XF' AND status IN ('received', 'assigned') "
		"THEN accept_due ELSE reply_due END AS due_on FROM petition "
		"WHERE status IN ('received', 'assigned', 'accepted') "
		/* SS: the day to decide whether to appeal (art. 85). */
		"UNION ALL SELECT *, 'appeal', appeal_due FROM petition "
		"WHERE kind = 'SS' AND status <> 'closed' "
		"UNION ALL SELECT *, 'objection', objection_due(received_on) FROM petition "
		"WHERE ?2 IS NOT NULL AND kind = 'XF' AND transferred_from IS NOT NULL "
		"AND status IN ('received', 'assigned')) "
		"WHERE due_on IS NOT NULL AND (?3 IS NULL OR department = ?3) AND "
		"CASE WHEN ?2 IS NULL THEN due_on < ?1 ELSE due_on >= ?1 AND "
		"julianday(due_on) - julianday(?1) <= ?2 END "
		"ORDER BY due_on, case_no");

	sqlite3_bind_text(st, 1, edu_date_str(on, day), -1, SQLITE_TRANSIENT);
	if (within >= 0)
		sqlite3_bind_int64(st, 2, within);
	if (dept)
		sqlite3_bind_text(st, 3, dept, -1, SQLITE_TRANSIENT);
	return st;
}

sqlite3_stmt *edu_petition_stats_stmt(sqlite3 *db, long year, const char *by)
{
	static const struct { const char *by, *expr; } groups[] = {
		{ "kind", "kind" },
		{ "dept", "coalesce(department, '')" },
		{ "month", "substr(received_on, 1, 7)" },
		{ "category", "coalesce(category, '')" },
	};
	const char *expr = "kind";
	char y[8];

	if (!by)
		by = "kind";
	for (size_t i = 0; i < sizeof groups / sizeof *groups; i++)
		if (!strcmp(groups[i].by, by))
			expr = groups[i].expr;
	/* The grouping comes from the table above, never from data. */
#define N(x) "CAST(total(" x ") AS INTEGER)"
#define RATE(n, d) "CASE WHEN total(" d ") > 0 THEN " \
	"printf('%%.1f', 100.0 * total(" n ") / total(" d ")) END"
#define FIGURES "count(*) AS received, " N("replied_on IS NOT NULL") " AS replied, " \
	N("status IN ('closed', 'declined')") " AS closed, " \
	N("replied_on <= reply_due") " AS on_time, " \
	RATE("replied_on <= reply_due", "replied_on IS NOT NULL") " AS on_time_rate, " \
	N("rating IS NOT NULL") " AS rated, " \
	N("rating IN ('satisfied', 'basic')") " AS satisfied, " \
	RATE("rating IN ('satisfied', 'basic')", "rating IS NOT NULL") " AS satisfaction_rate"
	char *sql = edu_asprintf(
		"WITH c AS (SELECT %s AS g, * FROM petition WHERE substr(received_on, 1, 4) = ?1) "
		"SELECT g AS \"%s\", received, replied, closed, on_time, on_time_rate, rated, "
		"satisfied, satisfaction_rate FROM ("
		"SELECT 0 AS o, g, " FIGURES " FROM c GROUP BY g "
		"UNION ALL SELECT 1, 'total', " FIGURES " FROM c) ORDER BY o, g", expr, by);
#undef FIGURES
#undef RATE
#undef N
	sqlite3_stmt *st = edu_prepare(db, sql);
	free(sql);
	snprintf(y, sizeof y, "%04ld", year);
	sqlite3_bind_text(st, 1, y, -1, SQLITE_TRANSIENT);
	return st;
}

/* ---- corrections (issue 17) ---------------------------------------------- */

/* The columns of a case its verbs change (the state rules), whose values
 * before and after each event keeps, NULL-terminated. */
static const char *const event_cols[] = {
	"status", "department", "accept_due", "reply_due", "replied_on", "result",
	"rating", "body", "body_accepted_on", "decision_due", "outcome", "served_on",
	"court_decision", "appeal_due", NULL
};

/* The status and the deadlines: what an upsert changes that is a
 * correction of the history (the others are a case's details). */
static const char *const deadline_cols[] = {
	"status", "accept_due", "reply_due", "decision_due", "appeal_due", NULL
};

int edu_petition_event_json(const struct edu_petition_row *was,
			    const struct edu_petition_row *now,
			    struct edu_buf *old, struct edu_buf *new)
{
	const char *names[EDU_PC_NCOL], *a[EDU_PC_NCOL], *z[EDU_PC_NCOL];
	int n = 0;

	for (int i = 0; event_cols[i]; i++)
		for (int c = 0; c < EDU_PC_NCOL; c++)
			if (!strcmp(edu_petition_cols[c].name, event_cols[i])) {
				names[n] = event_cols[i];
				a[n] = was->v[c];
				z[n++] = now->v[c];
			}
	return edu_event_diff(n, names, a, z, NULL, old, new);
}

/* What depends on a case's event besides its later events: a review that
 * opened a case of its own (the review case stands: close it), and a
 * reply to a case that is rated (满意度): the rating answers that reply,
 * so it is corrected first. */
static int petition_refuse(sqlite3 *db, const struct edu_event *e, char *why)
{
	const char *p[] = { e->key, (const char *)NULL };
	char *x;

	if (!strcmp(e->kind, "review")) {
		char ids[24];
		snprintf(ids, sizeof ids, "%lld", e->id);
		p[1] = ids;
		x = edu_query1(db, "SELECT r.case_no FROM petition_event e JOIN petition r "
			       "ON r.case_no = e.detail WHERE e.id = ?2 AND e.case_no = ?1", 2, p);
		if (x) {
			snprintf(why, EDU_ERR_MAX, "it opened the review case %s, which stays: "
				 "close that case (edu-petition close %s) instead", x, x);
			free(x);
			return -1;
		}
	}
	if (!strcmp(e->kind, "reply") &&
	    (x = edu_query1(db, "SELECT rating FROM petition WHERE case_no = ?1 "
			    "AND rating IS NOT NULL", 1, p))) {
		snprintf(why, EDU_ERR_MAX, "the case is rated %s on this reply: correct the "
			 "rating first (import --upsert with rating empty)", x);
		free(x);
		return -1;
	}
	return 0;
}

const struct edu_event_table edu_petition_events = {
	.table = "petition_event", .subject = "petition", .key = "case_no", .kind = "event",
	.noun = "case", .first_made = 1, .restore = event_cols, .tracked = deadline_cols,
	.copy = "status", .refuse = petition_refuse,
	.list = "case_no, day, event, status, detail, old, new",
};
