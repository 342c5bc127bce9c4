/* edu-petition - letters and visits, deputies' suggestions, CPPCC
 * proposals, reconsideration and litigation, with their legal deadlines */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* A stored date; -1 when there is none. */
static int day_of(const char *s)
{
	int d;

	return s && edu_parse_date(s, &d) == 0 ? d : -1;
}

/* ---- options ----------------------------------------------------------- */

/* What stats counts by. */
static const struct edu_enum stats_by[] = {
	{ "kind", "类型|种类" },
	{ "dept", "部门|承办部门" },
	{ "month", "月份" },
	{ "category", "类别" },
	{ NULL, NULL }
};

static struct {
	const char *kind, *status, *dept, *since, *until, *as_of, *received,
		*petitioner, *subject, *channel, *category, *id_number, *phone,
		*address, *content, *deputy, *transferred, *reason, *text,
		*result, *rating, *by, *knew, *applied, *body, *outcome, *decision;
	int hard, accepted;
	long days, within, year;
} opt = { .days = -1, .within = 7, .year = -1, .accepted = -1 };

static const struct edu_option list_opts[] = {
	EDU_OPT_TEXT("kind", &opt.kind, "KIND", "XF, JY, TA, FY or SS"),
	EDU_OPT_TEXT("status", &opt.status, "S", "received, assigned, accepted, declined, replied or closed"),
	EDU_OPT_TEXT("dept", &opt.dept, "D", "cases of this department"),
	EDU_OPT_TEXT("since", &opt.since, "DATE", "received on or after DATE"),
	EDU_OPT_TEXT("until", &opt.until, "DATE", "received on or before DATE"),
	EDU_OPT_TEXT("as-of", &opt.as_of, "DATE", "the cases received by DATE, with their status then"),
	EDU_OPT_END
};

static const struct edu_option new_opts[] = {
	EDU_OPT_TEXT("kind", &opt.kind, "KIND", "XF letters and visits, JY deputies' suggestions, TA CPPCC proposals, FY reconsideration, SS litigation"),
	EDU_OPT_TEXT("received", &opt.received, "DATE", "the day it was received (default: --on)"),
	EDU_OPT_NAME("petitioner", &opt.petitioner, "NAME", "who brought it"),
	EDU_OPT_TEXT("subject", &opt.subject, "TEXT", "what it is about, in a line"),
	EDU_OPT_TEXT("channel", &opt.channel, "C", "XF: letter, visit, phone, online or email"),
	EDU_OPT_TEXT("category", &opt.category, "C", "XF: suggestion, complaint or claim"),
	EDU_OPT_TEXT("id-number", &opt.id_number, "ID", "the petitioner's resident ID number"),
	EDU_OPT_TEXT("phone", &opt.phone, "PHONE", "the petitioner's phone"),
	EDU_OPT_TEXT("address", &opt.address, "TEXT", "the petitioner's address"),
	EDU_OPT_TEXT("content", &opt.content, "TEXT", "the full text"),
	EDU_OPT_TEXT("dept", &opt.dept, "D", "the department handling it"),
	EDU_OPT_TEXT("deputy", &opt.deputy, "TEXT", "JY, TA: the deputy or member, and their number"),
	EDU_OPT_TEXT("transferred-from", &opt.transferred, "BODY", "the body that transferred it"),
	EDU_OPT_TEXT("knew", &opt.knew, "DATE", "FY: the day the applicant knew of the act"),
	EDU_OPT_TEXT("applied", &opt.applied, "DATE", "FY: the day of the application"),
	EDU_OPT_TEXT("body", &opt.body, "BODY", "FY: the reconsideration body"),
	EDU_OPT_END
};

static const struct edu_option accept_opts[] = {
	EDU_OPT_DATE("accepted", &opt.accepted, "FY: the day the reconsideration body accepted (default --on)"),
	EDU_OPT_TEXT("body", &opt.body, "BODY", "FY: the reconsideration body"),
	EDU_OPT_END
};

static const struct edu_option close_opts[] = {
	EDU_OPT_TEXT("outcome", &opt.outcome, "O", "FY: upheld, changed, revoked, unlawful, ordered, void, rejected or terminated"),
	EDU_OPT_END
};

