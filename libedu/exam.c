/* exam.c - the senior-high entrance exam: scores in tenths of a point,
 * the order of merit, and admission by parallel choices (DESIGN 8). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

int edu_score_parse(const char *s, int *tenths, char *err)
{
	long whole = 0;
	int frac = 0, digits = 0;
	const char *p = s;

	while (*p == ' ')
		p++;
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

long edu_exam_admit(struct edu_exam_cand *c, size_t n, int ntb,
		    struct edu_exam_school *s, size_t ns,
		    struct edu_exam_cand **order)
{
	long unadmitted = 0;

	for (size_t i = 0; i < n; i++)
		order[i] = &c[i];
	qsort_r(order, n, sizeof *order, by_merit, &ntb);
	for (size_t j = 0; j < ns; j++) {
		s[j].admitted = 0;
		s[j].cutoff = -1;
	}
	/* Serial dictatorship in the order of merit: each candidate, in
	 * turn, takes the first choice with a free seat whose minimum
	 * score they reach. */
	for (size_t i = 0; i < n; i++) {
		struct edu_exam_cand *x = order[i];

		x->rank = (int)i + 1;
		x->school = -1;
		x->got = 0;
		for (int k = 0; k < x->nchoice; k++) {
			struct edu_exam_school *t = &s[x->choice[k]];

			if (t->admitted >= t->seats || x->total < t->min_score)
				continue;
			t->admitted++;
			t->cutoff = x->total;
			x->school = x->choice[k];
			x->got = k + 1;
			break;
		}
		if (!x->got)
			unadmitted++;
	}
	return unadmitted;
}
