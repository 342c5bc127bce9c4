/* edu-doc - official documents (公文): registration and numbering,
 * routing and handling, secrecy periods, archives; meetings and the
 * follow-up of their decisions */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

#define ROLE "documents"

/* The columns of document, in the order of the table. */
enum { C_NO, C_DIRECTION, C_ISSUER, C_THEIR_NO, C_TITLE, C_DOC_DATE,
       C_RECEIVED_ON, C_SECRECY, C_YEARS, C_URGENCY, C_DEPARTMENT,
       C_HANDLER, C_DUE, C_STATUS, C_ARCHIVE_CODE, C_RETENTION, NCOLS };

static const struct edu_col doc_cols[NCOLS] = {
	[C_NO] = { .name = "doc_no", .aliases = "文号|发文字号|收文编号|收文号",
		   .type = EDU_C_CODE, .flags = EDU_C_KEY },
	[C_DIRECTION] = { .name = "direction", .aliases = "收发|收发类别",
		   .type = EDU_C_ENUM, .flags = EDU_C_REQUIRED, .values = edu_doc_directions },
	[C_ISSUER] = { .name = "issuer", .aliases = "来文单位|发文机关", .type = EDU_C_TEXT },
	[C_THEIR_NO] = { .name = "their_no", .aliases = "来文字号|原文号", .type = EDU_C_CODE },
	[C_TITLE] = { .name = "title", .aliases = "标题|文件标题", .type = EDU_C_TEXT,
		   .flags = EDU_C_REQUIRED },
	/* A document's own date and the day it came in are past days, not
	 * after --on; the handler is a person, named without blanks (issue
	 * 16, point 13). */
	[C_DOC_DATE] = { .name = "doc_date", .aliases = "成文日期", .type = EDU_C_DATE,
		   .flags = EDU_C_PAST },
	[C_RECEIVED_ON] = { .name = "received_on", .aliases = "收文日期", .type = EDU_C_DATE,
		   .flags = EDU_C_PAST },
	[C_SECRECY] = { .name = "secrecy", .aliases = "密级", .type = EDU_C_ENUM,
		   .flags = EDU_C_REQUIRED, .values = edu_doc_secrecies, .dflt = "none" },
	[C_YEARS] = { .name = "secrecy_years", .aliases = "保密期限", .type = EDU_C_INT,
		   .min = 1, .max = 99 },
	[C_URGENCY] = { .name = "urgency", .aliases = "紧急程度", .type = EDU_C_ENUM,
		   .flags = EDU_C_REQUIRED, .values = edu_doc_urgencies, .dflt = "none" },
	[C_DEPARTMENT] = { .name = "department", .aliases = "承办部门|承办科室", .type = EDU_C_TEXT },
	[C_HANDLER] = { .name = "handler", .aliases = "承办人", .type = EDU_C_NAME },
	[C_DUE] = { .name = "due", .aliases = "办理期限|限办日期", .type = EDU_C_DATE },
	[C_STATUS] = { .name = "status", .aliases = "状态|办理状态", .type = EDU_C_ENUM,
		   .flags = EDU_C_REQUIRED, .values = edu_doc_statuses, .dflt = "registered" },
	[C_ARCHIVE_CODE] = { .name = "archive_code", .aliases = "档号", .type = EDU_C_CODE },
	[C_RETENTION] = { .name = "retention", .aliases = "保管期限", .type = EDU_C_ENUM,
		   .values = edu_doc_retentions },
};

static int doc_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	const struct edu_doc_fields d = {
		.direction = v[C_DIRECTION], .doc_date = v[C_DOC_DATE],
		.received_on = v[C_RECEIVED_ON], .secrecy = v[C_SECRECY],
		.secrecy_years = v[C_YEARS], .due = v[C_DUE], .status = v[C_STATUS],
		.archive_code = v[C_ARCHIVE_CODE], .retention = v[C_RETENTION],
	};

	(void)db;
	return edu_doc_rule(&d, col, err);
}

