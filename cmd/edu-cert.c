/* edu-cert - graduation certificates (初中, 高中, 中职毕业证书) and
 * teacher-qualification certificates (教师资格证书): issued in idempotent
 * batches, verified, revoked and reissued */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* The key column of certificate verbs, and its Chinese names. */
#define CERT_NO_ALIASES "证书编号|证书号"

/* ---- options ----------------------------------------------------------- */

static struct {
	const char *kind, *batch, *school, *status, *name, *id, *reason;
	long year;
	int as_of;	/* -1: now */
	int eligible, override;
} opt = { .as_of = -1 };

static const struct edu_option issue_opts[] = {
	EDU_OPT_ENUM("kind", &opt.kind, "KIND", edu_cert_kinds, "junior, senior, vocational or teacher"),
	EDU_OPT_TEXT("batch", &opt.batch, "NAME", "the batch name written on each certificate (default: KIND-DATE)"),
	EDU_OPT_FLAG("eligible", &opt.eligible, "every student graduated in --year who has never had a certificate of the kind"),
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "with --eligible: the year of graduation"),
	EDU_OPT_DIGITS("school", &opt.school, "CODE", 10, "with --eligible: only the graduates of this school"),
	EDU_OPT_FLAG("override", &opt.override, "teacher: issue to applicants who fail a condition too (needs --reason; audited for each)"),
	EDU_OPT_TEXT("reason", &opt.reason, "TEXT", "with --override: why"),
	EDU_OPT_END
};

static const struct edu_option check_opts[] = {
	EDU_OPT_ENUM("kind", &opt.kind, "KIND", edu_cert_kinds, "teacher (the only kind with conditions to check)"),
	EDU_OPT_END
};

static const struct edu_option list_opts[] = {
	EDU_OPT_ENUM("kind", &opt.kind, "KIND", edu_cert_kinds, "junior, senior, vocational or teacher"),
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of graduation (teacher: of issue)"),
	EDU_OPT_DIGITS("school", &opt.school, "CODE", 10, "the school the holder graduated from"),
	EDU_OPT_ENUM("status", &opt.status, "S", edu_cert_statuses, "valid, revoked or replaced"),
	EDU_OPT_TEXT("batch", &opt.batch, "NAME", "the batch it was issued in"),
	EDU_OPT_DATE("as-of", &opt.as_of, "the certificates issued by DATE, with their status then"),
	EDU_OPT_END
};

static const struct edu_option verify_opts[] = {
	EDU_OPT_TEXT("name", &opt.name, "NAME", "the name the holder gives"),
	EDU_OPT_TEXT("id", &opt.id, "ID_NUMBER", "the ID number the holder gives"),
	EDU_OPT_END
};

static const struct edu_option revoke_opts[] = {
	EDU_OPT_TEXT("reason", &opt.reason, "TEXT", "why (required)"),
	EDU_OPT_END
};

static const struct edu_option reissue_opts[] = {
	EDU_OPT_TEXT("reason", &opt.reason, "R", "lost, damaged or correction (required)"),
	EDU_OPT_END
};

static const struct edu_option proof_opts[] = {
	EDU_OPT_TEXT("reason", &opt.reason, "R", "lost (default) or damaged"),
	EDU_OPT_END
};


/* ---- issuing ------------------------------------------------------------- */

#define COL(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* The columns of a graduation, as the queries below select them. */
#define GRAD_COLS "e.student_no, e.day, e.from_school, e.from_grade, sc.kind, " \
	"sc.name, s.name, s.sex, s.birth_date, s.id_number "
#define GRAD_FROM "FROM student_event e JOIN student s ON s.student_no = e.student_no " \
	"JOIN school sc ON sc.school_code = e.from_school WHERE e.kind = 'graduate' " \
	"AND e.void_on IS NULL "

static void grad_holder(sqlite3_stmt *st, struct edu_cert_holder *h)
{
	memset(h, 0, sizeof *h);
	h->holder = COL(st, 0);
	h->year = atoi(COL(st, 1));
	h->school = COL(st, 2);
	h->school_name = COL(st, 5);
	h->name = COL(st, 6);
	h->sex = COL(st, 7);
	h->birth = COL(st, 8);
	h->id = COL(st, 9);
}

static void summary(long issued, long valid, long revoked, const char *extra)
{
	if (edu_opt.quiet)
		return;
	edu_warn("issued %ld, skipped %ld (%ld holding a valid certificate, %ld revoked)%s",
		 issued, valid + revoked, valid, revoked, extra ? extra : "");
}

/* A batch: every graduate of the year (and school) who never had a
 * certificate of the kind.  A revoked holder is skipped: a revocation is
 * a decision that no nightly run may undo. */
