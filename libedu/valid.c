/* valid.c - validators: ID numbers, student numbers, credit codes, dates,
 * phones, numbers, enumerations, UTF-8.  Each normalises into out. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "edu.h"

#define ERR(...) (snprintf(err, EDU_ERR_MAX, __VA_ARGS__), -1)

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* GB 11643: ISO 7064 MOD 11-2 over the first 17 digits. */
char edu_id_check_char(const char *first17)
{
	static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char map[] = "10X98765432";
	int s = 0;

	for (int i = 0; i < 17; i++)
		s += (first17[i] - '0') * w[i];
	return map[s % 11];
}

/* Province-level prefixes of the area codes of GB/T 2260 (and 81-83 for
 * Hong Kong, Macao and Taiwan residence permits). */
static int province_ok(const char *s)
{
	static const char *const p[] = {
		"11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
		"33", "34", "35", "36", "37", "41", "42", "43", "44", "45",
		"46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
		"65", "71", "81", "82", "83", NULL
	};

	for (int i = 0; p[i]; i++)
		if (s[0] == p[i][0] && s[1] == p[i][1])
			return 1;
	return 0;
}

/* Check the 8 digits YYYYMMDD at s: a real date, not after today.  No
 * lower bound past edu_parse_date's year 1800: the standard's own example,
 * 440524188001010014, was born in 1880. */
static int birth_ok(const char *s, int *days)
{
	/* Called for every row of a big import: no printf here. */
	char buf[11] = { s[0], s[1], s[2], s[3], '-', s[4], s[5], '-', s[6], s[7], '\0' };

	if (edu_parse_date(buf, days) < 0)
		return 0;
	return *days <= edu_today();
}

/* The checks shared by ID numbers and J student numbers. */
static int id18(const char *s, char *out, int *birth, int *male, char *err)
{
	int days;

	if (strlen(s) != 18)
		return ERR("must have 18 characters, not %zu", strlen(s));
	if (!all_digits(s, 17) || !(isdigit((unsigned char)s[17]) ||
				    s[17] == 'X' || s[17] == 'x'))
		return ERR("must be 17 digits and a digit or X");
	if (!province_ok(s))
		return ERR("area code '%.6s' is not a Chinese area code", s);
	if (!birth_ok(s + 6, &days))
		return ERR("birth date '%.8s' is not a valid date", s + 6);
	char want = edu_id_check_char(s);
	if (toupper((unsigned char)s[17]) != want)
		return ERR("check character is wrong (ISO 7064 MOD 11-2)");
	memcpy(out, s, 17);
	out[17] = want;
	out[18] = '\0';
	if (birth)
		*birth = days;
	if (male)
		*male = (s[16] - '0') % 2 == 1;
	return 0;
}

int edu_valid_id(const char *in, char *out, int *birth, int *male, char *err)
{
	size_t n = strlen(in);

	if (n == 15) {
		char s[19];

		if (!all_digits(in, 15))
			return ERR("a 15-digit ID number must be all digits");
		/* Legacy numbers: born 19YY, no check character. */
		memcpy(s, in, 6);
		memcpy(s + 6, "19", 2);
		memcpy(s + 8, in + 6, 9);
		s[17] = edu_id_check_char(s);
		s[18] = '\0';
		return id18(s, out, birth, male, err);
	}
	return id18(in, out, birth, male, err);
}

