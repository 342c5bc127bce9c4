/* test-valid.c - the validators of libedu/valid.c: resident ID numbers
 * (GB 11643), student numbers, credit codes (GB 32100), dates, phones,
 * whole numbers, enumerations and UTF-8. */
#include <limits.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

static char out[EDU_VAL_MAX], err[EDU_ERR_MAX];

/* The test oracle, written from the definition of ISO 7064 MOD 11-2
 * (GB 11643) and not from libedu/valid.c: number the 18 characters from
 * the right from 1; character i weighs 2^(i-1) mod 11; the check
 * character (i = 1, X standing for 10) is the one of the eleven that
 * makes the weighted sum 1 mod 11.  It tries each. */
static char id_check(const char *s17)
{
	static const char chars[] = "0123456789X";

	for (int c = 0; c < 11; c++) {
		int sum = c, w = 1;

		for (int i = 16; i >= 0; i--) {
			w = w * 2 % 11;
			sum += (s17[i] - '0') * w;
		}
		if (sum % 11 == 1)
			return chars[c];
	}
	return '?';
}

/* 17 digits completed with their check char into buf[19]. */
static const char *with_check(const char *s17, char buf[19])
{
	memcpy(buf, s17, 17);
	buf[17] = id_check(s17);
	buf[18] = '\0';
	return buf;
}

/* The oracle against the examples printed in GB 11643 (and the weights
 * the standard lists, 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2: a 1 in one
 * place and 0 elsewhere has the check character that weight implies). */
