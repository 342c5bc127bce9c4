/* audit.c - the audit log: append-only (by trigger), each row's hash
 * chained to the one before, so that `edu-db check` sees any tampering. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edu.h"

void edu_sha256_hex(const void *data, size_t n, char hex[65])
{
	unsigned char md[32];
	struct edu_sha256 s;

	edu_sha256_init(&s);
	edu_sha256_add(&s, data, n);
	edu_sha256_end(&s, md);
	/* Not snprintf per byte: every audited row comes through here, and
	 * 32 calls were a fifth of a batch's time (issue 23). */
	static const char digit[] = "0123456789abcdef";
	for (unsigned i = 0; i < 32; i++) {
		hex[2 * i] = digit[md[i] >> 4];
		hex[2 * i + 1] = digit[md[i] & 15];
	}
	hex[64] = '\0';
}

/* "12:" for a field of 12 bytes, written without snprintf. */
static void add_field(struct edu_buf *b, const char *sep, const char *s)
{
	char len[24], *p = len + sizeof len;
	size_t n = strlen(s), k = n;

	*--p = ':';
	do
		*--p = (char)('0' + k % 10);
	while ((k /= 10));
	edu_buf_puts(b, sep);
	edu_buf_add(b, p, (size_t)(len + sizeof len - p));
	edu_buf_add(b, s, n);
}

/* The hashed text: each field with its length, so no two rows can give the
 * same text by moving a separator. */
static void row_hash(const char *prev, const char *const f[7], char hex[65])
{
	struct edu_buf b = { 0 };

	add_field(&b, "", prev);
	for (int i = 0; i < 7; i++)
		add_field(&b, "\n", f[i] ? f[i] : "");
	edu_sha256_hex(b.s, b.len, hex);
	edu_buf_free(&b);
}

static void now_utc(char out[48])
{
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	snprintf(out, 48, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
		 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec, (ts.tv_nsec / 1000000) % 1000);
}

/* An import audits every row: its two statements are kept, per handle. */
static sqlite3 *cache_db;
static sqlite3_stmt *last_st, *insert_st;

void edu_audit_forget(void)
{
	sqlite3_finalize(last_st);
	sqlite3_finalize(insert_st);
	last_st = insert_st = NULL;
	cache_db = NULL;
}

void edu_audit(sqlite3 *db, const char *entity, const char *key,
	       const char *change)
{
	char at[48], hex[65], prev[65] = "";

	if (cache_db != db) {
		edu_audit_forget();
		edu_db_cache(edu_audit_forget);
		last_st = edu_prepare(db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
		insert_st = edu_prepare(db,
			"INSERT INTO audit(at, user, tool, verb, entity, key, change, prev, hash) "
			"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
		cache_db = db;
	}
	now_utc(at);
	int rc = sqlite3_step(last_st);
	if (rc == SQLITE_ROW)
		snprintf(prev, sizeof prev, "%s", (const char *)sqlite3_column_text(last_st, 0));
	else if (rc != SQLITE_DONE)
		edu_die_db(db, "cannot read the audit log");
	sqlite3_reset(last_st);

	const struct edu_session *s = edu_session();
	const char *f[7] = { at, s->user, s->tool, s->verb, entity, key, change };
	row_hash(prev, f, hex);
	for (int i = 0; i < 7; i++)
		sqlite3_bind_text(insert_st, i + 1, f[i] ? f[i] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(insert_st, 8, prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(insert_st, 9, hex, -1, SQLITE_STATIC);
	edu_exec_stmt(db, insert_st);
	sqlite3_clear_bindings(insert_st);
}

int edu_audit_verify(sqlite3 *db, FILE *out)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT id, at, user, tool, verb, entity, key, change, prev, hash "
		"FROM audit ORDER BY id");
	char *last = edu_strdup("");
	int bad = 0, rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *f[7];
		char hex[65];
		long id = (long)sqlite3_column_int64(st, 0);
		const char *prev = (const char *)sqlite3_column_text(st, 8);
		const char *hash = (const char *)sqlite3_column_text(st, 9);

		for (int i = 0; i < 7; i++)
			f[i] = (const char *)sqlite3_column_text(st, i + 1);
		prev = prev ? prev : "";
		hash = hash ? hash : "";
		if (strcmp(prev, last)) {
			fprintf(out, "audit row %ld: the chain is broken (a row before it was changed or removed)\n", id);
			bad++;
		}
		row_hash(prev, f, hex);
		if (strcmp(hex, hash)) {
			fprintf(out, "audit row %ld: its hash does not match its contents\n", id);
			bad++;
		}
		free(last);
		last = edu_strdup(hash);
	}
	if (rc != SQLITE_DONE)
		edu_die_db(db, "cannot read the audit log");
	sqlite3_finalize(st);
	/* init writes the first row: an empty log was emptied. */
	if (!*last) {
		fprintf(out, "audit: the log is empty (init writes its first row): rows were removed\n");
		bad++;
	}
	free(last);
	return bad;
}

int edu_audit_head(sqlite3 *db, long *id, char hash[65])
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
	int rc = sqlite3_step(st), found = 0;

	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 1);

		*id = (long)sqlite3_column_int64(st, 0);
		snprintf(hash, 65, "%s", h ? h : "");
		found = 1;
	} else if (rc != SQLITE_DONE) {
		edu_die_db(db, "cannot read the audit log");
	}
	sqlite3_finalize(st);
	return found;
}

