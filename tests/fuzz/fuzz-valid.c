/* fuzz-valid.c - libFuzzer target for the validators (libedu/valid.c).
 *
 * The input, cut at 100 bytes and at its first NUL, goes through every
 * validator with out and err buffers of exactly EDU_VAL_MAX and
 * EDU_ERR_MAX bytes on the heap, so a write past them is caught.  What
 * a validator accepts must be well formed and accepted again unchanged
 * (normalisation is idempotent); what it refuses comes with a reason. */
#define _GNU_SOURCE
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "edu.h"

#define CHECK(c) do { if (!(c)) { fprintf(stdout, "invariant failed: %s (%s:%d) input '%s'\n", \
	#c, __FILE__, __LINE__, in); fflush(stdout); abort(); } } while (0)

static const struct edu_enum sex[] = {
	{ "M", "男|男性" },
	{ "F", "女|女性" },
	{ NULL, NULL },
};

static char *out, *out2, *err;
static const char *in;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	out = malloc(EDU_VAL_MAX);
	out2 = malloc(EDU_VAL_MAX);
	err = malloc(EDU_ERR_MAX);
	if (!out || !out2 || !err)
		abort();
	return 0;
}

static void reset(void)
{
	memset(out, 0x5a, EDU_VAL_MAX);
	memset(out2, 0x5a, EDU_VAL_MAX);
	memset(err, 0x5a, EDU_ERR_MAX);
}

/* A result: 0 with a NUL-terminated out, or -1 with a reason. */
static int result(int rc)
{
	CHECK(rc == 0 || rc == -1);
	if (rc == 0)
		CHECK(memchr(out, '\0', EDU_VAL_MAX) != NULL);
	else
		CHECK(memchr(err, '\0', EDU_ERR_MAX) != NULL && err[0] != '\0');
	return rc;
}

static int id_shaped(const char *s)
{
	if (strlen(s) != 18)
		return 0;
	for (int i = 0; i < 17; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return isdigit((unsigned char)s[17]) || s[17] == 'X';
}

static void fuzz_id(void)
{
	int birth = -1, male = -1, birth2 = -1, male2 = -1;

	reset();
	if (result(edu_valid_id(in, out, &birth, &male, err)) < 0)
		return;
	CHECK(id_shaped(out));
	CHECK(edu_id_check_char(out) == out[17]);
	CHECK(male == ((out[16] - '0') % 2 == 1));
	CHECK(birth <= edu_today());
	char ymd[11];
	edu_date_str(birth, ymd);
	CHECK(!memcmp(ymd, out + 6, 4) && !memcmp(ymd + 5, out + 10, 2) &&
	      !memcmp(ymd + 8, out + 12, 2));
	if (strlen(in) == 18)
		CHECK(!strncmp(in, out, 17) && toupper((unsigned char)in[17]) == out[17]);
	else
		CHECK(strlen(in) == 15 && !strncmp(in, out, 6) && !strncmp(in + 6, out + 8, 9));
	CHECK(edu_valid_id(out, out2, &birth2, &male2, err) == 0);
	CHECK(!strcmp(out, out2) && birth == birth2 && male == male2);
	/* Without the optional results too. */
	CHECK(edu_valid_id(out, out2, NULL, NULL, err) == 0 && !strcmp(out, out2));
}

static void fuzz_student_no(void)
{
	reset();
	if (result(edu_valid_student_no(in, out, err)) < 0)
		return;
	CHECK(strlen(out) == 19 && strchr("GJL", out[0]));
	CHECK(strlen(in) == 19 && !strcasecmp(in, out));
	if (out[0] != 'L')
		CHECK(id_shaped(out + 1) && edu_id_check_char(out + 1) == out[18]);
	CHECK(edu_valid_student_no(out, out2, err) == 0 && !strcmp(out, out2));
}

static void fuzz_credit(void)
{
	reset();
	if (result(edu_valid_credit_code(in, out, err)) < 0)
		return;
	CHECK(strlen(out) == 18 && !strcasecmp(in, out));
	CHECK(edu_credit_check_char(out) == out[17]);
	for (const char *p = out; *p; p++)
		CHECK(isdigit((unsigned char)*p) || (isupper((unsigned char)*p) && !strchr("IOSVZ", *p)));
	CHECK(edu_valid_credit_code(out, out2, err) == 0 && !strcmp(out, out2));
}

static void fuzz_date(void)
{
	int d1, d2;

	reset();
	if (result(edu_valid_date(in, out, err)) < 0) {
		CHECK(edu_parse_date(in, &d1) < 0);
		return;
	}
	CHECK(strlen(out) == 10 && out[4] == '-' && out[7] == '-');
	CHECK(edu_parse_date(in, &d1) == 0 && edu_parse_date(out, &d2) == 0 && d1 == d2);
	char s[11];
	CHECK(!strcmp(edu_date_str(d1, s), out));
	CHECK(edu_valid_date(out, out2, err) == 0 && !strcmp(out, out2));
}

static void fuzz_phone(void)
{
	reset();
	if (result(edu_valid_phone(in, out, err)) < 0)
		return;
	CHECK(strlen(out) >= 7 && strspn(out, "0123456789-") == strlen(out));
	CHECK(edu_valid_phone(out, out2, err) == 0 && !strcmp(out, out2));
}

static void fuzz_int(long min, long max)
{
	reset();
	if (result(edu_valid_int(in, min, max, out, err)) < 0)
		return;
	char *end;
	long v = strtol(out, &end, 10);
	CHECK(*end == '\0' && v >= min && v <= max);
	CHECK(edu_valid_int(out, min, max, out2, err) == 0 && !strcmp(out, out2));
}

static void fuzz_enum(void)
{
	reset();
	if (result(edu_valid_enum(sex, in, out, err)) < 0)
		return;
	CHECK(!strcmp(out, "M") || !strcmp(out, "F"));
	CHECK(edu_valid_enum(sex, out, out2, err) == 0 && !strcmp(out, out2));
}

static void fuzz_utf8(const uint8_t *data, size_t size)
{
	size_t bad = (size_t)-1;

	if (edu_valid_utf8((const char *)data, size, &bad) == 0)
		return;
	/* Everything before the bad byte is fine. */
	CHECK(bad < size);
	CHECK(edu_valid_utf8((const char *)data, bad, NULL) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[101];
	size_t n = size < 100 ? size : 100;

	memcpy(buf, data, n);
	buf[n] = '\0';
	in = buf;
	fuzz_id();
	fuzz_student_no();
	fuzz_credit();
	fuzz_date();
	fuzz_phone();
	fuzz_int(0, 100);
	fuzz_int(-5, 5);
	fuzz_int(LONG_MIN, LONG_MAX);
	fuzz_enum();
	fuzz_utf8(data, size);
	fuzz_utf8((const uint8_t *)buf, strlen(buf));
	return 0;
}
