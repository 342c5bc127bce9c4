/* doc.c - the numbers of official documents: GB/T 9704 document numbers,
 * secrecy periods, archive codes and retention (DESIGN 8). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "edu.h"

/* The words of the register, each with its Chinese names. */
const struct edu_enum edu_doc_directions[] = {
	{ "in", "收文|来文" },
	{ "out", "发文" },
	{ NULL, NULL }
};

const struct edu_enum edu_doc_secrecies[] = {
	{ "none", "无|非密|公开" },
	{ "秘密", "秘密★" },
	{ "机密", "机密★" },
	{ "绝密", "绝密★" },
	{ NULL, NULL }
};

const struct edu_enum edu_doc_urgencies[] = {
	{ "none", "无|平件|普通" },
	{ "加急", "急件" },
	{ "特急", "特提" },
	{ NULL, NULL }
};

const struct edu_enum edu_doc_statuses[] = {
	{ "registered", "已登记|登记" },
	{ "routed", "已分办|分办|办理中" },
	{ "handled", "已办结|办结" },
	{ "archived", "已归档|归档" },
	{ NULL, NULL }
};

const struct edu_enum edu_doc_retentions[] = {
	{ "permanent", "永久" },
	{ "30y", "30年|定期30年" },
	{ "10y", "10年|定期10年" },
	{ NULL, NULL }
};

const struct edu_enum edu_meeting_kinds[] = {
	{ "executive", "局长办公会|办公会" },
	{ "office", "局务会|局务会议" },
	{ "bureau", "党组会|党组会议" },
	{ NULL, NULL }
};

char *edu_doc_number(const char *prefix, int year, long serial)
{
	/* GB/T 9704-2012, 发文字号 (7.2.5): the year in full in 六角括号
	 * 〔〕, the serial without 第 and without leading zeros (1, not 01),
	 * then 号; 党政机关公文处理工作条例 (2012) art. 9(4): issuer
	 * abbreviation, year, serial. */
	return edu_asprintf("%s〔%d〕%ld号", prefix, year, serial);
}

/* The brackets people type around the year instead of 六角括号. */
static const char *const year_open[] = { "〔", "[", "［", "（", "(", "【", "〖", "{", "｛", NULL };
static const char *const year_close[] = { "〕", "]", "］", "）", ")", "】", "〗", "}", "｝", NULL };

/* The bracket of list at s: its length, or 0. */
static size_t bracket_at(const char *s, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (!strncmp(s, list[i], strlen(list[i])))
			return strlen(list[i]);
	return 0;
}

int edu_doc_no_parse(const char *in, struct edu_doc_no *n, char *err)
{
	const char *s = in + strspn(in, " \t");
	size_t len = strlen(s), open = 0, i;

	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	for (i = 0; i < len && !(open = bracket_at(s + i, year_open)); i++)
		;
	size_t plen = i;
	while (plen && s[plen - 1] == ' ')
		plen--;
	if (!open) {
		snprintf(err, EDU_ERR_MAX, "'%.*s' is not a document number PREFIX〔YEAR〕N号", (int)len, s);
		return -1;
	}
	if (!plen) {
		snprintf(err, EDU_ERR_MAX, "'%.*s' has no issuer abbreviation before the year "
			 "(GB/T 9704: e.g. 西教发〔2026〕12号)", (int)len, s);
		return -1;
	}
	if (plen >= sizeof n->prefix) {
		snprintf(err, EDU_ERR_MAX, "'%.*s': the issuer abbreviation is too long", (int)len, s);
		return -1;
	}
	const char *p = s + i + open, *end = s + len;
	int year = 0;
	for (int k = 0; k < 4; k++, p++) {
		if (p >= end || *p < '0' || *p > '9') {
			snprintf(err, EDU_ERR_MAX, "'%.*s': the year is four digits in 〔〕", (int)len, s);
			return -1;
		}
		year = 10 * year + (*p - '0');
	}
	size_t close = p < end ? bracket_at(p, year_close) : 0;
	if (!close) {
		snprintf(err, EDU_ERR_MAX, "'%.*s': the year is four digits in 〔〕", (int)len, s);
		return -1;
	}
	p += close;
	if (end - p >= 3 && !strncmp(p, "第", 3))
		p += 3;
	long serial = 0;
	const char *digits = p;
	while (p < end && *p >= '0' && *p <= '9' && serial < 100000000)
		serial = 10 * serial + (*p++ - '0');
	if (p == digits || serial < 1 || end - p != 3 || strncmp(p, "号", 3)) {
		snprintf(err, EDU_ERR_MAX, "'%.*s': the serial is a number from 1, then 号", (int)len, s);
		return -1;
	}
	memcpy(n->prefix, s, plen);
	n->prefix[plen] = '\0';
	n->year = year;
	n->serial = serial;
	return 0;
}

