/* edu-exam - the senior-high entrance exam (中考): candidates and their
 * scores, schools' seats, admission by parallel choices (平行志愿), and
 * the enrolment of the admitted in grade 10 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "edu.h"

#define MAX_SHOWN 100	/* bad rows reported before we only count them */

/* ---- options ----------------------------------------------------------- */

enum { OPT_YEAR = 0x200, OPT_SEED, OPT_SCHOOL, OPT_UNADMITTED, OPT_REJECT };

static struct {
	long year;
	uint64_t seed;
	int seeded;
	const char *school;
	int unadmitted;
	const char *reject;
} opt;

#define YEAR_OPTION { "year", OPT_YEAR, "YEAR", 0, "the year of the exam", 0 }

static const struct argp_option year_options[] = {
	YEAR_OPTION,
	{ 0 }
};

static const struct argp_option admit_options[] = {
	YEAR_OPTION,
	{ "seed", OPT_SEED, "N", 0, "the lottery's seed: the same seed gives the same draw", 0 },
	{ 0 }
};

static const struct argp_option list_options[] = {
	YEAR_OPTION,
	{ "school", OPT_SCHOOL, "CODE", 0, "only the candidates this school admitted", 0 },
	{ "unadmitted", OPT_UNADMITTED, 0, 0, "only the candidates no school admitted", 0 },
	{ 0 }
};

static const struct argp_option enroll_options[] = {
	YEAR_OPTION,
	{ "reject", OPT_REJECT, "FILE", 0, "write the refused candidates to FILE with an error column and enroll the rest (exit 1)", 0 },
	{ 0 }
};

static error_t parse(int key, char *arg, struct argp_state *state)
{
	(void)state;
	switch (key) {
	case OPT_YEAR: opt.year = edu_arg_long("--year", arg, 1949, 9999); break;
	case OPT_SEED:
		opt.seed = (uint64_t)edu_arg_long("--seed", arg, 0, INT64_MAX);
		opt.seeded = 1;
		break;
	case OPT_SCHOOL: opt.school = arg; break;
	case OPT_UNADMITTED: opt.unadmitted = 1; break;
	case OPT_REJECT: opt.reject = arg; break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static void need_year(void)
{
	if (!opt.year)
		edu_die(EDU_EUSAGE, "--year is required (see '%s %s --help')", edu_prog,
			edu_verb_name);
}

/* A total in tenths as SQL text: 612.5, 600. */
#define POINTS(x) "(CASE WHEN " x " IS NULL THEN NULL WHEN " x " % 10 THEN printf('%d.%d', " x " / 10, " x " % 10) " \
	"ELSE printf('%d', " x " / 10) END)"

static const char *year_str(char buf[8])
{
	snprintf(buf, 8, "%ld", opt.year);
	return buf;
}

/* ---- schools ----------------------------------------------------------- */

/* The schools in memory, sorted by code: a candidate file names millions
 * of choices, each checked against them. */
struct school {
	char code[11];
	char kind[16];
};
static struct school *schools;
static size_t nschools;

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct school *)a)->code, ((const struct school *)b)->code);
}

static void load_schools(sqlite3 *db)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT school_code, kind FROM school ORDER BY school_code");
	size_t cap = 0;

	while (sqlite3_step(st) == SQLITE_ROW) {
		if (nschools == cap)
			schools = edu_realloc(schools, (cap = cap ? 2 * cap : 256) * sizeof *schools);
		snprintf(schools[nschools].code, sizeof schools->code, "%s", sqlite3_column_text(st, 0));
		snprintf(schools[nschools].kind, sizeof schools->kind, "%s", sqlite3_column_text(st, 1));
		nschools++;
	}
	sqlite3_finalize(st);
}

static const struct school *find_school(const char *code)
{
	struct school key;

	snprintf(key.code, sizeof key.code, "%s", code);
	return bsearch(&key, schools, nschools, sizeof *schools, by_code);
}

/* A school that may take candidates: senior, complete or vocational. */
static int senior_school(const char *code, char *err)
{
	char norm[EDU_VAL_MAX];
	const struct school *s;

	if (edu_valid_digits(code, 10, norm, err) < 0)
		return -1;
	if (!(s = find_school(norm)))
		return snprintf(err, EDU_ERR_MAX, "no school '%s'", norm), -1;
	if (strcmp(s->kind, "senior") && strcmp(s->kind, "complete") &&
	    strcmp(s->kind, "vocational"))
		return snprintf(err, EDU_ERR_MAX, "school %s is a %s school, not a senior, "
				"complete or vocational one", norm, s->kind), -1;
	return 0;
}

/* ---- reading the input files --------------------------------------------- */

/* What candidate and seat imports share: the files, the header, the bad
 * rows (reported, or with --reject written out), the counts. */
struct importer {
	sqlite3 *db;
	const char *what;	/* "candidate", for the counts */
	const char *fname;
	struct edu_csv *r;
	int nf;			/* fields of the header */
	char **head;		/* the header as given */
	long inserted, updated, unchanged, errors;
	FILE *reject_f;
	struct edu_out *reject;
	/* per import: maps of the header */
	int (*header)(struct importer *im);
	int (*row)(struct importer *im, const char **col, char *err);
};

static void bad_row(struct importer *im, const char *col, const char *msg)
{
	long line = edu_csv_line(im->r);

	if (im->errors++ < MAX_SHOWN) {
		if (col)
			edu_warn("%s:%ld: %s: %s", im->fname, line, col, msg);
		else
			edu_warn("%s:%ld: %s", im->fname, line, msg);
	}
	if (!im->reject_f)
		return;
	if (!im->reject) {
		const char **names = edu_malloc((im->nf + 1) * sizeof *names);
		for (int i = 0; i < im->nf; i++)
			names[i] = im->head[i];
		names[im->nf] = "error";
		im->reject = edu_out_new_fmt(im->reject_f, EDU_FMT_CSV, 0, im->nf + 1, names);
		free(names);
	}
	for (int i = 0; i < im->nf; i++)
		edu_out_cell(im->reject, edu_csv_field(im->r, i), EDU_V_TEXT);
	char *m = col ? edu_asprintf("%s: %s", col, msg) : edu_strdup(msg);
	edu_out_cell(im->reject, m, EDU_V_TEXT);
	free(m);
}

/* Is the header field h the column `name` or one of its aliases? */
static int is_col(const char *h, const char *name, const char *aliases)
{
	if (!strcasecmp(h, name))
		return 1;
	for (const char *a = aliases; a && *a;) {
		size_t n = strcspn(a, "|");
		if (strlen(h) == n && !strncmp(h, a, n))
			return 1;
		a += n + (a[n] == '|');
	}
	return 0;
}