static long issue_eligible(struct edu_cert_issuer *is, long *valid, long *revoked)
{
	char from[16], to[16];
	sqlite3_stmt *st = edu_prepare(is->db,
		"SELECT " GRAD_COLS ", "
		/* 0: never had one; 3: holds a valid one; 2: revoked. */
		"(SELECT coalesce(max(CASE status WHEN 'valid' THEN 3 "
		"  WHEN 'revoked' THEN 2 ELSE 0 END), 0) "
		" FROM certificate c WHERE c.holder = e.student_no AND c.kind = ?4) "
		GRAD_FROM "AND e.day >= ?1 AND e.day <= ?2 AND (?3 IS NULL OR e.from_school = ?3) "
		"ORDER BY e.student_no, e.day DESC, e.id DESC");
	const char *last = NULL;
	char *prev = NULL;

	is->batch_audit = 1;
	snprintf(from, sizeof from, "%04ld-01-01", opt.year);
	snprintf(to, sizeof to, "%04ld-12-31", opt.year);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	edu_bind_text(st, 3, opt.school);
	sqlite3_bind_text(st, 4, is->kind, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct edu_cert_holder h;
		if (!edu_cert_qualifies(is->kind, COL(st, 4), sqlite3_column_int(st, 3)))
			continue;
		last = COL(st, 0);
		/* Two graduations of one stage in a year: the latest counts. */
		if (prev && !strcmp(prev, last))
			continue;
		free(prev);
		prev = edu_strdup(last);
		int had = sqlite3_column_int(st, 10);
		if (had) {
			(*(had == 3 ? valid : revoked))++;
			continue;
		}
		grad_holder(st, &h);
		edu_cert_issue(is, &h, NULL, NULL, NULL);
		edu_progress("issued", is->issued, 0);
	}
	free(prev);
	if (rc != SQLITE_DONE)
		edu_die_db(is->db, "cannot read the graduates");
	sqlite3_finalize(st);
	edu_cert_batch_audit(is, opt.school, opt.year);
	edu_progress_end();
	return is->issued;
}

/* A refusal: to the --reject file when there is one, else on stderr. */
struct refusals {
	struct edu_out *out;
	struct edu_reject *rj;
	long n;
};

static void refuse(struct refusals *r, const char *key, long line, const char *why)
{
	if (r->out) {
		const char *row[] = { key, why };
		edu_out_row(r->out, row);
	} else if (r->n < 100) {
		if (line)
			edu_warn("-:%ld: student_no: %s", line, why);
		else
			edu_warn("student %s: %s", key, why);
	}
	r->n++;
}

/* Named students: each must have graduated from a school of the kind's
 * stage.  One that holds a valid certificate is skipped; one whose
 * certificate was revoked gets a new number, and the audit says so. */
