/* exam.c - the senior-high entrance exam: scores in tenths of a point,
 * the order of merit, and admission by parallel choices (DESIGN 8). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "edu.h"

int edu_score_parse(const char *s, int *tenths, char *err)
{
	long whole = 0;
	int frac = 0, digits = 0;
	const char *p = s;

	while (*p == ' ')
		p++;
	if (*p == '-' && p[1] >= '0' && p[1] <= '9') {
		snprintf(err, EDU_ERR_MAX, "'%s' is below zero", s);
		return -1;
	}
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		whole = whole * 10 + (*p - '0');
		if (whole > EDU_SCORE_MAX / 10) {
			snprintf(err, EDU_ERR_MAX, "'%s' is too large", s);
			return -1;
		}
	}
	if (*p == '.' && p[1] >= '0' && p[1] <= '9') {
		frac = p[1] - '0';
		p += 2;
		/* "98.50" is still one place; "98.55" is not. */
		while (*p == '0')
			p++;
		if (*p >= '1' && *p <= '9') {
			snprintf(err, EDU_ERR_MAX, "'%s' has more than one decimal place", s);
			return -1;
		}
	} else if (*p == '.' && digits) {
		p++;
	}
	while (*p == ' ')
		p++;
	if (!digits || *p) {
		snprintf(err, EDU_ERR_MAX, "'%s' is not a score (a number with at most one decimal place)", s);
		return -1;
	}
	*tenths = (int)(whole * 10 + frac);
	return 0;
}

char *edu_score_str(int tenths, char out[16])
{
	if (tenths % 10)
		snprintf(out, 16, "%d.%d", tenths / 10, tenths % 10);
	else
		snprintf(out, 16, "%d", tenths / 10);
	return out;
}

/* splitmix64: a well mixed 64-bit value from any input, so that nearby
 * seeds and exam numbers give unrelated draws. */
static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

uint64_t edu_exam_lottery(uint64_t seed, const char *exam_no)
{
	/* FNV-1a of the number: the draw depends on the candidate and the
	 * seed only, never on the order of the input file. */
	uint64_t h = 0xcbf29ce484222325ULL;

	for (const unsigned char *p = (const unsigned char *)exam_no; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return mix(mix(seed) ^ h);
}

int edu_exam_before(const struct edu_exam_cand *a, const struct edu_exam_cand *b,
		    int ntb)
{
	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	for (int i = 0; i < ntb; i++)
		if (a->tb[i] != b->tb[i])
			return a->tb[i] > b->tb[i] ? -1 : 1;
	if (a->lottery != b->lottery)
		return a->lottery < b->lottery ? -1 : 1;
	/* Equal draws (1 in 2^64): the exam number keeps the order total. */
	return strcmp(a->exam_no, b->exam_no);
}

static int by_merit(const void *x, const void *y, void *arg)
{
	const struct edu_exam_cand *const *a = x, *const *b = y;

	return edu_exam_before(*a, *b, *(const int *)arg);
}

/* Do a candidate reach a school's minimum grades? */
static int grades_reach(const struct edu_exam_cand *x, const struct edu_exam_school *t)
{
	for (int i = 0; i < EDU_EXAM_GRADES; i++)
		if (x->grade[i] < t->min_grade[i])
			return 0;
	return 1;
}

/* Serial dictatorship in the order of merit over the candidates not yet
 * admitted: each, in turn, takes the first school of their list (list:
 * their batch list when set, else their choices) that is in `batch`
 * (any batch when -1), has a free seat, and whose minimum score and
 * grades they reach. */
static long take_seats(struct edu_exam_cand **order, size_t n, struct edu_exam_school *s,
		       int batch, int own)
{
	long unadmitted = 0;

	for (size_t i = 0; i < n; i++) {
		struct edu_exam_cand *x = order[i];
		const int *list = own ? x->bchoice : x->choice;
		int nl = own ? x->nbchoice : x->nchoice;

		if (x->got)
			continue;
		for (int k = 0; k < nl; k++) {
			struct edu_exam_school *t = &s[list[k]];

			if (t->admitted >= t->seats || x->total < t->min_score ||
			    (batch >= 0 && t->batch != batch) || (t->graded && !grades_reach(x, t)))
				continue;
			t->admitted++;
			t->cutoff = x->total;
			x->school = list[k];
			x->got = k + 1;
			x->batch = batch;
			break;
		}
		if (!x->got)
			unadmitted++;
	}
	return unadmitted;
}

/* Results cleared, ranks set from order[]. */
static void clear(struct edu_exam_cand **order, size_t n, struct edu_exam_school *s, size_t ns)
{
	for (size_t j = 0; j < ns; j++) {
		s[j].admitted = 0;
		s[j].cutoff = -1;
	}
	for (size_t i = 0; i < n; i++) {
		order[i]->rank = (int)i + 1;
		order[i]->school = -1;
		order[i]->got = 0;
		order[i]->batch = -1;
	}
}

/* The order of merit into order[], ranks set, results cleared. */
static void rank_all(struct edu_exam_cand *c, size_t n, int ntb, struct edu_exam_school *s,
		     size_t ns, struct edu_exam_cand **order)
{
	for (size_t i = 0; i < n; i++)
		order[i] = &c[i];
	qsort_r(order, n, sizeof *order, by_merit, &ntb);
	clear(order, n, s, ns);
}

long edu_exam_admit(struct edu_exam_cand *c, size_t n, int ntb,
		    struct edu_exam_school *s, size_t ns,
		    struct edu_exam_cand **order)
{
	rank_all(c, n, ntb, s, ns, order);
	return take_seats(order, n, s, -1, 0);
}

/* A candidate's choices of one batch ("early:3201 3202;quota:...") as
 * seat indexes into bchoice; 0 when they have none there. */
static int batch_list(struct edu_exam_cand *x, const char *key, const struct edu_exam_seats *t)
{
	size_t len = strlen(key);

	x->nbchoice = 0;
	for (const char *p = x->batch_choices; p && *p;) {
		size_t n = strcspn(p, ";");
		if (n > len && !strncmp(p, key, len) && p[len] == ':') {
			for (const char *q = p + len + 1; q < p + n && x->nbchoice < EDU_EXAM_CHOICES;) {
				int64_t code = 0;
				for (; *q >= '0' && *q <= '9'; q++)
					code = code * 10 + (*q - '0');
				x->bchoice[x->nbchoice++] = edu_exam_seat_index(t, code);
				q += *q == ' ';
			}
			break;
		}
		p += n + (p[n] == ';');
	}
	return x->nbchoice;
}

/* The virtual school of quota seats of seat index school for a junior
 * school, or q->n (no seats) when it has none: a binary search. */
static int quota_index(const struct edu_exam_quota *q, int school, int64_t junior)
{
	size_t lo = 0, hi = q->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (q->school[mid] < school || (q->school[mid] == school && q->junior[mid] < junior))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < q->n && q->school[lo] == school && q->junior[lo] == junior ? (int)lo
									      : (int)q->n;
}

/* Each candidate's list in a batch into bchoice: their own when the
 * batch has any (returns 1), else none set (returns 0). */
static int own_lists(struct edu_exam_cand *c, size_t n, int b, const struct edu_exam_seats *t)
{
	int own = 0;

	/* A batch without choices of its own uses the general ones. */
	if (b != EDU_EXAM_GENERAL)
		for (size_t k = 0; k < n; k++)
			if (!c[k].got)
				own |= batch_list(&c[k], edu_exam_batches[b].key, t) > 0;
	return own;
}

/* The quota batch: each junior school's share of a school's quota seats
 * goes to that junior school's candidates only, in the order of merit,
 * at or above the school's floor; the seats they take are the school's,
 * so what is left stays with the school's own batch. */
static void quota_batch(struct edu_exam_cand *c, size_t n, struct edu_exam_cand **order,
			struct edu_exam_seats *t, struct edu_exam_quota *q)
{
	struct edu_exam_school *v = edu_malloc((q->n + 1) * sizeof *v);
	int own = own_lists(c, n, EDU_EXAM_QUOTA, t);

	for (size_t i = 0; i < q->n; i++) {
		const struct edu_exam_school *s = &t->s[q->school[i]];
		v[i] = *s;
		v[i].seats = q->seats[i];
		v[i].min_score = q->floor[q->school[i]];
		v[i].batch = EDU_EXAM_QUOTA;
		v[i].admitted = 0;
	}
	v[q->n] = (struct edu_exam_school){ .batch = -1 };
	for (size_t k = 0; k < n; k++) {
		struct edu_exam_cand *x = &c[k];
		const int *list = own ? x->bchoice : x->choice;
		int nl = own ? x->nbchoice : x->nchoice;

		if (x->got)
			continue;
		for (int j = 0; j < nl; j++)
			x->bchoice[j] = quota_index(q, list[j], x->junior);
		x->nbchoice = nl;
	}
	take_seats(order, n, v, EDU_EXAM_QUOTA, 1);
	for (size_t k = 0; k < n; k++) {
		struct edu_exam_cand *x = &c[k];
		if (x->batch != EDU_EXAM_QUOTA)
			continue;
		x->school = q->school[x->school];
		t->s[x->school].admitted++;
	}
	for (size_t i = 0; i < q->n; i++)
		q->admitted[i] = v[i].admitted;
	free(v);
}

/* The batches of b[] in order, quota seats (q, NULL when none) in the
 * quota batch. */
static long run_batches(struct edu_exam_cand *c, size_t n, struct edu_exam_seats *t,
			const int *batches, int nb, struct edu_exam_quota *q,
			struct edu_exam_cand **order)
{
	long unadmitted = 0;

	for (int i = 0; i < nb; i++) {
		int b = batches[i];
		if (b == EDU_EXAM_QUOTA) {
			if (q && q->n)
				quota_batch(c, n, order, t, q);
			continue;
		}
		int own = own_lists(c, n, b, t);
		take_seats(order, n, t->s, b, own);
	}
	for (size_t k = 0; k < n; k++)
		unadmitted += !c[k].got;
	return unadmitted;
}

long edu_exam_admit_batches(struct edu_exam_cand *c, size_t n, int ntb,
			    struct edu_exam_seats *t, const int *batches, int nb,
			    struct edu_exam_quota *q, struct edu_exam_cand **order)
{
	rank_all(c, n, ntb, t->s, t->n + 1, order);
	if (q && q->n) {
		/* The floor of quota seats: a school's cutoff in the admission
		 * without the quota batch, less the margin (or a fixed score);
		 * never below its min_score.  A school that did not fill there
		 * has no cutoff: its min_score is the floor. */
		int other[EDU_EXAM_NBATCH], no = 0;
		for (int i = 0; i < nb; i++)
			if (batches[i] != EDU_EXAM_QUOTA)
				other[no++] = batches[i];
		run_batches(c, n, t, other, no, NULL, order);
		for (size_t j = 0; j < t->n; j++) {
			const struct edu_exam_school *s = &t->s[j];
			int f = q->fixed >= 0 ? q->fixed :
				s->admitted >= s->seats && s->cutoff >= 0 ? s->cutoff - q->margin : 0;
			q->floor[j] = f > s->min_score ? f : s->min_score;
		}
		clear(order, n, t->s, t->n + 1);
	}
	return run_batches(c, n, t, batches, nb, q, order);
}

/* ---- the schools a candidate file names (edu-exam import) ------------- */

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct edu_exam_sch *)a)->code,
		      ((const struct edu_exam_sch *)b)->code);
}

