/*
 * edu.h - the one public header of libedu, the library shared by the edu-*
 * tools.  Grouped by the source file that implements each part.
 *
 * Ownership: a function that returns `char *` returns memory the caller
 * frees with free(); `const char *` results belong to the object they came
 * from and live as long as it.  Functions that can fail report the error on
 * stderr themselves and return -1 (or NULL); edu_die() is for the top.
 */
#ifndef EDU_H
#define EDU_H

#include <argp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <sqlite3.h>

/* ---- err.c: errors, exit status, memory ------------------------------ */

/* Exit status, DESIGN 5 (the values of sysexits.h). */
enum {
	EDU_OK = 0,
	EDU_NO = 1,		/* a negative answer: nothing matched, ... */
	EDU_EUSAGE = 64,
	EDU_EDATA = 65,
	EDU_ENOINPUT = 66,
	EDU_ESOFTWARE = 70,
	EDU_ECANTCREAT = 73,
	EDU_EIO = 74,
	EDU_ETEMPFAIL = 75,
	EDU_ENOPERM = 77,
	EDU_ECONFIG = 78,
	/* Not in sysexits.h: the change was committed, but its output
	 * could not be written (a closed pipe, a full disk).  A script must
	 * not run the command again: stderr names what was committed (the
	 * numbers handed out, or the run) and `edu-db runs` keeps them.  A
	 * failed write before the commit rolls back and is 74. */
	EDU_ECOMMITTED = 79,
};

extern const char *edu_prog;	/* "edu-school", for messages */

/* A message on stderr: "PROG: MESSAGE"; a format ending in ':' adds the
 * errno text. */
void edu_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Called before a message, when set: a progress line (progress.c) takes
 * itself off the terminal so the message starts a line of its own. */
extern void (*edu_before_warn)(void);
/* In a forked helper process (sheet.c's .xls reader): edu_die and the
 * output errors end it with _exit, so that the parent's atexit work
 * (pending output files, stdout) is not done twice, and warnings do not
 * touch the parent's terminal line. */
void edu_forked(void);
/* edu_warn() then exit(status). */
_Noreturn void edu_die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* edu_warn() and return -1, so callers can `return edu_error(...)`. */
int edu_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Flush and close stdout; a failed write becomes exit 74, or 79 once a
 * change was committed.  Called last by every main, through edu_main(). */
void edu_close_stdout(void);
/* Note that a transaction committed `what` ("西教发〔2026〕12号 (run 7)"):
 * from now on a failed write on stdout is exit 79 naming it. */
void edu_committed(const char *what);
/* Stdout could not be written (errnum): exit 79 naming what was
 * committed, else 74 (quietly for a closed pipe: its reader chose to
 * stop). */
_Noreturn void edu_die_output(int errnum);

