/* placement.c - nearby enrolment (就近入学): children in order of
 * priority tier and a seeded lottery, each to the best-ranked school of
 * their zone with a seat left (DESIGN 8). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

uint64_t edu_place_lottery(uint64_t seed, const char *key)
{
	char buf[96], hex[65];
	int n = snprintf(buf, sizeof buf, "%llu:%s", (unsigned long long)seed, key);

	if (n < 0 || (size_t)n >= sizeof buf)
		n = (int)sizeof buf - 1;	/* keys are ID numbers: never so long */
	edu_sha256_hex(buf, (size_t)n, hex);
	hex[15] = '\0';
	return strtoull(hex, NULL, 16);
}

int edu_place_before(const struct edu_place_child *a,
		     const struct edu_place_child *b)
{
	if (a->tier != b->tier)
		return a->tier < b->tier ? -1 : 1;
	if (a->lottery != b->lottery)
		return a->lottery < b->lottery ? -1 : 1;
	return strcmp(a->key, b->key);
}

static int by_draw(const void *x, const void *y)
{
	const struct edu_place_child *const *a = x, *const *b = y;

	return edu_place_before(*a, *b);
}

/* Give a child the lowest-ranked school of its zone with a seat left. */
static void place_one(struct edu_place_child *x, const struct edu_place_zone *z,
		      size_t nz, struct edu_place_school *s)
{
	const struct edu_place_zone *best = NULL;
	int any = 0;

	for (size_t i = 0; i < nz; i++) {
		const struct edu_place_school *t = &s[z[i].school];

		if (strcmp(z[i].zone, x->zone))
			continue;
		any = 1;
		if (t->seats - t->taken > 0 && (!best || z[i].rank < best->rank))
			best = &z[i];
	}
	if (!best) {
		x->result = any ? EDU_PLACE_FULL : EDU_PLACE_NO_SCHOOL;
		return;
	}
	s[best->school].taken++;
	x->result = EDU_PLACE_PLACED;
	x->school = best->school;
	x->rank = best->rank;
}

long edu_place(struct edu_place_child **c, size_t n,
	       const struct edu_place_zone *z, size_t nz,
	       struct edu_place_school *s, size_t ns, uint64_t seed)
{
	long placed = 0;

	for (size_t j = 0; j < ns; j++)
		s[j].taken = 0;
	for (size_t i = 0; i < n; i++) {
		c[i]->lottery = edu_place_lottery(seed, c[i]->key);
		c[i]->result = EDU_PLACE_HELD;
		c[i]->school = -1;
		c[i]->rank = 0;
	}
	qsort(c, n, sizeof *c, by_draw);
	for (size_t i = 0; i < n; i++) {
		if (c[i]->held)
			continue;
		place_one(c[i], z, nz, s);
		placed += c[i]->result == EDU_PLACE_PLACED;
	}
	return placed;
}

int edu_place_primary_born_by(long year)
{
	return edu_days((int)year - 6, 8, 31);
}
