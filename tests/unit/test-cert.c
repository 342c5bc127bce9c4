/* test-cert.c - certificate numbers from patterns, the schools whose
 * graduates a kind is for, teacher categories and batch serials
 * (libedu/cert.c, DESIGN 8). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"
#include "tap.h"

static const char *number(const char *pattern, const struct edu_cert_fields *f,
			  int64_t seq)
{
	static struct edu_buf b;
	static char err[EDU_ERR_MAX];

	if (edu_cert_number(pattern, f, seq, &b, err) < 0)
		return err;
	return b.s;
}

static void test_numbers(void)
{
	struct edu_cert_fields t = { .year = 2026, .region = "110102", .province = "11",
				     .body = "101", .category = "2", .sex = "2" };
	struct edu_cert_fields g = { .year = 2026, .region = "110102",
				     .school = "2111010223", .category = "1", .sex = "1" };

	is(number(edu_cert_default_pattern("teacher"), &t, 1), "20261110122000001",
	   "teacher: year, province, body, type, sex, serial: 17 digits");
	is(number(edu_cert_default_pattern("teacher"), &t, 123456), "20261110122123456",
	   "teacher: the serial's six digits in full");
	is(number(edu_cert_default_pattern("teacher"), &t, 1234567),
	   "serial 1234567 needs more than the 6 digits of {seq:6} in the pattern '{year}{province}{body}{category}{sex}{seq:6}'", "a serial too long is refused");
	is(number(edu_cert_default_pattern("junior"), &g, 42), "20261101021000042",
	   "junior default: year, region, category, serial");
	is(number("{year}{region}{school}{seq:5}", &g, 7), "2026110102211101022300007",
	   "the pattern of DESIGN 8");
	is(number("GZ-{year}-{sex}-{seq:3}", &g, 12), "GZ-2026-1-012", "literal text is kept");
	is(number("{year}{school}{seq:4}", &g, -1), "20262111010223*",
	   "seq < 0 gives the scope of the serial");
	is(number("{year}{school}", &g, 1), "the pattern '{year}{school}' needs exactly one {seq:N}",
	   "a pattern without a serial cannot give unique numbers");
	is(number("{year}{seq:2}{seq:2}", &g, 1), "the pattern '{year}{seq:2}{seq:2}' needs exactly one {seq:N}",
	   "nor one with two");
	is(number("{year}{body}{seq:3}", &g, 1), "no value for {body} in the pattern '{year}{body}{seq:3}'",
	   "a placeholder the certificate has no value for");
	is(number("{year}{colour}{seq:3}", &g, 1), "unknown placeholder {colour} in the pattern '{year}{colour}{seq:3}' (known: {year} {region} {province} {body} {school} {category} {sex} {seq:N})", "an unknown placeholder");
	is(number("{year{seq:3}", &g, 1), "unknown placeholder {year{seq:3} in the pattern '{year{seq:3}' (known: {year} {region} {province} {body} {school} {category} {sex} {seq:N})",
	   "a malformed placeholder");
	is(number("{year}{seq:0}", &g, 1), "{seq:0} in the pattern '{year}{seq:0}' needs a width from 1 to 12", "width 0");
	is(number("{seq:3", &g, 1), "'{' without '}' in the pattern '{seq:3'", "an unclosed brace");
}

static void test_kinds(void)
{
	ok(edu_cert_qualifies("junior", "junior", 9), "junior: grade 9 at a junior school");
	ok(edu_cert_qualifies("junior", "nine-year", 9), "... at a nine-year school");
	ok(edu_cert_qualifies("junior", "complete", 9), "... at a complete school");
	ok(!edu_cert_qualifies("junior", "primary", 6), "not a primary graduate");
	ok(!edu_cert_qualifies("junior", "complete", 12), "not grade 12 of a complete school");
	ok(!edu_cert_qualifies("junior", "special", 9), "not a special school");
	ok(edu_cert_qualifies("senior", "senior", 12), "senior: grade 12 at a senior school");
	ok(edu_cert_qualifies("senior", "complete", 12), "... at a complete school");
	ok(!edu_cert_qualifies("senior", "vocational", 12), "not at a vocational school");
	ok(!edu_cert_qualifies("senior", "complete", 9), "not grade 9");
	ok(edu_cert_qualifies("vocational", "vocational", 12), "vocational: a vocational school");
	ok(!edu_cert_qualifies("vocational", "senior", 12), "... only");
	ok(!edu_cert_qualifies("teacher", "senior", 12), "no student gets a teacher certificate");
	ok(!edu_cert_qualifies(NULL, "senior", 12), "no kind");

	static const char *const cats[] = { "kindergarten", "primary", "junior", "senior",
		"vocational", "vocational-practice", "higher" };
	for (int i = 0; i < 7; i++)
		ok(edu_teacher_category_code(cats[i]) == i + 1, "%s is type %d", cats[i], i + 1);
	ok(edu_teacher_category_code("university") == -1, "an unknown category");
	ok(edu_cert_kind_code("junior") == 1 && edu_cert_kind_code("senior") == 2 &&
	   edu_cert_kind_code("vocational") == 3 && edu_cert_kind_code("teacher") == 4,
	   "kind codes 1-4");
	ok(edu_cert_kind_code("primary") == -1, "no primary certificate");
}

/* Batch serials continue the sequence table and land only on save. */
static void test_seqs(void)
{
	char path[] = "/tmp/test-cert.XXXXXX";
	int fd = mkstemp(path);
	sqlite3 *db;

	close(fd);
	unlink(path);
	if (edu_db_create(path, "tester") < 0 || !(db = edu_db_open(path, 1, 0))) {
		ok(0, "a database to test in");
		return;
	}
	edu_begin(db);
	ok(edu_seq_next(db, "cert.junior:a*") == 1, "the sequence takes 1");
	struct edu_seqs *q = edu_seqs_new(db);
	ok(edu_seqs_next(q, "cert.junior:a*") == 2, "a batch continues it");
	ok(edu_seqs_next(q, "cert.junior:b*") == 1, "another scope starts at 1");
	ok(edu_seqs_next(q, "cert.junior:a*") == 3, "back to the first scope");
	edu_seqs_save(q);
	edu_seqs_free(q);
	ok(edu_seq_next(db, "cert.junior:a*") == 4, "saved: no number handed out twice");
	ok(edu_seq_next(db, "cert.junior:b*") == 2, "... in either scope");
	edu_rollback(db);
	edu_begin(db);
	ok(edu_seq_next(db, "cert.junior:a*") == 1, "a rolled-back batch handed out none");
	edu_rollback(db);
	edu_db_close(db);
	unlink(path);
	char *wal = edu_asprintf("%s-wal", path), *shm = edu_asprintf("%s-shm", path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);
}

int main(void)
{
	test_numbers();
	test_kinds();
	test_seqs();
	return done_testing();
}
