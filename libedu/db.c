/* db.c - opening and creating the database, the schema migrations */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "edu.h"

/* schema.c, made by the Makefile from libedu/schema/NNN-*.sql */
extern const char *const edu_migrations[];
extern const int edu_nmigrations;

/* "EDU1": tells an edu database from any other SQLite file. */
#define EDU_APPLICATION_ID 0x45445531

int edu_schema_version(void)
{
	return edu_nmigrations;
}


static void pragmas(sqlite3 *db)
{
	sqlite3_busy_timeout(db, edu_busy_ms());
	/* WAL lets readers go on while one writer works; FULL makes a
	 * commit survive a power cut. */
	sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
	sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
	sqlite3_exec(db, "PRAGMA synchronous=FULL", NULL, NULL, NULL);
}

int edu_db_user_version(sqlite3 *db)
{
	sqlite3_stmt *st = edu_prepare(db, "PRAGMA user_version");
	int v = -1;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int application_id(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

sqlite3 *edu_db_open(const char *path, int write, int anyversion)
{
	struct stat sb;
	sqlite3 *db;

	if (stat(path, &sb) < 0) {
		if (errno == ENOENT)
			edu_die(EDU_ENOINPUT, "no such database '%s' (create it with 'edu-db init')", path);
		edu_die(errno == EACCES ? EDU_ENOPERM : EDU_ENOINPUT,
			"cannot open database '%s':", path);
	}
	if (S_ISDIR(sb.st_mode))
		edu_die(EDU_ENOINPUT, "cannot open database '%s': it is a directory", path);
	/* Serialised: a bulk import uses the connection from two threads. */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK) {
		int e = errno;
		if (e == EACCES || access(path, R_OK) < 0)
			edu_die(EDU_ENOPERM, "cannot open database '%s': permission denied", path);
		edu_die(EDU_ENOINPUT, "cannot open database '%s': %s", path,
			db ? sqlite3_errmsg(db) : "out of memory");
	}
	pragmas(db);
	int appid = application_id(db);
	if (appid < 0) {
		if ((sqlite3_extended_errcode(db) & 0xff) == SQLITE_NOTADB)
			edu_die(EDU_ENOINPUT, "'%s' is not a database", path);
		edu_die_db(db, "cannot open database");
	}
	if (appid != EDU_APPLICATION_ID)
		edu_die(EDU_ENOINPUT, "'%s' is not an edu database (create one with 'edu-db init')", path);
	if (write && sqlite3_db_readonly(db, "main") == 1)
		edu_die(EDU_ENOPERM, "cannot write to database '%s': permission denied", path);
	int v = edu_db_user_version(db);
	if (!anyversion && v != edu_nmigrations) {
		if (v < edu_nmigrations)
			edu_die(EDU_ECONFIG, "database '%s' has schema version %d, this tool needs %d: run 'edu-db migrate'",
				path, v, edu_nmigrations);
		edu_die(EDU_ECONFIG, "database '%s' has schema version %d, newer than this tool's %d: install the newer tools",
			path, v, edu_nmigrations);
	}
	return db;
}

void edu_db_close(sqlite3 *db)
{
	edu_forget_caches();
	sqlite3_close_v2(db);
}


static int apply(sqlite3 *db, int from)
{
	char sql[64];
	int n = 0;

	for (int i = from; i < edu_nmigrations; i++, n++) {
		char *msg = NULL;

		if (sqlite3_exec(db, edu_migrations[i], NULL, NULL, &msg) != SQLITE_OK)
			edu_die(EDU_ESOFTWARE, "migration %d: %s", i + 1, msg);
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", edu_nmigrations);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		edu_die_db(db, "cannot set the schema version");
	return n;
}

int edu_db_migrate(sqlite3 *db)
{
	int from, n;

	edu_begin(db);
	from = edu_db_user_version(db);
	if (from > edu_nmigrations)
		edu_die(EDU_ECONFIG, "the database has schema version %d, newer than this tool's %d: install the newer tools",
			from, edu_nmigrations);
	n = apply(db, from);
	if (n > 0) {
		char *change = edu_asprintf("{\"from\":%d,\"to\":%d}", from, edu_nmigrations);
		edu_audit(db, "schema", "user_version", change);
		free(change);
	}
	edu_finish(db);
	return n;
}

static void unlink_db(const char *path)
{
	char *p;

	unlink(path);
	p = edu_asprintf("%s-wal", path);
	unlink(p);
	free(p);
	p = edu_asprintf("%s-shm", path);
	unlink(p);
	free(p);
}

static const char *created;	/* removed if init does not finish */

static void remove_created(void)
{
	if (created)
		unlink_db(created);
}

int edu_db_create(const char *path, const char *user)
{
	sqlite3 *db;
	char sql[64];
	int fd;

	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (fd < 0) {
		if (errno == EEXIST)
			edu_die(EDU_ECANTCREAT, "'%s' exists already: init makes a new database only", path);
		edu_die(EDU_ECANTCREAT, "cannot create '%s':", path);
	}
	/* 0660 whatever the umask: the group shares the registers. */
	if (fchmod(fd, 0660) < 0) {
		close(fd);
		unlink(path);
		edu_die(EDU_ECANTCREAT, "cannot set the mode of '%s':", path);
	}
	close(fd);
	created = path;
	atexit(remove_created);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		edu_die(EDU_ECANTCREAT, "cannot create '%s': %s", path, sqlite3_errmsg(db));
	pragmas(db);
	snprintf(sql, sizeof sql, "PRAGMA application_id=%d", EDU_APPLICATION_ID);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		edu_die_db(db, "cannot create the database");
	edu_begin(db);
	apply(db, 0);
	const char *p[] = { user };
	edu_exec(db, "INSERT INTO user(login, role, added) VALUES (?, 'admin', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", 1, p);
	char *change = edu_asprintf("{\"schema\":%d,\"admin\":", edu_nmigrations);
	struct edu_buf b = { 0 };
	edu_buf_puts(&b, change);
	edu_buf_json(&b, user);
	edu_buf_puts(&b, "}");
	edu_audit(db, "database", path, b.s);
	edu_buf_free(&b);
	free(change);
	edu_commit(db);
	if (sqlite3_close(db) != SQLITE_OK)
		edu_die_db(db, "cannot close the new database");
	created = NULL;
	return 0;
}