void edu_exam_schools_load(sqlite3 *db, struct edu_exam_schools *t)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT school_code, kind FROM school "
				       "ORDER BY school_code");
	size_t cap = 0;

	t->s = NULL;
	t->n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (t->n == cap)
			t->s = edu_realloc(t->s, (cap = cap ? 2 * cap : 256) * sizeof *t->s);
		snprintf(t->s[t->n].code, sizeof t->s->code, "%s", sqlite3_column_text(st, 0));
		snprintf(t->s[t->n].kind, sizeof t->s->kind, "%s", sqlite3_column_text(st, 1));
		t->n++;
	}
	sqlite3_finalize(st);
}

void edu_exam_schools_free(struct edu_exam_schools *t)
{
	free(t->s);
	t->s = NULL;
	t->n = 0;
}

const struct edu_exam_sch *edu_exam_school_find(const struct edu_exam_schools *t,
						const char *code)
{
	struct edu_exam_sch key;

	if (!t->n)
		return NULL;
	snprintf(key.code, sizeof key.code, "%s", code);
	return bsearch(&key, t->s, t->n, sizeof *t->s, by_code);
}

int edu_exam_senior_school(const struct edu_exam_schools *t, const char *code, char *err)
{
	char norm[EDU_VAL_MAX];
	const struct edu_exam_sch *s;

	if (edu_valid_digits(code, 10, norm, err) < 0)
		return -1;
	if (!(s = edu_exam_school_find(t, norm)))
		return snprintf(err, EDU_ERR_MAX, "no school '%s'", norm), -1;
	if (strcmp(s->kind, "senior") && strcmp(s->kind, "complete") &&
	    strcmp(s->kind, "vocational"))
		return snprintf(err, EDU_ERR_MAX, "school %s is a %s school, not a senior, "
				"complete or vocational one", norm, s->kind), -1;
	return 0;
}

/* ---- a candidate file's varying columns -------------------------------- */

/* The batches of admission (DESIGN 8; issue 19), in the default order of
 * setting exam.batches. */
const struct edu_enum edu_exam_batches[] = {
	[EDU_EXAM_EARLY] = { "early", "提前批" },
	[EDU_EXAM_QUOTA] = { "quota", "名额分配|指标到校" },
	[EDU_EXAM_GENERAL] = { "general", "统招|统招批" },
	[EDU_EXAM_VOCATIONAL] = { "vocational", "职高|职高批|中职" },
	[EDU_EXAM_NBATCH] = { NULL, NULL },
};

int edu_exam_batch(const char *s)
{
	char key[EDU_VAL_MAX], err[EDU_ERR_MAX];

	if (edu_valid_enum(edu_exam_batches, s, key, err) < 0)
		return -1;
	for (int b = 0; b < EDU_EXAM_NBATCH; b++)
		if (!strcmp(edu_exam_batches[b].key, key))
			return b;
	return -1;
}

/* Grades of graded components: A best to D; the words of the reports. */
static const struct edu_enum grades[] = {
	{ "A", "优秀|优" }, { "B", "良好|良" }, { "C", "合格|及格" }, { "D", "不合格|待合格" },
	{ NULL, NULL }
};

int edu_exam_grade(const char *s, char *out, char *err)
{
	return edu_valid_enum(grades, s, out, err);
}

void edu_exam_header_init(struct edu_exam_header *hd, sqlite3 *db)
{
	char *v = edu_setting(db, "exam.subjects", EDU_EXAM_SUBJECTS), err[EDU_ERR_MAX];

	hd->nsubj = edu_subjects_parse(v, hd->subj, EDU_SUBJECTS_MAX, err);
	if (hd->nsubj < 0)
		edu_die(EDU_ECONFIG, "setting exam.subjects: %s (fix it with 'edu-db config set')", err);
	free(v);
}

/* A subject or component name: letters, digits and '_', in lower case
 * into out (32); -1 when it is not. */