/* An imported row without a doc_no is an incoming document to register. */
static char *doc_new_key(sqlite3 *db, const char *const *v, char *err)
{
	int day;

	if (strcmp(v[C_DIRECTION], "in")) {
		snprintf(err, EDU_ERR_MAX, "an outgoing document needs its number (issue numbers new ones)");
		return NULL;
	}
	if (edu_parse_date(v[C_RECEIVED_ON], &day) < 0) {
		snprintf(err, EDU_ERR_MAX, "no day received to number it by");
		return NULL;
	}
	return edu_doc_in_no(db, day);
}

/* A number given in the file: normalised to its GB/T 9704 form, and
 * refused when it is not one, not of the document's year, or held
 * already in another form (libedu/doc.c). */
static int doc_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
		      const char **col, char *err)
{
	if (!raw[C_NO])
		return 0;
	if (edu_doc_no_given(db, raw[C_NO], raw[C_DIRECTION], raw[C_DOC_DATE],
			     raw[C_RECEIVED_ON], buf[0], err) < 0) {
		*col = doc_cols[C_NO].name;
		return -1;
	}
	raw[C_NO] = buf[0];
	return 0;
}

static const struct edu_entity document = {
	.table = "document", .what = "document", .cols = doc_cols, .ncols = NCOLS,
	.row_check = doc_check, .derive = doc_derive, .new_key = doc_new_key,
	.events = &edu_doc_events,
};

/* ---- options ----------------------------------------------------------- */

static struct {
	const char *direction, *status, *secrecy, *department, *issuer, *title,
		*their_no, *years, *urgency, *due, *date, *prefix, *to, *handler,
		*retention, *kind, *text, *owner, *note;
	int as_of, open, overdue;	/* as_of -1: none */
	long within;
} opt = { .as_of = -1 };

static const struct edu_option list_opts[] = {
	EDU_OPT_TEXT("direction", &opt.direction, "D", "in or out (收文, 发文)"),
	EDU_OPT_TEXT("status", &opt.status, "S", "registered, routed, handled or archived"),
	EDU_OPT_TEXT("secrecy", &opt.secrecy, "S", "none, 秘密, 机密 or 绝密"),
	EDU_OPT_TEXT("department", &opt.department, "DEPT", "documents routed to this department"),
	EDU_OPT_DATE("as-of", &opt.as_of, "the documents registered by DATE, with their status on that day"),
	EDU_OPT_END
};

static const struct edu_option receive_opts[] = {
	EDU_OPT_TEXT("issuer", &opt.issuer, "ORG", "the body that sent it (来文单位)"),
	EDU_OPT_TEXT("title", &opt.title, "TITLE", "its title"),
	EDU_OPT_TEXT("their-no", &opt.their_no, "N", "the sender's document number"),
	EDU_OPT_TEXT("date", &opt.date, "DATE", "the document's own date (成文日期)"),
	EDU_OPT_TEXT("secrecy", &opt.secrecy, "S", "none, 秘密, 机密 or 绝密"),
	EDU_OPT_TEXT("years", &opt.years, "N", "the secrecy period in years (default 10, 20, 30 by level)"),
	EDU_OPT_TEXT("urgency", &opt.urgency, "U", "none, 加急 or 特急"),
	EDU_OPT_TEXT("due", &opt.due, "DATE", "the day it must be handled by"),
	EDU_OPT_END
};

static const struct edu_option issue_opts[] = {
	EDU_OPT_TEXT("prefix", &opt.prefix, "P", "the issuer abbreviation, e.g. 西教发 (default: setting bureau.doc_prefix)"),
	EDU_OPT_TEXT("title", &opt.title, "TITLE", "its title"),
	EDU_OPT_TEXT("secrecy", &opt.secrecy, "S", "none, 秘密, 机密 or 绝密"),
	EDU_OPT_TEXT("years", &opt.years, "N", "the secrecy period in years (default 10, 20, 30 by level)"),
	EDU_OPT_TEXT("urgency", &opt.urgency, "U", "none, 加急 or 特急"),
	EDU_OPT_END
};

