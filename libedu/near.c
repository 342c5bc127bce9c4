/* near.c - "did you mean ...?": the name nearest to a misspelt word */
#include <ctype.h>
#include <string.h>

#include "edu.h"

/* Long enough for any verb, column or alias; a longer word is not
 * a misspelling of one. */
#define NEAR_MAX 48

/* The code points of a UTF-8 string, ASCII letters folded to lower case
 * (column names match case-insensitively, and `Import` is import).  A
 * Chinese alias counts one per character, not three per byte.  Returns
 * how many, or -1 when s is too long. */
static int code_points(const char *s, int *cp)
{
	int n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; n++) {
		int c = *p++, more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;

		if (n == NEAR_MAX)
			return -1;
		if (more)
			c &= 0x3f >> more;
		for (; more && (*p & 0xc0) == 0x80; more--)
			c = c << 6 | (*p++ & 0x3f);
		cp[n] = c < 0x80 ? tolower(c) : c;
	}
	return n;
}

/* Edit distance with adjacent transpositions (optimal string alignment):
 * brith_date is one step from birth_date, as improt is from import. */
static int distance(const int *a, int na, const int *b, int nb)
{
	int d[NEAR_MAX + 1][NEAR_MAX + 1];

	for (int i = 0; i <= na; i++)
		d[i][0] = i;
	for (int j = 0; j <= nb; j++)
		d[0][j] = j;
	for (int i = 1; i <= na; i++)
		for (int j = 1; j <= nb; j++) {
			int sub = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			int del = d[i - 1][j] + 1, ins = d[i][j - 1] + 1;
			int best = sub < del ? sub : del;

			if (ins < best)
				best = ins;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	return d[na][nb];
}

void edu_near_init(struct edu_near *n, const char *word)
{
	*n = (struct edu_near){ .word = word, .dist = -1 };
}

void edu_near_try(struct edu_near *n, const char *name, size_t len)
{
	int a[NEAR_MAX], b[NEAR_MAX], na, nb;
	char s[NEAR_MAX * 4 + 1];

	if (len > sizeof s - 1)
		return;
	memcpy(s, name, len);
	s[len] = '\0';
	na = code_points(n->word, a);
	nb = code_points(s, b);
	if (na < 0 || nb < 0)
		return;
	/* A slip of a finger, not another word: one edit in a short word,
	 * two up to eight characters, three beyond; never the whole word
	 * (`ls` is not one edit from `id`). */
	int most = na <= 4 ? 1 : na <= 8 ? 2 : 3, d = distance(a, na, b, nb);

	if (d > most || d >= na || d >= nb || (n->dist >= 0 && d >= n->dist))
		return;
	n->dist = d;
	memcpy(n->best, s, len + 1);
}

const char *edu_near_best(const struct edu_near *n)
{
	return n->dist >= 0 ? n->best : NULL;
}