static int subject_name(const char *h, char out[32])
{
	size_t len = strlen(h);

	if (!len || len >= 32 || h[strspn(h,
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")])
		return -1;
	for (size_t j = 0; j <= len; j++)
		out[j] = (char)tolower((unsigned char)h[j]);
	return 0;
}

/* choiceK, 志愿K, <batch>_choiceK, <批次>志愿K: the choice's number K (1..)
 * and batch; 0 when h is no choice column, -1 when its number is bad. */
static int choice_col(const char *h, int *batch)
{
	const char *num = NULL;
	size_t len = strlen(h);
	static const char zh[] = "志愿";

	*batch = EDU_EXAM_GENERAL;
	for (size_t i = 0; i < len && !num; i++) {
		if (!strncasecmp(h + i, "choice", 6))
			num = h + i + 6;
		else if (!strncmp(h + i, zh, sizeof zh - 1))
			num = h + i + sizeof zh - 1;
		else
			continue;
		if (*num < '0' || *num > '9') {
			num = NULL;
			continue;
		}
		if (i) {
			char b[EDU_VAL_MAX];
			size_t n = i - (h[i - 1] == '_');
			if (n >= sizeof b)
				return 0;
			memcpy(b, h, n);
			b[n] = 0;
			if ((*batch = edu_exam_batch(b)) < 0)
				return 0;
		}
	}
	if (!num)
		return 0;
	char *end;
	long k = strtol(num, &end, 10);
	return *end || k < 1 || k > EDU_EXAM_CHOICES ? -1 : (int)k;
}

int edu_exam_header(struct edu_exam_header *hd, const char *file, long line, int n,
		    const char *const *names, int *take)
{
	int bad = 0, nscore = 0;

	hd->nx = 0;
	for (int b = 0; b < EDU_EXAM_NBATCH; b++) {
		hd->nchoice[b] = 0;
		for (int k = 0; k < EDU_EXAM_CHOICES; k++)
			hd->choice_at[b][k] = -1;
	}
	for (int i = 0; i < n; i++) {
		const char *h = names[i];
		struct edu_exam_xcol *x = &hd->x[hd->nx];
		int k, b;

		if (hd->nx == (int)(sizeof hd->x / sizeof *hd->x))
			return edu_error("%s:%ld: more than %d score and choice columns",
					 file, line, hd->nx);
		snprintf(x->name, sizeof x->name, "%s", h);
		x->full = 0;
		x->kind = -1;
		/* score_<subject>, grade_<component>, or a name of the table. */
		if ((!strncasecmp(h, "score_", 6) && h[6]) || (!strncasecmp(h, "grade_", 6) && h[6])) {
			x->kind = tolower((unsigned char)h[0]) == 's' ? EDU_EXAM_X_SCORE : EDU_EXAM_X_GRADE;
			if (subject_name(h + 6, x->subject) < 0) {
				bad = edu_error("%s:%ld: '%s': a subject is letters, digits and '_'",
						file, line, h);
				goto refused;
			}
			for (int j = 0; j < hd->nsubj; j++)
				if (!strcmp(hd->subj[j].key, x->subject) && hd->subj[j].full > 0)
					x->full = hd->subj[j].full;
		} else {
			for (int j = 0; j < hd->nsubj && x->kind < 0; j++)
				if (!strcmp(hd->subj[j].alias, h)) {
					snprintf(x->subject, sizeof x->subject, "%s", hd->subj[j].key);
					x->kind = hd->subj[j].full == EDU_SUBJECT_GRADED ?
						  EDU_EXAM_X_GRADE : EDU_EXAM_X_SCORE;
					x->full = hd->subj[j].full > 0 ? hd->subj[j].full : 0;
				}
		}
		if (x->kind >= 0) {
			for (int j = 0; j < hd->nx; j++)
				if (hd->x[j].kind == x->kind && !strcmp(hd->x[j].subject, x->subject))
					bad = edu_error("%s:%ld: column '%s' appears twice (as '%s')",
							file, line, h, hd->x[j].name);
			nscore += x->kind == EDU_EXAM_X_SCORE;
		} else if ((k = choice_col(h, &b)) != 0) {
			if (k < 0) {
				bad = edu_error("%s:%ld: '%s': choices are choice1 to choice%d",
						file, line, h, EDU_EXAM_CHOICES);
				goto refused;
			}
			if (hd->choice_at[b][k - 1] >= 0)
				bad = edu_error("%s:%ld: column '%s' appears twice", file, line, h);
			hd->choice_at[b][k - 1] = hd->nx;
			x->kind = EDU_EXAM_X_CHOICE;
			x->batch = b;
			x->choice = k - 1;
			if (k > hd->nchoice[b])
				hd->nchoice[b] = k;
		} else {
			continue;	/* unknown, unless --ignore-extra */
		}
		take[i] = 1;
		hd->nx++;
		continue;
refused:	/* said once, not again as an unknown column */
		x->kind = EDU_EXAM_X_BAD;
		take[i] = 1;
		hd->nx++;
	}
	if (!nscore && !hd->choices_only)
		bad = edu_error("%s:%ld: no score_<subject> column", file, line);
	for (int b = 0; b < EDU_EXAM_NBATCH; b++)
		for (int k = 0; k < hd->nchoice[b]; k++)
			if (hd->choice_at[b][k] < 0) {
				/* Named as the file names the last: 志愿3 without 志愿1. */
				const char *last = hd->x[hd->choice_at[b][hd->nchoice[b] - 1]].name;
				int stem = (int)strlen(last);
				while (stem && last[stem - 1] >= '0' && last[stem - 1] <= '9')
					stem--;
				bad = edu_error("%s:%ld: %s without %.*s%d", file, line, last, stem,
						last, k + 1);
				break;
			}
	return bad ? -1 : 0;
}

/* A batch's choices of a row into out ("code code"): each a senior school
 * of t, none twice, none after an empty one. */
static int row_choices(const struct edu_exam_header *hd, int b, const struct edu_exam_schools *t,
		       const char *const *extra, struct edu_buf *out, const char **col, char *err)
{
	const char *picked[EDU_EXAM_CHOICES];
	int ended = 0, np = 0;

	for (int k = 0; k < hd->nchoice[b]; k++) {
		const char *c = extra[hd->choice_at[b][k]];
		char code[EDU_VAL_MAX];

		*col = hd->x[hd->choice_at[b][k]].name;
		c += strspn(c, " \t");
		if (!*c) {
			ended = 1;
			continue;
		}
		if (ended)
			return snprintf(err, EDU_ERR_MAX, "a choice after an empty one"), -1;
		if (edu_exam_senior_school(t, c, err) < 0)
			return -1;
		edu_valid_digits(c, 10, code, err);
		picked[np] = edu_exam_school_find(t, code)->code;
		for (int j = 0; j < np; j++)
			if (!strcmp(picked[j], picked[np]))
				return snprintf(err, EDU_ERR_MAX, "school %s is %s already", picked[np],
						hd->x[hd->choice_at[b][j]].name), -1;
		edu_buf_printf(out, "%s%s", np ? " " : "", picked[np]);
		np++;
	}
	return 0;
}

int edu_exam_row(const struct edu_exam_header *hd, const struct edu_exam_schools *t,
		 const char *const *extra, struct edu_exam_rowout *r, const char **col,
		 char *err)
{
	char num[16], full[16], g[EDU_VAL_MAX];

	r->scores.len = r->grades.len = r->choices.len = r->batch_choices.len = 0;
	edu_buf_add(&r->scores, "", 0);
	edu_buf_add(&r->grades, "", 0);
	edu_buf_add(&r->choices, "", 0);
	edu_buf_add(&r->batch_choices, "", 0);
	for (int i = 0; i < hd->nx; i++) {
		const struct edu_exam_xcol *x = &hd->x[i];
		int s;

		*col = x->name;
		if (x->kind == EDU_EXAM_X_GRADE) {
			if (!extra[i][strspn(extra[i], " \t")])
				continue;	/* not graded */
			if (edu_exam_grade(extra[i], g, err) < 0)
				return -1;
			edu_buf_printf(&r->grades, "%s%s=%s", r->grades.len ? ";" : "",
				       x->subject, g);
			continue;
		}
		if (x->kind != EDU_EXAM_X_SCORE)
			continue;
		if (edu_score_parse(extra[i], &s, err) < 0)
			return -1;
		/* The provincial file's scores: within the subject's full marks. */
		if (x->full && s > x->full)
			return snprintf(err, EDU_ERR_MAX, "%s is above the full marks of %s, %s",
					edu_score_str(s, num), x->subject,
					edu_score_str(x->full, full)), -1;
		edu_buf_printf(&r->scores, "%s%s=%s", r->scores.len ? ";" : "", x->subject,
			       edu_score_str(s, num));
	}
	if (row_choices(hd, EDU_EXAM_GENERAL, t, extra, &r->choices, col, err) < 0)
		return -1;
	for (int b = 0; b < EDU_EXAM_NBATCH; b++) {
		size_t at = r->batch_choices.len;
		if (b == EDU_EXAM_GENERAL || !hd->nchoice[b])
			continue;
		edu_buf_printf(&r->batch_choices, "%s%s:", at ? ";" : "", edu_exam_batches[b].key);
		size_t start = r->batch_choices.len;
		if (row_choices(hd, b, t, extra, &r->batch_choices, col, err) < 0)
			return -1;
		if (r->batch_choices.len == start) {	/* none in this batch */
			r->batch_choices.len = at;
			r->batch_choices.s[at] = 0;
		}
	}
	*col = NULL;
	return 0;
}

/* ---- a candidate's scores ------------------------------------------------ */

int edu_exam_scores_sum(const char *s)
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

int edu_exam_subject_score(const char *scores, const char *subj)
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

int edu_exam_no_check(const char *no, char *err)
{
	if (strlen(no) >= 40)
		return snprintf(err, EDU_ERR_MAX, "longer than 39 characters"), -1;
	if (no[strspn(no, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")])
		return snprintf(err, EDU_ERR_MAX, "letters, digits and '-' only"), -1;
	return 0;
}

int edu_exam_total_check(const char *scores, const char *bonus, const char *total,
			 char *err)
{
	int b = 0, t = 0, sum = edu_exam_scores_sum(scores);
	char x[16], y[16];

	edu_score_parse(bonus, &b, err);
	edu_score_parse(total, &t, err);
	if (t != sum + b)
		return snprintf(err, EDU_ERR_MAX,
				"%s is not the sum of the scores and the bonus, %s",
				edu_score_str(t, x), edu_score_str(sum + b, y)), -1;
	return 0;
}

int edu_exam_tiebreak(sqlite3 *db, char subj[EDU_EXAM_TIEBREAK][32])
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

/* ---- admission: a year's seats and candidates ------------------------------ */

/* The index of a graded component in t->comp, added when new; -1 when
 * there are EDU_EXAM_GRADES already. */
static int component(struct edu_exam_seats *t, const char *name, size_t len)
{
	for (int i = 0; i < t->ncomp; i++)
		if (strlen(t->comp[i]) == len && !strncmp(t->comp[i], name, len))
			return i;
	if (t->ncomp == EDU_EXAM_GRADES || len >= sizeof t->comp[0])
		return -1;
	memcpy(t->comp[t->ncomp], name, len);
	t->comp[t->ncomp][len] = 0;
	return t->ncomp++;
}

/* "quality=B;pe=C" into grade levels by component (4 for A ... 1 for D);
 * -1 when a component is one too many. */
static int grade_levels(struct edu_exam_seats *t, const char *g, unsigned char *level, int add)
{
	for (const char *p = g; p && *p;) {
		size_t n = strcspn(p, ";");
		const char *eq = memchr(p, '=', n);
		if (eq && eq + 1 < p + n && eq[1] >= 'A' && eq[1] <= 'D') {
			int i = -1;
			if (add)
				i = component(t, p, (size_t)(eq - p));
			else
				for (int k = 0; k < t->ncomp && i < 0; k++)
					if (strlen(t->comp[k]) == (size_t)(eq - p) &&
					    !strncmp(t->comp[k], p, (size_t)(eq - p)))
						i = k;
			if (i < 0 && add)
				return -1;
			if (i >= 0)
				level[i] = (unsigned char)('D' - eq[1] + 1);
		}
		p += n + (p[n] == ';');
	}
	return 0;
}

int edu_exam_seats_load(sqlite3 *db, long year, struct edu_exam_seats *t)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT school_code, seats, coalesce(min_score, 0), "
				       "batch, min_grades FROM seat WHERE year = ? ORDER BY school_code");
	size_t cap = 16;
	int rc = 0;

	t->n = 0;
	t->ncomp = 0;
	t->code = edu_malloc(cap * sizeof *t->code);
	t->s = edu_malloc(cap * sizeof *t->s);
	t->num = edu_malloc(cap * sizeof *t->num);
	sqlite3_bind_int64(st, 1, year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (t->n + 1 == cap) {
			cap *= 2;
			t->code = edu_realloc(t->code, cap * sizeof *t->code);
			t->s = edu_realloc(t->s, cap * sizeof *t->s);
			t->num = edu_realloc(t->num, cap * sizeof *t->num);
		}
		t->num[t->n] = sqlite3_column_int64(st, 0);
		snprintf(t->code[t->n], 11, "%s", sqlite3_column_text(st, 0));
		struct edu_exam_school *x = &t->s[t->n];
		*x = (struct edu_exam_school){ .seats = sqlite3_column_int(st, 1),
					       .min_score = sqlite3_column_int(st, 2),
					       .batch = edu_exam_batch((const char *)
								       sqlite3_column_text(st, 3)) };
		const char *g = (const char *)sqlite3_column_text(st, 4);
		if (g && *g) {
			x->graded = 1;
			if (grade_levels(t, g, x->min_grade, 1) < 0 && !rc)
				rc = edu_error("the seats of %ld name more than %d graded components",
					       year, EDU_EXAM_GRADES);
		}
		t->n++;
	}
	sqlite3_finalize(st);
	t->s[t->n] = (struct edu_exam_school){ .batch = -1 };
	return rc;
}

int edu_exam_batch_order(sqlite3 *db, int b[EDU_EXAM_NBATCH])
{
	char *v = edu_setting(db, "exam.batches", "early quota general vocational");
	int n = 0;

	for (char *p = v, *w; (w = strsep(&p, " ")) && n < EDU_EXAM_NBATCH;)
		if (*w && (b[n] = edu_exam_batch(w)) >= 0)
			n++;
	free(v);
	return n;
}

void edu_exam_seats_free(struct edu_exam_seats *t)
{
	free(t->code);
	free(t->num);
	free(t->s);
}

int edu_exam_seat_index(const struct edu_exam_seats *t, int64_t code)
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

/* A candidate's choices, "3201000001 3201000002", as seat indexes. */
static void choices_of(struct edu_exam_cand *x, const char *p, const struct edu_exam_seats *t)
{
	while (*p && x->nchoice < EDU_EXAM_CHOICES) {
		int64_t code = 0;
		for (; *p >= '0' && *p <= '9'; p++)
			code = code * 10 + (*p - '0');
		x->choice[x->nchoice++] = edu_exam_seat_index(t, code);
		p += *p == ' ';
	}
}

static struct edu_exam_cand *pool_add(struct edu_exam_pool *p, size_t *cap,
				       sqlite3_stmt *st, int no, int student_no, int name);

void edu_exam_pool_load(sqlite3 *db, long year, uint64_t seed,
			const struct edu_exam_seats *t,
			char subj[EDU_EXAM_TIEBREAK][32], int ntb, struct edu_exam_pool *p)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT exam_no, total, scores, choices, "
				       "student_no, name, grades, batch_choices, junior_school FROM candidate "
				       "WHERE year = ?");
	size_t cap = 0;

	memset(p, 0, sizeof *p);
	sqlite3_bind_int64(st, 1, year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t n = p->n;
		struct edu_exam_cand *x = pool_add(p, &cap, st, 0, 4, 5);
		x->total = sqlite3_column_int(st, 1);
		const char *sc = (const char *)sqlite3_column_text(st, 2);
		for (int i = 0; i < ntb; i++)
			x->tb[i] = edu_exam_subject_score(sc, subj[i]);
		choices_of(x, (const char *)sqlite3_column_text(st, 3), t);
		x->junior = sqlite3_column_int64(st, 8);	/* 0 when none */
		const char *g = (const char *)sqlite3_column_text(st, 6);
		if (g && *g && t->ncomp)
			grade_levels((struct edu_exam_seats *)t, g, x->grade, 0);
		const char *bc = (const char *)sqlite3_column_text(st, 7);
		p->batch_choices[n] = bc && *bc ? edu_strdup(bc) : NULL;
		x->lottery = edu_exam_lottery(seed, p->no[n]);
		p->n++;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < p->n; i++) {
		p->cand[i].exam_no = p->no[i];
		p->cand[i].batch_choices = p->batch_choices[i];
	}
}

void edu_exam_pool_free(struct edu_exam_pool *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->no[i]);
		free(p->student_no[i]);
		free(p->name[i]);
		free(p->batch_choices[i]);
	}
	free(p->batch_choices);
	free(p->no);
	free(p->student_no);
	free(p->name);
	free(p->cand);
	memset(p, 0, sizeof *p);
}

