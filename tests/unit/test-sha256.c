/* test-sha256: libedu's SHA-256 against the examples of FIPS 180-4 and
 * NIST's test vectors, whole and fed in odd pieces. */
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

static void hex_of(const unsigned char md[32], char out[65])
{
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
}

int main(void)
{
	static const struct {
		const char *in, *want;
	} v[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	};
	char hex[65];
	unsigned char md[32];

	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		edu_sha256_hex(v[i].in, strlen(v[i].in), hex);
		is(hex, v[i].want, "SHA-256 of a %zu-byte message", strlen(v[i].in));
		/* The same, one byte, then 63, then the rest: every path through
		 * the buffer. */
		struct edu_sha256 s;
		size_t n = strlen(v[i].in), a = n < 1 ? n : 1, b = n - a < 63 ? n - a : 63;
		edu_sha256_init(&s);
		edu_sha256_add(&s, v[i].in, a);
		edu_sha256_add(&s, v[i].in + a, b);
		edu_sha256_add(&s, v[i].in + a + b, n - a - b);
		edu_sha256_end(&s, md);
		hex_of(md, hex);
		is(hex, v[i].want, "... fed in pieces");
	}
	/* A million 'a's, in blocks that do not divide 64. */
	struct edu_sha256 s;
	char a[1000];
	memset(a, 'a', sizeof a);
	edu_sha256_init(&s);
	for (int i = 0; i < 1000; i++)
		edu_sha256_add(&s, a, sizeof a);
	edu_sha256_end(&s, md);
	hex_of(md, hex);
	is(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	   "SHA-256 of a million 'a's");
	/* Messages of 55, 56 and 64 bytes: the padding's three cases. */
	static const char *const pad[] = {
		"9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
		"b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
		"ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
	};
	static const int len[] = { 55, 56, 64 };
	for (int i = 0; i < 3; i++) {
		edu_sha256_hex(a, (size_t)len[i], hex);
		is(hex, pad[i], "SHA-256 of %d 'a's", len[i]);
	}
	/* One bit more, another digest. */
	char h1[65], h2[65];
	edu_sha256_hex("abc", 3, h1);
	edu_sha256_hex("abb", 3, h2);
	ok(strcmp(h1, h2) != 0, "one bit changes the digest");
	return done_testing();
}
