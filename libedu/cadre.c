/* cadre.c - the personnel rules of DESIGN 8: statutory retirement (2025
 * reform), the ladder of teacher titles, party stages, punishment periods */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* The 2025 reform, one row per retirement base: the age before it, the
 * first birth year it touches, months of birth per month of delay, and
 * the most months of delay. */
static const struct {
	int base, start, step, max;
} reform[] = {
	[EDU_RETIRE_MAN60] = { 60, 1965, 4, 36 },
	[EDU_RETIRE_WOMAN55] = { 55, 1970, 4, 36 },
	[EDU_RETIRE_WOMAN50] = { 50, 1975, 2, 60 },
};

int edu_retire_kind(const char *sex, const char *category)
{
	if (!sex || !strcmp(sex, "M"))
		return EDU_RETIRE_MAN60;
	return category && !strcmp(category, "worker") ? EDU_RETIRE_WOMAN50
						       : EDU_RETIRE_WOMAN55;
}

int edu_retire_base_age(int kind)
{
	return reform[kind].base;
}

int edu_retire_delay(int kind, int y, int m)
{
	long idx = (long)(y - reform[kind].start) * 12 + m;

	if (idx < 1)
		return 0;
	long delay = (idx + reform[kind].step - 1) / reform[kind].step;
	return delay > reform[kind].max ? reform[kind].max : (int)delay;
}

int edu_retire_day(int birth, int kind, int *months)
{
	int y, m, d;

	edu_ymd(birth, &y, &m, &d);
	int n = reform[kind].base * 12 + edu_retire_delay(kind, y, m);
	if (months)
		*months = n;
	return edu_add_months(birth, n);
}

/* ---- teacher titles (2015) ------------------------------------------- */

static const char *const titles[] = {
	"三级教师", "二级教师", "一级教师", "高级教师", "正高级教师", NULL
};

const char *edu_teacher_title(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	for (int i = 0; titles[i]; i++) {
		/* "一级" for "一级教师": the short form people write. */
		size_t tn = strlen(titles[i]) - strlen("教师");
		if (!strcmp(s ? s : "", titles[i]) ||
		    (n == tn && !strncmp(s, titles[i], tn)))
			return titles[i];
	}
	return NULL;
}

const char *edu_teacher_title_below(const char *title)
{
	const char *t = edu_teacher_title(title);

	for (int i = 1; t && titles[i]; i++)
		if (titles[i] == t)
			return titles[i - 1];
	return NULL;
}

/* ---- party stages ----------------------------------------------------- */

static const char *const stages[] = {
	"none", "applicant", "activist", "candidate", "probationary", "member", NULL
};

const char *edu_party_next(const char *stage)
{
	for (int i = 0; stages[i + 1]; i++)
		if (stage && !strcmp(stages[i], stage))
			return stages[i + 1];
	return NULL;
}

int edu_party_wait_months(const char *stage)
{
	/* A year as activist before becoming a candidate for membership, a
	 * year of probation before full membership. */
	if (stage && (!strcmp(stage, "activist") || !strcmp(stage, "probationary")))
		return 12;
	return 0;
}

int edu_party_ready(const char *stage, int since, int day)
{
	int wait = edu_party_wait_months(stage);

	return edu_party_next(stage) && (wait == 0 || edu_add_months(since, wait) <= day);
}

/* ---- punishments ------------------------------------------------------ */

int edu_punish_until(int day, int months)
{
	return edu_add_months(day, months) - 1;
}