static int import_file(struct importer *im, const char *path)
{
	int rc = 0;

	if (!(im->r = edu_csv_open(path)))
		return EDU_ENOINPUT;
	im->fname = edu_csv_name(im->r);
	int nf = edu_csv_next(im->r);
	if (nf <= 0) {
		edu_warn("%s: %s", im->fname, nf == 0 ? "no header row" : "unreadable header");
		edu_csv_close(im->r);
		return EDU_EDATA;
	}
	im->nf = nf;
	im->head = edu_malloc(nf * sizeof *im->head);
	for (int i = 0; i < nf; i++) {
		/* A UTF-8 BOM and spaces around a name are not part of it. */
		const char *h = edu_csv_field(im->r, i);
		if (i == 0 && !strncmp(h, "\xef\xbb\xbf", 3))
			h += 3;
		while (*h == ' ')
			h++;
		im->head[i] = edu_strdup(h);
		for (size_t n = strlen(im->head[i]); n && im->head[i][n - 1] == ' ';)
			im->head[i][--n] = 0;
	}
	if (im->header(im) < 0) {
		rc = EDU_EDATA;
		goto out;
	}
	int n;
	while ((n = edu_csv_next(im->r)) != 0) {
		const char *col = NULL, *why;
		char err[EDU_ERR_MAX];

		if (n < 0) {
			rc = EDU_EDATA;
			break;
		}
		if ((why = edu_csv_bad(im->r))) {
			bad_row(im, NULL, why);
			continue;
		}
		if (n > im->nf) {
			bad_row(im, NULL, "more fields than the header has");
			continue;
		}
		if (im->row(im, &col, err) < 0)
			bad_row(im, col, err);
	}
out:
	for (int i = 0; i < im->nf; i++)
		free(im->head[i]);
	free(im->head);
	edu_csv_close(im->r);
	return rc;
}

/* Import files (none: stdin) in one transaction: any bad row and nothing
 * is written, unless --reject. */
static int run_import(struct importer *im, int nfiles, char **files)
{
	int status = 0;
	char *stdin_only[] = { "-" };

	if (!nfiles) {
		nfiles = 1;
		files = stdin_only;
	}
	if (edu_import_opt.reject && !(im->reject_f = fopen(edu_import_opt.reject, "w")))
		edu_die(EDU_ECANTCREAT, "cannot create '%s':", edu_import_opt.reject);
	edu_begin(im->db);
	for (int i = 0; i < nfiles && !status; i++)
		status = import_file(im, files[i]);
	if (im->errors > MAX_SHOWN)
		edu_warn("... and %ld more errors", im->errors - MAX_SHOWN);
	if (status || (im->errors && !im->reject_f)) {
		edu_rollback(im->db);
		if (im->errors)
			edu_warn("nothing written (%ld bad row%s)", im->errors,
				 im->errors == 1 ? "" : "s");
		else
			edu_warn("nothing written");
		status = status ? status : EDU_EDATA;
	} else {
		edu_finish(im->db);
		if (!edu_opt.quiet)
			edu_warn("%s: %ld inserted, %ld updated, %ld unchanged, %ld rejected",
				 im->what, im->inserted, im->updated, im->unchanged, im->errors);
		status = im->errors ? EDU_NO : 0;
	}
	if (im->reject_f) {
		if (im->reject)
			edu_out_end(im->reject);
		if (fclose(im->reject_f) != 0)
			edu_die(EDU_EIO, "cannot write '%s':", edu_import_opt.reject);
	}
	return status;
}

/* Write one record with its audit: a new one, or with --upsert an old
 * one whose fields differ.  old[] is NULL for a new key. */
static void audited(struct importer *im, const char *entity, const char *key, int n,
		    const char *const *names, char **old, const char *const *new)
{
	int changed = edu_audit_change(im->db, entity, key, n, names,
				       (const char *const *)old, new);
	if (!old)
		im->inserted++;
	else if (changed)
		im->updated++;
	else
		im->unchanged++;
}

/* ---- candidates ---------------------------------------------------------- */

enum { C_EXAM_NO, C_STUDENT_NO, C_NAME, C_JUNIOR, C_BONUS, C_TOTAL, C_NFIXED };
static const struct edu_colname cand_fixed[C_NFIXED] = {
	{ "exam_no", "准考证号|考号" },
	{ "student_no", "学籍号|全国学籍号" },
	{ "name", "姓名" },
	{ "junior_school", "毕业学校|初中学校" },
	{ "bonus", "加分|政策加分" },
	{ "total", "总分" },
};

static struct {
	int fixed[C_NFIXED];
	int score[64];		/* header fields of score_<subject> */
	int nscore;
	int choice[EDU_EXAM_CHOICES];	/* header field of choiceN, or -1 */
	int nchoice;
	sqlite3_stmt *student, *old, *ins, *upd;
} cm;

static int cand_header(struct importer *im)
{
	long np = 0;
	int bad = 0;

	for (int i = 0; i < C_NFIXED; i++)
		cm.fixed[i] = -1;
	for (int i = 0; i < EDU_EXAM_CHOICES; i++)
		cm.choice[i] = -1;
	cm.nscore = cm.nchoice = 0;
	for (int f = 0; f < im->nf; f++) {
		const char *h = im->head[f];
		int known = 0;

		for (int i = 0; i < C_NFIXED; i++)
			if (is_col(h, cand_fixed[i].name, cand_fixed[i].aliases)) {
				if (cm.fixed[i] >= 0)
					bad = edu_header_problem(&np, "%s:1: the column '%s' is given twice",
							im->fname, cand_fixed[i].name);
				cm.fixed[i] = f;
				known = 1;
			}
		if (!strncasecmp(h, "score_", 6) && h[6]) {
			if (cm.nscore == (int)(sizeof cm.score / sizeof *cm.score))
				return edu_error("%s:1: too many score columns", im->fname);
			for (int i = 0; i < cm.nscore; i++)
				if (!strcasecmp(im->head[cm.score[i]], h))
					bad = edu_header_problem(&np, "%s:1: the column '%s' is given twice",
							im->fname, h);
			for (const char *p = h + 6; *p; p++)
				if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') &&
				    !(*p >= '0' && *p <= '9') && *p != '_') {
					bad = edu_header_problem(&np, "%s:1: '%s': a subject is letters, digits and '_'",
							im->fname, h);
					break;
				}
			cm.score[cm.nscore++] = f;
			known = 1;
		}
		if (!strncasecmp(h, "choice", 6) && h[6] >= '1' && h[6] <= '9') {
			char *end;
			long k = strtol(h + 6, &end, 10);
			if (*end || k > EDU_EXAM_CHOICES)
				bad = edu_header_problem(&np, "%s:1: '%s': choices are choice1 to choice%d",
						im->fname, h, EDU_EXAM_CHOICES);
			else if (cm.choice[k - 1] >= 0)
				bad = edu_header_problem(&np, "%s:1: the column '%s' is given twice", im->fname, h);
			else
				cm.choice[k - 1] = f;
			known = 1;
		}
		if (!known && !edu_import_opt.ignore_extra)
			bad = edu_header_problem(&np, "%s:1: unknown column '%s' (or --ignore-extra)",
					im->fname, h);
	}
	for (int i = 0; i < C_NFIXED; i++)
		if (cm.fixed[i] < 0 && i <= C_NAME)
			bad = edu_header_problem(&np, "%s:1: the column '%s' is missing", im->fname,
					cand_fixed[i].name);
	if (!cm.nscore)
		bad = edu_header_problem(&np, "%s:1: no score_<subject> column", im->fname);
	for (int k = 0; k < EDU_EXAM_CHOICES; k++)
		if (cm.choice[k] >= 0) {
			for (int j = 0; j < k; j++)
				if (cm.choice[j] < 0) {
					bad = edu_header_problem(&np, "%s:1: choice%d without choice%d", im->fname,
							k + 1, j + 1);
					break;
				}
			cm.nchoice = k + 1;
		}
	edu_header_problems_end(np, im->fname);
	return bad ? -1 : 0;
}

