/* edu-petition - letters and visits, deputies' suggestions, CPPCC
 * proposals, reconsideration and litigation, with their legal deadlines */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

static const struct edu_enum kinds[] = {
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

static const struct edu_enum statuses[] = {
	{ "received", "已登记|登记" },
	{ "assigned", "已交办|交办" },
	{ "accepted", "已受理|受理" },
	{ "declined", "不予受理" },
	{ "replied", "已答复|答复" },
	{ "closed", "已办结|办结" },
	{ NULL, NULL }
};

static const struct edu_enum ratings[] = {
	{ "satisfied", "满意" },
	{ "basic", "基本满意" },
	{ "dissatisfied", "不满意" },
	{ NULL, NULL }
};

/* The columns, in the order of the table and of every listing. */
enum { C_CASE_NO, C_KIND, C_CHANNEL, C_CATEGORY, C_RECEIVED, C_PETITIONER,
       C_ID_NUMBER, C_PHONE, C_ADDRESS, C_SUBJECT, C_CONTENT, C_DEPARTMENT,
       C_DEPUTY, C_TRANSFERRED, C_STATUS, C_ACCEPT_DUE, C_REPLY_DUE,
       C_REPLIED_ON, C_RESULT, C_RATING, C_RELATED, NCOL };

static const struct edu_col cols[NCOL] = {
	{ .name = "case_no", .aliases = "案号|案件编号|编号", .type = EDU_C_CODE, .flags = EDU_C_KEY },
	{ .name = "kind", .aliases = "案件类别|类别", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = kinds },
	{ .name = "channel", .aliases = "渠道|信访方式", .type = EDU_C_ENUM, .values = channels },
	{ .name = "category", .aliases = "诉求类型|性质", .type = EDU_C_ENUM, .values = categories },
	{ .name = "received_on", .aliases = "收到日期|登记日期", .type = EDU_C_DATE,
	  .flags = EDU_C_REQUIRED },
	{ .name = "petitioner", .aliases = "信访人|申请人|姓名", .type = EDU_C_TEXT,
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
	  .flags = EDU_C_REQUIRED, .values = statuses, .dflt = "received" },
	{ .name = "accept_due", .aliases = "受理期限", .type = EDU_C_DATE },
	{ .name = "reply_due", .aliases = "答复期限|办理期限", .type = EDU_C_DATE },
	{ .name = "replied_on", .aliases = "答复日期", .type = EDU_C_DATE },
	{ .name = "result", .aliases = "办理结果|答复类别", .type = EDU_C_CODE },
	{ .name = "rating", .aliases = "满意度|评价", .type = EDU_C_ENUM, .values = ratings },
	{ .name = "related", .aliases = "关联案件|重复信访", .type = EDU_C_CODE },
};

#define COLS "case_no, kind, channel, category, received_on, petitioner, " \
	"id_number, phone, address, subject, content, department, deputy, " \
	"transferred_from, status, accept_due, reply_due, replied_on, result, " \
	"rating, related"

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

/* Is `word` one of the space-separated words of `list`? */
static int has_word(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; *p; p += strcspn(p, " ")) {
		p += strspn(p, " ");
		if (!strncmp(p, word, n) && (p[n] == ' ' || !p[n]))
			return 1;
	}
	return 0;
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
static int case_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	const char *k = v[C_CASE_NO];
	static const char shape[] = "AA-0000-00000";

	/* A new case without a number gets one from case_new_key. */
	for (size_t i = 0; k && (i < sizeof shape - 1 || k[i]); i++)
		if (i >= sizeof shape - 1 || !k[i] ||
		    (shape[i] == 'A' ? !(k[i] >= 'A' && k[i] <= 'Z') :
		     shape[i] == '0' ? !(k[i] >= '0' && k[i] <= '9') : k[i] != '-'))
			return col_error(col, "case_no", err,
					 "'%s' is not a case number KIND-YEAR-NNNNN", k);
	if (k && strncmp(k, v[C_KIND], 2))
		return col_error(col, "case_no", err, "'%s' is not a number of kind %s",
				 k, v[C_KIND]);
	if (!strcmp(v[C_KIND], "XF")) {
		if (!v[C_CHANNEL])
			return col_error(col, "channel", err, "a letter or visit needs its channel");
		if (!v[C_CATEGORY])
			return col_error(col, "category", err, "a letter or visit needs its category");
	}
	if ((!strcmp(v[C_KIND], "JY") || !strcmp(v[C_KIND], "TA")) && !v[C_DEPUTY])
		return col_error(col, "deputy", err, "a suggestion or proposal needs its deputy or member");
	static const int dates[] = { C_ACCEPT_DUE, C_REPLY_DUE, C_REPLIED_ON };
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
		if (v[dates[i]] && strcmp(v[dates[i]], v[C_RECEIVED]) < 0)
			return col_error(col, cols[dates[i]].name, err,
					 "%s is before the case was received on %s",
					 v[dates[i]], v[C_RECEIVED]);
	if (v[C_RESULT] && (!strcmp(v[C_KIND], "JY") || !strcmp(v[C_KIND], "TA"))) {
		char *classes = edu_setting(db, "petition.result_classes", "A B C");
		int known = has_word(classes, v[C_RESULT]);
		if (!known)
			snprintf(err, EDU_ERR_MAX, "'%s' is not one of the result classes %s",
				 v[C_RESULT], classes);
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
static char *repeats(sqlite3 *db, const char *id, const char *phone)
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
/* The number case_new_key gave the last new case. */
static char new_no[32];

/* Fill in a new case: its status, deadlines and repeat flag (its number
 * comes last, from case_new_key).  The strings live here until the next
 * call. */
static int case_fill(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
		     const char **col, char *err)
{
	static char accept[11], reply[11], *related;

	(void)buf;	/* its strings live in the statics above */
	char kind[EDU_VAL_MAX], received[EDU_VAL_MAX];
	const char *key = raw[C_CASE_NO];

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
	if (!raw[C_KIND] || !*raw[C_KIND])
		return col_error(col, "kind", err, "may not be empty");
	if (edu_valid_enum(kinds, raw[C_KIND], kind, err) < 0) {
		*col = "kind";
		return -1;
	}
	if (!raw[C_RECEIVED] || !*raw[C_RECEIVED])
		return col_error(col, "received_on", err, "may not be empty");
	if (edu_valid_date(raw[C_RECEIVED], received, err) < 0) {
		*col = "received_on";
		return -1;
	}
	int day = day_of(received);
	/* Deadlines are filled in for a case that starts as received; one
	 * imported further on brings its own. */
	char status[EDU_VAL_MAX];
	int fresh = edu_valid_enum(statuses, raw[C_STATUS] && *raw[C_STATUS] ?
				   raw[C_STATUS] : "received", status, err) == 0 &&
		    !strcmp(status, "received");
	if (fresh && (!raw[C_ACCEPT_DUE] || !*raw[C_ACCEPT_DUE]))
		raw[C_ACCEPT_DUE] = day_str(edu_petition_accept_due(db, kind, day), accept);
	const struct edu_petition_rule *r = edu_petition_rule(kind);
	if (fresh && r->reply_from == EDU_PT_RECEIVED && (!raw[C_REPLY_DUE] || !*raw[C_REPLY_DUE]))
		raw[C_REPLY_DUE] = day_str(edu_petition_reply_due(db, kind, day, 0, 0), reply);
	if (!raw[C_RELATED] || !*raw[C_RELATED])
		raw[C_RELATED] = related = repeats(db, raw[C_ID_NUMBER], raw[C_PHONE]);
	return 0;
}

/* The number of a new case, KIND-YEAR-NNNNN by the kind's sequence of
 * the year received: made once the row passed every check, so that a
 * refused row uses no number. */
static char *case_new_key(sqlite3 *db, const char *const *v, char *err)
{
	char year[5];

	snprintf(year, sizeof year, "%.4s", v[C_RECEIVED]);
	const struct edu_placeholder ph[] = { { "kind", v[C_KIND] }, { "year", year } };
	/* The scope is named as it always was, so a database keeps counting. */
	char *scope = edu_asprintf("petition.%s.%s", v[C_KIND], year), *made = NULL;
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

static const struct edu_entity petition = {
	.table = "petition", .what = "case", .cols = cols, .ncols = NCOL,
	.row_check = case_check, .derive = case_fill, .derive_ok = "case_no",
	.new_key = case_new_key,
};

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
		*result, *rating, *by;
	int hard;
	long days, within, year;
} opt = { .days = -1, .within = 7, .year = -1 };

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
	EDU_OPT_TEXT("petitioner", &opt.petitioner, "NAME", "who brought it"),
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
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT " COLS " FROM (SELECT case_no, kind, channel, category, "
		"received_on, petitioner, id_number, phone, address, subject, content, "
		"department, deputy, transferred_from, CASE WHEN ?6 IS NULL THEN status "
		"ELSE coalesce((SELECT e.status FROM petition_event e WHERE "
		"e.case_no = p.case_no AND e.day <= ?6 ORDER BY e.day DESC, e.id DESC "
		"LIMIT 1), status) END AS status, accept_due, reply_due, replied_on, "
		"result, rating, related FROM petition p "
		"WHERE (?1 IS NULL OR kind = ?1) AND (?3 IS NULL OR department = ?3) "
		"AND (?4 IS NULL OR received_on >= ?4) AND (?5 IS NULL OR received_on <= ?5) "
		"AND (?6 IS NULL OR received_on <= ?6) "
		"AND (?7 IS NULL OR case_no IN (SELECT value FROM json_each(?7)))) "
		"WHERE ?2 IS NULL OR status = ?2 ORDER BY case_no");

	if (only) {
		edu_bind_text(st, 7, only);
	} else {
		edu_bind_text(st, 1, opt_enum(kinds, "--kind", opt.kind, kind));
		edu_bind_text(st, 2, opt_enum(statuses, "--status", opt.status, status));
		edu_bind_text(st, 3, opt.dept);
		edu_bind_text(st, 4, opt_date("--since", opt.since, since));
		edu_bind_text(st, 5, opt_date("--until", opt.until, until));
		edu_bind_text(st, 6, opt_date("--as-of", opt.as_of, as_of));
	}
	return edu_print_stmt(st, 0);
}

static int case_list(struct edu_cmd *c)
{
	print_cases(c->db, NULL);
	return 0;
}

static int case_import(struct edu_cmd *c)
{
	return edu_import(c->db, &petition, c->argc, c->argv);
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
	struct edu_writer *w = edu_writer_new(db, &petition);
	int rc = edu_writer_put(w, raw, 0, &col, err);

	edu_writer_free(w);
	if (rc < 0) {
		edu_rollback(db);
		if (col)
			edu_die(EDU_EDATA, "%s: %s", col, err);
		edu_die(EDU_EDATA, "%s", err);
	}
	edu_buf_puts(made, made->len ? "," : "[");
	edu_buf_json(made, new_no);
}

static int case_new(struct edu_cmd *c)
{
	char on[11];
	const char *raw[NCOL] = { 0 };

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
	raw[C_KIND] = opt.kind;
	raw[C_RECEIVED] = opt.received ? opt.received : edu_date_str(edu_opt.on, on);
	raw[C_PETITIONER] = opt.petitioner;
	raw[C_SUBJECT] = opt.subject;
	raw[C_CHANNEL] = opt.channel;
	raw[C_CATEGORY] = opt.category;
	raw[C_ID_NUMBER] = opt.id_number;
	raw[C_PHONE] = opt.phone;
	raw[C_ADDRESS] = opt.address;
	raw[C_CONTENT] = opt.content;
	raw[C_DEPARTMENT] = opt.dept;
	raw[C_DEPUTY] = opt.deputy;
	raw[C_TRANSFERRED] = opt.transferred;
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

/* A case as stored: every column, NULL when empty. */
struct pcase {
	char *v[NCOL];
};

static int case_load(sqlite3 *db, const char *no, struct pcase *p)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT " COLS " FROM petition WHERE case_no = ?1");
	int rc;

	memset(p, 0, sizeof *p);
	sqlite3_bind_text(st, 1, no, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		for (int i = 0; i < NCOL; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			p->v[i] = v ? edu_strdup(v) : NULL;
		}
	} else if (rc != SQLITE_DONE) {
		edu_die_db(db, "cannot read");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static void case_free(struct pcase *p)
{
	for (int i = 0; i < NCOL; i++)
		free(p->v[i]);
}

static void set(struct pcase *p, int col, const char *s)
{
	free(p->v[col]);
	p->v[col] = s ? edu_strdup(s) : NULL;
}

static void set_day(struct pcase *p, int col, int day)
{
	char b[11];

	set(p, col, day_str(day, b));
}

/* The day of a case's first (or last) event of a name, or -1. */
static int event_day(sqlite3 *db, const char *no, const char *event, int first)
{
	const char *p[] = { no, event };
	char *d = edu_query1(db, first ?
		"SELECT min(day) FROM petition_event WHERE case_no = ? AND event = ?" :
		"SELECT max(day) FROM petition_event WHERE case_no = ? AND event = ?", 2, p);
	int day = day_of(d);

	free(d);
	return day;
}

/* The day of a case's last event: a change may not be dated before it,
 * so that the history reads in order. */
static int last_change(sqlite3 *db, const char *no)
{
	const char *p[] = { no };
	char *d = edu_query1(db, "SELECT max(day) FROM petition_event WHERE case_no = ?", 1, p);
	int day = day_of(d);

	free(d);
	return day;
}

/* The case a review case reviews, or NULL. */
static char *reviewed(sqlite3 *db, const char *no)
{
	const char *p[] = { no };

	return edu_query1(db, "SELECT case_no FROM petition_event WHERE event = 'review' "
			  "AND detail = ?", 1, p);
}

/* 0 for a case, 1 for its review (复查), 2 for a re-review (复核). */
static int review_level(sqlite3 *db, const char *no)
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

/* What a rule is handed: the case it changes (in place), and what the
 * event records. */
struct change {
	sqlite3 *db;
	struct edu_writer *w;
	struct pcase *p;
	int on;
	char *detail;		/* malloc'd, or NULL */
	struct edu_buf made;	/* review: the new cases, a JSON array */
};

#define V(col) (ch->p->v[col])

/* The case as the state rules of libedu see it: its columns and what its
 * events say. */
static void rule_case(struct change *ch, struct edu_petition_case *pc)
{
	const char *p[] = { V(C_CASE_NO) };
	char *n = edu_query1(ch->db, "SELECT count(*) FROM petition_event WHERE case_no = ? "
			     "AND event = 'extend'", 1, p);

	*pc = (struct edu_petition_case){
		.kind = V(C_KIND), .status = V(C_STATUS), .department = V(C_DEPARTMENT),
		.result = V(C_RESULT), .rating = V(C_RATING),
		.received = day_of(V(C_RECEIVED)), .reply_due = day_of(V(C_REPLY_DUE)),
		.replied_on = day_of(V(C_REPLIED_ON)),
		.first_assigned = event_day(ch->db, V(C_CASE_NO), "assign", 1),
		.last_accepted = event_day(ch->db, V(C_CASE_NO), "accept", 0),
		.extensions = atoi(n),
		.review_level = review_level(ch->db, V(C_CASE_NO)),
		.review_asked = event_day(ch->db, V(C_CASE_NO), "review", 0) >= 0,
	};
	free(n);
}

/* A column the rules changed, copied back into the stored case. */
static void put_text(struct change *ch, int col, const char *was, const char *now)
{
	if (was != now && (!was || !now || strcmp(was, now)))
		set(ch->p, col, now);
}

static void put_day(struct change *ch, int col, int was, int now)
{
	if (was != now)
		set_day(ch->p, col, now);
}

/* 复查, then 复核: a new letters-and-visits case, linked, whose period
 * runs from the request. */
static int open_review(struct change *ch, int level, char *err)
{
	char due[11], on[11];
	const char *col;
	char *subject = edu_asprintf("%s: %s", level ? "复核" : "复查", V(C_SUBJECT));
	const char *raw[NCOL] = { 0 };

	raw[C_KIND] = "XF";
	raw[C_CHANNEL] = V(C_CHANNEL);
	raw[C_CATEGORY] = V(C_CATEGORY);
	raw[C_RECEIVED] = edu_date_str(ch->on, on);
	raw[C_PETITIONER] = V(C_PETITIONER);
	raw[C_ID_NUMBER] = V(C_ID_NUMBER);
	raw[C_PHONE] = V(C_PHONE);
	raw[C_ADDRESS] = V(C_ADDRESS);
	raw[C_SUBJECT] = subject;
	raw[C_DEPARTMENT] = V(C_DEPARTMENT);
	raw[C_STATUS] = "accepted";
	raw[C_REPLY_DUE] = edu_date_str(edu_petition_review_due(ch->db, ch->on), due);
	raw[C_RELATED] = V(C_CASE_NO);
	int rc = edu_writer_put(ch->w, raw, 0, &col, err);
	free(subject);
	if (rc < 0)
		return -1;
	edu_buf_puts(&ch->made, ch->made.len ? "," : "[");
	edu_buf_json(&ch->made, new_no);
	ch->detail = edu_strdup(new_no);
	return 0;
}

/* The rule of the verb (libedu/petition.c) applied to the case in place. */
static int state_rule(struct change *ch, char *err)
{
	struct edu_petition_case was, now;
	char rating[EDU_VAL_MAX];
	const struct edu_petition_act act = {
		.verb = edu_verb_name, .on = ch->on, .dept = opt.dept, .hard = opt.hard,
		.days = opt.days, .reason = opt.reason, .text = opt.text, .result = opt.result,
		.rating = opt_enum(ratings, "--rating", opt.rating, rating),
	};

	rule_case(ch, &was);
	now = was;
	if (edu_petition_change(ch->db, &now, &act, &ch->detail, err) < 0)
		return -1;
	put_text(ch, C_STATUS, was.status, now.status);
	put_text(ch, C_DEPARTMENT, was.department, now.department);
	put_text(ch, C_RESULT, was.result, now.result);
	put_text(ch, C_RATING, was.rating, now.rating);
	put_day(ch, C_REPLY_DUE, was.reply_due, now.reply_due);
	put_day(ch, C_REPLIED_ON, was.replied_on, now.replied_on);
	if (!strcmp(act.verb, "review"))
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

	r->ch.w = edu_writer_new(c->db, &petition);
	r->ev = edu_prepare(c->db,
		"INSERT INTO petition_event(case_no, day, event, status, detail) "
		"VALUES (?1, ?2, ?3, ?4, ?5)");
}

static void cases_end(struct edu_cmd *c, void *ctx)
{
	struct case_run *r = ctx;

	(void)c;
	sqlite3_finalize(r->ev);
	edu_writer_free(r->ch.w);
}

/* The rule, then the case written back through the writer (which checks
 * it as an import would), then the event. */
static int case_apply(struct edu_cmd *c, struct case_run *r, struct pcase *p,
		      struct edu_key *k)
{
	char day[11];
	const char *col;
	int rc;

	if (r->ch.on < day_of(p->v[C_RECEIVED]))
		return edu_key_refuse(k, "--on %s is before the case was received, on %s",
				      k->on, p->v[C_RECEIVED]);
	if (edu_key_in_order(k, edu_date_str(last_change(c->db, p->v[C_CASE_NO]), day)) < 0)
		return EDU_KEY_REFUSED;
	if (r->rule(&r->ch, k->why) < 0)
		return EDU_KEY_REFUSED;
	/* Every column given: "" clears, where NULL would keep. */
	const char *raw[NCOL];
	char e2[EDU_ERR_MAX];
	for (int j = 0; j < NCOL; j++)
		raw[j] = p->v[j] ? p->v[j] : "";
	rc = edu_writer_put(r->ch.w, raw, 1, &col, e2);
	if (rc < 0)
		return edu_key_refuse(k, "%s: %s", col ? col : "case", e2);
	if (rc == EDU_PUT_UNCHANGED) {
		/* The event is the whole change (a review asked for, a case
		 * passed to the same department): audit it. */
		const char *names[] = { "event", "detail" };
		const char *vals[] = { edu_verb_name, r->ch.detail };
		edu_audit_change(c->db, "petition_event", p->v[C_CASE_NO], 2, names,
				 NULL, vals);
	}
	sqlite3_reset(r->ev);
	sqlite3_bind_text(r->ev, 1, p->v[C_CASE_NO], -1, SQLITE_STATIC);
	sqlite3_bind_text(r->ev, 2, k->on, -1, SQLITE_STATIC);
	sqlite3_bind_text(r->ev, 3, edu_verb_name, -1, SQLITE_STATIC);
	sqlite3_bind_text(r->ev, 4, p->v[C_STATUS], -1, SQLITE_STATIC);
	edu_bind_text(r->ev, 5, r->ch.detail);
	edu_exec_stmt(c->db, r->ev);
	return EDU_KEY_DONE;
}

static int case_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	struct case_run *r = ctx;
	struct pcase p;

	if (case_load(c->db, k->key, &p) < 0)
		return EDU_KEY_MISSING;
	r->ch.p = &p;
	r->ch.detail = NULL;
	int rc = case_apply(c, r, &p, k);
	free(r->ch.detail);
	r->ch.detail = NULL;
	case_free(&p);
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
		.col = "case_no", .aliases = cols[C_CASE_NO].aliases, .noun = "case",
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
	return change_cases(c, state_rule, "accepted");
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
	opt_enum(ratings, "--rating", opt.rating, rating);
	return change_cases(c, state_rule, "rated");
}

static int case_close(struct edu_cmd *c)
{
	return change_cases(c, state_rule, "closed");
}

static int case_review(struct edu_cmd *c)
{
	return change_cases(c, state_rule, "reviewed");
}

/* ---- reading ------------------------------------------------------------- */

/* show: one case as field,value rows, its derived deadlines, then its
 * history. */
static int case_show(struct edu_cmd *c)
{
	static const char *const names[] = { "field", "value" };
	struct pcase p;
	char day[11];

	if (case_load(c->db, c->argv[0], &p) < 0) {
		edu_warn("no case '%s'", c->argv[0]);
		return EDU_NO;
	}
	struct edu_out *o = edu_out_new(stdout, 2, names);
	for (int i = 0; i < NCOL; i++) {
		const char *row[] = { cols[i].name, p.v[i] };
		edu_out_row(o, row);
	}
	if (!strcmp(p.v[C_KIND], "XF")) {
		int level = review_level(c->db, p.v[C_CASE_NO]);
		if (level) {
			const char *row[] = { "stage", level == 1 ? "review (复查)" : "re-review (复核)" };
			edu_out_row(o, row);
		}
		if (p.v[C_TRANSFERRED]) {
			const char *row[] = { "objection_due", edu_date_str(
				edu_petition_objection_due(c->db, day_of(p.v[C_RECEIVED])), day) };
			edu_out_row(o, row);
		}
		if (p.v[C_REPLIED_ON] && level < 2) {
			const char *row[] = { "review_by", edu_date_str(
				edu_petition_review_by(c->db, day_of(p.v[C_REPLIED_ON])), day) };
			edu_out_row(o, row);
		}
	}
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT 'event ' || day || ' ' || event, status || coalesce(': ' || detail, '') "
		"FROM petition_event WHERE case_no = ?1 ORDER BY day, id");
	sqlite3_bind_text(st, 1, p.v[C_CASE_NO], -1, SQLITE_STATIC);
	edu_out_stmt(o, st);
	sqlite3_finalize(st);
	edu_out_end(o);
	case_free(&p);
	return 0;
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

/* The open cases with their next deadline: accepting a letter or visit
 * until it is accepted, else the reply; and, in the due list only, the
 * objection a transferred letter allows (once passed it is no to-do). */
static int due_list(struct edu_cmd *c, int overdue)
{
	char on[11];

	if (sqlite3_create_function(c->db, "objection_due", 1,
				    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    sql_objection_due, NULL, NULL) != SQLITE_OK)
		edu_die_db(c->db, "cannot add a function");
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT case_no, kind, department, petitioner, subject, status, what, due_on, "
		"CAST(julianday(due_on) - julianday(?1) AS INTEGER) AS days_left FROM ("
		"SELECT *, CASE WHEN kind = 'XF' AND status IN ('received', 'assigned') "
		"THEN 'accept' ELSE 'reply' END AS what, "
		"CASE WHEN kind = 'XF' AND status IN ('received', 'assigned') "
		"THEN accept_due ELSE reply_due END AS due_on FROM petition "
		"WHERE status IN ('received', 'assigned', 'accepted') "
		"UNION ALL SELECT *, 'objection', objection_due(received_on) FROM petition "
		"WHERE ?2 IS NOT NULL AND kind = 'XF' AND transferred_from IS NOT NULL "
		"AND status IN ('received', 'assigned')) "
		"WHERE due_on IS NOT NULL AND (?3 IS NULL OR department = ?3) AND "
		"CASE WHEN ?2 IS NULL THEN due_on < ?1 ELSE due_on >= ?1 AND "
		"julianday(due_on) - julianday(?1) <= ?2 END "
		"ORDER BY due_on, case_no");

	sqlite3_bind_text(st, 1, edu_date_str(edu_opt.on, on), -1, SQLITE_STATIC);
	if (!overdue)
		sqlite3_bind_int64(st, 2, opt.within);
	edu_bind_text(st, 3, opt.dept);
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
	static const struct { const char *by, *expr; } groups[] = {
		{ "kind", "kind" },
		{ "dept", "coalesce(department, '')" },
		{ "month", "substr(received_on, 1, 7)" },
		{ "category", "coalesce(category, '')" },
	};
	const char *by = opt.by ? opt.by : "kind", *expr = "kind";
	char year[8];

	edu_need(opt.year >= 0 ? &opt.year : NULL, "--year");
	for (size_t i = 0; i < sizeof groups / sizeof *groups; i++)
		if (!strcmp(groups[i].by, by))
			expr = groups[i].expr;
	/* The grouping comes from the table above, never from data. */
#define N(x) "CAST(total(" x ") AS INTEGER)"
#define RATE(n, d) "CASE WHEN total(" d ") > 0 THEN printf('%%.1f', 100.0 * total(" n ") / total(" d ")) END"
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
	sqlite3_stmt *st = edu_prepare(c->db, sql);
	snprintf(year, sizeof year, "%04ld", opt.year);
	sqlite3_bind_text(st, 1, year, -1, SQLITE_STATIC);
	edu_print_stmt(st, 0);
	free(sql);
	return 0;
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
	  "related; see edu-csv(5)." },
	{ .name = "list", .run = case_list, .roles = R, .opts = list_opts,
	  .summary = "list cases" },
	{ .name = "show", .run = case_show, .args_doc = "CASE", .min_args = 1, .max_args = 1,
	  .roles = R,
	  .summary = "show a case with its deadlines and history" },
	{ .name = "assign", .run = case_assign, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W, .opts = assign_opts,
	  .summary = "assign cases to a department (交办)" },
	{ .name = "accept", .run = case_accept, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W,
	  .summary = "accept letters and visits (受理)" },
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
	{ .name = "close", .run = case_close, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W,
	  .summary = "close replied cases (办结)" },
	{ .name = "review", .run = case_review, .args_doc = "[CASE...]", .max_args = EDU_ANY,
	  .roles = "petitions", .flags = W,
	  .summary = "register a review (复查) or re-review (复核) asked for on --on" },
	{ .name = "due", .run = case_due, .roles = R, .opts = due_opts,
	  .summary = "open cases due within --within days; exit 1 when none" },
	{ .name = "overdue", .run = case_overdue, .roles = R, .opts = overdue_opts,
	  .summary = "open cases past their deadline; exit 1 when none" },
	{ .name = "stats", .run = case_stats, .roles = R, .opts = stats_opts,
	  .summary = "received, closed, on time and satisfied, for a year" },
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
