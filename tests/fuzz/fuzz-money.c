/* fuzz-money.c - libFuzzer target for amounts of money (edu_money_parse
 * and edu_money_str, libedu/assets.c).
 *
 * An amount that parses is a whole number of fen, never negative;
 * printed with two decimals it parses back to the same fen; a refusal
 * comes with a reason that fits its buffer. */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

static const char *in;
static char *err;

#define CHECK(c) do { if (!(c)) { fprintf(stdout, "invariant failed: %s (%s:%d) input '%s'\n", \
	#c, __FILE__, __LINE__, in); fflush(stdout); abort(); } } while (0)

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	if (!(err = malloc(EDU_ERR_MAX)))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[101], s[32], s2[32];
	size_t n = size < 100 ? size : 100;
	int64_t fen = -7, fen2;

	memcpy(buf, data, n);
	buf[n] = '\0';
	in = buf;
	memset(err, 0x5a, EDU_ERR_MAX);
	if (edu_money_parse(in, &fen, err) < 0) {
		CHECK(memchr(err, '\0', EDU_ERR_MAX) && err[0]);
		CHECK(fen == -7);
		return 0;
	}
	CHECK(fen >= 0);
	edu_money_str(fen, s);
	CHECK(strchr(s, '.') && strlen(strchr(s, '.')) == 3);
	CHECK(edu_money_parse(s, &fen2, err) == 0 && fen2 == fen);
	/* With the currency signs it also accepts. */
	snprintf(s2, sizeof s2, "¥%s元", s);
	CHECK(edu_money_parse(s2, &fen2, err) == 0 && fen2 == fen);
	/* Negative amounts print, for totals of refunds. */
	edu_money_str(-fen, s2);
	CHECK(fen == 0 || (s2[0] == '-' && !strcmp(s2 + 1, s)));
	return 0;
}