static const struct edu_option route_opts[] = {
	EDU_OPT_TEXT("to", &opt.to, "DEPT", "the department that handles it"),
	EDU_OPT_NAME("handler", &opt.handler, "NAME", "the person who handles it"),
	EDU_OPT_TEXT("note", &opt.note, "TEXT", "a remark for the record (批示)"),
	EDU_OPT_END
};

static const struct edu_option handled_opts[] = {
	EDU_OPT_TEXT("note", &opt.note, "TEXT", "a remark for the record"),
	EDU_OPT_END
};

static const struct edu_option archive_opts[] = {
	EDU_OPT_TEXT("retention", &opt.retention, "R", "permanent, 30y or 10y (永久, 30年, 10年)"),
	EDU_OPT_END
};

static const struct edu_option due_opts[] = {
	EDU_OPT_LONG("within", &opt.within, "DAYS", 0, 36500, "also documents due within DAYS days of --on (default 0)"),
	EDU_OPT_END
};

static const struct edu_option as_of_opts[] = {
	EDU_OPT_DATE("as-of", &opt.as_of, "the day to look at (default: --on, today)"),
	EDU_OPT_END
};

static const struct edu_option meeting_opts[] = {
	EDU_OPT_TEXT("kind", &opt.kind, "KIND", "executive, office or bureau"),
	EDU_OPT_TEXT("title", &opt.title, "TITLE", "what the meeting is"),
	EDU_OPT_END
};

static const struct edu_option decision_opts[] = {
	EDU_OPT_TEXT("text", &opt.text, "TEXT", "what was decided"),
	EDU_OPT_TEXT("owner", &opt.owner, "DEPT", "the department that carries it out"),
	EDU_OPT_TEXT("due", &opt.due, "DATE", "the day it must be done by"),
	EDU_OPT_END
};

static const struct edu_option decisions_opts[] = {
	EDU_OPT_FLAG("open", &opt.open, "only decisions not done yet"),
	EDU_OPT_FLAG("overdue", &opt.overdue, "only open decisions past their due day; exit 1 when there are none"),
	EDU_OPT_END
};

/* An enumerated option value, normalised, or exit 64 naming the option. */
static char *enum_arg(const char *option, const struct edu_enum *e, const char *in)
{
	char out[EDU_VAL_MAX], err[EDU_ERR_MAX];

	if (edu_valid_enum(e, in, out, err) < 0)
		edu_die(EDU_EUSAGE, "%s: %s", option, err);
	return edu_strdup(out);
}


/* A new number printed as a one-column CSV, so that it pipes into the
 * verbs that read keys from stdin. */
static void print_key(const char *name, const char *value)
{
	const char *const names[] = { name };
	const char *const row[] = { value };
	struct edu_out *o = edu_out_new(stdout, 1, names);

	edu_out_row(o, row);
	edu_out_end(o);
}

/* The end of a verb that made one record with a new number: the number
 * goes in the run ledger and is printed, then the commit lands both (a
 * number lost on the way out is exit 79, and `edu-db runs` keeps it). */
static void finish_new(sqlite3 *db, const struct edu_run *run, const char *what,
		       const char *name, const char *value)
{
	char *counts = edu_asprintf("%s=1", what);

	edu_run_number(value);
	edu_run_finish(db, run, counts, 0);
	print_key(name, value);
	edu_finish(db);
	free(counts);
}

/* ---- the register ------------------------------------------------------ */

static int doc_import(struct edu_cmd *c)
{
	return edu_import(c->db, &document, c->argc, c->argv);
}