static void issue_named(struct edu_cert_issuer *is, struct edu_keys *k, struct refusals *r,
			long *valid, long *revoked)
{
	char no[EDU_VAL_MAX], err[EDU_ERR_MAX], why[EDU_ERR_MAX];
	sqlite3_stmt *st = edu_prepare(is->db,
		"SELECT " GRAD_COLS GRAD_FROM "AND e.student_no = ?1 ORDER BY e.day DESC, e.id DESC");

	(void)revoked;
	for (size_t i = 0; i < k->n; i++) {
		if (edu_valid_student_no(k->key[i], no, err) < 0) {
			snprintf(why, sizeof why, "%s", err);
			refuse(r, k->key[i], k->line[i], why);
			continue;
		}
		const char *p[] = { no };
		char *exists = edu_query1(is->db, "SELECT 1 FROM student WHERE student_no = ?", 1, p);
		if (!exists) {
			refuse(r, no, k->line[i], "no such student");
			continue;
		}
		free(exists);
		sqlite3_bind_text(st, 1, no, -1, SQLITE_TRANSIENT);
		int found = 0, rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (edu_cert_qualifies(is->kind, COL(st, 4), sqlite3_column_int(st, 3))) {
				found = 1;
				break;
			}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			edu_die_db(is->db, "cannot read a graduation");
		if (!found) {
			sqlite3_reset(st);
			snprintf(why, sizeof why, "has not graduated from %s (%s certificate)",
				 edu_cert_stage_rule(is->kind), is->kind);
			refuse(r, no, k->line[i], why);
			continue;
		}
		char *rev;
		if (edu_cert_holds(is->db, is->kind, no, NULL, &rev)) {
			(*valid)++;
			sqlite3_reset(st);
			continue;
		}
		struct edu_cert_holder h;
		grad_holder(st, &h);
		edu_cert_issue(is, &h, "follows_revocation", rev, NULL);
		free(rev);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
}

/* ---- teacher applicants ------------------------------------------------- */

/* A teacher applicant's columns: who (edu_cert_teacher_cols), then what
 * the qualification conditions read (edu_teacher_cond_cols). */
#define TEACHER_NCOLS (EDU_CERT_NTEACHER + EDU_TQ_NCOLS)

struct applicant {
	const char *raw[TEACHER_NCOLS];		/* as typed */
	char v[EDU_CERT_NTEACHER][EDU_VAL_MAX];	/* normalised */
	char bad[EDU_ERR_MAX + 64];		/* "COLUMN: why" of a bad row, or "" */
	char why[EDU_TQ_N][EDU_ERR_MAX];	/* of each condition not met */
	int failed;				/* conditions not met */
};

/* Read teacher applicants from CSV files (none: stdin), every row
 * checked as an import does and against the qualification conditions on
 * day `on`; fn is called for each row.  Returns -1 when a file cannot be
 * used at all (said on stderr). */
static int each_applicant(int nfiles, char **files, int on,
			  void (*fn)(struct edu_csv *in, struct applicant *a, void *ctx),
			  void *ctx)
{
	static const char *const names[] = { "-" };
	char *const *list = nfiles ? files : (char *const *)names;
	int n = nfiles ? nfiles : 1, bad = 0;
	struct edu_colname cols[TEACHER_NCOLS];

	memcpy(cols, edu_cert_teacher_cols, sizeof edu_cert_teacher_cols);
	memcpy(cols + EDU_CERT_NTEACHER, edu_teacher_cond_cols, sizeof edu_teacher_cond_cols);
	for (int fi = 0; fi < n; fi++) {
		struct edu_csv *in = edu_csv_open(list[fi]);
		int map[TEACHER_NCOLS], nf, missing = 0;
		if (!in)
			edu_die(EDU_ENOINPUT, "cannot open '%s':", list[fi]);
		if (edu_csv_header(in, cols, TEACHER_NCOLS, edu_import_opt.ignore_extra, map) < 0) {
			bad = 1;
			edu_csv_close(in);
			continue;
		}
		for (int i = 0; i < TEACHER_NCOLS; i++)
			if (map[i] < 0) {
				edu_warn("%s: no %s column", list[fi], cols[i].name);
				missing = 1;
			}
		if (missing) {
			bad = 1;
			edu_csv_close(in);
			continue;
		}
		while ((nf = edu_csv_next(in)) > 0) {
			struct applicant a;
			char err[EDU_ERR_MAX];
			const char *col = NULL;
			for (int i = 0; i < TEACHER_NCOLS; i++)
				a.raw[i] = edu_csv_field(in, map[i]);
			a.bad[0] = '\0';
			a.failed = 0;
			if (edu_csv_bad(in)) {
				col = "row";
				snprintf(err, sizeof err, "%s", edu_csv_bad(in));
			} else if (edu_cert_teacher_row(a.raw, a.v, &col, err) == 0) {
				const char *const *c = a.raw + EDU_CERT_NTEACHER;
				const struct edu_teacher_facts f = {
					.category = a.v[4], .subject = a.raw[5], .sex = a.v[2],
					.birth = a.v[3], .education = c[0], .putonghua = c[1],
					.exam_cert = c[2], .exam_date = c[3], .health_date = c[4],
					.declaration = c[5],
				};
				a.failed = edu_teacher_qualify(&f, on, a.why, &col, err);
			}
			if (col)
				snprintf(a.bad, sizeof a.bad, "%s: %s", col, err);
			fn(in, &a, ctx);
		}
		if (nf < 0)
			bad = 1;
		edu_csv_close(in);
	}
	return bad ? -1 : 0;
}

/* The conditions an applicant does not meet, "education: why; ...". */
static void failed_conditions(const struct applicant *a, struct edu_buf *b)
{
	for (int i = 0; i < EDU_TQ_N; i++)
		if (a->why[i][0])
			edu_buf_printf(b, "%s%s: %s", b->len ? "; " : "", edu_teacher_conds[i],
				       a->why[i]);
}

/* Issuing to teacher applicants: each must meet every condition, unless
 * --override with --reason, which is audited for each one it lets
 * through. */
struct teacher_issue {
	struct edu_cert_issuer *is;
	struct refusals *r;
	long *valid;
};

static void refuse_applicant(struct refusals *r, struct edu_csv *in, const char *id,
			     const char *why)
{
	if (r->out) {
		const char *row[] = { id, why };
		edu_out_row(r->out, row);
	} else if (r->n < 100) {
		edu_warn("%s:%ld: %s", edu_csv_name(in), edu_csv_line(in), why);
	}
	r->n++;
}

static void issue_teacher(struct edu_csv *in, struct applicant *a, void *ctx)
{
	struct teacher_issue *t = ctx;
	struct edu_cert_issuer *is = t->is;
	struct edu_buf failed = { 0 };

	if (a->bad[0]) {
		refuse_applicant(t->r, in, a->raw[0], a->bad);
		return;
	}
	if (a->failed) {
		failed_conditions(a, &failed);
		if (!opt.override) {
			char *why = edu_asprintf("does not qualify: %s", failed.s);
			refuse_applicant(t->r, in, a->raw[0], why);
			free(why);
			edu_buf_free(&failed);
			return;
		}
	}
	char *rev;
	if (edu_cert_holds(is->db, "teacher", a->v[0], a->v[4], &rev)) {
		(*t->valid)++;
		edu_buf_free(&failed);
		return;
	}
	char year[5];
	snprintf(year, sizeof year, "%.4s", is->day);
	struct edu_cert_holder h = {
		.holder = a->v[0], .name = a->v[1], .sex = a->v[2], .birth = a->v[3],
		.id = a->v[0], .category = a->v[4], .subject = a->raw[5], .body = a->v[6],
		.year = atoi(year),
	};
	const char *no = edu_cert_issue(is, &h, "follows_revocation", rev, NULL);
	free(rev);
	if (a->failed) {
		/* Whoever let an applicant through answers for it, by name. */
		struct edu_buf b = { 0 };
		edu_buf_puts(&b, "{\"override\":");
		edu_buf_json(&b, opt.reason);
		edu_buf_puts(&b, ",\"failed\":");
		edu_buf_json(&b, failed.s);
		edu_buf_puts(&b, "}");
		edu_audit(is->db, "certificate", no, b.s);
		edu_buf_free(&b);
	}
	edu_buf_free(&failed);
}

static void issue_teachers(struct edu_cert_issuer *is, int nfiles, char **files,
			   struct refusals *r, long *valid, int *bad_input)
{
	struct teacher_issue t = { is, r, valid };
	int on;

	edu_parse_date(is->day, &on);
	if (each_applicant(nfiles, files, on, issue_teacher, &t) < 0)
		*bad_input = 1;
}

static int issue(struct edu_cmd *c)
{
	struct edu_cert_issuer is;
	struct refusals r = { 0 };
	struct edu_keys k = { 0 };
	struct edu_run run;
	long valid = 0, revoked = 0;
	int bad_input = 0, teacher;
	char *batch;

	edu_need(opt.kind, "--kind");
	teacher = !strcmp(opt.kind, "teacher");
	if (opt.override && !teacher)
		edu_die(EDU_EUSAGE, "--override is for teacher applicants");
	if (opt.override)
		edu_need_text(opt.reason, "--reason");
	else if (opt.reason)
		edu_die(EDU_EUSAGE, "--reason goes with --override");
	if (opt.eligible) {
		if (teacher)
			edu_die(EDU_EUSAGE, "--eligible is for graduation certificates; teacher applicants come as CSV");
		edu_need(opt.year ? "" : NULL, "--year");
		if (c->argc)
			edu_die(EDU_EUSAGE, "--eligible takes no student numbers");
	} else if (opt.year || opt.school) {
		edu_die(EDU_EUSAGE, "--year and --school go with --eligible");
	}
	if (!opt.eligible && !teacher &&
	    edu_keys_read(&k, c->argc, c->argv, "student_no", "学籍号") < 0)
		return EDU_EDATA;
	if ((r.rj = edu_reject_open(edu_import_opt.reject))) {
		const char *cols[] = { teacher ? "id_number" : "student_no", "error" };
		r.out = edu_out_new_fmt(edu_reject_file(r.rj), EDU_FMT_CSV, 0, 2, cols);
	}
	char day[11];
	batch = opt.batch ? edu_strdup(opt.batch)
			  : edu_asprintf("%s-%s", opt.kind, edu_date_str(edu_opt.on, day));

	/* A batch of 100,000 certificates dirties more pages than SQLite's
	 * default 2 MB cache holds: past it each page is spilled to the WAL
	 * as the cache fills, some of them twice.  64 MB keeps the spills
	 * few (the certificates and their indexes grow at their right
	 * edge).  Not more: a larger cache fills with the students read
	 * once each (256 MB made a peak RSS of 285 MB for 300,000
	 * graduates; issue 23 allows 200) and is no faster. */
	sqlite3_exec(c->db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
	edu_run_start(&run);
	edu_begin(c->db);
	edu_cert_issuer_init(&is, c->db, opt.kind, batch, edu_opt.on);
	if (opt.eligible)
		issue_eligible(&is, &valid, &revoked);
	else if (teacher)
		issue_teachers(&is, c->argc, c->argv, &r, &valid, &bad_input);
	else
		issue_named(&is, &k, &r, &valid, &revoked);
	edu_keys_free(&k);

	edu_out_end(r.out);
	if (bad_input || (r.n && !r.out)) {
		edu_cert_issuer_end(&is);
		edu_rollback(c->db);
		edu_reject_close(r.rj, 0);
		free(batch);
		edu_warn("nothing issued (%ld refused)", r.n);
		return EDU_EDATA;
	}
	edu_seqs_save(is.seqs);
	int status = r.n ? EDU_NO : 0;
	char *counts = edu_asprintf("issued=%ld skipped_valid=%ld skipped_revoked=%ld rejected=%ld",
				    is.issued, valid, revoked, r.n);
	edu_run_finish(c->db, &run, counts, status);
	free(counts);
	/* The refusals are safe before the certificates commit. */
	edu_reject_flush(r.rj);
	long issued = is.issued;
	edu_cert_issuer_end(&is);
	edu_finish(c->db);
	edu_reject_close(r.rj, 1);
	free(batch);
	char extra[64] = "";
	if (r.n)
		snprintf(extra, sizeof extra, ", rejected %ld", r.n);
	summary(issued, valid, revoked, extra);
	return status;
}

/* ---- check --------------------------------------------------------------- */

struct check_run {
	struct edu_out *out;
	long n, failed, bad;
};

static void check_one(struct edu_csv *in, struct applicant *a, void *ctx)
{
	struct check_run *r = ctx;

	if (a->bad[0]) {
		if (r->bad++ < 100)
			edu_warn("%s:%ld: %s", edu_csv_name(in), edu_csv_line(in), a->bad);
		return;
	}
	char cell[EDU_TQ_N][EDU_ERR_MAX + 8];
	const char *row[3 + EDU_TQ_N + 1] = { a->v[0], a->v[1], a->v[4] };
	for (int i = 0; i < EDU_TQ_N; i++) {
		if (a->why[i][0])
			snprintf(cell[i], sizeof cell[i], "fail: %s", a->why[i]);
		else
			snprintf(cell[i], sizeof cell[i], "%s",
				 i == EDU_TQ_EXAM && !strcmp(a->v[4], "higher") ? "not required" : "pass");
		row[3 + i] = cell[i];
	}
	row[3 + EDU_TQ_N] = a->failed ? "fail" : "pass";
	r->n++;
	r->failed += a->failed > 0;
	edu_out_row(r->out, row);
}

static int check(struct edu_cmd *c)
{
	const char *cols[3 + EDU_TQ_N + 1] = { "id_number", "name", "category" };
	struct check_run r = { 0 };

	edu_need(opt.kind, "--kind");
	if (strcmp(opt.kind, "teacher"))
		edu_die(EDU_EUSAGE, "--kind: only teacher applicants have conditions to check");
	for (int i = 0; i < EDU_TQ_N; i++)
		cols[3 + i] = edu_teacher_conds[i];
	cols[3 + EDU_TQ_N] = "result";
	r.out = edu_out_new(stdout, 3 + EDU_TQ_N + 1, cols);
	int rc = each_applicant(c->argc, c->argv, edu_opt.on, check_one, &r);
	edu_out_end(r.out);
	if (rc < 0 || r.bad) {
		if (r.bad > 100)
			edu_warn("... and %ld more bad rows", r.bad - 100);
		return EDU_EDATA;
	}
	if (!edu_opt.quiet)
		edu_warn("%ld applicants checked, %ld failing", r.n, r.failed);
	return r.failed ? EDU_NO : 0;
}

/* ---- verify, revoke, reissue ------------------------------------------- */

static char *cert_key(const char *s)
{
	size_t n = strspn(s, " \t");
	char *k = edu_strdup(s + n);

	for (size_t len = strlen(k); len && (k[len - 1] == ' ' || k[len - 1] == '\t'); len--)
		k[len - 1] = 0;
	return k;
}

static int verify(struct edu_cmd *c)
{
	char *no = cert_key(c->argv[0]);
	struct edu_buf say = { 0 };
	int valid = edu_cert_verify(c->db, no, opt.name, opt.id, &say);

	printf("%s\n", say.s);
	edu_buf_free(&say);
	free(no);
	return valid ? 0 : EDU_NO;
}

/* A revocation in progress: its statements. */
struct revoke_run {
	sqlite3_stmt *get, *up, *ev;
};

static void revoke_start(struct edu_cmd *c, void *ctx)
{
	struct revoke_run *r = ctx;

	r->get = edu_prepare(c->db, "SELECT status FROM certificate WHERE cert_no = ?1");
	r->up = edu_prepare(c->db,
		"UPDATE certificate SET status = 'revoked', revoked_on = ?2, reason = ?3 "
		"WHERE cert_no = ?1 AND status = 'valid'");
	r->ev = edu_prepare(c->db,
		"INSERT INTO certificate_event (cert_no, day, kind, reason, other, "
		"from_status, to_status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
}

static void revoke_end(struct edu_cmd *c, void *ctx)
{
	struct revoke_run *r = ctx;

	(void)c;
	sqlite3_finalize(r->get);
	sqlite3_finalize(r->up);
	sqlite3_finalize(r->ev);
}

static int revoke_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	struct revoke_run *r = ctx;
	char *no = cert_key(k->key);
	int rc = EDU_KEY_DONE;

	sqlite3_reset(r->get);
	sqlite3_bind_text(r->get, 1, no, -1, SQLITE_STATIC);
	if (sqlite3_step(r->get) != SQLITE_ROW) {
		rc = EDU_KEY_MISSING;
	} else if (strcmp((const char *)sqlite3_column_text(r->get, 0), "valid")) {
		rc = edu_key_refuse(k, "%s", strcmp((const char *)sqlite3_column_text(r->get, 0), "revoked")
				    ? "was replaced" : "is revoked already");
	} else {
		sqlite3_reset(r->up);
		sqlite3_bind_text(r->up, 1, no, -1, SQLITE_STATIC);
		sqlite3_bind_text(r->up, 2, k->on, -1, SQLITE_STATIC);
		sqlite3_bind_text(r->up, 3, opt.reason, -1, SQLITE_STATIC);
		edu_exec_stmt(c->db, r->up);
		edu_cert_event(c->db, r->ev, no, k->on, "revoke", opt.reason, NULL, "valid", "revoked");
		static const char *const names[] = { "status", "revoked_on", "reason" };
		const char *old[] = { "valid", NULL, NULL };
		const char *new[] = { "revoked", k->on, opt.reason };
		edu_audit_change(c->db, "certificate", no, 3, names, old, new);
	}
	free(no);
	return rc;
}

static int revoke(struct edu_cmd *c)
{
	struct revoke_run r;
	const struct edu_keyverb kv = {
		.col = "cert_no", .aliases = CERT_NO_ALIASES, .noun = "certificate",
		.done = "revoked", .start = revoke_start, .apply = revoke_one,
		.end = revoke_end,
	};

	edu_need_text(opt.reason, "--reason");
	return edu_drive(c, &kv, &r);
}

/* What stands in for a certificate: a new certificate (reissue), or a
 * graduation proof (proof). */
struct replacement {
	const char *reason;
	int proof;
};

/* Replace one certificate: the old one is marked replaced, the new one
 * (a certificate, or a 毕业证明书) printed (after the commit, as all
 * output is). */
static int replace_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	const struct replacement *rp = ctx;
	const char *reason = rp->reason;
	char *no = cert_key(k->key);
	const char *p[] = { no };
	char *status = edu_query1(c->db, "SELECT status FROM certificate WHERE cert_no = ?", 1, p);
	int rc = EDU_KEY_DONE;

	if (!status)
		rc = EDU_KEY_MISSING;
	else if (strcmp(status, "valid"))
		rc = edu_key_refuse(k, "%s", strcmp(status, "revoked") ? "was replaced"
							   : "is revoked already");
	free(status);
	if (rc != EDU_KEY_DONE) {
		free(no);
		return rc;
	}
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT c.kind, c.holder, c.name, c.sex, c.birth_date, c.id_number, "
		"c.school_code, c.school_name, c.category, c.subject, c.body, c.year, "
		"s.name, s.sex, s.birth_date, s.id_number, c.batch "
		"FROM certificate c LEFT JOIN student s ON s.student_no = c.holder "
		"AND c.kind <> 'teacher' WHERE c.cert_no = ?1");
	sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		edu_die_db(c->db, "cannot read the certificate");
	const char *refusal = rp->proof ? (!strcmp(COL(st, 0), "teacher")
		? "a teacher certificate is reissued ('edu-cert reissue'), not proved" : NULL)
		: edu_cert_reissue_refusal(COL(st, 0), reason);
	if (refusal) {
		sqlite3_finalize(st);
		free(no);
		return edu_key_refuse(k, "%s", refusal);
	}
	/* A correction prints the registry's data as it is now. */
	int now = !strcmp(reason, "correction") && sqlite3_column_type(st, 12) != SQLITE_NULL;
	struct edu_cert_holder h = {
		.holder = COL(st, 1), .name = COL(st, now ? 12 : 2),
		.sex = COL(st, now ? 13 : 3), .birth = COL(st, now ? 14 : 4),
		.id = COL(st, now ? 15 : 5), .school = COL(st, 6), .school_name = COL(st, 7),
		.category = COL(st, 8), .subject = COL(st, 9), .body = COL(st, 10),
		.year = sqlite3_column_int(st, 11),
	};
	struct edu_cert_issuer is;
	edu_cert_issuer_init(&is, c->db, COL(st, 0), COL(st, 16), edu_opt.on);
	if (rp->proof)
		edu_cert_issuer_proof(&is);
	/* The old one stops being valid first: one valid per holder. */
	const char *q[] = { no, reason };
	edu_exec(c->db, "UPDATE certificate SET status = 'replaced', reason = ?2 WHERE cert_no = ?1", 2, q);
	char *new = edu_strdup(edu_cert_issue(&is, &h, "reason", reason, no));
	const char *r[] = { no, new };
	edu_exec(c->db, "UPDATE certificate SET replaced_by = ?2 WHERE cert_no = ?1", 2, r);
	edu_cert_event(c->db, is.ev, no, is.day, "replace", reason, new, "valid", "replaced");
	static const char *const names[] = { "status", "replaced_by", "reason" };
	const char *old[] = { "valid", NULL, NULL };
	const char *nw[] = { "replaced", new, reason };
	edu_audit_change(c->db, "certificate", no, 3, names, old, nw);
	edu_seqs_save(is.seqs);
	sqlite3_finalize(st);
	edu_cert_issuer_end(&is);
	free(new);
	free(no);
	return EDU_KEY_DONE;
}

