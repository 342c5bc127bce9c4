/* sql.c - SQLite made safe to call: statements, transactions, errors
 * with the right exit status, the session the layers above describe,
 * and the statement caches dropped at commit and close */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* The run as the layer above describes it (edu_db_session). */
static struct edu_session session = { .tool = "", .verb = "", .user = "" };

void edu_db_session(const struct edu_session *s)
{
	session = *s;
}

const struct edu_session *edu_session(void)
{
	return &session;
}

/* Statement caches of the files above, dropped at each commit and close:
 * registered, so that this file need not know them. */
#define MAX_CACHES 8
static void (*caches[MAX_CACHES])(void);
static int ncaches;

void edu_db_cache(void (*forget)(void))
{
	for (int i = 0; i < ncaches; i++)
		if (caches[i] == forget)
			return;
	if (ncaches == MAX_CACHES)
		edu_die(EDU_ESOFTWARE, "too many statement caches");
	caches[ncaches++] = forget;
}

void edu_forget_caches(void)
{
	for (int i = 0; i < ncaches; i++)
		caches[i]();
}

int edu_busy_ms(void)
{
	const char *s = secure_getenv("EDU_BUSY_TIMEOUT");
	char *end;
	long v;

	if (s && *s) {
		v = strtol(s, &end, 10);
		if (!*end && v >= 0 && v <= 3600000)
			return (int)v;
		edu_warn("EDU_BUSY_TIMEOUT: '%s' is not milliseconds; using 30000", s);
	}
	return 30000;
}

/* What a damaged file exits with: 65, or 1 for `edu-db check` (its
 * negative answer). */
int edu_damaged_status = EDU_EDATA;

_Noreturn void edu_die_db(sqlite3 *db, const char *what)
{
	int code = sqlite3_extended_errcode(db) & 0xff;
	int status;

	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		edu_die(EDU_ETEMPFAIL, "%s: the database is busy (another process "
			"holds it longer than %d s): try again later", what,
			edu_busy_ms() / 1000);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		status = EDU_ENOPERM;
		break;
	case SQLITE_IOERR:
	case SQLITE_FULL:
		status = EDU_EIO;
		break;
	case SQLITE_CONSTRAINT:
		status = EDU_EDATA;
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		status = edu_damaged_status;
		break;
	default:
		status = EDU_ESOFTWARE;
	}
	edu_die(status, "%s: %s", what, sqlite3_errmsg(db));
}

sqlite3_stmt *edu_prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		edu_die_db(db, "cannot prepare a statement");
	return st;
}

void edu_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void edu_exec_stmt(sqlite3 *db, sqlite3_stmt *st)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		edu_die_db(db, "cannot write");
	sqlite3_reset(st);
}

/* The statements of edu_exec and edu_query1, kept (reset) until the
 * commit or close like the caches above: a batch that asks the same
 * question for each of 300,000 keys prepares it once, not 300,000 times
 * (issue 23).  Found by the text's address and checked by the text
 * itself, so a query built in a buffer that is reused is never taken
 * for another.  Like the caches above it is the main thread's: a bulk
 * import's loading thread (bulk.c) calls neither function. */
#define QCACHE 32
static struct qslot {
	sqlite3 *db;
	const char *sql;
	sqlite3_stmt *st;
} qcache[QCACHE];

static void qcache_forget(void)
{
	for (int i = 0; i < QCACHE; i++) {
		sqlite3_finalize(qcache[i].st);
		qcache[i] = (struct qslot){ 0 };
	}
}

static sqlite3_stmt *qcache_get(sqlite3 *db, const char *sql)
{
	struct qslot *q = &qcache[((uintptr_t)sql >> 3) % QCACHE];

	if (q->st && q->db == db && q->sql == sql && !strcmp(sqlite3_sql(q->st), sql))
		return q->st;
	edu_db_cache(qcache_forget);
	sqlite3_finalize(q->st);
	*q = (struct qslot){ db, sql, edu_prepare(db, sql) };
	return q->st;
}