char *edu_doc_seq_scope(const char *prefix, int year)
{
	/* The prefix is part of the scope, so every issuer abbreviation
	 * counts from 1 each year on its own. */
	return edu_asprintf("doc.%s.%d", prefix, year);
}

int edu_secrecy_years(const char *level)
{
	if (!level)
		return 0;
	if (!strcmp(level, "绝密"))
		return 30;
	if (!strcmp(level, "机密"))
		return 20;
	if (!strcmp(level, "秘密"))
		return 10;
	return 0;
}

int edu_secrecy_ends(int from, int years)
{
	return years > 0 ? edu_add_months(from, 12 * years) : -1;
}

int edu_retention_years(const char *retention)
{
	if (!retention)
		return -1;
	if (!strcmp(retention, "30y"))
		return 30;
	if (!strcmp(retention, "10y"))
		return 10;
	return 0;	/* permanent, or unknown: never disposed of */
}

int edu_retention_ends(int year, const char *retention)
{
	int n = edu_retention_years(retention);

	/* A retention period counts from 1 January after the year the
	 * document was made, so it ends on 1 January n years later. */
	return n > 0 ? edu_days(year + 1 + n, 1, 1) : -1;
}

const char *edu_retention_code(const char *retention)
{
	/* DA/T 22-2015: Y for permanent, D30 and D10 for fixed terms. */
	if (!retention)
		return NULL;
	if (!strcmp(retention, "permanent"))
		return "Y";
	if (!strcmp(retention, "30y"))
		return "D30";
	if (!strcmp(retention, "10y"))
		return "D10";
	return NULL;
}

char *edu_archive_code(const char *fonds, const char *category, int year,
		       const char *retention, long item)
{
	const char *code = edu_retention_code(retention);

	if (!code || item < 1)
		return NULL;
	/* DA/T 22-2015, 档号: 全宗号-门类代码·年度-保管期限-件号, the
	 * levels joined by '-', the parts of one level by '·'; the item
	 * number of four digits (the optional 机构（问题）代码 is not
	 * used). */
	return edu_asprintf("%s-%s·%d-%s-%04ld", fonds, category, year, code, item);
}

/* ---- the rules of one document --------------------------------------- */

static int refuse(const char **col, const char *name, char *err, const char *why)
{
	*col = name;
	snprintf(err, EDU_ERR_MAX, "%s", why);
	return -1;
}

int edu_doc_rule(const struct edu_doc_fields *d, const char **col, char *err)
{
	if (!strcmp(d->direction, "in") && !d->received_on)
		return refuse(col, "received_on", err, "an incoming document needs the day it was received");
	if (!strcmp(d->direction, "out") && !d->doc_date)
		return refuse(col, "doc_date", err, "an outgoing document needs its date");
	if (!strcmp(d->secrecy, "none") && d->secrecy_years)
		return refuse(col, "secrecy_years", err, "a document that is not secret has no secrecy period");
	if (!strcmp(d->status, "archived") && (!d->archive_code || !d->retention))
		return refuse(col, d->archive_code ? "retention" : "archive_code", err,
			      "an archived document needs its archive code and retention");
	if (d->due && d->received_on && strcmp(d->due, d->received_on) < 0)
		return refuse(col, "due", err, "may not be before the day it was received");
	return 0;
}

int edu_doc_prefix_ok(const char *prefix)
{
	/* The year and its brackets are the number's, not the prefix's. */
	return !strstr(prefix, "〔") && !strstr(prefix, "〕") && !strchr(prefix, '[');
}

static int year_of(int day)
{
	int y, m, d;

	edu_ymd(day, &y, &m, &d);
	return y;
}

/* ---- numbers ----------------------------------------------------------- */

/* The next number of a prefix's sequence that no document has yet: an
 * imported register may hold numbers the sequence has not handed out. */
