/* test-placement.c - nearby enrolment's draw (libedu/placement.c) on
 * small intakes whose answer is worked out by hand: tiers first, the
 * lottery within a tier, seats running out rank by rank, schools shared
 * by two zones, held children, and the age rule; then a year's intake,
 * applicants and two runs of a draw on a real database. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"
#include "tap.h"

/* Four ID numbers and their draws with seed 1, worked out apart from the
 * library: printf '1:KEY' | sha256sum, the first 15 hex digits. */
#define KA "110102201912010039"	/* 79c197668974e1f = 548341250983939615 */
#define KB "11010220191201032X"	/* 121eba7a3227ac2 =  81605373498391234 */
#define KC "110102201912020042"	/* 0e6969ab600cdc3 =  64904835866086851 */
#define KD "110102201912030072"	/* 8ca925340abbe4b = 633479583863914059 */
/* So with seed 1, in one tier, the draw is C, B, A, D. */

#define N(a) (sizeof(a) / sizeof *(a))

static struct edu_place_child kid(const char *key, const char *zone, int tier)
{
	return (struct edu_place_child){ .key = key, .zone = zone, .tier = tier };
}

/* Pointers to the children, in the order given, for edu_place to sort. */
static struct edu_place_child **ptrs(struct edu_place_child *c, struct edu_place_child **p,
				     size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = &c[i];
	return p;
}

/* The keys of order[] as one string of their letters: "CBAD". */
static const char *drawn(struct edu_place_child **order, size_t n)
{
	static char out[16];

	for (size_t i = 0; i < n && i < sizeof out - 1; i++)
		out[i] = !strcmp(order[i]->key, KA) ? 'A' : !strcmp(order[i]->key, KB) ? 'B'
		       : !strcmp(order[i]->key, KC) ? 'C' : !strcmp(order[i]->key, KD) ? 'D' : '?';
	out[n < sizeof out - 1 ? n : sizeof out - 1] = '\0';
	return out;
}

static struct edu_place_child *by_key(struct edu_place_child *c, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(c[i].key, key))
			return &c[i];
	return NULL;
}

static void test_lottery(void)
{
	ok(edu_place_lottery(1, KA) == 548341250983939615ULL, "the draw of A with seed 1");
	ok(edu_place_lottery(1, KB) == 81605373498391234ULL, "the draw of B with seed 1");
	ok(edu_place_lottery(42, KA) == 469646929610819438ULL,
	   "the draw of A with seed 42 (6848564e94e476e)");
	ok(edu_place_lottery(1, KC) == edu_place_lottery(1, KC), "the same seed draws the same");
}

static void test_before(void)
{
	struct edu_place_child a = { .key = "1", .tier = 1, .lottery = 900 };
	struct edu_place_child b = { .key = "2", .tier = 2, .lottery = 5 };
	struct edu_place_child c = { .key = "3", .tier = 1, .lottery = 900 };

	ok(edu_place_before(&a, &b) < 0, "tier 1 before tier 2 whatever the draw");
	ok(edu_place_before(&b, &a) > 0, "... and not the other way");
	b.tier = 1;
	ok(edu_place_before(&b, &a) < 0, "in one tier the lower draw first");
	ok(edu_place_before(&a, &c) < 0, "an equal draw: the lower key first");
	ok(edu_place_before(&a, &a) == 0, "a child is not before itself");
}

/* One zone, rank 1 with 2 seats, rank 2 with 1: the draw C B A D gives
 * C and B rank 1, A rank 2, and leaves D without a seat. */
static void test_seats(void)
{
	struct edu_place_school s[] = { { .code = "rank2", .seats = 1 },
					{ .code = "rank1", .seats = 2 } };
	/* The rows out of rank order: the algorithm sorts them out. */
	struct edu_place_zone z[] = { { "德胜", 2, 0 }, { "德胜", 1, 1 } };
	struct edu_place_child c[] = { kid(KA, "德胜", 1), kid(KB, "德胜", 1),
				       kid(KC, "德胜", 1), kid(KD, "德胜", 1) };
	struct edu_place_child *order[N(c)];

	ok(edu_place(ptrs(c, order, N(c)), N(c), z, N(z), s, N(s), 1) == 3, "three of four placed");
	is(drawn(order, N(c)), "CBAD", "the draw in the order of the lottery");
	ok(order[0]->school == 1 && order[0]->rank == 1, "C: the rank-1 school");
	ok(order[1]->school == 1 && order[1]->rank == 1, "B: the rank-1 school, its last seat");
	ok(order[2]->school == 0 && order[2]->rank == 2, "A: the rank-2 school");
	ok(order[3]->school == -1 && order[3]->rank == 0 && order[3]->result == EDU_PLACE_FULL,
	   "D: no seat left in the zone");
	ok(s[1].taken == 2 && s[0].taken == 1, "seats taken: 2 at rank 1, 1 at rank 2");
	ok(s[1].seats == 2 && s[0].seats == 1, "the seats given are left as they were");
}