static void test_id_oracle(void)
{
	static const int listed[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	int agree = 1;

	ok(id_check("11010519491231002") == 'X', "oracle: GB 11643's 11010519491231002X");
	ok(id_check("44052418800101001") == '4', "oracle: GB 11643's 440524188001010014");
	for (int pos = 0; pos < 17; pos++) {
		char s[18];

		memset(s, '0', 17);
		s[17] = '\0';
		s[pos] = '1';
		/* sum = weight + c must be 1 mod 11 */
		int c = ((1 - listed[pos]) % 11 + 11) % 11;
		if (id_check(s) != "0123456789X"[c])
			agree = 0;
	}
	ok(agree, "oracle: the weights are the standard's");
}

/* Of the eleven possible last characters, edu_valid_id accepts exactly
 * the oracle's, over prefixes with a valid area and birth date. */
static void test_id_sweep(void)
{
	int wrong = 0, n = 0;

	for (int k = 0; k < 400; k++) {
		char s[19], buf[EDU_VAL_MAX];

		snprintf(s, sizeof s, "1101%02d%04d%02d%02d%03d", k % 20 + 1,
			 1950 + k % 70, k % 12 + 1, k % 28 + 1, k * 37 % 1000);
		char want = id_check(s);
		for (const char *c = "0123456789X"; *c; c++) {
			s[17] = *c;
			s[18] = '\0';
			int accepted = edu_valid_id(s, buf, NULL, NULL, err) == 0;
			if (accepted != (*c == want)) {
				if (wrong++ < 5)
					printf("# %s: %s\n", s, accepted ? "accepted" : "refused");
			}
			n++;
		}
	}
	ok(wrong == 0, "edu_valid_id accepts just the oracle's check character (%d of %d differ)",
	   wrong, n);
}

static void test_id_examples(void)
{
	static const char *const good[] = { "11010519491231002X", "440524188001010014" };
	int birth, male;

	for (int k = 0; k < 2; k++) {
		const char *id = good[k];

		memset(out, 0, sizeof out);
		ok(edu_valid_id(id, out, NULL, NULL, err) == 0, "GB 11643 example %s is valid", id);
		is(out, id, "%s normalises to itself", id);

		/* Every single-character change must be caught: the check char
		 * of MOD 11-2 detects each substitution. */
		for (int pos = 0; pos < 18; pos++) {
			const char *alphabet = pos == 17 ? "0123456789X" : "0123456789";
			int tried = 0, accepted = 0;
			char s[19];

			for (const char *c = alphabet; *c; c++) {
				if (*c == id[pos])
					continue;
				strcpy(s, id);
				s[pos] = *c;
				tried++;
				if (edu_valid_id(s, out, NULL, NULL, err) == 0) {
					accepted++;
					printf("# accepted the altered %s\n", s);
				}
			}
			ok(tried == (pos == 17 ? 10 : 9) && accepted == 0,
			   "%s: all %d changes at position %d refused", id, tried, pos + 1);
		}
	}

	ok(edu_valid_id("11010519491231002X", out, &birth, &male, err) == 0, "birth and sex");
	ok(birth == edu_days(1949, 12, 31), "birth of 11010519491231002X is 1949-12-31 (%d)", birth);
	ok(male == 0, "17th char 2 is even: female");
	ok(edu_valid_id("440524188001010014", out, &birth, &male, err) == 0, "an 1880 birth");
	ok(birth == edu_days(1880, 1, 1), "birth of 440524188001010014 is 1880-01-01");
	ok(male == 1, "17th char 1 is odd: male");
}

static void test_id_forms(void)
{
	int birth = -1, male = -1;
	char buf[19];

	ok(edu_valid_id("11010519491231002x", out, NULL, NULL, err) == 0, "lowercase x accepted");
	is(out, "11010519491231002X", "lowercase x normalised to X");

	ok(edu_valid_id("110105491231002", out, &birth, &male, err) == 0, "15-digit legacy number");
	is(out, "11010519491231002X", "15 digits upgraded to 18");
	ok(birth == edu_days(1949, 12, 31), "legacy birth is 1949-12-31");
	ok(male == 0, "legacy sex female");
	ok(edu_valid_id("440524800101001", out, &birth, &male, err) == 0, "another 15-digit number");
	is(out, with_check("44052419800101001", buf), "upgraded with its check char");
	ok(birth == edu_days(1980, 1, 1) && male == 1, "legacy birth 1980-01-01, male");
	ok(edu_valid_id("11010549123100X", out, NULL, NULL, err) < 0, "15 chars with a letter refused");
	ok(edu_valid_id("110105491302002", out, NULL, NULL, err) < 0, "15 digits, 1949-13-02 refused");

	static const char *const badlen[] = {
		"", "1", "11010519491231002", "11010519491231002X0", "1101051949123100",
		"11010519491231002XX", "110105 9491231002X",
	};
	for (size_t i = 0; i < sizeof badlen / sizeof *badlen; i++)
		ok(edu_valid_id(badlen[i], out, NULL, NULL, err) < 0 && err[0],
		   "'%s' refused with a reason (%s)", badlen[i], err);

	ok(edu_valid_id("1101051949123100Y", out, NULL, NULL, err) < 0, "17 chars and Y refused");
	ok(edu_valid_id("11010519491231002Y", out, NULL, NULL, err) < 0, "check char Y refused");
	ok(edu_valid_id("1101051949123100XX", out, NULL, NULL, err) < 0, "X in position 17 refused");

	/* Area code: a made-up province 99, with a correct check char. */
	err[0] = '\0';
	ok(edu_valid_id(with_check("99010519491231002", buf), out, NULL, NULL, err) < 0,
	   "area code 990105 refused");
	ok(strstr(err, "area") != NULL, "the reason names the area code: %s", err);
	ok(edu_valid_id(with_check("00010519491231002", buf), out, NULL, NULL, err) < 0,
	   "area code 000105 refused");

	/* Birth dates that are no dates, or in the future. */
	err[0] = '\0';
	ok(edu_valid_id(with_check("11010519490230002", buf), out, NULL, NULL, err) < 0,
	   "birth 1949-02-30 refused");
	ok(strstr(err, "birth") != NULL, "the reason names the birth date: %s", err);
	ok(edu_valid_id(with_check("11010520230229002", buf), out, NULL, NULL, err) < 0,
	   "birth 2023-02-29 refused");
	ok(edu_valid_id(with_check("11010520240229002", buf), out, NULL, NULL, err) == 0,
	   "birth 2024-02-29 accepted");
	ok(edu_valid_id(with_check("11010519491301002", buf), out, NULL, NULL, err) < 0,
	   "birth month 13 refused");
	ok(edu_valid_id(with_check("11010519490100002", buf), out, NULL, NULL, err) < 0,
	   "birth day 00 refused");
	ok(edu_valid_id(with_check("11010520990101002", buf), out, NULL, NULL, err) < 0,
	   "birth 2099-01-01 (future) refused");
	ok(edu_valid_id(with_check("11010517991231002", buf), out, NULL, NULL, err) < 0,
	   "birth 1799-12-31 refused");

	/* edu_id_check_char agrees with the independent computation. */
	ok(edu_id_check_char("11010519491231002") == 'X', "check char of the example is X");
	ok(edu_id_check_char("44052418800101001") == '4', "check char of the second example is 4");
	int agree = 1;
	for (int i = 0; i < 1000; i++) {
		char s[18];

		snprintf(s, sizeof s, "110105200001%05d", i * 97 % 100000);
		if (edu_id_check_char(s) != id_check(s))
			agree = 0;
	}
	ok(agree, "edu_id_check_char agrees on 1000 numbers");
}

static void test_student_no(void)
{
	ok(edu_valid_student_no("G11010519491231002X", out, err) == 0, "G + ID valid");
	is(out, "G11010519491231002X", "G number unchanged");
	ok(edu_valid_student_no("g11010519491231002x", out, err) == 0, "lowercase g and x");
	is(out, "G11010519491231002X", "G number normalised to capitals");
	ok(edu_valid_student_no("J440524188001010014", out, err) == 0, "J + ID-shaped valid");
	is(out, "J440524188001010014", "J number unchanged");
	ok(edu_valid_student_no("L110105201509010001", out, err) == 0, "L number valid");
	is(out, "L110105201509010001", "L number unchanged");
	ok(edu_valid_student_no("l110105201509010001", out, err) == 0, "lowercase l accepted");
	is(out, "L110105201509010001", "L normalised");

	static const char *const bad[] = {
		"", "G", "X11010519491231002X", "11010519491231002X",
		"G11010519491231002", "G11010519491231002X1", "G11010519491231003X",
		"G110105491231002", "J11010519491231002Y", "L11010520150901000",
		"L1101052015090100011", "L11010520150230 001", "L110105201502300001",
		"L990105201509010001", "L11010520990101000A", "L110105209901010001",
		"G 11010519491231002X",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err[0] = '\0';
		ok(edu_valid_student_no(bad[i], out, err) < 0 && err[0],
		   "student number '%s' refused (%s)", bad[i], err);
	}
}

static void test_credit_code(void)
{
	const char *good = "91350100M000100Y43";
	const char *allowed = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	char s[19];

	ok(edu_valid_credit_code(good, out, err) == 0, "%s valid", good);
	is(out, good, "credit code unchanged");
	ok(edu_credit_check_char("91350100M000100Y4") == '3', "its check char is 3");
	ok(edu_valid_credit_code("91350100m000100y43", out, err) == 0, "lowercase accepted");
	is(out, good, "lowercase normalised");

	int accepted = 0, tried = 0;
	for (const char *c = allowed; *c; c++) {
		if (*c == '3')
			continue;
		strcpy(s, good);
		s[17] = *c;
		tried++;
		if (edu_valid_credit_code(s, out, err) == 0)
			accepted++;
	}
	ok(tried == 30 && accepted == 0, "all 30 other check chars refused");
	accepted = 0;
	for (int pos = 0; pos < 17; pos++)
		for (const char *c = allowed; *c; c++) {
			if (*c == good[pos])
				continue;
			strcpy(s, good);
			s[pos] = *c;
			if (edu_valid_credit_code(s, out, err) == 0)
				accepted++;
		}
	ok(accepted == 0, "every single change in the first 17 chars refused (%d accepted)", accepted);

	for (const char *c = "IOSVZios"; *c; c++) {
		strcpy(s, good);
		s[8] = *c;	/* the M */
		err[0] = '\0';
		ok(edu_valid_credit_code(s, out, err) < 0 && err[0],
		   "forbidden letter %c refused (%s)", *c, err);
	}
	ok(edu_valid_credit_code("91350100M000100Y4", out, err) < 0, "17 chars refused");
	ok(edu_valid_credit_code("91350100M000100Y433", out, err) < 0, "19 chars refused");
	ok(edu_valid_credit_code("", out, err) < 0, "empty refused");
	ok(edu_valid_credit_code("91350100M000100Y4-", out, err) < 0, "'-' refused");
}

static void test_dates(void)
{
	static const char *const good[] = {
		"2026-09-01", "2026/9/1", "2026年9月1日", "2026-9-1", "2026/09/01", "2026年09月01日",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		memset(out, 0, sizeof out);
		ok(edu_valid_date(good[i], out, err) == 0, "date '%s' accepted", good[i]);
		is(out, "2026-09-01", "'%s' normalised", good[i]);
	}
	ok(edu_valid_date("2024-02-29", out, err) == 0, "2024-02-29 accepted");
	is(out, "2024-02-29", "leap day kept");
	ok(edu_valid_date("2000-02-29", out, err) == 0, "2000-02-29 accepted (400 rule)");
	ok(edu_valid_date("2026-12-31", out, err) == 0, "2026-12-31 accepted");
	static const char *const bad[] = {
		"2026-02-29", "2024-13-01", "20260901", "", "2026-09-01x", "1900-02-29",
		"2026-00-10", "2026-04-31", "2026-09-00", "2026-9/1", "26-09-01",
		" 2026-09-01", "2026-09-01 ", "2026-009-01", "2026年9月", "2026-09-", "abc",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err[0] = '\0';
		ok(edu_valid_date(bad[i], out, err) < 0 && err[0], "date '%s' refused", bad[i]);
	}
}

static void test_phones(void)
{
	static const struct { const char *in, *want; } good[] = {
		{ "13812345678", "13812345678" },
		{ "010-66012345", "010-66012345" },
		{ "0755-12345678-123", "0755-12345678-123" },
		{ "66012345", "66012345" },
		{ "+86 138 1234 5678", "13812345678" },
		{ "+8613812345678", "13812345678" },
		{ "(010)66012345", "010-66012345" },
		{ "6601234", "6601234" },
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		memset(out, 0, sizeof out);
		ok(edu_valid_phone(good[i].in, out, err) == 0, "phone '%s' accepted", good[i].in);
		is(out, good[i].want, "phone '%s' normalised", good[i].in);
	}
	static const char *const bad[] = {
		"12345", "010-012345", "abc", "", "1381234567", "138123456789",
		"12812345678", "010-66012345-", "010-66012345-1234567", "01-66012345",
		"010-660123456", "138-1234-5678x",
		"1)))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err[0] = '\0';
		ok(edu_valid_phone(bad[i], out, err) < 0 && err[0], "phone '%s' refused", bad[i]);
	}
}

static void test_ints(void)
{
	ok(edu_valid_int("42", 0, 100, out, err) == 0, "42 in 0..100");
	is(out, "42", "42");
	ok(edu_valid_int("0", 0, 100, out, err) == 0, "0 at the low end");
	ok(edu_valid_int("100", 0, 100, out, err) == 0, "100 at the high end");
	ok(edu_valid_int("-5", -10, 10, out, err) == 0, "-5 in -10..10");
	is(out, "-5", "-5");
	ok(edu_valid_int("+7", 0, 10, out, err) == 0, "+7 accepted");
	is(out, "7", "+7 normalised to 7");
	ok(edu_valid_int("007", 0, 10, out, err) == 0, "007 accepted");
	is(out, "7", "007 normalised to 7");
	ok(edu_valid_int("101", 0, 100, out, err) < 0, "101 out of 0..100");
	ok(strstr(err, "range") != NULL, "the reason says range: %s", err);
	ok(edu_valid_int("-1", 0, 100, out, err) < 0, "-1 out of 0..100");
	static const char *const bad[] = {
		"", " 5", "5 ", "4.5", "abc", "-", "+", "1e3", "0x10", "5a", "--5",
		"99999999999999999999999", "-99999999999999999999999",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ok(edu_valid_int(bad[i], LONG_MIN, LONG_MAX, out, err) < 0,
		   "'%s' is not a whole number in range", bad[i]);
	snprintf(out, sizeof out, "%ld", LONG_MAX);
	char max[EDU_VAL_MAX];
	strcpy(max, out);
	ok(edu_valid_int(max, LONG_MIN, LONG_MAX, out, err) == 0, "LONG_MAX accepted");
	is(out, max, "LONG_MAX kept");
}

static void test_enums(void)
{
	static const struct edu_enum sex[] = {
		{ "M", "男|男性" },
		{ "F", "女|女性" },
		{ NULL, NULL },
	};
	static const struct edu_enum kind[] = {
		{ "public", "公办" },
		{ "private", "民办" },
		{ "other", NULL },
		{ NULL, NULL },
	};
	static const struct { const struct edu_enum *e; const char *in, *want; } good[] = {
		{ sex, "M", "M" }, { sex, "m", "M" }, { sex, "F", "F" }, { sex, "f", "F" },
		{ sex, "男", "M" }, { sex, "男性", "M" }, { sex, "女", "F" }, { sex, "女性", "F" },
		{ kind, "public", "public" }, { kind, "PUBLIC", "public" },
		{ kind, "Private", "private" }, { kind, "民办", "private" },
		{ kind, "公办", "public" }, { kind, "other", "other" },
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		memset(out, 0, sizeof out);
		ok(edu_valid_enum(good[i].e, good[i].in, out, err) == 0, "enum '%s' accepted", good[i].in);
		is(out, good[i].want, "enum '%s' is %s", good[i].in, good[i].want);
	}
	static const struct { const struct edu_enum *e; const char *in; } bad[] = {
		{ sex, "" }, { sex, "X" }, { sex, "男女" }, { sex, "男|女" }, { sex, "男性x" },
		{ sex, "性" }, { sex, "MM" }, { sex, " M" }, { sex, "|" },
		{ kind, "公" }, { kind, "publi" }, { kind, "Other " },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		err[0] = '\0';
		ok(edu_valid_enum(bad[i].e, bad[i].in, out, err) < 0, "enum '%s' refused", bad[i].in);
	}
	edu_valid_enum(sex, "X", out, err);
	ok(strstr(err, "M") && strstr(err, "F"), "the reason lists the keys: %s", err);
}

static void test_utf8(void)
{
	static const struct { const char *s; size_t n; int valid; size_t bad; const char *what; } t[] = {
		{ "", 0, 1, 0, "empty" },
		{ "abc", 3, 1, 0, "ASCII" },
		{ "中文 text\t\r\n", 14, 1, 0, "Chinese, tab, CR, LF" },
		{ "\xf0\x9f\x98\x80", 4, 1, 0, "a 4-byte emoji" },
		{ "\xf4\x8f\xbf\xbf", 4, 1, 0, "U+10FFFF" },
		{ "\xef\xbb\xbf", 3, 1, 0, "U+FEFF" },
		{ "\xc2\x80", 2, 1, 0, "U+0080" },
		{ "a\xc0\xaf", 3, 0, 1, "overlong C0 AF" },
		{ "\xe0\x80\xaf", 3, 0, 0, "overlong E0 80 AF" },
		{ "\xf0\x80\x80\xaf", 4, 0, 0, "overlong 4-byte" },
		{ "ab\xed\xa0\x80", 5, 0, 2, "surrogate ED A0 80" },
		{ "\xed\xbf\xbf", 3, 0, 0, "surrogate ED BF BF" },
		{ "\xf4\x90\x80\x80", 4, 0, 0, "above U+10FFFF" },
		{ "中\xe6\x96", 5, 0, 3, "truncated at the end" },
		{ "\xe6\x96x", 3, 0, 0, "truncated before ASCII" },
		{ "\x80", 1, 0, 0, "a lone continuation byte" },
		{ "\xff", 1, 0, 0, "byte FF" },
		{ "\xf8\x88\x80\x80\x80", 5, 0, 0, "a 5-byte form" },
		{ "ab\0cd", 5, 0, 2, "a NUL" },
		{ "a\x01", 2, 0, 1, "control char 01" },
		{ "a\x1b[0m", 5, 0, 1, "ESC" },
		{ "\x7f", 1, 0, 0, "DEL" },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		size_t bad = 9999;
		int rc = edu_valid_utf8(t[i].s, t[i].n, &bad);

		if (t[i].valid)
			ok(rc == 0, "utf8: %s is valid", t[i].what);
		else
			ok(rc < 0 && bad == t[i].bad, "utf8: %s is invalid at byte %zu (got %zu)",
			   t[i].what, t[i].bad, bad);
	}
	ok(edu_valid_utf8("abc\xff", 3, NULL) == 0, "only n bytes are looked at");
	ok(edu_valid_utf8("\xff", 1, NULL) < 0, "bad may be NULL");
}

static void test_digits(void)
{
	ok(edu_valid_digits("110105", 6, out, err) == 0, "6 digits");
	is(out, "110105", "digits kept");
	ok(edu_valid_digits("11010", 6, out, err) < 0, "5 of 6 digits refused");
	ok(edu_valid_digits("11010a", 6, out, err) < 0, "a letter refused");
	ok(edu_valid_digits("1101050", 6, out, err) < 0, "7 of 6 digits refused");
}

int main(void)
{
	test_id_oracle();
	test_id_sweep();
	test_id_examples();
	test_id_forms();
	test_student_no();
	test_credit_code();
	test_dates();
	test_phones();
	test_ints();
	test_enums();
	test_utf8();
	test_digits();
	return done_testing();
}
