/* doc.c - the numbers of official documents: GB/T 9704 document numbers,
 * secrecy periods, archive codes and retention (DESIGN 8). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

char *edu_doc_number(const char *prefix, int year, long serial)
{
	/* GB/T 9704-2012 7.2.4: the year in 六角括号, no leading zeros. */
	return edu_asprintf("%s〔%d〕%ld号", prefix, year, serial);
}

char *edu_doc_seq_scope(const char *prefix, int year)
{
	/* The prefix is part of the scope, so every issuer abbreviation
	 * counts from 1 each year on its own. */
	return edu_asprintf("doc.%s.%d", prefix, year);
}

int edu_secrecy_years(const char *level)
{
	if (!level)
		return 0;
	if (!strcmp(level, "绝密"))
		return 30;
	if (!strcmp(level, "机密"))
		return 20;
	if (!strcmp(level, "秘密"))
		return 10;
	return 0;
}

int edu_secrecy_ends(int from, int years)
{
	return years > 0 ? edu_add_months(from, 12 * years) : -1;
}

int edu_retention_years(const char *retention)
{
	if (!retention)
		return -1;
	if (!strcmp(retention, "30y"))
		return 30;
	if (!strcmp(retention, "10y"))
		return 10;
	return 0;	/* permanent, or unknown: never disposed of */
}

int edu_retention_ends(int year, const char *retention)
{
	int n = edu_retention_years(retention);

	/* A retention period counts from 1 January after the year the
	 * document was made, so it ends on 1 January n years later. */
	return n > 0 ? edu_days(year + 1 + n, 1, 1) : -1;
}

const char *edu_retention_code(const char *retention)
{
	/* DA/T 22-2015: Y for permanent, D30 and D10 for fixed terms. */
	if (!retention)
		return NULL;
	if (!strcmp(retention, "permanent"))
		return "Y";
	if (!strcmp(retention, "30y"))
		return "D30";
	if (!strcmp(retention, "10y"))
		return "D10";
	return NULL;
}

char *edu_archive_code(const char *fonds, int year, const char *retention,
		       long item)
{
	const char *code = edu_retention_code(retention);

	if (!code || item < 1)
		return NULL;
	return edu_asprintf("%s-%d-%s-%04ld", fonds, year, code, item);
}