static const char *fixed(struct importer *im, int i)
{
	return cm.fixed[i] < 0 ? "" : edu_csv_field(im->r, cm.fixed[i]);
}

static int cand_row(struct importer *im, const char **col, char *err)
{
	char exam_no[40], student_no[EDU_VAL_MAX], junior[EDU_VAL_MAX], num[16];
	char bonus_s[16], total_s[16];
	int bonus = 0, total = 0, sum = 0;
	struct edu_buf scores = { 0 }, choices = { 0 };
	const char *v;
	int rc = -1;

	/* exam_no: letters and digits, as printed on the admission ticket */
	v = fixed(im, C_EXAM_NO);
	while (*v == ' ')
		v++;
	size_t n = strlen(v);
	while (n && v[n - 1] == ' ')
		n--;
	*col = "exam_no";
	if (!n)
		return snprintf(err, EDU_ERR_MAX, "may not be empty"), -1;
	if (n >= sizeof exam_no)
		return snprintf(err, EDU_ERR_MAX, "longer than %zu characters", sizeof exam_no - 1), -1;
	for (size_t i = 0; i < n; i++)
		if (!(v[i] >= '0' && v[i] <= '9') && !(v[i] >= 'A' && v[i] <= 'Z') &&
		    !(v[i] >= 'a' && v[i] <= 'z') && v[i] != '-')
			return snprintf(err, EDU_ERR_MAX, "letters, digits and '-' only"), -1;
	memcpy(exam_no, v, n);
	exam_no[n] = 0;

	*col = "student_no";
	if (edu_valid_student_no(fixed(im, C_STUDENT_NO), student_no, err) < 0)
		return -1;
	sqlite3_bind_text(cm.student, 1, student_no, -1, SQLITE_STATIC);
	int found = sqlite3_step(cm.student) == SQLITE_ROW;
	sqlite3_reset(cm.student);
	if (!found)
		return snprintf(err, EDU_ERR_MAX, "no student '%s'", student_no), -1;

	*col = "name";
	const char *name = fixed(im, C_NAME);
	if (!*name)
		return snprintf(err, EDU_ERR_MAX, "may not be empty"), -1;

	*col = "junior_school";
	junior[0] = 0;
	if (*fixed(im, C_JUNIOR)) {
		if (edu_valid_digits(fixed(im, C_JUNIOR), 10, junior, err) < 0)
			return -1;
		if (!find_school(junior))
			return snprintf(err, EDU_ERR_MAX, "no school '%s'", junior), -1;
	}

	for (int i = 0; i < cm.nscore; i++) {
		const char *h = im->head[cm.score[i]];
		int s;

		*col = h;
		if (edu_score_parse(edu_csv_field(im->r, cm.score[i]), &s, err) < 0)
			goto out;
		sum += s;
		if (scores.len)
			edu_buf_puts(&scores, ";");
		for (const char *p = h + 6; *p; p++) {
			char lc = (*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p;
			edu_buf_add(&scores, &lc, 1);
		}
		edu_buf_printf(&scores, "=%s", edu_score_str(s, num));
	}

	*col = "bonus";
	if (*fixed(im, C_BONUS) && edu_score_parse(fixed(im, C_BONUS), &bonus, err) < 0)
		goto out;
	*col = "total";
	if (*fixed(im, C_TOTAL)) {
		if (edu_score_parse(fixed(im, C_TOTAL), &total, err) < 0)
			goto out;
		if (total != sum + bonus) {
			snprintf(err, EDU_ERR_MAX, "%s is not the sum of the scores and the bonus, %s",
				 edu_score_str(total, num), edu_score_str(sum + bonus, bonus_s));
			goto out;
		}
	}
	total = sum + bonus;

	int ended = 0;
	const char *picked[EDU_EXAM_CHOICES];
	for (int k = 0; k < cm.nchoice; k++) {
		static const char *const names[] = { "choice1", "choice2", "choice3",
			"choice4", "choice5", "choice6", "choice7", "choice8", "choice9",
			"choice10", "choice11", "choice12" };
		const char *c = edu_csv_field(im->r, cm.choice[k]);

		while (*c == ' ')
			c++;
		*col = names[k];
		if (!*c) {
			ended = 1;
			continue;
		}
		if (ended) {
			snprintf(err, EDU_ERR_MAX, "a choice after an empty one");
			goto out;
		}
		if (senior_school(c, err) < 0)
			goto out;
		picked[k] = find_school(c)->code;
		for (int j = 0; j < k; j++)
			if (!strcmp(picked[j], picked[k])) {
				snprintf(err, EDU_ERR_MAX, "school %s is choice%d already",
					 picked[k], j + 1);
				goto out;
			}
		if (choices.len)
			edu_buf_puts(&choices, " ");
		edu_buf_puts(&choices, picked[k]);
	}

	/* The record, new or (with --upsert) replacing an old one. */
	char year[8];
	static const char *const names[] = { "year", "student_no", "name", "junior_school",
					     "scores", "bonus", "total", "choices" };
	snprintf(year, sizeof year, "%ld", opt.year);
	edu_score_str(bonus, bonus_s);
	edu_score_str(total, total_s);
	const char *new[] = { year, student_no, name, junior[0] ? junior : NULL,
			      scores.s ? scores.s : "", bonus_s, total_s,
			      choices.s ? choices.s : "" };
	char *old[8] = { 0 };
	int exists = 0;
	sqlite3_bind_text(cm.old, 1, exam_no, -1, SQLITE_STATIC);
	if (sqlite3_step(cm.old) == SQLITE_ROW) {
		exists = 1;
		for (int i = 0; i < 8; i++) {
			const char *t = (const char *)sqlite3_column_text(cm.old, i);
			old[i] = t ? edu_strdup(t) : NULL;
		}
	}
	sqlite3_reset(cm.old);
	*col = "exam_no";
	if (exists && !edu_import_opt.upsert) {
		snprintf(err, EDU_ERR_MAX, "candidate %s exists already (--upsert replaces it)", exam_no);
		goto free_old;
	}
	if (exists && strcmp(old[0], year)) {
		snprintf(err, EDU_ERR_MAX, "candidate %s is of the year %s", exam_no, old[0]);
		goto free_old;
	}
	sqlite3_stmt *w = exists ? cm.upd : cm.ins;
	sqlite3_bind_text(w, 1, exam_no, -1, SQLITE_STATIC);
	sqlite3_bind_int64(w, 2, opt.year);
	for (int i = 1; i < 5; i++)
		edu_bind_text(w, i + 2, new[i]);
	sqlite3_bind_int(w, 7, bonus);
	sqlite3_bind_int(w, 8, total);
	sqlite3_bind_text(w, 9, new[7], -1, SQLITE_STATIC);
	edu_exec_stmt(im->db, w);
	audited(im, "candidate", exam_no, 8, names, exists ? old : NULL, new);
	rc = 0;
free_old:
	for (int i = 0; i < 8; i++)
		free(old[i]);
out:
	edu_buf_free(&scores);
	edu_buf_free(&choices);
	return rc;
}

/* ---- seats --------------------------------------------------------------- */

static const struct edu_colname seat_cols[] = {
	{ "school_code", "学校代码|学校标识码" },
	{ "seats", "计划数|招生计划|学位数" },
	{ "min_score", "最低控制线|最低分" },
	{ "name", "学校名称" },		/* as cutoffs prints it: passed over */
};
static int seat_map[4];
static sqlite3_stmt *seat_old, *seat_put;

static int seat_header(struct importer *im)
{
	long np = 0;
	int bad = 0;

	for (int i = 0; i < 4; i++)
		seat_map[i] = -1;
	for (int f = 0; f < im->nf; f++) {
		int known = 0;
		for (int i = 0; i < 4; i++)
			if (is_col(im->head[f], seat_cols[i].name, seat_cols[i].aliases)) {
				if (seat_map[i] >= 0)
					bad = edu_header_problem(&np, "%s:1: the column '%s' is given twice",
							im->fname, seat_cols[i].name);
				seat_map[i] = f;
				known = 1;
			}
		if (!known && !edu_import_opt.ignore_extra)
			bad = edu_header_problem(&np, "%s:1: unknown column '%s' (or --ignore-extra)",
					im->fname, im->head[f]);
	}
	for (int i = 0; i < 2; i++)
		if (seat_map[i] < 0)
			bad = edu_header_problem(&np, "%s:1: the column '%s' is missing", im->fname,
					seat_cols[i].name);
	edu_header_problems_end(np, im->fname);
	return bad ? -1 : 0;
}

static int seat_row(struct importer *im, const char **col, char *err)
{
	char code[EDU_VAL_MAX], seats[EDU_VAL_MAX], min_s[16] = "", year[8];
	int min = -1;
	const char *m = seat_map[2] >= 0 ? edu_csv_field(im->r, seat_map[2]) : "";

	*col = "school_code";
	if (senior_school(edu_csv_field(im->r, seat_map[0]), err) < 0)
		return -1;
	edu_valid_digits(edu_csv_field(im->r, seat_map[0]), 10, code, err);
	*col = "seats";
	if (edu_valid_int(edu_csv_field(im->r, seat_map[1]), 0, 100000, seats, err) < 0)
		return -1;
	*col = "min_score";
	if (*m && edu_score_parse(m, &min, err) < 0)
		return -1;
	if (min >= 0)
		edu_score_str(min, min_s);

	static const char *const names[] = { "seats", "min_score" };
	const char *new[] = { seats, min >= 0 ? min_s : NULL };
	char *old[2] = { 0 };
	int exists = 0;
	sqlite3_bind_int64(seat_old, 1, opt.year);
	sqlite3_bind_text(seat_old, 2, code, -1, SQLITE_STATIC);
	if (sqlite3_step(seat_old) == SQLITE_ROW) {
		exists = 1;
		for (int i = 0; i < 2; i++) {
			const char *t = (const char *)sqlite3_column_text(seat_old, i);
			old[i] = t ? edu_strdup(t) : NULL;
		}
	}
	sqlite3_reset(seat_old);
	if (exists && !edu_import_opt.upsert) {
		*col = "school_code";
		snprintf(err, EDU_ERR_MAX, "the seats of %s in %ld exist already (--upsert replaces them)",
			 code, opt.year);
		free(old[0]);
		free(old[1]);
		return -1;
	}
	sqlite3_bind_int64(seat_put, 1, opt.year);
	sqlite3_bind_text(seat_put, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(seat_put, 3, seats, -1, SQLITE_STATIC);
	if (min >= 0)
		sqlite3_bind_int(seat_put, 4, min);
	else
		sqlite3_bind_null(seat_put, 4);
	edu_exec_stmt(im->db, seat_put);
	char *key = edu_asprintf("%s/%s", year_str(year), code);
	audited(im, "seat", key, 2, names, exists ? old : NULL, new);
	free(key);
	free(old[0]);
	free(old[1]);
	return 0;
}

/* ---- verbs: the register --------------------------------------------------- */

static int enrolled_year(sqlite3 *db)
{
	char y[8];
	const char *p[] = { year_str(y) };
	char *e = edu_query1(db, "SELECT day FROM admission_event WHERE year = ? AND "
			     "kind = 'enrol' LIMIT 1", 1, p);
	int yes = e != NULL;

	free(e);
	return yes;
}

/* After enroll a year's candidates, seats and result are final. */
static int final_year(sqlite3 *db)
{
	if (!enrolled_year(db))
		return 0;
	edu_warn("the admission of %ld is final: its candidates were enrolled", opt.year);
	return 1;
}

static int cand_import(struct edu_cmd *c)
{
	struct importer im = { .db = c->db, .what = "candidate", .header = cand_header, .row = cand_row };

	need_year();
	if (final_year(c->db))
		return EDU_EDATA;
	load_schools(c->db);
	cm.student = edu_prepare(c->db, "SELECT 1 FROM student WHERE student_no = ?");
	cm.old = edu_prepare(c->db, "SELECT year, student_no, name, junior_school, scores, "
			     POINTS("bonus") ", " POINTS("total") ", choices FROM candidate "
			     "WHERE exam_no = ?");
	cm.ins = edu_prepare(c->db, "INSERT INTO candidate (exam_no, year, student_no, name, "
			     "junior_school, scores, bonus, total, choices) "
			     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
	cm.upd = edu_prepare(c->db, "UPDATE candidate SET year = ?2, student_no = ?3, "
			     "name = ?4, junior_school = ?5, scores = ?6, bonus = ?7, "
			     "total = ?8, choices = ?9 WHERE exam_no = ?1");
	int rc = run_import(&im, c->argc, c->argv);
	sqlite3_finalize(cm.student);
	sqlite3_finalize(cm.old);
	sqlite3_finalize(cm.ins);
	sqlite3_finalize(cm.upd);
	return rc;
}

static int seats_import(struct edu_cmd *c)
{
	struct importer im = { .db = c->db, .what = "seat", .header = seat_header, .row = seat_row };

	need_year();
	if (final_year(c->db))
		return EDU_EDATA;
	load_schools(c->db);
	seat_old = edu_prepare(c->db, "SELECT seats, " POINTS("min_score") " FROM seat "
			       "WHERE year = ? AND school_code = ?");
	seat_put = edu_prepare(c->db, "INSERT INTO seat (year, school_code, seats, min_score) "
			       "VALUES (?, ?, ?, ?) ON CONFLICT (year, school_code) DO UPDATE "
			       "SET seats = excluded.seats, min_score = excluded.min_score");
	int rc = run_import(&im, c->argc, c->argv);
	sqlite3_finalize(seat_old);
	sqlite3_finalize(seat_put);
	return rc;
}

/* The admission result of a year, in the order of merit: what admit
 * prints and list filters. */
static sqlite3_stmt *result_stmt(sqlite3 *db)
{
	char code[EDU_VAL_MAX], err[EDU_ERR_MAX];
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT c.exam_no, c.student_no, c.name, " POINTS("c.total") " AS total, "
		"a.rank, a.school_code, a.choice FROM candidate c "
		"LEFT JOIN admission a USING (year, exam_no) WHERE c.year = ?1 "
		"AND (?2 IS NULL OR a.school_code = ?2) AND (?3 = 0 OR a.school_code IS NULL) "
		"ORDER BY a.rank IS NULL, a.rank, c.exam_no");

	sqlite3_bind_int64(st, 1, opt.year);
	if (opt.school) {
		if (edu_valid_digits(opt.school, 10, code, err) < 0)
			edu_die(EDU_EUSAGE, "--school: %s", err);
		sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(st, 3, opt.unadmitted);
	return st;
}

static int list(struct edu_cmd *c)
{
	need_year();
	edu_print_stmt(result_stmt(c->db), 0);
	return 0;
}

/* show: one candidate as field,value rows: the record with its scores
 * one per subject and its choices one per row, then the admission. */
static int show(struct edu_cmd *c)
{
	static const char *const cols[] = { "field", "value" };
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT c.exam_no, c.year, c.student_no, c.name, c.junior_school, c.scores, "
		POINTS("c.bonus") " AS bonus, " POINTS("c.total") " AS total, c.choices, a.rank, a.school_code, "
		"a.choice, a.enrolled FROM candidate c LEFT JOIN admission a USING (year, exam_no) "
		"WHERE c.exam_no = ?");

	sqlite3_bind_text(st, 1, c->argv[0], -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		edu_warn("no candidate '%s'", c->argv[0]);
		return EDU_NO;
	}
	struct edu_out *o = edu_out_new(stdout, 2, cols);
	for (int i = 0; i < sqlite3_column_count(st); i++) {
		const char *name = sqlite3_column_name(st, i);
		char *v = edu_strdup((const char *)sqlite3_column_text(st, i) ?
				     (const char *)sqlite3_column_text(st, i) : "");
		char field[32];
		int k = 0;

		if (!strcmp(name, "scores")) {
			for (char *p = v, *t; (t = strsep(&p, ";")) && *t;) {
				char *eq = strchr(t, '=');
				if (!eq)
					continue;
				*eq = 0;
				char *f = edu_asprintf("score_%s", t);
				const char *row[] = { f, eq + 1 };
				edu_out_row(o, row);
				free(f);
			}
		} else if (!strcmp(name, "choices")) {
			for (char *p = v, *t; (t = strsep(&p, " ")) && *t;) {
				snprintf(field, sizeof field, "choice%d", ++k);
				const char *row[] = { field, t };
				edu_out_row(o, row);
			}
		} else {
			const char *row[] = { !strcmp(name, "school_code") ? "admitted_by" : name, v };
			edu_out_row(o, row);
		}
		free(v);
	}
	sqlite3_finalize(st);
	edu_out_end(o);
	return 0;
}

/* ---- admission -------------------------------------------------------------- */

/* The tie-break subjects of setting exam.tiebreak, in order. */
static int tiebreak(sqlite3 *db, char subj[EDU_EXAM_TIEBREAK][32])
{
	char *v = edu_setting(db, "exam.tiebreak", "chinese,math,english");
	int n = 0;

	for (char *p = v, *tok; (tok = strsep(&p, ","));) {
		while (*tok == ' ')
			tok++;
		size_t len = strcspn(tok, " ");
		if (!len || n == EDU_EXAM_TIEBREAK || len >= 32)
			continue;
		for (size_t i = 0; i < len; i++)
			subj[n][i] = (tok[i] >= 'A' && tok[i] <= 'Z') ? tok[i] - 'A' + 'a' : tok[i];
		subj[n++][len] = 0;
	}
	free(v);
	return n;
}

/* A subject's score in a candidate's "chinese=98.5;math=100", or -1. */
static int subject_score(const char *scores, const char *subj)
{
	size_t n = strlen(subj);
	char err[EDU_ERR_MAX], num[16];
	int s;

	for (const char *p = scores; *p;) {
		size_t len = strcspn(p, ";");
		if (len > n && !strncmp(p, subj, n) && p[n] == '=' && len - n - 1 < sizeof num) {
			memcpy(num, p + n + 1, len - n - 1);
			num[len - n - 1] = 0;
			return edu_score_parse(num, &s, err) < 0 ? -1 : s;
		}
		p += len + (p[len] == ';');
	}
	return -1;
}

/* A year's seats, sorted by school code; one more entry, with no seats,
 * stands for every chosen school that has none this year. */
struct seats {
	char (*code)[11];
	int64_t *num;		/* the codes as numbers, for the search */
	struct edu_exam_school *s;
	size_t n;
};

static void load_seats(sqlite3 *db, struct seats *t)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT school_code, seats, coalesce(min_score, 0) "
				       "FROM seat WHERE year = ? ORDER BY school_code");
	size_t cap = 16;

	t->n = 0;
	t->code = edu_malloc(cap * sizeof *t->code);
	t->s = edu_malloc(cap * sizeof *t->s);
	t->num = edu_malloc(cap * sizeof *t->num);
	sqlite3_bind_int64(st, 1, opt.year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (t->n + 1 == cap) {
			cap *= 2;
			t->code = edu_realloc(t->code, cap * sizeof *t->code);
			t->s = edu_realloc(t->s, cap * sizeof *t->s);
			t->num = edu_realloc(t->num, cap * sizeof *t->num);
		}
		t->num[t->n] = sqlite3_column_int64(st, 0);
		snprintf(t->code[t->n], 11, "%s", sqlite3_column_text(st, 0));
		t->s[t->n] = (struct edu_exam_school){ .seats = sqlite3_column_int(st, 1),
						       .min_score = sqlite3_column_int(st, 2) };
		t->n++;
	}
	sqlite3_finalize(st);
	t->s[t->n] = (struct edu_exam_school){ 0 };
}

