/* edu-db - create, migrate, check and back up the database; settings,
 * users and roles, the audit log, the calendar, queries, batch runs. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "edu.h"

/* ---- init, migrate, check, backup -------------------------------------- */

static int db_init(struct edu_cmd *c)
{
	const char *path = edu_db_path();

	edu_db_create(path, c->user);
	if (!edu_opt.quiet)
		edu_warn("created '%s' (schema version %d); %s is its admin",
			 path, edu_schema_version(), c->user);
	return 0;
}

static int db_migrate(struct edu_cmd *c)
{
	int from = edu_db_user_version(c->db);
	int n = edu_db_migrate(c->db);

	if (!edu_opt.quiet)
		edu_warn(n ? "migrated from schema version %d to %d"
			   : "schema version %d is current (%d)", from,
			 edu_schema_version());
	return 0;
}

/* A damaged file stops a check with SQLite's "malformed" error: that is
 * the check's negative answer (exit 1), not refused input. */
static int damaged(sqlite3 *db, int rc, const char *what)
{
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
		printf("integrity: %s: %s\n", what, sqlite3_errmsg(db));
		return 1;
	}
	edu_die_db(db, what);
}

static const char *check_head;	/* --head FILE */

static const struct edu_option check_opts[] = {
	EDU_OPT_TEXT("head", &check_head, "FILE", "compare the audit chain with the last head kept in FILE, and append the head to it"),
	EDU_OPT_END
};

/* The head file: a line per check that held, "TIME ID HASH"; opened
 * with the caller's own rights, never a symbolic link. */
static FILE *open_head(const char *path)
{
	gid_t eg = getegid();
	int fd, e;

	if (eg != getgid() && setegid(getgid()) < 0)
		edu_die(EDU_ESOFTWARE, "cannot drop the group privilege:");
	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0640);
	e = errno;
	if (eg != getgid() && setegid(eg) < 0)
		edu_die(EDU_ESOFTWARE, "cannot take the group privilege back:");
	errno = e;
	if (fd < 0)
		edu_die(EDU_ECANTCREAT, "--head: cannot open '%s':", path);
	struct stat hs, ds;
	if (fstat(fd, &hs) < 0 || !S_ISREG(hs.st_mode))
		edu_die(EDU_ECANTCREAT, "--head: '%s' is not a regular file", path);
	if (stat(edu_db_path(), &ds) == 0 && ds.st_dev == hs.st_dev && ds.st_ino == hs.st_ino)
		edu_die(EDU_ECANTCREAT, "--head: '%s' is the database", path);
	FILE *f = fdopen(fd, "a+");
	if (!f)
		edu_die(EDU_ESOFTWARE, "--head: cannot open '%s':", path);
	return f;
}

/* The last head kept in f: 1 with id and hash, 0 when f holds none. */
static int last_head(FILE *f, const char *path, long *id, char hash[65])
{
	char *line = NULL, h[65];
	size_t cap = 0;
	long n, lineno = 0;
	int found = 0;

	rewind(f);
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		if (line[strspn(line, " \t\r\n")] == '\0' || line[0] == '#')
			continue;
		if (sscanf(line, "%*s %ld %64s", &n, h) != 2 || n < 1 ||
		    strspn(h, "0123456789abcdef") != 64)
			edu_die(EDU_EDATA, "%s:%ld: not a head (TIME ID HASH)", path, lineno);
		*id = n;
		memcpy(hash, h, 65);
		found = 1;
	}
	if (ferror(f))
		edu_die(EDU_EIO, "--head: cannot read '%s':", path);
	free(line);
	return found;
}