/* Tiers before the draw: D (tier 1) has the worst draw and the one seat. */
static void test_tiers(void)
{
	struct edu_place_school s[] = { { .seats = 1 } };
	struct edu_place_zone z[] = { { "z", 1, 0 } };
	struct edu_place_child c[] = { kid(KC, "z", 3), kid(KB, "z", 2), kid(KD, "z", 1),
				       kid(KA, "z", 2) };
	struct edu_place_child *order[N(c)];

	ok(edu_place(ptrs(c, order, N(c)), N(c), z, N(z), s, N(s), 1) == 1, "one seat, one placed");
	is(drawn(order, N(c)), "DBAC", "tier 1, then tier 2 by the draw (B before A), then tier 3");
	ok(by_key(c, N(c), KD)->result == EDU_PLACE_PLACED, "the tier-1 child has the seat");
	ok(by_key(c, N(c), KC)->result == EDU_PLACE_FULL, "the tier-3 child with the best draw has none");
}

/* A school shared by two zones: its seats go in the order of the draw,
 * whichever zone the child is from. */
static void test_shared(void)
{
	struct edu_place_school s[] = { { .seats = 0 }, { .seats = 1 }, { .seats = -2 } };
	struct edu_place_zone z[] = { { "东", 1, 0 }, { "东", 2, 1 }, { "西", 1, 1 },
				      { "北", 1, 2 } };
	struct edu_place_child c[] = { kid(KA, "西", 1), kid(KB, "东", 1), kid(KC, "南", 1),
				       kid(KD, "北", 1) };
	struct edu_place_child *order[N(c)];

	ok(edu_place(ptrs(c, order, N(c)), N(c), z, N(z), s, N(s), 1) == 1, "one shared seat, one placed");
	ok(by_key(c, N(c), KB)->school == 1 && by_key(c, N(c), KB)->rank == 2,
	   "B (east, drawn before A) takes it at its rank 2");
	ok(by_key(c, N(c), KA)->result == EDU_PLACE_FULL, "A (west, its rank 1) finds it full");
	ok(by_key(c, N(c), KC)->result == EDU_PLACE_NO_SCHOOL, "C: a zone without a school");
	ok(by_key(c, N(c), KD)->result == EDU_PLACE_FULL,
	   "D: a school over its seats (negative) is full, not missing");
}

/* Held children keep their place in the order and take no seat. */
static void test_held(void)
{
	struct edu_place_school s[] = { { .seats = 1 } };
	struct edu_place_zone z[] = { { "z", 1, 0 } };
	struct edu_place_child c[] = { kid(KA, "z", 1), kid(KB, "z", 1), kid(KC, "z", 1) };
	struct edu_place_child *order[N(c)];

	c[2].held = 1;
	ok(edu_place(ptrs(c, order, N(c)), N(c), z, N(z), s, N(s), 1) == 1, "one placed");
	is(drawn(order, N(c)), "CBA", "the held child is still drawn");
	ok(c[2].result == EDU_PLACE_HELD && c[2].school == -1, "C, held, is passed over");
	ok(c[2].lottery == 64904835866086851ULL, "... with its draw all the same");
	ok(c[1].result == EDU_PLACE_PLACED, "B, next in the draw, has the seat");
	ok(c[0].result == EDU_PLACE_FULL, "A has none");
}

/* The draw depends on the seed and the keys, not on the order of the
 * input: every order of four children gives the same outcome. */