int edu_valid_student_no(const char *in, char *out, char *err)
{
	char tmp[EDU_VAL_MAX];
	char c = (char)toupper((unsigned char)in[0]);
	size_t n = strlen(in);
	int days;

	if (c == 'G' || c == 'J') {
		if (n != 19)
			return ERR("a %c number is %c and 18 characters", c, c);
		if (id18(in + 1, tmp, NULL, NULL, err) < 0)
			return -1;
		out[0] = c;
		strcpy(out + 1, tmp);
		return 0;
	}
	if (c == 'L') {
		if (n != 19 || !all_digits(in + 1, 18))
			return ERR("an L number is L, 6-digit area, 8-digit birth date and 4 digits");
		if (!province_ok(in + 1))
			return ERR("area code '%.6s' is not a Chinese area code", in + 1);
		if (!birth_ok(in + 7, &days))
			return ERR("birth date '%.8s' is not a valid date", in + 7);
		out[0] = 'L';
		strcpy(out + 1, in + 1);
		return 0;
	}
	return ERR("must start with G, J or L");
}

/* GB 32100: 31 characters (no I O Z S V), weights 3^i mod 31. */
static const char credit_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static int credit_value(char c)
{
	const char *p = c ? strchr(credit_chars, c) : NULL;

	return p ? (int)(p - credit_chars) : -1;
}

char edu_credit_check_char(const char *first17)
{
	static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	int s = 0;

	for (int i = 0; i < 17; i++) {
		int v = credit_value(first17[i]);

		if (v < 0)
			return '\0';
		s += v * w[i];
	}
	return credit_chars[(31 - s % 31) % 31];
}

int edu_valid_credit_code(const char *in, char *out, char *err)
{
	char s[19];
	size_t n = strlen(in);

	if (n != 18)
		return ERR("must have 18 characters, not %zu", n);
	for (int i = 0; i < 18; i++) {
		s[i] = (char)toupper((unsigned char)in[i]);
		if (credit_value(s[i]) < 0)
			return ERR("'%c' is not allowed (digits and capitals but I O S V Z)", in[i]);
	}
	s[18] = '\0';
	if (!all_digits(s + 2, 6))
		return ERR("characters 3-8 must be the area code");
	if (edu_credit_check_char(s) != s[17])
		return ERR("check character is wrong (GB 32100)");
	strcpy(out, s);
	return 0;
}

int edu_valid_date(const char *in, char *out, char *err)
{
	int days;

	if (edu_parse_date(in, &days) < 0)
		return ERR("'%s' is not a date (YYYY-MM-DD)", in);
	edu_date_str(days, out);
	return 0;
}

int edu_valid_phone(const char *in, char *out, char *err)
{
	char s[EDU_VAL_MAX];
	size_t n = 0;

	/* Drop spaces, a +86 country code and brackets round an area code. */
	if (!strncmp(in, "+86", 3))
		in += 3;
	for (const char *p = in; *p; p++) {
		if (*p == ' ' || *p == '(' || *p == ')') {
			if (*p == ')' && n > 0) {
				if (n + 2 >= sizeof s)
					return ERR("'%s' is not a phone number", in);
				s[n++] = '-';
			}
			continue;
		}
		if (!(isdigit((unsigned char)*p) || *p == '-') || n + 2 >= sizeof s)
			return ERR("'%s' is not a phone number", in);
		s[n++] = *p;
	}
	s[n] = '\0';
	if (n == 11 && s[0] == '1' && s[1] >= '3' && all_digits(s, 11)) {
		strcpy(out, s);
		return 0;
	}
	/* Landline: [0 + 2-3 digit area -] 7-8 digit number [- extension]. */
	const char *p = s;
	size_t k;
	if (s[0] == '0') {
		k = strspn(s, "0123456789");
		if ((k != 3 && k != 4) || s[k] != '-')
			goto bad;
		p = s + k + 1;
	}
	k = strspn(p, "0123456789");
	if (k < 7 || k > 8 || p[0] == '0')
		goto bad;
	p += k;
	if (*p == '-') {
		k = strspn(p + 1, "0123456789");
		if (k < 1 || k > 6)
			goto bad;
		p += 1 + k;
	}
	if (*p)
		goto bad;
	strcpy(out, s);
	return 0;
bad:
	return ERR("'%s' is not a phone number (mobile 1XXXXXXXXXX or landline 0XX-XXXXXXXX)", in);
}

