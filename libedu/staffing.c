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
	return q < 0 ? q : q + sc->extra;
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
			  int counted, struct edu_staffing *s)
{
	if (!counted)
		edu_student_asof_count(db, day);
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT school_code, grade, sum(n) FROM temp.student_asof "
		"WHERE status = 'enrolled' AND (?1 IS NULL OR school_code = ?1) GROUP BY 1, 2");

	edu_bind_text(st, 1, school);
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

/* The posts the settings add to boarding and remote schools. */
static void load_extra(sqlite3 *db, struct edu_staffing *s)
{
	static const char *const keys[] = { "staff.extra.boarding", "staff.extra.remote" };
	char err[EDU_ERR_MAX];

	for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
		char *v = edu_setting(db, keys[k], "");
		size_t max = strlen(v) / 2 + 1;
		struct edu_weight *w = edu_malloc(max * sizeof *w);
		int n = edu_weights_parse(v, w, (int)max, err);
		for (int i = 0; i < n; i++) {
			struct edu_staffing_school *sc = find(s, w[i].word);
			long base = 0;
			for (int j = 0; sc && j < EDU_NSTAGE; j++)
				base += sc->has[j] && sc->quota[j] > 0 ? sc->quota[j] : 0;
			if (sc)
				sc->extra += (base * w[i].weight + 99) / 100;
		}
		free(w);
		free(v);
	}
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
	sqlite3_stmt *st = edu_prepare(db, EDU_STAFF_ASOF
		"SELECT unit, category = 'teacher', subject, stage FROM asof a "
		"WHERE status = 'active' AND on_establishment = 'yes' AND (?2 IS NULL OR unit = ?2) "
		"AND NOT EXISTS (SELECT 1 FROM staff_event p WHERE p.staff_no = a.staff_no "
		"AND p.kind = 'punish' AND p.detail = 'dismissal' AND p.day <= ?1 "
		"AND p.void_on IS NULL) "
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

void edu_staffing_load(sqlite3 *db, const char *day, const char *school, int counted,
		       struct edu_staffing *s)
{
	memset(s, 0, sizeof *s);
	load_settings(db, s);
	load_schools(db, school, s);
	load_students(db, day, school, counted, s);
	load_extra(db, s);
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

/* ---- graduates ------------------------------------------------------- */

int edu_graduate_cert_check(sqlite3 *db, const char *no, const char *id, const char *name,
			    const char *sex, const char *stage, char *err)
{
	const char *p[] = { no };
	char *kind = edu_query1(db, "SELECT kind FROM certificate WHERE cert_no = ?", 1, p);
	int st = edu_staffing_stage(stage);

	if (kind) {
		/* Issued here: it must be a teacher's, in force, and theirs. */
		struct edu_buf say = { 0 };
		int good = !strcmp(kind, "teacher") && edu_cert_verify(db, no, name, id, &say);
		if (!good)
			snprintf(err, EDU_ERR_MAX, "%s", strcmp(kind, "teacher") ?
				 "is not a teacher-qualification certificate" : say.s);
		edu_buf_free(&say);
		free(kind);
		if (!good)
			return -1;
	} else if (strlen(no) != 17 || no[strspn(no, "0123456789")]) {
		snprintf(err, EDU_ERR_MAX, "a teacher-qualification number is 17 digits: year, "
			 "province, body, category, sex, serial");
		return -1;
	} else if (no[10] != (strcmp(sex, "M") ? '2' : '1')) {
		snprintf(err, EDU_ERR_MAX, "its sex digit %c is not that of sex %s", no[10], sex);
		return -1;
	}
	/* 教师资格条例 第五条: a qualification is for its own level and those
	 * below it: kindergarten 1, primary 2, junior 3, senior 4; the
	 * vocational ones (5, 6) are not for these stages; higher (7) is. */
	int type = kind ? 0 : no[9] - '0';
	if (kind) {
		char *cat = edu_query1(db, "SELECT category FROM certificate WHERE cert_no = ?", 1, p);
		type = edu_teacher_category_code(cat);
		free(cat);
	}
	int need = st + 1;	/* EDU_STAGE_KINDERGARTEN .. SENIOR are 0 .. 3 */
	if (type < 1 || type > 7 || type == 5 || type == 6 || (type < 7 && type < need)) {
		snprintf(err, EDU_ERR_MAX, "a certificate of category %d does not qualify for %s "
			 "(教师资格条例 第五条: its own level and below)", type, stage);
		return -1;
	}
	return 0;
}

int edu_graduate_choices_check(sqlite3 *db, const char *const *choice, int n,
			       const char *stage, int *bad, char *err)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT kind, status FROM school WHERE school_code = ?1");
	int ended = 0, rc = 0, want = edu_staffing_stage(stage);

	for (int i = 0; i < n && !rc; i++) {
		int has[EDU_NSTAGE];
		*bad = i;
		if (!choice[i]) {
			ended = 1;
			continue;
		}
		if (ended) {
			snprintf(err, EDU_ERR_MAX, "a choice after an empty one");
			rc = -1;
			break;
		}
		for (int j = 0; j < i; j++)
			if (!strcmp(choice[j], choice[i])) {
				snprintf(err, EDU_ERR_MAX, "school %s is choice%d already", choice[i], j + 1);
				rc = -1;
			}
		sqlite3_bind_text(st, 1, choice[i], -1, SQLITE_STATIC);
		if (!rc && sqlite3_step(st) != SQLITE_ROW) {
			snprintf(err, EDU_ERR_MAX, "no school '%s'", choice[i]);
			rc = -1;
		} else if (!rc) {
			kind_stages((const char *)sqlite3_column_text(st, 0), has);
			if (strcmp((const char *)sqlite3_column_text(st, 1), "open")) {
				snprintf(err, EDU_ERR_MAX, "school %s is closed", choice[i]);
				rc = -1;
			} else if (want < 0 || !has[want]) {
				snprintf(err, EDU_ERR_MAX, "school %s (%s) has no %s stage", choice[i],
					 (const char *)sqlite3_column_text(st, 0), stage);
				rc = -1;
			}
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- placement --------------------------------------------------------- */

long edu_staffing_left(const struct edu_staffing *s, long school, int stage,
		       const char *subject)
{
	struct edu_staffing_need *n = school < 0 ? NULL :
		need_of((struct edu_staffing *)s, (size_t)school, stage, subject);

	if (!n)
		return -1;
	long left = n->need - n->in_post - n->taken;
	return left > 0 ? left : 0;
}

/* The tie-break words, as signs of the keys to compare: 1 cert, 2 degree. */
static int tb[3], ntb;

static int by_merit(const void *x, const void *y)
{
	const struct edu_grad *a = *(struct edu_grad *const *)x, *b = *(struct edu_grad *const *)y;
	int c;

	if (a->stage != b->stage)
		return a->stage < b->stage ? -1 : 1;
	if ((c = strcmp(a->subject, b->subject)))
		return c;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	for (int i = 0; i < ntb; i++) {
		int ka = tb[i] == 1 ? a->cert : a->degree, kb = tb[i] == 1 ? b->cert : b->degree;
		if (ka != kb)
			return ka > kb ? -1 : 1;
	}
	if (a->lottery != b->lottery)
		return a->lottery < b->lottery ? -1 : 1;
	return strcmp(a->id, b->id);
}

static void take(struct edu_staffing *s, struct edu_grad *g, long school, int by)
{
	need_of(s, (size_t)school, g->stage, g->subject)->taken++;
	g->school = school;
	g->placed_by = by;
}

long edu_graduates_place(struct edu_grad **g, size_t n, struct edu_staffing *s,
			 const char *tiebreak, int fallback)
{
	long unplaced = 0;

	ntb = 0;
	for (const char *p = tiebreak ? tiebreak : ""; *p && ntb < 3; ) {
		size_t len;
		p += strspn(p, " ");
		len = strcspn(p, " ");
		if (len == 4 && !strncmp(p, "cert", 4))
			tb[ntb++] = 1;
		else if (len == 6 && !strncmp(p, "degree", 6))
			tb[ntb++] = 2;
		p += len;
	}
	qsort(g, n, sizeof *g, by_merit);
	for (size_t i = 0, first = 0; i < n; i++) {
		struct edu_grad *x = g[i];
		if (i && (x->stage != g[i - 1]->stage || strcmp(x->subject, g[i - 1]->subject)))
			first = i;
		x->rank = (long)(i - first) + 1;
		x->school = -1;
		x->placed_by = -1;
		x->reason = NULL;
		for (int k = 0; k < x->nchoice && x->school < 0; k++)
			if (edu_staffing_left(s, x->choice[k], x->stage, x->subject) > 0)
				take(s, x, x->choice[k], k + 1);
	}
	/* Only once every choice was served: a fallback post never goes
	 * before a lower-ranked graduate's choice. */
	for (size_t i = 0; i < n; i++) {
		struct edu_grad *x = g[i];
		if (x->school >= 0)
			continue;
		for (size_t sc = 0; fallback && sc < s->nschool && x->school < 0; sc++)
			if (edu_staffing_left(s, (long)sc, x->stage, x->subject) > 0)
				take(s, x, (long)sc, 0);
		if (x->school < 0) {
			x->reason = fallback ? "no post of the subject and stage left" :
				    x->nchoice ? "every choice full" : "no choices";
			unplaced++;
		}
	}
	return unplaced;
}

/* ---- a year's graduates in the store ----------------------------------- */

static int degree_rank(const char *d)
{
	return !d ? 0 : !strcmp(d, "doctor") ? 3 : !strcmp(d, "master") ? 2 :
	       !strcmp(d, "bachelor") ? 1 : 0;
}

static long school_index(const struct edu_staffing *s, const char *code)
{
	struct edu_staffing_school *sc = find((struct edu_staffing *)s, code);

	return sc ? (long)(sc - s->school) : -1;
}

struct edu_grad *edu_graduates_load(sqlite3 *db, long year, uint64_t seed,
				    const struct edu_staffing *s, size_t *n)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT id_number, name, subject, stage, score, cert_no IS NOT NULL, degree, "
		"choice1, choice2, choice3, choice4, choice5 FROM graduate WHERE year = ?1 "
		"ORDER BY id_number");
	struct edu_grad *g = NULL;
	size_t cap = 0;

	*n = 0;
	sqlite3_bind_int64(st, 1, year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 256;
			g = edu_realloc(g, cap * sizeof *g);
		}
		struct edu_grad *x = &g[(*n)++];
		memset(x, 0, sizeof *x);
		x->id = edu_strdup((const char *)sqlite3_column_text(st, 0));
		x->name = edu_strdup((const char *)sqlite3_column_text(st, 1));
		x->subject = edu_strdup((const char *)sqlite3_column_text(st, 2));
		x->stage = edu_staffing_stage((const char *)sqlite3_column_text(st, 3));
		x->score = sqlite3_column_int(st, 4);
		x->cert = sqlite3_column_int(st, 5);
		x->degree = degree_rank((const char *)sqlite3_column_text(st, 6));
		x->lottery = edu_place_lottery(seed, x->id);
		for (int k = 0; k < EDU_GRADUATE_CHOICES; k++) {
			const char *c = (const char *)sqlite3_column_text(st, 7 + k);
			if (c)
				x->choice[x->nchoice++] = school_index(s, c);
		}
	}
	sqlite3_finalize(st);
	return g;
}

void edu_graduates_free(struct edu_grad *g, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((char *)g[i].id);
		free((char *)g[i].name);
		free((char *)g[i].subject);
	}
	free(g);
}

