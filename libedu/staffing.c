/* staffing.c - establishment (编制) from enrolment and the ratios of
 * 中央编办发〔2014〕72号 and 教师〔2013〕1号, vacancies per subject, and
 * the placement of normal-university graduates (issue 20). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

static const char *const stage_names[EDU_NSTAGE] = {
	[EDU_STAGE_KINDERGARTEN] = "kindergarten", [EDU_STAGE_PRIMARY] = "primary",
	[EDU_STAGE_JUNIOR] = "junior", [EDU_STAGE_SENIOR] = "senior",
	[EDU_STAGE_SPECIAL] = "special", [EDU_STAGE_VOCATIONAL] = "vocational",
};

const char *edu_staffing_stage_name(int stage)
{
	return stage >= 0 && stage < EDU_NSTAGE ? stage_names[stage] : NULL;
}

int edu_staffing_stage(const char *name)
{
	for (int i = 0; name && i < EDU_NSTAGE; i++)
		if (!strcmp(stage_names[i], name))
			return i;
	return -1;
}

long edu_staffing_posts(long students, int ratio)
{
	if (ratio <= 0 || students <= 0)
		return 0;
	return (students * 10 + ratio - 1) / ratio;
}

void edu_staffing_split(long posts, const struct edu_weight *w, int n, long *out)
{
	long total = 0, given = 0;

	for (int j = 0; j < n; j++)
		total += w[j].weight;
	for (int j = 0; j < n; j++) {
		out[j] = total ? posts * w[j].weight / total : 0;
		given += out[j];
	}
	/* The posts left by rounding down, one each to the largest
	 * remainders (the subject listed first on a tie). */
	while (total && given < posts) {
		int best = 0;
		long rem = -1;
		for (int j = 0; j < n; j++) {
			long r = posts * w[j].weight - out[j] * total;
			if (r > rem) {
				rem = r;
				best = j;
			}
		}
		out[best]++;
		given++;
	}
}

long edu_staffing_quota(const struct edu_staffing_school *sc)
{
	long q = -1;

	for (int i = 0; i < EDU_NSTAGE; i++)
		if (sc->has[i] && sc->quota[i] >= 0)
			q = (q < 0 ? 0 : q) + sc->quota[i];
	return q;
}

/* The stages a kind of school teaches: a nine-year school (九年一贯制)
 * primary and junior, a complete secondary school (完全中学) junior and
 * senior. */
static void kind_stages(const char *kind, int has[EDU_NSTAGE])
{
	static const struct { const char *kind; int a, b; } k[] = {
		{ "kindergarten", EDU_STAGE_KINDERGARTEN, -1 },
		{ "primary", EDU_STAGE_PRIMARY, -1 },
		{ "junior", EDU_STAGE_JUNIOR, -1 },
		{ "senior", EDU_STAGE_SENIOR, -1 },
		{ "nine-year", EDU_STAGE_PRIMARY, EDU_STAGE_JUNIOR },
		{ "complete", EDU_STAGE_JUNIOR, EDU_STAGE_SENIOR },
		{ "special", EDU_STAGE_SPECIAL, -1 },
		{ "vocational", EDU_STAGE_VOCATIONAL, -1 },
	};

	memset(has, 0, EDU_NSTAGE * sizeof *has);
	for (size_t i = 0; i < sizeof k / sizeof *k; i++)
		if (!strcmp(k[i].kind, kind)) {
			has[k[i].a] = 1;
			if (k[i].b >= 0)
				has[k[i].b] = 1;
		}
}

/* The stage a student of a grade counts in at a school: by grade where
 * the school teaches that stage, else the school's own (a special or
 * vocational school). */
static int student_stage(const struct edu_staffing_school *sc, int grade)
{
	int g = grade <= 6 ? EDU_STAGE_PRIMARY : grade <= 9 ? EDU_STAGE_JUNIOR : EDU_STAGE_SENIOR;

	if (sc->has[g])
		return g;
	for (int i = 0; i < EDU_NSTAGE; i++)
		if (sc->has[i])
			return i;
	return g;
}

static void load_settings(sqlite3 *db, struct edu_staffing *s)
{
	char err[EDU_ERR_MAX];

	for (int i = 0; i < EDU_NSTAGE; i++) {
		char *key = edu_asprintf("staff.ratio.%s", stage_names[i]);
		char *v = edu_setting(db, key, edu_setting_def(key)->dflt);
		int t = 0;
		if (*v && edu_score_parse(v, &t, err) < 0)
			t = 0;
		s->ratio[i] = t;
		free(v);
		free(key);
		if (i >= EDU_NTEACH_STAGE)
			continue;
		key = edu_asprintf("staff.subjects.%s", stage_names[i]);
		v = edu_setting(db, key, edu_setting_def(key)->dflt);
		int n = edu_weights_parse(v, s->share[i], EDU_STAFF_SUBJECTS, err);
		s->nshare[i] = n < 0 ? 0 : n;
		free(v);
		free(key);
	}
}

