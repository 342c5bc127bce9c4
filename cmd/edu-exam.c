/* edu-exam - the senior-high entrance exam (中考): candidates and their
 * scores, schools' seats, admission by parallel choices (平行志愿), and
 * the enrolment of the admitted in grade 10 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

#define MAX_SHOWN 100	/* bad rows reported before we only count them */

/* ---- options ----------------------------------------------------------- */

static struct {
	long year;
	long seed;		/* -1: none given */
	const char *school;
	int unadmitted;
	const char *reject;
	long seats;
	const char *by;
	int quota;
	long round;
} opt = { .seed = -1, .seats = -1, .round = 1 };

static const struct edu_enum bases[] = {
	{ "graduates", "毕业生|毕业生数" }, { "candidates", "考生|考生数" }, { NULL, NULL }
};

static const struct edu_option year_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of the exam"),
	EDU_OPT_END
};

static const struct edu_option admit_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of the exam"),
	EDU_OPT_LONG("seed", &opt.seed, "N", 0, INT64_MAX, "the lottery's seed: the same seed gives the same draw"),
	EDU_OPT_LONG("round", &opt.round, "N", 1, 2, "1 (default): the main admission; 2: the second round (补录) with the choices of FILE"),
	EDU_OPT_END
};

static const struct edu_option quota_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of the exam"),
	EDU_OPT_DIGITS("school", &opt.school, "CODE", 10, "the senior school whose seats are split"),
	EDU_OPT_LONG("seats", &opt.seats, "N", 0, 100000, "how many of its seats are quota seats"),
	EDU_OPT_ENUM("by", &opt.by, "BASIS", bases, "split by the junior schools' graduates (default) or candidates"),
	EDU_OPT_END
};

