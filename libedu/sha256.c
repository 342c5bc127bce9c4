/* sha256.c - SHA-256 (FIPS 180-4), for the audit chain and the digests of
 * imports.  Written here so the tools need no crypto library: loading
 * one cost every command a millisecond. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "edu.h"

/* The first 32 bits of the fractional parts of the cube roots of the
 * first 64 primes (K), and of the square roots of the first 8 (H0),
 * computed once rather than copied: the unit test checks the result on
 * the standard's examples. */
static uint32_t K[64], H0[8];

static uint32_t frac32(long double x)
{
	return (uint32_t)((x - floorl(x)) * 4294967296.0L);
}

static void init_constants(void)
{
	int n = 0;

	for (int p = 2; n < 64; p++) {
		int prime = 1;
		for (int d = 2; d * d <= p && prime; d++)
			prime = p % d != 0;
		if (!prime)
			continue;
		if (n < 8)
			H0[n] = frac32(sqrtl((long double)p));
		K[n++] = frac32(cbrtl((long double)p));
	}
}

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, k;

	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
			      ((e & f) ^ (~e & g)) + K[i] + w[i];
		uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
			      ((a & b) ^ (a & c) ^ (b & c));
		k = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d;
	h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

void edu_sha256_init(struct edu_sha256 *s)
{
	if (!K[0])
		init_constants();
	memcpy(s->h, H0, sizeof s->h);
	s->len = 0;
	s->n = 0;
}

void edu_sha256_add(struct edu_sha256 *s, const void *data, size_t len)
{
	const unsigned char *p = data;

	s->len += len;
	if (s->n) {
		size_t k = 64 - s->n < len ? 64 - s->n : len;
		memcpy(s->buf + s->n, p, k);
		s->n += k, p += k, len -= k;
		if (s->n < 64)
			return;
		block(s->h, s->buf);
		s->n = 0;
	}
	for (; len >= 64; p += 64, len -= 64)
		block(s->h, p);
	memcpy(s->buf, p, len);
	s->n = len;
}

void edu_sha256_end(struct edu_sha256 *s, unsigned char md[32])
{
	uint64_t bits = (uint64_t)s->len * 8;
	unsigned char pad[72] = { 0x80 };
	size_t k = (s->n < 56 ? 56 : 120) - s->n;

	for (int i = 0; i < 8; i++)
		pad[k + i] = (unsigned char)(bits >> (56 - 8 * i));
	edu_sha256_add(s, pad, k + 8);
	for (int i = 0; i < 8; i++) {
		md[4 * i] = (unsigned char)(s->h[i] >> 24);
		md[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
		md[4 * i + 2] = (unsigned char)(s->h[i] >> 8);
		md[4 * i + 3] = (unsigned char)s->h[i];
	}
}