/* The seat entry of a school code given as a number: a binary search,
 * as there are millions of choices to look up. */
static int seat_index(const struct seats *t, int64_t code)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->num[mid] < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->n && t->num[lo] == code ? (int)lo : (int)t->n;
}

static int admit(struct edu_cmd *c)
{
	char subj[EDU_EXAM_TIEBREAK][32], y[8];
	struct seats seats;
	struct edu_run run;

	need_year();
	if (!opt.seeded)
		opt.seed = edu_lottery_seed();
	edu_run_start(&run);
	edu_begin(c->db);
	if (final_year(c->db)) {
		edu_rollback(c->db);
		return EDU_EDATA;
	}
	int ntb = tiebreak(c->db, subj);
	load_seats(c->db, &seats);
	if (!seats.n && !edu_opt.quiet)
		edu_warn("no school has seats in %ld (see 'edu-exam seats import')", opt.year);

	/* Every candidate of the year, in memory. */
	sqlite3_stmt *st = edu_prepare(c->db, "SELECT exam_no, total, scores, choices, "
				       "student_no, name FROM candidate WHERE year = ?");
	sqlite3_bind_int64(st, 1, opt.year);
	struct edu_exam_cand *cand = NULL;
	char **nos = NULL, **sno = NULL, **name = NULL;
	size_t n = 0, cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			cand = edu_realloc(cand, cap * sizeof *cand);
			nos = edu_realloc(nos, cap * sizeof *nos);
			sno = edu_realloc(sno, cap * sizeof *sno);
			name = edu_realloc(name, cap * sizeof *name);
		}
		struct edu_exam_cand *x = &cand[n];
		memset(x, 0, sizeof *x);
		nos[n] = edu_strdup((const char *)sqlite3_column_text(st, 0));
		sno[n] = edu_strdup((const char *)sqlite3_column_text(st, 4));
		name[n] = edu_strdup((const char *)sqlite3_column_text(st, 5));
		x->total = sqlite3_column_int(st, 1);
		const char *sc = (const char *)sqlite3_column_text(st, 2);
		for (int i = 0; i < ntb; i++)
			x->tb[i] = subject_score(sc, subj[i]);
		for (const char *p = (const char *)sqlite3_column_text(st, 3);
		     *p && x->nchoice < EDU_EXAM_CHOICES;) {
			int64_t code = 0;
			for (; *p >= '0' && *p <= '9'; p++)
				code = code * 10 + (*p - '0');
			x->choice[x->nchoice++] = seat_index(&seats, code);
			p += *p == ' ';
		}
		x->lottery = edu_exam_lottery(opt.seed, nos[n]);
		n++;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < n; i++)
		cand[i].exam_no = nos[i];
	if (!n) {
		edu_rollback(c->db);
		edu_warn("no candidates in %ld (import them with 'edu-exam import --year %ld')",
			 opt.year, opt.year);
		return EDU_NO;
	}

	struct edu_exam_cand **order = edu_malloc(n * sizeof *order);
	long unadmitted = edu_exam_admit(cand, n, ntb, seats.s, seats.n + 1, order);

	/* The result replaces the year's earlier one, row by row in the
	 * order of the key, as read (candidates are never deleted, so no
	 * old row is left over). */
	year_str(y);
	st = edu_prepare(c->db, "INSERT INTO admission (exam_no, year, rank, school_code, choice) "
			 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (year, exam_no) DO UPDATE SET "
			 "rank = excluded.rank, school_code = excluded.school_code, "
			 "choice = excluded.choice");
	for (size_t i = 0; i < n; i++) {
		const struct edu_exam_cand *x = &cand[i];
		sqlite3_bind_text(st, 1, x->exam_no, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, opt.year);
		sqlite3_bind_int(st, 3, x->rank);
		if (x->got) {
			sqlite3_bind_text(st, 4, seats.code[x->school], 10, SQLITE_STATIC);
			sqlite3_bind_int(st, 5, x->got);
		} else {
			sqlite3_bind_null(st, 4);
			sqlite3_bind_null(st, 5);
		}
		edu_exec_stmt(c->db, st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);

	char day[11], seed[24], adm[24], un[24];
	snprintf(seed, sizeof seed, "%llu", (unsigned long long)opt.seed);
	snprintf(adm, sizeof adm, "%ld", (long)n - unadmitted);
	snprintf(un, sizeof un, "%ld", unadmitted);
	const char *ev[] = { y, edu_date_str(edu_opt.on, day), seed, adm, un };
	edu_exec(c->db, "INSERT INTO admission_event (year, kind, day, seed, admitted, unadmitted) "
		 "VALUES (?, 'admit', ?, ?, ?, ?)", 5, ev);
	static const char *const names[] = { "event", "day", "seed", "admitted", "unadmitted" };
	const char *new[] = { "admit", day, seed, adm, un };
	edu_audit_change(c->db, "admission", y, 5, names, NULL, new);
	char *counts = edu_asprintf("candidates=%zu admitted=%s unadmitted=%s seed=%s", n, adm, un, seed);
	edu_run_finish(c->db, &run, counts, unadmitted ? EDU_NO : 0);
	free(counts);

	/* Print before the end, so that --dry-run shows what it would do;
	 * the same columns as list. */
	static const char *const cols[] = { "exam_no", "student_no", "name", "total",
					    "rank", "school_code", "choice" };
	struct edu_out *o = edu_out_new(stdout, 7, cols);
	for (size_t i = 0; i < n; i++) {
		const struct edu_exam_cand *x = order[i];
		size_t k = (size_t)(x - cand);
		char tot[16], rank[16], got[16];
		edu_out_cell(o, nos[k], EDU_V_TEXT);
		edu_out_cell(o, sno[k], EDU_V_TEXT);
		edu_out_cell(o, name[k], EDU_V_TEXT);
		edu_out_cell(o, edu_score_str(x->total, tot), EDU_V_TEXT);
		snprintf(rank, sizeof rank, "%d", x->rank);
		edu_out_cell(o, rank, EDU_V_NUM);
		if (x->got) {
			snprintf(got, sizeof got, "%d", x->got);
			edu_out_cell(o, seats.code[x->school], EDU_V_TEXT);
			edu_out_cell(o, got, EDU_V_NUM);
		} else {
			edu_out_cell(o, NULL, EDU_V_NULL);
			edu_out_cell(o, NULL, EDU_V_NULL);
		}
	}
	edu_out_end(o);
	edu_finish(c->db);
	if (!edu_opt.quiet)
		edu_warn("%s admitted, %s unadmitted", adm, un);
	for (size_t i = 0; i < n; i++) {
		free(nos[i]);
		free(sno[i]);
		free(name[i]);
	}
	free(nos);
	free(sno);
	free(name);
	free(cand);
	free(order);
	free(seats.code);
	free(seats.num);
	free(seats.s);
	return unadmitted ? EDU_NO : 0;
}