static const struct edu_option cutoffs_opts[] = {
	EDU_OPT_LONG("year", &opt.year, "YEAR", 1949, 9999, "the year of the exam"),
	EDU_OPT_FLAG("quota", &opt.quota, "the quota seats per senior and junior school"),
	EDU_OPT_LONG("round", &opt.round, "N", 1, 2, "2: the second round: the seats left empty by the first, admitted and cutoff"),
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

/* The schools of the database, as a candidate or seat file is read. */
static struct edu_exam_schools schools;

/* ---- candidates ---------------------------------------------------------- */

/* A candidate through the shared importer: the fixed columns are the
 * entity's, the columns that vary by year (score_<subject>, choiceN) are
 * taken by cand_header and made into `scores` and `choices` by cand_extra. */
enum { C_EXAM_NO, C_YEAR, C_STUDENT_NO, C_ID, C_SOURCE, C_NAME, C_JUNIOR, C_SCORES, C_GRADES,
       C_BONUS, C_TOTAL, C_CHOICES, C_BATCH_CHOICES, C_NCOLS };
/* Where a candidate comes from: this registry (应届), a previous year's
 * graduate (往届生), another city (外地). */
static const struct edu_enum sources[] = {
	{ "registry", "应届|应届生|本市应届" }, { "previous", "往届|往届生" },
	{ "outside", "外地|外地生|市外|外市" }, { NULL, NULL }
};
static const struct edu_col cand_cols[C_NCOLS] = {
	[C_EXAM_NO] = { .name = "exam_no", .aliases = "准考证号|考号", .type = EDU_C_CODE,
			.flags = EDU_C_KEY },
	/* From --year. */
	[C_YEAR] = { .name = "year", .aliases = "年份", .type = EDU_C_INT,
		     .flags = EDU_C_REQUIRED, .min = 1949, .max = 9999 },
	/* Required of a candidate of the registry (cand_check). */
	[C_STUDENT_NO] = { .name = "student_no", .aliases = "学籍号|全国学籍号",
			   .type = EDU_C_CODE, .ref = "student" },
	[C_ID] = { .name = "id_number", .aliases = "身份证号|身份证件号|证件号码",
		   .type = EDU_C_ID },
	[C_SOURCE] = { .name = "source", .aliases = "考生类别|考生来源", .type = EDU_C_ENUM,
		       .flags = EDU_C_REQUIRED, .values = sources, .dflt = "registry" },
	[C_NAME] = { .name = "name", .aliases = "姓名", .type = EDU_C_NAME,
		     .flags = EDU_C_REQUIRED },
	[C_JUNIOR] = { .name = "junior_school", .aliases = "毕业学校|初中学校",
		       .type = EDU_C_DIGITS, .min = 10 },
	/* From the score columns: subject=points;... */
	[C_SCORES] = { .name = "scores", .type = EDU_C_TEXT, .flags = EDU_C_REQUIRED },
	/* From the graded components' columns: component=A;... */
	[C_GRADES] = { .name = "grades", .type = EDU_C_TEXT },
	[C_BONUS] = { .name = "bonus", .aliases = "加分|政策加分", .type = EDU_C_SCORE,
		      .flags = EDU_C_REQUIRED, .dflt = "0" },
	/* Left empty: the scores and the bonus added up. */
	[C_TOTAL] = { .name = "total", .aliases = "总分", .type = EDU_C_SCORE },
	/* From choice1..choiceN (志愿1..): school codes in order, ' ' between. */
	[C_CHOICES] = { .name = "choices", .type = EDU_C_TEXT },
	/* From the other batches' choice columns: batch:code code;... */
	[C_BATCH_CHOICES] = { .name = "batch_choices", .type = EDU_C_TEXT },
};

/* The varying columns of the file being read. */
static struct edu_exam_header xhead;

static int cand_header(const char *file, long line, int n, const char *const *names,
		       int *take)
{
	return edu_exam_header(&xhead, file, line, n, names, take);
}

/* scores and grades from their columns, choices from the choice columns. */
static int cand_extra(sqlite3 *db, const char *const *extra, const char **raw,
		      const char **col, char *err)
{
	static struct edu_exam_rowout r;

	(void)db;
	if (edu_exam_row(&xhead, &schools, extra, &r, col, err) < 0)
		return -1;
	raw[C_SCORES] = r.scores.s;
	raw[C_GRADES] = r.grades.s;
	raw[C_CHOICES] = r.choices.s;
	raw[C_BATCH_CHOICES] = r.batch_choices.s;
	return 0;
}

/* The year of a row is --year's. */
static int year_derive(const char **raw, int year_col, char buf[][EDU_VAL_MAX],
		       const char **col, char *err)
{
	return edu_derive_year(raw, year_col, opt.year, buf[0], col, err);
}

/* A total left out is made again from the scores. */
static int cand_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
		       const char **col, char *err)
{
	(void)db;
	if (year_derive(raw, C_YEAR, buf, col, err) < 0)
		return -1;
	if (!raw[C_TOTAL])
		raw[C_TOTAL] = "";
	return 0;
}

/* No choices is an empty list; the total, when left empty, the sum. */
static int cand_fill(sqlite3 *db, char **v, const char **col, char *err)
{
	int bonus = 0;
	char num[16];

	(void)db, (void)col;
	if (!v[C_CHOICES])
		v[C_CHOICES] = edu_strdup("");
	if (!v[C_GRADES])
		v[C_GRADES] = edu_strdup("");
	if (!v[C_BATCH_CHOICES])
		v[C_BATCH_CHOICES] = edu_strdup("");
	edu_score_parse(v[C_BONUS], &bonus, err);
	if (!v[C_TOTAL])
		v[C_TOTAL] = edu_strdup(edu_score_str(edu_exam_scores_sum(v[C_SCORES]) + bonus,
						      num));
	return 0;
}

/* An exam number as printed on the admission ticket; a total given is
 * the sum; a candidate stays in their year. */