static const struct edu_option served_opts[] = {
	EDU_OPT_TEXT("decision", &opt.decision, "D", "SS: judgement or ruling (判决, 裁定)"),
	EDU_OPT_END
};

static const struct edu_option review_opts[] = {
	EDU_OPT_TEXT("body", &opt.body, "BODY", "the body that reviews (default: the bureau itself)"),
	EDU_OPT_END
};

static const struct edu_option assign_opts[] = {
	EDU_OPT_TEXT("dept", &opt.dept, "D", "the department that handles it"),
	EDU_OPT_FLAG("hard", &opt.hard, "JY, TA: a hard one, with 6 months instead of 3"),
	EDU_OPT_END
};

static const struct edu_option decline_opts[] = {
	EDU_OPT_TEXT("reason", &opt.reason, "TEXT", "why it is not accepted"),
	EDU_OPT_END
};

static const struct edu_option extend_opts[] = {
	EDU_OPT_LONG("days", &opt.days, "N", 1, 3650, "the extension in days (at most 30)"),
	EDU_OPT_TEXT("reason", &opt.reason, "TEXT", "why"),
	EDU_OPT_END
};

static const struct edu_option reply_opts[] = {
	EDU_OPT_TEXT("text", &opt.text, "TEXT", "the reply, or what it said"),
	EDU_OPT_TEXT("result", &opt.result, "CLASS", "JY, TA: the result class (A, B, C unless set otherwise)"),
	EDU_OPT_END
};

static const struct edu_option feedback_opts[] = {
	EDU_OPT_TEXT("rating", &opt.rating, "R", "satisfied, basic or dissatisfied (满意, 基本满意, 不满意)"),
	EDU_OPT_END
};

static const struct edu_option due_opts[] = {
	EDU_OPT_LONG("within", &opt.within, "DAYS", 0, 3650, "due within DAYS days of --on (default 7)"),
	EDU_OPT_TEXT("dept", &opt.dept, "D", "cases of this department"),
	EDU_OPT_END
};

static const struct edu_option overdue_opts[] = {
	EDU_OPT_TEXT("dept", &opt.dept, "D", "cases of this department"),
	EDU_OPT_END
};

static const struct edu_option stats_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the cases received in YEAR"),
	EDU_OPT_ENUM("by", &opt.by, "WHAT", stats_by, "kind (default), dept, month or category"),
	EDU_OPT_END
};

/* An option's value checked as a column's: exit 64 when it is not one. */
static const char *opt_enum(const struct edu_enum *e, const char *option,
			    const char *in, char out[EDU_VAL_MAX])
{
	char err[EDU_ERR_MAX];

	if (!in)
		return NULL;
	if (edu_valid_enum(e, in, out, err) < 0)
		edu_die(EDU_EUSAGE, "%s: %s", option, err);
	return out;
}

static const char *opt_date(const char *option, const char *in, char out[11])
{
	return in ? edu_date_str(edu_arg_date(option, in), out) : NULL;
}

/* ---- listing ------------------------------------------------------------ */

/* Print cases: those matching the list filters, or those in `only`
 * (a JSON array of case numbers). */
static long print_cases(sqlite3 *db, const char *only)
{
	char kind[EDU_VAL_MAX], status[EDU_VAL_MAX], since[11], until[11], as_of[11];
	struct edu_petition_filter f = { .only = only };

	if (!only)
		f = (struct edu_petition_filter){
			.kind = opt_enum(edu_petition_kinds, "--kind", opt.kind, kind),
			.status = opt_enum(edu_petition_statuses, "--status", opt.status, status),
			.dept = opt.dept,
			.since = opt_date("--since", opt.since, since),
			.until = opt_date("--until", opt.until, until),
			.as_of = opt_date("--as-of", opt.as_of, as_of),
		};
	return edu_print_stmt(edu_petition_list_stmt(db, &f), 0);
}

static int case_list(struct edu_cmd *c)
{
	print_cases(c->db, NULL);
	return 0;
}

static int case_import(struct edu_cmd *c)
{
	return edu_import(c->db, &edu_petition_entity, c->argc, c->argv);
}

