/* audit.c - the audit log: append-only (by trigger), each row's hash
 * chained to the one before, so that `edu-db check` sees any tampering. */
#define _GNU_SOURCE
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edu.h"

void edu_sha256_hex(const void *data, size_t n, char hex[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned len = 0;

	if (!EVP_Digest(data, n, md, &len, EVP_sha256(), NULL) || len != 32)
		edu_die(EDU_ESOFTWARE, "SHA-256 failed");
	for (unsigned i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
}

/* The hashed text: each field with its length, so no two rows can give the
 * same text by moving a separator. */
static void row_hash(const char *prev, const char *const f[7], char hex[65])
{
	struct edu_buf b = { 0 };

	edu_buf_printf(&b, "%zu:%s", strlen(prev), prev);
	for (int i = 0; i < 7; i++)
		edu_buf_printf(&b, "\n%zu:%s", strlen(f[i] ? f[i] : ""), f[i] ? f[i] : "");
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

void edu_audit(sqlite3 *db, const char *entity, const char *key,
	       const char *change)
{
	char at[48], hex[65];
	char *prev;

	now_utc(at);
	prev = edu_query1(db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", 0, NULL);
	const char *f[7] = { at, edu_login(), edu_prog, edu_verb_name, entity,
			     key, change };
	row_hash(prev ? prev : "", f, hex);

	sqlite3_stmt *st = edu_prepare(db,
		"INSERT INTO audit(at, user, tool, verb, entity, key, change, prev, hash) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	for (int i = 0; i < 7; i++)
		sqlite3_bind_text(st, i + 1, f[i] ? f[i] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, prev ? prev : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, hex, -1, SQLITE_STATIC);
	edu_exec_stmt(db, st);
	sqlite3_finalize(st);
	free(prev);
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
	free(last);
	return bad;
}