void edu_exam_store(sqlite3 *db, long year, const struct edu_exam_pool *p,
		    const struct edu_exam_seats *t)
{
	/* Row by row in the order of the key, as read (candidates are never
	 * deleted, so no old row is left over). */
	sqlite3_stmt *st = edu_prepare(db,
		"INSERT INTO admission (exam_no, year, rank, school_code, choice, batch) "
		"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (year, exam_no) DO UPDATE SET "
		"rank = excluded.rank, school_code = excluded.school_code, "
		"choice = excluded.choice, batch = excluded.batch");

	for (size_t i = 0; i < p->n; i++) {
		const struct edu_exam_cand *x = &p->cand[i];
		sqlite3_bind_text(st, 1, x->exam_no, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, year);
		sqlite3_bind_int(st, 3, x->rank);
		if (x->got) {
			sqlite3_bind_text(st, 4, t->code[x->school], 10, SQLITE_STATIC);
			sqlite3_bind_int(st, 5, x->got);
			/* Without batches (edu_exam_admit): the school's own. */
			int b = x->batch >= 0 ? x->batch : t->s[x->school].batch;
			sqlite3_bind_text(st, 6, edu_exam_batches[b].key, -1, SQLITE_STATIC);
		} else {
			sqlite3_bind_null(st, 4);
			sqlite3_bind_null(st, 5);
			sqlite3_bind_null(st, 6);
		}
		edu_exec_stmt(db, st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
}

int edu_exam_enrolled(sqlite3 *db, long year)
{
	char y[24];
	const char *p[] = { y };

	snprintf(y, sizeof y, "%ld", year);
	char *e = edu_query1(db, "SELECT day FROM admission_event WHERE year = ? AND "
			     "kind = 'enrol' LIMIT 1", 1, p);
	free(e);
	return e != NULL;
}

int edu_exam_admitted(sqlite3 *db, long year)
{
	char y[24];
	const char *p[] = { y };

	snprintf(y, sizeof y, "%ld", year);
	char *a = edu_query1(db, "SELECT 1 FROM admission WHERE year = ? LIMIT 1", 1, p);
	free(a);
	return a != NULL;
}

/* A candidate from outside the registry: their record, made now, or
 * the one a resident ID number already has. */
static int enter(sqlite3 *db, long year, const char *no, const char *id,
		 const char *name, const char *school, const char *day, char *why)
{
	char sno[EDU_VAL_MAX], y[24];
	char *reason = edu_asprintf("admitted by the entrance exam of %ld (%s) from "
				    "outside the registry", year, no);
	int rc = edu_student_enter(db, id, name, school, 10, day, reason, sno, why);

	free(reason);
	if (rc < 0)
		return -1;
	/* The candidate is now a student of the registry. */
	snprintf(y, sizeof y, "%ld", year);
	const char *p[] = { sno, day, no, y };
	edu_exec(db, "UPDATE candidate SET student_no = ?1 WHERE exam_no = ?3 AND year = ?4", 4, p);
	static const char *const names[] = { "student_no" };
	const char *old[] = { "" }, *new[] = { sno };
	edu_audit_change(db, "candidate", no, 1, names, old, new);
	edu_exec(db, "UPDATE admission SET enrolled = ?2 WHERE exam_no = ?3 AND year = ?4", 4, p);
	return 0;
}

int edu_exam_enrol(sqlite3 *db, long year, const char *no, const char *sno,
		   const char *id, const char *name, const char *school, const char *day,
		   char *why)
{
	struct edu_student_state from, to;
	char *found = NULL;

	if (!sno && id && !(found = edu_student_find(db, id)))
		return enter(db, year, no, id, name, school, day, why);
	if (found)
		sno = found;
	int rc = edu_student_load(db, sno, &from);
	free(found);
	if (rc < 0)
		return snprintf(why, EDU_ERR_MAX, "no student %s", sno), -1;
	if (strcmp(from.status, "graduated") || from.grade != 9)
		return snprintf(why, EDU_ERR_MAX, "student %s has not graduated from junior "
				"school (%s in grade %d)", sno, from.status, from.grade), -1;
	if (strcmp(day, from.last_day) < 0)
		return snprintf(why, EDU_ERR_MAX, "%s is before the student's latest change, %s",
				day, from.last_day), -1;
	to = from;
	snprintf(to.school, sizeof to.school, "%s", school);
	to.grade = 10;
	strcpy(to.status, "enrolled");
	char *reason = edu_asprintf("admitted by the entrance exam of %ld (%s)", year, no);
	edu_student_event(db, "enrol", day, reason, &from, &to);
	free(reason);
	char y[24];
	snprintf(y, sizeof y, "%ld", year);
	const char *p[] = { day, no, y };
	edu_exec(db, "UPDATE admission SET enrolled = ? WHERE exam_no = ? AND year = ?", 3, p);
	return 0;
}

/* ---- the lists ------------------------------------------------------------- */

/* A total in tenths as SQL text: 612.5, 600. */
#define POINTS(x) "(CASE WHEN " x " IS NULL THEN NULL WHEN " x " % 10 THEN " \
	"printf('%d.%d', " x " / 10, " x " % 10) ELSE printf('%d', " x " / 10) END)"

sqlite3_stmt *edu_exam_result_stmt(sqlite3 *db, long year, const char *school,
				   int unadmitted)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT c.exam_no, c.student_no, c.name, " POINTS("c.total") " AS total, "
		"a.rank, a.school_code, a.choice FROM candidate c "
		"LEFT JOIN admission a USING (year, exam_no) WHERE c.year = ?1 "
		"AND (?2 IS NULL OR a.school_code = ?2) AND (?3 = 0 OR a.school_code IS NULL) "
		"ORDER BY a.rank IS NULL, a.rank, c.exam_no");

	sqlite3_bind_int64(st, 1, year);
	if (school)
		sqlite3_bind_text(st, 2, school, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, unadmitted);
	return st;
}