void edu_graduates_store(sqlite3 *db, long year, struct edu_grad *const *g, size_t n,
			 const struct edu_staffing *s)
{
	char y[24];
	const char *p[] = { y };
	sqlite3_stmt *ins = edu_prepare(db,
		"INSERT INTO graduate_plan (year, id_number, rank, school_code, choice, reason) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

	snprintf(y, sizeof y, "%ld", year);
	edu_exec(db, "DELETE FROM graduate_plan WHERE year = ?", 1, p);
	for (size_t i = 0; i < n; i++) {
		const struct edu_grad *x = g[i];
		sqlite3_bind_int64(ins, 1, year);
		sqlite3_bind_text(ins, 2, x->id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 3, x->rank);
		edu_bind_text(ins, 4, x->school >= 0 ? s->school[x->school].code : NULL);
		if (x->school >= 0)
			sqlite3_bind_int(ins, 5, x->placed_by);
		else
			sqlite3_bind_null(ins, 5);
		edu_bind_text(ins, 6, x->reason);
		edu_exec_stmt(db, ins);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
}

sqlite3_stmt *edu_graduates_plan(sqlite3 *db, long year)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT p.id_number, g.name, g.stage, g.subject, p.rank, p.school_code, p.choice, "
		"p.reason FROM graduate_plan p JOIN graduate g ON g.year = p.year "
		"AND g.id_number = p.id_number WHERE p.year = ?1 "
		"ORDER BY CASE g.stage WHEN 'kindergarten' THEN 0 WHEN 'primary' THEN 1 "
		"WHEN 'junior' THEN 2 ELSE 3 END, g.subject, p.rank");

	sqlite3_bind_int64(st, 1, year);
	return st;
}

