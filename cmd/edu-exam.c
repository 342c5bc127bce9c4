/* edu-exam - the senior-high entrance exam (中考): candidates and their
 * scores, schools' seats, admission by parallel choices (平行志愿), and
 * the enrolment of the admitted in grade 10 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <ctype.h>

#include "edu.h"

#define MAX_SHOWN 100	/* bad rows reported before we only count them */

/* ---- options ----------------------------------------------------------- */

static struct {
	long year;
	long seed;		/* -1: none given */
	const char *school;
	int unadmitted;
	const char *reject;
} opt = { .seed = -1 };

static const struct edu_option year_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of the exam"),
	EDU_OPT_END
};

static const struct edu_option admit_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of the exam"),
	EDU_OPT_LONG("seed", &opt.seed, "N", 0, INT64_MAX, "the lottery's seed: the same seed gives the same draw"),
	EDU_OPT_END
};

static const struct edu_option list_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of the exam"),
	EDU_OPT_TEXT("school", &opt.school, "CODE", "only the candidates this school admitted"),
	EDU_OPT_FLAG("unadmitted", &opt.unadmitted, "only the candidates no school admitted"),
	EDU_OPT_END
};

static const struct edu_option enroll_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of the exam"),
	EDU_OPT_TEXT("reject", &opt.reject, "FILE", "write the refused candidates to FILE with an error column and enroll the rest (exit 1)"),
	EDU_OPT_END
};

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

/* ---- candidates ---------------------------------------------------------- */

/* A candidate through the shared importer: the fixed columns are the
 * entity's, the columns that vary by year (score_<subject>, choiceN) are
 * taken by cand_header and made into `scores` and `choices` by cand_extra. */
enum { C_EXAM_NO, C_YEAR, C_STUDENT_NO, C_NAME, C_JUNIOR, C_SCORES, C_BONUS, C_TOTAL,
       C_CHOICES, C_NCOLS };
static const struct edu_col cand_cols[C_NCOLS] = {
	[C_EXAM_NO] = { .name = "exam_no", .aliases = "准考证号|考号", .type = EDU_C_CODE,
			.flags = EDU_C_KEY },
	/* From --year. */
	[C_YEAR] = { .name = "year", .aliases = "年份", .type = EDU_C_INT,
		     .flags = EDU_C_REQUIRED, .min = 1949, .max = 9999 },
	[C_STUDENT_NO] = { .name = "student_no", .aliases = "学籍号|全国学籍号",
			   .type = EDU_C_CODE, .flags = EDU_C_REQUIRED, .ref = "student" },
	[C_NAME] = { .name = "name", .aliases = "姓名", .type = EDU_C_TEXT,
		     .flags = EDU_C_REQUIRED },
	[C_JUNIOR] = { .name = "junior_school", .aliases = "毕业学校|初中学校",
		       .type = EDU_C_DIGITS, .min = 10 },
	/* From the score_<subject> columns: subject=points;... */
	[C_SCORES] = { .name = "scores", .type = EDU_C_TEXT, .flags = EDU_C_REQUIRED },
	[C_BONUS] = { .name = "bonus", .aliases = "加分|政策加分", .type = EDU_C_SCORE,
		      .flags = EDU_C_REQUIRED, .dflt = "0" },
	/* Left empty: the scores and the bonus added up. */
	[C_TOTAL] = { .name = "total", .aliases = "总分", .type = EDU_C_SCORE },
	/* From choice1..choiceN: school codes in order, ' ' between. */
	[C_CHOICES] = { .name = "choices", .type = EDU_C_TEXT },
};

/* The varying columns of the file being read, in header order: a
 * subject's score, or choice k (0-based). */
static struct xcol {
	int choice;		/* -1 for a score */
	char subject[EDU_VAL_MAX];	/* lower case */
} xcols[64 + EDU_EXAM_CHOICES];
static int nx, nchoice;
static int choice_at[EDU_EXAM_CHOICES];	/* the xcols index of choice k */

/* Take score_<subject> and choice1..choice12: a file needs one score at
 * least, and its choices without gaps. */