/* Does the year have an admission result?  Says so when not. */
static int admitted_year(sqlite3 *db)
{
	char y[8];
	const char *p[] = { year_str(y) };
	char *a = edu_query1(db, "SELECT 1 FROM admission WHERE year = ? LIMIT 1", 1, p);

	free(a);
	if (!a)
		edu_warn("no admission in %ld yet (run 'edu-exam admit --year %ld')",
			 opt.year, opt.year);
	return a != NULL;
}

static int cutoffs(struct edu_cmd *c)
{
	need_year();
	if (!admitted_year(c->db))
		return EDU_NO;
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT s.school_code, sc.name, s.seats, " POINTS("s.min_score") " AS min_score, "
		"count(a.exam_no) AS admitted, " POINTS("min(c.total)") " AS cutoff, "
		"CASE WHEN count(a.exam_no) >= s.seats THEN 'yes' ELSE 'no' END AS filled "
		"FROM seat s JOIN school sc USING (school_code) "
		"LEFT JOIN admission a ON a.year = s.year AND a.school_code = s.school_code "
		"LEFT JOIN candidate c ON c.year = a.year AND c.exam_no = a.exam_no "
		"WHERE s.year = ?1 GROUP BY s.school_code ORDER BY s.school_code");
	sqlite3_bind_int64(st, 1, opt.year);
	edu_print_stmt(st, 0);
	return 0;
}