static int cand_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	const char *k = v[C_EXAM_NO];

	*col = "exam_no";
	if (edu_exam_no_check(k, err) < 0)
		return -1;
	/* Without --upsert an exam number that exists is refused before. */
	const char *p[] = { k, v[C_YEAR] };
	char *other = !edu_import_opt.upsert ? NULL :
		edu_query1(db, "SELECT year FROM candidate WHERE exam_no = ? AND year <> ?", 2, p);
	if (other) {
		snprintf(err, EDU_ERR_MAX, "candidate %s is of the year %s", k, other);
		free(other);
		return -1;
	}
	/* A candidate of the registry is its student; one from outside it
	 * is known by the ID number their record will be made from. */
	if (!strcmp(v[C_SOURCE], "registry") && !v[C_STUDENT_NO]) {
		*col = "student_no";
		return snprintf(err, EDU_ERR_MAX, "may not be empty for a candidate of the "
				"registry (source registry)"), -1;
	}
	if (strcmp(v[C_SOURCE], "registry") && !v[C_STUDENT_NO] && !v[C_ID]) {
		*col = "id_number";
		return snprintf(err, EDU_ERR_MAX, "may not be empty for a %s candidate without "
				"a student_no", v[C_SOURCE]), -1;
	}
	*col = "total";
	if (edu_exam_total_check(v[C_SCORES], v[C_BONUS], v[C_TOTAL], err) < 0)
		return -1;
	*col = "junior_school";
	if (v[C_JUNIOR] && !edu_exam_school_find(&schools, v[C_JUNIOR]))
		return snprintf(err, EDU_ERR_MAX, "no school '%s'", v[C_JUNIOR]), -1;
	return 0;
}

static const struct edu_entity candidate = {
	.table = "candidate", .what = "candidate", .cols = cand_cols, .ncols = C_NCOLS,
	.row_check = cand_check, .derive = cand_derive, .derive_ok = "year|scores|grades|choices|batch_choices",
	.fill = cand_fill, .extra_header = cand_header, .extra_row = cand_extra,
};

/* ---- seats --------------------------------------------------------------- */

/* The key is the school's of a year: a refusal names school_code. */
enum { S_SCHOOL, S_YEAR, S_SEATS, S_MIN, S_BATCH, S_MIN_GRADES, S_NCOLS };
static const struct edu_col seat_cols[S_NCOLS] = {
	/* From --year. */
	[S_YEAR] = { .name = "year", .aliases = "年份", .type = EDU_C_INT, .flags = EDU_C_KEY,
		     .min = 1949, .max = 9999 },
	[S_SCHOOL] = { .name = "school_code", .aliases = "学校代码|学校标识码",
		       .type = EDU_C_DIGITS, .flags = EDU_C_KEY, .min = 10 },
	[S_SEATS] = { .name = "seats", .aliases = "计划数|招生计划|学位数", .type = EDU_C_INT,
		      .flags = EDU_C_REQUIRED, .max = 100000 },
	[S_MIN] = { .name = "min_score", .aliases = "最低控制线|最低分", .type = EDU_C_SCORE },
	/* The batch the school admits in (one a year). */
	[S_BATCH] = { .name = "batch", .aliases = "批次", .type = EDU_C_ENUM,
		      .flags = EDU_C_REQUIRED, .values = edu_exam_batches, .dflt = "general" },
	/* component=grade;...: normalised by seat_derive. */
	[S_MIN_GRADES] = { .name = "min_grades", .aliases = "最低等级|等级要求", .type = EDU_C_TEXT },
};

static int seat_derive(sqlite3 *db, const char **raw, char buf[][EDU_VAL_MAX],
		       const char **col, char *err)
{
	(void)db;
	if (year_derive(raw, S_YEAR, buf, col, err) < 0)
		return -1;
	const char *g = raw[S_MIN_GRADES];
	if (g && g[strspn(g, " \t")]) {
		*col = "min_grades";
		if (edu_exam_min_grades(&xhead, g, buf[1], err) < 0)
			return -1;
		raw[S_MIN_GRADES] = buf[1];
	}
	return 0;
}