int edu_graduate_explain(sqlite3 *db, struct edu_out *o, long year, const char *id)
{
	char y[24], k[12], why[EDU_ERR_MAX];
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT g.stage, g.subject, p.rank, p.choice, g.choice1, g.choice2, g.choice3, "
		"g.choice4, g.choice5 FROM graduate g JOIN graduate_plan p ON p.year = g.year "
		"AND p.id_number = g.id_number WHERE g.year = ?1 AND g.id_number = ?2");
	sqlite3_stmt *took = edu_prepare(db,
		"SELECT count(*), max(p.rank) FROM graduate_plan p JOIN graduate g "
		"ON g.year = p.year AND g.id_number = p.id_number WHERE p.year = ?1 "
		"AND p.school_code = ?2 AND g.stage = ?3 AND g.subject = ?4");

	snprintf(y, sizeof y, "%ld", year);
	edu_bind_text(st, 1, y);
	edu_bind_text(st, 2, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		sqlite3_finalize(took);
		edu_warn("graduate %s: not in the plan of %ld", id, year);
		return -1;
	}
	int placed = sqlite3_column_type(st, 3) != SQLITE_NULL ? sqlite3_column_int(st, 3) : -1;
	int upto = placed > 0 ? placed - 1 : EDU_GRADUATE_CHOICES;
	for (int c = 0; c < upto; c++) {
		const char *school = (const char *)sqlite3_column_text(st, 4 + c);
		if (!school)
			break;
		sqlite3_bind_int64(took, 1, year);
		sqlite3_bind_text(took, 2, school, -1, SQLITE_STATIC);
		sqlite3_bind_text(took, 3, (const char *)sqlite3_column_text(st, 0), -1, SQLITE_STATIC);
		sqlite3_bind_text(took, 4, (const char *)sqlite3_column_text(st, 1), -1, SQLITE_STATIC);
		sqlite3_step(took);
		long nt = sqlite3_column_int64(took, 0);
		if (nt)
			snprintf(why, sizeof why, "its %ld post%s of %s %s went to rank%s %s%lld",
				 nt, nt > 1 ? "s" : "", (const char *)sqlite3_column_text(st, 0),
				 (const char *)sqlite3_column_text(st, 1), nt > 1 ? "s" : "",
				 nt > 1 ? "up to " : "", sqlite3_column_int64(took, 1));
		else
			snprintf(why, sizeof why, "it had no open post of %s %s",
				 (const char *)sqlite3_column_text(st, 0),
				 (const char *)sqlite3_column_text(st, 1));
		sqlite3_reset(took);
		snprintf(k, sizeof k, "%d", c + 1);
		const char *row[] = { id, k, school, "full", why };
		edu_out_row(o, row);
	}
	sqlite3_finalize(st);
	sqlite3_finalize(took);
	return placed >= 0 ? 0 : 1;
}