static int cand_header(const char *file, long line, int n, const char *const *names,
		       int *take)
{
	int bad = 0, nscore = 0;

	nx = nchoice = 0;
	for (int k = 0; k < EDU_EXAM_CHOICES; k++)
		choice_at[k] = -1;
	for (int i = 0; i < n; i++) {
		const char *h = names[i];
		struct xcol *x = &xcols[nx];

		if (nx == (int)(sizeof xcols / sizeof *xcols))
			return edu_error("%s:%ld: more than %d score and choice columns", file, line, nx);
		if (!strncasecmp(h, "score_", 6) && h[6]) {
			size_t len = strlen(h + 6);
			if (len >= sizeof x->subject || h[6 + strspn(h + 6,
			    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")]) {
				bad = edu_error("%s:%ld: '%s': a subject is letters, digits and '_'",
						file, line, h);
				goto refused;
			}
			for (size_t j = 0; j <= len; j++)
				x->subject[j] = (char)tolower((unsigned char)h[6 + j]);
			for (int j = 0; j < nx; j++)
				if (xcols[j].choice < 0 && !strcmp(xcols[j].subject, x->subject))
					bad = edu_error("%s:%ld: column '%s' appears twice", file, line, h);
			x->choice = -1;
			nscore++;
		} else if (!strncasecmp(h, "choice", 6) && h[6] >= '1' && h[6] <= '9') {
			char *end;
			long k = strtol(h + 6, &end, 10);
			if (*end || k > EDU_EXAM_CHOICES) {
				bad = edu_error("%s:%ld: '%s': choices are choice1 to choice%d",
						file, line, h, EDU_EXAM_CHOICES);
				goto refused;
			}
			if (choice_at[k - 1] >= 0)
				bad = edu_error("%s:%ld: column '%s' appears twice", file, line, h);
			choice_at[k - 1] = nx;
			x->choice = (int)k - 1;
			if (k > nchoice)
				nchoice = (int)k;
		} else {
			continue;	/* unknown, unless --ignore-extra */
		}
		take[i] = 1;
		nx++;
		continue;
refused:	/* said once, not again as an unknown column */
		x->choice = -2;
		take[i] = 1;
		nx++;
	}
	if (!nscore)
		bad = edu_error("%s:%ld: no score_<subject> column", file, line);
	for (int k = 0; k < nchoice; k++)
		if (choice_at[k] < 0) {
			bad = edu_error("%s:%ld: choice%d without choice%d", file, line, nchoice, k + 1);
			break;
		}
	return bad ? -1 : 0;
}

/* scores from the score columns, choices from the choice columns: each
 * choice a senior school, none twice, none after an empty one. */
static int cand_extra(sqlite3 *db, const char *const *extra, const char **raw,
		      const char **col, char *err)
{
	static struct edu_buf scores, choices;
	static char names[EDU_EXAM_CHOICES][16], bad[EDU_VAL_MAX + 8];
	const char *picked[EDU_EXAM_CHOICES];
	char num[16];
	int ended = 0, np = 0;

	(void)db;
	scores.len = choices.len = 0;
	edu_buf_add(&scores, "", 0);
	edu_buf_add(&choices, "", 0);
	for (int i = 0; i < nx; i++) {
		int s;
		if (xcols[i].choice != -1)
			continue;
		if (edu_score_parse(extra[i], &s, err) < 0) {
			snprintf(bad, sizeof bad, "score_%s", xcols[i].subject);
			*col = bad;
			return -1;
		}
		edu_buf_printf(&scores, "%s%s=%s", scores.len ? ";" : "", xcols[i].subject,
			       edu_score_str(s, num));
	}
	for (int k = 0; k < nchoice; k++) {
		const char *c = extra[choice_at[k]];
		char code[EDU_VAL_MAX];

		snprintf(names[k], sizeof names[k], "choice%d", k + 1);
		*col = names[k];
		c += strspn(c, " \t");
		if (!*c) {
			ended = 1;
			continue;
		}
		if (ended)
			return snprintf(err, EDU_ERR_MAX, "a choice after an empty one"), -1;
		if (senior_school(c, err) < 0)
			return -1;
		edu_valid_digits(c, 10, code, err);
		picked[np] = find_school(code)->code;
		for (int j = 0; j < np; j++)
			if (!strcmp(picked[j], picked[np]))
				return snprintf(err, EDU_ERR_MAX, "school %s is choice%d already",
						picked[np], j + 1), -1;
		edu_buf_printf(&choices, "%s%s", np ? " " : "", picked[np]);
		np++;
	}
	*col = NULL;
	raw[C_SCORES] = scores.s;
	raw[C_CHOICES] = choices.s;
	return 0;
}

/* The year is --year's; a total left out is made again from the scores. */
static int cand_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
		       const char **col, char *err)
{
	(void)db;
	snprintf(buf[0], EDU_VAL_MAX, "%ld", opt.year);
	if (raw[C_YEAR] && raw[C_YEAR][strspn(raw[C_YEAR], " \t")] &&
	    atol(raw[C_YEAR]) != opt.year) {
		*col = "year";
		snprintf(err, EDU_ERR_MAX, "%s is not the --year %ld", raw[C_YEAR], opt.year);
		return -1;
	}
	raw[C_YEAR] = buf[0];
	if (!raw[C_TOTAL])
		raw[C_TOTAL] = "";
	return 0;
}

/* The sum of subject=points;... in tenths. */
static int scores_sum(const char *s)
{
	int sum = 0, t;
	char err[EDU_ERR_MAX], one[32];

	for (const char *p = s; p && *p; ) {
		size_t n = strcspn(p, ";");
		const char *eq = memchr(p, '=', n);
		if (eq && (size_t)(p + n - eq - 1) < sizeof one) {
			memcpy(one, eq + 1, p + n - eq - 1);
			one[p + n - eq - 1] = '\0';
			if (edu_score_parse(one, &t, err) == 0)
				sum += t;
		}
		p += n + (p[n] == ';');
	}
	return sum;
}

/* No choices is an empty list; the total, when left empty, the sum. */
static int cand_fill(sqlite3 *db, char **v, const char **col, char *err)
{
	int bonus = 0;
	char num[16];

	(void)db, (void)col;
	if (!v[C_CHOICES])
		v[C_CHOICES] = edu_strdup("");
	edu_score_parse(v[C_BONUS], &bonus, err);
	if (!v[C_TOTAL])
		v[C_TOTAL] = edu_strdup(edu_score_str(scores_sum(v[C_SCORES]) + bonus, num));
	return 0;
}

/* An exam number as printed on the admission ticket; a total given is
 * the sum; a candidate stays in their year. */
static int cand_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	const char *k = v[C_EXAM_NO];
	int bonus = 0, total = 0, sum = scores_sum(v[C_SCORES]);
	char a[16], b[16];

	*col = "exam_no";
	if (strlen(k) >= 40)
		return snprintf(err, EDU_ERR_MAX, "longer than 39 characters"), -1;
	if (k[strspn(k, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")])
		return snprintf(err, EDU_ERR_MAX, "letters, digits and '-' only"), -1;
	/* Without --upsert an exam number that exists is refused before. */
	const char *p[] = { k, v[C_YEAR] };
	char *other = !edu_import_opt.upsert ? NULL :
		edu_query1(db, "SELECT year FROM candidate WHERE exam_no = ? AND year <> ?", 2, p);
	if (other) {
		snprintf(err, EDU_ERR_MAX, "candidate %s is of the year %s", k, other);
		free(other);
		return -1;
	}
	*col = "total";
	edu_score_parse(v[C_BONUS], &bonus, err);
	edu_score_parse(v[C_TOTAL], &total, err);
	if (total != sum + bonus)
		return snprintf(err, EDU_ERR_MAX, "%s is not the sum of the scores and the bonus, %s",
				edu_score_str(total, a), edu_score_str(sum + bonus, b)), -1;
	*col = "junior_school";
	if (v[C_JUNIOR] && !find_school(v[C_JUNIOR]))
		return snprintf(err, EDU_ERR_MAX, "no school '%s'", v[C_JUNIOR]), -1;
	return 0;
}

static const struct edu_entity candidate = {
	.table = "candidate", .what = "candidate", .cols = cand_cols, .ncols = C_NCOLS,
	.row_check = cand_check, .derive = cand_derive, .derive_ok = "year|scores|choices",
	.fill = cand_fill, .extra_header = cand_header, .extra_row = cand_extra,
};

/* ---- seats --------------------------------------------------------------- */

/* The key is the school's of a year: a refusal names school_code. */
enum { S_SCHOOL, S_YEAR, S_SEATS, S_MIN, S_NCOLS };
static const struct edu_col seat_cols[S_NCOLS] = {
	/* From --year. */
	[S_YEAR] = { .name = "year", .aliases = "年份", .type = EDU_C_INT, .flags = EDU_C_KEY,
		     .min = 1949, .max = 9999 },
	[S_SCHOOL] = { .name = "school_code", .aliases = "学校代码|学校标识码",
		       .type = EDU_C_DIGITS, .flags = EDU_C_KEY, .min = 10 },
	[S_SEATS] = { .name = "seats", .aliases = "计划数|招生计划|学位数", .type = EDU_C_INT,
		      .flags = EDU_C_REQUIRED, .max = 100000 },
	[S_MIN] = { .name = "min_score", .aliases = "最低控制线|最低分", .type = EDU_C_SCORE },
};

static int seat_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
		       const char **col, char *err)
{
	(void)db;
	snprintf(buf[0], EDU_VAL_MAX, "%ld", opt.year);
	if (raw[S_YEAR] && raw[S_YEAR][strspn(raw[S_YEAR], " \t")] &&
	    atol(raw[S_YEAR]) != opt.year) {
		*col = "year";
		snprintf(err, EDU_ERR_MAX, "%s is not the --year %ld", raw[S_YEAR], opt.year);
		return -1;
	}
	raw[S_YEAR] = buf[0];
	return 0;
}

/* Seats are a senior, complete or vocational school's. */
static int seat_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	(void)db;
	*col = "school_code";
	return senior_school(v[S_SCHOOL], err);
}

/* The school's name, as cutoffs prints it (name, 学校名称): passed over. */
static int seat_header(const char *file, long line, int n, const char *const *names,
		       int *take)
{
	(void)file, (void)line;
	for (int i = 0; i < n; i++)
		take[i] = !strcmp(names[i], "学校名称");
	return 0;
}

static const struct edu_entity seat = {
	.table = "seat", .what = "seat", .cols = seat_cols, .ncols = S_NCOLS,
	.derived = "name", .extra_header = seat_header,
	.row_check = seat_check, .derive = seat_derive, .derive_ok = "year",
};

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
	need_year();
	if (final_year(c->db))
		return EDU_EDATA;
	load_schools(c->db);
	return edu_import(c->db, &candidate, c->argc, c->argv);
}