static int reissue(struct edu_cmd *c)
{
	char reason[EDU_VAL_MAX], err[EDU_ERR_MAX];
	struct replacement rp = { .reason = reason };
	const struct edu_keyverb kv = {
		.col = "cert_no", .aliases = CERT_NO_ALIASES, .noun = "certificate",
		.done = "reissued", .apply = replace_one,
	};

	edu_need(opt.reason, "--reason");
	if (edu_valid_enum(edu_cert_reissue_reasons, opt.reason, reason, err) < 0)
		edu_die(EDU_EUSAGE, "--reason: %s", err);
	opt.reason = reason;
	return edu_drive(c, &kv, &rp);
}

static int proof(struct edu_cmd *c)
{
	char reason[EDU_VAL_MAX], err[EDU_ERR_MAX];
	struct replacement rp = { .reason = reason, .proof = 1 };
	const struct edu_keyverb kv = {
		.col = "cert_no", .aliases = CERT_NO_ALIASES, .noun = "certificate",
		.done = "proved", .apply = replace_one,
	};

	if (edu_valid_enum(edu_cert_reissue_reasons, opt.reason ? opt.reason : "lost",
			   reason, err) < 0)
		edu_die(EDU_EUSAGE, "--reason: %s", err);
	if (!strcmp(reason, "correction"))
		edu_die(EDU_EUSAGE, "--reason: a correction is a reissue ('edu-cert reissue')");
	return edu_drive(c, &kv, &rp);
}