static int db_check(struct edu_cmd *c)
{
	int bad = 0, rc;
	sqlite3_stmt *st = edu_prepare(c->db, "PRAGMA integrity_check");
	FILE *hf = check_head ? open_head(check_head) : NULL;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		if (strcmp(s, "ok")) {
			printf("integrity: %s\n", s);
			bad++;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		damaged(c->db, rc, "integrity check");
		return EDU_NO;
	}

	st = edu_prepare(c->db, "PRAGMA foreign_key_check");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		printf("foreign key: %s row %lld refers to a missing %s\n",
		       sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
		       sqlite3_column_text(st, 2));
		bad++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		damaged(c->db, rc, "foreign key check");
		return EDU_NO;
	}

	/* The chain first: its first broken row is the news. */
	bad += edu_audit_verify(c->db, stdout);
	bad += edu_db_schema_check(c->db, stdout);

	long id = 0, kept_id;
	char hash[65] = "", kept[65];
	int have = edu_audit_head(c->db, &id, hash);
	if (hf && last_head(hf, check_head, &kept_id, kept))
		bad += edu_audit_verify_head(c->db, kept_id, kept, stdout);
	if (bad)
		return EDU_NO;
	if (hf && have) {
		/* Only a head that held is kept: after a failure the next
		 * check compares with the same good head again. */
		char at[32];
		time_t now = time(NULL);
		struct tm tm;

		strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
		if (fprintf(hf, "%s %ld %s\n", at, id, hash) < 0 || fflush(hf) ||
		    fsync(fileno(hf)) < 0)
			edu_die(EDU_EIO, "--head: cannot write '%s':", check_head);
	}
	if (hf && fclose(hf))
		edu_die(EDU_EIO, "--head: cannot write '%s':", check_head);
	if (!edu_opt.quiet) {
		/* The head of the chain, for the record: a mail from cron that
		 * keeps it lets a later check show rows cut off the end. */
		char *n = edu_query1(c->db, "SELECT count(*) FROM audit", 0, NULL);
		edu_warn("ok: integrity, foreign keys, the schema and the audit chain hold (audit rows: %s, head %.16s)",
			 n ? n : "0", hash);
		free(n);
	}
	return 0;
}

/* The copy is made in memory and written out through the descriptor of
 * a file made for it (outfile.c): nothing else is ever written, and a
 * killed backup leaves no file under the name. */
static int db_backup(struct edu_cmd *c)
{
	const char *to = c->argv[0];
	struct edu_outfile o;
	sqlite3 *mem;
	sqlite3_int64 n, limit = (sqlite3_int64)1 << 46;
	unsigned char *img;
	int rc;

	/* 0600: it holds every register; its owner shares it or not. */
	edu_outfile_open(&o, to, 0600, 0);
	if (sqlite3_open_v2("file:edu-backup?vfs=memdb", &mem, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
		edu_die(EDU_ESOFTWARE, "cannot back up: %s", sqlite3_errmsg(mem));
	/* memdb stops at 1 GiB unless told otherwise. */
	sqlite3_file_control(mem, "main", SQLITE_FCNTL_SIZE_LIMIT, &limit);
	/* The online backup API copies one consistent snapshot while other
	 * processes go on writing. */
	sqlite3_backup *b = sqlite3_backup_init(mem, "main", c->db, "main");
	if (!b)
		edu_die(EDU_ESOFTWARE, "cannot back up: %s", sqlite3_errmsg(mem));
	for (int tries = 0;; tries++) {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_DONE)
			break;
		if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < 300) {
			sqlite3_sleep(100);
			continue;
		}
		sqlite3_backup_finish(b);
		edu_die(rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? EDU_ETEMPFAIL :
			rc == SQLITE_NOMEM || rc == SQLITE_FULL ? EDU_EIO : EDU_ESOFTWARE,
			"cannot back up to '%s': %s", to, sqlite3_errstr(rc));
	}
	sqlite3_backup_finish(b);
	if (!(img = sqlite3_serialize(mem, "main", &n, SQLITE_SERIALIZE_NOCOPY)))
		edu_die(EDU_ESOFTWARE, "cannot back up to '%s': no copy in memory", to);
	edu_outfile_write(&o, img, (size_t)n);
	edu_outfile_commit(&o);
	edu_outfile_close(&o);
	sqlite3_close(mem);
	if (!edu_opt.quiet)
		edu_warn("backed up to '%s'", to);
	return 0;
}

/* ---- config ------------------------------------------------------------ */

