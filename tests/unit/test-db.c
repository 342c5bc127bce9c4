/* test-db.c - the database layer on a real file: schema, sequences under
 * concurrent writers, settings, the audit chain, the run ledger. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "edu.h"
#include "tap.h"

static char path[256];

static sqlite3 *open_db(void)
{
	return edu_db_open(path, 1, 0);
}

static long count(sqlite3 *db, const char *sql)
{
	char *s = edu_query1(db, sql, 0, NULL);
	long n = s ? atol(s) : -1;

	free(s);
	return n;
}

int main(void)
{
	char dir[] = "/tmp/edu-test-db.XXXXXX";

	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/edu.db", dir);
	edu_prog = "test-db";
	edu_db_session(&(struct edu_session){ .tool = "test", .verb = "test", .user = "test" });

	ok(edu_db_create(path, "tester") == 0, "a database is created");
	sqlite3 *db = open_db();
	ok(edu_db_user_version(db) == edu_schema_version(), "at the current schema version (%d)",
	   edu_schema_version());
	char *role = edu_user_role(db, "tester");
	is(role, "admin", "its creator is admin");
	free(role);
	role = edu_user_role(db, "nobody");
	is(role, "", "anyone else has no role");
	free(role);

	/* Sequences. */
	edu_begin(db);
	ok(edu_seq_next(db, "cert/2026") == 1, "a new sequence starts at 1");
	ok(edu_seq_next(db, "cert/2026") == 2, "... and counts on");
	ok(edu_seq_next(db, "doc/2026") == 1, "another scope has its own");
	edu_commit(db);
	edu_begin(db);
	ok(edu_seq_next(db, "cert/2026") == 3, "... across transactions");
	edu_rollback(db);
	edu_begin(db);
	ok(edu_seq_next(db, "cert/2026") == 3, "a number of a rolled-back transaction was never handed out");
	edu_commit(db);
	edu_db_close(db);

	/* Four processes take 100 numbers each, one transaction per number:
	 * every number is handed out exactly once. */
	for (int p = 0; p < 4; p++) {
		if (fork() == 0) {
			sqlite3 *d = open_db();
			for (int i = 0; i < 100; i++) {
				edu_begin(d);
				int64_t v = edu_seq_next(d, "race");
				char s[32];
				snprintf(s, sizeof s, "%lld", (long long)v);
				const char *prm[] = { s };
				edu_exec(d, "INSERT INTO setting(key, value) VALUES ('race.' || ?1, ?1)", 1, prm);
				edu_commit(d);
			}
			edu_db_close(d);
			_exit(0);
		}
	}
	int all_ok = 1, st;
	while (wait(&st) > 0)
		all_ok &= WIFEXITED(st) && WEXITSTATUS(st) == 0;
	ok(all_ok, "four concurrent writers all finish (none busy)");
	db = open_db();
	ok(count(db, "SELECT count(*) FROM setting WHERE key LIKE 'race.%'") == 400,
	   "400 numbers taken, none twice (the key would clash)");
	ok(count(db, "SELECT max(CAST(value AS INTEGER)) FROM setting WHERE key LIKE 'race.%'") == 400,
	   "... and none skipped");

	/* Settings. */
	ok(edu_setting_check("bureau.region", "110102") == 0, "a 6-digit region is a valid setting");
	ok(edu_setting_check("bureau.region", "11010") < 0, "a 5-digit one is not");
	ok(edu_setting_check("cert.senior.pattern", "{year}{seq:5}") == 0, "a pattern with {seq} is valid");
	ok(edu_setting_check("cert.senior.pattern", "{year}") < 0, "a pattern without {seq} is not");
	ok(edu_setting_check("no.such.key", "x") < 0, "an unknown key is refused");
	char *v = edu_setting(db, "bureau.name", "默认");
	is(v, "默认", "an unset setting gives the default");
	free(v);

	/* The audit chain. */
	edu_begin(db);
	edu_audit(db, "school", "1", "{\"a\":1}");
	edu_audit(db, "school", "2", "{\"b\":\"\\n\"}");
	edu_commit(db);
	FILE *out = tmpfile();
	ok(edu_audit_verify(db, out) == 0, "the audit chain holds");
	ok(count(db, "SELECT count(*) FROM audit WHERE prev = (SELECT hash FROM audit a2 WHERE a2.id = audit.id - 1)") ==
	   count(db, "SELECT count(*) FROM audit") - 1, "each row's prev is the hash before it");
	sqlite3_exec(db, "DROP TRIGGER audit_no_update; UPDATE audit SET key = '3' WHERE key = '1'",
		     NULL, NULL, NULL);
	ok(edu_audit_verify(db, out) == 1, "an edited row breaks its own hash");
	sqlite3_exec(db, "UPDATE audit SET hash = 'x' WHERE key = '3'", NULL, NULL, NULL);
	ok(edu_audit_verify(db, out) == 2, "a forged hash breaks the next row's link too");
	fclose(out);

	/* The run ledger. */
	struct edu_run run;
	edu_run_start(&run);
	edu_begin(db);
	edu_run_finish(db, &run, "inserted=1", 0);
	edu_rollback(db);
	ok(count(db, "SELECT count(*) FROM run") == 0, "a run that did not land is not in the ledger");
	edu_begin(db);
	edu_run_finish(db, &run, "inserted=1", 0);
	edu_commit(db);
	ok(count(db, "SELECT count(*) FROM run WHERE counts = 'inserted=1' AND finished >= started") == 1,
	   "a run that landed is");

	/* The numbers a run hands out: in the ledger, and named by exit 79. */
	edu_begin(db);
	edu_run_number("A-1");
	edu_run_number("A-2");
	char *what = edu_run_committed();
	is(what, "A-1, A-2", "a few numbers are named, every one");
	free(what);
	edu_run_finish(db, &run, "issued=2", 0);
	what = edu_run_committed();
	ok(what && strstr(what, "A-1, A-2 (run ") == what, "... with their run once it is recorded (%s)", what);
	free(what);
	edu_commit(db);
	char *row = edu_query1(db, "SELECT numbered || '|' || first_no || '|' || last_no || '|' || numbers "
			       "FROM run WHERE counts = 'issued=2'", 0, NULL);
	is(row, "2|A-1|A-2|[\"A-1\",\"A-2\"]", "the ledger keeps how many, the first, the last and the list");
	free(row);
	edu_begin(db);
	for (int i = 1; i <= EDU_RUN_LISTED + 5; i++) {
		char no[16];
		snprintf(no, sizeof no, "B-%d", i);
		edu_run_number(no);
	}
	what = edu_run_committed();
	is(what, "25 numbers, the first B-1 and the last B-25", "many: how many, the first and the last");
	free(what);
	edu_run_finish(db, &run, "issued=25", 0);
	row = edu_query1(db, "SELECT numbered || '|' || first_no || '|' || last_no || '|' || "
			 "coalesce(numbers, 'no list') FROM run WHERE counts = 'issued=25'", 0, NULL);
	is(row, "25|B-1|B-25|no list", "... and the ledger no list");
	free(row);
	edu_rollback(db);
	what = edu_run_committed();
	is(what, "the change", "a rollback forgets them");
	free(what);

	char hex[65];
	edu_sha256_hex("abc", 3, hex);
	is(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	   "SHA-256 of 'abc' (FIPS 180-2 example)");
	edu_db_close(db);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	return done_testing();
}
