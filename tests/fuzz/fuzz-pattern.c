/* fuzz-pattern.c - libFuzzer target for the number patterns: asset tags
 * (edu_asset_tag), document numbers (edu_doc_number) and archive codes
 * (edu_archive_code).
 *
 * The input's first 8 bytes are a serial, the rest (cut at its first NUL)
 * a pattern or a prefix.  A pattern is accepted only with exactly one
 * {seq:N} (libedu/pattern.c); the tag it makes holds the serial
 * zero-padded, or '*' for the scope, and two serials make two tags unless
 * the second needs more digits than N, which is refused.  A document number ends in
 * 〔year〕serial号 with no leading zero; an archive code is made only for
 * a known retention and a positive item. */
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

static int count_seq(const char *p)
{
	int n = 0;

	for (; (p = strstr(p, "{seq:")); p++)
		n++;
	return n;
}

static void fuzz_tag(int64_t seq)
{
	struct edu_buf a = { 0 }, b = { 0 }, scope = { 0 };
	char num[32];

	memset(err, 0x5a, EDU_ERR_MAX);
	if (edu_asset_tag(in, "2111010201", 2026, seq, &a, err) < 0) {
		CHECK(memchr(err, '\0', EDU_ERR_MAX) && err[0]);
		edu_buf_free(&a);
		return;
	}
	CHECK(a.s && strlen(a.s) == a.len);
	CHECK(count_seq(in) == 1);
	snprintf(num, sizeof num, "%" PRId64, seq);
	CHECK(strstr(a.s, num) != NULL);
	/* The next serial is another tag, or refused when it needs one
	 * digit more than {seq:N} has: never widened. */
	if (edu_asset_tag(in, "2111010201", 2026, seq + 1, &b, err) == 0)
		CHECK(strcmp(a.s, b.s) != 0);
	else
		CHECK(strstr(err, "needs more than the") != NULL);
	CHECK(edu_asset_tag(in, "2111010201", 2026, -1, &scope, err) == 0);
	CHECK(strchr(scope.s, '*') != NULL);
	edu_buf_free(&a);
	edu_buf_free(&b);
	edu_buf_free(&scope);
}

static void fuzz_doc(long serial)
{
	char tail[64];
	int year = 2000 + (int)(serial % 100 + 100) % 100;

	if (serial < 1)
		serial = 1;
	char *d = edu_doc_number(in, year, serial);
	CHECK(d != NULL);
	snprintf(tail, sizeof tail, "〔%d〕%ld号", year, serial);
	CHECK(strlen(d) >= strlen(tail) && !strcmp(d + strlen(d) - strlen(tail), tail));
	CHECK(!strncmp(d, in, strlen(in)));
	free(d);
	char *scope = edu_doc_seq_scope(in, year);
	CHECK(scope != NULL);
	free(scope);
}

static void fuzz_archive(long item)
{
	static const char *const ret[] = { "permanent", "30y", "10y", "5y", "", NULL };

	for (int i = 0; ret[i]; i++) {
		char *c = edu_archive_code(in, "WS", 2026, ret[i], item);
		if (!c) {
			CHECK(item < 1 || i >= 3);
			continue;
		}
		CHECK(item >= 1 && i < 3);
		CHECK(!strncmp(c, in, strlen(in)));
		CHECK(strstr(c, edu_retention_code(ret[i])) != NULL);
		free(c);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char buf[201];
	int64_t seq = 0;

	if (size < 8)
		return 0;
	memcpy(&seq, data, 8);
	data += 8, size -= 8;
	size_t n = size < 200 ? size : 200;
	memcpy(buf, data, n);
	buf[n] = '\0';
	in = buf;
	/* Serials are positive and below 10^18 (an {seq:18} holds them). */
	seq = (int64_t)((uint64_t)seq % 1000000000000000000ULL);
	fuzz_tag(seq);
	fuzz_doc((long)(seq % 100000));
	fuzz_archive((long)(seq % 20000) - 10);
	return 0;
}