static int doc_list(struct edu_cmd *c)
{
	struct edu_filter f[4];
	int nf = 0;

	if (opt.as_of < 0) {
		if (opt.direction)
			f[nf++] = (struct edu_filter){ "direction", opt.direction };
		if (opt.status)
			f[nf++] = (struct edu_filter){ "status", opt.status };
		if (opt.secrecy)
			f[nf++] = (struct edu_filter){ "secrecy", opt.secrecy };
		if (opt.department)
			f[nf++] = (struct edu_filter){ "department", opt.department };
		edu_list(c->db, &document, nf, f);
		return 0;
	}
	/* What was true on a day: the documents registered by then, each
	 * with the status of its last event on or before it. */
	char *dir = opt.direction ? enum_arg("--direction", edu_doc_directions, opt.direction) : NULL;
	char *status = opt.status ? enum_arg("--status", edu_doc_statuses, opt.status) : NULL;
	char *secrecy = opt.secrecy ? enum_arg("--secrecy", edu_doc_secrecies, opt.secrecy) : NULL;

	edu_print_stmt(edu_doc_as_of(c->db, opt.as_of, dir, status, secrecy, opt.department), 0);
	free(dir);
	free(status);
	free(secrecy);
	return 0;
}

/* show: one document as field,value rows, then its events. */
static int doc_show(struct edu_cmd *c)
{
	static const char *const cols[] = { "field", "value" };
	sqlite3_stmt *st = edu_prepare(c->db, "SELECT * FROM document WHERE doc_no = ?1");

	sqlite3_bind_text(st, 1, c->argv[0], -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		edu_warn("no document '%s'", c->argv[0]);
		return EDU_NO;
	}
	struct edu_out *o = edu_out_new(stdout, 2, cols);
	edu_out_fields(o, st);
	sqlite3_finalize(st);
	st = edu_prepare(c->db,
		"SELECT 'event ' || day, CASE kind WHEN 'corrected' THEN 'corrected: ' ELSE '' END || "
		"status || coalesce(' ' || department, '') || "
		"coalesce(': ' || note, '') || coalesce(' [void: ' || void_reason || ']', '') "
		"FROM document_event WHERE doc_no = ?1 "
		"ORDER BY day, id");
	sqlite3_bind_text(st, 1, c->argv[0], -1, SQLITE_STATIC);
	edu_out_stmt(o, st);
	sqlite3_finalize(st);
	edu_out_end(o);
	return 0;
}

/* Write one new document given on the command line, in the caller's
 * transaction; dies with 65 when the row is refused. */
static void put_new(sqlite3 *db, const char *const *raw)
{
	char err[EDU_ERR_MAX];
	const char *col;
	struct edu_writer *w = edu_writer_new(db, &document);
	int rc = edu_writer_put(w, raw, 0, &col, err);

	edu_writer_free(w);
	if (rc < 0) {
		edu_rollback(db);
		if (col)
			edu_die(EDU_EDATA, "%s: %s", col, err);
		edu_die(EDU_EDATA, "%s", err);
	}
}

/* The secrecy level and period of receive and issue: the period defaults
 * to the level's, and needs a level. */
static void secrecy_args(char **level, char **years)
{
	*level = enum_arg("--secrecy", edu_doc_secrecies, opt.secrecy ? opt.secrecy : "none");
	*years = NULL;
	if (opt.years) {
		if (!strcmp(*level, "none"))
			edu_die(EDU_EUSAGE, "--years needs --secrecy");
		*years = edu_asprintf("%ld", edu_arg_long("--years", opt.years, 1, 99));
	} else if (strcmp(*level, "none")) {
		*years = edu_asprintf("%d", edu_secrecy_years(*level));
	}
}

static int receive(struct edu_cmd *c)
{
	char on[11];
	char *level, *years;

	edu_need_text(opt.issuer, "--issuer");
	edu_need_text(opt.title, "--title");
	secrecy_args(&level, &years);
	edu_date_str(edu_opt.on, on);
	struct edu_run run;
	edu_run_start(&run);
	edu_begin(c->db);
	char *no = edu_doc_in_no(c->db, edu_opt.on);
	const char *raw[NCOLS] = {
		[C_NO] = no, [C_DIRECTION] = "in", [C_ISSUER] = opt.issuer,
		[C_THEIR_NO] = opt.their_no ? opt.their_no : "", [C_TITLE] = opt.title,
		[C_DOC_DATE] = opt.date ? opt.date : "", [C_RECEIVED_ON] = on,
		[C_SECRECY] = level, [C_YEARS] = years ? years : "",
		[C_URGENCY] = opt.urgency ? opt.urgency : "none", [C_DEPARTMENT] = "",
		[C_HANDLER] = "", [C_DUE] = opt.due ? opt.due : "",
		[C_STATUS] = "registered", [C_ARCHIVE_CODE] = "", [C_RETENTION] = "",
	};
	put_new(c->db, raw);
	finish_new(c->db, &run, "received", "doc_no", no);
	free(no);
	free(level);
	free(years);
	return 0;
}