sqlite3_stmt *edu_exam_show_stmt(sqlite3 *db, const char *no)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT c.exam_no, c.year, c.student_no, c.id_number, "
		"nullif(c.source, 'registry') AS source, c.name, c.junior_school, c.scores, "
		"c.grades, " POINTS("c.bonus") " AS bonus, " POINTS("c.total") " AS total, c.choices, "
		"c.batch_choices, r.choices AS round2_choices, a.rank, a.school_code, a.choice, "
		"a.batch, nullif(a.round, 1) AS round, a.enrolled FROM candidate c "
		"LEFT JOIN admission a USING (year, exam_no) LEFT JOIN round2 r USING (year, exam_no) "
		"WHERE c.exam_no = ?");

	sqlite3_bind_text(st, 1, no, -1, SQLITE_TRANSIENT);
	return st;
}

sqlite3_stmt *edu_exam_cutoffs_stmt(sqlite3 *db, long year)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT s.school_code, sc.name, s.seats, " POINTS("s.min_score") " AS min_score, "
		"count(a.exam_no) AS admitted, "
		POINTS("min(CASE WHEN a.batch IS NOT 'quota' THEN c.total END)") " AS cutoff, "
		"CASE WHEN count(a.exam_no) >= s.seats THEN 'yes' ELSE 'no' END AS filled "
		"FROM seat s JOIN school sc USING (school_code) "
		"LEFT JOIN admission a ON a.year = s.year AND a.school_code = s.school_code "
		"LEFT JOIN candidate c ON c.year = a.year AND c.exam_no = a.exam_no "
		"WHERE s.year = ?1 GROUP BY s.school_code ORDER BY s.school_code");

	sqlite3_bind_int64(st, 1, year);
	return st;
}

/* The first minimum grade of mins ("quality=B;pe=C") that grades does
 * not reach, said into why; 0 when all are reached. */
static int grade_short(const char *grades, const char *mins, char *why, size_t size)
{
	for (const char *p = mins; p && *p;) {
		size_t n = strcspn(p, ";");
		const char *eq = memchr(p, '=', n);
		if (eq) {
			size_t k = (size_t)(eq - p);
			char have = 0;
			for (const char *g = grades; g && *g;) {
				size_t m = strcspn(g, ";");
				if (m > k && !strncmp(g, p, k) && g[k] == '=')
					have = g[k + 1];
				g += m + (g[m] == ';');
			}
			if (!have || have > eq[1]) {
				if (have)
					snprintf(why, size, "grade %c in %.*s is below its minimum %c",
						 have, (int)k, p, eq[1]);
				else
					snprintf(why, size, "no grade in %.*s, its minimum is %c",
						 (int)k, p, eq[1]);
				return 1;
			}
		}
		p += n + (p[n] == ';');
	}
	return 0;
}

/* Why a choice in batch `batch` did not admit a candidate with this
 * total and these grades: the choice's row of the seat statement
 * stepped (or not found). */
static void refusal(sqlite3_stmt *sch, int found, long year, const char *batch, int total,
		    const char *grades, char *why, size_t size)
{
	char a[16], b[16];

	if (!found) {
		snprintf(why, size, "no seats in %ld", year);
		return;
	}
	int seats = sqlite3_column_int(sch, 0);
	int min = sqlite3_column_int(sch, 1);
	int taken = sqlite3_column_int(sch, 2);
	const char *in = (const char *)sqlite3_column_text(sch, 4);
	const char *mins = (const char *)sqlite3_column_text(sch, 5);
	if (strcmp(in, batch))
		snprintf(why, size, "its seats are in the %s batch, not the %s batch", in, batch);
	else if (total < min)
		snprintf(why, size, "total %s is below its min_score %s",
			 edu_score_str(total, a), edu_score_str(min, b));
	else if (grade_short(grades, mins, why, size))
		;
	else if (!seats)
		snprintf(why, size, "no seats in %ld", year);
	else if (taken >= seats)
		snprintf(why, size, "full when their turn came: %d seats, cutoff %s", seats,
			 edu_score_str(sqlite3_column_int(sch, 3), a));
	else
		snprintf(why, size, "had a free seat: the seats changed after admit "
			 "(run it again)");
}

/* Why a quota choice did not admit a candidate: the row of their junior
 * school's quota at the school (or none). */
static void quota_refusal(sqlite3_stmt *q, int found, int total, const char *grades,
			  char *why, size_t size)
{
	char a[16], b[16];

	if (!found) {
		snprintf(why, size, "no quota seats for their junior school");
		return;
	}
	int seats = sqlite3_column_int(q, 0), floor = sqlite3_column_int(q, 1);
	if (total < floor)
		snprintf(why, size, "total %s is below its quota floor %s", edu_score_str(total, a),
			 edu_score_str(floor, b));
	else if (grade_short(grades, (const char *)sqlite3_column_text(q, 4), why, size))
		;
	else if (sqlite3_column_int(q, 2) >= seats)
		snprintf(why, size, "its quota for their junior school was full when their turn "
			 "came: %d seats, cutoff %s", seats,
			 seats ? edu_score_str(sqlite3_column_int(q, 3), a) : "none");
	else
		snprintf(why, size, "had a free quota seat: the seats changed after admit "
			 "(run it again)");
}

/* A candidate's list in a batch: their own (from batch_choices) when any
 * candidate of the year has choices for it, else the general choices;
 * malloc'd, codes separated by ' '. */
static char *explain_list(sqlite3 *db, long year, const char *batch, const char *general,
			  const char *bc)
{
	char y[24], *pat = edu_asprintf("%%%s:%%", batch);

	snprintf(y, sizeof y, "%ld", year);
	const char *p[] = { y, pat };
	char *own = strcmp(batch, "general") ? edu_query1(db, "SELECT 1 FROM candidate WHERE "
							"year = ? AND batch_choices LIKE ? LIMIT 1", 2, p) : NULL;
	free(pat);
	if (!own)
		return edu_strdup(general);
	free(own);
	size_t len = strlen(batch);
	for (const char *q = bc; *q;) {
		size_t n = strcspn(q, ";");
		if (n > len && !strncmp(q, batch, len) && q[len] == ':')
			return edu_strndup(q + len + 1, n - len - 1);
		q += n + (q[n] == ';');
	}
	return edu_strdup("");
}

/* The second round's rows of explain: each choice of the round up to
 * the one that admitted (got, 0 when none did). */
static void explain_round2(sqlite3 *db, struct edu_out *o, const char *no, long year,
			   int total, const char *grades, char *list, int got)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT s.seats - (SELECT count(*) FROM admission a WHERE a.year = s.year AND "
		"a.school_code = s.school_code AND a.round = 1), s.min_score, "
		"(SELECT count(*) FROM admission a WHERE a.year = s.year AND a.school_code = "
		"s.school_code AND a.round = 2), (SELECT min(c.total) FROM admission a JOIN "
		"candidate c USING (year, exam_no) WHERE a.year = s.year AND a.school_code = "
		"s.school_code AND a.round = 2), s.min_grades FROM seat s WHERE s.year = ? AND "
		"s.school_code = ?");
	int k = 0;

	for (char *p = list, *code; (code = strsep(&p, " ")) && *code;) {
		char num[32], why[200], a[16], b[16];
		const char *result = "refused";

		snprintf(num, sizeof num, "round2:%d", ++k);
		sqlite3_bind_int64(st, 1, year);
		sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
		if (k == got) {
			result = "admitted";
			snprintf(why, sizeof why, "total %s reached its min_score and a seat the first "
				 "round left was free", edu_score_str(total, a));
		} else if (sqlite3_step(st) != SQLITE_ROW) {
			snprintf(why, sizeof why, "no seats in %ld", year);
		} else if (total < sqlite3_column_int(st, 1)) {
			snprintf(why, sizeof why, "total %s is below its min_score %s",
				 edu_score_str(total, a), edu_score_str(sqlite3_column_int(st, 1), b));
		} else if (grade_short(grades, (const char *)sqlite3_column_text(st, 4), why,
				       sizeof why)) {
			;
		} else if (sqlite3_column_int(st, 0) <= 0) {
			snprintf(why, sizeof why, "the first round left no seat empty");
		} else {
			snprintf(why, sizeof why, "full when their turn came: %d seats left, cutoff %s",
				 sqlite3_column_int(st, 0),
				 edu_score_str(sqlite3_column_int(st, 3), a));
		}
		sqlite3_reset(st);
		const char *row[] = { no, num, code, result, why };
		edu_out_row(o, row);
		if (k == got)
			break;
	}
	sqlite3_finalize(st);
}