static int config_list(struct edu_cmd *c)
{
	static const char *const cols[] = { "key", "value", "default", "description" };
	struct edu_out *o = edu_out_new(stdout, 4, cols);
	sqlite3_stmt *st = edu_prepare(c->db, "SELECT key, value FROM setting ORDER BY key");
	int rc;

	/* The keys the tools know, then any others stored. */
	for (const struct edu_setting_def *d = edu_settings; d->key; d++) {
		char *v = edu_setting(c->db, d->key, NULL);
		const char *row[] = { d->key, v, d->dflt, d->doc };
		edu_out_row(o, row);
		free(v);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const struct edu_setting_def *d = edu_setting_def(k);

		if (d && d->key[0] != '*')
			continue;
		const char *row[] = { k, (const char *)sqlite3_column_text(st, 1),
				      NULL, d ? d->doc : NULL };
		edu_out_row(o, row);
	}
	if (rc != SQLITE_DONE)
		edu_die_db(c->db, "cannot read the settings");
	sqlite3_finalize(st);
	edu_out_end(o);
	return 0;
}

static int config_get(struct edu_cmd *c)
{
	const struct edu_setting_def *d = edu_setting_def(c->argv[0]);
	char *v = edu_setting(c->db, c->argv[0], d && *d->dflt ? d->dflt : NULL);

	if (!v) {
		if (!d)
			edu_die(EDU_EUSAGE, "unknown setting '%s' (see 'edu-db config list')", c->argv[0]);
		edu_warn("%s is not set", c->argv[0]);
		return EDU_NO;
	}
	printf("%s\n", v);
	free(v);
	return 0;
}