static int issue(struct edu_cmd *c)
{
	char on[11];
	char *level, *years;

	edu_need_text(opt.title, "--title");
	secrecy_args(&level, &years);
	edu_date_str(edu_opt.on, on);
	struct edu_run run;
	edu_run_start(&run);
	edu_begin(c->db);
	char *prefix = opt.prefix ? edu_strdup(opt.prefix) : edu_setting(c->db, "bureau.doc_prefix", NULL);
	if (!prefix || !*prefix) {
		edu_rollback(c->db);
		edu_die(EDU_EUSAGE, "--prefix is required when the setting bureau.doc_prefix is not set (edu-db config set bureau.doc_prefix 西教发)");
	}
	if (!edu_doc_prefix_ok(prefix)) {
		edu_rollback(c->db);
		edu_die(EDU_EUSAGE, "--prefix: '%s' is only the issuer abbreviation, without the year", prefix);
	}
	char *no = edu_doc_next_no(c->db, prefix, atoi(on));	/* on's year */
	const char *raw[NCOLS] = {
		[C_NO] = no, [C_DIRECTION] = "out", [C_ISSUER] = "", [C_THEIR_NO] = "",
		[C_TITLE] = opt.title, [C_DOC_DATE] = on, [C_RECEIVED_ON] = "",
		[C_SECRECY] = level, [C_YEARS] = years ? years : "",
		[C_URGENCY] = opt.urgency ? opt.urgency : "none", [C_DEPARTMENT] = "",
		[C_HANDLER] = "", [C_DUE] = "", [C_STATUS] = "registered",
		[C_ARCHIVE_CODE] = "", [C_RETENTION] = "",
	};
	put_new(c->db, raw);
	finish_new(c->db, &run, "issued", "doc_no", no);
	free(prefix);
	free(no);
	free(level);
	free(years);
	return 0;
}

/* ---- status changes ---------------------------------------------------- */

/* What a status change does to one document: 0 after changing *new, or
 * -1 with the reason in err (then nothing is written at all). */
typedef int (*transition)(sqlite3 *db, const struct edu_doc_state *old,
			  struct edu_doc_state *new, char *err);

static int to_routed(sqlite3 *db, const struct edu_doc_state *old,
		     struct edu_doc_state *new, char *err)
{
	(void)db;
	return edu_doc_route(old, new, opt.to, opt.handler, err);
}

static int to_handled(sqlite3 *db, const struct edu_doc_state *old,
		      struct edu_doc_state *new, char *err)
{
	(void)db;
	return edu_doc_handle(old, new, err);
}

static int to_archived(sqlite3 *db, const struct edu_doc_state *old,
		       struct edu_doc_state *new, char *err)
{
	return edu_doc_archive(db, old, new, opt.retention, err);
}

static int status_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	transition move = *(transition *)ctx;
	struct edu_doc_state old, new;
	const char *no = k->key;
	int rc = EDU_KEY_DONE;

	if (!edu_doc_load(c->db, no, edu_opt.on, &old))
		return EDU_KEY_MISSING;
	edu_doc_load(c->db, no, edu_opt.on, &new);
	const char *q[] = { no };
	char *last = edu_query1(c->db, "SELECT max(day) FROM document_event WHERE doc_no = ? "
				   "AND void_on IS NULL", 1, q);
	if (edu_key_in_order(k, last) < 0 || move(c->db, &old, &new, k->why) < 0) {
		rc = EDU_KEY_REFUSED;
	} else {
		edu_doc_write(c->db, no, &old, &new, k->on, opt.note);
		edu_audit_change(c->db, "document", no, EDU_DOC_NSTATE, edu_doc_state_cols,
				 (const char *const *)old.vals,
				 (const char *const *)new.vals);
	}
	free(last);
	edu_doc_state_free(&old);
	edu_doc_state_free(&new);
	return rc;
}