int edu_exam_explain(sqlite3 *db, struct edu_out *o, const char *no)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT c.year, c.total, c.choices, a.rank, a.choice, c.grades, c.batch_choices, "
		"a.batch, a.round, r.choices FROM candidate c LEFT JOIN admission a USING (year, exam_no) "
		"LEFT JOIN round2 r USING (year, exam_no) WHERE c.exam_no = ?");

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
	char *grades = edu_strdup((const char *)sqlite3_column_text(st, 5));
	char *bc = edu_strdup((const char *)sqlite3_column_text(st, 6));
	const char *ab = (const char *)sqlite3_column_text(st, 7);
	int round = sqlite3_column_int(st, 8);
	/* Admitted in the second round: refused by every batch of the first. */
	int admitted_in = ab && round == 1 ? edu_exam_batch(ab) : -1;
	const char *r2 = (const char *)sqlite3_column_text(st, 9);
	char *round2 = r2 ? edu_strdup(r2) : NULL;
	sqlite3_finalize(st);
	if (!ranked) {
		free(choices), free(grades), free(bc);
		edu_warn("candidate %s has no admission result yet (run 'edu-exam admit --year %ld')",
			 no, year);
		return EDU_NO;
	}

	sqlite3_stmt *sch = edu_prepare(db,
		"SELECT s.seats, s.min_score, (SELECT count(*) FROM admission a "
		"WHERE a.year = s.year AND a.school_code = s.school_code), "
		"(SELECT min(c.total) FROM admission a JOIN candidate c USING (year, exam_no) "
		"WHERE a.year = s.year AND a.school_code = s.school_code AND a.batch IS NOT 'quota'), "
		"s.batch, s.min_grades FROM seat s WHERE s.year = ? AND s.school_code = ?");
	/* The quota seats of the candidate's junior school at a school. */
	sqlite3_stmt *quo = edu_prepare(db,
		"SELECT q.seats, q.floor, (SELECT count(*) FROM admission a JOIN candidate c "
		"USING (year, exam_no) WHERE a.year = q.year AND a.school_code = q.school_code "
		"AND a.batch = 'quota' AND c.junior_school = q.junior_school), "
		"(SELECT min(c.total) FROM admission a JOIN candidate c USING (year, exam_no) "
		"WHERE a.year = q.year AND a.school_code = q.school_code AND a.batch = 'quota' "
		"AND c.junior_school = q.junior_school), s.min_grades FROM quota q JOIN seat s "
		"USING (year, school_code) WHERE q.year = ?1 AND q.school_code = ?2 "
		"AND q.junior_school = (SELECT junior_school FROM candidate WHERE exam_no = ?3)");
	sqlite3_stmt *has = edu_prepare(db, "SELECT 1 FROM seat WHERE year = ?1 AND batch = ?2 "
					"UNION ALL SELECT 1 FROM quota WHERE year = ?1 AND ?2 = 'quota'");
	int order[EDU_EXAM_NBATCH], nb = edu_exam_batch_order(db, order);
	for (int i = 0; i < nb; i++) {
		const char *batch = edu_exam_batches[order[i]].key;
		int general = order[i] == EDU_EXAM_GENERAL, here = order[i] == admitted_in;

		/* Only the batches with seats this year took part. */
		sqlite3_bind_int64(has, 1, year);
		sqlite3_bind_text(has, 2, batch, -1, SQLITE_STATIC);
		int took_part = sqlite3_step(has) == SQLITE_ROW;
		sqlite3_reset(has);
		if (!took_part && !here)
			continue;
		char *list = explain_list(db, year, batch, choices, bc);
		int k = 0;
		for (char *p = list, *code; (code = strsep(&p, " ")) && *code;) {
			char num[32], why[200], a[16];
			const char *result = "refused";

			/* The general batch's choices by number, as before batches. */
			if (general)
				snprintf(num, sizeof num, "%d", ++k);
			else
				snprintf(num, sizeof num, "%s:%d", batch, ++k);
			sqlite3_bind_int64(sch, 1, year);
			sqlite3_bind_text(sch, 2, code, -1, SQLITE_STATIC);
			if (here && k == got) {
				result = "admitted";
				snprintf(why, sizeof why, "total %s reached its min_score and a seat was free",
					 edu_score_str(total, a));
			} else if (order[i] == EDU_EXAM_QUOTA) {
				sqlite3_bind_int64(quo, 1, year);
				sqlite3_bind_text(quo, 2, code, -1, SQLITE_STATIC);
				sqlite3_bind_text(quo, 3, no, -1, SQLITE_STATIC);
				quota_refusal(quo, sqlite3_step(quo) == SQLITE_ROW, total, grades, why,
					      sizeof why);
				sqlite3_reset(quo);
			} else {
				refusal(sch, sqlite3_step(sch) == SQLITE_ROW, year, batch, total, grades,
					why, sizeof why);
			}
			sqlite3_reset(sch);
			const char *row[] = { no, num, code, result, why };
			edu_out_row(o, row);
			if (here && k == got)
				break;
		}
		free(list);
		if (here)
			break;
	}
	if (round2)
		explain_round2(db, o, no, year, total, grades, round2, round == 2 ? got : 0);
	free(round2);
	sqlite3_finalize(sch);
	sqlite3_finalize(quo);
	sqlite3_finalize(has);
	free(choices), free(grades), free(bc);
	return got ? 0 : EDU_NO;
}

/* ---- minimum grades of a school's seats ------------------------------------ */

int edu_exam_min_grades(const struct edu_exam_header *h, const char *in, char *out,
			char *err)
{
	struct edu_buf b = { 0 };
	int n = 0;

	edu_buf_add(&b, "", 0);
	for (const char *p = in; *(p += strspn(p, " ;,"));) {
		size_t len = strcspn(p, ";,");
		char one[EDU_VAL_MAX], name[32], g[EDU_VAL_MAX];
		snprintf(one, sizeof one, "%.*s", (int)(len < sizeof one ? len : sizeof one - 1), p);
		p += len;
		char *eq = strchr(one, '=');
		if (!eq)
			goto bad;
		*eq = 0;
		char *k = one + strspn(one, " ");
		k[strcspn(k, " ")] = 0;
		/* A component by its key or its Chinese name in exam.subjects. */
		int found = 0;
		for (int i = 0; i < h->nsubj && !found; i++)
			if (!strcmp(h->subj[i].alias, k) || !strcmp(h->subj[i].key, k)) {
				snprintf(name, sizeof name, "%s", h->subj[i].key);
				found = 1;
			}
		if (!found && subject_name(k, name) < 0)
			goto bad;
		if (edu_exam_grade(eq + 1 + strspn(eq + 1, " "), g, err) < 0)
			goto fail;
		if (++n > EDU_EXAM_GRADES) {
			snprintf(err, EDU_ERR_MAX, "at most %d components", EDU_EXAM_GRADES);
			goto fail;
		}
		edu_buf_printf(&b, "%s%s=%s", b.len ? ";" : "", name, g);
	}
	if (b.len >= EDU_VAL_MAX) {
		snprintf(err, EDU_ERR_MAX, "too long");
		goto fail;
	}
	memcpy(out, b.s, b.len + 1);
	edu_buf_free(&b);
	return 0;
bad:
	snprintf(err, EDU_ERR_MAX, "'%s' is not component=grade, e.g. quality=B;pe=C", in);
fail:
	edu_buf_free(&b);
	return -1;
}

/* ---- quota seats (名额分配) --------------------------------------------------- */

/* Largest remainder (Hamilton): each part the whole of n * basis / total,
 * then one more to the largest remainders until the parts add up to n;
 * an equal remainder goes first to the larger basis, then the earlier. */
int edu_exam_quota_split(long n, const long *basis, int parts, long *out)
{
	long total = 0, given = 0;

	for (int i = 0; i < parts; i++)
		total += basis[i];
	if (total <= 0)
		return -1;
	for (int i = 0; i < parts; i++) {
		out[i] = n * basis[i] / total;
		given += out[i];
	}
	char *more = edu_malloc(parts ? (size_t)parts : 1);
	memset(more, 0, parts ? (size_t)parts : 1);
	for (; given < n; given++) {
		int best = -1;
		for (int i = 0; i < parts; i++) {
			if (more[i])
				continue;
			long r = n * basis[i] % total, br = best < 0 ? -1 : n * basis[best] % total;
			if (best < 0 || r > br || (r == br && basis[i] > basis[best]))
				best = i;
		}
		more[best] = 1;
		out[best]++;
	}
	free(more);
	return 0;
}

int edu_exam_quota_floor(sqlite3 *db, int *fixed, int *margin)
{
	char *v = edu_setting(db, "exam.quota_floor", "cutoff-20"), err[EDU_ERR_MAX];
	int rc, x;

	*fixed = -1;
	*margin = 0;
	if (!strncmp(v, "cutoff-", 7))
		rc = edu_score_parse(v + 7, &x, err), *margin = x;
	else
		rc = edu_score_parse(v, &x, err), *fixed = x;
	free(v);
	return rc;
}