static void test_input_order(void)
{
	static const char *const keys[] = { KA, KB, KC, KD };
	static const int perm[][4] = { { 0, 1, 2, 3 }, { 3, 2, 1, 0 }, { 2, 0, 3, 1 },
				       { 1, 3, 0, 2 } };
	int same = 1;

	for (size_t p = 0; p < N(perm); p++) {
		struct edu_place_school s[] = { { .seats = 2 }, { .seats = 1 } };
		struct edu_place_zone z[] = { { "z", 1, 0 }, { "z", 2, 1 } };
		struct edu_place_child c[4], *order[4];

		for (int i = 0; i < 4; i++)
			c[i] = kid(keys[perm[p][i]], "z", 1);
		edu_place(ptrs(c, order, 4), 4, z, 2, s, 2, 1);
		same &= !strcmp(drawn(order, 4), "CBAD");
		same &= by_key(c, 4, KC)->rank == 1 && by_key(c, 4, KB)->rank == 1;
		same &= by_key(c, 4, KA)->rank == 2 && by_key(c, 4, KD)->school == -1;
	}
	ok(same, "four orders of the input, one draw: C and B rank 1, A rank 2, D none");

	/* Another seed draws again: with 42, A's number is lower than with 1. */
	struct edu_place_child c[] = { kid(KA, "z", 1) }, *order[1];
	struct edu_place_school s[] = { { .seats = 1 } };
	struct edu_place_zone z[] = { { "z", 1, 0 } };
	edu_place(ptrs(c, order, 1), 1, z, 1, s, 1, 42);
	ok(c[0].lottery == 469646929610819438ULL, "the seed given is the seed drawn with");
}

static void test_age(void)
{
	char b[11];

	is(edu_date_str(edu_place_primary_born_by(2026), b), "2020-08-31",
	   "entering in 2026: born by 2020-08-31");
	is(edu_date_str(edu_place_primary_born_by(2024), b), "2018-08-31",
	   "entering in 2024: born by 2018-08-31");
	ok(edu_days(2020, 8, 31) <= edu_place_primary_born_by(2026),
	   "born on 31 August is six in time");
	ok(edu_days(2020, 9, 1) > edu_place_primary_born_by(2026),
	   "born on 1 September is not");
}

/* ---- applicants and a year's draw on a database --------------------------- */

/* Born 2020-09-01, a girl: too young in 2026.  Born 2019-12-01, a boy:
 * a student already. */
#define KYOUNG "110102202009010029"
#define KSTUDENT "110102201912010055"

/* An applicant as read: the fields malloc'd, the child pointing at them. */
static struct edu_applicant app(const char *id, const char *sex, const char *birth,
				const char *zone, const char *tier, long line)
{
	struct edu_applicant a = { .line = line };
	const char *v[] = { id, "N", sex, birth, zone, tier };

	for (int i = 0; i < EDU_A_NFIELDS; i++)
		a.v[i] = edu_strdup(v[i]);
	a.kid = (struct edu_place_child){ .key = a.v[EDU_A_ID], .zone = a.v[EDU_A_ZONE],
					  .tier = atoi(tier) };
	return a;
}

static void test_applicant_check(void)
{
	struct edu_applicant a[] = { app(KA, "M", "2019-12-01", "z", "1", 2),
				     app(KB, "F", "2019-12-01", "z", "1", 3) };
	struct edu_applicant x = app(KC, "F", "2019-12-02", "z", "1", 4);
	char err[EDU_ERR_MAX];
	const char *col;

	ok(edu_applicant_check(&x, a, 2, err) == NULL, "a girl born 2019-12-02 as her ID number says");
	free(x.v[EDU_A_SEX]);
	x.v[EDU_A_SEX] = edu_strdup("M");
	col = edu_applicant_check(&x, a, 2, err);
	is(col, "sex", "as a boy: the sex is at fault");
	is(err, "M, but the ID number says F", "... said so");
	free(x.v[EDU_A_SEX]);
	x.v[EDU_A_SEX] = edu_strdup("F");
	free(x.v[EDU_A_BIRTH]);
	x.v[EDU_A_BIRTH] = edu_strdup("2019-12-03");
	col = edu_applicant_check(&x, a, 2, err);
	is(col, "birth_date", "another birth date: the birth date is at fault");
	is(err, "2019-12-03, but the ID number says 2019-12-02", "... said so");
	struct edu_applicant y = app(KB, "F", "2019-12-01", "z", "1", 9);
	col = edu_applicant_check(&y, a, 2, err);
	is(col, "id_number", "a child named twice");
	is(err, "the same child as line 3", "... names the line of the first");
	ok(edu_applicant_check(&y, a, 1, err) == NULL, "... only against those before");
	for (int i = 0; i < EDU_A_NFIELDS; i++) {
		free(x.v[i]);
		free(y.v[i]);
		free(a[0].v[i]);
		free(a[1].v[i]);
	}
	is(edu_place_note(EDU_PLACE_PLACED), "assigned", "the note of a placed child");
	is(edu_place_note(EDU_PLACE_FULL), "no seat left in the zone", "... of one in a full zone");
	is(edu_place_note(EDU_PLACE_NO_SCHOOL), "no school in this zone", "... of a zone without a school");
	ok(edu_place_note(EDU_PLACE_HELD) == NULL, "... none of a held one (its hold says why)");
}