static char *next_free(sqlite3 *db, const char *scope, const char *prefix, int year)
{
	for (;;) {
		char *v = edu_doc_number(prefix, year, (long)edu_seq_next(db, scope));
		const char *p[] = { v };
		char *hit = edu_query1(db, "SELECT 1 FROM document WHERE doc_no = ?", 1, p);

		if (!hit)
			return v;
		free(hit);
		free(v);
	}
}

char *edu_doc_next_no(sqlite3 *db, const char *prefix, int year)
{
	char *scope = edu_doc_seq_scope(prefix, year);
	char *no = next_free(db, scope, prefix, year);

	free(scope);
	return no;
}

char *edu_doc_in_no(sqlite3 *db, int received)
{
	return edu_doc_next_no(db, "收", year_of(received));
}

char *edu_doc_archive_no(sqlite3 *db, const char *fonds, int year,
			 const char *retention)
{
	/* DA/T 22-2015: items are numbered within a fonds, a year and a
	 * retention period (each period from 0001), of one category. */
	const char *ret = edu_retention_code(retention);
	char *scope = edu_asprintf("archive.%s.%s.%d.%s", fonds, EDU_DOC_CATEGORY, year,
				   ret ? ret : "?");

	for (;;) {
		long n = (long)edu_seq_next(db, scope);
		char *code = edu_archive_code(fonds, EDU_DOC_CATEGORY, year, retention, n);
		/* The same item as releases before schema 11 wrote it,
		 * without the category: FONDS-YEAR-RET-NNNN. */
		char *bare = edu_asprintf("%s-%d-%s-%04ld", fonds, year, ret, n);
		const char *p[] = { code, bare };
		char *hit = edu_query1(db, "SELECT 1 FROM document WHERE archive_code IN (?, ?)",
				       2, p);

		free(bare);
		if (!hit) {
			free(scope);
			return code;
		}
		free(hit);
		free(code);
	}
}

/* ---- numbers given by an import --------------------------------------- */

/* A number the register holds in substance (the same prefix, year and
 * serial, written otherwise, as an older import may have stored it),
 * other than `same`: malloc'd, or NULL. */
static char *held_in_substance(sqlite3 *db, const struct edu_doc_no *n, const char *same)
{
	/* One range of the key per bracket: the numbers of the prefix and
	 * year, read through the primary key. */
	sqlite3_stmt *st = edu_prepare(db, "SELECT doc_no FROM document "
		"WHERE doc_no >= ?1 AND doc_no < ?1 || char(1114111)");
	char *hit = NULL;

	for (int i = 0; year_open[i] && !hit; i++) {
		char *from = edu_asprintf("%s%s%d", n->prefix, year_open[i], n->year);
		sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
		while (!hit && sqlite3_step(st) == SQLITE_ROW) {
			const char *no = (const char *)sqlite3_column_text(st, 0);
			struct edu_doc_no o;
			char e[EDU_ERR_MAX];

			if (strcmp(no, same) && edu_doc_no_parse(no, &o, e) == 0 &&
			    !strcmp(o.prefix, n->prefix) && o.year == n->year &&
			    o.serial == n->serial)
				hit = edu_strdup(no);
		}
		sqlite3_reset(st);
		free(from);
	}
	sqlite3_finalize(st);
	return hit;
}

int edu_doc_no_given(sqlite3 *db, const char *in, const char *direction,
		     const char *doc_date, const char *received_on,
		     char out[EDU_VAL_MAX], char *err)
{
	char key[EDU_VAL_MAX], v[EDU_VAL_MAX], e[EDU_ERR_MAX];
	struct edu_doc_no n;

	if (edu_trimmed(in ? in : "", key) < 0) {
		snprintf(err, EDU_ERR_MAX, "is too long for a document number");
		return -1;
	}
	const char *q[] = { key };
	char *stored = *key ? edu_query1(db, "SELECT 1 FROM document WHERE doc_no = ?", 1, q) : NULL;
	/* An empty key is new_key's to make; a stored one is that record's,
	 * however it was written. */
	if (!*key || stored) {
		free(stored);
		snprintf(out, EDU_VAL_MAX, "%s", key);
		return 0;
	}
	if (edu_doc_no_parse(key, &n, err) < 0)
		return -1;
	char *norm = edu_doc_number(n.prefix, n.year, n.serial);
	if (strlen(norm) >= EDU_VAL_MAX) {
		free(norm);
		snprintf(err, EDU_ERR_MAX, "'%s' is too long for a document number", key);
		return -1;
	}
	snprintf(out, EDU_VAL_MAX, "%s", norm);
	free(norm);
	/* The year is the document's: an outgoing one's date, an incoming
	 * one's day of receipt (its 收 number is of the year received).  A
	 * bad or missing date is left to the column checks. */
	const char *day = NULL;
	if (direction && edu_valid_enum(edu_doc_directions, direction, v, e) == 0)
		day = !strcmp(v, "in") ? received_on : doc_date;
	int d;
	if (day && edu_valid_date(day, v, e) == 0 && edu_parse_date(v, &d) == 0 &&
	    year_of(d) != n.year) {
		snprintf(err, EDU_ERR_MAX, "'%s' is a number of %d, but the document is of %d "
			 "(%s)", key, n.year, year_of(d), v);
		return -1;
	}
	char *hit = held_in_substance(db, &n, out);
	if (hit) {
		snprintf(err, EDU_ERR_MAX, "'%s' is %s, which the register holds as '%s'",
			 key, out, hit);
		free(hit);
		return -1;
	}
	return 0;
}