/* ---- appointment from the plan ---------------------------------------- */

int edu_graduate_appoint(sqlite3 *db, const char *id, int on, int pending, char *why)
{
	static const char *const degree_zh[][2] = {
		{ "bachelor", "学士" }, { "master", "硕士" }, { "doctor", "博士" },
	};
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT p.year, g.name, g.sex, g.degree, g.subject, g.stage, g.cert_no, "
		"p.school_code FROM graduate_plan p JOIN graduate g ON g.year = p.year "
		"AND g.id_number = p.id_number WHERE p.id_number = ?1 ORDER BY p.year DESC LIMIT 1");
	char day[11], norm[EDU_VAL_MAX], err[EDU_ERR_MAX], birth_s[11];
	const char *v[8];
	int birth, male, rc = -1;

	edu_date_str(on, day);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		snprintf(why, EDU_ERR_MAX, "is in no placement plan (see 'edu-cadre place')");
		goto out;
	}
	for (int i = 0; i < 8; i++)
		v[i] = (const char *)sqlite3_column_text(st, i);
	if (!v[7]) {
		rc = 1;		/* unplaced: nothing to appoint */
		goto out;
	}
	const char *p[] = { id };
	char *unit = edu_query1(db, "SELECT unit FROM staff WHERE id_number = ?", 1, p);
	if (unit) {
		/* Appointed already: a second run changes nothing. */
		rc = strcmp(unit, v[7]) ? -1 : 1;
		if (rc < 0)
			snprintf(why, EDU_ERR_MAX, "is staff of %s already, not of %s", unit, v[7]);
		free(unit);
		goto out;
	}
	/* A teacher must hold the qualification (教师法 第十条); without it
	 * only a probation post, by choice. */
	int cert_ok = v[6] && edu_graduate_cert_check(db, v[6], id, v[1], v[2], v[5], err) == 0;
	if (!cert_ok && !pending) {
		if (v[6])
			snprintf(why, EDU_ERR_MAX, "certificate %s: %.120s (give --pending-cert "
				 "for a probation post)", v[6], err);
		else
			snprintf(why, EDU_ERR_MAX, "no valid teacher certificate (give "
				 "--pending-cert for a probation post)");
		goto out;
	}
	if (edu_valid_id(id, norm, &birth, &male, err) < 0) {
		snprintf(why, EDU_ERR_MAX, "%s", err);
		goto out;
	}
	const char *deg = NULL;
	for (size_t i = 0; v[3] && i < sizeof degree_zh / sizeof *degree_zh; i++)
		if (!strcmp(degree_zh[i][0], v[3]))
			deg = degree_zh[i][1];
	const char *row[] = { id, id, v[1], v[2], edu_date_str(birth, birth_s), v[7], deg, day,
			      v[4], v[5] };
	sqlite3_stmt *ins = edu_prepare(db,
		"INSERT INTO staff (staff_no, id_number, name, sex, birth_date, unit, category, "
		"degree, hired_on, subject, stage, on_establishment) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'teacher', ?7, ?8, ?9, ?10, 'yes')");
	for (int i = 0; i < 10; i++)
		edu_bind_text(ins, i + 1, row[i]);
	edu_exec_stmt(db, ins);
	sqlite3_finalize(ins);
	struct edu_buf a = { 0 };
	edu_buf_puts(&a, "{\"from\":\"graduate_plan\",\"year\":");
	edu_buf_puts(&a, v[0]);
	edu_buf_puts(&a, ",\"unit\":");
	edu_buf_json(&a, v[7]);
	edu_buf_puts(&a, ",\"subject\":");
	edu_buf_json(&a, v[4]);
	edu_buf_puts(&a, ",\"stage\":");
	edu_buf_json(&a, v[5]);
	edu_buf_puts(&a, ",\"hired_on\":");
	edu_buf_json(&a, day);
	edu_buf_puts(&a, "}");
	edu_audit(db, "staff", id, a.s);
	edu_buf_free(&a);
	const struct edu_staff_change ch = {
		.position = cert_ok ? "教师" : EDU_PROBATION_POST, .until = -1,
	};
	rc = edu_staff_record(db, id, "appoint", &ch, on, why) == 0 ? 0 : -1;