/* explain: for each choice before the one that admitted a candidate (all
 * of them when none did), why it did not.  0 when it did, else 1. */
static int explain_one(sqlite3 *db, struct edu_out *o, const char *no)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT c.year, c.total, c.choices, a.rank, a.choice FROM candidate c "
		"LEFT JOIN admission a USING (year, exam_no) WHERE c.exam_no = ?");

	sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		edu_warn("no candidate '%s'", no);
		return EDU_NO;
	}
	long year = sqlite3_column_int(st, 0);
	int total = sqlite3_column_int(st, 1);
	char *choices = edu_strdup((const char *)sqlite3_column_text(st, 2));
	int ranked = sqlite3_column_type(st, 3) != SQLITE_NULL;
	int got = sqlite3_column_int(st, 4);
	sqlite3_finalize(st);
	if (!ranked) {
		free(choices);
		edu_warn("candidate %s has no admission result yet (run 'edu-exam admit --year %ld')",
			 no, year);
		return EDU_NO;
	}

	sqlite3_stmt *sch = edu_prepare(db,
		"SELECT s.seats, s.min_score, (SELECT count(*) FROM admission a "
		"WHERE a.year = s.year AND a.school_code = s.school_code), "
		"(SELECT min(c.total) FROM admission a JOIN candidate c USING (year, exam_no) "
		"WHERE a.year = s.year AND a.school_code = s.school_code) "
		"FROM seat s WHERE s.year = ? AND s.school_code = ?");
	int k = 0;
	for (char *p = choices, *code; (code = strsep(&p, " ")) && *code;) {
		char num[16], why[160], a[16], b[16];
		const char *result = "refused";

		snprintf(num, sizeof num, "%d", ++k);
		sqlite3_bind_int64(sch, 1, year);
		sqlite3_bind_text(sch, 2, code, -1, SQLITE_STATIC);
		if (k == got) {
			result = "admitted";
			snprintf(why, sizeof why, "total %s reached its min_score and a seat was free",
				 edu_score_str(total, a));
		} else if (sqlite3_step(sch) != SQLITE_ROW) {
			snprintf(why, sizeof why, "no seats in %ld", year);
		} else {
			int seats = sqlite3_column_int(sch, 0);
			int min = sqlite3_column_int(sch, 1);
			int taken = sqlite3_column_int(sch, 2);
			if (total < min)
				snprintf(why, sizeof why, "total %s is below its min_score %s",
					 edu_score_str(total, a), edu_score_str(min, b));
			else if (!seats)
				snprintf(why, sizeof why, "no seats in %ld", year);
			else if (taken >= seats)
				snprintf(why, sizeof why, "full when their turn came: %d seats, "
					 "cutoff %s", seats,
					 edu_score_str(sqlite3_column_int(sch, 3), a));
			else
				snprintf(why, sizeof why, "had a free seat: the seats changed "
					 "after admit (run it again)");
		}
		sqlite3_reset(sch);
		const char *row[] = { no, num, code, result, why };
		edu_out_row(o, row);
		if (k == got)
			break;
	}
	sqlite3_finalize(sch);
	free(choices);
	return got ? 0 : EDU_NO;
}