static int config_set(struct edu_cmd *c)
{
	const char *key = c->argv[0], *value = c->argv[1];

	if (!edu_setting_def(key))
		edu_die(EDU_EUSAGE, "unknown setting '%s' (see 'edu-db config list')", key);
	if (edu_setting_check(key, value) < 0)
		return EDU_EDATA;
	edu_begin(c->db);
	char *old = edu_setting(c->db, key, NULL);
	if (!old || strcmp(old, value)) {
		/* An empty value is stored as one (a setting whose check allows
		 * it, set empty on purpose: no quota); edu_exec binds "" as NULL. */
		const char *p[] = { key, value };
		edu_exec(c->db, "INSERT INTO setting(key, value) VALUES (?1, coalesce(?2, '')) "
			 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", 2, p);
		const char *names[] = { "value" }, *was[] = { old }, *now[] = { value };
		edu_audit_change(c->db, "setting", key, 1, names, was, now);
	}
	free(old);
	edu_finish(c->db);
	return 0;
}

/* config unset: the stored value goes, the default is back. */
static int config_unset(struct edu_cmd *c)
{
	const char *key = c->argv[0];

	if (!edu_setting_def(key))
		edu_die(EDU_EUSAGE, "unknown setting '%s' (see 'edu-db config list')", key);
	edu_begin(c->db);
	char *old = edu_setting(c->db, key, NULL);
	if (old) {
		const char *p[] = { key };
		edu_exec(c->db, "DELETE FROM setting WHERE key = ?", 1, p);
		const char *names[] = { "value" }, *was[] = { old }, *now[] = { NULL };
		edu_audit_change(c->db, "setting", key, 1, names, was, now);
	}
	int was_set = old != NULL;
	free(old);
	edu_finish(c->db);
	if (!was_set && !edu_opt.quiet)
		edu_warn("%s was not set: nothing to do", key);
	return 0;
}

/* ---- users ------------------------------------------------------------- */

static int user_list(struct edu_cmd *c)
{
	sqlite3_stmt *st = edu_prepare(c->db, "SELECT login, role, added FROM user ORDER BY login");
	edu_print_stmt(st, 0);
	return 0;
}

static int user_add(struct edu_cmd *c)
{
	const char *login = c->argv[0], *role = c->argv[1];

	if (!edu_role_valid(role))
		edu_die(EDU_EUSAGE, "'%s' is not a role (admin, registrar, petitions, "
			"personnel, assets, documents, auditor)", role);
	edu_begin(c->db);
	char *old = edu_user_role(c->db, login);
	if (strcmp(old, role)) {
		if (!strcmp(old, "admin") && !strcmp(login, c->user))
			edu_die(EDU_EDATA, "you cannot take away your own admin role");
		const char *p[] = { login, role };
		edu_exec(c->db, "INSERT INTO user(login, role, added) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
			 "ON CONFLICT(login) DO UPDATE SET role = excluded.role", 2, p);
		const char *names[] = { "role" }, *was[] = { *old ? old : NULL },
			   *now[] = { role };
		edu_audit_change(c->db, "user", login, 1, names, was, now);
	}
	free(old);
	edu_finish(c->db);
	return 0;
}

static int user_remove(struct edu_cmd *c)
{
	const char *login = c->argv[0];
	const char *p[] = { login };

	edu_begin(c->db);
	char *old = edu_user_role(c->db, login);
	if (!*old) {
		edu_rollback(c->db);
		edu_warn("no user '%s'", login);
		free(old);
		return EDU_NO;
	}
	if (!strcmp(old, "admin")) {
		char *n = edu_query1(c->db, "SELECT count(*) FROM user WHERE role = 'admin'", 0, NULL);
		int last = atoi(n) <= 1;
		free(n);
		if (last)
			edu_die(EDU_EDATA, "'%s' is the last admin: add another admin first", login);
	}
	edu_exec(c->db, "DELETE FROM user WHERE login = ?", 1, p);
	const char *names[] = { "role" }, *was[] = { old }, *now[] = { NULL };
	edu_audit_change(c->db, "user", login, 1, names, was, now);
	free(old);
	edu_finish(c->db);
	return 0;
}

/* ---- log --------------------------------------------------------------- */

static struct {
	int since, until;	/* days; -1: none */
	const char *user, *tool, *key;
} log_opt = { .since = -1, .until = -1 };

static const struct edu_option log_opts[] = {
	EDU_OPT_DATE("since", &log_opt.since, "rows from this day on (UTC)"),
	EDU_OPT_DATE("until", &log_opt.until, "rows up to and including this day (UTC)"),
	EDU_OPT_TEXT("user", &log_opt.user, "LOGIN", "rows of this user"),
	EDU_OPT_TEXT("tool", &log_opt.tool, "TOOL", "rows of this tool (edu-school, ...)"),
	EDU_OPT_TEXT("key", &log_opt.key, "KEY", "rows about this record (a school code, ...)"),
	EDU_OPT_END
};

static int db_log(struct edu_cmd *c)
{
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT id, at, user, tool, verb, entity, key, change FROM audit "
		"WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2) "
		"AND (?3 IS NULL OR user = ?3) AND (?4 IS NULL OR tool = ?4) "
		"AND (?5 IS NULL OR key = ?5) ORDER BY id");
	char since[11], until[11];

	/* --until is inclusive: everything before the next day. */
	edu_bind_text(st, 1, log_opt.since >= 0 ? edu_date_str(log_opt.since, since) : NULL);
	edu_bind_text(st, 2, log_opt.until >= 0 ? edu_date_str(log_opt.until + 1, until) : NULL);
	edu_bind_text(st, 3, log_opt.user);
	edu_bind_text(st, 4, log_opt.tool);
	edu_bind_text(st, 5, log_opt.key);
	long n = edu_print_stmt(st, 0);
	return n ? 0 : EDU_NO;
}

/* ---- calendar ---------------------------------------------------------- */

static const struct edu_enum day_kinds[] = {
	{ "holiday", "假日|节假日|休息日|放假" },
	{ "workday", "工作日|上班|补班|调休上班" },
	{ NULL, NULL }
};

static const struct edu_col calendar_cols[] = {
	{ .name = "day", .aliases = "日期", .type = EDU_C_DATE, .flags = EDU_C_KEY },
	{ .name = "kind", .aliases = "类型|安排", .type = EDU_C_ENUM,
	  .flags = EDU_C_REQUIRED, .values = day_kinds },
};

/* What the import's recount did, told once it is committed. */
static struct edu_deadline_recount recount;

/* The rows are in: the provisional deadlines counted again, in the
 * import's transaction (libedu/deadline.c). */
static void calendar_after(sqlite3 *db)
{
	edu_deadline_recount(db, &recount);
}