static int seats_import(struct edu_cmd *c)
{
	need_year();
	if (final_year(c->db))
		return EDU_EDATA;
	load_schools(c->db);
	return edu_import(c->db, &seat, c->argc, c->argv);
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
	if (opt.seed < 0)
		opt.seed = (long)edu_lottery_seed();
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
		x->lottery = edu_exam_lottery((uint64_t)opt.seed, nos[n]);
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
	struct edu_reject *rj;
	FILE *rf;
	struct edu_out *ro = NULL;

	need_year();
	edu_date_str(edu_opt.on, day);
	rj = edu_reject_open(opt.reject);
	rf = edu_reject_file(rj);
	edu_run_start(&run);
	edu_begin(c->db);
	if (!admitted_year(c->db)) {
		edu_rollback(c->db);
		edu_reject_close(rj, 0);
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
	edu_out_end(ro);
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
	/* The refused candidates are safe before the rest commits. */
	edu_reject_flush(rj);
	edu_finish(c->db);
	edu_reject_close(rj, 1);
	if (!edu_opt.quiet)
		edu_warn("%ld enrolled, %ld refused", done, refused);
	return refused ? EDU_NO : 0;
}

#define W EDU_V_WRITE
static const struct edu_verb verbs[] = {
	{ .name = "import", .run = cand_import, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W | EDU_V_IMPORT, .opts = year_opts,
	  .summary = "add a year's candidates and their scores and choices from CSV",
	  .doc = "Import the candidates of --year from CSV files (none or '-': standard input).  "
	  "Columns: exam_no, student_no, name, junior_school, score_<subject> (one per "
	  "subject), bonus, total (checked when given), choice1 to choice12; see edu-exam(1)." },
	{ .name = "seats import", .run = seats_import, .args_doc = "[FILE...]", .max_args = EDU_ANY,
	  .roles = "registrar", .flags = W | EDU_V_IMPORT, .opts = year_opts,
	  .summary = "set the seats and minimum scores of senior schools",
	  .doc = "Import the seats of --year: columns school_code, seats, min_score." },
	{ .name = "admit", .run = admit, .roles = "registrar", .flags = W, .opts = admit_opts,
	  .summary = "admit a year's candidates by parallel choices",
	  .doc = "Admit the candidates of --year in the order of merit, replacing an earlier "
	  "result; exit 1 when anyone is left unadmitted." },
	{ .name = "show", .run = show, .args_doc = "EXAM_NO", .min_args = 1, .max_args = 1,
	  .summary = "show a candidate: scores, choices and admission" },
	{ .name = "list", .run = list, .opts = list_opts,
	  .summary = "list a year's candidates with their admission" },
	{ .name = "cutoffs", .run = cutoffs, .opts = year_opts,
	  .summary = "per school: seats, admitted, lowest admitted total, filled" },
	{ .name = "explain", .run = explain, .args_doc = "[EXAM_NO...]", .max_args = EDU_ANY,
	  .summary = "why a candidate's earlier choices did not admit them",
	  .doc = "Explain the admission of the candidates named, or with none, of those in the "
	  "exam_no column of a CSV on standard input (edu-exam list --unadmitted | "
	  "edu-exam explain)." },
	{ .name = "enroll", .run = enroll, .roles = "registrar", .flags = W, .opts = enroll_opts,
	  .summary = "enroll the admitted candidates in grade 10 of their school",
	  .doc = "Enroll the admitted candidates of --year (dated --on) who are not enrolled "
	  "yet; a candidate who has not graduated from junior school is refused and "
	  "nothing is written, unless --reject." },
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