/* ---- list, show ---------------------------------------------------------- */

/* With --as-of a certificate's status is the `from` state of its first
 * event after the day, or its current one; a reissue's link and a
 * revocation show only once they happened. */
static int list(struct edu_cmd *c)
{
	char day[11];
	sqlite3_stmt *st = edu_prepare(c->db,
		"WITH c AS (SELECT *, CASE WHEN ?6 IS NULL THEN status ELSE coalesce("
		"  (SELECT from_status FROM certificate_event e WHERE e.cert_no = certificate.cert_no "
		"   AND e.day > ?6 ORDER BY e.day, e.id LIMIT 1), status) END AS then_status "
		"  FROM certificate WHERE ?6 IS NULL OR issued_on <= ?6) "
		"SELECT cert_no, kind, holder, name, sex, birth_date, id_number, "
		"school_code, school_name, category, subject, issued_on, batch, year, "
		"then_status AS status, replaces, "
		"CASE WHEN then_status = 'replaced' THEN replaced_by END AS replaced_by, "
		"CASE WHEN then_status <> 'valid' THEN revoked_on END AS revoked_on, "
		"CASE WHEN then_status <> 'valid' THEN reason END AS reason, form FROM c "
		"WHERE (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR year = ?2) "
		"AND (?3 IS NULL OR school_code = ?3) AND (?4 IS NULL OR then_status = ?4) "
		"AND (?5 IS NULL OR batch = ?5) ORDER BY cert_no");

	if (opt.as_of >= 0)
		sqlite3_bind_text(st, 6, edu_date_str(opt.as_of, day), -1, SQLITE_STATIC);

	edu_bind_text(st, 1, opt.kind);
	if (opt.year)
		sqlite3_bind_int64(st, 2, opt.year);
	edu_bind_text(st, 3, opt.school);
	edu_bind_text(st, 4, opt.status);
	edu_bind_text(st, 5, opt.batch);
	edu_print_stmt(st, 0);
	return 0;
}