static struct edu_staffing_school *find(struct edu_staffing *s, const char *code)
{
	size_t lo = 0, hi = s->nschool;

	while (code && lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->school[mid].code, code);
		if (!c)
			return &s->school[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void load_schools(sqlite3 *db, const char *school, struct edu_staffing *s)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT school_code, name, kind FROM school WHERE status = 'open' "
		"AND (?1 IS NULL OR school_code = ?1) ORDER BY school_code");
	size_t cap = 0;

	edu_bind_text(st, 1, school);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (s->nschool == cap) {
			cap = cap ? 2 * cap : 64;
			s->school = edu_realloc(s->school, cap * sizeof *s->school);
		}
		struct edu_staffing_school *sc = &s->school[s->nschool++];
		memset(sc, 0, sizeof *sc);
		sc->code = edu_strdup((const char *)sqlite3_column_text(st, 0));
		sc->name = edu_strdup((const char *)sqlite3_column_text(st, 1));
		sc->kind = edu_strdup((const char *)sqlite3_column_text(st, 2));
		kind_stages(sc->kind, sc->has);
	}
	sqlite3_finalize(st);
}

/* Enrolled students on the day (suspended ones hold no seat in class). */
static void load_students(sqlite3 *db, const char *day, const char *school,
			  struct edu_staffing *s)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT school_code, grade, count(*) FROM (" EDU_STUDENT_ASOF ") "
		"WHERE status = 'enrolled' AND (?2 IS NULL OR school_code = ?2) GROUP BY 1, 2");

	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	edu_bind_text(st, 2, school);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct edu_staffing_school *sc = find(s, (const char *)sqlite3_column_text(st, 0));
		if (sc)
			sc->students[student_stage(sc, sqlite3_column_int(st, 1))] +=
				sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < s->nschool; i++)
		for (int k = 0; k < EDU_NSTAGE; k++)
			s->school[i].quota[k] = !s->ratio[k] ? -1 :
				edu_staffing_posts(s->school[i].students[k], s->ratio[k]);
}

static struct edu_staffing_need *need_of(struct edu_staffing *s, size_t school, int stage,
					 const char *subject)
{
	for (size_t i = s->need_at[school]; i < s->need_at[school + 1]; i++) {
		struct edu_staffing_need *n = &s->need[i];
		if (n->stage == stage && !strcmp(n->subject, subject))
			return n;
	}
	return NULL;
}

/* The subject needs of every school's teaching stages, in order. */
static void make_needs(struct edu_staffing *s)
{
	size_t cap = 0;

	s->need_at = edu_malloc((s->nschool + 1) * sizeof *s->need_at);
	for (size_t i = 0; i < s->nschool; i++) {
		s->need_at[i] = s->nneed;
		for (int k = 0; k < EDU_NTEACH_STAGE; k++) {
			long split[EDU_STAFF_SUBJECTS];
			if (!s->school[i].has[k] || s->school[i].quota[k] < 0)
				continue;
			edu_staffing_split(s->school[i].quota[k], s->share[k], s->nshare[k], split);
			for (int j = 0; j < s->nshare[k]; j++) {
				if (s->nneed == cap) {
					cap = cap ? 2 * cap : 256;
					s->need = edu_realloc(s->need, cap * sizeof *s->need);
				}
				s->need[s->nneed++] = (struct edu_staffing_need){
					.school = i, .stage = k, .subject = s->share[k][j].word,
					.need = split[j],
				};
			}
		}
	}
	s->need_at[s->nschool] = s->nneed;
}

/* A teacher with no stage (or one the school does not teach): in the
 * school's stages in order up to each one's need, else the last. */
static void count_unstaged(struct edu_staffing *s, size_t school, const char *subject)
{
	struct edu_staffing_need *last = NULL;

	for (int k = 0; k < EDU_NTEACH_STAGE; k++) {
		struct edu_staffing_need *n = need_of(s, school, k, subject);
		if (!n)
			continue;
		if (n->in_post < n->need) {
			n->in_post++;
			return;
		}
		last = n;
	}
	if (last)
		last->in_post++;
}

/* Staff on the establishment in post on the day: active then, hired by
 * then, not dismissed (开除) by then. */