int edu_valid_digits(const char *in, int n, char *out, char *err)
{
	if ((int)strlen(in) != n || !all_digits(in, (size_t)n))
		return ERR("must be %d digits", n);
	strcpy(out, in);
	return 0;
}

int edu_valid_int(const char *in, long min, long max, char *out, char *err)
{
	char *end;
	long v;

	if (!*in || !(isdigit((unsigned char)*in) || *in == '-' || *in == '+'))
		return ERR("'%s' is not a whole number", in);
	errno = 0;
	v = strtol(in, &end, 10);
	if (*end)
		return ERR("'%s' is not a whole number", in);
	/* strtol saturates: without this, 99999999999999999999 would pass
	 * as LONG_MAX. */
	if (errno == ERANGE)
		return ERR("'%s' is out of range (%ld to %ld)", in, min, max);
	if (v < min || v > max)
		return ERR("%ld is out of range (%ld to %ld)", v, min, max);
	snprintf(out, EDU_VAL_MAX, "%ld", v);
	return 0;
}

int edu_valid_enum(const struct edu_enum *e, const char *in, char *out,
		   char *err)
{
	struct edu_buf all = { 0 };

	for (const struct edu_enum *p = e; p->key; p++) {
		if (!strcasecmp(in, p->key))
			goto found;
		for (const char *z = p->zh; z && *z;) {
			size_t n = strcspn(z, "|");

			if (n == strlen(in) && !strncmp(z, in, n))
				goto found;
			z += n + (z[n] == '|');
		}
		continue;
found:
		strcpy(out, p->key);
		return 0;
	}
	for (const struct edu_enum *p = e; p->key; p++)
		edu_buf_printf(&all, "%s%s", p == e ? "" : ", ", p->key);
	snprintf(err, EDU_ERR_MAX, "'%s' is not one of %s", in, all.s);
	edu_buf_free(&all);
	return -1;
}

int edu_valid_utf8(const char *s, size_t n, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t len;
		unsigned cp, min;

		if (c < 0x80) {
			if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
				goto fail;
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0)
			len = 2, cp = c & 0x1f, min = 0x80;
		else if ((c & 0xf0) == 0xe0)
			len = 3, cp = c & 0x0f, min = 0x800;
		else if ((c & 0xf8) == 0xf0)
			len = 4, cp = c & 0x07, min = 0x10000;
		else
			goto fail;
		if (i + len > n)
			goto fail;
		for (size_t k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = cp << 6 | (p[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto fail;
		i += len;
	}
	return 0;
fail:
	if (bad)
		*bad = i;
	return -1;
}

int edu_word_in(const char *list, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = list; *p; p += strcspn(p, " ")) {
		p += strspn(p, " ");
		if (n && !strncmp(p, word, n) && (p[n] == ' ' || !p[n]))
			return 1;
	}
	return 0;
}

/* East Asian wide and fullwidth characters take two columns. */
static int cp_width(unsigned cp)
{
	if (cp == 0 || (cp >= 0x300 && cp <= 0x36f) || cp == 0x200b ||
	    (cp >= 0xfe00 && cp <= 0xfe0f))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
	    (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
	    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd))
		return 2;
	return 1;
}

size_t edu_text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;

	while (*p) {
		unsigned cp = *p;
		int len = 1;

		if (cp >= 0xf0 && p[1] && p[2] && p[3])
			cp = (cp & 7) << 18 | (p[1] & 63) << 12 | (p[2] & 63) << 6 | (p[3] & 63), len = 4;
		else if (cp >= 0xe0 && p[1] && p[2])
			cp = (cp & 15) << 12 | (p[1] & 63) << 6 | (p[2] & 63), len = 3;
		else if (cp >= 0xc0 && p[1])
			cp = (cp & 31) << 6 | (p[1] & 63), len = 2;
		w += cp_width(cp);
		p += len;
	}
	return w;
}