/* Text from the command line is checked as a file's would be. */
static void check_text(const char *option, const char *s)
{
	size_t bad;

	if (s && edu_valid_utf8(s, strlen(s), &bad) < 0)
		edu_die(EDU_EDATA, "%s: not UTF-8 text, or a control character, at byte %zu",
			option, bad);
}

/* Register one case in the caller's transaction and note its number in
 * `made` (a JSON array being built); exit 65 when it is refused. */
static void register_case(sqlite3 *db, const char **raw, struct edu_buf *made)
{
	char err[EDU_ERR_MAX];
	const char *col;
	struct edu_writer *w = edu_writer_new(db, &edu_petition_entity);
	int rc = edu_writer_put(w, raw, 0, &col, err);

	edu_writer_free(w);
	if (rc < 0) {
		edu_rollback(db);
		if (col)
			edu_die(EDU_EDATA, "%s: %s", col, err);
		edu_die(EDU_EDATA, "%s", err);
	}
	edu_buf_puts(made, made->len ? "," : "[");
	edu_buf_json(made, edu_petition_new_no());
}

static int case_new(struct edu_cmd *c)
{
	char on[11];
	const char *raw[EDU_PC_NCOL] = { 0 };

	edu_need(opt.kind, "--kind");
	edu_need(opt.petitioner, "--petitioner");
	edu_need(opt.subject, "--subject");
	check_text("--petitioner", opt.petitioner);
	check_text("--subject", opt.subject);
	check_text("--address", opt.address);
	check_text("--content", opt.content);
	check_text("--dept", opt.dept);
	check_text("--deputy", opt.deputy);
	check_text("--transferred-from", opt.transferred);
	check_text("--body", opt.body);
	raw[EDU_PC_KIND] = opt.kind;
	raw[EDU_PC_RECEIVED] = opt.received ? opt.received : edu_date_str(edu_opt.on, on);
	raw[EDU_PC_PETITIONER] = opt.petitioner;
	raw[EDU_PC_SUBJECT] = opt.subject;
	raw[EDU_PC_CHANNEL] = opt.channel;
	raw[EDU_PC_CATEGORY] = opt.category;
	raw[EDU_PC_ID_NUMBER] = opt.id_number;
	raw[EDU_PC_PHONE] = opt.phone;
	raw[EDU_PC_ADDRESS] = opt.address;
	raw[EDU_PC_CONTENT] = opt.content;
	raw[EDU_PC_DEPARTMENT] = opt.dept;
	raw[EDU_PC_DEPUTY] = opt.deputy;
	raw[EDU_PC_TRANSFERRED] = opt.transferred;
	raw[EDU_PC_KNEW] = opt.knew;
	raw[EDU_PC_APPLIED] = opt.applied;
	raw[EDU_PC_BODY] = opt.body;
	struct edu_run run;
	edu_run_start(&run);
	edu_begin(c->db);
	struct edu_buf made = { 0 };
	register_case(c->db, raw, &made);
	edu_buf_puts(&made, "]");
	/* Printed into the held stdout: out after the commit, or not at
	 * all (DESIGN 11). */
	print_cases(c->db, made.s);
	edu_run_finish(c->db, &run, "new=1", 0);
	edu_finish(c->db);
	edu_buf_free(&made);
	return 0;
}

/* ---- state changes ------------------------------------------------------ */

/* What a rule is handed: the case it changes (in place), and what the
 * event records. */
struct change {
	sqlite3 *db;
	struct edu_writer *w;
	struct edu_petition_row *p;
	int on;
	char *detail;		/* malloc'd, or NULL */
	const char *bureau;	/* setting bureau.name, or NULL */
	struct edu_buf made;	/* review: the new cases, a JSON array */
};

#define V(col) (ch->p->v[col])

/* A column the rules changed, copied back into the stored case. */
static void put_text(struct change *ch, int col, const char *was, const char *now)
{
	if (was != now && (!was || !now || strcmp(was, now)))
		edu_petition_row_set(ch->p, col, now);
}

