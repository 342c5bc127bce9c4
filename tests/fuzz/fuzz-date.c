/* fuzz-date.c - libFuzzer target for the date parsers (libedu/date.c,
 * edu_parse_month in libedu/assets.c).
 *
 * The input, cut at 64 bytes and its first NUL, is parsed as a date and as
 * a month.  A date that parses prints as YYYY-MM-DD and parses back to
 * the same day; the day number and year-month-day agree both ways; adding
 * months and taking them away again never moves past the month's end.
 * A month that parses prints and parses back the same. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

static const char *in;

#define CHECK(c) do { if (!(c)) { fprintf(stdout, "invariant failed: %s (%s:%d) input '%s'\n", \
	#c, __FILE__, __LINE__, in); fflush(stdout); abort(); } } while (0)

static void fuzz_day(void)
{
	int d, d2, y, m, dd;
	char s[11];

	if (edu_parse_date(in, &d) < 0)
		return;
	edu_date_str(d, s);
	CHECK(strlen(s) == 10 && s[4] == '-' && s[7] == '-');
	CHECK(edu_parse_date(s, &d2) == 0 && d2 == d);
	edu_ymd(d, &y, &m, &dd);
	CHECK(m >= 1 && m <= 12 && dd >= 1 && dd <= 31);
	CHECK(edu_days(y, m, dd) == d);
	CHECK(edu_weekday(d) >= 1 && edu_weekday(d) <= 7);
	CHECK(edu_weekday(d + 7) == edu_weekday(d));
	for (int k = -25; k <= 25; k += 5) {
		int a = edu_add_months(d, k), ay, am, ad;

		edu_ymd(a, &ay, &am, &ad);
		CHECK((ay * 12 + am) - (y * 12 + m) == k);
		CHECK(ad <= dd);
		/* A day moves only to the last day of a shorter month. */
		if (ad != dd) {
			int ny, nm, nd;
			edu_ymd(a + 1, &ny, &nm, &nd);
			CHECK(nd == 1);
		}
	}
	CHECK(edu_add_months(d, 0) == d);
}

static void fuzz_month(void)
{
	int mo, mo2;
	char s[8];

	if (edu_parse_month(in, &mo) < 0)
		return;
	edu_month_str(mo, s);
	CHECK(strlen(s) == 7 && s[4] == '-');
	CHECK(edu_parse_month(s, &mo2) == 0 && mo2 == mo);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[65];
	size_t n = size < 64 ? size : 64;

	memcpy(buf, data, n);
	buf[n] = '\0';
	in = buf;
	fuzz_day();
	fuzz_month();
	return 0;
}