static int explain(struct edu_cmd *c)
{
	static const char *const cols[] = { "exam_no", "choice", "school_code", "result", "reason" };
	struct edu_keys k;
	int status = 0;

	if (edu_keys_read(&k, c->argc, c->argv, "exam_no", "准考证号|考号") < 0)
		return EDU_EDATA;
	struct edu_out *o = edu_out_new(stdout, 5, cols);
	for (size_t i = 0; i < k.n; i++)
		if (explain_one(c->db, o, k.key[i]))
			status = EDU_NO;
	edu_out_end(o);
	edu_keys_free(&k);
	return status;
}

/* enroll: the admitted candidates of a year not enrolled yet go to grade
 * 10 of the school that admitted them; the student keeps their number
 * and their junior-school graduation stays in their history. */
static int enroll(struct edu_cmd *c)
{
	static const char *const rcols[] = { "exam_no", "student_no", "name", "school_code", "error" };
	char day[11], why[EDU_ERR_MAX], y[8];
	struct edu_run run;
	long done = 0, refused = 0;
	FILE *rf = NULL;
	struct edu_out *ro = NULL;

	need_year();
	edu_date_str(edu_opt.on, day);
	if (opt.reject && !(rf = fopen(opt.reject, "w")))
		edu_die(EDU_ECANTCREAT, "cannot create '%s':", opt.reject);
	edu_run_start(&run);
	edu_begin(c->db);
	if (!admitted_year(c->db)) {
		edu_rollback(c->db);
		if (rf)
			fclose(rf);
		return EDU_NO;
	}
	sqlite3_stmt *st = edu_prepare(c->db,
		"SELECT a.exam_no, c.student_no, c.name, a.school_code FROM admission a "
		"JOIN candidate c USING (year, exam_no) WHERE a.year = ? AND a.school_code IS NOT NULL "
		"AND a.enrolled IS NULL ORDER BY a.rank");
	sqlite3_stmt *mark = edu_prepare(c->db, "UPDATE admission SET enrolled = ? WHERE exam_no = ? AND year = ?");
	sqlite3_bind_int64(st, 1, opt.year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *no = (const char *)sqlite3_column_text(st, 0);
		const char *sno = (const char *)sqlite3_column_text(st, 1);
		const char *code = (const char *)sqlite3_column_text(st, 3);
		struct edu_student_state from, to;

		if (edu_student_load(c->db, sno, &from) < 0) {
			snprintf(why, sizeof why, "no student %s", sno);
		} else if (strcmp(from.status, "graduated") || from.grade != 9) {
			snprintf(why, sizeof why, "student %s has not graduated from junior school "
				 "(%s in grade %d)", sno, from.status, from.grade);
		} else if (strcmp(day, from.last_day) < 0) {
			snprintf(why, sizeof why, "%s is before the student's latest change, %s",
				 day, from.last_day);
		} else {
			to = from;
			snprintf(to.school, sizeof to.school, "%s", code);
			to.grade = 10;
			strcpy(to.status, "enrolled");
			char *reason = edu_asprintf("admitted by the entrance exam of %ld (%s)",
						    opt.year, no);
			edu_student_event(c->db, "enrol", day, reason, &from, &to);
			free(reason);
			sqlite3_bind_text(mark, 1, day, -1, SQLITE_STATIC);
			sqlite3_bind_text(mark, 2, no, -1, SQLITE_STATIC);
			sqlite3_bind_int64(mark, 3, opt.year);
			edu_exec_stmt(c->db, mark);
			sqlite3_reset(mark);
			done++;
			continue;
		}
		if (refused++ < MAX_SHOWN)
			edu_warn("candidate %s: %s", no, why);
		if (rf) {
			if (!ro)
				ro = edu_out_new_fmt(rf, EDU_FMT_CSV, 0, 5, rcols);
			for (int i = 0; i < 4; i++)
				edu_out_cell(ro, (const char *)sqlite3_column_text(st, i), EDU_V_TEXT);
			edu_out_cell(ro, why, EDU_V_TEXT);
		}
	}
	sqlite3_finalize(st);
	sqlite3_finalize(mark);
	if (rf) {
		if (ro)
			edu_out_end(ro);
		if (fclose(rf) != 0)
			edu_die(EDU_EIO, "cannot write '%s':", opt.reject);
	}
	if (refused && !rf) {
		edu_rollback(c->db);
		edu_warn("nothing written (%ld refused)", refused);
		return EDU_EDATA;
	}
	if (done) {
		char d[24], r[24];
		snprintf(d, sizeof d, "%ld", done);
		snprintf(r, sizeof r, "%ld", refused);
		const char *ev[] = { year_str(y), day, d, r };
		edu_exec(c->db, "INSERT INTO admission_event (year, kind, day, admitted, unadmitted) "
			 "VALUES (?, 'enrol', ?, ?, ?)", 4, ev);
		static const char *const names[] = { "event", "day", "enrolled", "refused" };
		const char *new[] = { "enrol", day, d, r };
		edu_audit_change(c->db, "admission", y, 4, names, NULL, new);
	}
	char *counts = edu_asprintf("enrolled=%ld refused=%ld", done, refused);
	edu_run_finish(c->db, &run, counts, refused ? EDU_NO : 0);
	free(counts);
	edu_finish(c->db);
	if (!edu_opt.quiet)
		edu_warn("%ld enrolled, %ld refused", done, refused);
	return refused ? EDU_NO : 0;
}