/* ---- status changes ---------------------------------------------------- */

const char *const edu_doc_state_cols[EDU_DOC_NSTATE + 1] = {
	"status", "department", "handler", "archive_code", "retention", NULL
};

int edu_doc_load(sqlite3 *db, const char *no, int today, struct edu_doc_state *d)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT status, department, handler, archive_code, retention, direction, "
		"coalesce(doc_date, received_on) FROM document WHERE doc_no = ?1");
	int found;

	memset(d, 0, sizeof *d);
	sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		for (int i = 0; i < EDU_DOC_NSTATE; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			d->vals[i] = v ? edu_strdup(v) : NULL;
		}
		d->direction = edu_strdup((const char *)sqlite3_column_text(st, 5));
		const char *day = (const char *)sqlite3_column_text(st, 6);
		if (!day || edu_parse_date(day, &d->day) < 0)
			d->day = today;
	}
	sqlite3_finalize(st);
	return found;
}

void edu_doc_state_free(struct edu_doc_state *d)
{
	for (int i = 0; i < EDU_DOC_NSTATE; i++)
		free(d->vals[i]);
	free(d->direction);
}

static void set(char **slot, const char *v)
{
	free(*slot);
	*slot = v ? edu_strdup(v) : NULL;
}

int edu_doc_route(const struct edu_doc_state *old, struct edu_doc_state *new,
		  const char *to, const char *handler, char *err)
{
	const char *s = old->vals[EDU_DOC_STATUS];

	if (strcmp(s, "registered") && strcmp(s, "routed")) {
		snprintf(err, EDU_ERR_MAX, "is %s: only a registered or routed document can be routed", s);
		return -1;
	}
	set(&new->vals[EDU_DOC_STATUS], "routed");
	set(&new->vals[EDU_DOC_DEPARTMENT], to);
	if (handler)
		set(&new->vals[EDU_DOC_HANDLER], handler);
	return 0;
}

int edu_doc_handle(const struct edu_doc_state *old, struct edu_doc_state *new,
		   char *err)
{
	const char *s = old->vals[EDU_DOC_STATUS];

	if (strcmp(s, "registered") && strcmp(s, "routed")) {
		snprintf(err, EDU_ERR_MAX, "is %s already", s);
		return -1;
	}
	set(&new->vals[EDU_DOC_STATUS], "handled");
	return 0;
}

int edu_doc_may_archive(const struct edu_doc_state *old, char *err)
{
	const char *s = old->vals[EDU_DOC_STATUS];

	if (!strcmp(s, "archived")) {
		snprintf(err, EDU_ERR_MAX, "is archived already as %s", old->vals[EDU_DOC_ARCHIVE_CODE]);
		return -1;
	}
	/* An incoming document is archived once it is handled; an outgoing
	 * one once it is issued. */
	if (!strcmp(old->direction, "in") && strcmp(s, "handled")) {
		snprintf(err, EDU_ERR_MAX, "is %s: an incoming document is archived once it is handled", s);
		return -1;
	}
	return 0;
}