static void put_day(struct change *ch, int col, int was, int now)
{
	if (was != now)
		edu_petition_row_set_day(ch->p, col, now);
}

/* 复查, then 复核: a new letters-and-visits case, linked, whose period
 * runs from the request. */
static int open_review(struct change *ch, int level, char *err)
{
	char due[11], on[11];
	const char *col;
	char *subject = edu_asprintf("%s: %s", level ? "复核" : "复查", V(EDU_PC_SUBJECT));
	const char *raw[EDU_PC_NCOL] = { 0 };

	raw[EDU_PC_KIND] = "XF";
	raw[EDU_PC_CHANNEL] = V(EDU_PC_CHANNEL);
	raw[EDU_PC_CATEGORY] = V(EDU_PC_CATEGORY);
	raw[EDU_PC_RECEIVED] = edu_date_str(ch->on, on);
	raw[EDU_PC_PETITIONER] = V(EDU_PC_PETITIONER);
	raw[EDU_PC_ID_NUMBER] = V(EDU_PC_ID_NUMBER);
	raw[EDU_PC_PHONE] = V(EDU_PC_PHONE);
	raw[EDU_PC_ADDRESS] = V(EDU_PC_ADDRESS);
	raw[EDU_PC_SUBJECT] = subject;
	raw[EDU_PC_DEPARTMENT] = V(EDU_PC_DEPARTMENT);
	/* The bureau reviews a school's case: the review is the bureau's
	 * own case, with the bureau as its body. */
	raw[EDU_PC_BODY] = ch->bureau;
	raw[EDU_PC_STATUS] = "accepted";
	raw[EDU_PC_REPLY_DUE] = edu_date_str(edu_petition_review_due(ch->db, ch->on), due);
	raw[EDU_PC_RELATED] = V(EDU_PC_CASE_NO);
	int rc = edu_writer_put(ch->w, raw, 0, &col, err);
	free(subject);
	if (rc < 0)
		return -1;
	edu_buf_puts(&ch->made, ch->made.len ? "," : "[");
	edu_buf_json(&ch->made, edu_petition_new_no());
	ch->detail = edu_strdup(edu_petition_new_no());
	return 0;
}

/* The rule of the verb (libedu/petition.c) applied to the case in place. */
static int state_rule(struct change *ch, char *err)
{
	struct edu_petition_case was, now;
	char rating[EDU_VAL_MAX], outcome[EDU_VAL_MAX], decision[EDU_VAL_MAX];
	const struct edu_petition_act act = {
		.verb = edu_verb_name, .on = ch->on, .dept = opt.dept, .hard = opt.hard,
		.days = opt.days, .reason = opt.reason, .text = opt.text, .result = opt.result,
		.rating = opt_enum(edu_petition_ratings, "--rating", opt.rating, rating),
		.accepted = opt.accepted, .body = opt.body, .bureau = ch->bureau,
		.outcome = opt_enum(edu_petition_outcomes, "--outcome", opt.outcome, outcome),
		.decision = opt_enum(edu_petition_court_decisions, "--decision", opt.decision,
				     decision),
	};

	edu_petition_case_of(ch->db, ch->p, &was);
	now = was;
	if (edu_petition_change(ch->db, &now, &act, &ch->detail, err) < 0)
		return -1;
	put_text(ch, EDU_PC_STATUS, was.status, now.status);
	put_text(ch, EDU_PC_DEPARTMENT, was.department, now.department);
	put_text(ch, EDU_PC_RESULT, was.result, now.result);
	put_text(ch, EDU_PC_RATING, was.rating, now.rating);
	put_day(ch, EDU_PC_REPLY_DUE, was.reply_due, now.reply_due);
	put_day(ch, EDU_PC_REPLIED_ON, was.replied_on, now.replied_on);
	put_text(ch, EDU_PC_BODY, was.body, now.body);
	put_text(ch, EDU_PC_OUTCOME, was.outcome, now.outcome);
	put_text(ch, EDU_PC_COURT_DECISION, was.court_decision, now.court_decision);
	put_day(ch, EDU_PC_BODY_ACCEPTED, was.body_accepted, now.body_accepted);
	put_day(ch, EDU_PC_DECISION_DUE, was.decision_due, now.decision_due);
	put_day(ch, EDU_PC_SERVED, was.served_on, now.served_on);
	put_day(ch, EDU_PC_APPEAL_DUE, was.appeal_due, now.appeal_due);
	if (!strcmp(act.verb, "review") && edu_petition_review_by_bureau(&act))
		return open_review(ch, was.review_level, err);
	return 0;
}

