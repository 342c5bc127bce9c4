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
	int one = 1;
	/* The group's rights, when setgid, for the installed database only;
	 * not following a link there. */
	int installed = edu_priv_open_db(path);

	if (stat(path, &sb) < 0) {
		if (errno == ENOENT)
			edu_die(EDU_ENOINPUT, "no such database '%s' (create it with 'edu-db init')", path);
		edu_die(errno == EACCES ? EDU_ENOPERM : EDU_ENOINPUT,
			"cannot open database '%s':", path);
	}
	if (S_ISDIR(sb.st_mode))
		edu_die(EDU_ENOINPUT, "cannot open database '%s': it is a directory", path);
	/* Serialised: a bulk import uses the connection from two threads. */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX |
			    (installed ? SQLITE_OPEN_NOFOLLOW : 0), NULL) != SQLITE_OK) {
		int e = errno;
		if (e == EACCES || access(path, R_OK) < 0)
			edu_die(EDU_ENOPERM, "cannot open database '%s': permission denied", path);
		edu_die(EDU_ENOINPUT, "cannot open database '%s': %s", path,
			db ? sqlite3_errmsg(db) : "out of memory");
	}
	/* The installed database's -wal and -shm stay, its owner's (priv.c):
	 * a tool that gave the group's rights up could not remove them. */
	if (installed)
		sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &one);
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
	/* Open, its -wal and -shm too (read above): nothing else is opened
	 * with the group's rights. */
	edu_priv_drop();
	return db;
}

void edu_db_close(sqlite3 *db)
{
	edu_forget_caches();
	sqlite3_close_v2(db);
}


/* A migration may make a table again, as a CHECK cannot be changed in
 * place (012 does, for the asset categories).  SQLite's procedure for it
 * (lang_altertable.html, "making other kinds of table schema changes")
 * runs with foreign keys off, which a transaction cannot change: the
 * callers turn them off before their BEGIN and on after it, and apply
 * checks every reference before the commit. */
static void foreign_keys(sqlite3 *db, int on)
{
	if (sqlite3_exec(db, on ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF",
			 NULL, NULL, NULL) != SQLITE_OK)
		edu_die_db(db, "cannot set foreign_keys");
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
	char *bad = edu_query1(db, "SELECT \"table\" || ' row ' || coalesce(rowid, '?') || ' names no ' || parent "
			       "FROM pragma_foreign_key_check LIMIT 1", 0, NULL);
	if (bad)
		edu_die(EDU_ESOFTWARE, "after the migrations, %s", bad);
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", edu_nmigrations);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		edu_die_db(db, "cannot set the schema version");
	return n;
}

int edu_db_migrate(sqlite3 *db)
{
	int from, n;

	foreign_keys(db, 0);
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
	foreign_keys(db, 1);
	return n;
}

/* A new database is made in memory and written out whole: its path
 * holds nothing or a complete database, also when init is killed. */
int edu_db_create(const char *path, const char *user)
{
	struct edu_outfile o;
	sqlite3 *db;
	sqlite3_int64 n;
	unsigned char *img;
	char sql[64];
	int installed = edu_priv_open_db(path);

	/* 0660 whatever the umask: the group shares the registers. */
	edu_outfile_open(&o, path, 0660, 1);
	if (sqlite3_open_v2("file:edu-init?vfs=memdb", &db, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
		edu_die(EDU_ESOFTWARE, "cannot make a database in memory: %s", sqlite3_errmsg(db));
	sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
	snprintf(sql, sizeof sql, "PRAGMA application_id=%d", EDU_APPLICATION_ID);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		edu_die_db(db, "cannot create the database");
	foreign_keys(db, 0);
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
	foreign_keys(db, 1);
	if (!(img = sqlite3_serialize(db, "main", &n, SQLITE_SERIALIZE_NOCOPY)) || n < 100)
		edu_die(EDU_ESOFTWARE, "cannot read the new database back from memory");
	/* Bytes 18 and 19 of the header: WAL from the first open on, so no
	 * tool ever switches it (which takes a -journal). */
	img[18] = img[19] = 2;
	edu_outfile_write(&o, img, (size_t)n);
	sqlite3_close(db);
	edu_outfile_commit(&o);
	edu_outfile_close(&o);
	/* The installed database's -wal and -shm are made now, by its owner,
	 * and kept (priv.c). */
	if (installed)
		edu_db_close(edu_db_open(path, 1, 0));
	edu_priv_drop();
	return 0;
}

/* The schema objects (tables, indexes, triggers, views) as the migrations
 * make them: a fresh database of this version is built in memory and its
 * sqlite_master compared, object by object, with the file's.  SQLite's
 * statistics tables come and go with ANALYZE and are left out. */
#define SCHEMA_OBJECTS "SELECT type, name, sql FROM sqlite_master " \
	"WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' "

static int schema_compare(sqlite3 *a, sqlite3 *b, FILE *out, int extra)
{
	sqlite3_stmt *all = edu_prepare(a, SCHEMA_OBJECTS "ORDER BY type, name");
	sqlite3_stmt *one = edu_prepare(b, SCHEMA_OBJECTS "AND name = ?");
	int bad = 0, rc;

	while ((rc = sqlite3_step(all)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(all, 0);
		const char *name = (const char *)sqlite3_column_text(all, 1);
		const char *sql = (const char *)sqlite3_column_text(all, 2);

		sqlite3_bind_text(one, 1, name, -1, SQLITE_STATIC);
		int r = sqlite3_step(one);
		if (r == SQLITE_ROW) {
			const char *t2 = (const char *)sqlite3_column_text(one, 0);
			const char *s2 = (const char *)sqlite3_column_text(one, 2);

			if (!extra && (strcmp(type, t2) || strcmp(sql ? sql : "", s2 ? s2 : ""))) {
				fprintf(out, "schema: %s %s differs from schema version %d\n",
					type, name, edu_nmigrations);
				bad++;
			}
		} else if (r == SQLITE_DONE) {
			fprintf(out, extra ? "schema: %s %s is not part of schema version %d\n"
				     : "schema: %s %s of schema version %d is missing\n",
				type, name, edu_nmigrations);
			bad++;
		} else {
			edu_die_db(b, "cannot read the schema");
		}
		sqlite3_reset(one);
	}
	if (rc != SQLITE_DONE)
		edu_die_db(a, "cannot read the schema");
	sqlite3_finalize(all);
	sqlite3_finalize(one);
	return bad;
}

int edu_db_schema_check(sqlite3 *db, FILE *out)
{
	sqlite3 *fresh;
	int bad;

	if (sqlite3_open_v2(":memory:", &fresh, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
		edu_die(EDU_ESOFTWARE, "cannot open a database in memory");
	for (int i = 0; i < edu_nmigrations; i++) {
		char *msg = NULL;

		if (sqlite3_exec(fresh, edu_migrations[i], NULL, NULL, &msg) != SQLITE_OK)
			edu_die(EDU_ESOFTWARE, "migration %d: %s", i + 1, msg);
	}
	bad = schema_compare(fresh, db, out, 0) + schema_compare(db, fresh, out, 1);
	sqlite3_close(fresh);
	return bad;
}