int edu_doc_archive(sqlite3 *db, const struct edu_doc_state *old,
		    struct edu_doc_state *new, const char *retention, char *err)
{
	if (edu_doc_may_archive(old, err) < 0)
		return -1;
	char *fonds = edu_setting(db, "archive.fonds", NULL);
	if (!fonds || !*fonds) {
		free(fonds);
		snprintf(err, EDU_ERR_MAX, "the setting archive.fonds is not set (edu-db config set archive.fonds J001)");
		return -1;
	}
	/* Items are numbered per fonds and year of the document. */
	char *code = edu_doc_archive_no(db, fonds, year_of(old->day), retention);

	edu_run_number(code);
	set(&new->vals[EDU_DOC_STATUS], "archived");
	set(&new->vals[EDU_DOC_ARCHIVE_CODE], code);
	set(&new->vals[EDU_DOC_RETENTION], retention);
	free(code);
	free(fonds);
	return 0;
}

void edu_doc_write(sqlite3 *db, const char *no, const struct edu_doc_state *old,
		   const struct edu_doc_state *new, const char *day, const char *note)
{
	const char *const *v = (const char *const *)new->vals;
	const char *upd[] = { v[0], v[1], v[2], v[3], v[4], no };
	struct edu_buf was = { 0 }, now = { 0 };

	edu_event_diff(EDU_DOC_NSTATE, edu_doc_state_cols, (const char *const *)old->vals, v,
		       NULL, &was, &now);
	const char *ev[] = { no, day, v[EDU_DOC_STATUS], v[EDU_DOC_DEPARTMENT], note,
			     was.s, now.s };
	edu_exec(db, "UPDATE document SET status = ?1, department = ?2, handler = ?3, "
		 "archive_code = ?4, retention = ?5 WHERE doc_no = ?6", 6, upd);
	edu_exec(db, "INSERT INTO document_event (doc_no, day, status, department, note, "
		 "old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", 7, ev);
	edu_buf_free(&was);
	edu_buf_free(&now);
}

/* ---- due lists --------------------------------------------------------- */

/* Each document with its last event on or before day ?1 (none: not
 * registered by then), as e. */
#define AS_OF_1 "FROM document d JOIN document_event e ON e.id = " \
	"(SELECT id FROM document_event WHERE doc_no = d.doc_no AND day <= ?1 " \
	"AND void_on IS NULL " \
	"ORDER BY day DESC, id DESC LIMIT 1) "

sqlite3_stmt *edu_doc_as_of(sqlite3 *db, int day, const char *direction,
			    const char *status, const char *secrecy,
			    const char *department)
{
	char d[11];
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT d.doc_no, d.direction, d.issuer, d.their_no, d.title, d.doc_date, "
		"d.received_on, d.secrecy, d.secrecy_years, d.urgency, e.department AS department, "
		"d.handler, d.due, e.status AS status, d.archive_code, d.retention "
		AS_OF_1
		"WHERE (?2 IS NULL OR d.direction = ?2) AND (?3 IS NULL OR e.status = ?3) "
		"AND (?4 IS NULL OR d.secrecy = ?4) AND (?5 IS NULL OR e.department = ?5) "
		"ORDER BY d.doc_no");

	sqlite3_bind_text(st, 1, edu_date_str(day, d), -1, SQLITE_TRANSIENT);
	edu_bind_text(st, 2, direction);
	edu_bind_text(st, 3, status);
	edu_bind_text(st, 4, secrecy);
	edu_bind_text(st, 5, department);
	return st;
}

sqlite3_stmt *edu_doc_due_stmt(sqlite3 *db, int on, long within)
{
	char d[11];
	/* An as-of question (issue 16, point 6): only the documents
	 * registered by `on` (an event on or before it), with the status and
	 * department of their last event by then, so that a document received
	 * or handled after `on` does not change the answer about `on`. */
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT d.doc_no, d.title, d.urgency, e.status AS status, "
		"e.department AS department, d.handler, d.due, "
		"CAST(julianday(d.due) - julianday(?1) AS INTEGER) AS days_left "
		AS_OF_1
		"WHERE e.status IN ('registered', 'routed') AND d.due IS NOT NULL "
		"AND coalesce(d.received_on, d.doc_date) <= ?1 "
		"AND julianday(d.due) - julianday(?1) <= ?2 ORDER BY d.due, d.doc_no");

	sqlite3_bind_text(st, 1, edu_date_str(on, d), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, within);
	return st;
}