/* route, handled, archive: every document named, or none of them. */
static int change_status(struct edu_cmd *c, transition move, const char *done)
{
	const struct edu_keyverb kv = {
		.col = "doc_no", .aliases = doc_cols[C_NO].aliases, .noun = "document",
		.done = done, .apply = status_one,
	};

	return edu_drive(c, &kv, &move);
}

static int route(struct edu_cmd *c)
{
	edu_need_text(opt.to, "--to");
	return change_status(c, to_routed, "routed");
}

static int handled(struct edu_cmd *c)
{
	return change_status(c, to_handled, "handled");
}

static int archive(struct edu_cmd *c)
{
	edu_need_text(opt.retention, "--retention");
	opt.retention = enum_arg("--retention", edu_doc_retentions, opt.retention);
	return change_status(c, to_archived, "archived");
}

/* ---- due lists --------------------------------------------------------- */

static int due(struct edu_cmd *c)
{
	return edu_print_stmt(edu_doc_due_stmt(c->db, edu_opt.on, opt.within), 1) ? 0 : EDU_NO;
}

/* The rows of a to-do list computed in C: printed only when there is
 * one, header first, so the list answers like grep. */
struct todo {
	struct edu_out *o;
	int ncols;
	const char *const *names;
	long n;
};

static void todo_row(struct todo *t, const char *const *row)
{
	if (!t->o)
		t->o = edu_out_new(stdout, t->ncols, t->names);
	edu_out_row(t->o, row);
	t->n++;
}

static int todo_end(struct todo *t)
{
	if (t->o)
		edu_out_end(t->o);
	return t->n ? 0 : EDU_NO;
}

static int declassify_due(struct edu_cmd *c)
{
	static const char *const names[] = { "doc_no", "title", "secrecy",
		"secrecy_years", "since", "ends" };
	struct todo t = { .ncols = 6, .names = names };
	size_t n;
	struct edu_doc_lapsed *v = edu_doc_lapsed(c->db, opt.as_of >= 0 ? opt.as_of : edu_opt.on, &n);

	for (size_t i = 0; i < n; i++) {
		char ybuf[16], ebuf[11];

		snprintf(ybuf, sizeof ybuf, "%d", v[i].years);
		const char *row[] = { v[i].doc_no, v[i].title, v[i].level, ybuf,
			v[i].since, edu_date_str(v[i].ends, ebuf) };
		todo_row(&t, row);
	}
	edu_doc_lapsed_free(v, n);
	return todo_end(&t);
}

static int disposal_due(struct edu_cmd *c)
{
	static const char *const names[] = { "doc_no", "title", "archive_code",
		"retention", "ended" };
	struct todo t = { .ncols = 5, .names = names };
	int as_of = opt.as_of >= 0 ? opt.as_of : edu_opt.on;
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT doc_no, title, archive_code, retention, "
		"coalesce(doc_date, received_on) FROM document "
		"WHERE status = 'archived' AND retention <> 'permanent' ORDER BY archive_code");

	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *retention = (const char *)sqlite3_column_text(st, 3);
		const char *made = (const char *)sqlite3_column_text(st, 4);
		int ends = edu_doc_disposal_day(retention, made);
		char ebuf[11];

		if (ends < 0 || ends > as_of)
			continue;
		const char *row[] = { (const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2), retention,
			edu_date_str(ends, ebuf) };
		todo_row(&t, row);
	}
	sqlite3_finalize(st);
	return todo_end(&t);
}

/* ---- meetings and decisions -------------------------------------------- */