void *edu_malloc(size_t n);
void *edu_realloc(void *p, size_t n);
char *edu_strdup(const char *s);
char *edu_strndup(const char *s, size_t n);
char *edu_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable string. */
struct edu_buf {
	char *s;
	size_t len, cap;
};
void edu_buf_add(struct edu_buf *b, const char *s, size_t n);
void edu_buf_puts(struct edu_buf *b, const char *s);
void edu_buf_printf(struct edu_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void edu_buf_json(struct edu_buf *b, const char *s);	/* a JSON string */
void edu_buf_free(struct edu_buf *b);

/* ---- near.c: "did you mean ...?" (base) -------------------------------- */

/* The name nearest to a misspelt word, by edit distance (a swap of two
 * neighbours is one edit), among the names tried; none when the nearest
 * is further than a slip of a finger.  Case is ignored, and a Chinese
 * character counts one.
 *
 *	struct edu_near n;
 *	edu_near_init(&n, word);
 *	for (each name) edu_near_try(&n, name, strlen(name));
 *	if (edu_near_best(&n)) ... "did you mean %s?"
 */
struct edu_near {
	const char *word;	/* the caller's, for as long as n is used */
	int dist;		/* of best; -1 for none yet */
	char best[200];
};
void edu_near_init(struct edu_near *n, const char *word);
/* Try the len bytes at name (a name in a list need not end in '\0'). */
void edu_near_try(struct edu_near *n, const char *name, size_t len);
/* The nearest name, held in n, or NULL when none is near. */
const char *edu_near_best(const struct edu_near *n);

/* ---- cli.c: common options, verb tables, main ------------------------ */

enum edu_format { EDU_FMT_CSV, EDU_FMT_TSV, EDU_FMT_TABLE, EDU_FMT_JSON, EDU_FMT_XLSX };

/* The options of DESIGN 3, accepted before or after the verb.  Only the
 * cli layer (cli.c, drive.c) and the command files read them; cli.c hands
 * the layers below what they need (edu_db_session, edu_csv_encoding,
 * edu_out_defaults, edu_progress_quiet, edu_import_options). */
struct edu_opts {
	const char *db;		/* --db, else $EDU_DB, else ./edu.db */
	enum edu_format format;
	int excel;
	const char *encoding;	/* NULL or "utf-8": UTF-8; else for iconv */
	int dry_run;
	int quiet;
	int on;			/* --on, as a day number; default today */
	int on_given;		/* --on was given: a verb may default otherwise */
};
extern struct edu_opts edu_opt;
extern const char *edu_verb_name;	/* for audit rows: "licence set" */

/* Options of every `import`: --upsert --reject --ignore-extra. */
struct edu_import_opts {
	int upsert;
	const char *reject;
	int ignore_extra;
	const char *sheet;	/* --sheet: of a workbook */
};
extern struct edu_import_opts edu_import_opt;
/* What edu_import() takes them from: the cli layer says it once. */
void edu_import_options(const struct edu_import_opts *o);

/* What a verb may do: its access check runs before it does. */
enum edu_verb_flags {
	EDU_V_NODB = 1,		/* opens no database (edu-db init) */
	EDU_V_WRITE = 2,	/* changes the database: needs write access */
	EDU_V_ANYVERSION = 4,	/* runs on any schema version (migrate) */
	EDU_V_IMPORT = 8,	/* takes the import options */
	EDU_V_CHECK = 16,	/* a damaged file is its negative answer (exit 1) */
};

/* One option of a verb in one row: its name, where its value goes, and
 * its help, bound together as git's parse-options binds them.  The value
 * is checked as it is parsed; a bad one is exit 64 naming the option. */
enum edu_otype {
	EDU_O_TEXT,	/* const char *: the text as given */
	EDU_O_FLAG,	/* int: set to 1 */
	EDU_O_LONG,	/* long: a whole number from min to max */
	EDU_O_DATE,	/* int: a day number (any form edu_parse_date takes) */
	EDU_O_ENUM,	/* const char *: the key of one of values (or its
			 * Chinese name) */
	EDU_O_FILTER,	/* struct edu_filters: column = value, the column
			 * named as the option; once each */
	EDU_O_DIGITS,	/* const char *: exactly min ASCII digits (a code) */
	EDU_O_NAME,	/* const char *: a person's name, without the blanks
			 * around it (edu_name_trim); blanks only is refused */
};
struct edu_option {
	const char *name;		/* "number" for --number */
	const char *arg;		/* the value's name in --help: "N" */
	enum edu_otype type;
	void *var;			/* where the value goes */
	const char *help;
	long min, max;			/* EDU_O_LONG */
	const struct edu_enum *values;	/* EDU_O_ENUM */
};
/* var must point to the type the kind fills, or the build fails. */
#define EDU_OPT_VAR(type, var) \
	((var) + 0 * sizeof(char[__builtin_types_compatible_p(__typeof__(var), type *) ? 1 : -1]))
#define EDU_OPT_TEXT(name, var, arg, help) \
	{ name, arg, EDU_O_TEXT, EDU_OPT_VAR(const char *, var), help, 0, 0, NULL }
#define EDU_OPT_FLAG(name, var, help) \
	{ name, NULL, EDU_O_FLAG, EDU_OPT_VAR(int, var), help, 0, 0, NULL }
#define EDU_OPT_LONG(name, var, arg, min, max, help) \
	{ name, arg, EDU_O_LONG, EDU_OPT_VAR(long, var), help, min, max, NULL }
#define EDU_OPT_DATE(name, var, help) \
	{ name, "DATE", EDU_O_DATE, EDU_OPT_VAR(int, var), help, 0, 0, NULL }
#define EDU_OPT_ENUM(name, var, arg, values, help) \
	{ name, arg, EDU_O_ENUM, EDU_OPT_VAR(const char *, var), help, 0, 0, values }
#define EDU_OPT_DIGITS(name, var, arg, n, help) \
	{ name, arg, EDU_O_DIGITS, EDU_OPT_VAR(const char *, var), help, n, n, NULL }
#define EDU_OPT_NAME(name, var, arg, help) \
	{ name, arg, EDU_O_NAME, EDU_OPT_VAR(const char *, var), help, 0, 0, NULL }
#define EDU_OPT_FILTER(name, var, arg, help) \
	{ name, arg, EDU_O_FILTER, EDU_OPT_VAR(struct edu_filters, var), help, 0, 0, NULL }
#define EDU_OPT_END { NULL, NULL, 0, NULL, NULL, 0, 0, NULL }

/* The filters of a list verb, gathered by EDU_O_FILTER options. */
#define EDU_MAX_FILTERS 16
struct edu_filters {
	int n;
	struct edu_filter {
		const char *col;
		const char *value;
	} f[EDU_MAX_FILTERS];
};

struct edu_cmd;
/* A verb in one row, with designated initialisers:
 *   { .name = "licence set", .run = licence_set, .args = "CODE",
 *     .min_args = 1, .max_args = 1, .roles = "registrar",
 *     .flags = EDU_V_WRITE, .opts = licence_set_opts,
 *     .summary = "record a private school's licence" }, */
#define EDU_ANY (-1)		/* max_args: any number */
struct edu_verb {
	const char *name;	/* "import", or two words: "licence set" */
	const char *summary;	/* one line, for `edu-X --help` */
	const char *args_doc;	/* "CODE", "[FILE...]" */
	const char *doc;	/* longer text for `edu-X VERB --help` */
	const struct argp_option *options;	/* raw argp options, */
	argp_parser_t parser;	/* with their parser (NULL: none); */
	int min_args, max_args;	/* positional arguments; max EDU_ANY: any */
	const char *roles;	/* who may: "admin registrar"; NULL: any role */
	int flags;
	int (*run)(struct edu_cmd *c);
	const struct edu_option *opts;	/* or option rows, EDU_OPT_END ended */
};

/* What a verb's function is handed. */
struct edu_cmd {
	const struct edu_verb *verb;
	int argc;		/* positional arguments after the options */
	char **argv;
	sqlite3 *db;		/* open, checked; NULL with EDU_V_NODB */
	const char *user;	/* the real user's login */
	const char *role;	/* the user's role, "" for none */
	int on;			/* --on, a day number (default today) */
};

struct edu_tool {
	const char *name;	/* "edu-school" */
	const char *summary;
	const struct edu_verb *verbs;	/* ends with a zeroed entry */
};

/* Parse argv, open the database, check access, run the verb, close
 * stdout: a tool's main is `return edu_main(&tool, argc, argv);`. */
int edu_main(const struct edu_tool *t, int argc, char **argv);

/* The path the tools use: --db, $EDU_DB, ./edu.db. */
const char *edu_db_path(void);
/* Parse an option value with the option's name in the message: exit 64. */
long edu_arg_long(const char *opt, const char *s, long min, long max);
int edu_arg_date(const char *opt, const char *s);	/* day number */
/* A required option: exit 64 naming it when value is NULL. */
void edu_need(const void *value, const char *option);
/* The same for a text option, which may not be empty either. */
void edu_need_text(const char *value, const char *option);
/* A lottery seed when none was given: random, and said on stderr (unless
 * --quiet) so that the draw can be repeated with --seed. */
uint64_t edu_lottery_seed(void);

/* ---- sql.c: statements, transactions, the session (base) ------------ */

/* The store (db, audit, run, access) and the engine (entity) never read
 * the command line: the cli layer describes the run once, before it
 * opens the database. */
struct edu_session {
	const char *tool;	/* "edu-school": audit rows, the ledger */
	const char *verb;	/* "licence set" */
	const char *user;	/* the real user's login */
	int dry_run;		/* edu_finish() rolls back */
	int quiet;		/* no notices on stderr */
	int on;			/* --on, a day number; 0: today */
};
void edu_db_session(const struct edu_session *s);
const struct edu_session *edu_session(void);
/* A file that keeps prepared statements per handle registers how to
 * drop them; they are dropped at every commit and at close. */
void edu_db_cache(void (*forget)(void));
void edu_forget_caches(void);
/* The busy timeout in ms: 30 s, or $EDU_BUSY_TIMEOUT (not setgid). */
int edu_busy_ms(void);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; busy past the timeout exits 75.
 * Stdout is held from the begin to the end (edu_out_hold): the commit
 * prints it, exit 79 when it cannot; a rollback drops it. */
void edu_begin(sqlite3 *db);
void edu_commit(sqlite3 *db);
void edu_rollback(sqlite3 *db);
/* COMMIT, or in a dry run (edu_session) ROLLBACK, print what it would
 * have printed and say so. */
void edu_finish(sqlite3 *db);
/* What another file does when a transaction begins, is about to commit,
 * has committed, or rolls back; registered once, each may be NULL. */
struct edu_tx_hooks {
	void (*begin)(void);
	int (*precommit)(void);		/* -1 with errno: roll back, exit 74 */
	void (*commit)(void);		/* the last registered first */
	void (*rollback)(int shown);	/* shown: a dry run, print its output */
};
void edu_tx_hooks(const struct edu_tx_hooks *h);

/* Die with the exit status that fits SQLite's error code (busy 75, read
 * only / auth 77, I/O and full disk 74, else 70). */
_Noreturn void edu_die_db(sqlite3 *db, const char *what);
/* The exit status for a damaged file (SQLITE_CORRUPT, NOTADB): 65, or 1
 * for a verb whose answer it is (EDU_V_CHECK). */
extern int edu_damaged_status;
/* Prepare or die. */
sqlite3_stmt *edu_prepare(sqlite3 *db, const char *sql);
/* Step a statement that returns no row (or ignores them); die on error. */
void edu_exec_stmt(sqlite3 *db, sqlite3_stmt *st);
/* Run SQL with text parameters (NULL binds NULL); returns
 * sqlite3_changes() or dies. */
int edu_exec(sqlite3 *db, const char *sql, int n, const char *const *params);
/* The first column of the first row as a malloc'd string, or NULL. */
char *edu_query1(sqlite3 *db, const char *sql, int n,
		 const char *const *params);
/* Bind a text value, with "" and NULL both bound as NULL. */
void edu_bind_text(sqlite3_stmt *st, int i, const char *s);

/* ---- db.c: open, create, migrate (store) ------------------------------ */

#define EDU_DB_DEFAULT "edu.db"

/* The number of migrations compiled into this library. */
int edu_schema_version(void);
/* Create a new database at path (mode 0660, all migrations, the user as
 * admin); refuses an existing file (exit 73 at the top). */
int edu_db_create(const char *path, const char *user);
/* Open an existing database: exit 66 when missing, 78 on a version
 * mismatch unless anyversion, 77 when the file cannot be opened for
 * writing and `write` is set. */
sqlite3 *edu_db_open(const char *path, int write, int anyversion);
void edu_db_close(sqlite3 *db);
int edu_db_user_version(sqlite3 *db);
/* Apply the migrations after the file's version; returns how many. */
int edu_db_migrate(sqlite3 *db);
/* Compare the file's tables, indexes, triggers and views with those of a
 * fresh database of this schema version; print a line on out for each one
 * missing, changed or extra, and return how many. */
int edu_db_schema_check(sqlite3 *db, FILE *out);

/* ---- priv.c: the setgid group's rights (DESIGN 7, 11) --------------- */

/* The installed database, compiled in (make SYSTEM_DB=...). */
const char *edu_system_db(void);
/* First thing in a tool: a setgid process puts the group's rights aside
 * (effective gid = real gid; the saved one kept for the database). */
void edu_priv_init(void);
/* Was the process started setgid (a group other than the user's)? */
int edu_priv_setgid(void);
/* The database when no --db is given: EDU_SYSTEM_DB when setgid, else
 * ./edu.db ($EDU_DB is read before, by edu_db_path). */
const char *edu_db_default(void);
/* Before opening the database at path: for the installed database the
 * group's rights come back (after checking that its -wal, -shm and
 * -journal are its owner's: exit 77) and 1 is returned; for any other
 * path they are given up for good and 0 is returned. */
int edu_priv_open_db(const char *path);
/* Give the group's rights up for good (the database is open). */
void edu_priv_drop(void);
/* The database path given to the last open, or NULL. */
const char *edu_priv_db(void);

/* ---- outfile.c: the files the tools write (edu(7) SECURITY) --------- */

/* A new file that appears under its name complete or not at all.  It is
 * made with the caller's own rights in the target's directory, written
 * only through fd, and linked under its name by edu_outfile_commit
 * without replacing anything.  A name that exists (a link too) and the
 * database's own paths (the file, -wal, -shm, -journal, also of the
 * installed database) exit 73.  Until edu_outfile_close the file is
 * removed when the process exits. */
struct edu_outfile {
	int fd;
	char *path;
	char *tmp;		/* its hidden name, or NULL: unnamed */
	int linked;
};
/* The checks alone (a dry run): exit 73 when path may not be made. */
void edu_outfile_check(const char *path);
/* Make it with mode (whatever the umask): exit 73 when it cannot be.
 * the_db: it is to be the database (edu_db_create), so not refused as
 * one of its paths. */
void edu_outfile_open(struct edu_outfile *o, const char *path, mode_t mode,
		      int the_db);
/* Write it all: exit 74 on an error. */
void edu_outfile_write(struct edu_outfile *o, const void *p, size_t n);
/* fsync and link under its name: exit 74 on a write error, 73 when the
 * name was taken meanwhile. */
void edu_outfile_commit(struct edu_outfile *o);
/* Keep it (after commit) and close; or remove whatever was made. */
void edu_outfile_close(struct edu_outfile *o);
void edu_outfile_abort(struct edu_outfile *o);

/* The file of --reject: NULL for a NULL path; with --dry-run checked but
 * not made (its rows go nowhere).  Rows are written to
 * edu_reject_file(); edu_reject_flush() before the commit writes them
 * out and links the file in (exit 74, nothing committed, no file, when
 * that fails); edu_reject_close() after the commit keeps it, or after a
 * rollback (keep 0) removes it. */
struct edu_reject;
struct edu_reject *edu_reject_open(const char *path);
FILE *edu_reject_file(struct edu_reject *r);
void edu_reject_flush(struct edu_reject *r);
void edu_reject_close(struct edu_reject *r, int keep);

/* ---- access.c: users and roles (DESIGN 7) --------------------------- */

/* The real user's login name (from the real uid). */
const char *edu_login(void);
int edu_role_valid(const char *role);
extern const char *const edu_roles[];	/* NULL-terminated */
/* The user's role, or "" when none. */
char *edu_user_role(sqlite3 *db, const char *login);
/* May a user with `role` run a verb that needs one of `roles` (a space
 * separated list; NULL: any role)?  Exits 77 when not. */
void edu_access(const char *login, const char *role, const char *roles);

/* ---- seq.c: settings and sequences ---------------------------------- */

/* The value of a setting, or a copy of dflt when unset. */
char *edu_setting(sqlite3 *db, const char *key, const char *dflt);
/* Check a value for a known key; 0 or -1 with a message. */
int edu_setting_check(const char *key, const char *value);
struct edu_setting_def {
	const char *key, *dflt, *doc;
	int (*check)(const char *value, char *err);
};
extern const struct edu_setting_def edu_settings[];	/* NULL-key ended */
const struct edu_setting_def *edu_setting_def(const char *key);
/* The next number of scope inside the caller's transaction. */
int64_t edu_seq_next(sqlite3 *db, const char *scope);
/* How many numbers edu_seq_next() has handed out in this process: a key
 * made while it grew is a number handed out, not one derived. */
long edu_seq_drawn(void);
/* The widest serial of a number pattern, {seq:12}. */
#define EDU_SEQ_WIDTH_MAX 12
/* Check a number pattern: exactly one {seq:N} with N from 1 to
 * EDU_SEQ_WIDTH_MAX, and no placeholder but those in names (NULL-ended;
 * names NULL: any).  0, or -1 with the reason in err. */
int edu_pattern_check(const char *pattern, const char *const *names, char *err);

/* ---- audit.c: the append-only, hash-chained audit log ---------------- */

/* Audit a record's change: with old NULL, a new record's fields; else
 * the fields that differ as [old, new].  Returns 1 when it wrote a row,
 * 0 when nothing differed. */
int edu_audit_change(sqlite3 *db, const char *entity, const char *key, int n,
		     const char *const *names, const char *const *old,
		     const char *const *new);
/* Append an audit row in the caller's transaction: now, the user, the
 * tool and verb, entity, key, and what changed (JSON text). */
void edu_audit(sqlite3 *db, const char *entity, const char *key,
	       const char *change);
/* Verify the chain: 0 when it holds, else the number of bad rows, each
 * reported on stdout as a line. */
int edu_audit_verify(sqlite3 *db, FILE *out);
/* The last row's id and hash; 0 when the log is empty. */
int edu_audit_head(sqlite3 *db, long *id, char hash[65]);
/* Check that row id still holds hash (a head kept from an earlier check);
 * print a line on out and return 1 if not. */
int edu_audit_verify_head(sqlite3 *db, long id, const char *hash, FILE *out);
/* Drop the statements kept for a handle (before closing it). */
void edu_audit_forget(void);
/* ---- event.c: corrections: events listed, voided, corrected (store) -- */

/* One event as a tool's rules see it when it is voided (texts of the
 * event row, valid during the call). */
struct edu_event {
	long long id;
	const char *key;	/* its record's key */
	const char *kind;	/* "dispose", "reply", ... */
	const char *day;
	const char *old;	/* the JSON of what it changed, before; or NULL */
};
/* A tool's event table (issue 17).  The table has columns id, day,
 * void_on, void_by, void_reason, the record's key and the event's kind;
 * one with `old` and `new` (JSON objects of the record's columns an event
 * changed, before and after) is set back from `old`. */
struct edu_event_table {
	const char *table;	/* "asset_event" */
	const char *subject;	/* the register, also the audit entity: "asset" */
	const char *key;	/* the record's key, in both: "tag" */
	const char *kind;	/* the column naming the event: "kind" */
	/* NULL, or how messages and the audit name an event, when the kind
	 * alone says too little (SQL over the event's columns). */
	const char *label;
	const char *noun;	/* for messages: "asset" */
	const char *list;	/* what `events` prints after the number */
	int first_made;		/* a record's first event is made with it */
	/* NULL-terminated: the record's columns an event's `old` sets back;
	 * NULL for a table without `old`, set back by undo. */
	const char *const *restore;
	/* NULL-terminated: the columns whose change by import --upsert is
	 * a `corrected` event; NULL: none (or a trigger records it). */
	const char *const *tracked;
	/* NULL, or the record's columns a `corrected` event copies, by the
	 * same names: "status, department". */
	const char *copy;
	/* NULL, or what else depends on an event: -1 with the reason and
	 * what to do first in why (EDU_ERR_MAX), else 0. */
	int (*refuse)(sqlite3 *db, const struct edu_event *e, char *why);
	/* For a table without `old`: set the record back to its state
	 * before e (marked void already), each change noted in changes
	 * (edu_event_change). */
	void (*undo)(sqlite3 *db, const struct edu_event *e, struct edu_buf *changes);
};
/* Is there a record `key`? */
int edu_event_subject(sqlite3 *db, const struct edu_event_table *t, const char *key);
/* The events of one record (key) or of all (NULL), void ones too, in
 * order: event (the number), t->list, void_on, void_by, void_reason. */
sqlite3_stmt *edu_events_stmt(sqlite3 *db, const struct edu_event_table *t,
			      const char *key);
/* Void event id in the open transaction: marked with when (UTC), the
 * session's user and reason, the record set back, one audit row
 * {"void":ID,"event":KIND,"day":..,"reason":..,"COL":[now,then]...}.
 * 0; 1 when there is no such event; -1 with the reason in why when it
 * is void already, a standing event of the record comes after it, it
 * made the record, it kept no `old` (before schema 019), or t->refuse
 * says no. */
int edu_event_void(sqlite3 *db, const struct edu_event_table *t, long long id,
		   const char *reason, char *why);
/* A record changed by import --upsert (n columns, names, before and
 * after): when a column of t->tracked differs, a `corrected` event with
 * the old and new of those and of the t->restore columns that differ,
 * on --on (or today) or the record's last event's day if later.  1 when
 * it wrote one. */
int edu_event_corrected(sqlite3 *db, const struct edu_event_table *t, int n,
			const char *const *names, const char *const *was,
			const char *const *now);
/* JSON objects of the columns that differ (only: NULL, or those i with
 * only[i] set), into old and new ({} when none); how many. */
int edu_event_diff(int n, const char *const *names, const char *const *was,
		   const char *const *now, const int *only, struct edu_buf *old,
		   struct edu_buf *new);
/* Append ,"col":[was,now] (JSON, null for NULL) to b. */
void edu_event_change(struct edu_buf *b, const char *col, const char *was,
		      const char *now);

/* ---- sha256.c: SHA-256 (FIPS 180-4) --------------------------------- */
struct edu_sha256 {
	uint32_t h[8];
	uint64_t len;		/* bytes added */
	unsigned char buf[64];
	size_t n;		/* bytes in buf */
};
void edu_sha256_init(struct edu_sha256 *s);
void edu_sha256_add(struct edu_sha256 *s, const void *data, size_t len);
void edu_sha256_end(struct edu_sha256 *s, unsigned char md[32]);

/* SHA-256 of data as 64 hex digits in hex[65]. */
void edu_sha256_hex(const void *data, size_t n, char hex[65]);
/* SHA-256 of a sequence of fields, each taken with its length (NULL is
 * distinct from ""); edu_digest_end frees it. */
struct edu_digest;
struct edu_digest *edu_digest_new(void);
void edu_digest_field(struct edu_digest *d, const char *s);
void edu_digest_end(struct edu_digest *d, char hex[65]);

/* ---- run.c: the batch-run ledger (DESIGN 9) -------------------------- */

struct edu_run {
	char started[32];
};
/* Note the time a run starts. */
void edu_run_start(struct edu_run *r);
/* Record the run in the caller's transaction, just before it commits:
 * counts is free text ("inserted=3 updated=1"); the numbers noted by
 * edu_run_number() go in with it. */
void edu_run_finish(sqlite3 *db, const struct edu_run *r, const char *counts,
		    int status);
/* Note a number (document, case, certificate, tag) handed out to a record
 * written in the open transaction.  The ledger keeps their count, the
 * first and the last, and all of them up to EDU_RUN_LISTED. */
#define EDU_RUN_LISTED 20
void edu_run_number(const char *no);
/* Forget the numbers noted (edu_begin and edu_rollback do). */
void edu_run_forget(void);
/* What the open transaction commits, for the message of exit 79 (each
 * commit names it): the numbers and the run ("西教发〔2026〕12号 (run 7)",
 * "300000 numbers, the first ... (run 8)", "run 9", "the change"),
 * malloc'd. */
char *edu_run_committed(void);

/* A run that wrote nothing (refused, rolled back): recorded in a
 * transaction of its own, so the ledger has it too. */
void edu_run_record(sqlite3 *db, const struct edu_run *r, const char *counts,
		    int status);

/* ---- progress.c ------------------------------------------------------ */

/* A progress line on stderr, only when it is a terminal and not --quiet;
 * at most a few times a second; after a second of work it adds the rate
 * and the time left.  total may be 0 when unknown. */
void edu_progress(const char *what, long done, long total);
/* The same for reading a file: rows so far, and done bytes of its size
 * (0 when unknown: a pipe), which say how far it has come. */
void edu_progress_read(const char *what, long rows, long long done, long long size);
/* The line either shows, after secs of work: "students.csv: 45% (12.3 MB
 * of 27.1 MB), 120000 rows, 85000 rows/s, 0:12 left" when size > 0, else
 * "inserting: 5000 of 20000 (25%), 8000/s, 0:02 left". */
char *edu_progress_text(const char *what, long count, long total,
			long long done, long long size, double secs);
/* No progress at all (-q; the cli layer sets it). */
void edu_progress_quiet(int quiet);
void edu_progress_end(void);

/* ---- date.c: dates and the working-day calendar --------------------- */

/* A date is a day number: days since 1970-01-01. */
int edu_days(int y, int m, int d);
void edu_ymd(int days, int *y, int *m, int *d);
/* The days the tools handle: 0001-01-01 to 9999-12-31 (four-digit years). */
#define EDU_DAY_MIN (-719162)
#define EDU_DAY_MAX 2932896
/* Format as YYYY-MM-DD into out[11]; a day outside the range above is
 * shown as its nearest end. */
char *edu_date_str(int days, char out[11]);
int edu_today(void);
int edu_weekday(int days);	/* 1 Monday .. 7 Sunday */
/* Add months, keeping the day or ending on the month's last day; a result
 * outside EDU_DAY_MIN..EDU_DAY_MAX is that end. */
int edu_add_months(int days, int months);
/* Parse YYYY-MM-DD, YYYY/M/D, YYYY年M月D日 (and YYYY-M-D); -1 when not a
 * valid date, else 0 and *days. */
int edu_parse_date(const char *s, int *days);

/* Is this day a working day by the calendar table (weekends are off unless
 * listed as workday; a listed holiday is off)?  Caches per handle. */
int edu_is_workday(sqlite3 *db, int day);
/* Next working day on or after day.  These three exit 65 when the day
 * they find falls after EDU_DAY_MAX. */
int edu_next_workday(sqlite3 *db, int day);
/* The last day of a period of n calendar days after start, moved to the
 * next working day when it is a day off. */
int edu_due_days(sqlite3 *db, int start, int n);
/* The n-th working day after start. */
int edu_due_workdays(sqlite3 *db, int start, int n);
/* The first year from that of `from` to that of `to` (day numbers) with
 * no row in the calendar table, or 0 when each has one.  A deadline
 * counted across such a year rests on weekends alone, the State
 * Council's holidays not yet known: provisional (DESIGN 11). */
int edu_calendar_missing_year(sqlite3 *db, int from, int to);
/* Drop the cached calendar (after a change, or a closed handle). */
void edu_calendar_forget(void);
/* How a deadline is counted from its start, in this order: months added
 * (the month's last day when it is shorter), then working days counted,
 * then calendar days added, and a day off moved to the next working
 * day.  Every period of the domain files is one of these, so a stored
 * deadline can be counted again from its recipe once the calendar of
 * the years it spans is known (deadline.c). */
struct edu_due {
	int start;	/* day number */
	int months, workdays, days;
};
/* The deadline of a recipe; exits 65 past EDU_DAY_MAX as the three
 * above. */
int edu_due(sqlite3 *db, const struct edu_due *r);

/* ---- valid.c: validators --------------------------------------------- */

/* Each validator normalises `in` into out (at least EDU_VAL_MAX bytes) and
 * returns 0, or returns -1 with a reason in err (EDU_ERR_MAX bytes). */
#define EDU_VAL_MAX 64
#define EDU_ERR_MAX 256

/* Resident ID, GB 11643: 18 chars with check char (x -> X), or 15 digits
 * upgraded to 18.  *birth and *male are set when not NULL. */
int edu_valid_id(const char *in, char *out, int *birth, int *male,
		 char *err);
/* The ISO 7064 MOD 11-2 check char of the first 17 digits. */
char edu_id_check_char(const char *first17);
/* Student number: G + ID, J + ID-shaped, L + area + birth + 4 digits. */
int edu_valid_student_no(const char *in, char *out, char *err);
/* Unified social credit code, GB 32100. */
int edu_valid_credit_code(const char *in, char *out, char *err);
char edu_credit_check_char(const char *first17);
/* Date in any accepted form, normalised to YYYY-MM-DD. */
int edu_valid_date(const char *in, char *out, char *err);
/* A normalised date of something that happened (born, acquired,
 * received, entered): not after `on` (--on, today by default). */
int edu_valid_past(const char *date, int on, char *err);
/* A name without the blanks around it (space, tab, the ideographic space
 * U+3000, the no-break space U+00A0): *start points at its first byte and
 * its length is returned, 0 for a name of blanks only. */
size_t edu_name_trim(const char *in, const char **start);
/* Mobile (1 + 10 digits) or landline (area-number[-ext]). */
int edu_valid_phone(const char *in, char *out, char *err);
/* Exactly n ASCII digits. */
int edu_valid_digits(const char *in, int n, char *out, char *err);
/* A whole number in [min, max]. */
int edu_valid_int(const char *in, long min, long max, char *out, char *err);
/* UTF-8 without NUL or control characters other than tab, CR, LF. */
int edu_valid_utf8(const char *s, size_t n, size_t *bad);
/* Is word one of the space-separated words of list ("admin registrar")? */
int edu_word_in(const char *list, const char *word);
/* Display width of UTF-8 text (CJK counts 2). */
size_t edu_text_width(const char *s);

/* Words with whole-number weights, "chinese:21 math:14" (subject shares
 * of staffing): up to max pairs into w; the number of pairs, or -1 with a
 * reason in err. */
struct edu_weight {
	char word[32];
	long weight;
};
int edu_weights_parse(const char *v, struct edu_weight *w, int max, char *err);
/* The subjects of an exam as a provincial score file names them (setting
 * exam.subjects): "key=别名:full" entries separated by spaces, e.g.
 * "chinese=语文:120 quality=综合素质评价:grade".  full is in tenths (0:
 * not checked) or EDU_SUBJECT_GRADED for a component graded A to D. */
#define EDU_SUBJECTS_MAX 32
#define EDU_SUBJECT_GRADED (-1)
struct edu_subject {
	char key[32];
	char alias[64];
	int full;
};
/* Parse a table into t (max entries): the count, or -1 with err. */
int edu_subjects_parse(const char *v, struct edu_subject *t, int max, char *err);

/* An enumerated value: its English key and its Chinese names ("男|男性"). */
struct edu_enum {
	const char *key;
	const char *zh;
};
/* Match a key (case-insensitively) or a Chinese name; NULL-key ended. */
int edu_valid_enum(const struct edu_enum *e, const char *in, char *out,
		   char *err);

/* ---- sheet.c: workbooks in ------------------------------------------- */

/* One sheet of a workbook, read whole: its rows (those with cells), each
 * cell the text the CSV reader would have seen had the sheet been saved
 * as CSV, or NULL; why[i] says what is wrong with cell i (a number the
 * spreadsheet rounded, an error value) or is NULL. */
struct edu_sheet_row {
	long row;		/* 1-based, as the spreadsheet numbers it */
	int n;
	char **cell, **why;
};
struct edu_sheet {
	char *name;
	long nrows;
	struct edu_sheet_row *rows;
};
/* 'x' for the zip of an .xlsx, 'o' for the OLE file of an .xls, else 0,
 * from a file's first n (8 will do) bytes. */
int edu_sheet_kind(const void *head, size_t n);
/* Read the sheet want (a name, or a number from 1; NULL: the first) of
 * the workbook at path, of kind; NULL with err (EDU_ERR_MAX). */
struct edu_sheet *edu_sheet_read(const char *path, int kind, const char *want,
				 char *err);
void edu_sheet_free(struct edu_sheet *s);
/* "B7" for column 1 (0-based), row 7. */
char *edu_sheet_cell_name(int col, long row, char out[32]);

/* ---- csv.c: reading ---------------------------------------------------- */

struct edu_csv;
/* The encoding of the files opened after it: NULL or "utf-8" for UTF-8,
 * else a name for iconv (--encoding; the cli layer sets it). */
void edu_csv_encoding(const char *enc);
/* No notices (rows of empty cells skipped, ...) on stderr: -q. */
void edu_csv_quiet(int quiet);
/* The sheet of a workbook to read (--sheet NAME|N; NULL: the first).
 * A workbook (.xlsx, .xls) is known by its first bytes, whatever its
 * name; its sheet is read whole (sheet.c) and its rows are records as a
 * CSV file's, named FILE:SHEET, a row's line its row number. */
void edu_csv_sheet(const char *want);
/* Where a field is, for messages: "FILE:LINE", or for a sheet's cell
 * "FILE:SHEET!B7" (field -1: the row, FILE:SHEET:7).  Returns out. */
char *edu_csv_at(const char *name, long line, int field, char *out, size_t n);
/* Open a file ("-" or NULL for stdin) for reading; NULL after a message
 * (exit 66 for a missing file is the caller's choice). */
struct edu_csv *edu_csv_open(const char *path);
/* Read the next record: its fields are edu_csv_field(); returns the number
 * of fields, 0 at the end, -1 on malformed input (reported). */
int edu_csv_next(struct edu_csv *r);
const char *edu_csv_field(struct edu_csv *r, int i);	/* "" past the end */
size_t edu_csv_field_len(struct edu_csv *r, int i);
long edu_csv_line(struct edu_csv *r);	/* first line of the record */
int edu_csv_width(struct edu_csv *r);	/* the header's fields, once read */
/* What is wrong with this record's text (bad UTF-8, NUL), or NULL. */
const char *edu_csv_bad(struct edu_csv *r);
/* The field the problem of edu_csv_bad is in (a sheet's cell), or -1. */
int edu_csv_bad_field(struct edu_csv *r);
const char *edu_csv_name(struct edu_csv *r);	/* "-" for stdin */
/* The bytes read from the file so far, and in *size its size when it is
 * a regular file (also as stdin), else 0: for a progress line. */
long long edu_csv_bytes(struct edu_csv *r, long long *size);
void edu_csv_close(struct edu_csv *r);

/* A column of an input file: its name, Chinese aliases ("姓名|名字"). */
struct edu_colname {
	const char *name;
	const char *aliases;
};
/* Read the header and map it onto cols: map[i] is the field index of
 * cols[i] or -1.  Unknown columns are an error unless ignore_extra;
 * duplicates always.  Returns 0, or -1 after reporting. */
int edu_csv_header(struct edu_csv *r, const struct edu_colname *cols,
		   int ncols, int ignore_extra, int *map);
/* The longest field, in bytes (edu-csv(5)); a longer one makes its record
 * bad.  Text from the command line has the same limit. */
#define EDU_FIELD_MAX 1048576
/* Report a problem with a header: the first EDU_HEADER_PROBLEMS_MAX are
 * printed, the rest only counted in *n; returns -1.  Then
 * edu_header_problems_end says how many more there were. */
#define EDU_HEADER_PROBLEMS_MAX 100
int edu_header_problem(long *n, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void edu_header_problems_end(long n, const char *name);
/* "FILE:LINE: unknown column 'H'", with the nearest of cols' names and
 * aliases when one is near ("did you mean birth_date?"), through
 * edu_header_problem; returns -1. */
int edu_csv_unknown_column(long *n, const char *file, long line, const char *h,
			   const struct edu_colname *cols, int ncols);
/* Let an input with no header at all be empty: edu_csv_header then
 * returns 1 for it instead of an error. */
void edu_csv_allow_empty(struct edu_csv *r);

/* ---- out.c: writing CSV, TSV, tables, JSON Lines ---------------------- */

enum edu_vtype { EDU_V_NULL, EDU_V_TEXT, EDU_V_NUM };
struct edu_out;
/* The format of edu_out_new() (-f, --excel; the cli layer sets it). */
void edu_out_defaults(enum edu_format fmt, int excel);
/* Start output on f in the default format, with a header of ncols
 * names. */
struct edu_out *edu_out_new(FILE *f, int ncols, const char *const *names);
/* The same, with an explicit format and no excel mode (reject files). */
struct edu_out *edu_out_new_fmt(FILE *f, enum edu_format fmt, int excel,
				int ncols, const char *const *names);
void edu_out_cell(struct edu_out *o, const char *s, enum edu_vtype t);
void edu_out_row(struct edu_out *o, const char *const *vals);	/* text */
/* Write the statement's current row. */
void edu_out_stmt_row(struct edu_out *o, sqlite3_stmt *st);
/* Write every row of a statement; returns the number of rows. */
long edu_out_stmt(struct edu_out *o, sqlite3_stmt *st);
/* Start with the statement's column names as the header. */
struct edu_out *edu_out_for_stmt(FILE *f, sqlite3_stmt *st);
/* The current row of a statement as field,value rows, one per column:
 * what every `show` prints first. */
void edu_out_fields(struct edu_out *o, sqlite3_stmt *st);
/* Flush (tables are aligned here) and free. */
void edu_out_end(struct edu_out *o);
/* -f xlsx: every output of the command is a sheet of one workbook, named
 * by edu_out_types or else by the name given here (the cli layer gives
 * the verb's); its columns' types ('t' 'n' 'm' 'd' 'p' '?', as
 * edu_xlsx_table) from the types given, else by the column's name (keys,
 * codes, numbers, phones: text) and the value's look.  Call before the
 * first cell.  edu_out_finish writes the workbook (the cli layer calls it
 * when the verb returns; a rollback of what was not shown drops it). */
void edu_out_types(struct edu_out *o, const char *sheet, const char *types);
/* -f xlsx: a native chart of the output's rows on a sheet after its
 * table's ("assets stats chart"); other formats: nothing.  kind as
 * edu_xlsx_chart ('c' column, 'b' bar, 'p' pie, 'l' line), the first
 * column the categories, the values the columns named in vals
 * ("cost|assets"), or with vals NULL every other column of numbers only.
 * Call before edu_out_end. */
void edu_out_chart(struct edu_out *o, char kind, const char *title, const char *vals);
void edu_out_sheet_default(const char *name);
void edu_out_finish(void);
/* Print every row of a statement on stdout with its column names as the
 * header, then finalize it; returns the number of rows.  With quiet_empty
 * it prints nothing at all when no row comes, not even the header: for
 * to-do lists, so that cron mails only when there is something to do. */
long edu_print_stmt(sqlite3_stmt *st, int quiet_empty);
/* The same, a report people look at: with -f xlsx, its chart too
 * (edu_out_chart). */
long edu_print_chart(sqlite3_stmt *st, int quiet_empty, char kind,
		     const char *title, const char *vals);

/* Output held until the commit: while a write transaction is open,
 * whatever is written on stdout (by any FILE or descriptor) goes into an
 * unnamed temporary file, so its size costs disk, not memory.  The
 * commit writes it out (a failure there is exit 79), a rollback drops
 * it: nothing is printed for a change that did not land (a dry run
 * shows it).  Transaction hooks (edu_tx_hooks) do it; verbs print as
 * usual.  Turned on by edu_main() for every tool; a program of its own on
 * libedu (a unit test printing TAP lines between a begin and a rollback)
 * leaves it off. */
void edu_out_hold_enable(void);

/* ---- svg.c: charts as standalone SVG files ---------------------------- */

/* A chart: categories along one axis, one or more series of values.
 * kind 'c' grouped columns, 'b' horizontal bars, 'p' a pie of the first
 * series, 'l' lines.  With share, the last series is a percentage
 * (0-100) drawn as a dashed line against an axis of its own on the
 * right (a line chart) and left out of the other kinds. */
struct edu_chart {
	char kind;
	const char *title, *xtitle, *ytitle;
	int ncat, nser;
	const char *const *cats;	/* ncat labels */
	const char *const *series;	/* nser names */
	const double *val;		/* nser * ncat, one series after another */
	int share;
};
/* Write the chart as a standalone SVG document: 0, or -1 on a write
 * error. */
int edu_svg_chart(FILE *f, const struct edu_chart *c);

/* ---- xlsx.c: workbooks out (libxlsxwriter) --------------------------- */

/* A workbook of sheets, each holding tables (an optional title row, a
 * bold header row, then the rows) and native charts over them.  It is
 * built in a temporary file and copied onto `out` by edu_xlsx_close, so
 * output held until a commit (out.c) holds it too.  Functions return -1
 * after the first failure and keep returning it; edu_xlsx_close then
 * puts the reason in err (EDU_ERR_MAX bytes) and writes nothing. */
struct edu_xlsx;					/* opaque */
struct edu_xlsx *edu_xlsx_open(FILE *out, char *err);
/* Start a sheet; a name Excel refuses is made acceptable (at most 31
 * characters, none of []:*?/\), a taken one numbered ("student 2").
 * Returns 0 or -1. */
int edu_xlsx_sheet(struct edu_xlsx *x, const char *name);
/* A table on the current sheet (a sheet is started if there is none),
 * under the tables before it: a title row (NULL: none), a header row,
 * then rows.  Cells are UTF-8 text, NULL or "" for an empty cell; types
 * has a char per column: 't' text, 'n' number, 'm' money (a number shown
 * with two decimals), 'd' date (YYYY-MM-DD becomes a date cell shown
 * yyyy-mm-dd), 'p' percent ("12.5%" or a fraction), '?' by the value's
 * look (edu_xlsx_guess); types NULL is all '?'.  A value that is not of
 * its column's type is written as text.  The first table of a sheet gets
 * frozen panes and a filter on its header.  Returns the 0-based first
 * data row (for chart ranges), or -1. */
int edu_xlsx_table(struct edu_xlsx *x, const char *title, int ncols,
		   const char *const *header, int nrows,
		   const char *const *cells /* nrows*ncols, row-major, NULL = empty */,
		   const char *types /* ncols chars: 't' text, 'n' number, 'd' date, 'p' percent */);
/* The same, row by row: begin (returns the first data row or -1), a row
 * of ncols cells at a time, end. */
int edu_xlsx_begin(struct edu_xlsx *x, const char *title, int ncols,
		   const char *const *header, const char *types);
int edu_xlsx_row(struct edu_xlsx *x, const char *const *cells);
/* A row whose cells have types of their own (field,value lines). */
int edu_xlsx_row_types(struct edu_xlsx *x, const char *const *cells, const char *types);
int edu_xlsx_end(struct edu_xlsx *x);
/* A chart over the LAST table written (on any sheet), placed on the
 * current sheet (beside the table when it is the table's sheet): kind
 * 'c' column, 'b' bar, 'p' pie (vals[0] only), 'l' line; category column
 * cat, value columns vals[0..nvals-1]; secondary: the index in vals of a
 * series drawn as a line of its own (-1 none; libxlsxwriter 1.1.4 has no
 * combined charts, so it is a second chart under the first).  A table of
 * no rows gets no chart.  Returns 0 or -1. */
int edu_xlsx_chart(struct edu_xlsx *x, char kind, const char *title,
		   const char *xtitle, const char *ytitle, int cat,
		   int nvals, const int *vals, int secondary);
/* Charts after this cover only the first nrows rows of the last table
 * (not its total row). */
void edu_xlsx_chart_rows(struct edu_xlsx *x, int nrows);
int edu_xlsx_close(struct edu_xlsx *x, char *err);	/* writes; frees */
void edu_xlsx_discard(struct edu_xlsx *x);	/* frees, writes nothing */
/* The type '?' gives a value: 'd' for a valid YYYY-MM-DD, 'm' for a
 * number with two decimals, 'n' for another number that a spreadsheet
 * keeps exactly (no leading zero, at most 15 digits), else 't'. */
char edu_xlsx_guess(const char *s);

/* ---- entity.c: import, list and show for a table --------------------- */

enum edu_coltype {
	EDU_C_TEXT,	/* free text, kept exactly */
	EDU_C_NAME,	/* a name: trimmed (edu_name_trim), blanks only is empty */
	EDU_C_CODE,	/* trimmed text */
	EDU_C_INT,
	EDU_C_DATE,
	EDU_C_ENUM,
	EDU_C_PHONE,
	EDU_C_ID,	/* resident ID number */
	EDU_C_CREDIT,	/* unified social credit code */
	EDU_C_DIGITS,	/* exactly `digits` digits */
	EDU_C_MONEY,	/* yuan, two decimals; stored as integer fen */
	EDU_C_SCORE,	/* points, one decimal; stored as integer tenths */
};

enum edu_colflags {
	EDU_C_KEY = 1,		/* part of the key */
	EDU_C_REQUIRED = 2,	/* may not be empty */
	EDU_C_PAST = 4,		/* EDU_C_DATE of something that happened:
				 * not after --on (edu_valid_past) */
};

struct edu_col {
	const char *name;	/* CSV and SQL column name */
	const char *aliases;	/* Chinese names, '|' separated */
	enum edu_coltype type;
	int flags;
	const struct edu_enum *values;	/* EDU_C_ENUM */
	long min, max;		/* EDU_C_INT; EDU_C_DIGITS: min is the count */
	const char *ref;	/* "school": must be a key of that table,
				 * whose key column has this column's name */
	const char *dflt;	/* the value of an empty field */
};

struct edu_entity {
	const char *table;	/* also the audit entity */
	const char *what;	/* for messages: "school" */
	const struct edu_col *cols;
	int ncols;
	/* Columns a list prints for reading ("name|days_left") that import
	 * passes over, so that list's output imports back. */
	const char *derived;
	/* Rules across a row's fields (vals normalised, NULL when empty):
	 * 0, or -1 with the column name in *col and the reason in err. */
	int (*row_check)(sqlite3 *db, const char *const *vals,
			 const char **col, char *err);
	/* Before any check, values may be made from others (a student
	 * number from the ID number, a case's deadlines): derive may point
	 * raw[i] into one of the buffers, or into storage of its own that
	 * lives until its next call.  0, or -1 with *col and err.
	 * derive_ok names the columns ("student_no") an input may leave out
	 * because of it. */
	int (*derive)(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
		      const char **col, char *err);
	const char *derive_ok;
	/* A table loaded a million rows at a time: an import into it while
	 * it is empty builds its indexes once, at the end. */
	int bulk;
	/* NULL, or for an entity with one key column, the key of a new
	 * record whose key field is empty: called with the row's values
	 * once they pass every check, in the writer's transaction; returns
	 * it malloc'd, or NULL with the reason in err. */
	char *(*new_key)(sqlite3 *db, const char *const *vals, char *err);
	/* Fills in values left empty, once the others are normalised and
	 * before row_check: a default that depends on other columns (never
	 * the key: a number is new_key's).  A value it sets is malloc'd
	 * and owned by the writer.  0, or -1 like row_check. */
	int (*fill)(sqlite3 *db, char **vals, const char **col, char *err);
	/* Input columns whose names vary by file (an exam's score_<subject>
	 * and choice1..choiceN), for an entity that is not bulk.  The
	 * header's columns that name no column of the entity go to
	 * extra_header (trimmed, in header order), which sets take[i] for
	 * those it knows; the rest are unknown columns.  It returns 0, or
	 * -1 after reporting "FILE:LINE: ..." to refuse the file.  Each
	 * row's values of the taken columns, in the same order, then go to
	 * extra_row before derive: it makes raw values of the entity's own
	 * columns from them (in storage of its own that lives until its
	 * next call); 0, or -1 with *col and err.  A reject file keeps the
	 * taken columns, after the entity's. */
	int (*extra_header)(const char *file, long line, int n,
			    const char *const *names, int *take);
	int (*extra_row)(sqlite3 *db, const char *const *extra, const char **raw,
			 const char **col, char *err);
	/* NULL, or called by edu_import once the rows went in, in its
	 * transaction, before the commit (the calendar: the provisional
	 * deadlines counted again). */
	void (*after)(sqlite3 *db);
	/* NULL, or the record's events: a change of a column they follow by
	 * import --upsert is recorded as a `corrected` event (issue 17). */
	const struct edu_event_table *events;
};
#define EDU_DERIVE_MAX 4	/* buffers handed to derive */
/* For a derive: the `year` column (raw[year_col]) of a verb run for one
 * year (--year): `year` written into buf (EDU_VAL_MAX bytes) when the row
 * leaves it empty; a row of another year is refused (-1, *col, err). */
int edu_derive_year(const char **raw, int year_col, long year, char *buf,
		    const char **col, char *err);

/* One field of a column checked and normalised as an import does, but
 * without its reference check (c->ref): *out is malloc'd, NULL when
 * empty; 0, or -1 with the reason in err. */
int edu_col_value(const struct edu_col *c, const char *in, char **out, char *err);

/* Import files (none: stdin) into an entity under edu_import_opt and
 * edu_opt; one transaction; returns the exit status (0, 1 with rejects,
 * 65 on invalid input, 66 on a missing file). */
int edu_import(sqlite3 *db, const struct edu_entity *e, int nfiles,
	       char **files);

/* Writing records one at a time, inside the caller's transaction: what
 * `import` does per row, and single-record verbs (licence set) too. */
enum edu_put { EDU_PUT_INSERTED, EDU_PUT_UPDATED, EDU_PUT_UNCHANGED };
struct edu_writer;
struct edu_writer *edu_writer_new(sqlite3 *db, const struct edu_entity *e);
/* Check raw values (one per column, as typed; "" for empty, NULL for a
 * column not given, which keeps the stored value) and insert the record,
 * or, when its key exists and upsert is set, update what differs; every
 * change is audited.  A key left empty that the entity made from a
 * sequence (a case number, a tag) is noted with edu_run_number().
 * Returns an edu_put, or -1 with the column (or NULL) in *col and the
 * reason in err. */
int edu_writer_put(struct edu_writer *w, const char *const *raw, int upsert,
		   const char **col, char *err);
void edu_writer_free(struct edu_writer *w);


/* struct edu_filter (cli.c, above): one filter of a list, column =
 * value, the value normalised by the column. */
/* Print the rows matching every filter, ordered by key; returns the number
 * of rows.  Filter values are checked first (exit 64 when invalid). */
long edu_list(sqlite3 *db, const struct edu_entity *e, int nf,
	      const struct edu_filter *f);

/* ---- keys.c: the keys a verb acts on (DESIGN 3) ---------------------- */

/* Keys from the verb's arguments or, with none, from the `col` column of
 * a CSV on stdin (other columns ignored; an empty stdin is no keys).  line[i] is the input line of
 * key[i], 0 for an argument. */
struct edu_keys {
	char **key;
	long *line;
	size_t n, cap;
};
/* 0, or -1 after reporting (no such column, an empty key, bad input). */
int edu_keys_read(struct edu_keys *k, int argc, char **argv, const char *col,
		  const char *aliases);
void edu_keys_free(struct edu_keys *k);

/* ---- drive.c: the key-verb driver (DESIGN 3, 11) -------------------- */

/* Every change verb that acts on records named by key goes through
 * edu_drive(), so that all of them behave alike:
 * - the keys come from the verb's arguments or, with none, from the key
 *   column of a CSV on stdin; an empty stdin is an empty to-do list: it
 *   does nothing, says so on stderr unless -q, and exits 0;
 * - one transaction (BEGIN IMMEDIATE) holds the whole run;
 * - each key is handed to the verb's apply function, which changes the
 *   record (with its event and audit row), finds nothing to change, or
 *   refuses it with a reason (or as not in the register);
 * - any refusal: each is reported as `-:LINE: NOUN KEY: REASON` (LINE of
 *   stdin; without it for an argument), the first 100 of them, then a
 *   count; nothing is written; exit 65;
 * - else the transaction commits (rolls back with --dry-run) and a
 *   summary goes to stderr unless -q; exit 0;
 * - every run but a dry one is in the run ledger (DESIGN 9), a refused
 *   one with status 65 and nothing else written. */
enum {
	EDU_KEY_MISSING = -2,	/* no such record: "not in the register" */
	EDU_KEY_REFUSED = -1,	/* refused, the reason in k->why */
	EDU_KEY_DONE = 0,
	EDU_KEY_SAME = 1,	/* nothing to change */
};

/* One key as the apply function sees it. */
struct edu_key {
	const char *key;	/* as given */
	long line;		/* its line on stdin; 0 for an argument */
	char on[11];		/* --on, YYYY-MM-DD */
	char why[EDU_ERR_MAX];	/* the reason of a refusal */
};

struct edu_keyverb {
	const char *col;	/* the key column: "student_no" */
	const char *aliases;	/* its other names: "学籍号" */
	const char *noun;	/* "student", for messages */
	const char *nouns;	/* its plural when not noun + "s"; or NULL */
	const char *done;	/* "transferred": "3 students transferred" */
	/* Called in the transaction before the first key (prepare). */
	void (*start)(struct edu_cmd *c, void *ctx);
	/* Change one record: EDU_KEY_DONE, EDU_KEY_SAME, EDU_KEY_MISSING,
	 * or EDU_KEY_REFUSED with k->why set (edu_key_refuse). */
	int (*apply)(struct edu_cmd *c, void *ctx, struct edu_key *k);
	/* Called after the last key, before the commit (finalise). */
	void (*end)(struct edu_cmd *c, void *ctx);
	/* Called after the commit (not after a refusal or a dry run): the
	 * place to print what the run made, numbers above all. */
	void (*after)(struct edu_cmd *c, void *ctx);
};
/* Run a key verb; returns the exit status. */
int edu_drive(struct edu_cmd *c, const struct edu_keyverb *kv, void *ctx);
/* Set k->why from a format and return EDU_KEY_REFUSED. */
int edu_key_refuse(struct edu_key *k, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Refuse when --on is before `last` (YYYY-MM-DD, the record's latest
 * change; NULL or "" for none): events are recorded in order.  0 or
 * EDU_KEY_REFUSED. */
int edu_key_in_order(struct edu_key *k, const char *last);

/* Corrections (issue 17), the same verbs in every tool with events:
 * `events [KEY]` lists a record's events (all with none) with their
 * numbers, void ones too; exit 1 naming a record that does not exist.
 * `void [EVENT...] --reason TEXT` voids each event named by number, or
 * in the event column of a CSV on stdin, through edu_drive
 * (edu_event_void; an unknown number is "not in the register"). */
extern const struct edu_option edu_void_opts[];	/* --reason */
int edu_events_verb(struct edu_cmd *c, const struct edu_event_table *t);
int edu_void_verb(struct edu_cmd *c, const struct edu_event_table *t);
/* The two verb rows, the same in every tool: run functions that call
 * the two above with the tool's table, the record's name for the
 * synopsis ("TAG"), the roles that may read and that may void. */
#define EDU_VERBS_CORRECTIONS(events_fn, void_fn, KEY, read_roles, write_roles) \
	{ .name = "events", .run = events_fn, .args_doc = "[" KEY "]", .max_args = 1, \
	  .roles = read_roles, \
	  .summary = "list events with their numbers, void ones too" }, \
	{ .name = "void", .run = void_fn, .args_doc = "[EVENT...]", .max_args = EDU_ANY, \
	  .roles = write_roles, .flags = EDU_V_WRITE, .opts = edu_void_opts, \
	  .summary = "void mistaken events: kept, marked, and the state recomputed without them", \
	  .doc = "Void each event named by its number (see events), or, with none, each in " \
	  "the event column of a CSV on standard input.  The event stays, marked void with " \
	  "who, when and why; the record goes back to its state before it.  Refused, with " \
	  "what to do first, when a later event of the record stands, when the event made " \
	  "the record, or when something else rests on it (exit 65, nothing written)." }

/* ---- student.c: grades, stages and kinds of school ------------------- */

/* The grades a kind of school teaches (primary 1-6, junior 7-9, senior
 * and vocational 10-12, complete 7-12, nine-year 1-9, special 1-12,
 * kindergarten K1-K3 as -2..0): 0, or -1 for an unknown kind. */
int edu_kind_grades(const char *kind, int *lo, int *hi);
int edu_kind_fits(const char *kind, int grade);
/* Is the grade the last of its stage (K3, 6, 9, 12)? */
int edu_stage_last(int grade);
/* "kindergarten", "primary", "junior", "senior" */
const char *edu_stage_name(int grade);
/* A grade as people write it, into buf (8 bytes): K1-K3 for the
 * kindergarten grades stored as -2..0 (schema 013), else the number. */
const char *edu_grade_name(int grade, char *buf);
/* The SQL of a grade column `g` as list prints it and import reads it. */
#define EDU_GRADE_SQL(g) "CASE WHEN " g " < 1 THEN 'K' || (" g " + 3) ELSE " g " END"

/* A student's school, grade and status, as an event changes them
 * (schema 003: student_event keeps both states, so `--as-of DAY` is the
 * `from` state of the first event after DAY, or the current one; a
 * voided event (schema 013) counts for nothing). */
struct edu_student_state {
	char no[EDU_VAL_MAX];	/* student_no */
	char school[16];
	int grade;
	char status[16];	/* enrolled suspended withdrawn graduated */
	char last_day[11];	/* of the latest event, or the entry date */
};
/* Load a student's state: 0, or -1 when there is no such student. */
int edu_student_load(sqlite3 *db, const char *no, struct edu_student_state *s);
/* In the caller's transaction: set the student to `to`, record the event
 * (kind transfer, suspend, resume, withdraw, graduate, promote, enrol,
 * placement) dated `day` with its reason, and audit it. */
void edu_student_event(sqlite3 *db, const char *kind, const char *day,
		       const char *reason, const struct edu_student_state *from,
		       const struct edu_student_state *to);
/* In the caller's transaction: the record of a newcomer from outside the
 * registry (a previous year's graduate, a candidate from another city):
 * student number G + the resident ID number, sex and birth date from it,
 * enrolled in `grade` of `school` on `day`, with an `enter` event; both
 * audited.  0 with the number in sno, or -1 with why (nothing written). */
int edu_student_enter(sqlite3 *db, const char *id_number, const char *name,
		      const char *school, int grade, const char *day, const char *reason,
		      char sno[EDU_VAL_MAX], char *why);
/* In the caller's transaction: student `no` enters `grade` of `school`,
 * enrolled, on `day`: an `enter` event (schema 013) with its reason; the
 * record and number stay.  -1 when there is no such student. */
int edu_student_enter_stage(sqlite3 *db, const char *no, const char *school, int grade,
			    const char *day, const char *reason);
/* Drop the statements kept for a handle (edu_db_close calls it). */
void edu_student_forget(void);

/* The values of a student's enumerated columns (keys as stored, Chinese
 * names as read): ID types, sexes, statuses, the disability categories of
 * GB/T 26341-2010 and the four placements of a disabled child. */
extern const struct edu_enum edu_student_id_types[], edu_student_sexes[],
	edu_student_statuses[], edu_student_disabilities[], edu_student_placements[];
/* The columns of a student record, in the order of DESIGN, of the student
 * table and of `edu-enroll list`: the order of the values that
 * edu_student_derive and edu_student_check read. */
enum {
	EDU_S_NO, EDU_S_IDTYPE, EDU_S_ID, EDU_S_NAME, EDU_S_SEX, EDU_S_BIRTH,
	EDU_S_ETHNIC, EDU_S_SCHOOL, EDU_S_GRADE, EDU_S_CLASS, EDU_S_ENTRY,
	EDU_S_STATUS, EDU_S_MAJOR, EDU_S_DISAB, EDU_S_PLACE, EDU_S_ZONE,
	EDU_S_ADDRESS, EDU_S_GUARDIAN, EDU_S_PHONE, EDU_S_NCOLS
};
/* Copy s without surrounding blanks and tabs into out (EDU_VAL_MAX): 0,
 * or -1 when it is too long to be any value made from it. */
int edu_trimmed(const char *s, char *out);
/* An entity's derive (entity.c) for students: a resident's ID number in
 * its 18-character form, and the student number G + ID when the row leaves
 * it empty; other student numbers normalised.  Without an id_type column
 * (an upsert) a bad resident ID number is left to the row check, as the
 * stored type may be a passport. */
int edu_student_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
		       const char **col, char *err);
/* An entity's row_check for students: a resident's ID number agrees with
 * the birth date and sex; a G number is G + ID, an L number carries the
 * birth date; the birth date is not in the future and before the entry
 * date; the school teaches the grade; only a vocational school's students
 * have a major; a placement needs a disability. */
int edu_student_check(sqlite3 *db, const char *const *v, const char **col, char *err);
/* The kind of a school ("primary"), or NULL when there is none; answers
 * are kept until edu_student_forget (a school's kind does not change
 * under a run). */
const char *edu_school_kind(sqlite3 *db, const char *code);
/* 0 when the school exists and teaches the grade; else -1 with why in err. */
int edu_school_grade_check(sqlite3 *db, const char *school, int grade, char *err);
/* A student by student number or ID number (a resident's first): the
 * student number (malloc'd), or NULL. */
char *edu_student_find(sqlite3 *db, const char *key);
/* The school year a day falls in, named by the calendar year of its
 * summer: 2026-07-15 -> 2026, 2026-09-01 -> 2027. */
int edu_school_year(const char *day);
/* When and how a status event is asked for: its day (YYYY-MM-DD; NULL:
 * no rule that needs the date) and whether --force overrides the rules
 * that may be overridden. */
struct edu_student_change_on {
	const char *day;
	int force;
};
/* The rule of a status event (transfer, suspend, resume, withdraw,
 * graduate): `to` comes in as `from` (for a transfer with the new school
 * set) and leaves as the new state: 0, or -1 with the reason in why.  A
 * graduation is refused, unless forced, when the student reached the
 * last grade by the promotion that closed the school year of on->day. */
int edu_student_change(sqlite3 *db, const char *kind, const struct edu_student_change_on *on,
		       const struct edu_student_state *from,
		       struct edu_student_state *to, char *why);
/* Corrections (issue 17): student events (edu_event_void), set back to
 * their `from` state.  Refused besides when it made the record (an
 * enrolment by assign), for the entrance exam's enrolment (its admission
 * says enrolled), for a placement, and for a graduation on which a valid
 * certificate rests. */
extern const struct edu_event_table edu_student_events;
/* In the caller's transaction: every enrolled student not in the last
 * grade of a stage (6, 9, 12), who had entered by `day` and before
 * September of `year`, moves up a grade with a promote event for `year`,
 * once: a student with one is passed over.  Audited as one row when any
 * moved.  Returns the number promoted; *into_last: how many of them this
 * run moved into a last grade; *stayed: the enrolled students who were in
 * a last grade and were not moved for `year` (those left for graduate).
 * Unless skip_final, refused (-1, nothing written, each named on stderr,
 * *stayed their count) while students enrolled in grade 6, 9 or 12 before
 * September of `year` have not graduated. */
long edu_student_promote(sqlite3 *db, long year, const char *day, int skip_final,
			 long *into_last, long *stayed);
/* The students as they stood at the end of day ?1 (YYYY-MM-DD), in the
 * columns of EDU_S_*: for each, the state before its first event after
 * that day, or the current one; only those who had entered by then. */
#define EDU_STUDENT_ASOF \
	"SELECT s.student_no, s.id_type, s.id_number, s.name, s.sex, s.birth_date, " \
	"s.ethnicity, coalesce(e.from_school, s.school_code) AS school_code, " \
	EDU_GRADE_SQL("coalesce(e.from_grade, s.grade)") " AS grade, s.class, s.entry_date, " \
	"coalesce(e.from_status, s.status) AS status, s.major, s.disability, " \
	"s.placement, s.zone, s.address, s.guardian, s.phone " \
	"FROM student s LEFT JOIN student_event e ON e.id = (SELECT x.id FROM " \
	"student_event x WHERE x.student_no = s.student_no AND x.day > ?1 " \
	"AND x.void_on IS NULL " \
	"ORDER BY x.day, x.id LIMIT 1) " \
	"WHERE (s.entry_date IS NULL OR s.entry_date <= ?1)"

/* (Re)make the temporary table temp.student_asof: the students as they
 * stood at the end of `day` (YYYY-MM-DD), the same as EDU_STUDENT_ASOF
 * gives, counted (n) by school_code, grade (a number), class, sex,
 * ethnicity, status, disability, placement and zone.  One pass over the
 * students and one over the events after the day (issue 22: a million
 * students in a second, where EDU_STUDENT_ASOF searches the events once
 * per student); every statistic of the day then sums n. */
void edu_student_asof_count(sqlite3 *db, const char *day);
/* The disabled enrolled students as of `day` (YYYY-MM-DD; NULL: of the
 * counts edu_student_asof_count made last) by category, in
 * the order of GB/T 26341, then "all": counts by placement, the unplaced,
 * the students and placed_pct (one decimal); no row without one.  A
 * statement for the caller to print and finalise. */
sqlite3_stmt *edu_student_disability_report(sqlite3 *db, const char *day);
/* Counts of enrolled students (of all students for "status") by school
 * (with its name), grade, sex, status, disability ("none") or ethnicity
 * (the most first): a statement for the caller to print and finalise, or
 * NULL for another `by`. */
sqlite3_stmt *edu_student_stats(sqlite3 *db, const char *by);
/* In the caller's transaction: set a student's disability and placement
 * and record the placement event dated `day` (the caller audits the
 * change). */
void edu_student_place(sqlite3 *db, const char *no, const char *disability,
		       const char *placement, const char *day);
/* ---- staffing.c: establishment (编制), vacancies, graduate placement -- */

#define EDU_STAFF_SUBJECTS 24	/* subjects of a stage's shares */

/* The stages an establishment is counted by: each has its ratio
 * (setting staff.ratio.NAME); the first four have subject shares
 * (staff.subjects.NAME) and are what graduates apply for. */
enum { EDU_STAGE_KINDERGARTEN, EDU_STAGE_PRIMARY, EDU_STAGE_JUNIOR, EDU_STAGE_SENIOR,
       EDU_STAGE_SPECIAL, EDU_STAGE_VOCATIONAL, EDU_NSTAGE };
#define EDU_NTEACH_STAGE 4	/* stages with subjects */
const char *edu_staffing_stage_name(int stage);
/* A stage by name, or -1. */
int edu_staffing_stage(const char *name);
/* Posts for `students` at `ratio` students per post (in tenths): a part
 * of a post is a post (rounded up); 0 students, 0 posts. */
long edu_staffing_posts(long students, int ratio);
/* `posts` split among n subjects by their weights into out[]: each its
 * share rounded down, then the posts left one each to the largest
 * remainders (the subject listed first on a tie), so they add up. */
void edu_staffing_split(long posts, const struct edu_weight *w, int n, long *out);

/* One school as the establishment sees it on a day. */
struct edu_staffing_school {
	char *code, *name, *kind;
	int has[EDU_NSTAGE];		/* the stages it teaches */
	long students[EDU_NSTAGE];	/* enrolled on the day, per stage */
	long quota[EDU_NSTAGE];		/* posts per stage; -1: no ratio */
	long extra;			/* posts added: boarding, remote */
	long in_post;			/* on the establishment, in post */
};
/* Teachers needed and in post per school, stage and subject. */
struct edu_staffing_need {
	size_t school;
	int stage;
	const char *subject;		/* into the shares of struct edu_staffing */
	long need, in_post;
	long taken;			/* by graduates placed (edu_graduates_place) */
};
struct edu_staffing {
	struct edu_staffing_school *school;	/* by school code */
	size_t nschool;
	struct edu_staffing_need *need;		/* by school, stage, subject */
	size_t nneed;
	size_t *need_at;	/* school i's needs: need_at[i] to need_at[i + 1] */
	int ratio[EDU_NSTAGE];			/* tenths; 0: none */
	struct edu_weight share[EDU_NSTAGE][EDU_STAFF_SUBJECTS];
	int nshare[EDU_NSTAGE];
};
/* The open schools (one, when school is not NULL) on day (YYYY-MM-DD):
 * students enrolled by stage (by grade in a nine-year or complete
 * school, by kind elsewhere), the posts their ratios give, the staff on
 * the establishment in post that day (not retired, left or dismissed,
 * hired by then), and the subject needs against the teachers of each
 * subject (a teacher with no stage counts in the school's stages in
 * order, up to each stage's need, the rest in its last).  The students
 * are those temp.student_asof counts: made here for day unless counted
 * (the caller made them with edu_student_asof_count for the same day). */
void edu_staffing_load(sqlite3 *db, const char *day, const char *school, int counted,
		       struct edu_staffing *s);
void edu_staffing_free(struct edu_staffing *s);
/* The school's quota over its stages and its extra posts (the settings
 * staff.extra.boarding and staff.extra.remote: a percentage of the
 * stages' posts each, rounded up), or -1 when no stage has a ratio. */
long edu_staffing_quota(const struct edu_staffing_school *sc);
/* Print on stdout: per school (school, kind, students, quota, in_post,
 * vacancies: negative when over the establishment, empty without a
 * ratio), per school, stage and subject (school, stage, subject, need,
 * in_post, vacancies), or the open posts of those (vacancies at least
 * max(min, 1); nothing at all, not even a header, when none), of one
 * subject when subject is not NULL.  Returns the rows printed. */
enum { EDU_STAFFING_SCHOOLS, EDU_STAFFING_SUBJECTS, EDU_STAFFING_VACANCIES };
long edu_staffing_print(const struct edu_staffing *s, int what, const char *subject, long min);

/* A subject's key for its Chinese name (语文 -> chinese, 数学 -> math,
 * ...), or s itself. */
const char *edu_subject_key(const char *s);

/* Is subject one of the subjects of stage's shares (staff.subjects.STAGE)?
 * 0, or -1 with the reason in err. */
int edu_staffing_subject_check(sqlite3 *db, const char *stage, const char *subject, char *err);

/* Graduates of normal universities (issue 20). */
#define EDU_GRADUATE_CHOICES 5	/* choice1 .. choice5 */
/* A graduate's teacher-qualification number: one issued here (in
 * edu-cert's register) must be a teacher's, valid, and the holder's (id,
 * name); another must have the number's form (17 digits, the sex digit
 * agreeing).  Either must be of the stage's level or above (教师资格条例
 * 第五条).  0, or -1 with the reason in err. */
int edu_graduate_cert_check(sqlite3 *db, const char *no, const char *id, const char *name,
			    const char *sex, const char *stage, char *err);
/* A graduate as placement sees it. */
struct edu_grad {
	const char *id, *name, *subject;
	int stage;			/* EDU_STAGE_* */
	int score;			/* tenths */
	int cert, degree;		/* has a certificate; 0 none, 1 bachelor .. 3 doctor */
	uint64_t lottery;		/* edu_place_lottery(seed, id) */
	int nchoice;
	long choice[EDU_GRADUATE_CHOICES];	/* school indexes of s, -1 unknown */
	/* The result. */
	long rank;			/* in the order of merit of subject and stage */
	long school;			/* -1: unplaced */
	int placed_by;			/* choice 1..5, 0 fallback, -1 unplaced */
	const char *reason;		/* why unplaced */
};
/* Place graduates on the open posts of s (need - in_post per school,
 * stage and subject; `taken` counts them): within each subject and stage
 * in order of merit, score, then the tie-break words of place.tiebreak in
 * order (cert: holding a certificate first; degree: the higher first),
 * then the lottery, then the ID; each goes to their highest choice with a
 * post left.  With fallback, those whose choices were all full are then
 * offered, in order of merit, the posts left of their subject and stage
 * in school-code order.  Sorts the pointers of g into that order (by
 * stage, subject and rank); returns the number unplaced. */
long edu_graduates_place(struct edu_grad **g, size_t n, struct edu_staffing *s,
			 const char *tiebreak, int fallback);
/* The posts of school, stage and subject still open in s, or -1 when it
 * has none of them at all. */
long edu_staffing_left(const struct edu_staffing *s, long school, int stage,
		       const char *subject);

/* A year's graduates (sorted by ID) with their choices as school
 * indexes of s and their lottery draws of seed: an array of *n, which
 * edu_graduates_free frees with the strings it owns. */
struct edu_grad *edu_graduates_load(sqlite3 *db, long year, uint64_t seed,
				    const struct edu_staffing *s, size_t *n);
void edu_graduates_free(struct edu_grad *g, size_t n);
/* In the caller's transaction: the year's plan replaced by the result of
 * edu_graduates_place. */
void edu_graduates_store(sqlite3 *db, long year, struct edu_grad *const *g, size_t n,
			 const struct edu_staffing *s);
/* How many of a year's graduates are staff already (appointed). */
long edu_graduates_appointed(sqlite3 *db, long year);
/* The stored plan of a year: id_number, name, stage, subject, rank,
 * school_code, choice, reason, by stage, subject and rank (a statement to
 * print and finalise). */
sqlite3_stmt *edu_graduates_plan(sqlite3 *db, long year);
/* Rows of id_number, choice, school_code, result, reason on o: for each
 * choice before the one that placed the graduate (all when none did),
 * why not (its posts went to higher ranks, or it had none open).  0 when
 * placed, 1 when not, -1 after a warning when not in the plan. */
int edu_graduate_explain(sqlite3 *db, struct edu_out *o, long year, const char *id);
/* The post of a teacher appointed without a valid qualification. */
#define EDU_PROBATION_POST "试用期教师"
/* In the caller's transaction: the graduate with ID number id, placed in
 * the latest plan that has them, becomes staff of the school (staff_no =
 * the ID number, a teacher of their subject and stage on the
 * establishment, hired on `on`, audited) with an appoint event to the
 * post 教师, or EDU_PROBATION_POST when pending is set and they hold no
 * valid certificate (refused without it).  0 done, 1 when they are that
 * school's staff already or unplaced, -1 refused with the reason in why. */
int edu_graduate_appoint(sqlite3 *db, const char *id, int on, int pending, char *why);
/* Choices (n of them, NULL for an empty one): open schools that teach
 * the stage, none twice, none after an empty one.  0, or -1 with the
 * index of the bad one in *bad and the reason in err. */
int edu_graduate_choices_check(sqlite3 *db, const char *const *choice, int n,
			       const char *stage, int *bad, char *err);

/* ---- cadre.c: personnel rules (DESIGN 8) ----------------------------- */

/* Statutory retirement, 2025 reform: the base a person retires at. */
enum { EDU_RETIRE_MAN60, EDU_RETIRE_WOMAN55, EDU_RETIRE_WOMAN50 };
/* The base of a person by sex (M, F) and staff category (cadre, teacher,
 * worker): women workers retire at base 50, other women at 55. */
int edu_retire_kind(const char *sex, const char *category);
int edu_retire_base_age(int kind);
/* Months of delay for a birth in year y, month m (0 before the reform). */
int edu_retire_delay(int kind, int y, int m);
/* The day a person born on `birth` reaches the statutory retirement age:
 * the birth day plus base*12 + delay months (*months, when not NULL). */
int edu_retire_day(int birth, int kind, int *months);

/* Teacher titles (2015): the title's full name for a full or short name
 * ("一级" or "一级教师"), or NULL when it is not one of the five. */
const char *edu_teacher_title(const char *s);
/* The title a teacher holds before `title`, or NULL (三级教师, others). */
const char *edu_teacher_title_below(const char *title);

/* Party stages in order: none, applicant, activist, candidate,
 * probationary, member.  The stage after `stage`, or NULL. */
const char *edu_party_next(const char *stage);
/* Months a person must spend in a stage before the next (12 for activist
 * and probationary, else 0). */
int edu_party_wait_months(const char *stage);
/* May a person in `stage` since day `since` take the next stage on `day`? */
int edu_party_ready(const char *stage, int since, int day);

/* The kinds of punishment (政务处分) of 公职人员政务处分法 (2020), art. 7,
 * with their effects on a cadre of a public school: the table is in
 * cadre.c, each column with its article. */
struct edu_punish_kind {
	const char *key, *zh;
	int months;		/* the period, art. 8 (setting cadre.punish.KEY);
				 * 0: no end */
	int bars_promotion;	/* no higher post, grade or title in the period */
	int bars_pay;		/* no higher pay grade in the period */
	int removes_post;	/* the post (and its rank) is lost */
	int ends_employment;	/* the person leaves (status left) */
};
extern const struct edu_punish_kind edu_punish_kinds[];	/* NULL-key ended */
const struct edu_punish_kind *edu_punish_kind(const char *key);
/* The last day of a punishment period of `months` from `day`. */
int edu_punish_until(int day, int months);
/* Months of a punishment of `kind` by the setting cadre.punish.KIND or
 * the default of the table (art. 8); 0 for one without an end. */
int edu_punish_months(sqlite3 *db, const char *kind);

/* A title as stored: a teacher title's full name, any other as given. */
const char *edu_staff_title(const char *t);
/* The setting that holds the years in the title below before a teacher is
 * eligible for `title` (一级, 高级, 正高级教师), or NULL for the others. */
const char *edu_title_years_key(const char *title);
/* The degree that shortens the years (中小学教师水平评价基本标准条件,
 * 人社部发〔2015〕79号): 2 for a 博士, 1 for a 硕士 (by the degree column,
 * 学位), 0 for any other. */
int edu_degree_level(const char *degree);
/* The years in the title below before a teacher of that degree level is
 * eligible for `title`: the setting cadre.title_years.KIND, with
 * ".master" or ".doctor" for levels 1 and 2, or its default; -1 for a
 * title without a years rule. */
int edu_title_years(sqlite3 *db, const char *title, int level);
/* The first and last day of the five-year training cycle from `year`. */
void edu_training_cycle(int year, int *from, int *to);

/* A row of the staff register, the columns its checks read. */
struct edu_staff_facts {
	const char *id_number, *sex, *birth_date, *unit, *title, *title_since,
		*party, *party_since;
};
/* The checks across a staff row's columns (valid values assumed): the ID
 * number's birth date and sex agree with birth_date and sex, a unit of
 * ten digits is a school of the registry (any other is a department), no
 * title_since without a title, no party_since in stage none.  0, or -1
 * with the column in *col and the reason in err. */
int edu_staff_check(sqlite3 *db, const struct edu_staff_facts *f, const char **col,
		    char *err);

/* The query counting the active staff by `by` (age, title, sex,
 * education, category, unit), rows of the group and its count, in
 * order; the age query takes the day ages are counted on as ?1 (bands
 * -29, 30-39, 40-49, 50-54, 55-59, 60-).  NULL for another `by`. */
const char *edu_staff_stats_sql(const char *by);

/* Staff events (DESIGN 8): the columns an event may change. */
enum { EDU_STAFF_STATUS, EDU_STAFF_POSITION, EDU_STAFF_RANK, EDU_STAFF_TITLE,
       EDU_STAFF_TITLE_SINCE, EDU_STAFF_PARTY, EDU_STAFF_PARTY_SINCE, EDU_STAFF_NSTATE };
/* The column name of state i ("status" ... "party_since"), or NULL. */
const char *edu_staff_state_col(int i);
/* What an event verb was asked: the options of appoint, dismiss, title,
 * reward, punish, party, retire, leave (until: a day, or -1). */
struct edu_staff_change {
	const char *position, *rank, *title, *kind, *stage, *doc;
	int until;
};
/* One event of one person: old is the person now, set/new what the event
 * changes; detail, rank, until go to staff_event. */
struct edu_staff_event {
	const char *no;		/* the person's staff_no */
	const char *detail, *rank, *until;
	const char *old[EDU_STAFF_NSTATE];
	const char *new[EDU_STAFF_NSTATE];
	int set[EDU_STAFF_NSTATE];
	char buf[2][11];
};
/* The rule of event `kind` (the verb's name) on day `on`: reads e->old
 * and fills e->new, e->set and the details; 0, or -1 with the reason in
 * err.  Only punish reads the store (its default period), through db. */
int edu_staff_rule(sqlite3 *db, const char *kind, struct edu_staff_event *e,
		   const struct edu_staff_change *c, int on, char *err);
/* The JSON of the old and new values of the columns an event changes. */
void edu_staff_event_json(const struct edu_staff_event *e, struct edu_buf *old,
			  struct edu_buf *new);
/* The audit detail of an event: {"event":..,"on":..,"detail"..,"until"..,
 * "doc"..,"changes":{"col":[old,new],...}}. */
void edu_staff_audit_json(const struct edu_staff_event *e, const char *kind,
			  const char *on, const char *doc, struct edu_buf *b);
/* Record event `kind` of person `no` on `day` in the open transaction:
 * the rule, no change dated before a later change of the same column, the
 * staff_event row, the audit row, the register.  0; 1 when there is no
 * such person; -1 with the reason in err and nothing written. */
int edu_staff_record(sqlite3 *db, const char *no, const char *kind,
		     const struct edu_staff_change *c, int day, char *err);
/* The rules as SQL functions on db: retire_date(birth, sex, category),
 * retire_age(...) ("60y3m"), add_months(date, n), party_ready(stage,
 * since, day), party_next(stage), degree_level(degree),
 * punish_bars_promotion(kind); dies (edu_die_db) when they cannot be
 * added. */
void edu_cadre_functions(sqlite3 *db);
/* Corrections (issue 17): staff events, voided by writing back their
 * `old`; an upsert that changes a column events follow is a `corrected`
 * event. */
extern const struct edu_event_table edu_staff_events;
/* The staff register as it stood on day ?1 (NULL: now), as a WITH clause
 * naming `asof`: a column an event changed after that day has the `old`
 * value of the first such event; only those hired by then. */
#define EDU_STAFF_ASOF_COL(F) \
	"CASE WHEN EXISTS (SELECT 1 FROM staff_event e WHERE e.staff_no = s.staff_no " \
	"AND e.day > ?1 AND e.void_on IS NULL AND json_type(e.old, '$." F "') IS NOT NULL) " \
	"THEN (SELECT json_extract(e.old, '$." F "') FROM staff_event e " \
	"WHERE e.staff_no = s.staff_no AND e.day > ?1 AND e.void_on IS NULL " \
	"AND json_type(e.old, '$." F "') " \
	"IS NOT NULL ORDER BY e.day, e.id LIMIT 1) ELSE s." F " END AS " F
#define EDU_STAFF_ASOF \
	"WITH asof AS (SELECT s.staff_no, s.id_number, s.name, s.sex, s.birth_date, " \
	"s.unit, s.category, " EDU_STAFF_ASOF_COL("position") ", " EDU_STAFF_ASOF_COL("rank") ", " EDU_STAFF_ASOF_COL("title") ", " \
	EDU_STAFF_ASOF_COL("title_since") ", s.education, s.degree, " EDU_STAFF_ASOF_COL("party") ", " \
	EDU_STAFF_ASOF_COL("party_since") ", s.hired_on, " EDU_STAFF_ASOF_COL("status") ", " \
	"s.subject, s.stage, s.on_establishment FROM staff s " \
	"WHERE ?1 IS NULL OR s.hired_on IS NULL OR s.hired_on <= ?1) "

/* ---- doc.c: document numbers, secrecy, archives (DESIGN 8) ---------- */

/* The values of a document's enumerated fields and of a meeting's kind,
 * each with its Chinese names: in, out; none, 秘密, 机密, 绝密; none, 加急,
 * 特急; registered, routed, handled, archived; permanent, 30y, 10y;
 * executive, office, bureau. */
extern const struct edu_enum edu_doc_directions[], edu_doc_secrecies[],
	edu_doc_urgencies[], edu_doc_statuses[], edu_doc_retentions[],
	edu_meeting_kinds[];
/* A document number by GB/T 9704: "西教发〔2026〕12号". */
char *edu_doc_number(const char *prefix, int year, long serial);
/* A document number in its parts; parse reads the forms people type
 * (the year in 〔〕 [] （） () 【】 and the like, a serial with leading
 * zeros or 第): 0, or -1 with the reason in err, when it is not PREFIX,
 * a year of four digits in brackets, a serial from 1 and 号. */
struct edu_doc_no {
	char prefix[EDU_VAL_MAX];
	int year;
	long serial;
};
int edu_doc_no_parse(const char *in, struct edu_doc_no *n, char *err);
/* A document number given by an import, in its GB/T 9704 form in out: a
 * stored key (or an empty one) is kept as it is; a new one must parse,
 * be of the document's year (an incoming one's day received, an outgoing
 * one's date; raw values, a bad one left to the column checks) and not
 * be held by the register in another form.  0, or -1 with err. */
int edu_doc_no_given(sqlite3 *db, const char *in, const char *direction,
		     const char *doc_date, const char *received_on,
		     char out[EDU_VAL_MAX], char *err);
/* The sequence scope of a prefix's numbers in a year. */
char *edu_doc_seq_scope(const char *prefix, int year);
/* The default secrecy period of a level: 绝密 30, 机密 20, 秘密 10 years;
 * 0 for none or an unknown level. */
int edu_secrecy_years(const char *level);
/* The day a secrecy period of `years` from day `from` runs out; -1 when
 * years is not positive. */
int edu_secrecy_ends(int from, int years);
/* Years of an archive retention: 30y 30, 10y 10, permanent 0; -1 for
 * NULL. */
int edu_retention_years(const char *retention);
/* The day the retention of a file of `year` has run out (1 January of
 * year + 1 + its years), or -1 when it is kept permanently. */
int edu_retention_ends(int year, const char *retention);
/* The retention's code in an archive code: Y, D30, D10; NULL if unknown. */
const char *edu_retention_code(const char *retention);
/* The category code (门类代码, DA/T 22-2015) of the documents edu-doc
 * archives: 文书, WS. */
#define EDU_DOC_CATEGORY "WS"
/* An archive code (档号, DA/T 22-2015): "J001-WS·2026-D30-0012"; NULL when
 * the retention is unknown or item < 1. */
char *edu_archive_code(const char *fonds, const char *category, int year,
		       const char *retention, long item);

/* The rules across a document's fields (NULL when empty): an incoming one
 * needs the day it was received, an outgoing one its date; a period needs
 * a secrecy level; an archived one needs its archive code and retention;
 * the due day is not before the day received.  0, or -1 with the column
 * in *col and the reason in err. */
struct edu_doc_fields {
	const char *direction, *doc_date, *received_on, *secrecy, *secrecy_years,
		*due, *status, *archive_code, *retention;
};
int edu_doc_rule(const struct edu_doc_fields *d, const char **col, char *err);
/* Is a prefix the issuer abbreviation alone, without the year's brackets
 * (〔 〕 or [)? */
int edu_doc_prefix_ok(const char *prefix);

/* New numbers, in the caller's transaction, passing over those an
 * imported register holds already: a prefix's next document number of a
 * year; an incoming document's 收〔YEAR〕N号 by the day it came in; the
 * next archive code of category WS of a fonds, year and retention (one
 * sequence each, DA/T 22-2015; an item an older release coded without
 * the category is passed over too). */
char *edu_doc_next_no(sqlite3 *db, const char *prefix, int year);
char *edu_doc_in_no(sqlite3 *db, int received);
char *edu_doc_archive_no(sqlite3 *db, const char *fonds, int year,
			 const char *retention);

/* A document as a status change sees it: the fields it may change (named
 * by edu_doc_state_cols, NULL when empty), its direction, and its day (its
 * own date or the day it came in; `today` when it has none). */
enum { EDU_DOC_STATUS, EDU_DOC_DEPARTMENT, EDU_DOC_HANDLER,
       EDU_DOC_ARCHIVE_CODE, EDU_DOC_RETENTION, EDU_DOC_NSTATE };
extern const char *const edu_doc_state_cols[EDU_DOC_NSTATE + 1];	/* NULL-ended */
struct edu_doc_state {
	char *vals[EDU_DOC_NSTATE];
	char *direction;
	int day;
};
/* Load a document: 1, or 0 (*d zeroed) when there is none. */
int edu_doc_load(sqlite3 *db, const char *no, int today, struct edu_doc_state *d);
void edu_doc_state_free(struct edu_doc_state *d);
/* The status rules: each checks `old` and changes `new` (a second copy of
 * it), or returns -1 with the reason in err and changes nothing.
 * route: a registered or routed document goes to department `to` (and
 * `handler`, when given).  handle: a registered or routed one is handled.
 * archive: an incoming one once handled, an outgoing one at any time but
 * once, under the next archive code of the setting archive.fonds and the
 * document's year (noted with edu_run_number). */
int edu_doc_route(const struct edu_doc_state *old, struct edu_doc_state *new,
		  const char *to, const char *handler, char *err);
int edu_doc_handle(const struct edu_doc_state *old, struct edu_doc_state *new,
		   char *err);
int edu_doc_may_archive(const struct edu_doc_state *old, char *err);
int edu_doc_archive(sqlite3 *db, const struct edu_doc_state *old,
		    struct edu_doc_state *new, const char *retention, char *err);
/* Write a changed state and its event of `day` with `note`, the event
 * keeping what changed from `old` (the caller audits it). */
void edu_doc_write(sqlite3 *db, const char *no, const struct edu_doc_state *old,
		   const struct edu_doc_state *new, const char *day, const char *note);
/* Corrections (issue 17): document events, voided by writing back what
 * each changed; a document's first event is not voided; an upsert that
 * changes its status or department is a `corrected` event. */
extern const struct edu_event_table edu_doc_events;

/* The documents registered by `day`, each with the status of its last
 * event by then, filtered by the values that are not NULL; for printing. */
sqlite3_stmt *edu_doc_as_of(sqlite3 *db, int day, const char *direction,
			    const char *status, const char *secrecy,
			    const char *department);
/* due: the documents registered (received or dated) by `on` that were
 * still registered or routed on `on` (their last event by then), with a
 * due day on or before on + within, the earliest first; for printing. */
sqlite3_stmt *edu_doc_due_stmt(sqlite3 *db, int on, long within);
/* The day a secrecy period runs out: `years` (the level's when not
 * positive) from `since` (YYYY-MM-DD); -1 for none or a bad date. */
int edu_doc_secrecy_end(const char *level, int years, const char *since);
/* The day an archived document made on `made` (YYYY-MM-DD) is past its
 * retention; -1 when permanent or without a date. */
int edu_doc_disposal_day(const char *retention, const char *made);
/* The secret documents whose period has run out by `as_of`, by that day
 * and then number, *n of them; freed with edu_doc_lapsed_free. */
struct edu_doc_lapsed {
	int ends, years;
	char *doc_no, *title, *level, *since;
};
struct edu_doc_lapsed *edu_doc_lapsed(sqlite3 *db, int as_of, size_t *n);
void edu_doc_lapsed_free(struct edu_doc_lapsed *v, size_t n);

/* May a decision due on `due` (YYYY-MM-DD) be recorded for a meeting (it
 * exists, and was held by then)?  May decision `id` be marked done `on`
 * (it exists, is open, and its meeting was held by then)?  0, or -1 with
 * the reason in err. */
int edu_decision_may_add(sqlite3 *db, const char *meeting, const char *due,
			 char *err);
int edu_decision_may_close(sqlite3 *db, const char *id, const char *on, char *err);
/* ---- petition.c: the legal periods of petition cases (DESIGN 8) ------ */

/* What a case's reply period runs from. */
enum edu_petition_from {
	EDU_PT_RECEIVED,	/* the day the bureau received it */
	EDU_PT_ACCEPTED,	/* the day it was accepted (XF) */
	EDU_PT_ASSIGNED,	/* the day it was assigned (JY, TA) */
};

/* The periods of one kind of case: the deadline rule of a kind lives in
 * this one table.  A period of calendar days or months whose last day is
 * a day off ends on the next working day; working days count only
 * working days by the calendar table. */
struct edu_petition_rule {
	const char *kind;	/* "XF" */
	const char *name;	/* "letters and visits (信访)" */
	int accept_days;	/* accept-or-not answer; 0: none */
	enum edu_petition_from reply_from;
	int reply_days;		/* the reply period: calendar days, */
	int reply_workdays;	/* or working days, */
	int reply_months;	/* or months, */
	int hard_months;	/* or months for a hard one (--hard) */
	int extend_max;		/* one extension of at most this; 0: none
				 * (FY: of the body's decision period) */
	int again_months;	/* handled again after a dissatisfied rating */
	int apply_days;		/* FY: applied for within this of knowing */
	int decide_days;	/* FY: the body decides within this of accepting */
	int appeal_judgement_days;	/* SS: appeal after a judgement served */
	int appeal_ruling_days;		/* SS: appeal after a ruling served */
};
extern const struct edu_petition_rule edu_petition_rules[];	/* NULL-kind ended */
/* The rule of a kind, or NULL. */
const struct edu_petition_rule *edu_petition_rule(const char *kind);

/* Days of the letters-and-visits periods that are not a kind's reply. */
#define EDU_PT_OBJECTION_WORKDAYS 5	/* not-competent objection, transferred */
#define EDU_PT_REVIEW_DAYS 30		/* asking for review; answering it */

/* The accept-or-not deadline of a case received on `received` (for a
 * transferred item also its receipt confirmation), or -1 when the kind
 * has none. */
int edu_petition_accept_due(sqlite3 *db, const char *kind, int received);
/* The reply deadline of a period starting on `start`, with `hard` for
 * the longer period of JY/TA and `extension` days added (0: none);
 * -1 for an unknown kind. */
int edu_petition_reply_due(sqlite3 *db, const char *kind, int start, int hard,
			   int extension);
/* After a dissatisfied rating on `rated`: when it must be handled again,
 * or -1 when the kind has no such rule. */
int edu_petition_again_due(sqlite3 *db, const char *kind, int rated);
/* A transferred letter or visit: the last day to object that the bureau
 * is not competent. */
int edu_petition_objection_due(sqlite3 *db, int received);
/* The last day to ask for review (复查) or re-review (复核) of a reply
 * given on `replied`. */
int edu_petition_review_by(sqlite3 *db, int replied);
/* The day a review asked for on `requested` must be answered. */
int edu_petition_review_due(sqlite3 *db, int requested);
/* FY: the last day to apply for a reconsideration of an act known on
 * `knew` (art. 20); the body's decision deadline from its acceptance
 * (art. 62), with `extension` days (0: none).  SS: the last day to appeal
 * a judgement or ruling served on `served`.  -1 when the kind has no
 * such period. */
int edu_petition_apply_by(sqlite3 *db, const char *kind, int knew);
int edu_petition_decision_due(sqlite3 *db, const char *kind, int accepted,
			      int extension);
int edu_petition_appeal_due(sqlite3 *db, const char *kind, const char *decision,
			    int served);
/* May a case of this kind be extended by `days`, having been extended
 * `before` times?  0, or -1 with the reason in err (EDU_ERR_MAX). */
int edu_petition_extend_check(const char *kind, long days, int before,
			      char *err);

/* The state rules of the change verbs (assign accept decline extend reply
 * feedback close review): which kinds a verb takes, which statuses it
 * starts from, what it requires and what it sets. */

/* A case as the rules see it: the columns they read and set (days, -1
 * when none; strings, NULL when none) and what its history says. */
struct edu_petition_case {
	const char *kind;	/* XF JY TA FY SS */
	const char *status;	/* received assigned accepted declined replied closed */
	const char *department, *result, *rating;
	int received, reply_due, replied_on;
	/* FY: applied, the body, its acceptance and deadline, the outcome;
	 * SS: the decision served, and the appeal deadline; XF: the day
	 * the reply was delivered (served_on). */
	int applied_on;
	const char *body, *outcome, *court_decision;
	int body_accepted, decision_due, served_on, appeal_due;
	/* From its events: */
	int first_assigned;	/* the day of the first assignment, -1 */
	int last_accepted;	/* the day of the last acceptance, -1 */
	int extensions;		/* extensions so far */
	int review_level;	/* 0 a case, 1 a review (复查), 2 a re-review (复核) */
	int review_asked;	/* 1: a review of it was asked for already */
};

/* What a change verb is given; the strings must outlive the case. */
struct edu_petition_act {
	const char *verb;	/* "assign" .. "review" */
	int on;			/* the day of the change */
	const char *dept;	/* assign: the department (required) */
	int hard;		/* assign: the longer period of JY, TA */
	long days;		/* extend (required) */
	const char *reason;	/* decline, extend (required) */
	const char *text;	/* reply (required) */
	const char *result;	/* reply: the class; JY and TA only, and they need it */
	const char *rating;	/* feedback: satisfied, basic or dissatisfied */
	int accepted;		/* accept FY: the body's acceptance day (0 or less: on) */
	const char *body;	/* accept FY, review XF: the body (NULL: none given) */
	const char *bureau;	/* review XF: the bureau's name, or NULL */
	const char *outcome;	/* close FY: the body's decision (required) */
	const char *decision;	/* served SS: judgement or ruling (required) */
};

/* Which kinds a verb takes at all (a verb without a row takes every
 * kind): refusal has one %s, the kind's name. */
struct edu_petition_verb_kinds {
	const char *verb, *kinds, *refusal;
};
extern const struct edu_petition_verb_kinds edu_petition_verb_kinds[];	/* NULL-verb ended */

/* The status moves.  The rows of a verb whose kinds (space-separated;
 * NULL: every kind) hold the case's kind apply, in order: when the status
 * is one of from, the case moves to `to` (NULL: stays); when it is not, a
 * row with a refusal (one %s, the status) refuses, a row without one is
 * passed over. */
struct edu_petition_move {
	const char *verb, *kinds, *from, *to, *refusal;
};
extern const struct edu_petition_move edu_petition_moves[];	/* NULL-verb ended */

/* May `verb` act on a case of this kind and status?  0 with *to the status
 * it leaves (status itself when it stays), or -1 with the reason in err
 * (EDU_ERR_MAX).  Only the two tables: what else a verb needs is
 * edu_petition_change's. */
int edu_petition_may(const char *verb, const char *kind, const char *status,
		     const char **to, char *err);

/* Apply a change verb to a case, in place, by the rules of its kind: 0
 * with *detail what its event records (malloc'd, or NULL), or -1 with the
 * reason in err (EDU_ERR_MAX) and the case as it was (every rule checks
 * before it sets).  `review` only checks that the case may be reviewed:
 * the caller opens the new case, due edu_petition_review_due(db, on).
 * Periods count by the calendar table of db. */
int edu_petition_change(sqlite3 *db, struct edu_petition_case *c,
			const struct edu_petition_act *a, char **detail, char *err);

/* review: does the bureau itself review (no other body named, or the
 * body named is the bureau)? */
int edu_petition_review_by_bureau(const struct edu_petition_act *a);

/* The case table (edu-petition): its columns, in the order of the table
 * and of every listing, and their value lists. */
enum edu_petition_colno {
	EDU_PC_CASE_NO, EDU_PC_KIND, EDU_PC_CHANNEL, EDU_PC_CATEGORY, EDU_PC_RECEIVED,
	EDU_PC_PETITIONER, EDU_PC_ID_NUMBER, EDU_PC_PHONE, EDU_PC_ADDRESS,
	EDU_PC_SUBJECT, EDU_PC_CONTENT, EDU_PC_DEPARTMENT, EDU_PC_DEPUTY,
	EDU_PC_TRANSFERRED, EDU_PC_STATUS, EDU_PC_ACCEPT_DUE, EDU_PC_REPLY_DUE,
	EDU_PC_REPLIED_ON, EDU_PC_RESULT, EDU_PC_RATING, EDU_PC_RELATED,
	EDU_PC_KNEW, EDU_PC_APPLIED, EDU_PC_APPLY_BY, EDU_PC_BODY, EDU_PC_BODY_ACCEPTED,
	EDU_PC_DECISION_DUE, EDU_PC_OUTCOME, EDU_PC_SERVED, EDU_PC_COURT_DECISION,
	EDU_PC_APPEAL_DUE, EDU_PC_NCOL
};
extern const struct edu_col edu_petition_cols[EDU_PC_NCOL];
extern const struct edu_enum edu_petition_kinds[], edu_petition_statuses[],
	edu_petition_ratings[], edu_petition_outcomes[], edu_petition_court_decisions[];
/* The table as the importer and writer see it: the three hooks below. */
extern const struct edu_entity edu_petition_entity;
/* Rules across the fields of a case (its row_check): the number's shape
 * KIND-YEAR-NNNNN and kind, what XF and JY/TA need, no date before the
 * day received, a result among the setting petition.result_classes. */
int edu_petition_check(sqlite3 *db, const char *const *v, const char **col,
		       char *err);
/* The open cases of the same person (valid ID number or phone), space
 * separated and sorted (malloc'd), or NULL. */
char *edu_petition_repeats(sqlite3 *db, const char *id, const char *phone);
/* A new case (no case_no, or one not stored) gets its accept and, for a
 * kind whose reply runs from receipt, reply deadline when it starts as
 * received, and its repeats as related; the strings live until the next
 * call (derive). */
int edu_petition_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
			const char **col, char *err);
/* The next number KIND-YEAR-NNNNN of the kind and year received, passing
 * over numbers already stored (new_key); edu_petition_new_no() is the last
 * one made. */
char *edu_petition_new_key(sqlite3 *db, const char *const *v, char *err);
const char *edu_petition_new_no(void);

/* A case as stored: every column (malloc'd), NULL when empty. */
struct edu_petition_row {
	char *v[EDU_PC_NCOL];
};
/* 0, or -1 when there is no such case (the row all NULL). */
int edu_petition_load(sqlite3 *db, const char *no, struct edu_petition_row *p);
void edu_petition_row_free(struct edu_petition_row *p);
/* Set a column to a copy of s (NULL: empty), or to a day (-1: empty). */
void edu_petition_row_set(struct edu_petition_row *p, int col, const char *s);
void edu_petition_row_set_day(struct edu_petition_row *p, int col, int day);
/* The day of a case's first (or last) event of a name, or -1. */
int edu_petition_event_day(sqlite3 *db, const char *no, const char *event,
			   int first);
/* The day of a case's last event, or -1: a change may not be dated
 * before it, so that the history reads in order. */
int edu_petition_last_event(sqlite3 *db, const char *no);
/* 0 for a case, 1 for its review (复查), 2 for a re-review (复核). */
int edu_petition_review_level(sqlite3 *db, const char *no);
/* The case as the state rules see it: its columns (pointing into row)
 * and what its events say. */
void edu_petition_case_of(sqlite3 *db, const struct edu_petition_row *row,
			  struct edu_petition_case *pc);
/* Corrections (issue 17): the events of cases, voided by writing back
 * what each changed (`old`); the register event is not voided; an upsert
 * that changes the status or a deadline is a `corrected` event. */
extern const struct edu_event_table edu_petition_events;
/* The JSON of the columns a case's event changed, before and after (an
 * event's old and new); the number that differ. */
int edu_petition_event_json(const struct edu_petition_row *was,
			    const struct edu_petition_row *now,
			    struct edu_buf *old, struct edu_buf *new);

/* What list shows (normalised values, NULL: any), or only the cases of a
 * JSON array of numbers.  as_of: those received by then, with their status
 * of that day. */
struct edu_petition_filter {
	const char *kind, *status, *dept, *since, *until, *as_of, *only;
};
/* The statements of the lists, to be stepped and finalised by the caller.
 * list: the case's columns, then `provisional`, its deadline columns
 * that wait for the calendar (deadline.c).
 * due: the open cases with their next deadline (accepting a letter or
 * visit until it is accepted, else the reply, and for a transferred
 * letter the objection) from `on` to within days on, or with within < 0
 * those past it (no objection: once passed it is no to-do), and
 * `provisional`, the deadline's column when it is provisional; stats: a
 * year's figures grouped by kind, dept, month or category (NULL: kind). */
sqlite3_stmt *edu_petition_list_stmt(sqlite3 *db,
				     const struct edu_petition_filter *f);
sqlite3_stmt *edu_petition_due_stmt(sqlite3 *db, int on, long within,
				    const char *dept);
sqlite3_stmt *edu_petition_stats_stmt(sqlite3 *db, long year, const char *by);
/* ---- deadline.c: deadlines that wait for the calendar (DESIGN 11) ---- */

/* The deadline of a recipe (edu_due), noted with the column it is
 * computed for (NULL: one shown, never stored): the record stored next
 * (edu_deadline_keep) keeps the recipe of each deadline it stores, in
 * the ledger table `provisional` when the deadline is counted across or
 * ends in a year without calendar rows.  The domain files compute every
 * stored deadline through it. */
int edu_deadline(sqlite3 *db, const char *field, const struct edu_due *r);
/* Forget the deadlines noted: a record was stored (or refused). */
void edu_deadline_notes_clear(void);
/* Does the deadline `value` of recipe r rest on a year the calendar
 * lacks? */
int edu_deadline_is_provisional(sqlite3 *db, const struct edu_due *r, int value);
/* In the caller's transaction, after a record's deadline column `field`
 * was stored as `value` (NULL: none): the ledger entry made, kept or
 * dropped.  Tables and columns other than the stored deadlines
 * (petition, application) are passed over. */
void edu_deadline_keep(sqlite3 *db, const char *entity, const char *key,
		       const char *field, const char *value);
/* The same for every deadline column of a row the writer stored. */
void edu_deadline_keep_row(sqlite3 *db, const struct edu_entity *e, const char *key,
			   char *const *vals);
/* The years the deadlines that may rest on a year without calendar rows
 * span, from the day they run from to their due day: the ledger's, and
 * those of open petitions and accepted applications not in it (stored
 * before schema 018, or imported as given).  0 when there are none, else
 * 1 with *lo and *hi. */
int edu_deadline_span(sqlite3 *db, int *lo, int *hi);
/* How many of those deadlines are counted across (or end in) year. */
long edu_deadline_count(sqlite3 *db, int year);
/* What edu_deadline_recount did: deadlines counted again, those whose
 * date moved (moved: "entity key field old -> new" lines, owned by the
 * caller: edu_buf_free), and those still provisional. */
struct edu_deadline_recount {
	long recounted, nmoved, still;
	struct edu_buf moved;
};
/* In the caller's transaction, once calendar rows came in: every
 * provisional deadline counted again by its recipe; a date that moved is
 * stored with one audit row (old and new); the ledger entry dropped, or
 * kept while the deadline still spans a year without calendar rows. */
void edu_deadline_recount(sqlite3 *db, struct edu_deadline_recount *rc);
/* A list's `provisional` column: the provisional deadline columns of the
 * record whose key is the SQL expression `key`, space separated, in
 * column-name order, or NULL (entity is a string literal). */
#define EDU_PROVISIONAL_SQL(entity, key) \
	"(SELECT group_concat(field, ' ') FROM (SELECT field FROM provisional " \
	"WHERE entity = '" entity "' AND key = " key " ORDER BY field))"

/* ---- pattern.c: numbers made from a pattern -------------------------- */

/* A placeholder of a number pattern, {name}, and its value for the
 * number being made (NULL or "": none, and a pattern that uses it is
 * refused). */
struct edu_placeholder {
	const char *name;
	const char *value;
};
/* Expand a pattern of literal text, the caller's placeholders (nph of
 * them) and exactly one {seq:N}: the serial zero-padded to N digits
 * (1 to 18).  A serial that needs more than N digits is refused, never
 * widened.  With seq < 0, {seq:N} is written as '*': the scope of the
 * serial.  0 and the number in out, or -1 with the reason, naming the
 * pattern, in err. */
int edu_pattern_expand(const char *pattern, const struct edu_placeholder *ph,
		       int nph, int64_t seq, struct edu_buf *out, char *err);
/* In the caller's transaction: the next number of a pattern, its serial
 * from the sequence "KIND:SCOPE" (SCOPE: the number with its serial as
 * '*'), passing over numbers the SQL `taken` (one parameter, the number)
 * finds, as a number recorded by hand may have taken the next serial.
 * malloc'd, or NULL with the reason in err. */
char *edu_pattern_next(sqlite3 *db, const char *kind, const char *pattern,
		       const struct edu_placeholder *ph, int nph, const char *taken,
		       char *err);

/* ---- assets.c: fixed assets: money, categories, depreciation -------- */

/* Corrections (issue 17): asset events, voided by setting the asset to
 * the state its last standing event left (a disposal's disposed_on
 * cleared, an improvement's amount taken off the cost); the `added`
 * event is not voided. */
extern const struct edu_event_table edu_asset_events;

/* Money is exact: integer fen.  Parse yuan ("1234.5", "1,234.50",
 * "¥1234", "1234元") into *fen: 0, or -1 with a reason in err. */
int edu_money_parse(const char *s, int64_t *fen, char *err);
/* The largest amount of one item (edu-csv(5)): 10,000,000,000.00 yuan. */
#define EDU_MONEY_MAX_FEN INT64_C(1000000000000)
/* *sum += fen, or exit 65 if that would overflow: a sum never wraps. */
void edu_money_add(int64_t *sum, int64_t fen);
/* fen as yuan with two decimals ("1234.50") into out. */
char *edu_money_str(int64_t fen, char out[32]);

/* A month as a number: year * 12 + month - 1. */
int edu_month_of(int days);
/* Parse YYYY-MM (or YYYY-M) into a month number: 0, or -1. */
int edu_parse_month(const char *s, int *month);
/* A month number as YYYY-MM into out[8]. */
char *edu_month_str(int month, char out[8]);

/* The asset categories of 财会〔2017〕4号 with their minimum lives in
 * years; 0 for those not depreciated (books, relics, land). */
struct edu_asset_category {
	const char *key;
	const char *zh;
	int min_life;
	int max_life;	/* 专用设备: the top of the annex's range; 0: none */
};
extern const struct edu_asset_category edu_asset_categories[];	/* NULL-key ended */
/* The edition whose form a classification code has, "GB/T 14885-2010"
 * (seven digits, the first 1-6: 2010105) or "GB/T 14885-2022" (a capital
 * letter and six digits: A010000); NULL for neither. */
const char *edu_asset_class_edition(const char *code);
const struct edu_asset_category *edu_asset_category(const char *key);

/* Straight-line monthly depreciation without residual value: the month
 * an asset is added counts, the month it leaves does not; each month is
 * rounded to the fen and the last one takes the remainder, so the months
 * add up to the cost exactly. */
struct edu_depreciation {
	int months;		/* months depreciated to the end of as_of */
	int64_t monthly;	/* the monthly amount of as_of's month, in fen */
	int64_t month;		/* charged in the month as_of */
	int64_t accumulated;
	int64_t cost;		/* the cost at the end of as_of: the cost
				 * acquired plus the improvements to then */
	int64_t book_value;	/* cost - accumulated */
	int ends;		/* the last month of the life in force at
				 * the end of as_of; -1: not depreciated */
};
/* Subsequent expenditure (改建、扩建: an asset_event of kind 'improved'):
 * its month, its event id (the order within a month), the amount added
 * in fen, and the months over which the book value after it is
 * depreciated from the next month (0: the months left of the life in
 * force). */
struct edu_asset_improvement {
	int month;
	int64_t id;
	int64_t amount;
	int life;
};
/* cost in fen, as acquired (without improvements); life in months (0:
 * not depreciated); added and as_of month numbers; left the month
 * number of disposal, or -1; imp the asset's improvements in order of
 * month and id (nimp of them; those after as_of are left out).  The
 * months up to and including an improvement's depreciate as before;
 * from the next, the book value at its end plus the amount is charged
 * over the improvement's life, or the months left, rounded as above and
 * the last month taking the remainder: all the months add up to the cost
 * plus the improvements exactly. */
void edu_depreciate(int64_t cost, int life, int added, int left, int as_of,
		    const struct edu_asset_improvement *imp, int nimp,
		    struct edu_depreciation *d);
/* The SQL of an asset's improvements that stand (not void), as text for
 * edu_asset_improvements: "DAY:ID:AMOUNT:LIFE ..." (LIFE 0: none). */
#define EDU_ASSET_IMPROVED_SQL(tag) \
	"(SELECT group_concat(day || ':' || id || ':' || amount || ':' || " \
	"coalesce(life_months, 0), ' ') FROM asset_event WHERE tag = " tag \
	" AND kind = 'improved' AND void_on IS NULL)"
/* That text as a malloc'd array in order of month and id (NULL for
 * none), their number in *n and the sum of their amounts in *sum; a
 * text this version did not write is exit 65. */
struct edu_asset_improvement *edu_asset_improvements(const char *spec, int *n,
						     int64_t *sum);

/* An asset tag from a pattern with {unit}, {year} and {seq:N}, by
 * edu_pattern_expand (a serial too long for N is refused). */
int edu_asset_tag(const char *pattern, const char *unit, int year,
		  int64_t seq, struct edu_buf *out, char *err);

/* SQL functions for the asset queries: life_ends(acquired_on, cost,
 * life_years, improved, month), the month number of the last month of
 * the life in force at the end of `month` (improved as
 * EDU_ASSET_IMPROVED_SQL), NULL for an asset not depreciated. */
void edu_asset_functions(sqlite3 *db);

/* The depreciation report: totals of a group of assets. */
struct edu_asset_totals {
	long n;
	int64_t cost, month, accumulated, book_value;	/* fen */
};
void edu_asset_totals_add(struct edu_asset_totals *t, int64_t cost,
			  const struct edu_depreciation *d);
/* The assets on the register in a month, with the unit each was in at
 * its end (only unit's, when not NULL), ordered by unit with by_unit, by
 * category with by_category, else by tag.  Columns: tag, name, category,
 * unit, acquired_on, cost, life_years, disposed_on, improved (as
 * EDU_ASSET_IMPROVED_SQL). */
sqlite3_stmt *edu_asset_month_stmt(sqlite3 *db, int month, const char *unit,
				   int by_unit, int by_category);
/* A row of it depreciated to the end of the month: its cost then (with
 * the improvements made by then) and d. */
void edu_asset_month_row(sqlite3_stmt *st, int month, int64_t *cost,
			 struct edu_depreciation *d);

/* A stocktake: the scan (a CSV whose tag and location columns are at
 * map[0], map[1]; -1: none; a row without a location was scanned at
 * default_location) into temp.scan, in the caller's transaction: 0, or
 * -1 after reporting its bad rows. */
int edu_stocktake_scan(sqlite3 *db, struct edu_csv *r, const int map[2],
		       const char *default_location);
/* Compare the register's assets (of unit and location, NULL: any) with
 * the scan: each row (tag, name, unit, location, scanned_location,
 * result) printed on o and kept as an item of stocktake id; count[] adds
 * up found, moved, missing and unexpected. */
void edu_stocktake_compare(sqlite3 *db, int64_t id, const char *unit,
			   const char *location, struct edu_out *o, long count[4]);

/* ---- exam.c: the entrance exam, admission by parallel choices -------- */

/* Scores are exact: integer tenths of a point. */
#define EDU_SCORE_MAX 100000	/* tenths: 10000.0 points */
/* Parse "98.5", "100" or "100.0" (one decimal place at most) into
 * *tenths: 0, or -1 with a reason in err. */
int edu_score_parse(const char *s, int *tenths, char *err);
/* Tenths as points: "98.5", "100" (no ".0"), into out. */
char *edu_score_str(int tenths, char out[16]);

#define EDU_EXAM_CHOICES 12	/* choice1 .. choice12 */
#define EDU_EXAM_TIEBREAK 8	/* subjects of the tie-break order */
#define EDU_EXAM_GRADES 4	/* graded components with minimum grades */

/* A candidate as admission sees it. */
struct edu_exam_cand {
	const char *exam_no;
	int total;			/* tenths, bonus included */
	int tb[EDU_EXAM_TIEBREAK];	/* tie-break subjects' scores; -1 none */
	uint64_t lottery;		/* edu_exam_lottery() */
	int nchoice;
	int choice[EDU_EXAM_CHOICES];	/* indexes of schools, in order */
	/* Grades of the graded components the seats name (struct
	 * edu_exam_seats comp[]): 4 for A to 1 for D, 0 none. */
	unsigned char grade[EDU_EXAM_GRADES];
	const char *batch_choices;	/* "early:code code;...", or NULL */
	int64_t junior;			/* the junior school's code, 0 none */
	/* Set by edu_exam_admit: */
	int rank;			/* 1 is the best */
	int school;			/* index of the school, or -1 */
	int got;			/* the choice that admitted, 1..; 0 */
	int batch;			/* the batch that admitted, -1 */
	/* The list of the batch being admitted, when it has its own. */
	int nbchoice, bchoice[EDU_EXAM_CHOICES];
};
/* A school's seats as admission sees it. */
struct edu_exam_school {
	int seats;
	int min_score;			/* tenths; 0 when none */
	int batch;			/* EDU_EXAM_GENERAL ... */
	int graded;			/* has minimum grades */
	unsigned char min_grade[EDU_EXAM_GRADES];	/* as grade[] */
	int admitted;			/* set: seats taken */
	int cutoff;			/* set: lowest admitted total, -1 */
};
/* The seeded lottery draw of a candidate: the same seed and exam number
 * always give the same draw, whatever the order of the input. */
uint64_t edu_exam_lottery(uint64_t seed, const char *exam_no);
/* The order of merit: total, higher first; then the first ntb
 * tie-break subjects in order, higher first; then the lower draw. */
int edu_exam_before(const struct edu_exam_cand *a,
		    const struct edu_exam_cand *b, int ntb);
/* Admission by parallel choices: order[] (n pointers) gets the
 * candidates in the order of merit, and each in turn is admitted by the
 * first of their choices with a free seat whose min_score they reach.
 * Returns the number left unadmitted. */
long edu_exam_admit(struct edu_exam_cand *c, size_t n, int ntb,
		    struct edu_exam_school *s, size_t ns,
		    struct edu_exam_cand **order);
/* Admission in batches (issue 19), after struct edu_exam_seats below. */

/* The schools a candidate file is checked against, in memory and sorted
 * by code: a file names millions of choices. */
struct edu_exam_sch {
	char code[11];
	char kind[16];
};
struct edu_exam_schools {
	struct edu_exam_sch *s;
	size_t n;
};
void edu_exam_schools_load(sqlite3 *db, struct edu_exam_schools *t);
void edu_exam_schools_free(struct edu_exam_schools *t);
/* The school of a normalised code, or NULL. */
const struct edu_exam_sch *edu_exam_school_find(const struct edu_exam_schools *t,
						const char *code);
/* May the school of this code take candidates (a senior, complete or
 * vocational one)?  0, or -1 with the reason in err (EDU_ERR_MAX). */
int edu_exam_senior_school(const struct edu_exam_schools *t, const char *code,
			   char *err);

/* The batches of admission (批次), in the default order of setting
 * exam.batches; edu_exam_batches[] has their keys and Chinese names. */
enum { EDU_EXAM_EARLY, EDU_EXAM_QUOTA, EDU_EXAM_GENERAL, EDU_EXAM_VOCATIONAL,
       EDU_EXAM_NBATCH };
extern const struct edu_enum edu_exam_batches[];
/* The batch of a key or Chinese name ("early", "提前批"), or -1. */
int edu_exam_batch(const char *s);
/* A grade A to D (or 优秀, 良好, 合格, 不合格) as its letter into out. */
int edu_exam_grade(const char *s, char *out, char *err);
/* The default of setting exam.subjects.  The full marks are common
 * ones, not any province's rule: set the city's. */
#define EDU_EXAM_SUBJECTS "chinese=语文:120 math=数学:120 english=英语:120 " \
	"physics=物理:100 chemistry=化学:100 politics=道德与法治:100 history=历史:100 " \
	"pe=体育:100 quality=综合素质评价:grade"

/* The columns of a candidate file that vary by year, in header order:
 * scores (score_<subject> or a Chinese name of exam.subjects), grades
 * (grade_<component> or the name of a graded one), choices (choiceK,
 * 志愿K, <batch>_choiceK, <批次>志愿K); name is the header as given. */
enum { EDU_EXAM_X_BAD, EDU_EXAM_X_SCORE, EDU_EXAM_X_GRADE, EDU_EXAM_X_CHOICE };
struct edu_exam_xcol {
	int kind, batch, choice;	/* choice: K - 1 */
	int full;			/* a score's full marks (tenths), 0 none */
	char subject[32];
	char name[EDU_VAL_MAX];
};
struct edu_exam_header {
	struct edu_subject subj[EDU_SUBJECTS_MAX];	/* edu_exam_header_init */
	int nsubj;
	struct edu_exam_xcol x[64 + 2 * EDU_EXAM_CHOICES];
	int nx, nchoice[EDU_EXAM_NBATCH];
	int choices_only;	/* no score column needed (round 2) */
	int choice_at[EDU_EXAM_NBATCH][EDU_EXAM_CHOICES];	/* x index, or -1 */
};
/* The subject table of setting exam.subjects into h (dies on a bad one). */
void edu_exam_header_init(struct edu_exam_header *h, sqlite3 *db);
/* Take the varying columns of a header (take[i] = 1): a file needs one
 * score at least, and each batch's choices without gaps.  0, or -1
 * having said why, as FILE:LINE: what (an entity's extra_header). */
int edu_exam_header(struct edu_exam_header *h, const char *file, long line, int n,
		    const char *const *names, int *take);
/* A row's taken columns (extra, in header order) as scores
 * "subject=points;..." (none above its full marks), grades
 * "component=A;...", the general choices "code code ..." and the other
 * batches' "batch:code code;..." (each a senior school of t, none twice
 * in a batch, none after an empty one).  0, or -1 with the column in
 * *col (the header's name) and the reason in err. */
struct edu_exam_rowout {
	struct edu_buf scores, grades, choices, batch_choices;
};
int edu_exam_row(const struct edu_exam_header *h, const struct edu_exam_schools *t,
		 const char *const *extra, struct edu_exam_rowout *r, const char **col,
		 char *err);
/* A seat row's minimum grades, "综合素质评价=B, pe=良好", normalised to
 * "quality=B;pe=B" (components by key or Chinese name of h's table) into
 * out (EDU_VAL_MAX): 0, or -1 with err. */
int edu_exam_min_grades(const struct edu_exam_header *h, const char *in, char *out,
			char *err);
/* The sum of "subject=points;..." in tenths (parts that are no score
 * count 0); a subject's score in it, or -1. */
int edu_exam_scores_sum(const char *scores);
int edu_exam_subject_score(const char *scores, const char *subj);
/* An exam number as printed on the admission ticket: up to 39 letters,
 * digits and '-'.  0, or -1 with the reason in err. */
int edu_exam_no_check(const char *no, char *err);
/* Is total the sum of the scores and the bonus?  0, or -1 with err. */
int edu_exam_total_check(const char *scores, const char *bonus, const char *total,
			 char *err);
/* The tie-break subjects of setting exam.tiebreak, lower case, in order;
 * their count. */
int edu_exam_tiebreak(sqlite3 *db, char subj[EDU_EXAM_TIEBREAK][32]);

/* A year's seats, sorted by school code; one more entry s[n], with no
 * seats, stands for every chosen school that has none this year. */
struct edu_exam_seats {
	char (*code)[11];
	int64_t *num;		/* the codes as numbers, for the search */
	struct edu_exam_school *s;
	size_t n;
	char comp[EDU_EXAM_GRADES][32];	/* graded components named */
	int ncomp;
};
/* The batches of setting exam.batches in order into b[]: their count. */
int edu_exam_batch_order(sqlite3 *db, int b[EDU_EXAM_NBATCH]);
/* Admission in batches: the order of merit over all candidates, then
 * each batch of b[] (nb) in turn over the candidates not admitted in an
 * earlier one, by parallel choices over the schools with seats in that
 * batch: each candidate's list for the batch is their own
 * (batch_choices) when any candidate has one for it, else their general
 * choices; a school admits only candidates who reach its minimum score
 * and grades.  With one general batch and no grades it is
 * edu_exam_admit.  Returns the number left unadmitted. */
/* The quota seats of a year, by school (seat index) and junior school,
 * as admission sees them. */
struct edu_exam_quota {
	size_t n;
	int *school;		/* seat index; sorted with junior */
	int64_t *junior;
	int *seats;
	int *admitted;		/* set: the seats a junior school's took */
	int *floor;		/* by seat index: tenths, set by admission */
	int fixed, margin;	/* setting exam.quota_floor: fixed (-1 none) */
};
/* Admission in batches: the order of merit over all candidates, then
 * each batch of b[] (nb) in turn over the candidates not admitted in an
 * earlier one, by parallel choices over the schools with seats in that
 * batch: each candidate's list for the batch is their own
 * (batch_choices) when any candidate has one for it, else their general
 * choices; a school admits only candidates who reach its minimum score
 * and grades.  In the quota batch (q not NULL) a school's quota seats
 * for a junior school go only to its candidates at or above the floor:
 * the school's cutoff in the same admission without the quota batch,
 * less q->margin (or q->fixed), and never below its min_score; the seats
 * they take are the school's, the rest stay with its own batch.  With
 * one general batch, no grades and no quota it is edu_exam_admit.
 * Returns the number left unadmitted. */
long edu_exam_admit_batches(struct edu_exam_cand *c, size_t n, int ntb,
			    struct edu_exam_seats *t, const int *b, int nb,
			    struct edu_exam_quota *q, struct edu_exam_cand **order);
/* Split n seats into parts in proportion to basis[] by the largest
 * remainder, so that they add up to n: out[] (parts).  -1 when the
 * bases add up to nothing. */
int edu_exam_quota_split(long n, const long *basis, int parts, long *out);
/* Setting exam.quota_floor ("cutoff-20" or a score): 0, or -1. */
int edu_exam_quota_floor(sqlite3 *db, int *fixed, int *margin);
void edu_exam_quota_load(sqlite3 *db, long year, const struct edu_exam_seats *t,
			 struct edu_exam_quota *q);
void edu_exam_quota_free(struct edu_exam_quota *q);
/* The floors admission set, into table quota. */
void edu_exam_quota_store(sqlite3 *db, long year, const struct edu_exam_quota *q,
			  const struct edu_exam_seats *t);
/* In the caller's transaction: split n of the school's seats of the year
 * among the junior schools by their graduates of the year (or, with
 * by_candidates, their candidates), replacing an earlier split, audited;
 * each part printed on o (school_code, junior_school, name, basis,
 * seats).  0, or -1 having said why. */
int edu_exam_quota_set(sqlite3 *db, long year, const char *school, long n, int by_candidates,
		       struct edu_out *o);
/* Per school and junior school: quota seats, floor, admitted, cutoff and
 * seats returned to the school's own batch. */
sqlite3_stmt *edu_exam_quota_cutoffs_stmt(sqlite3 *db, long year);
/* Load a year's seats: each school's batch and minimum score and grades
 * (the components named go into comp[]); 0, or -1 when the seats name
 * more than EDU_EXAM_GRADES components (said why). */
int edu_exam_seats_load(sqlite3 *db, long year, struct edu_exam_seats *t);
void edu_exam_seats_free(struct edu_exam_seats *t);
/* The entry of a school code given as a number (n when it has none): a
 * binary search, as there are millions of choices to look up. */
int edu_exam_seat_index(const struct edu_exam_seats *t, int64_t code);
/* Every candidate of a year as admission sees them (tie-break scores of
 * subj, choices as seat indexes, the draw of seed), with the strings
 * admit prints; cand[i].exam_no is no[i]. */
struct edu_exam_pool {
	struct edu_exam_cand *cand;
	char **no, **student_no, **name, **batch_choices;
	size_t n;
};
void edu_exam_pool_load(sqlite3 *db, long year, uint64_t seed,
			const struct edu_exam_seats *t,
			char subj[EDU_EXAM_TIEBREAK][32], int ntb, struct edu_exam_pool *p);
void edu_exam_pool_free(struct edu_exam_pool *p);
/* The second round (补录) of a year whose first round has a result, in
 * the caller's transaction: the choices of round-2 candidates read from
 * a CSV file (exam_no and choice1.. or 志愿1..; other columns passed
 * over), each an unadmitted candidate of the first round; the seats the
 * first round left empty (seats less those admitted, for every school,
 * whatever its batch) filled by parallel choices in the first round's
 * order of merit, with the schools' minimum scores and grades.  It
 * replaces an earlier second round and leaves the first round's results
 * as they are.  The participants go into p, in the order of merit in
 * *order (malloc'd), their schools indexes of seats (the caller frees
 * all three).  Returns the number of participants left unadmitted,
 * or -1 having reported bad rows (FILE:LINE: COLUMN: ...; nothing
 * written). */
long edu_exam_round2(sqlite3 *db, long year, const char *file,
		     const struct edu_exam_schools *t, struct edu_exam_pool *p,
		     struct edu_exam_seats *seats, struct edu_exam_cand ***order);
/* Per school: the seats the first round left empty, admitted in the
 * second, its cutoff there, and filled. */
sqlite3_stmt *edu_exam_round2_cutoffs_stmt(sqlite3 *db, long year);
/* Has the year a second round?  (A new first round would be refused.) */
int edu_exam_has_round2(sqlite3 *db, long year);
/* The result of edu_exam_admit on the pool, replacing the year's earlier
 * one in table admission. */
void edu_exam_store(sqlite3 *db, long year, const struct edu_exam_pool *p,
		    const struct edu_exam_seats *t);
/* Were a year's candidates enrolled (its admission final)?  Has it an
 * admission result? */
int edu_exam_enrolled(sqlite3 *db, long year);
int edu_exam_admitted(sqlite3 *db, long year);
/* Enrol an admitted candidate on `day` (YYYY-MM-DD) in grade 10 of school:
 * the student must have graduated from grade 9 and not changed after day.
 * A candidate without a student number (sno NULL) from outside the
 * registry is the student their ID number finds, or gets a new record
 * (edu_student_enter) whose number goes into the candidate.  0 (the
 * admission marked enrolled), or -1 with the reason in why (EDU_ERR_MAX)
 * and nothing written. */
int edu_exam_enrol(sqlite3 *db, long year, const char *no, const char *sno,
		   const char *id, const char *name, const char *school, const char *day,
		   char *why);
/* The statements of the lists, to be stepped and finalised by the caller:
 * a year's result in the order of merit (school: only its admitted, NULL:
 * all; unadmitted: only those no school admitted), one candidate with
 * the admission, the schools' cutoffs.  Totals print as points. */
sqlite3_stmt *edu_exam_result_stmt(sqlite3 *db, long year, const char *school,
				   int unadmitted);
sqlite3_stmt *edu_exam_show_stmt(sqlite3 *db, const char *no);
sqlite3_stmt *edu_exam_cutoffs_stmt(sqlite3 *db, long year);
/* explain: a row (exam_no, choice, school_code, result, reason) for each
 * choice up to the one that admitted the candidate (all when none did).
 * 0 when one did, else EDU_NO having said why when there is no result. */
int edu_exam_explain(sqlite3 *db, struct edu_out *o, const char *no);
/* ---- placement.c: places by zone, priority and lottery (就近入学) ---- */

/* Nearby enrolment gives each child a school of their zone: children in
 * order of priority tier, and within a tier by a seeded lottery; each
 * takes the zone's school of the lowest rank that has a seat left.  The
 * same algorithm serves any intake whose zones rank their schools. */

/* A school as placement sees it: its seats are shared by every zone it
 * serves. */
struct edu_place_school {
	const char *code;	/* the caller's name for it; placement does not read it */
	int seats;		/* free before this run (may be <= 0) */
	int taken;		/* set: seats this run gave */
};
/* A zone's school at a rank: the zone's schools are tried by rank, the
 * lowest first (the rows may come in any order). */
struct edu_place_zone {
	const char *zone;
	int rank;		/* 1 first */
	int school;		/* index into the schools */
};
/* What became of a child. */
enum edu_place_result {
	EDU_PLACE_HELD,		/* passed over: .held said so */
	EDU_PLACE_PLACED,	/* .school and .rank are set */
	EDU_PLACE_FULL,		/* the zone has schools, none with a seat */
	EDU_PLACE_NO_SCHOOL,	/* the zone has no school */
};
/* A child as placement sees it. */
struct edu_place_child {
	const char *key;	/* the ID number: draws the lottery, breaks equal draws */
	const char *zone;
	int tier;		/* priority: 1 first */
	int held;		/* 1: not to be placed (placed by an earlier run,
				 * too young, a student already); ordered all the same */
	/* Set by edu_place: */
	uint64_t lottery;	/* edu_place_lottery(seed, key) */
	enum edu_place_result result;
	int school;		/* index into the schools, or -1 */
	int rank;		/* the school's rank in the zone, or 0 */
};
/* The lottery number of a child: from the seed and the key only, so that
 * the draw does not depend on the order of the input (the first 60 bits
 * of SHA-256 of "SEED:KEY"). */
uint64_t edu_place_lottery(uint64_t seed, const char *key);
/* The order of the draw: tier, then the lower lottery number, then key. */
int edu_place_before(const struct edu_place_child *a,
		     const struct edu_place_child *b);
/* Place the children c[0..n-1] (pointers, in any order; the caller's
 * records may embed them): sorts c into the order of the draw, and each
 * child not held, in turn, takes the first school of its zone, by rank,
 * whose seats exceed what this run has given.  Returns the number placed. */
long edu_place(struct edu_place_child **c, size_t n,
	       const struct edu_place_zone *z, size_t nz,
	       struct edu_place_school *s, size_t ns, uint64_t seed);
/* The primary-school age rule: a child starting in September of `year`
 * must be six by 31 August, that is born on or before the day returned. */
int edu_place_primary_born_by(long year);

/* An applicant of nearby enrolment, read from its input (the fields in
 * the order of the input columns, checked and normalised) and as a run
 * leaves it.  The child comes first, so that a pointer to it is one to
 * the applicant. */
enum { EDU_A_ID, EDU_A_NAME, EDU_A_SEX, EDU_A_BIRTH, EDU_A_ZONE, EDU_A_TIER,
       EDU_A_NFIELDS };
struct edu_applicant {
	struct edu_place_child kid;	/* .key, .zone and .tier from v[] */
	char *v[EDU_A_NFIELDS];	/* malloc'd */
	long line;		/* of the input */
	int stored;		/* recorded by an earlier run of the year */
	char *no;		/* malloc'd: a kindergarten leaver's student number
				 * (assign --from-register), else NULL */
	char *school, *note;	/* malloc'd; school NULL: none */
	int rank;		/* with a school: its rank in the zone */
};
/* Rules across an applicant's fields and against those before it (a[0..na-1]):
 * the ID number agrees with the birth date and the sex, and names no
 * child twice.  NULL, or the column at fault with the reason in err. */
const char *edu_applicant_check(const struct edu_applicant *x, const struct edu_applicant *a,
				size_t na, char *err);
/* Free n applicants and the array. */
void edu_applicants_free(struct edu_applicant *a, size_t n);
/* The kindergarten leavers of `year` (K3 pupils whose leaving, a
 * graduation from K3, is dated in `year`, still graduated from K3), of
 * `zone` or (NULL) of every zone, as applicants of tier 1 with their
 * student numbers: their count, *out malloc'd (edu_applicants_free). */
size_t edu_place_leavers(sqlite3 *db, long year, const char *zone, struct edu_applicant **out);
/* A year's intake as the store has it: the zones and their open primary
 * and nine-year schools, each with its entry_seats less the children
 * earlier runs of the year gave it. */
struct edu_place_intake {
	struct edu_place_zone *z;
	struct edu_place_school *s;	/* .code malloc'd */
	size_t nz, ns;
};
void edu_place_intake_load(sqlite3 *db, long year, struct edu_place_intake *in);
/* The same for the junior-school intake of `year`: the zones' open public
 * junior and complete schools, each with its entry_seats less the
 * students entered there by the intake of the year (schema 013). */
void edu_place_junior_intake_load(sqlite3 *db, long year, struct edu_place_intake *in);
void edu_place_intake_free(struct edu_place_intake *in);
/* Hold the children a run does not draw for (sets .kid.held): one an
 * earlier run of the year recorded keeps its school, rank and note (with
 * " (drawn before)"; .stored); one born after edu_place_primary_born_by is
 * "born after BIRTHDAY, not six by YEAR-08-31"; a resident student already is "already a student of
 * SCHOOL". */
void edu_place_hold(sqlite3 *db, long year, struct edu_applicant *a, size_t n);
/* The note of a draw's result: "assigned", "no seat left in the zone",
 * "no school in this zone"; NULL for a held child. */
const char *edu_place_note(enum edu_place_result r);
/* Record an applicant's draw for the year in the applicant table. */
void edu_applicant_record(sqlite3 *db, long year, const struct edu_applicant *x);
/* In the caller's transaction: hold, load the intake, draw (edu_place)
 * and record each applicant not recorded before, with its school, rank
 * and note.  order[] (n) gets the applicants' children in the order of the
 * draw.  Returns the number placed now; *left the number without a school
 * (held ones too). */
long edu_place_draw(sqlite3 *db, long year, uint64_t seed, struct edu_applicant *a,
		    size_t n, struct edu_place_child **order, long *left);

/* The junior-school intake (小升初, issue 17): a student who graduated
 * from grade 6 in `year` and has no place yet, as the intake sees them.
 * The child comes first, so that a pointer to it is one to the student. */
struct edu_junior {
	struct edu_place_child kid;	/* .key the student number, .zone, tier 1 */
	char *no, *name, *zone, *from;	/* malloc'd; from: the primary school */
	int own;		/* that school teaches grade 7 (nine-year, special) */
	char *privschool;	/* malloc'd by the caller, freed with the rest:
				 * the private school applied to, or NULL */
	/* Set by the draw: */
	char *school, *note, *lost;	/* malloc'd; school NULL: no place */
	int rank;		/* the school's rank in the zone, 0 otherwise */
};
/* The grade-6 graduates of `year` still graduated (so not yet placed),
 * by student number: their count, *out malloc'd. */
size_t edu_junior_load(sqlite3 *db, long year, struct edu_junior **out);
void edu_junior_free(struct edu_junior *j, size_t n);
/* The student of that number among j[0..n-1], or NULL. */
struct edu_junior *edu_junior_find(struct edu_junior *j, size_t n, const char *no);
/* Draw: a pupil of a school that teaches grade 7 stays there; each
 * private school with more applicants (.privschool) than free seats
 * draws among them by the seeded lottery, and those drawn go there;
 * everyone else goes through the zones as nearby enrolment does
 * (edu_place).  order[] (n) gets the students' children in the order
 * of the draw.  Returns the number placed; *left those without a school. */
long edu_junior_draw(sqlite3 *db, long year, uint64_t seed, struct edu_junior *j, size_t n,
		     struct edu_place_child **order, long *left);
/* In the caller's transaction: the student given a school enters its
 * grade 7 on `day`, an `enter` event (their record and number stay). */
void edu_junior_enter(sqlite3 *db, long year, const struct edu_junior *x, const char *day);

/* ---- cert.c: certificate numbers and who gets which (DESIGN 8) ----- */

/* Teacher-qualification categories: kindergarten 1, primary 2, junior 3,
 * senior 4, vocational 5, vocational-practice 6, higher 7; -1 if none. */
int edu_teacher_category_code(const char *category);
/* The kinds of certificate: junior 1, senior 2, vocational 3, teacher 4;
 * -1 for another word. */
int edu_cert_kind_code(const char *kind);
/* Does graduating from `grade` at a school of `school_kind` earn a
 * certificate of `kind`?  junior: grade 9 at a junior, nine-year or
 * complete school; senior: grade 12 at a senior or complete school;
 * vocational: grade 12 at a vocational school. */
int edu_cert_qualifies(const char *kind, const char *school_kind, int grade);
/* The number pattern of a kind when cert.KIND.pattern is unset. */
const char *edu_cert_default_pattern(const char *kind);

/* The values of a number's placeholders; NULL or "" for none. */
struct edu_cert_fields {
	int year;
	const char *region;	/* bureau.region, 6 digits */
	const char *province;	/* its first 2 */
	const char *body;	/* the certifying body, 3 digits */
	const char *school;	/* school_code */
	const char *category;	/* the category's code digit */
	const char *sex;	/* 1 male, 2 female */
};
/* A number from a pattern with {year} {region} {province} {body}
 * {school} {category} {sex} and one {seq:N}, by edu_pattern_expand. */
int edu_cert_number(const char *pattern, const struct edu_cert_fields *f,
		    int64_t seq, struct edu_buf *out, char *err);

/* Serial numbers for a batch, from the sequence table: each scope's last
 * number is read at its first use and written back by edu_seqs_save(),
 * both in the caller's transaction, so a rollback hands none out. */
struct edu_seqs;
struct edu_seqs *edu_seqs_new(sqlite3 *db);
int64_t edu_seqs_next(struct edu_seqs *q, const char *scope);
void edu_seqs_save(struct edu_seqs *q);
void edu_seqs_free(struct edu_seqs *q);

/* The values of a certificate's enumerated fields, each with its Chinese
 * names: kinds (junior, senior, vocational, teacher), sexes (M, F),
 * teacher categories (as edu_teacher_category_code), statuses (valid,
 * revoked, replaced), the reasons of a reissue (lost, damaged,
 * correction; a graduation certificate lost or damaged gets a proof
 * instead, edu_cert_reissue_refusal). */
extern const struct edu_enum edu_cert_kinds[], edu_cert_sexes[],
	edu_cert_categories[], edu_cert_statuses[], edu_cert_reissue_reasons[];
/* Why a certificate of `kind` may not be reissued for `reason`, or NULL
 * when it may: a lost or damaged graduation certificate is replaced by a
 * 毕业证明书 (edu-cert proof), not by a new certificate number. */
const char *edu_cert_reissue_refusal(const char *kind, const char *reason);
/* Who a graduation kind is for, in words, for a refusal. */
const char *edu_cert_stage_rule(const char *kind);
/* The {category} of a number: a teacher's category code, else the kind's
 * code. */
int edu_cert_category(const char *kind, const char *category);

/* The columns of teacher applicants (id_number, name, sex, birth_date,
 * category, subject, body), and the check of one row of them (raw, as
 * typed): the values normalised into v, or -1 with the column in *col and
 * the reason in err.  The birth date and sex must agree with the ID. */
#define EDU_CERT_NTEACHER 7
extern const struct edu_colname edu_cert_teacher_cols[EDU_CERT_NTEACHER];
int edu_cert_teacher_row(const char *const *raw, char v[][EDU_VAL_MAX],
			 const char **col, char *err);

/* What a holder has had of a kind (and teacher category): 1 when a
 * certificate is valid; else 0 with the last revoked number (malloc'd)
 * in *revoked, or NULL. */
int edu_cert_holds(sqlite3 *db, const char *kind, const char *holder,
		   const char *category, char **revoked);
/* Is a certificate valid, and do the name and ID number (when not NULL)
 * match it?  1 or 0, with the one-line answer in say ("valid", "revoked
 * on DAY for REASON", "replaced by NO", "unknown: ...", "... does not
 * match"). */
int edu_cert_verify(sqlite3 *db, const char *no, const char *name,
		    const char *id, struct edu_buf *say);

/* Issuing certificates in the caller's transaction: each gets a number
 * from the kind's pattern (setting cert.KIND.pattern), a record, and
 * (unless batch_audit) an audit row; each is printed on stdout as a row
 * of cert_no, kind, holder, name, sex, birth_date, id_number, school_code,
 * school_name, category, subject, issued_on, batch.  A pattern that cannot
 * number a holder, or a number taken already, dies with exit 78. */
struct edu_cert_holder {
	const char *holder, *name, *sex, *birth, *id, *school, *school_name,
		*category, *subject, *body;
	int year;
};
struct edu_cert_issuer {
	sqlite3 *db;
	const char *kind;
	const char *form;		/* "certificate", or "proof" (毕业证明书) */
	char *pattern, *region, province[3];
	struct edu_seqs *seqs;		/* saved by the caller */
	struct edu_buf num, scope, audit;
	sqlite3_stmt *ins, *ev;
	char day[11];			/* issued on */
	const char *batch;
	struct edu_out *out;
	long issued;
	int batch_audit;		/* one audit row for the batch */
	char first[EDU_VAL_MAX];	/* its first number */
};
void edu_cert_issuer_init(struct edu_cert_issuer *is, sqlite3 *db, const char *kind,
			  const char *batch, int day);
/* Issue graduation proofs (毕业证明书) instead: numbers from the setting
 * cert.proof.pattern, a serial of their own, form 'proof'. */
void edu_cert_issuer_proof(struct edu_cert_issuer *is);
/* Before the commit or the rollback: the output is complete. */
void edu_cert_issuer_end(struct edu_cert_issuer *is);
/* Issue one; `note_key` and `note` go in its audit row, and a reissue
 * names the number it `replaces` (with its event, `note` its reason).
 * Returns the new number, in is->num. */
const char *edu_cert_issue(struct edu_cert_issuer *is, const struct edu_cert_holder *h,
			   const char *note_key, const char *note, const char *replaces);
/* The audit row of a batch issued with batch_audit: its count, first
 * and last numbers; none when it issued nothing. */
void edu_cert_batch_audit(struct edu_cert_issuer *is, const char *school, long year);
/* An event of a certificate, by the statement is->ev prepares. */
void edu_cert_event(sqlite3 *db, sqlite3_stmt *ev, const char *no, const char *day,
		    const char *kind, const char *reason, const char *other,
		    const char *from, const char *to);

/* ---- report.c: the year's statistics from every register ------------- */

/* A table built in memory: a title, a header and rows of text cells
 * (NULL: empty), each column text ('t') or a number ('n'); a cross table
 * ends with a total row and a total column (total_row).  What to chart
 * of it: categories from column cat, one series per column of vals (a
 * share: the last is a percentage on an axis of its own). */
#define EDU_CHART_SERIES 8
struct edu_table_chart {
	char kind;		/* 0 none, else as struct edu_chart */
	int cat, nvals, vals[EDU_CHART_SERIES], share;
	const char *xtitle, *ytitle;
	const char *names[EDU_CHART_SERIES];	/* NULL: the column's name */
};
struct edu_table {
	const char *section, *name;	/* "students", "by-grade" */
	char *title;
	int ncols, nrows, cap, total_row;
	char **head, **cell;		/* ncols; nrows * ncols */
	char *type;			/* ncols letters */
	struct edu_table_chart chart;
	char *name_buf;			/* name, when made for it */
};
/* Print a table in the default format (-f) on f. */
void edu_table_print(const struct edu_table *t, FILE *f);
/* The chart of a table, its arrays malloc'd (edu_chart_free): 0, or -1
 * when it has none or nothing to draw. */
int edu_table_chart(const struct edu_table *t, struct edu_chart *c);
void edu_chart_free(struct edu_chart *c);
void edu_table_free(struct edu_table *t);

/* The sections of the annual report, in order (NULL-ended). */
extern const char *const edu_report_sections[];
/* May a user with role read a section?  The admin and the auditor all of
 * them, each other role the sections of its own registers. */
int edu_report_may(const char *section, const char *role);
/* A report on db as of day as_of for the school year `year` (the exam's
 * year): stocks on that day, flows over the year before it. */
struct edu_report {
	sqlite3 *db;
	int as_of, year, next_year, month;	/* month: the assets' month */
	char day[11], from[11];			/* flows: after from, to day */
	struct edu_table **tables;
	int ntables;
	int made;				/* its temporary tables */
};
void edu_report_init(struct edu_report *r, sqlite3 *db, int as_of, int year);
/* Add a section's tables to r->tables: 0, or -1 for no such section. */
int edu_report_section(struct edu_report *r, const char *section);
/* A cross table of a section's population counted by one to four labels
 * ("kind,grade,sex": the last makes the columns), with totals; NULL with
 * why in err (EDU_ERR_MAX) for a section or label it does not know. */
struct edu_table *edu_report_cross(struct edu_report *r, const char *section,
				   const char *by, char *err);
/* Print r's tables on f: titled (the table format), each under its
 * section, name and title; else as one long table of section, table,
 * row, column and value, a line per figure. */
void edu_report_print(const struct edu_report *r, FILE *f, int titled);
/* Write r's tables as a workbook on f: a sheet per section (its Chinese
 * name), its tables one under the other, each chart a native one beside
 * its table (the total row left out).  0, or -1 with why in err. */
int edu_report_xlsx(const struct edu_report *r, FILE *f, char *err);
void edu_report_free(struct edu_report *r);

/* ---- approval.c: evaluations by a standard, private-school approvals -- */

/* A panel of this many experts or more drops its highest and its lowest
 * mark of each indicator. */
#define EDU_EVAL_TRIM_FROM 5
/* The marks of one indicator (n of them, in tenths; reordered): their sum
 * and count after trimming. */
void edu_eval_trim(int *pts, int n, long *sum, int *count);
/* An indicator of an evaluation's standard and what its experts gave. */
struct edu_eval_item {
	char *code, *name;
	int max, weight;	/* tenths; weight 10 is 1 */
	int veto;		/* tenths: the mean it must reach (一票否决); -1 none */
	int experts;		/* marks given */
	double mean;		/* points: of the marks, trimmed */
	double weighted;	/* mean * weight */
	int weak, vetoed;
};
/* An evaluation as its result is worked out from the rubric and the
 * scores: the weighted total is the sum of the indicators' means times
 * their weights; the level is the highest whose threshold it reaches; it
 * passes with a level, every indicator scored and no veto item below its
 * line.  An indicator is weak when its mean is a smaller share of its
 * maximum than the lowest level's threshold is of the rubric's. */
struct edu_eval {
	long id;
	char *standard, *school, *status;
	int year;
	int years;		/* the validity of the title; 0: no end */
	struct edu_eval_item *item;
	size_t n;
	double total;		/* points */
	int pass_mark;		/* tenths: the lowest threshold; -1: no level */
	char *level;		/* reached, or NULL */
	int complete, vetoed, pass;
	struct edu_buf weak;	/* the weak and vetoed codes, space separated */
};
/* 0, or -1 when there is no such evaluation; edu_eval_free frees it. */
int edu_eval_load(sqlite3 *db, long id, struct edu_eval *e);
void edu_eval_free(struct edu_eval *e);
/* The last day of a title of `years` conferred on `since`; -1 for none. */
int edu_eval_until(int since, int years);

/* The statutory period of a private-school application, counted from
 * its acceptance: calendar days, working days or months, with the legal
 * source (verified 0: the source could not be checked; the man page says
 * so). */
struct edu_approval_rule {
	const char *kind;	/* preparation establishment change termination */
	const char *name;
	int days, workdays, months;
	const char *source;
	int verified;
};
extern const struct edu_approval_rule edu_approval_rules[];	/* NULL-kind ended */
const struct edu_approval_rule *edu_approval_rule(const char *kind);
/* The day a decision on an application accepted on `accepted` is due;
 * -1 for an unknown kind. */
int edu_approval_due(sqlite3 *db, const char *kind, int accepted);
/* In the caller's transaction: the next licence number of the pattern
 * of setting licence.pattern ({region} bureau.region, {year} of day),
 * passing over numbers the register holds; malloc'd, or NULL with the
 * reason in err. */
char *edu_approval_licence_no(sqlite3 *db, int day, char *err);
/* The accepted applications whose decision is due from `on` to within
 * days after it, or with within < 0 those past it: a statement of
 * application, kind, applicant, school_code, school_name, accepted_on,
 * due, days_left, provisional (the deadline waits for the calendar:
 * "due", deadline.c) to print and finalise. */
sqlite3_stmt *edu_approval_due_stmt(sqlite3 *db, int on, long within);

/* Teacher qualification (教师资格认定): the conditions an applicant must
 * meet, each passed or failed with the reason.  The input columns beyond
 * edu_cert_teacher_cols, and the conditions' names (the output columns). */
#define EDU_TQ_NCOLS 6
extern const struct edu_colname edu_teacher_cond_cols[EDU_TQ_NCOLS];
enum { EDU_TQ_EDUCATION, EDU_TQ_PUTONGHUA, EDU_TQ_EXAM, EDU_TQ_AGE, EDU_TQ_HEALTH,
       EDU_TQ_DECLARATION, EDU_TQ_N };
extern const char *const edu_teacher_conds[EDU_TQ_N];
/* The months before the day checked a health check may be (unverified). */
#define EDU_TQ_HEALTH_MONTHS 6
/* Levels of education and of Putonghua, with their Chinese names. */
extern const struct edu_enum edu_teacher_educations[], edu_putonghua_levels[];
/* An applicant as the conditions see it: category, sex (M, F) and
 * birth date normalised; the rest as typed (NULL or "" when not given). */
struct edu_teacher_facts {
	const char *category, *subject, *sex, *birth;
	const char *education, *putonghua, *exam_cert, *exam_date, *health_date,
		*declaration;
};
/* Check an applicant on day `on`: why[i] is "" for a condition met, else
 * why it is not; returns the number not met, or -1 for a value that is
 * not one (its column in *col, the reason in err). */
int edu_teacher_qualify(const struct edu_teacher_facts *f, int on,
			char why[EDU_TQ_N][EDU_ERR_MAX], const char **col, char *err);

#endif
