/* run.c - the ledger of batch runs (DESIGN 9) */
#define _GNU_SOURCE
#include <stdlib.h>
#include <time.h>

#include "edu.h"

void edu_run_start(struct edu_run *r)
{
	struct timespec ts;
	struct tm tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(r->started, sizeof r->started, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void edu_run_finish(sqlite3 *db, const struct edu_run *r, const char *counts,
		    int status)
{
	const struct edu_session *s = edu_session();
	const char *p[] = { s->tool, s->verb, s->user, r->started, counts };
	char st[16];

	/* In the batch's own transaction: a run is in the ledger if and only
	 * if its work landed, and a refused one leaves the file untouched. */
	snprintf(st, sizeof st, "%d", status);
	const char *q[] = { p[0], p[1], p[2], p[3], p[4], st };
	edu_exec(db, "INSERT INTO run(tool, verb, user, started, finished, counts, status) "
		 "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?)", 6, q);
}

void edu_run_record(sqlite3 *db, const struct edu_run *r, const char *counts,
		    int status)
{
	edu_begin(db);
	edu_run_finish(db, r, counts, status);
	edu_commit(db);
}
