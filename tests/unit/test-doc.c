/* test-doc.c - document numbers, secrecy periods, retention and archive
 * codes of libedu/doc.c (DESIGN 8), on fixed dates. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

static void is_free(char *got, const char *want, const char *what)
{
	is(got, want, "%s", what);
	free(got);
}

static void is_day(int got, int y, int m, int d, const char *what)
{
	char a[11], b[11];

	is(got < 0 ? "none" : edu_date_str(got, a), edu_date_str(edu_days(y, m, d), b),
	   "%s", what);
}

static void test_numbers(void)
{
	is_free(edu_doc_number("西教发", 2026, 12), "西教发〔2026〕12号",
		"the twelfth 西教发 of 2026 (GB/T 9704 example)");
	is_free(edu_doc_number("西教发", 2026, 1), "西教发〔2026〕1号",
		"the first: no leading zeros");
	is_free(edu_doc_number("京教办", 2027, 1234), "京教办〔2027〕1234号",
		"four digits, another prefix and year");
	char *a = edu_doc_seq_scope("西教发", 2026), *b = edu_doc_seq_scope("西教发", 2027);
	char *c = edu_doc_seq_scope("西教办", 2026);
	ok(strcmp(a, b) && strcmp(a, c) && strcmp(b, c),
	   "each prefix and year has its own sequence");
	free(a);
	free(b);
	free(c);
}

static void test_secrecy(void)
{
	ok(edu_secrecy_years("绝密") == 30, "绝密: 30 years");
	ok(edu_secrecy_years("机密") == 20, "机密: 20 years");
	ok(edu_secrecy_years("秘密") == 10, "秘密: 10 years");
	ok(edu_secrecy_years("none") == 0, "none: no period");
	ok(edu_secrecy_years(NULL) == 0, "NULL: no period");
	is_day(edu_secrecy_ends(edu_days(2026, 3, 2), 20), 2046, 3, 2,
	       "机密 of 2026-03-02 ends on 2046-03-02");
	is_day(edu_secrecy_ends(edu_days(2024, 2, 29), 10), 2034, 2, 28,
	       "a period from 29 February ends on 28 February");
	ok(edu_secrecy_ends(edu_days(2026, 1, 1), 0) == -1, "no period, no end");
}

static void test_retention(void)
{
	ok(edu_retention_years("30y") == 30, "30y: 30 years");
	ok(edu_retention_years("10y") == 10, "10y: 10 years");
	ok(edu_retention_years("permanent") == 0, "permanent: kept");
	ok(edu_retention_years(NULL) == -1, "NULL: unknown");
	is_day(edu_retention_ends(2026, "10y"), 2037, 1, 1,
	       "a 2026 file kept 10 years runs out on 2037-01-01");
	is_day(edu_retention_ends(2026, "30y"), 2057, 1, 1,
	       "a 2026 file kept 30 years runs out on 2057-01-01");
	ok(edu_retention_ends(2026, "permanent") == -1, "a permanent file never runs out");
}

static void test_archive_codes(void)
{
	is_free(edu_archive_code("J001", 2026, "30y", 12), "J001-2026-D30-0012",
		"fonds, year, retention code, item of 4 digits");
	is_free(edu_archive_code("J001", 2026, "permanent", 1), "J001-2026-Y-0001",
		"permanent is Y");
	is_free(edu_archive_code("0123", 2025, "10y", 10000), "0123-2025-D10-10000",
		"an item past 9999 keeps every digit");
	ok(edu_archive_code("J001", 2026, "5y", 1) == NULL, "an unknown retention has no code");
	ok(edu_archive_code("J001", 2026, "10y", 0) == NULL, "item numbers start at 1");
}

int main(void)
{
	test_numbers();
	test_secrecy();
	test_retention();
	test_archive_codes();
	return done_testing();
}