#undef V

/* A change of cases in progress: the rule, the writer, the event. */
struct case_run {
	struct change ch;
	int (*rule)(struct change *, char *);
	sqlite3_stmt *ev;
};

static void cases_start(struct edu_cmd *c, void *ctx)
{
	struct case_run *r = ctx;
	char *name = edu_setting(c->db, "bureau.name", NULL);

	/* Kept for the run: the review cases name it as their body. */
	r->ch.bureau = name && *name ? name : NULL;
	if (!r->ch.bureau)
		free(name);
	r->ch.w = edu_writer_new(c->db, &edu_petition_entity);
	r->ev = edu_prepare(c->db,
		"INSERT INTO petition_event(case_no, day, event, status, detail, old, new) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
}

static void cases_end(struct edu_cmd *c, void *ctx)
{
	struct case_run *r = ctx;

	(void)c;
	sqlite3_finalize(r->ev);
	edu_writer_free(r->ch.w);
	free((char *)r->ch.bureau);
	r->ch.bureau = NULL;
}

/* The rule, then the case written back through the writer (which checks
 * it as an import would), then the event. */
static int case_apply(struct edu_cmd *c, struct case_run *r, struct edu_petition_row *p,
		      struct edu_key *k)
{
	char day[11];
	const char *col;
	int rc;

	if (r->ch.on < day_of(p->v[EDU_PC_RECEIVED]))
		return edu_key_refuse(k, "--on %s is before the case was received, on %s",
				      k->on, p->v[EDU_PC_RECEIVED]);
	if (edu_key_in_order(k, edu_date_str(edu_petition_last_event(c->db, p->v[EDU_PC_CASE_NO]), day)) < 0)
		return EDU_KEY_REFUSED;
	/* The case before the rule: the event keeps what it changed, so
	 * that it can be voided (issue 17). */
	struct edu_petition_row was;
	for (int j = 0; j < EDU_PC_NCOL; j++)
		was.v[j] = p->v[j] ? edu_strdup(p->v[j]) : NULL;
	if (r->rule(&r->ch, k->why) < 0) {
		edu_petition_row_free(&was);
		return EDU_KEY_REFUSED;
	}
	/* Every column given: "" clears, where NULL would keep. */
	const char *raw[EDU_PC_NCOL];
	char e2[EDU_ERR_MAX];
	for (int j = 0; j < EDU_PC_NCOL; j++)
		raw[j] = p->v[j] ? p->v[j] : "";
	rc = edu_writer_put(r->ch.w, raw, 1, &col, e2);
	if (rc < 0) {
		edu_petition_row_free(&was);
		return edu_key_refuse(k, "%s: %s", col ? col : "case", e2);
	}
	if (rc == EDU_PUT_UNCHANGED) {
		/* The event is the whole change (a review asked for, a case
		 * passed to the same department): audit it. */
		const char *names[] = { "event", "detail" };
		const char *vals[] = { edu_verb_name, r->ch.detail };
		edu_audit_change(c->db, "petition_event", p->v[EDU_PC_CASE_NO], 2, names,
				 NULL, vals);
	}
	sqlite3_reset(r->ev);
	sqlite3_bind_text(r->ev, 1, p->v[EDU_PC_CASE_NO], -1, SQLITE_STATIC);
	sqlite3_bind_text(r->ev, 2, k->on, -1, SQLITE_STATIC);
	sqlite3_bind_text(r->ev, 3, edu_verb_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(r->ev, 4, p->v[EDU_PC_STATUS], -1, SQLITE_STATIC);
	edu_bind_text(r->ev, 5, r->ch.detail);
	struct edu_buf old = { 0 }, new = { 0 };
	edu_petition_event_json(&was, p, &old, &new);
	sqlite3_bind_text(r->ev, 6, old.s, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(r->ev, 7, new.s, -1, SQLITE_TRANSIENT);
	edu_exec_stmt(c->db, r->ev);
	edu_buf_free(&old);
	edu_buf_free(&new);
	edu_petition_row_free(&was);
	return EDU_KEY_DONE;
}

static int case_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	struct case_run *r = ctx;
	struct edu_petition_row p;

	if (edu_petition_load(c->db, k->key, &p) < 0)
		return EDU_KEY_MISSING;
	r->ch.p = &p;
	r->ch.detail = NULL;
	int rc = case_apply(c, r, &p, k);
	free(r->ch.detail);
	r->ch.detail = NULL;
	edu_petition_row_free(&p);
	return rc;
}

/* The new cases a review made, printed once they are committed. */
static void cases_after(struct edu_cmd *c, void *ctx)
{
	struct case_run *r = ctx;

	if (r->ch.made.len) {
		edu_buf_puts(&r->ch.made, "]");
		print_cases(c->db, r->ch.made.s);
	}
}

/* Apply a rule to the cases named by the arguments, or by the case_no
 * column of a CSV on stdin, through the key-verb driver. */
static int change_cases(struct edu_cmd *c, int (*rule)(struct change *, char *),
			const char *done)
{
	struct case_run r = { .ch = { .db = c->db, .on = edu_opt.on }, .rule = rule };
	const struct edu_keyverb kv = {
		.col = "case_no", .aliases = edu_petition_cols[EDU_PC_CASE_NO].aliases, .noun = "case",
		.done = done, .start = cases_start, .apply = case_one,
		.end = cases_end, .after = cases_after,
	};
	int status = edu_drive(c, &kv, &r);

	edu_buf_free(&r.ch.made);
	return status;
}

static int case_assign(struct edu_cmd *c)
{
	edu_need(opt.dept, "--dept");
	check_text("--dept", opt.dept);
	return change_cases(c, state_rule, "assigned");
}

static int case_accept(struct edu_cmd *c)
{
	check_text("--body", opt.body);
	return change_cases(c, state_rule, "accepted");
}

static int case_served(struct edu_cmd *c)
{
	return change_cases(c, state_rule, "served");
}

static int case_decline(struct edu_cmd *c)
{
	edu_need(opt.reason, "--reason");
	check_text("--reason", opt.reason);
	return change_cases(c, state_rule, "declined");
}

static int case_extend(struct edu_cmd *c)
{
	edu_need(opt.days >= 0 ? &opt.days : NULL, "--days");
	edu_need(opt.reason, "--reason");
	check_text("--reason", opt.reason);
	return change_cases(c, state_rule, "extended");
}

static int case_reply(struct edu_cmd *c)
{
	edu_need(opt.text, "--text");
	check_text("--text", opt.text);
	return change_cases(c, state_rule, "replied to");
}

static int case_feedback(struct edu_cmd *c)
{
	char rating[EDU_VAL_MAX];

	edu_need(opt.rating, "--rating");
	opt_enum(edu_petition_ratings, "--rating", opt.rating, rating);
	return change_cases(c, state_rule, "rated");
}

static int case_close(struct edu_cmd *c)
{
	return change_cases(c, state_rule, "closed");
}

static int case_review(struct edu_cmd *c)
{
	check_text("--body", opt.body);
	return change_cases(c, state_rule, "reviewed");
}

/* ---- reading ------------------------------------------------------------- */

/* show: one case as field,value rows, its derived deadlines, then its
 * history. */
static int case_show(struct edu_cmd *c)
{
	static const char *const names[] = { "field", "value" };
	struct edu_petition_row p;
	char day[11];

	if (edu_petition_load(c->db, c->argv[0], &p) < 0) {
		edu_warn("no case '%s'", c->argv[0]);
		return EDU_NO;
	}
	struct edu_out *o = edu_out_new(stdout, 2, names);
	for (int i = 0; i < EDU_PC_NCOL; i++) {
		const char *row[] = { edu_petition_cols[i].name, p.v[i] };
		edu_out_row(o, row);
	}
	/* The deadlines that wait for next year's calendar: the stored
	 * ones in the ledger (deadline.c), the shown ones below as they
	 * are counted now. */
	const char *key[] = { p.v[EDU_PC_CASE_NO] };
	char *stored = edu_query1(c->db, "SELECT " EDU_PROVISIONAL_SQL("petition", "?1"), 1, key);
	struct edu_buf prov = { 0 };
	if (stored)
		edu_buf_puts(&prov, stored);
	free(stored);
	if (!strcmp(p.v[EDU_PC_KIND], "XF")) {
		int level = edu_petition_review_level(c->db, p.v[EDU_PC_CASE_NO]);
		if (level) {
			const char *row[] = { "stage", level == 1 ? "review (复查)" : "re-review (复核)" };
			edu_out_row(o, row);
		}
		if (p.v[EDU_PC_TRANSFERRED]) {
			int from = day_of(p.v[EDU_PC_RECEIVED]);
			int due = edu_petition_objection_due(c->db, from);
			const char *row[] = { "objection_due", edu_date_str(due, day) };
			edu_out_row(o, row);
			if (edu_calendar_missing_year(c->db, from, due))
				edu_buf_printf(&prov, "%sobjection_due", prov.len ? " " : "");
		}
		/* From the day the reply reached the petitioner. */
		const char *got = p.v[EDU_PC_SERVED] ? p.v[EDU_PC_SERVED] : p.v[EDU_PC_REPLIED_ON];
		if (got && level < 2) {
			int due = edu_petition_review_by(c->db, day_of(got));
			const char *row[] = { "review_by", edu_date_str(due, day) };
			edu_out_row(o, row);
			if (edu_calendar_missing_year(c->db, day_of(got), due))
				edu_buf_printf(&prov, "%sreview_by", prov.len ? " " : "");
		}
	}
	if (!strcmp(p.v[EDU_PC_KIND], "FY")) {
		/* Art. 20: applied within 60 days of knowing; art. 70: an
		 * answer after its day counts as no evidence. */
		if (p.v[EDU_PC_APPLIED] && p.v[EDU_PC_APPLY_BY]) {
			const char *row[] = { "applied_in_time",
				strcmp(p.v[EDU_PC_APPLIED], p.v[EDU_PC_APPLY_BY]) <= 0 ? "yes" :
				"no: after the 60 days of art. 20 (plead it in the answer)" };
			edu_out_row(o, row);
		}
		if (p.v[EDU_PC_REPLY_DUE]) {
			const char *on = p.v[EDU_PC_REPLIED_ON];
			const char *row[] = { "answer", !on ? "not given yet" :
				strcmp(on, p.v[EDU_PC_REPLY_DUE]) <= 0 ? "in time" :
				"late: the act counts as without evidence (art. 70)" };
			edu_out_row(o, row);
		}
	}
	if (prov.len) {
		const char *row[] = { "provisional", prov.s };
		edu_out_row(o, row);
	}
	edu_buf_free(&prov);
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT 'event ' || day || ' ' || event, status || coalesce(': ' || detail, '') || "
		"coalesce(' [void: ' || void_reason || ']', '') "
		"FROM petition_event WHERE case_no = ?1 ORDER BY day, id");
	sqlite3_bind_text(st, 1, p.v[EDU_PC_CASE_NO], -1, SQLITE_STATIC);
	edu_out_stmt(o, st);
	sqlite3_finalize(st);
	edu_out_end(o);
	edu_petition_row_free(&p);
	return 0;
}

/* The open cases with their next deadline (libedu/petition.c). */
static int due_list(struct edu_cmd *c, int overdue)
{
	sqlite3_stmt *st = edu_petition_due_stmt(c->db, edu_opt.on,
						 overdue ? -1 : opt.within, opt.dept);

	/* A to-do list answers like grep, so cron mails only news. */
	return edu_print_stmt(st, 1) ? 0 : EDU_NO;
}

static int case_due(struct edu_cmd *c)
{
	return due_list(c, 0);
}

static int case_overdue(struct edu_cmd *c)
{
	return due_list(c, 1);
}

static int case_stats(struct edu_cmd *c)
{
	edu_need(opt.year >= 0 ? &opt.year : NULL, "--year");
	edu_print_chart(edu_petition_stats_stmt(c->db, opt.year, opt.by), 0, 'c',
			"Cases received, replied, closed and on time", "received|replied|closed|on_time");
	return 0;
}

/* ---- corrections (issue 17) ------------------------------------------------ */

static int events(struct edu_cmd *c)
{
	return edu_events_verb(c, &edu_petition_events);
}

static int void_events(struct edu_cmd *c)
{
	return edu_void_verb(c, &edu_petition_events);
}

#define W EDU_V_WRITE
#define R "petitions auditor"
static const struct edu_verb verbs[] = {
	{ .name = "new", .run = case_new, .roles = "petitions", .flags = W, .opts = new_opts,
	  .summary = "register a case and print it",
	  .doc = "Register one case, give it its number KIND-YEAR-NNNNN and its deadlines, "
	  "flag it when the same person has an open case, and print it." },
	{ .name = "import", .run = case_import, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W | EDU_V_IMPORT,
	  .summary = "register cases from CSV (or update them with --upsert)",
	  .doc = "Import cases from CSV files (none or '-': standard input).  Columns: case_no "
	  "(empty for a new case), kind, channel, category, received_on, petitioner, "
	  "id_number, phone, address, subject, content, department, deputy, "
	  "transferred_from, status, accept_due, reply_due, replied_on, result, rating, "
	  "related, knew_on, applied_on, apply_by, body, body_accepted_on, decision_due, "
	  "outcome, served_on, court_decision, appeal_due; see edu-csv(5).  The provisional "
	  "column that list prints is passed over." },
	{ .name = "list", .run = case_list, .roles = R, .opts = list_opts,
	  .summary = "list cases" },
	{ .name = "show", .run = case_show, .args_doc = "CASE", .min_args = 1, .max_args = 1,
	  .roles = R,
	  .summary = "show a case with its deadlines and history" },
	{ .name = "assign", .run = case_assign, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W, .opts = assign_opts,
	  .summary = "assign cases to a department (交办)" },
	{ .name = "accept", .run = case_accept, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W, .opts = accept_opts,
	  .summary = "accept letters and visits (受理); FY: record the body's acceptance" },
	{ .name = "decline", .run = case_decline, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W, .opts = decline_opts,
	  .summary = "decline letters and visits (不予受理)" },
	{ .name = "extend", .run = case_extend, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W, .opts = extend_opts,
	  .summary = "extend the reply period once (延期)" },
	{ .name = "reply", .run = case_reply, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W, .opts = reply_opts,
	  .summary = "record the reply (答复) on --on" },
	{ .name = "feedback", .run = case_feedback, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W, .opts = feedback_opts,
	  .summary = "record the petitioner's or deputy's rating" },
	{ .name = "served", .run = case_served, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W, .opts = served_opts,
	  .summary = "record a reply delivered (XF) or a judgement or ruling served (SS) on --on" },
	{ .name = "close", .run = case_close, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W, .opts = close_opts,
	  .summary = "close replied cases (办结)" },
	{ .name = "review", .run = case_review, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W, .opts = review_opts,
	  .summary = "register a review (复查) or re-review (复核) asked for on --on" },
	{ .name = "due", .run = case_due, .roles = R, .opts = due_opts,
	  .summary = "open cases due within --within days; exit 1 when none" },
	{ .name = "overdue", .run = case_overdue, .roles = R, .opts = overdue_opts,
	  .summary = "open cases past their deadline; exit 1 when none" },
	{ .name = "stats", .run = case_stats, .roles = R, .opts = stats_opts,
	  .summary = "received, closed, on time and satisfied, for a year" },
	EDU_VERBS_CORRECTIONS(events, void_events, "CASE", R, "petitions"),
	{ 0 }
};

static const struct edu_tool tool = {
	.name = "edu-petition",
	.summary = "edu-petition -- letters and visits, deputies' suggestions, CPPCC "
		   "proposals, reconsideration and litigation, with their legal deadlines",
	.verbs = verbs,
};

int main(int argc, char **argv)
{
	return edu_main(&tool, argc, argv);
}