/* Done with a statement of the cache: reset, its bindings let go. */
static void qcache_put(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int edu_exec(sqlite3 *db, const char *sql, int n, const char *const *params)
{
	sqlite3_stmt *st = qcache_get(db, sql);

	for (int i = 0; i < n; i++)
		edu_bind_text(st, i + 1, params[i]);
	edu_exec_stmt(db, st);
	qcache_put(st);
	return sqlite3_changes(db);
}

char *edu_query1(sqlite3 *db, const char *sql, int n, const char *const *params)
{
	sqlite3_stmt *st = qcache_get(db, sql);
	char *r = NULL;
	int rc;

	for (int i = 0; i < n; i++)
		edu_bind_text(st, i + 1, params[i]);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		r = s ? edu_strdup(s) : NULL;
	} else if (rc != SQLITE_DONE) {
		edu_die_db(db, "cannot read");
	}
	qcache_put(st);
	return r;
}

/* What other files do at a transaction's ends (out.c holds stdout,
 * run.c notes the numbers a run hands out), registered so that this file
 * need not know them. */
#define MAX_TX_HOOKS 4
static const struct edu_tx_hooks *tx_hooks[MAX_TX_HOOKS];
static int ntx_hooks;

void edu_tx_hooks(const struct edu_tx_hooks *h)
{
	for (int i = 0; i < ntx_hooks; i++)
		if (tx_hooks[i] == h)
			return;
	if (ntx_hooks == MAX_TX_HOOKS)
		edu_die(EDU_ESOFTWARE, "too many transaction hooks");
	tx_hooks[ntx_hooks++] = h;
}

void edu_begin(sqlite3 *db)
{
	for (int i = 0; i < ntx_hooks; i++)
		if (tx_hooks[i]->begin)
			tx_hooks[i]->begin();
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		edu_die_db(db, "cannot begin a transaction");
}

/* A COMMIT that failed on the disk (a write or the sync of the -wal
 * file) may have left the transaction's frames, commit mark and all, in
 * the log: the next process to open the database alone would recover
 * them, and the change would land after the exit said it had not (found
 * by `make faults`).  Rolled back and closed here, the connection
 * checkpoints without them and removes the log: nothing landed, as the
 * exit status says.  The tool exits, so its statements go too. */
static _Noreturn void commit_failed(sqlite3 *db)
{
	int code = sqlite3_extended_errcode(db) & 0xff;
	sqlite3_stmt *st;

	if (code != SQLITE_IOERR && code != SQLITE_FULL)
		edu_die_db(db, "cannot commit");
	char *msg = edu_strdup(sqlite3_errmsg(db));
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	edu_forget_caches();
	while ((st = sqlite3_next_stmt(db, NULL)))
		sqlite3_finalize(st);
	sqlite3_close(db);
	edu_die(EDU_EIO, "cannot commit: %s", msg);
}

void edu_commit(sqlite3 *db)
{
	/* A hook that fails before the commit (output that could not be
	 * written to its file) is a failure before it: nothing lands. */
	for (int i = 0; i < ntx_hooks; i++)
		if (tx_hooks[i]->precommit && tx_hooks[i]->precommit() < 0) {
			int e = errno;

			edu_rollback(db);
			edu_die_output(e);
		}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		commit_failed(db);
	edu_forget_caches();
	/* From here a lost output is exit 79, naming what was committed;
	 * the last registered first, so the output is printed last. */
	edu_committed("the change");
	for (int i = ntx_hooks - 1; i >= 0; i--)
		if (tx_hooks[i]->commit)
			tx_hooks[i]->commit();
}

static void rollback(sqlite3 *db, int shown)
{
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	for (int i = ntx_hooks - 1; i >= 0; i--)
		if (tx_hooks[i]->rollback)
			tx_hooks[i]->rollback(shown);
}

void edu_rollback(sqlite3 *db)
{
	rollback(db, 0);
}

void edu_finish(sqlite3 *db)
{
	if (session.dry_run) {
		/* What a dry run would have printed is shown. */
		rollback(db, 1);
		if (!session.quiet)
			edu_warn("dry run: nothing written");
	} else {
		edu_commit(db);
	}
}