static void load_staff(sqlite3 *db, const char *day, const char *school,
		       struct edu_staffing *s)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT unit, category = 'teacher', subject, stage FROM (SELECT s.unit, "
		"s.category, s.subject, s.stage, " EDU_STAFF_ASOF("status") " FROM staff s "
		"WHERE s.on_establishment = 'yes' AND (s.hired_on IS NULL OR s.hired_on <= ?1) "
		"AND (?2 IS NULL OR s.unit = ?2) AND NOT EXISTS (SELECT 1 FROM staff_event p "
		"WHERE p.staff_no = s.staff_no AND p.kind = 'punish' AND p.detail = 'dismissal' "
		"AND p.day <= ?1)) WHERE status = 'active' "
		/* staged teachers first, so the unstaged fill what is left */
		"ORDER BY stage IS NULL, unit");
	size_t nun = 0, cap = 0;
	struct { size_t school; char *subject; } *un = NULL;

	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	edu_bind_text(st, 2, school);
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct edu_staffing_school *sc = find(s, (const char *)sqlite3_column_text(st, 0));
		const char *subject = (const char *)sqlite3_column_text(st, 2);
		if (!sc)
			continue;
		sc->in_post++;
		if (!sqlite3_column_int(st, 1) || !subject)
			continue;
		size_t i = (size_t)(sc - s->school);
		int stage = edu_staffing_stage((const char *)sqlite3_column_text(st, 3));
		struct edu_staffing_need *n = stage >= 0 ? need_of(s, i, stage, subject) : NULL;
		if (n) {
			n->in_post++;
		} else {
			if (nun == cap) {
				cap = cap ? 2 * cap : 64;
				un = edu_realloc(un, cap * sizeof *un);
			}
			un[nun].school = i;
			un[nun++].subject = edu_strdup(subject);
		}
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < nun; i++) {
		count_unstaged(s, un[i].school, un[i].subject);
		free(un[i].subject);
	}
	free(un);
}

void edu_staffing_load(sqlite3 *db, const char *day, const char *school,
		       struct edu_staffing *s)
{
	memset(s, 0, sizeof *s);
	load_settings(db, s);
	load_schools(db, school, s);
	load_students(db, day, school, s);
	make_needs(s);
	load_staff(db, day, school, s);
}

void edu_staffing_free(struct edu_staffing *s)
{
	for (size_t i = 0; i < s->nschool; i++) {
		free(s->school[i].code);
		free(s->school[i].name);
		free(s->school[i].kind);
	}
	free(s->school);
	free(s->need);
	free(s->need_at);
	memset(s, 0, sizeof *s);
}

/* ---- the reports ------------------------------------------------------ */

static void num(struct edu_out *o, long v)
{
	char b[24];

	snprintf(b, sizeof b, "%ld", v);
	edu_out_cell(o, b, EDU_V_NUM);
}

static long print_schools(const struct edu_staffing *s)
{
	static const char *const cols[] = { "school", "kind", "students", "quota", "in_post",
					    "vacancies" };
	struct edu_out *o = edu_out_new(stdout, 6, cols);

	for (size_t i = 0; i < s->nschool; i++) {
		const struct edu_staffing_school *sc = &s->school[i];
		long students = 0, quota = edu_staffing_quota(sc);
		for (int k = 0; k < EDU_NSTAGE; k++)
			students += sc->students[k];
		edu_out_cell(o, sc->code, EDU_V_TEXT);
		edu_out_cell(o, sc->kind, EDU_V_TEXT);
		num(o, students);
		if (quota < 0) {
			edu_out_cell(o, NULL, EDU_V_NULL);
			num(o, sc->in_post);
			edu_out_cell(o, NULL, EDU_V_NULL);
		} else {
			num(o, quota);
			num(o, sc->in_post);
			num(o, quota - sc->in_post);
		}
	}
	edu_out_end(o);
	return (long)s->nschool;
}

static long print_needs(const struct edu_staffing *s, int open_only, const char *subject,
			long min)
{
	static const char *const cols[] = { "school", "stage", "subject", "need", "in_post",
					    "vacancies" };
	struct edu_out *o = NULL;
	long rows = 0;

	for (size_t i = 0; i < s->nneed; i++) {
		const struct edu_staffing_need *n = &s->need[i];
		if (subject && strcmp(subject, n->subject))
			continue;
		if (open_only && n->need - n->in_post < (min > 1 ? min : 1))
			continue;
		if (!o)
			o = edu_out_new(stdout, 6, cols);
		edu_out_cell(o, s->school[n->school].code, EDU_V_TEXT);
		edu_out_cell(o, stage_names[n->stage], EDU_V_TEXT);
		edu_out_cell(o, n->subject, EDU_V_TEXT);
		num(o, n->need);
		num(o, n->in_post);
		num(o, n->need - n->in_post);
		rows++;
	}
	if (!o && !open_only)
		o = edu_out_new(stdout, 6, cols);
	if (o)
		edu_out_end(o);
	return rows;
}

long edu_staffing_print(const struct edu_staffing *s, int what, const char *subject, long min)
{
	if (what == EDU_STAFFING_SCHOOLS)
		return print_schools(s);
	return print_needs(s, what == EDU_STAFFING_VACANCIES, subject, min);
}
