/* run.c - the ledger of batch runs (DESIGN 9) */
#define _GNU_SOURCE
#include <stdlib.h>

#include "edu.h"

int64_t edu_run_begin(sqlite3 *db)
{
	const char *p[] = { edu_prog, edu_verb_name, edu_login() };

	/* Committed at once, so a run killed halfway still shows. */
	edu_begin(db);
	edu_exec(db, "INSERT INTO run(tool, verb, user, started) "
		 "VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", 3, p);
	int64_t id = sqlite3_last_insert_rowid(db);
	edu_commit(db);
	return id;
}

void edu_run_end(sqlite3 *db, int64_t id, const char *counts, int status)
{
	/* Inside the batch's transaction when there is one: the row says
	 * finished only if the batch landed. */
	int own = sqlite3_get_autocommit(db);
	sqlite3_stmt *st;

	if (own)
		edu_begin(db);
	st = edu_prepare(db, "UPDATE run SET finished = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
			 "counts = ?, status = ? WHERE id = ?");
	edu_bind_text(st, 1, counts);
	sqlite3_bind_int(st, 2, status);
	sqlite3_bind_int64(st, 3, id);
	edu_exec_stmt(db, st);
	sqlite3_finalize(st);
	if (own)
		edu_commit(db);
}