out:
	sqlite3_finalize(st);
	return rc;
}

/* ---- subjects ---------------------------------------------------------- */

const char *edu_subject_key(const char *s)
{
	/* The subjects of the national curriculum plans by their Chinese
	 * names; the keys are those of the default shares. */
	static const struct { const char *key, *zh; } names[] = {
		{ "chinese", "语文" }, { "math", "数学" }, { "english", "英语" },
		{ "english", "外语" }, { "moral", "道德与法治" }, { "moral", "品德" },
		{ "politics", "思想政治" }, { "politics", "政治" }, { "history", "历史" },
		{ "geography", "地理" }, { "science", "科学" }, { "physics", "物理" },
		{ "chemistry", "化学" }, { "biology", "生物" }, { "biology", "生物学" },
		{ "pe", "体育" }, { "pe", "体育与健康" }, { "arts", "艺术" },
		{ "arts", "音乐" }, { "arts", "美术" }, { "it", "信息科技" },
		{ "it", "信息技术" }, { "technology", "通用技术" }, { "technology", "技术" },
		{ "preschool", "学前教育" }, { "preschool", "幼儿教育" },
	};

	for (size_t i = 0; s && i < sizeof names / sizeof *names; i++)
		if (!strcmp(names[i].zh, s))
			return names[i].key;
	return s;
}