/* Seats are a senior, complete or vocational school's. */
static int seat_check(sqlite3 *db, const char *const *v, const char **col, char *err)
{
	(void)db;
	*col = "school_code";
	return edu_exam_senior_school(&schools, v[S_SCHOOL], err);
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

/* After enroll a year's candidates, seats and result are final. */
static int final_year(sqlite3 *db)
{
	if (!edu_exam_enrolled(db, opt.year))
		return 0;
	edu_warn("the admission of %ld is final: its candidates were enrolled", opt.year);
	return 1;
}

static int cand_import(struct edu_cmd *c)
{
	need_year();
	if (final_year(c->db))
		return EDU_EDATA;
	edu_exam_schools_load(c->db, &schools);
	edu_exam_header_init(&xhead, c->db);
	return edu_import(c->db, &candidate, c->argc, c->argv);
}

static int seats_import(struct edu_cmd *c)
{
	need_year();
	if (final_year(c->db))
		return EDU_EDATA;
	edu_exam_schools_load(c->db, &schools);
	edu_exam_header_init(&xhead, c->db);
	return edu_import(c->db, &seat, c->argc, c->argv);
}

/* seats quota: a school's quota seats split among the junior schools. */
static int seats_quota(struct edu_cmd *c)
{
	static const char *const cols[] = { "school_code", "junior_school", "name", "basis",
					    "seats" };

	need_year();
	if (!opt.school || opt.seats < 0)
		edu_die(EDU_EUSAGE, "--school and --seats are required (see '%s %s --help')",
			edu_prog, edu_verb_name);
	edu_begin(c->db);
	if (final_year(c->db)) {
		edu_rollback(c->db);
		return EDU_EDATA;
	}
	struct edu_out *o = edu_out_new(stdout, 5, cols);
	if (edu_exam_quota_set(c->db, opt.year, opt.school, opt.seats,
			       opt.by && !strcmp(opt.by, "candidates"), o) < 0) {
		edu_out_end(o);		/* held: the rollback drops it */
		edu_rollback(c->db);
		return EDU_EDATA;
	}
	edu_out_end(o);
	edu_finish(c->db);
	return 0;
}

/* The admission result of a year, in the order of merit: what admit
 * prints and list filters. */
static sqlite3_stmt *result_stmt(sqlite3 *db)
{
	char code[EDU_VAL_MAX], err[EDU_ERR_MAX];

	if (opt.school && edu_valid_digits(opt.school, 10, code, err) < 0)
		edu_die(EDU_EUSAGE, "--school: %s", err);
	return edu_exam_result_stmt(db, opt.year, opt.school ? code : NULL, opt.unadmitted);
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
	sqlite3_stmt *st = edu_exam_show_stmt(c->db, c->argv[0]);

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
		} else if (!strcmp(name, "grades")) {
			/* component=A;...: a grade_<component> row each. */
			for (char *p = v, *t; (t = strsep(&p, ";")) && *t;) {
				char *eq = strchr(t, '=');
				if (!eq)
					continue;
				*eq = 0;
				char *f = edu_asprintf("grade_%s", t);
				const char *row[] = { f, eq + 1 };
				edu_out_row(o, row);
				free(f);
			}
		} else if (!strcmp(name, "choices") || !strcmp(name, "round2_choices")) {
			for (char *p = v, *t; (t = strsep(&p, " ")) && *t;) {
				snprintf(field, sizeof field, "%schoice%d", name[0] == 'r' ? "round2_" : "",
					 ++k);
				const char *row[] = { field, t };
				edu_out_row(o, row);
			}
		} else if (!strcmp(name, "batch_choices")) {
			/* batch:code code;...: <batch>_choiceK rows. */
			for (char *p = v, *t; (t = strsep(&p, ";")) && *t;) {
				char *colon = strchr(t, ':');
				if (!colon)
					continue;
				*colon = 0;
				k = 0;
				for (char *q = colon + 1, *u; (u = strsep(&q, " ")) && *u;) {
					char *f = edu_asprintf("%s_choice%d", t, ++k);
					const char *row[] = { f, u };
					edu_out_row(o, row);
					free(f);
				}
			}
		} else if (!*v && (!strcmp(name, "id_number") || !strcmp(name, "source") ||
				   !strcmp(name, "batch") || !strcmp(name, "round"))) {
			/* Shown only when they say something: a candidate of the
			 * registry, admitted in the general batch of round 1. */
		} else if (!strcmp(name, "batch") && !strcmp(v, "general")) {
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

/* The year's admit and enrol events (admission_event), audited. */
static void admit_event(sqlite3 *db, long year, const char *day, uint64_t seed,
			long admitted, long unadmitted)
{
	static const char *const names[] = { "event", "day", "seed", "admitted", "unadmitted" };
	char y[24], sd[24], a[24], u[24];

	snprintf(y, sizeof y, "%ld", year);
	snprintf(sd, sizeof sd, "%llu", (unsigned long long)seed);
	snprintf(a, sizeof a, "%ld", admitted);
	snprintf(u, sizeof u, "%ld", unadmitted);
	const char *ev[] = { y, day, sd, a, u };
	edu_exec(db, "INSERT INTO admission_event (year, kind, day, seed, admitted, unadmitted) "
		 "VALUES (?, 'admit', ?, ?, ?, ?)", 5, ev);
	const char *new[] = { "admit", day, sd, a, u };
	edu_audit_change(db, "admission", y, 5, names, NULL, new);
}

static void enrol_event(sqlite3 *db, long year, const char *day, long enrolled,
			long refused)
{
	static const char *const names[] = { "event", "day", "enrolled", "refused" };
	char y[24], d[24], r[24];

	snprintf(y, sizeof y, "%ld", year);
	snprintf(d, sizeof d, "%ld", enrolled);
	snprintf(r, sizeof r, "%ld", refused);
	const char *ev[] = { y, day, d, r };
	edu_exec(db, "INSERT INTO admission_event (year, kind, day, admitted, unadmitted) "
		 "VALUES (?, 'enrol', ?, ?, ?)", 4, ev);
	const char *new[] = { "enrol", day, d, r };
	edu_audit_change(db, "admission", y, 4, names, NULL, new);
}

/* The result, in the order of merit, as list prints it: printed before
 * the end, so that --dry-run shows what admit would do. */
static void print_admitted(const struct edu_exam_pool *p, const struct edu_exam_seats *t,
			   struct edu_exam_cand **order)
{
	static const char *const cols[] = { "exam_no", "student_no", "name", "total",
					    "rank", "school_code", "choice" };
	struct edu_out *o = edu_out_new(stdout, 7, cols);

	for (size_t i = 0; i < p->n; i++) {
		const struct edu_exam_cand *x = order[i];
		size_t k = (size_t)(x - p->cand);
		char tot[16], rank[16], got[16];
		edu_out_cell(o, p->no[k], EDU_V_TEXT);
		edu_out_cell(o, p->student_no[k], p->student_no[k] ? EDU_V_TEXT : EDU_V_NULL);
		edu_out_cell(o, p->name[k], EDU_V_TEXT);
		edu_out_cell(o, edu_score_str(x->total, tot), EDU_V_TEXT);
		snprintf(rank, sizeof rank, "%d", x->rank);
		edu_out_cell(o, rank, EDU_V_NUM);
		if (x->got) {
			snprintf(got, sizeof got, "%d", x->got);
			edu_out_cell(o, t->code[x->school], EDU_V_TEXT);
			edu_out_cell(o, got, EDU_V_NUM);
		} else {
			edu_out_cell(o, NULL, EDU_V_NULL);
			edu_out_cell(o, NULL, EDU_V_NULL);
		}
	}
	edu_out_end(o);
}

/* Does the year have an admission result?  Says so when not. */
static int admitted_year(sqlite3 *db)
{
	int yes = edu_exam_admitted(db, opt.year);

	if (!yes)
		edu_warn("no admission in %ld yet (run 'edu-exam admit --year %ld')",
			 opt.year, opt.year);
	return yes;
}

/* admit --round 2 FILE: the seats left empty, to the left-out candidates
 * by their new choices; the first round stays as it is. */
static int admit_round2(struct edu_cmd *c)
{
	struct edu_exam_pool pool;
	struct edu_exam_seats seats;
	struct edu_exam_cand **order;
	struct edu_run run;
	char y[24], a[24], u[24];

	if (c->argc != 1)
		edu_die(EDU_EUSAGE, "--round 2 takes one FILE of choices (see '%s %s --help')",
			edu_prog, edu_verb_name);
	edu_exam_schools_load(c->db, &schools);
	edu_run_start(&run);
	edu_begin(c->db);
	if (!admitted_year(c->db)) {
		edu_rollback(c->db);
		return EDU_NO;
	}
	long left = edu_exam_round2(c->db, opt.year, c->argv[0], &schools, &pool, &seats, &order);
	if (left < 0) {
		edu_rollback(c->db);
		return EDU_EDATA;
	}
	long admitted = (long)pool.n - left;
	snprintf(y, sizeof y, "%ld", opt.year);
	snprintf(a, sizeof a, "%ld", admitted);
	snprintf(u, sizeof u, "%ld", left);
	static const char *const names[] = { "event", "admitted", "unadmitted" };
	const char *new[] = { "round 2", a, u };
	edu_audit_change(c->db, "admission", y, 3, names, NULL, new);
	char *counts = edu_asprintf("round=2 admitted=%ld unadmitted=%ld", admitted, left);
	edu_run_finish(c->db, &run, counts, left ? EDU_NO : 0);
	free(counts);
	print_admitted(&pool, &seats, order);
	edu_finish(c->db);
	if (!edu_opt.quiet)
		edu_warn("round 2: %ld admitted, %ld unadmitted", admitted, left);
	edu_exam_pool_free(&pool);
	edu_exam_seats_free(&seats);
	free(order);
	return left ? EDU_NO : 0;
}

static int admit(struct edu_cmd *c)
{
	char subj[EDU_EXAM_TIEBREAK][32], day[11];
	struct edu_exam_seats seats;
	struct edu_exam_pool pool;
	struct edu_run run;

	need_year();
	if (opt.round == 2)
		return admit_round2(c);
	if (c->argc)
		edu_die(EDU_EUSAGE, "a FILE of choices is for --round 2 only");
	if (opt.seed < 0)
		opt.seed = (long)edu_lottery_seed();
	edu_run_start(&run);
	edu_begin(c->db);
	if (final_year(c->db)) {
		edu_rollback(c->db);
		return EDU_EDATA;
	}
	if (edu_exam_has_round2(c->db, opt.year)) {
		edu_rollback(c->db);
		edu_warn("the admission of %ld has a second round: the first is final", opt.year);
		return EDU_EDATA;
	}
	int ntb = edu_exam_tiebreak(c->db, subj);
	int batches[EDU_EXAM_NBATCH], nb = edu_exam_batch_order(c->db, batches);
	if (edu_exam_seats_load(c->db, opt.year, &seats) < 0) {
		edu_rollback(c->db);
		edu_exam_seats_free(&seats);
		return EDU_EDATA;
	}
	if (!seats.n && !edu_opt.quiet)
		edu_warn("no school has seats in %ld (see 'edu-exam seats import')", opt.year);
	/* Every candidate of the year, in memory. */
	edu_exam_pool_load(c->db, opt.year, (uint64_t)opt.seed, &seats, subj, ntb, &pool);
	if (!pool.n) {
		edu_rollback(c->db);
		edu_warn("no candidates in %ld (import them with 'edu-exam import --year %ld')",
			 opt.year, opt.year);
		edu_exam_seats_free(&seats);
		return EDU_NO;
	}
	struct edu_exam_cand **order = edu_malloc(pool.n * sizeof *order);
	struct edu_exam_quota quota;
	edu_exam_quota_load(c->db, opt.year, &seats, &quota);
	long unadmitted = edu_exam_admit_batches(pool.cand, pool.n, ntb, &seats, batches, nb,
						 &quota, order);
	edu_exam_quota_store(c->db, opt.year, &quota, &seats);
	edu_exam_quota_free(&quota);
	long admitted = (long)pool.n - unadmitted;

	/* The result replaces the year's earlier one. */
	edu_exam_store(c->db, opt.year, &pool, &seats);
	admit_event(c->db, opt.year, edu_date_str(edu_opt.on, day), (uint64_t)opt.seed,
		    admitted, unadmitted);
	char *counts = edu_asprintf("candidates=%zu admitted=%ld unadmitted=%ld seed=%llu",
				    pool.n, admitted, unadmitted,
				    (unsigned long long)opt.seed);
	edu_run_finish(c->db, &run, counts, unadmitted ? EDU_NO : 0);
	free(counts);
	print_admitted(&pool, &seats, order);
	edu_finish(c->db);
	if (!edu_opt.quiet)
		edu_warn("%ld admitted, %ld unadmitted", admitted, unadmitted);
	edu_exam_pool_free(&pool);
	edu_exam_seats_free(&seats);
	free(order);
	return unadmitted ? EDU_NO : 0;
}

static int cutoffs(struct edu_cmd *c)
{
	need_year();
	if (!admitted_year(c->db))
		return EDU_NO;
	if (opt.quota || opt.round == 2)
		edu_print_stmt(opt.quota ? edu_exam_quota_cutoffs_stmt(c->db, opt.year) :
			       edu_exam_round2_cutoffs_stmt(c->db, opt.year), 0);
	else
		edu_print_chart(edu_exam_cutoffs_stmt(c->db, opt.year), 0, 'b',
				"Lowest admitted score by school", "min_score");
	return 0;
}

/* explain: for each choice before the one that admitted a candidate (all
 * of them when none did), why it did not.  0 when it did, else 1. */
static int explain(struct edu_cmd *c)
{
	static const char *const cols[] = { "exam_no", "choice", "school_code", "result", "reason" };
	struct edu_keys k;
	int status = 0;

	if (edu_keys_read(&k, c->argc, c->argv, "exam_no", "准考证号|考号") < 0)
		return EDU_EDATA;
	struct edu_out *o = edu_out_new(stdout, 5, cols);
	for (size_t i = 0; i < k.n; i++)
		if (edu_exam_explain(c->db, o, k.key[i]))
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
	char day[11], why[EDU_ERR_MAX];
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
		"SELECT a.exam_no, c.student_no, c.name, a.school_code, c.id_number FROM admission a "
		"JOIN candidate c USING (year, exam_no) WHERE a.year = ? AND a.school_code IS NOT NULL "
		"AND a.enrolled IS NULL ORDER BY a.rank");
	sqlite3_bind_int64(st, 1, opt.year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *no = (const char *)sqlite3_column_text(st, 0);

		if (edu_exam_enrol(c->db, opt.year, no, (const char *)sqlite3_column_text(st, 1),
				   (const char *)sqlite3_column_text(st, 4),
				   (const char *)sqlite3_column_text(st, 2),
				   (const char *)sqlite3_column_text(st, 3), day, why) == 0) {
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
	edu_out_end(ro);
	if (refused && !rf) {
		edu_rollback(c->db);
		edu_warn("nothing written (%ld refused)", refused);
		return EDU_EDATA;
	}
	if (done)
		enrol_event(c->db, opt.year, day, done, refused);
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
	{ .name = "seats quota", .run = seats_quota, .roles = "registrar", .flags = W,
	  .opts = quota_opts,
	  .summary = "split a school's quota seats (名额分配) among the junior schools",
	  .doc = "Split --seats of the seats of --school in --year among the junior schools in "
	  "proportion to their graduates of the year (or --by candidates) by the largest "
	  "remainder, replacing an earlier split, and print the parts." },
	{ .name = "admit", .run = admit, .roles = "registrar", .flags = W, .opts = admit_opts,
	  .args_doc = "[FILE]", .max_args = 1,
	  .summary = "admit a year's candidates by parallel choices",
	  .doc = "Admit the candidates of --year in the order of merit, batch by batch, replacing "
	  "an earlier result; with --round 2, fill the seats left empty from the choices in "
	  "FILE (exam_no, choice1..) of the candidates left out; exit 1 when anyone is left "
	  "unadmitted." },
	{ .name = "show", .run = show, .args_doc = "EXAM_NO", .min_args = 1, .max_args = 1,
	  .summary = "show a candidate: scores, choices and admission" },
	{ .name = "list", .run = list, .opts = list_opts,
	  .summary = "list a year's candidates with their admission" },
	{ .name = "cutoffs", .run = cutoffs, .opts = cutoffs_opts,
	  .summary = "per school: seats, admitted, lowest admitted total, filled",
	  .doc = "Per school with seats in --year: seats, min_score, admitted, cutoff (the lowest "
	  "total admitted outside the quota batch) and filled; with --quota, per school and "
	  "junior school: quota seats, floor, admitted, cutoff and the seats returned." },
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