int edu_doc_secrecy_end(const char *level, int years, const char *since)
{
	int from;

	if (!since || edu_parse_date(since, &from) < 0)
		return -1;
	return edu_secrecy_ends(from, years > 0 ? years : edu_secrecy_years(level));
}

int edu_doc_disposal_day(const char *retention, const char *made)
{
	int day;

	if (!made || edu_parse_date(made, &day) < 0)
		return -1;
	return edu_retention_ends(year_of(day), retention);
}

static int by_end(const void *a, const void *b)
{
	const struct edu_doc_lapsed *x = a, *y = b;

	if (x->ends != y->ends)
		return x->ends < y->ends ? -1 : 1;
	return strcmp(x->doc_no, y->doc_no);
}

struct edu_doc_lapsed *edu_doc_lapsed(sqlite3 *db, int as_of, size_t *n)
{
	struct edu_doc_lapsed *v = NULL;
	size_t cap = 0;
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT doc_no, title, secrecy, secrecy_years, "
		"coalesce(doc_date, received_on) FROM document WHERE secrecy <> 'none'");

	*n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *level = (const char *)sqlite3_column_text(st, 2);
		int years = sqlite3_column_type(st, 3) == SQLITE_NULL
			? edu_secrecy_years(level) : sqlite3_column_int(st, 3);
		const char *since = (const char *)sqlite3_column_text(st, 4);
		int ends = edu_doc_secrecy_end(level, years, since);

		if (ends < 0 || ends > as_of)
			continue;
		if (*n == cap)
			v = edu_realloc(v, (cap = cap ? 2 * cap : 16) * sizeof *v);
		v[(*n)++] = (struct edu_doc_lapsed){ ends, years,
			edu_strdup((const char *)sqlite3_column_text(st, 0)),
			edu_strdup((const char *)sqlite3_column_text(st, 1)),
			edu_strdup(level), edu_strdup(since) };
	}
	sqlite3_finalize(st);
	if (*n)
		qsort(v, *n, sizeof *v, by_end);
	return v;
}

void edu_doc_lapsed_free(struct edu_doc_lapsed *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].doc_no);
		free(v[i].title);
		free(v[i].level);
		free(v[i].since);
	}
	free(v);
}

/* ---- meetings and decisions -------------------------------------------- */

int edu_decision_may_add(sqlite3 *db, const char *meeting, const char *due,
			 char *err)
{
	const char *q[] = { meeting };
	char *held = edu_query1(db, "SELECT day FROM meeting WHERE meeting_id = ?", 1, q);
	int rc = -1;

	if (!held)
		snprintf(err, EDU_ERR_MAX, "no meeting %s", meeting);
	else if (strcmp(due, held) < 0)
		snprintf(err, EDU_ERR_MAX, "--due: %s is before the meeting of %s", due, held);
	else
		rc = 0;
	free(held);
	return rc;
}

int edu_decision_may_close(sqlite3 *db, const char *id, const char *on, char *err)
{
	const char *q[] = { id };
	char *done = edu_query1(db, "SELECT coalesce(done_on, '') FROM decision WHERE decision_id = ?", 1, q);
	char *held = edu_query1(db, "SELECT m.day FROM decision d JOIN meeting m "
				"USING (meeting_id) WHERE d.decision_id = ?", 1, q);
	int rc = -1;

	if (!done)
		snprintf(err, EDU_ERR_MAX, "no decision %s", id);
	else if (*done)
		snprintf(err, EDU_ERR_MAX, "decision %s was done already on %s", id, done);
	else if (held && strcmp(on, held) < 0)
		snprintf(err, EDU_ERR_MAX, "decision %s: --on %s is before its meeting on %s", id, on, held);
	else
		rc = 0;
	free(done);
	free(held);
	return rc;
}

/* ---- corrections (issue 17) ---------------------------------------------- */

/* A document's events change its state (edu_doc_state_cols); the two
 * whose change by an upsert is a correction of the history are the
 * status and the department, what --as-of reads from the events. */
static const char *const doc_tracked[] = { "status", "department", NULL };

const struct edu_event_table edu_doc_events = {
	.table = "document_event", .subject = "document", .key = "doc_no", .kind = "kind",
	.label = "CASE kind WHEN 'status' THEN status ELSE kind END",
	.noun = "document", .first_made = 1, .restore = edu_doc_state_cols,
	.tracked = doc_tracked, .copy = "status, department",
	.list = "doc_no, day, kind, status, department, note, old, new",
};
