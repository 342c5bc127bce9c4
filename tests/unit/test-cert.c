/* test-cert.c - certificate numbers from patterns, the schools whose
 * graduates a kind is for, teacher categories and batch serials
 * (libedu/cert.c, DESIGN 8). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
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
/* One teacher applicant's row: the column refused, or "ok". */
static const char *teacher(const char *id, const char *name, const char *sex,
			   const char *birth, const char *category, const char *body,
			   char v[][EDU_VAL_MAX])
{
	const char *raw[EDU_CERT_NTEACHER] = { id, name, sex, birth, category, "语文", body };
	const char *col;
	char err[EDU_ERR_MAX];

	return edu_cert_teacher_row(raw, v, &col, err) < 0 ? col : "ok";
}

static void test_words(void)
{
	/* 11010519491231002X: born 1949-12-31, sequence 002 (even: a woman),
	 * check digit by MOD 11-2: the weighted sum 167, 167 mod 11 = 2 -> X.
	 * With sequence 001 the sum is 165, 0 -> 1: a man. */
	char v[EDU_CERT_NTEACHER][EDU_VAL_MAX];

	is(teacher("11010519491231002X", "王芳", "女", "1949-12-31", "小学", "101", v), "ok",
	   "an applicant whose sex and birth agree with the ID");
	is(v[2], "F", "... 女 is F");
	is(v[4], "primary", "... 小学 is primary");
	is(teacher("110105194912310011", "李明", "M", "1949-12-31", "higher", "101", v), "ok",
	   "a man with sequence 001");
	is(teacher("110105194912310011", "李明", "F", "1949-12-31", "higher", "101", v), "sex",
	   "a sex the ID does not say is refused");
	is(teacher("110105194912310011", "李明", "M", "1950-01-01", "higher", "101", v), "birth_date",
	   "a birth date the ID does not say is refused");
	is(teacher("110105194912310012", "李明", "M", "1949-12-31", "higher", "101", v), "id_number",
	   "a wrong check digit is refused");
	is(teacher("110105194912310011", "", "M", "1949-12-31", "higher", "101", v), "name",
	   "an empty name is refused");
	is(teacher("110105194912310011", "李明", "M", "1949-12-31", "大学", "101", v), "category",
	   "an unknown category is refused");
	is(teacher("110105194912310011", "李明", "M", "1949-12-31", "higher", "11", v), "body",
	   "a body of two digits is refused");
	ok(edu_cert_category("teacher", "primary") == 2, "a teacher's number has its category's code (primary 2)");
	ok(edu_cert_category("senior", "senior") == 2, "a graduate's has the kind's");
	is(edu_cert_stage_rule("senior"), "grade 12 at a senior or complete school",
	   "the senior certificate's rule in words");
}

/* Issue two certificates and read them back: holds, verify. */
static void test_register(sqlite3 *db)
{
	struct edu_cert_issuer is;
	struct edu_cert_holder h = { .holder = "S1", .name = "王芳", .sex = "F",
		.birth = "2011-05-01", .school = "2111010223", .year = 2026 };
	struct edu_buf say = { 0 };
	char *rev, first[EDU_VAL_MAX];

	edu_begin(db);
	edu_exec(db, "INSERT INTO setting (key, value) VALUES ('cert.junior.pattern', 'J{year}{category}{seq:3}')",
		 0, NULL);
	fflush(stdout);
	int save = dup(1), null = open("/dev/null", O_WRONLY);
	dup2(null, 1);
	edu_cert_issuer_init(&is, db, "junior", "b1", edu_days(2026, 7, 1));
	snprintf(first, sizeof first, "%s", edu_cert_issue(&is, &h, NULL, NULL, NULL));
	h.holder = "S2";
	h.name = "李明";
	edu_cert_issue(&is, &h, NULL, NULL, NULL);
	edu_seqs_save(is.seqs);
	const char *last = edu_strdup(is.num.s);
	long issued = is.issued;
	edu_cert_issuer_end(&is);
	fflush(stdout);
	dup2(save, 1);
	close(null);
	close(save);
	is(first, "J20261001", "the first number: year, the junior kind's code 1, serial 001");
	is(last, "J20261002", "the second counts on");
	free((char *)last);
	ok(issued == 2, "two issued");
	ok(edu_cert_holds(db, "junior", "S1", NULL, &rev) == 1 && !rev, "S1 holds a valid one");
	ok(edu_cert_holds(db, "senior", "S1", NULL, &rev) == 0 && !rev, "... but no senior one");
	edu_exec(db, "UPDATE certificate SET status = 'revoked', revoked_on = '2026-08-01', "
		 "reason = '伪造' WHERE cert_no = 'J20261002'", 0, NULL);
	ok(edu_cert_holds(db, "junior", "S2", NULL, &rev) == 0, "S2's is revoked");
	is(rev, "J20261002", "... and names the revoked number");
	free(rev);
	ok(edu_cert_verify(db, "J20261001", "王芳", NULL, &say) == 1, "J20261001 is valid for 王芳");
	is(say.s, "valid", "... and says so");
	ok(edu_cert_verify(db, "J20261001", "王方", NULL, &say) == 0, "not for another name");
	is(say.s, "name does not match", "... saying so");
	ok(edu_cert_verify(db, "J20261002", NULL, NULL, &say) == 0, "a revoked one is not valid");
	is(say.s, "revoked on 2026-08-01 for 伪造", "... saying when and why");
	ok(edu_cert_verify(db, "J20269999", NULL, NULL, &say) == 0, "an unknown one is not");
	is(say.s, "unknown: no certificate J20269999", "... saying so");
	edu_buf_free(&say);
	edu_rollback(db);
}

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
	test_register(db);
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
	test_words();
	test_seqs();
	return done_testing();
}