#define W EDU_V_WRITE
static const struct edu_verb verbs[] = {
	{ "import", "add a year's candidates and their scores and choices from CSV", "[FILE...]",
	  "Import the candidates of --year from CSV files (none or '-': standard input).  "
	  "Columns: exam_no, student_no, name, junior_school, score_<subject> (one per "
	  "subject), bonus, total (checked when given), choice1 to choice12; see edu-exam(1).",
	  year_options, parse, 0, -1, "registrar", W | EDU_V_IMPORT, cand_import },
	{ "seats import", "set the seats and minimum scores of senior schools", "[FILE...]",
	  "Import the seats of --year: columns school_code, seats, min_score.",
	  year_options, parse, 0, -1, "registrar", W | EDU_V_IMPORT, seats_import },
	{ "admit", "admit a year's candidates by parallel choices", "",
	  "Admit the candidates of --year in the order of merit, replacing an earlier "
	  "result; exit 1 when anyone is left unadmitted.",
	  admit_options, parse, 0, 0, "registrar", W, admit },
	{ "show", "show a candidate: scores, choices and admission", "EXAM_NO", NULL,
	  NULL, NULL, 1, 1, NULL, 0, show },
	{ "list", "list a year's candidates with their admission", "", NULL,
	  list_options, parse, 0, 0, NULL, 0, list },
	{ "cutoffs", "per school: seats, admitted, lowest admitted total, filled", "", NULL,
	  year_options, parse, 0, 0, NULL, 0, cutoffs },
	{ "explain", "why a candidate's earlier choices did not admit them", "[EXAM_NO...]",
	  "Explain the admission of the candidates named, or with none, of those in the "
	  "exam_no column of a CSV on standard input (edu-exam list --unadmitted | "
	  "edu-exam explain).",
	  NULL, NULL, 0, -1, NULL, 0, explain },
	{ "enroll", "enroll the admitted candidates in grade 10 of their school", "",
	  "Enroll the admitted candidates of --year (dated --on) who are not enrolled "
	  "yet; a candidate who has not graduated from junior school is refused and "
	  "nothing is written, unless --reject.",
	  enroll_options, parse, 0, 0, "registrar", W, enroll },
	{ 0 }
};

static const struct edu_tool tool = {
	.name = "edu-exam",
	.summary = "edu-exam -- the senior-high entrance exam (中考) and admission by "
		   "parallel choices (平行志愿)",
	.verbs = verbs,
};

int main(int argc, char **argv)
{
	return edu_main(&tool, argc, argv);
}