static const struct edu_entity calendar_entity = {
	.table = "calendar", .what = "day", .cols = calendar_cols, .ncols = 2,
	.after = calendar_after,
};

static int calendar_import(struct edu_cmd *c)
{
	int status = edu_import(c->db, &calendar_entity, c->argc, c->argv);

	if ((status == 0 || status == EDU_NO) && !edu_opt.quiet && recount.recounted) {
		edu_warn("%ld provisional deadline%s counted again, %ld moved, %ld still provisional",
			 recount.recounted, recount.recounted == 1 ? "" : "s", recount.nmoved,
			 recount.still);
		fputs(recount.moved.s, stderr);
	}
	edu_buf_free(&recount.moved);
	return status;
}

static long cal_year;		/* 0: every year */
static int cal_workdays;

static const struct edu_option calendar_list_opts[] = {
	EDU_OPT_LONG("year", &cal_year, "YEAR", 1900, 9999, "only this year's days"),
	EDU_OPT_END
};

static int calendar_list(struct edu_cmd *c)
{
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT day, kind FROM calendar WHERE ?1 IS NULL OR substr(day, 1, 4) = ?1 "
		"ORDER BY day");
	char year[8];

	snprintf(year, sizeof year, "%ld", cal_year);
	edu_bind_text(st, 1, cal_year ? year : NULL);
	edu_print_stmt(st, 0);
	return 0;
}

static const struct edu_option calendar_due_opts[] = {
	EDU_OPT_FLAG("workdays", &cal_workdays, "count working days only (periods of 3, 5, 7 or 10 days in reconsideration)"),
	EDU_OPT_END
};

static int calendar_due(struct edu_cmd *c)
{
	int start = edu_arg_date("START", c->argv[0]);
	long n = edu_arg_long("DAYS", c->argv[1], 0, 100000);
	char d[11];

	int due = cal_workdays ? edu_due_workdays(c->db, start, (int)n)
			       : edu_due_days(c->db, start, (int)n);
	printf("%s\n", edu_date_str(due, d));
	int y = edu_calendar_missing_year(c->db, start, due);
	if (y && !edu_opt.quiet)
		edu_warn("%s is provisional: the calendar has no days of %d, so its holidays "
			 "are not counted (import them with 'edu-db calendar import')", d, y);
	return 0;
}

/* calendar check: the years the calendar lacks that matter now: the year
 * of --on, the next one from 1 December (its notice is published in
 * November), and each year a provisional deadline is counted across
 * (libedu/deadline.c), with the number of such deadlines.  Exit 1 when
 * there is any. */
static int calendar_check(struct edu_cmd *c)
{
	static const char *const cols[] = { "year", "open_deadlines", "note" };
	int y, m, d, lo, hi, rows = 0, plo, phi;

	edu_ymd(edu_opt.on, &y, &m, &d);
	lo = y;
	hi = m == 12 ? y + 1 : y;
	if (edu_deadline_span(c->db, &plo, &phi)) {
		lo = plo < lo ? plo : lo;
		hi = phi > hi ? phi : hi;
	}
	struct edu_out *o = edu_out_new(stdout, 3, cols);
	for (int year = lo; year <= hi; year++) {
		char ys[8], n[24];

		if (!edu_calendar_missing_year(c->db, edu_days(year, 1, 1), edu_days(year, 1, 1)))
			continue;
		long count = edu_deadline_count(c->db, year);
		if (!count && year != y && !(year == y + 1 && m == 12))
			continue;
		snprintf(ys, sizeof ys, "%d", year);
		snprintf(n, sizeof n, "%ld", count);
		edu_out_cell(o, ys, EDU_V_NUM);
		edu_out_cell(o, n, EDU_V_NUM);
		edu_out_cell(o, count
			     ? "the deadlines counted across it are provisional until it is imported"
			     : year > y ? "next year's holidays are published in November: import them"
			     : "this year has no calendar", EDU_V_TEXT);
		rows++;
	}
	edu_out_end(o);
	return rows ? EDU_NO : 0;
}

/* ---- query, runs -------------------------------------------------------- */

