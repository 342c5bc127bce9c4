/* test-pattern.c - the one expander of number patterns (libedu/pattern.c):
 * placeholders from the caller's table, one {seq:N}, and its overflow
 * rule: a serial that needs more than N digits is refused. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

static const struct edu_placeholder ph[] = {
	{ "unit", "2111010201" }, { "year", "2026" }, { "kind", "XF" }, { "none", NULL },
};

/* The number, or the error text. */
static const char *expand(const char *pattern, int64_t seq)
{
	static struct edu_buf b;
	static char err[EDU_ERR_MAX];

	if (edu_pattern_expand(pattern, ph, 4, seq, &b, err) < 0)
		return err;
	return b.s;
}

static void test_values(void)
{
	/* Worked by hand: 42 in 5 digits is 00042. */
	is(expand("{unit}-{year}-{seq:5}", 42), "2111010201-2026-00042", "unit, year, serial of 5");
	is(expand("{kind}-{year}-{seq:5}", 1), "XF-2026-00001", "a case number's shape");
	is(expand("{seq:1}", 9), "9", "one digit holds 9");
	is(expand("{seq:3}", 999), "999", "three digits hold 999 exactly");
	is(expand("ZC{seq:8}", 7), "ZC00000007", "literal text before the serial");
	is(expand("{seq:2}号", 3), "03号", "and after it, UTF-8 kept");
	is(expand("{seq:12}", 999999999999LL), "999999999999", "12 digits at most");
	is(expand("{year}{seq:4}{unit}", -1), "2026*2111010201", "seq < 0: '*' for the scope");
	is(expand("{year}{seq:4}", 0), "20260000", "serial 0 is all zeros");

	struct edu_buf b = { 0 };
	char err[EDU_ERR_MAX];
	ok(edu_pattern_expand("N{seq:3}", NULL, 0, 12, &b, err) == 0 && !strcmp(b.s, "N012"),
	   "an empty table: the serial alone");
	ok(edu_pattern_expand("{unit}{seq:3}", NULL, 0, 12, &b, err) < 0, "... and no placeholder");
	edu_buf_free(&b);
}

static void test_overflow(void)
{
	is(expand("{seq:1}", 10), "serial 10 needs more than the 1 digits of {seq:1} in the pattern '{seq:1}'",
	   "10 does not fit in one digit");
	is(expand("{unit}-{year}-{seq:5}", 100000),
	   "serial 100000 needs more than the 5 digits of {seq:5} in the pattern '{unit}-{year}-{seq:5}'",
	   "100000 in {seq:5} is refused, not widened");
	is(expand("{seq:3}", 1000), "serial 1000 needs more than the 3 digits of {seq:3} in the pattern '{seq:3}'",
	   "1000 in {seq:3}");
	is(expand("{seq:3}", -1), "*", "the scope never overflows");
}

static void test_refusals(void)
{
	is(expand("{unit}-{year}", 1), "the pattern '{unit}-{year}' needs exactly one {seq:N}",
	   "no serial");
	is(expand("{seq:2}{seq:2}", 1), "the pattern '{seq:2}{seq:2}' needs exactly one {seq:N}",
	   "two serials");
	is(expand("{colour}{seq:2}", 1),
	   "unknown placeholder {colour} in the pattern '{colour}{seq:2}' (known: {unit} {year} {kind} {none} {seq:N})",
	   "a placeholder not in the table, with the ones that are");
	is(expand("{none}{seq:2}", 1), "no value for {none} in the pattern '{none}{seq:2}'",
	   "a placeholder in the table without a value");
	is(expand("{seq:0}", 1), "{seq:0} in the pattern '{seq:0}' needs a width from 1 to 12", "width 0");
	is(expand("{seq:13}", 1), "{seq:13} in the pattern '{seq:13}' needs a width from 1 to 12", "width 13");
	is(expand("{seq:x}", 1), "{seq:x} in the pattern '{seq:x}' needs a width from 1 to 12", "width x");
	is(expand("{seq:}", 1), "{seq:} in the pattern '{seq:}' needs a width from 1 to 12", "no width");
	is(expand("{seq:3", 1), "'{' without '}' in the pattern '{seq:3'", "an unclosed brace");
	is(expand("", 1), "the pattern '' needs exactly one {seq:N}", "an empty pattern");
}

int main(void)
{
	test_values();
	test_overflow();
	test_refusals();
	return done_testing();
}