void edu_exam_quota_load(sqlite3 *db, long year, const struct edu_exam_seats *t,
			 struct edu_exam_quota *q)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT school_code, junior_school, seats FROM quota "
				       "WHERE year = ? ORDER BY school_code, junior_school");
	size_t cap = 0;

	memset(q, 0, sizeof *q);
	sqlite3_bind_int64(st, 1, year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int k = edu_exam_seat_index(t, sqlite3_column_int64(st, 0));
		if (k == (int)t->n)
			continue;	/* the school has no seats this year */
		if (q->n == cap) {
			cap = cap ? 2 * cap : 64;
			q->school = edu_realloc(q->school, cap * sizeof *q->school);
			q->junior = edu_realloc(q->junior, cap * sizeof *q->junior);
			q->seats = edu_realloc(q->seats, cap * sizeof *q->seats);
			q->admitted = edu_realloc(q->admitted, cap * sizeof *q->admitted);
		}
		q->school[q->n] = k;
		q->junior[q->n] = sqlite3_column_int64(st, 1);
		q->seats[q->n] = sqlite3_column_int(st, 2);
		q->admitted[q->n] = 0;
		q->n++;
	}
	sqlite3_finalize(st);
	q->floor = edu_malloc((t->n + 1) * sizeof *q->floor);
	for (size_t j = 0; j <= t->n; j++)
		q->floor[j] = t->s[j].min_score;
	if (edu_exam_quota_floor(db, &q->fixed, &q->margin) < 0)
		edu_die(EDU_ECONFIG, "setting exam.quota_floor is not cutoff-N or a score");
}

void edu_exam_quota_free(struct edu_exam_quota *q)
{
	free(q->school);
	free(q->junior);
	free(q->seats);
	free(q->admitted);
	free(q->floor);
	memset(q, 0, sizeof *q);
}

void edu_exam_quota_store(sqlite3 *db, long year, const struct edu_exam_quota *q,
			  const struct edu_exam_seats *t)
{
	sqlite3_stmt *st = edu_prepare(db, "UPDATE quota SET floor = ? WHERE year = ? AND "
				       "school_code = ?");

	for (size_t i = 0; i < q->n; i++) {
		if (i && q->school[i] == q->school[i - 1])
			continue;
		sqlite3_bind_int(st, 1, q->floor[q->school[i]]);
		sqlite3_bind_int64(st, 2, year);
		sqlite3_bind_text(st, 3, t->code[q->school[i]], 10, SQLITE_STATIC);
		edu_exec_stmt(db, st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
}

int edu_exam_quota_set(sqlite3 *db, long year, const char *school, long n, int by_candidates,
		       struct edu_out *o)
{
	char y[24], num[24];
	const char *p[] = { y, school };

	snprintf(y, sizeof y, "%ld", year);
	char *seats = edu_query1(db, "SELECT seats FROM seat WHERE year = ? AND school_code = ?",
				 2, p);
	if (!seats)
		return edu_error("school %s has no seats in %ld (see 'edu-exam seats import')",
				 school, year);
	/* Quota seats are set aside from the general batch's seats. */
	char *batch = edu_query1(db, "SELECT batch FROM seat WHERE year = ? AND school_code = ?",
				 2, p);
	if (strcmp(batch, "general")) {
		edu_error("school %s admits in the %s batch in %ld: quota seats are set aside "
			  "from a general school's", school, batch, year);
		free(batch);
		free(seats);
		return -1;
	}
	free(batch);
	long have = atol(seats);
	free(seats);
	if (n > have)
		return edu_error("%ld quota seats are more than the %ld seats of school %s",
				 n, have, school);
	/* The junior schools by their graduates of the year (from grade 9)
	 * or their candidates of the year. */
	sqlite3_stmt *st = edu_prepare(db, by_candidates ?
		"SELECT c.junior_school, s.name, count(*) FROM candidate c JOIN school s "
		"ON s.school_code = c.junior_school WHERE c.year = ?1 GROUP BY c.junior_school "
		"ORDER BY c.junior_school" :
		"SELECT e.from_school, s.name, count(*) FROM student_event e JOIN school s "
		"ON s.school_code = e.from_school WHERE e.kind = 'graduate' AND e.from_grade = 9 "
		"AND e.day >= ?1 || '-01-01' AND e.day <= ?1 || '-12-31' GROUP BY e.from_school "
		"ORDER BY e.from_school");
	sqlite3_bind_text(st, 1, y, -1, SQLITE_STATIC);
	size_t cap = 0, parts = 0;
	char **code = NULL, **name = NULL;
	long *basis = NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (parts == cap) {
			cap = cap ? 2 * cap : 64;
			code = edu_realloc(code, cap * sizeof *code);
			name = edu_realloc(name, cap * sizeof *name);
			basis = edu_realloc(basis, cap * sizeof *basis);
		}
		code[parts] = edu_strdup((const char *)sqlite3_column_text(st, 0));
		name[parts] = edu_strdup((const char *)sqlite3_column_text(st, 1));
		basis[parts++] = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	long *part = edu_malloc((parts ? parts : 1) * sizeof *part);
	int rc = 0;
	if (edu_exam_quota_split(n, basis, (int)parts, part) < 0) {
		rc = edu_error("no junior school has %s in %ld to split the quota seats by",
			       by_candidates ? "candidates" : "graduates", year);
		parts = 0;
	}
	/* The split replaces the school's earlier one. */
	if (!rc)
		edu_exec(db, "DELETE FROM quota WHERE year = ? AND school_code = ?", 2, p);
	struct edu_buf split = { 0 };
	edu_buf_add(&split, "", 0);
	for (size_t i = 0; i < parts; i++) {
		char b[24], q[24];
		snprintf(b, sizeof b, "%ld", basis[i]);
		snprintf(q, sizeof q, "%ld", part[i]);
		const char *v[] = { y, school, code[i], b, q };
		edu_exec(db, "INSERT INTO quota (year, school_code, junior_school, basis, seats) "
			 "VALUES (?, ?, ?, ?, ?)", 5, v);
		const char *row[] = { school, code[i], name[i], b, q };
		edu_out_row(o, row);
		edu_buf_printf(&split, "%s%s=%s", split.len ? " " : "", code[i], q);
	}
	if (!rc) {
		static const char *const names[] = { "seats", "by", "split" };
		char *key = edu_asprintf("%s/%ld", school, year);
		snprintf(num, sizeof num, "%ld", n);
		const char *v[] = { num, by_candidates ? "candidates" : "graduates", split.s };
		edu_audit_change(db, "quota", key, 3, names, NULL, v);
		free(key);
	}
	edu_buf_free(&split);
	for (size_t i = 0; i < parts; i++)
		free(code[i]), free(name[i]);
	free(code), free(name), free(basis), free(part);
	return rc;
}

sqlite3_stmt *edu_exam_quota_cutoffs_stmt(sqlite3 *db, long year)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT q.school_code, q.junior_school, j.name, q.seats, " POINTS("q.floor") " AS floor, "
		"count(a.exam_no) AS admitted, " POINTS("min(CASE WHEN a.exam_no IS NOT NULL THEN c.total END)")
		" AS cutoff, q.seats - count(a.exam_no) AS returned "
		"FROM quota q JOIN school j ON j.school_code = q.junior_school "
		"LEFT JOIN candidate c ON c.year = q.year AND c.junior_school = q.junior_school "
		"LEFT JOIN admission a ON a.year = c.year AND a.exam_no = c.exam_no "
		"AND a.batch = 'quota' AND a.school_code = q.school_code "
		"WHERE q.year = ?1 GROUP BY q.school_code, q.junior_school "
		"ORDER BY q.school_code, q.junior_school");

	sqlite3_bind_int64(st, 1, year);
	return st;
}

/* ---- the second round (补录) --------------------------------------------------- */

int edu_exam_has_round2(sqlite3 *db, long year)
{
	char y[24];
	const char *p[] = { y };

	snprintf(y, sizeof y, "%ld", year);
	char *r = edu_query1(db, "SELECT 1 FROM round2 WHERE year = ? LIMIT 1", 1, p);
	free(r);
	return r != NULL;
}

/* Read the round-2 choices of a file into table round2 (replacing the
 * year's): 0, or -1 having reported each bad row. */