static int meeting_add(struct edu_cmd *c)
{
	static const char *const names[] = { "kind", "day", "title" };
	char day[11], id[24];

	edu_need_text(opt.kind, "--kind");
	edu_need_text(opt.title, "--title");
	char *kind = enum_arg("--kind", edu_meeting_kinds, opt.kind);
	edu_date_str(edu_opt.on, day);
	struct edu_run run;
	edu_run_start(&run);
	edu_begin(c->db);
	const char *p[] = { kind, day, opt.title };
	edu_exec(c->db, "INSERT INTO meeting (kind, day, title) VALUES (?, ?, ?)", 3, p);
	snprintf(id, sizeof id, "%lld", (long long)sqlite3_last_insert_rowid(c->db));
	edu_audit_change(c->db, "meeting", id, 3, names, NULL, p);
	finish_new(c->db, &run, "added", "meeting_id", id);
	free(kind);
	return 0;
}

static int decision_add(struct edu_cmd *c)
{
	static const char *const names[] = { "meeting_id", "text", "owner", "due" };
	char due_s[11], id[24];
	long meeting = edu_arg_long("MEETING", c->argv[0], 1, 999999999);
	char mid[24];

	edu_need_text(opt.text, "--text");
	edu_need_text(opt.owner, "--owner");
	edu_need_text(opt.due, "--due");
	edu_date_str(edu_arg_date("--due", opt.due), due_s);
	snprintf(mid, sizeof mid, "%ld", meeting);
	struct edu_run run;
	edu_run_start(&run);
	edu_begin(c->db);
	char err[EDU_ERR_MAX];
	if (edu_decision_may_add(c->db, mid, due_s, err) < 0) {
		edu_rollback(c->db);
		edu_die(EDU_EDATA, "%s", err);
	}
	const char *p[] = { mid, opt.text, opt.owner, due_s };
	edu_exec(c->db, "INSERT INTO decision (meeting_id, text, owner, due) VALUES (?, ?, ?, ?)", 4, p);
	snprintf(id, sizeof id, "%lld", (long long)sqlite3_last_insert_rowid(c->db));
	edu_audit_change(c->db, "decision", id, 4, names, NULL, p);
	finish_new(c->db, &run, "added", "decision_id", id);
	return 0;
}

static int decision_done(struct edu_cmd *c)
{
	static const char *const names[] = { "done_on" };
	char on[11], id[24];
	long n = edu_arg_long("ID", c->argv[0], 1, 999999999);

	snprintf(id, sizeof id, "%ld", n);
	edu_date_str(edu_opt.on, on);
	edu_begin(c->db);
	char err[EDU_ERR_MAX];
	if (edu_decision_may_close(c->db, id, on, err) < 0) {
		edu_rollback(c->db);
		edu_die(EDU_EDATA, "%s", err);
	}
	const char *p[] = { on, id };
	edu_exec(c->db, "UPDATE decision SET done_on = ? WHERE decision_id = ?", 2, p);
	const char *old[] = { NULL }, *new[] = { on };
	edu_audit_change(c->db, "decision", id, 1, names, old, new);
	edu_finish(c->db);
	return 0;
}

static int decisions(struct edu_cmd *c)
{
	char on[11];
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT d.decision_id, d.meeting_id, m.kind, m.day AS meeting_day, d.text, "
		"d.owner, d.due, d.done_on, CASE WHEN d.done_on IS NULL THEN "
		"CAST(julianday(d.due) - julianday(?1) AS INTEGER) END AS days_left "
		"FROM decision d JOIN meeting m USING (meeting_id) "
		"WHERE (?2 = 0 OR d.done_on IS NULL) "
		"AND (?3 = 0 OR (d.done_on IS NULL AND d.due < ?1)) "
		"ORDER BY d.due, d.decision_id");

	sqlite3_bind_text(st, 1, edu_date_str(edu_opt.on, on), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, opt.open);
	sqlite3_bind_int(st, 3, opt.overdue);
	long n = edu_print_stmt(st, opt.overdue);
	return opt.overdue && n == 0 ? EDU_NO : 0;
}

/* ---- corrections (issue 17) ------------------------------------------------ */