int edu_audit_verify_head(sqlite3 *db, long id, const char *hash, FILE *out)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT hash FROM audit WHERE id = ?");
	int rc, bad = 0;

	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 0);

		if (!h || strcmp(h, hash)) {
			fprintf(out, "audit row %ld: its hash is not the kept head's %.16s (the log was cut and written again)\n",
				id, hash);
			bad++;
		}
	} else if (rc == SQLITE_DONE) {
		fprintf(out, "audit row %ld: the kept head is missing (rows were cut off the end)\n", id);
		bad++;
	} else {
		edu_die_db(db, "cannot read the audit log");
	}
	sqlite3_finalize(st);
	return bad;
}

/* Fields are gathered and hashed 64 KiB at a time: a big import hands
 * over twenty short fields a row, a million rows. */
struct edu_digest {
	struct edu_sha256 sha;
	size_t len;
	char buf[65536];
};

struct edu_digest *edu_digest_new(void)
{
	struct edu_digest *d = edu_malloc(sizeof *d);

	d->len = 0;
	edu_sha256_init(&d->sha);
	return d;
}

static void digest_add(struct edu_digest *d, const char *s, size_t n)
{
	if (d->len + n > sizeof d->buf) {
		edu_sha256_add(&d->sha, d->buf, d->len);
		d->len = 0;
	}
	if (n > sizeof d->buf) {
		edu_sha256_add(&d->sha, s, n);
		return;
	}
	memcpy(d->buf + d->len, s, n);
	d->len += n;
}

void edu_digest_field(struct edu_digest *d, const char *s)
{
	/* The length in decimal, by hand. */
	char len[24], *p = len + sizeof len;
	size_t n = s ? strlen(s) : 0, k = n;

	*--p = ':';
	if (!s) {
		*--p = '-';
	} else {
		do
			*--p = (char)('0' + k % 10);
		while (k /= 10);
	}
	digest_add(d, p, (size_t)(len + sizeof len - p));
	if (s)
		digest_add(d, s, n);
}

void edu_digest_end(struct edu_digest *d, char hex[65])
{
	unsigned char md[32];

	edu_sha256_add(&d->sha, d->buf, d->len);
	edu_sha256_end(&d->sha, md);
	for (unsigned i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	free(d);
}

int edu_audit_change(sqlite3 *db, const char *entity, const char *key, int n,
		     const char *const *names, const char *const *old,
		     const char *const *new)
{
	struct edu_buf b = { 0 };
	int changed = 0;

	edu_buf_puts(&b, "{");
	for (int i = 0; i < n; i++) {
		const char *o = old ? old[i] : NULL;

		if (old ? (!o && !new[i]) || (o && new[i] && !strcmp(o, new[i]))
			: !new[i])
			continue;
		edu_buf_puts(&b, changed++ ? "," : "");
		edu_buf_json(&b, names[i]);
		edu_buf_puts(&b, ":");
		if (old) {
			edu_buf_puts(&b, "[");
			if (o)
				edu_buf_json(&b, o);
			else
				edu_buf_puts(&b, "null");
			edu_buf_puts(&b, ",");
		}
		if (new[i])
			edu_buf_json(&b, new[i]);
		else
			edu_buf_puts(&b, "null");
		if (old)
			edu_buf_puts(&b, "]");
	}
	edu_buf_puts(&b, "}");
	if (changed || !old)
		edu_audit(db, entity, key, b.s);
	edu_buf_free(&b);
	return changed || !old;
}
