/* petition.c - the legal periods of petition cases: letters and visits
 * (信访工作条例 2022), deputies' suggestions and CPPCC proposals,
 * administrative reconsideration (行政复议法 2023) and litigation
 * (行政诉讼法), as in DESIGN 8. */
#define _GNU_SOURCE
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