static char *q1(sqlite3 *db, const char *sql, const char *p)
{
	return edu_query1(db, sql, 1, &p);
}

static const char *applicant_row = "SELECT coalesce(school_code, '-') || ' ' || "
	"coalesce(rank, '-') || ' ' || note FROM applicant WHERE year = 2026 AND id_number = ?";

static void test_draw(void)
{
	char dir[] = "/tmp/edu-test-placement.XXXXXX", path[300];
	struct edu_place_intake in;
	long left;
	char *s;

	if (!mkdtemp(dir)) {
		ok(0, "a temporary directory");
		return;
	}
	snprintf(path, sizeof path, "%s/edu.db", dir);
	edu_prog = "test-placement";
	edu_db_session(&(struct edu_session){ .tool = "test", .verb = "test", .user = "test" });
	ok(edu_db_create(path, "tester") == 0, "a database");
	sqlite3 *db = edu_db_open(path, 1, 0);
	/* Zone 德胜: a primary school with 2 seats at rank 1, a nine-year one
	 * with 1 at rank 2; a junior school and a closed primary one, which
	 * take no one. */
	edu_exec(db, "INSERT INTO school (school_code, name, kind, ownership, status, entry_seats) "
		 "VALUES ('2111010209', 'P1', 'primary', 'public', 'open', 2), "
		 "('2111010211', 'P2', 'nine-year', 'public', 'open', 1), "
		 "('2111010230', 'J', 'junior', 'public', 'open', 5), "
		 "('2111010212', 'CL', 'primary', 'public', 'closed', 9)", 0, NULL);
	edu_exec(db, "INSERT INTO zone (zone, school_code, rank) VALUES ('德胜', '2111010209', 1), "
		 "('德胜', '2111010211', 2), ('德胜', '2111010230', 3), ('德胜', '2111010212', 4)",
		 0, NULL);
	edu_exec(db, "INSERT INTO student (student_no, id_type, id_number, name, sex, birth_date, "
		 "school_code, grade) VALUES ('G" KSTUDENT "', 'resident', '" KSTUDENT "', 'S', 'M', "
		 "'2019-12-01', '2111010211', 1)", 0, NULL);

	edu_place_intake_load(db, 2026, &in);
	ok(in.ns == 2 && in.nz == 2, "the intake: two open primary or nine-year schools, two zone rows");
	ok(in.ns == 2 && !strcmp(in.s[0].code, "2111010209") && in.s[0].seats == 2 &&
	   !strcmp(in.s[1].code, "2111010211") && in.s[1].seats == 1, "... with their entry seats");
	edu_place_intake_free(&in);

	/* Run 1: A, B, C drawn C B A with seed 1; the young one and the
	 * student are held. */
	struct edu_applicant *a = edu_malloc(5 * sizeof *a);
	struct edu_place_child *order[5];
	a[0] = app(KA, "M", "2019-12-01", "德胜", "1", 2);
	a[1] = app(KB, "F", "2019-12-01", "德胜", "1", 3);
	a[2] = app(KC, "F", "2019-12-02", "德胜", "1", 4);
	a[3] = app(KYOUNG, "F", "2020-09-01", "德胜", "1", 5);
	a[4] = app(KSTUDENT, "M", "2019-12-01", "德胜", "1", 6);
	edu_begin(db);
	long assigned = edu_place_draw(db, 2026, 1, a, 5, order, &left);
	edu_commit(db);
	ok(assigned == 3 && left == 2, "run 1: three assigned, two without a school (%ld, %ld)",
	   assigned, left);
	s = q1(db, applicant_row, KC);
	is(s, "2111010209 1 assigned", "C, first in the draw: rank 1");
	free(s);
	s = q1(db, applicant_row, KB);
	is(s, "2111010209 1 assigned", "B: rank 1, its last seat");
	free(s);
	s = q1(db, applicant_row, KA);
	is(s, "2111010211 2 assigned", "A: rank 2");
	free(s);
	s = q1(db, applicant_row, KYOUNG);
	is(s, "- - born after 2020-08-31, not six by 2026-08-31",
	   "the young one is held: born after the cutoff, not six by the 31 August of 2026");
	free(s);
	s = q1(db, applicant_row, KSTUDENT);
	is(s, "- - already a student of 2111010211", "the student is held");
	free(s);
	s = q1(db, "SELECT lottery FROM applicant WHERE id_number = ?", KC);
	is(s, "64904835866086851", "the lottery number is recorded");
	free(s);
	edu_applicants_free(a, 5);

	edu_place_intake_load(db, 2026, &in);
	ok(in.ns == 2 && in.s[0].seats == 0 && in.s[1].seats == 0,
	   "the intake of 2026 after run 1: no seats left");
	edu_place_intake_free(&in);
	edu_place_intake_load(db, 2027, &in);
	ok(in.ns == 2 && in.s[0].seats == 2 && in.s[1].seats == 1, "... those of 2027 untouched");
	edu_place_intake_free(&in);

	/* Run 2: A, B, C keep what run 1 gave them; D finds the zone full. */
	a = edu_malloc(4 * sizeof *a);
	a[0] = app(KA, "M", "2019-12-01", "德胜", "1", 2);
	a[1] = app(KB, "F", "2019-12-01", "德胜", "1", 3);
	a[2] = app(KC, "F", "2019-12-02", "德胜", "1", 4);
	a[3] = app(KD, "M", "2019-12-03", "德胜", "1", 5);
	edu_begin(db);
	assigned = edu_place_draw(db, 2026, 1, a, 4, order, &left);
	edu_commit(db);
	ok(assigned == 0 && left == 1, "run 2: none assigned now, one without a school");
	ok(a[0].stored && a[0].school && !strcmp(a[0].school, "2111010211") && a[0].rank == 2 &&
	   !strcmp(a[0].note, "assigned (drawn before)"), "A keeps rank 2, drawn before");
	s = q1(db, applicant_row, KD);
	is(s, "- - no seat left in the zone", "D: no seat left");
	free(s);
	s = q1(db, "SELECT count(*) FROM applicant WHERE year = ?", "2026");
	is(s, "6", "six applicants recorded, each once");
	free(s);
	edu_applicants_free(a, 4);
	edu_db_close(db);
	static const char *const suffix[] = { "/edu.db", "/edu.db-wal", "/edu.db-shm" };
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s%s", dir, suffix[i]);
		unlink(path);
	}
	rmdir(dir);
}