static int show(struct edu_cmd *c)
{
	static const char *const cols[] = { "field", "value" };
	char *no = cert_key(c->argv[0]);
	sqlite3_stmt *st = edu_prepare(c->db, "SELECT * FROM certificate WHERE cert_no = ?1");

	sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		edu_warn("no certificate '%s'", no);
		free(no);
		return EDU_NO;
	}
	struct edu_out *o = edu_out_new(stdout, 2, cols);
	for (int i = 0; i < sqlite3_column_count(st); i++) {
		const char *row[] = { sqlite3_column_name(st, i), COL(st, i) };
		edu_out_row(o, row);
	}
	sqlite3_finalize(st);
	st = edu_prepare(c->db,
		"SELECT 'event ' || day, kind || coalesce(' ' || other, '') || "
		"coalesce(': ' || reason, '') FROM certificate_event WHERE cert_no = ?1 ORDER BY day, id");
	sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
	edu_out_stmt(o, st);
	sqlite3_finalize(st);
	edu_out_end(o);
	free(no);
	return 0;
}

#define W EDU_V_WRITE
static const struct edu_verb verbs[] = {
	{ .name = "issue", .run = issue, .args_doc = "[STUDENT_NO...|FILE...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W | EDU_V_IMPORT, .opts = issue_opts,
	  .summary = "issue certificates to graduates or teacher applicants",
	  .doc = "Issue certificates of --kind.  Graduation kinds: the students named "
	  "as arguments or by a student_no column on stdin, or with --eligible "
	  "every student graduated in --year (from --school) who never had one "
	  "of the kind.  Teacher: applicants from CSV files (none: stdin) with "
	  "columns id_number, name, sex, birth_date, category, subject, body.  A "
	  "holder of a valid certificate is skipped; prints what it issued." },
	{ .name = "check", .run = check, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .opts = check_opts,
	  .summary = "check teacher applicants against the qualification conditions; exit 1 when one fails",
	  .doc = "Check teacher applicants from CSV files (none: stdin) on --on: for each, "
	  "each condition (education, putonghua, exam, age, health, declaration) with pass "
	  "or fail and why.  Nothing is written." },
	{ .name = "verify", .run = verify, .args_doc = "CERT_NO", .min_args = 1, .max_args = 1,
	  .opts = verify_opts,
	  .summary = "say whether a certificate is valid (exit 0) or not (exit 1)" },
	{ .name = "revoke", .run = revoke, .args_doc = "[CERT_NO...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W, .opts = revoke_opts,
	  .summary = "revoke certificates (撤销)",
	  .doc = "Revoke the certificates named as arguments or by a cert_no column on "
	  "stdin; all must be valid, else nothing is revoked (exit 65)." },
	{ .name = "reissue", .run = reissue, .args_doc = "CERT_NO", .min_args = 1, .max_args = 1,
	  .roles = "registrar", .flags = W, .opts = reissue_opts,
	  .summary = "replace a certificate with a new number (补发, 换发)",
	  .doc = "Give a valid certificate's holder a new number; the old one is marked "
	  "replaced and both are linked.  A correction takes the holder's current "
	  "registry data.  A graduation certificate is reissued only for a "
	  "correction: a lost or damaged one gets a 毕业证明书 (proof)." },
	{ .name = "proof", .run = proof, .args_doc = "CERT_NO", .min_args = 1, .max_args = 1,
	  .roles = "registrar", .flags = W, .opts = proof_opts,
	  .summary = "issue a graduation proof (毕业证明书) for a lost graduation certificate",
	  .doc = "Issue a 毕业证明书 in place of a valid graduation certificate that was "
	  "lost or damaged: a number from cert.proof.pattern, the data as printed on "
	  "the certificate, in the same ledger; the certificate is marked replaced "
	  "and both are linked." },
	{ .name = "list", .run = list, .opts = list_opts,
	  .summary = "list certificates" },
	{ .name = "show", .run = show, .args_doc = "CERT_NO", .min_args = 1, .max_args = 1,
	  .summary = "show a certificate and its events" },
	{ 0 }
};

static const struct edu_tool tool = {
	.name = "edu-cert",
	.summary = "edu-cert -- graduation and teacher-qualification certificates",
	.verbs = verbs,
};

int main(int argc, char **argv)
{
	return edu_main(&tool, argc, argv);
}
