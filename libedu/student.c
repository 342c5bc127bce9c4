/* student.c - the rules of the student registry that more than one tool
 * needs: which grades a kind of school teaches, and where a stage ends. */
#include <string.h>

#include "edu.h"

static const struct {
	const char *kind;
	int lo, hi;
} grades[] = {
	{ "primary", 1, 6 },
	{ "junior", 7, 9 },
	{ "senior", 10, 12 },
	{ "complete", 7, 12 },	/* 完全中学: junior and senior */
	{ "nine-year", 1, 9 },	/* 九年一贯制 */
	{ "vocational", 10, 12 },
	{ "special", 1, 12 },
};

int edu_kind_grades(const char *kind, int *lo, int *hi)
{
	for (size_t i = 0; i < sizeof grades / sizeof *grades; i++)
		if (!strcmp(kind, grades[i].kind)) {
			*lo = grades[i].lo;
			*hi = grades[i].hi;
			return 0;
		}
	return -1;	/* kindergartens have no grades */
}

int edu_kind_fits(const char *kind, int grade)
{
	int lo, hi;

	return edu_kind_grades(kind, &lo, &hi) == 0 && grade >= lo && grade <= hi;
}

/* Primary ends with grade 6, junior with 9, senior and vocational with
 * 12, whatever school teaches them. */
int edu_stage_last(int grade)
{
	return grade == 6 || grade == 9 || grade == 12;
}

const char *edu_stage_name(int grade)
{
	return grade <= 6 ? "primary" : grade <= 9 ? "junior" : "senior";
}