/* The junior-school intake (小升初).  The lottery keys are the student
 * numbers; with seed 1, worked out apart from the library
 * (printf '1:G<ID>' | sha256sum, the first 15 hex digits):
 * A = G KA 2440d962d889d2f, C = G KC 43db73c06b47ee6,
 * D = G KD 6629c701f5ac2b5, B = G KB 77f3f365db1a880: the draw is A, C,
 * D, B.  A and B apply to the private school's one seat: A is drawn.
 * B, C and D go through the zone, in the order C, D, B: C takes the
 * rank-4 school's one seat, D the rank-5 school's, B is left.  E, of a
 * nine-year school, stays; F graduated in 2025 and G has a place. */
static void test_junior(void)
{
	const char *path = tap_db_path("placement");
	struct edu_junior *j;
	long left;

	if (!path || edu_db_create(path, "tester") < 0) {
		ok(0, "a database");
		return;
	}
	sqlite3 *db = edu_db_open(path, 1, 0);
	edu_exec(db, "INSERT INTO school (school_code, name, kind, ownership, status, entry_seats, "
		 "credit_code) VALUES ('2111010209', 'P', 'primary', 'public', 'open', 9, NULL), "
		 "('2111010235', 'N', 'nine-year', 'public', 'open', 9, NULL), "
		 "('2111010223', 'J1', 'junior', 'public', 'open', 1, NULL), "
		 "('2111010224', 'J2', 'junior', 'public', 'open', 1, NULL), "
		 "('2111010228', 'PJ', 'junior', 'private', 'open', 1, '52110102MJ0046913W')", 0, NULL);
	edu_exec(db, "INSERT INTO zone (zone, school_code, rank) VALUES ('德胜', '2111010209', 1), "
		 "('德胜', '2111010223', 4), ('德胜', '2111010224', 5)", 0, NULL);
	edu_exec(db, "INSERT INTO student (student_no, id_type, id_number, name, sex, birth_date, "
		 "school_code, grade, status, zone) VALUES "
		 "('G" KA "', 'resident', '" KA "', 'A', 'M', '2019-12-01', '2111010209', 6, 'graduated', '德胜'), "
		 "('G" KB "', 'resident', '" KB "', 'B', 'F', '2019-12-01', '2111010209', 6, 'graduated', '德胜'), "
		 "('G" KC "', 'resident', '" KC "', 'C', 'M', '2019-12-02', '2111010209', 6, 'graduated', '德胜'), "
		 "('G" KD "', 'resident', '" KD "', 'D', 'M', '2019-12-03', '2111010209', 6, 'graduated', '德胜'), "
		 "('L110102201401010005', 'passport', 'E1', 'E', 'M', '2014-01-01', '2111010235', 6, 'graduated', '德胜'), "
		 "('L110102201301010006', 'passport', 'F1', 'F', 'M', '2013-01-01', '2111010209', 6, 'graduated', '德胜'), "
		 "('L110102201401010007', 'passport', 'G1', 'G', 'M', '2014-01-01', '2111010223', 7, 'enrolled', '德胜')",
		 0, NULL);
	edu_exec(db, "INSERT INTO student_event (student_no, day, kind, from_school, to_school, "
		 "from_grade, to_grade, from_status, to_status) SELECT student_no, CASE name "
		 "WHEN 'F' THEN '2025-07-01' ELSE '2026-07-01' END, 'graduate', school_code, "
		 "school_code, 6, 6, 'enrolled', 'graduated' FROM student", 0, NULL);

	edu_begin(db);
	size_t n = edu_junior_load(db, 2026, &j);
	ok(n == 5, "five graduates of 2026 without a place: not F (2025) nor G (placed) (%zu)", n);
	ok(n == 5 && j[4].own && !j[0].own, "... E's nine-year school teaches grade 7, P does not");
	struct edu_junior *a = edu_junior_find(j, n, "G" KA), *b = edu_junior_find(j, n, "G" KB);
	struct edu_junior *c = edu_junior_find(j, n, "G" KC), *d = edu_junior_find(j, n, "G" KD);
	ok(a && b && c && d, "... A, B, C and D found by number");
	if (!(a && b && c && d)) {
		edu_rollback(db);
		edu_db_close(db);
		return;
	}
	a->privschool = edu_strdup("2111010228");
	b->privschool = edu_strdup("2111010228");
	struct edu_place_child **order = edu_malloc(n * sizeof *order);
	long placed = edu_junior_draw(db, 2026, 1, j, n, order, &left);
	ok(placed == 4 && left == 1, "four placed, one left (%ld, %ld)", placed, left);
	is(a->school, "2111010228", "A drawn for the private school's one seat");
	is(a->note, "private school, drawn 1 of 2 for 1 seat", "... noted");
	is(c->school, "2111010223", "C first in the zone: the rank-4 school");
	ok(c->rank == 4, "... rank 4");
	is(d->school, "2111010224", "D next: the rank-5 school");
	ok(b->school == NULL, "B, not drawn, finds the zone full");
	is(b->note, "not drawn at private school 2111010228 (2 applicants, 1 seat); "
	   "no seat left in the zone", "... noted");
	is(j[4].school, "2111010235", "E stays at the nine-year school");
	is(j[4].note, "continues at its own school", "... noted");
	edu_junior_enter(db, 2026, c, "2026-09-01");
	char *s = q1(db, "SELECT school_code || ' ' || grade || ' ' || status FROM student "
		     "WHERE student_no = ?", "G" KC);
	is(s, "2111010223 7 enrolled", "enter: C is a grade-7 student of the junior school");
	free(s);
	s = q1(db, "SELECT day || ' ' || from_grade || '>' || to_grade || ' ' || reason FROM "
	       "student_event WHERE kind = 'enter' AND student_no = ?", "G" KC);
	is(s, "2026-09-01 6>7 junior intake 2026: zone 德胜, rank 4", "... an enter event");
	free(s);
	struct edu_place_intake in;
	edu_place_junior_intake_load(db, 2026, &in);
	ok(in.ns == 2 && in.s[0].seats == 0 && in.s[1].seats == 1,
	   "the rank-4 school's seat is taken for 2026, the rank-5 one's not yet");
	edu_place_intake_free(&in);
	edu_rollback(db);
	free(order);
	edu_junior_free(j, n);
	edu_db_close(db);
}

int main(void)
{
	test_lottery();
	test_before();
	test_seats();
	test_tiers();
	test_shared();
	test_held();
	test_input_order();
	test_age();
	test_applicant_check();
	test_draw();
	test_junior();
	return done_testing();
}