static int round2_read(sqlite3 *db, long year, const char *file,
		       const struct edu_exam_schools *t)
{
	static struct edu_exam_header hd;
	struct edu_csv *r = edu_csv_open(file);
	int bad = 0, key = -1;

	if (!r)
		return -1;
	int n = edu_csv_next(r);
	if (n <= 0) {
		edu_csv_close(r);
		return edu_error("%s: no header", file ? file : "-");
	}
	const char **names = edu_malloc((size_t)n * sizeof *names);
	int *take = edu_malloc((size_t)n * sizeof *take);
	for (int i = 0; i < n; i++) {
		names[i] = edu_strdup(edu_csv_field(r, i));
		take[i] = 0;
		if (!strcasecmp(names[i], "exam_no") || !strcmp(names[i], "准考证号") ||
		    !strcmp(names[i], "考号"))
			key = i;
	}
	memset(&hd, 0, sizeof hd);
	hd.choices_only = 1;
	if (edu_exam_header(&hd, edu_csv_name(r), 1, n, names, take) < 0)
		bad = -1;
	if (key < 0)
		bad = edu_error("%s:1: the column 'exam_no' is missing", edu_csv_name(r));
	for (int i = 0; i < hd.nx; i++)
		if (hd.x[i].kind != EDU_EXAM_X_CHOICE || hd.x[i].batch != EDU_EXAM_GENERAL)
			bad = edu_error("%s:1: '%s': round 2 takes exam_no and choice1 to choice%d",
					edu_csv_name(r), hd.x[i].name, EDU_EXAM_CHOICES);
	edu_exec(db, "CREATE TEMP TABLE IF NOT EXISTS round2_in (exam_no TEXT PRIMARY KEY, "
		 "choices TEXT NOT NULL)", 0, NULL);
	edu_exec(db, "DELETE FROM temp.round2_in", 0, NULL);
	sqlite3_stmt *who = edu_prepare(db, "SELECT a.school_code IS NOT NULL AND a.round = 1 "
					"FROM candidate c LEFT JOIN admission a USING (year, exam_no) "
					"WHERE c.year = ? AND c.exam_no = ?");
	sqlite3_stmt *ins = edu_prepare(db, "INSERT INTO temp.round2_in VALUES (?, ?)");
	struct edu_exam_rowout out = { 0 };
	const char **extra = edu_malloc((size_t)(hd.nx + 1) * sizeof *extra);
	int nbad = 0;
	while (!bad) {
		int got = edu_csv_next(r);
		if (got <= 0) {
			if (got < 0)
				nbad++;
			break;
		}
		long line = edu_csv_line(r);
		char err[EDU_ERR_MAX];
		const char *col = "exam_no", *no = edu_csv_field(r, key);
		/* The taken columns, in header order. */
		for (int i = 0, k = 0; i < n; i++)
			if (take[i])
				extra[k++] = edu_csv_field(r, i);
		sqlite3_bind_int64(who, 1, year);
		sqlite3_bind_text(who, 2, no, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(who), refused = 1;
		if (rc != SQLITE_ROW)
			snprintf(err, sizeof err, "no candidate '%s' in %ld", no, year);
		else if (sqlite3_column_int(who, 0))
			snprintf(err, sizeof err, "candidate %s was admitted in the first round", no);
		else
			refused = 0;
		sqlite3_reset(who);
		if (!refused && edu_exam_row(&hd, t, extra, &out, &col, err) < 0)
			refused = 1;
		if (!refused) {
			const char *v[] = { no, out.choices.s };
			edu_bind_text(ins, 1, v[0]);
			edu_bind_text(ins, 2, v[1]);
			if (sqlite3_step(ins) != SQLITE_DONE) {
				snprintf(err, sizeof err, "candidate %s is in the file twice", no);
				refused = 1;
			}
			sqlite3_reset(ins);
		}
		if (refused && nbad++ < 100)
			edu_warn("%s:%ld: %s: %s", edu_csv_name(r), line, col, err);
	}
	if (nbad)
		bad = edu_error("nothing written (%d bad rows)", nbad);
	sqlite3_finalize(who);
	sqlite3_finalize(ins);
	edu_buf_free(&out.scores), edu_buf_free(&out.grades);
	edu_buf_free(&out.choices), edu_buf_free(&out.batch_choices);
	for (int i = 0; i < n; i++)
		free((char *)names[i]);
	free(names), free(take), free(extra);
	edu_csv_close(r);
	return bad ? -1 : 0;
}

/* A pool's arrays grown to hold one more candidate. */
/* Room for one more candidate of the pool (p->n not yet counted), with
 * its exam number, student number (none for a candidate from outside the
 * registry) and name from these columns of the row at st. */
static struct edu_exam_cand *pool_add(struct edu_exam_pool *p, size_t *cap,
				       sqlite3_stmt *st, int no, int student_no, int name)
{
	size_t n = p->n;

	if (n >= *cap) {
		*cap = *cap ? 2 * *cap : 1024;
		p->cand = edu_realloc(p->cand, *cap * sizeof *p->cand);
		p->no = edu_realloc(p->no, *cap * sizeof *p->no);
		p->student_no = edu_realloc(p->student_no, *cap * sizeof *p->student_no);
		p->name = edu_realloc(p->name, *cap * sizeof *p->name);
		p->batch_choices = edu_realloc(p->batch_choices, *cap * sizeof *p->batch_choices);
	}
	struct edu_exam_cand *x = &p->cand[n];
	memset(x, 0, sizeof *x);
	p->no[n] = edu_strdup((const char *)sqlite3_column_text(st, no));
	const char *sn = (const char *)sqlite3_column_text(st, student_no);
	p->student_no[n] = sn ? edu_strdup(sn) : NULL;
	p->name[n] = edu_strdup((const char *)sqlite3_column_text(st, name));
	return x;
}

long edu_exam_round2(sqlite3 *db, long year, const char *file,
		     const struct edu_exam_schools *t, struct edu_exam_pool *p,
		     struct edu_exam_seats *seats, struct edu_exam_cand ***orderp)
{
	char y[24];
	const char *yp[] = { y };

	snprintf(y, sizeof y, "%ld", year);
	memset(p, 0, sizeof *p);
	memset(seats, 0, sizeof *seats);
	*orderp = NULL;
	char *done = edu_query1(db, "SELECT exam_no FROM admission WHERE year = ? AND round = 2 "
				"AND enrolled IS NOT NULL LIMIT 1", 1, yp);
	if (done) {
		free(done);
		return edu_error("the second round of %ld is final: its candidates were enrolled",
				 year);
	}
	if (round2_read(db, year, file, t) < 0)
		return -1;
	/* An earlier second round is undone; the first round stays. */
	edu_exec(db, "UPDATE admission SET school_code = NULL, choice = NULL, batch = NULL, "
		 "round = 1 WHERE year = ? AND round = 2", 1, yp);
	edu_exec(db, "DELETE FROM round2 WHERE year = ?", 1, yp);
	edu_exec(db, "INSERT INTO round2 (year, exam_no, choices) SELECT ?, exam_no, choices "
		 "FROM temp.round2_in", 1, yp);
	/* The seats the first round left empty. */
	edu_exam_seats_load(db, year, seats);
	sqlite3_stmt *st = edu_prepare(db, "SELECT school_code, count(*) FROM admission "
				       "WHERE year = ? AND school_code IS NOT NULL GROUP BY 1");
	sqlite3_bind_int64(st, 1, year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int k = edu_exam_seat_index(seats, sqlite3_column_int64(st, 0));
		if (k < (int)seats->n) {
			seats->s[k].seats -= sqlite3_column_int(st, 1);
			if (seats->s[k].seats < 0)
				seats->s[k].seats = 0;
		}
	}
	sqlite3_finalize(st);
	/* The participants, in the first round's order of merit. */
	st = edu_prepare(db, "SELECT r.exam_no, a.rank, c.total, c.grades, r.choices, "
			 "c.student_no, c.name FROM round2 r JOIN admission a USING (year, exam_no) "
			 "JOIN candidate c USING (year, exam_no) WHERE r.year = ? ORDER BY a.rank");
	sqlite3_bind_int64(st, 1, year);
	size_t cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t n = p->n;
		struct edu_exam_cand *x = pool_add(p, &cap, st, 0, 5, 6);
		p->batch_choices[n] = NULL;
		x->rank = sqlite3_column_int(st, 1);
		x->total = sqlite3_column_int(st, 2);
		const char *g = (const char *)sqlite3_column_text(st, 3);
		if (g && *g && seats->ncomp)
			grade_levels(seats, g, x->grade, 0);
		choices_of(x, (const char *)sqlite3_column_text(st, 4), seats);
		x->school = -1;
		x->batch = -1;
		p->n++;
	}
	sqlite3_finalize(st);
	struct edu_exam_cand **order = edu_malloc((p->n ? p->n : 1) * sizeof *order);
	for (size_t i = 0; i < p->n; i++) {
		p->cand[i].exam_no = p->no[i];
		order[i] = &p->cand[i];
	}
	long left = take_seats(order, p->n, seats->s, -1, 0);
	st = edu_prepare(db, "UPDATE admission SET school_code = ?, choice = ?, batch = ?, "
			 "round = 2 WHERE year = ? AND exam_no = ?");
	for (size_t i = 0; i < p->n; i++) {
		const struct edu_exam_cand *x = &p->cand[i];
		if (!x->got)
			continue;
		sqlite3_bind_text(st, 1, seats->code[x->school], 10, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, x->got);
		sqlite3_bind_text(st, 3, edu_exam_batches[seats->s[x->school].batch].key, -1,
				  SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, year);
		sqlite3_bind_text(st, 5, p->no[i], -1, SQLITE_STATIC);
		edu_exec_stmt(db, st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	*orderp = order;
	return left;
}

sqlite3_stmt *edu_exam_round2_cutoffs_stmt(sqlite3 *db, long year)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT s.school_code, sc.name, s.seats - count(CASE WHEN a.round = 1 THEN 1 END) "
		"AS empty, count(CASE WHEN a.round = 2 THEN 1 END) AS admitted, "
		POINTS("min(CASE WHEN a.round = 2 THEN c.total END)") " AS cutoff, "
		"CASE WHEN count(a.exam_no) >= s.seats THEN 'yes' ELSE 'no' END AS filled "
		"FROM seat s JOIN school sc USING (school_code) "
		"LEFT JOIN admission a ON a.year = s.year AND a.school_code = s.school_code "
		"LEFT JOIN candidate c ON c.year = a.year AND c.exam_no = a.exam_no "
		"WHERE s.year = ?1 GROUP BY s.school_code ORDER BY s.school_code");

	sqlite3_bind_int64(st, 1, year);
	return st;
}