static int events(struct edu_cmd *c)
{
	return edu_events_verb(c, &edu_doc_events);
}

static int void_events(struct edu_cmd *c)
{
	return edu_void_verb(c, &edu_doc_events);
}

#define W EDU_V_WRITE
static const struct edu_verb verbs[] = {
	{ .name = "import", .run = doc_import, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = ROLE, .flags = W | EDU_V_IMPORT,
	  .summary = "add documents from CSV (or update them with --upsert)",
	  .doc = "Import documents from CSV files (none or '-': standard input).  Columns: "
	  "doc_no, direction, issuer, their_no, title, doc_date, received_on, secrecy, "
	  "secrecy_years, urgency, department, handler, due, status, archive_code, "
	  "retention; see edu-csv(5)." },
	{ .name = "list", .run = doc_list, .opts = list_opts,
	  .summary = "list documents" },
	{ .name = "show", .run = doc_show, .args_doc = "DOC", .min_args = 1, .max_args = 1,
	  .summary = "show a document with its history" },
	{ .name = "receive", .run = receive, .roles = ROLE, .flags = W, .opts = receive_opts,
	  .summary = "register an incoming document (收文)",
	  .doc = "Register an incoming document under the next number of the year, "
	  "收〔YEAR〕N号, received on --on (today), and print its doc_no." },
	{ .name = "issue", .run = issue, .roles = ROLE, .flags = W, .opts = issue_opts,
	  .summary = "number an outgoing document (发文字号, GB/T 9704)",
	  .doc = "Give an outgoing document the next number of its prefix and year, "
	  "e.g. 西教发〔2026〕12号, dated --on (today), and print its doc_no." },
	{ .name = "route", .run = route, .args_doc = "[DOC...]", .max_args = EDU_ANY, .roles = ROLE,
	  .flags = W, .opts = route_opts,
	  .summary = "send documents to a department to handle (分办)" },
	{ .name = "handled", .run = handled, .args_doc = "[DOC...]", .max_args = EDU_ANY,
	  .roles = ROLE, .flags = W, .opts = handled_opts,
	  .summary = "record that documents are handled (办结)" },
	{ .name = "archive", .run = archive, .args_doc = "[DOC...]", .max_args = EDU_ANY,
	  .roles = ROLE, .flags = W, .opts = archive_opts,
	  .summary = "file documents in the archive (归档) under an archive code" },
	{ .name = "due", .run = due, .opts = due_opts,
	  .summary = "documents to handle by their due day; exit 1 when none" },
	{ .name = "declassify-due", .run = declassify_due, .opts = as_of_opts,
	  .summary = "secret documents whose period has run out; exit 1 if none" },
	{ .name = "disposal-due", .run = disposal_due, .opts = as_of_opts,
	  .summary = "archives past their retention, for appraisal; exit 1 if none" },
	{ .name = "meeting add", .run = meeting_add, .roles = ROLE, .flags = W,
	  .opts = meeting_opts,
	  .summary = "record a meeting held on --on" },
	{ .name = "decision add", .run = decision_add, .args_doc = "MEETING", .min_args = 1,
	  .max_args = 1, .roles = ROLE, .flags = W, .opts = decision_opts,
	  .summary = "record a meeting's decision and who carries it out" },
	{ .name = "decision done", .run = decision_done, .args_doc = "ID", .min_args = 1,
	  .max_args = 1, .roles = ROLE, .flags = W,
	  .summary = "record that a decision is carried out" },
	{ .name = "decisions", .run = decisions, .opts = decisions_opts,
	  .summary = "list meeting decisions" },
	EDU_VERBS_CORRECTIONS(events, void_events, "DOC", NULL, ROLE),
	{ 0 }
};

static const struct edu_tool tool = {
	.name = "edu-doc",
	.summary = "edu-doc -- official documents, their numbers, handling, secrecy "
		   "and archives; meetings and their decisions",
	.verbs = verbs,
};

int main(int argc, char **argv)
{
	return edu_main(&tool, argc, argv);
}
