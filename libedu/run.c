/* run.c - the ledger of batch runs (DESIGN 9), and the numbers a run
 * hands out */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "edu.h"

/* The numbers handed out in the open transaction. */
static const struct edu_tx_hooks run_hooks;

static struct {
	long n;
	char *first, *last;
	char *listed[EDU_RUN_LISTED];
	long long run;		/* the run recorded with them, or 0 */
} made;

void edu_run_start(struct edu_run *r)
{
	edu_tx_hooks(&run_hooks);
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(r->started, sizeof r->started, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void edu_run_number(const char *no)
{
	edu_tx_hooks(&run_hooks);
	if (made.n < EDU_RUN_LISTED)
		made.listed[made.n] = edu_strdup(no);
	if (!made.first)
		made.first = edu_strdup(no);
	free(made.last);
	made.last = edu_strdup(no);
	made.n++;
}

void edu_run_forget(void)
{
	for (long i = 0; i < made.n && i < EDU_RUN_LISTED; i++)
		free(made.listed[i]);
	free(made.first);
	free(made.last);
	memset(&made, 0, sizeof made);
}

void edu_run_finish(sqlite3 *db, const struct edu_run *r, const char *counts,
		    int status)
{
	char st[16], n[24];
	struct edu_buf list = { 0 };

	/* In the batch's own transaction: a run is in the ledger if and only
	 * if its work landed, and a refused one leaves the file untouched.
	 * The numbers go with it, so that a script whose output was lost
	 * after the commit (exit 79) finds them here. */
	snprintf(st, sizeof st, "%d", status);
	snprintf(n, sizeof n, "%ld", made.n);
	if (made.n && made.n <= EDU_RUN_LISTED) {
		edu_buf_puts(&list, "[");
		for (long i = 0; i < made.n; i++) {
			edu_buf_puts(&list, i ? "," : "");
			edu_buf_json(&list, made.listed[i]);
		}
		edu_buf_puts(&list, "]");
	}
	const struct edu_session *se = edu_session();
	const char *q[] = { se->tool, se->verb, se->user, r->started, counts,
			    st, n, made.first, made.last, list.s };
	edu_exec(db, "INSERT INTO run(tool, verb, user, started, finished, counts, status, "
		 "numbered, first_no, last_no, numbers) "
		 "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?, ?, ?)",
		 10, q);
	made.run = sqlite3_last_insert_rowid(db);
	edu_buf_free(&list);
}

char *edu_run_committed(void)
{
	struct edu_buf b = { 0 };

	if (made.n > EDU_RUN_LISTED) {
		edu_buf_printf(&b, "%ld numbers, the first %s and the last %s", made.n,
			       made.first, made.last);
	} else {
		for (long i = 0; i < made.n; i++)
			edu_buf_printf(&b, "%s%s", i ? ", " : "", made.listed[i]);
	}
	if (made.run)
		edu_buf_printf(&b, b.len ? " (run %lld)" : "run %lld", made.run);
	if (!b.len)
		edu_buf_puts(&b, "the change");
	return b.s;
}

void edu_run_record(sqlite3 *db, const struct edu_run *r, const char *counts,
		    int status)
{
	edu_begin(db);
	edu_run_finish(db, r, counts, status);
	edu_commit(db);
}

/* At a commit: what exit 79 names; then a new transaction starts clean. */
static void run_committed(void)
{
	char *what = edu_run_committed();

	edu_committed(what);
	free(what);
	edu_run_forget();
}

static void run_rollback(int shown)
{
	(void)shown;
	edu_run_forget();
}

static const struct edu_tx_hooks run_hooks = {
	.begin = edu_run_forget, .commit = run_committed, .rollback = run_rollback,
};