/* Functions a query may not call: loading code, and blobs made to any
 * size on demand (memory for nothing). */
static const char *const refused_functions[] = {
	"load_extension", "zeroblob", "randomblob", "fts3_tokenizer", NULL
};
static const char *refused_function;	/* the one the authorizer denied */

/* A query's result text is capped: SQLite would build strings of 1 GB. */
#define QUERY_MAX_LENGTH 10000000

/* Reads only: no ATTACH (it could create files), no writes of any kind. */
static int read_only(void *arg, int action, const char *a, const char *b,
		     const char *dbname, const char *trigger)
{
	(void)arg; (void)a; (void)dbname; (void)trigger;
	switch (action) {
	case SQLITE_FUNCTION:
		for (const char *const *f = refused_functions; *f; f++)
			if (b && !strcasecmp(b, *f)) {
				refused_function = *f;
				return SQLITE_DENY;
			}
		return SQLITE_OK;
	case SQLITE_SELECT:
	case SQLITE_READ:
	case SQLITE_RECURSIVE:
		return SQLITE_OK;
	case SQLITE_PRAGMA:
		return SQLITE_OK;	/* query_only below stops writing ones */
	default:
		return SQLITE_DENY;
	}
}

/* The query failed while it ran: the statement is the caller's input. */
static _Noreturn void query_failed(sqlite3 *db, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_ERROR:
	case SQLITE_TOOBIG:
	case SQLITE_RANGE:
	case SQLITE_MISMATCH:
	case SQLITE_AUTH:
		edu_die(EDU_EDATA, "query: %s", sqlite3_errmsg(db));
	default:
		edu_die_db(db, "query");
	}
}

static int db_query(struct edu_cmd *c)
{
	sqlite3_stmt *st;
	const char *tail;
	int rc;

	sqlite3_exec(c->db, "PRAGMA query_only=ON", NULL, NULL, NULL);
	sqlite3_limit(c->db, SQLITE_LIMIT_LENGTH, QUERY_MAX_LENGTH);
	sqlite3_set_authorizer(c->db, read_only, NULL);
	if (sqlite3_prepare_v2(c->db, c->argv[0], -1, &st, &tail) != SQLITE_OK) {
		if (refused_function)
			edu_die(EDU_EDATA, "query: the function %s is not allowed",
				refused_function);
		if (sqlite3_errcode(c->db) == SQLITE_AUTH)
			edu_die(EDU_ENOPERM, "query: only reading statements are allowed");
		edu_die(EDU_EUSAGE, "query: %s", sqlite3_errmsg(c->db));
	}
	if (!st)
		edu_die(EDU_EUSAGE, "query: no statement given");
	if (tail[strspn(tail, " \t\r\n;")])
		edu_die(EDU_EUSAGE, "query: give one statement only");
	if (!sqlite3_stmt_readonly(st))
		edu_die(EDU_ENOPERM, "query: only reading statements are allowed");

	struct edu_out *o = edu_out_for_stmt(stdout, st);
	long n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		edu_out_stmt_row(o, st);
		n++;
	}
	if (rc != SQLITE_DONE)
		query_failed(c->db, rc);
	edu_out_end(o);
	sqlite3_finalize(st);
	return n ? 0 : EDU_NO;
}

static int db_runs(struct edu_cmd *c)
{
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT id, tool, verb, user, started, finished, counts, status, "
		"numbered, first_no, last_no, numbers FROM run ORDER BY id");
	edu_print_stmt(st, 0);
	return 0;
}