long edu_graduates_appointed(sqlite3 *db, long year)
{
	char y[24];
	const char *p[] = { y };

	snprintf(y, sizeof y, "%ld", year);
	char *n = edu_query1(db, "SELECT count(*) FROM graduate g JOIN staff s "
			     "ON s.id_number = g.id_number WHERE g.year = ?", 1, p);
	long v = n ? atol(n) : 0;
	free(n);
	return v;
}

int edu_staffing_subject_check(sqlite3 *db, const char *stage, const char *subject, char *err)
{
	struct edu_weight w[EDU_STAFF_SUBJECTS];
	int st = edu_staffing_stage(stage);

	if (st < 0 || st >= EDU_NTEACH_STAGE)
		return snprintf(err, EDU_ERR_MAX, "no stage '%s'", stage ? stage : ""), -1;
	char *key = edu_asprintf("staff.subjects.%s", stage);
	char *v = edu_setting(db, key, edu_setting_def(key)->dflt);
	int n = edu_weights_parse(v, w, EDU_STAFF_SUBJECTS, err), found = 0;
	for (int i = 0; i < n && !found; i++)
		found = !strcmp(w[i].word, subject);
	if (!found)
		snprintf(err, EDU_ERR_MAX, "'%s' has no posts at %s (setting %s: %s)", subject,
			 stage, key, v);
	free(v);
	free(key);
	return found ? 0 : -1;
}