static const struct edu_verb verbs[] = {
	{ .name = "init", .run = db_init, .flags = EDU_V_NODB,
	  .summary = "create a new database; you become its admin",
	  .doc = "Create a new database (mode 0660) with the current schema; the user "
	  "who runs it becomes admin.  Refuses a file that exists (exit 73)." },
	{ .name = "migrate", .run = db_migrate, .roles = "admin",
	  .flags = EDU_V_WRITE | EDU_V_ANYVERSION,
	  .summary = "bring the schema up to this version of the tools" },
	{ .name = "check", .run = db_check, .roles = "auditor", .flags = EDU_V_CHECK,
	  .opts = check_opts,
	  .summary = "verify integrity, foreign keys and the audit chain",
	  .doc = "Run SQLite's integrity and foreign key checks, compare the schema "
	  "objects with those of the schema version and verify the hash chain "
	  "of the audit log (and, with --head, its last kept head); print a "
	  "line per problem.  Exit 0 when all hold, 1 otherwise." },
	{ .name = "backup", .run = db_backup, .args_doc = "FILE", .min_args = 1, .max_args = 1,
	  .roles = "auditor",
	  .summary = "copy the database consistently while others write" },
	{ .name = "config list", .run = config_list,
	  .summary = "list the settings with their defaults" },
	{ .name = "config get", .run = config_get, .args_doc = "KEY", .min_args = 1, .max_args = 1,
	  .summary = "print a setting's value" },
	{ .name = "config set", .run = config_set, .args_doc = "KEY VALUE", .min_args = 2,
	  .max_args = 2, .roles = "admin", .flags = EDU_V_WRITE,
	  .summary = "change a setting" },
	{ .name = "config unset", .run = config_unset, .args_doc = "KEY", .min_args = 1,
	  .max_args = 1, .roles = "admin", .flags = EDU_V_WRITE,
	  .summary = "take a setting's stored value away: its default applies again" },
	{ .name = "user list", .run = user_list, .roles = "auditor",
	  .summary = "list users and their roles" },
	{ .name = "user add", .run = user_add, .args_doc = "LOGIN ROLE", .min_args = 2,
	  .max_args = 2, .roles = "admin", .flags = EDU_V_WRITE,
	  .summary = "give a user a role (or change it)",
	  .doc = "Give LOGIN the ROLE: admin, registrar, petitions, personnel, assets, "
	  "documents or auditor." },
	{ .name = "user remove", .run = user_remove, .args_doc = "LOGIN", .min_args = 1,
	  .max_args = 1, .roles = "admin", .flags = EDU_V_WRITE,
	  .summary = "take a user's role away" },
	{ .name = "log", .run = db_log, .roles = "auditor", .opts = log_opts,
	  .summary = "show the audit log",
	  .doc = "Print the audit log (exit 1 when no row matches)." },
	{ .name = "calendar import", .run = calendar_import, .args_doc = "[FILE...]",
	  .max_args = EDU_ANY, .roles = "admin", .flags = EDU_V_WRITE | EDU_V_IMPORT,
	  .summary = "add holidays and make-up working days (day,kind)",
	  .doc = "Import the calendar: CSV columns day and kind (holiday or workday)." },
	{ .name = "calendar list", .run = calendar_list, .opts = calendar_list_opts,
	  .summary = "list the calendar's days" },
	{ .name = "calendar due", .run = calendar_due, .args_doc = "START DAYS", .min_args = 2,
	  .max_args = 2, .opts = calendar_due_opts,
	  .summary = "print the last day of a period",
	  .doc = "Print the due date of a period of DAYS days after START: the start "
	  "day is not counted, and a due day that is a day off moves to the next "
	  "working day.  With --workdays only working days count." },
	{ .name = "calendar check", .run = calendar_check,
	  .summary = "list the years the calendar lacks that deadlines need",
	  .doc = "List (year, open_deadlines, note) the years without calendar rows that "
	  "matter: the year of --on, the next one from 1 December, and each year an open "
	  "case's deadline is counted across, with the number of those deadlines, which "
	  "are provisional.  Exit 1 when there is any." },
	{ .name = "query", .run = db_query, .args_doc = "SQL", .min_args = 1, .max_args = 1,
	  .roles = "auditor",
	  .summary = "run a read-only SQL query" },
	{ .name = "runs", .run = db_runs, .roles = "auditor",
	  .summary = "list batch runs" },
	{ 0 }
};

static const struct edu_tool tool = {
	.name = "edu-db",
	.summary = "edu-db -- the edu database: create, migrate, check, back up; "
		   "settings, users, audit log, calendar, queries",
	.verbs = verbs,
};

int main(int argc, char **argv)
{
	return edu_main(&tool, argc, argv);
}
