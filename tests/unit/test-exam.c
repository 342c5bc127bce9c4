/* test-exam.c - scores in tenths, the order of merit and admission by
 * parallel choices (libedu/exam.c), on cases whose answer can be seen,
 * and on random ones checked against the definition. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

static void score_is(const char *in, int want, const char *what)
{
	char err[EDU_ERR_MAX];
	int got = -7;

	if (edu_score_parse(in, &got, err) < 0)
		got = -1;
	ok(got == want, "%s: '%s' is %d tenths (got %d)", what, in, want, got);
}

static void test_scores(void)
{
	char out[16];

	score_is("98.5", 985, "one decimal place");
	score_is("100", 1000, "a whole number");
	score_is("100.0", 1000, "a whole number with .0");
	score_is("98.50", 985, "a trailing zero is still one place");
	score_is("0", 0, "zero");
	score_is(" 7.5 ", 75, "spaces around");
	score_is("98.55", -1, "two decimal places are refused");
	score_is("-1", -1, "a negative score is refused");
	score_is("", -1, "empty is refused");
	score_is("9a", -1, "letters are refused");
	score_is("99999999", -1, "too large");
	is(edu_score_str(6125, out), "612.5", "612.5 prints with its tenth");
	is(edu_score_str(6000, out), "600", "600 prints without .0");
	is(edu_score_str(5, out), "0.5", "half a point");
}

/* A candidate with a total, tie-break scores and choices (-1 ends). */
static struct edu_exam_cand cand(const char *no, int total, int t1, int t2,
				 const int *choice)
{
	struct edu_exam_cand c = { .exam_no = no, .total = total };

	c.tb[0] = t1;
	c.tb[1] = t2;
	for (int k = 0; choice[k] >= 0; k++)
		c.choice[c.nchoice++] = choice[k];
	c.lottery = edu_exam_lottery(42, no);
	return c;
}

static void test_order(void)
{
	struct edu_exam_cand a = cand("A", 5000, 900, 800, (int[]){ -1 });
	struct edu_exam_cand b = cand("B", 5000, 900, 850, (int[]){ -1 });
	struct edu_exam_cand c = cand("C", 5010, 100, 100, (int[]){ -1 });

	ok(edu_exam_before(&c, &a, 2) < 0, "a higher total comes first");
	ok(edu_exam_before(&b, &a, 2) < 0, "a tie goes to the second subject when the first ties");
	ok(edu_exam_before(&a, &b, 1) == -edu_exam_before(&b, &a, 1),
	   "with one tie-break subject the lottery decides, either way round");
	ok(edu_exam_lottery(42, "A") == edu_exam_lottery(42, "A"), "the same seed draws the same");
	ok(edu_exam_lottery(42, "A") != edu_exam_lottery(43, "A"), "another seed draws another");
	int first_a = 0;
	for (uint64_t seed = 0; seed < 64; seed++)
		first_a += edu_exam_lottery(seed, "A") < edu_exam_lottery(seed, "B");
	ok(first_a > 10 && first_a < 54, "over 64 seeds each of two wins often (%d)", first_a);
}

static void test_small(void)
{
	/* School 0: 1 seat; school 1: 2 seats, min 2600; school 2: 5 seats. */
	struct edu_exam_school s[3] = { { .seats = 1 }, { .seats = 2, .min_score = 2600 },
					{ .seats = 5 } };
	struct edu_exam_cand c[5] = {
		cand("A1", 2750, 1000, 900, (int[]){ 0, 1, -1 }),
		cand("A2", 2750, 1000, 950, (int[]){ 0, 1, -1 }),
		cand("A3", 2695, 995, 900, (int[]){ 0, 1, 2, -1 }),
		cand("A4", 1500, 500, 500, (int[]){ 0, 1, -1 }),
		cand("A5", 1800, 600, 600, (int[]){ 2, -1 }),
	};
	struct edu_exam_cand *order[5];
	long un = edu_exam_admit(c, 5, 2, s, 3, order);

	ok(un == 1, "one unadmitted (%ld)", un);
	is(order[0]->exam_no, "A2", "A2 first: more math breaks the tie");
	ok(c[1].school == 0 && c[1].got == 1, "A2 takes the one seat of its first choice");
	ok(c[0].school == 1 && c[0].got == 2, "A1 is admitted by its second choice");
	ok(c[2].school == 1 && c[2].got == 2, "A3 takes the second seat of school 1");
	ok(c[3].school == -1 && c[3].got == 0 && c[3].rank == 5,
	   "A4: school 0 full, below school 1's min_score: unadmitted, last");
	ok(s[0].admitted == 1 && s[0].cutoff == 2750, "school 0 filled at 275");
	ok(s[1].admitted == 2 && s[1].cutoff == 2695, "school 1 filled, cutoff 269.5");
	ok(s[2].admitted == 1 && s[2].cutoff == 1800, "school 2 took one");
}

/* Random instances against the definition. */
static uint64_t rng = 88172645463325252ULL;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void test_random(void)
{
	enum { N = 300, NS = 12 };
	int bad = 0;

	for (int round = 0; round < 50; round++) {
		static struct edu_exam_cand c[N];
		struct edu_exam_cand *order[N];
		struct edu_exam_school s[NS];
		char nos[N][8];

		for (int j = 0; j < NS; j++)
			s[j] = (struct edu_exam_school){ .seats = (int)rnd(30),
							 .min_score = rnd(3) ? 0 : (int)rnd(400) };
		for (int i = 0; i < N; i++) {
			snprintf(nos[i], sizeof nos[i], "X%d", i);
			memset(&c[i], 0, sizeof c[i]);
			c[i].exam_no = nos[i];
			c[i].total = (int)rnd(40) * 10;
			c[i].tb[0] = (int)rnd(3);
			c[i].lottery = edu_exam_lottery((uint64_t)round, nos[i]);
			int k = (int)rnd(6);
			for (int j = 0; j < k; j++) {
				int x = (int)rnd(NS), dup = 0;
				for (int m = 0; m < c[i].nchoice; m++)
					dup |= c[i].choice[m] == x;
				if (!dup)
					c[i].choice[c[i].nchoice++] = x;
			}
		}
		edu_exam_admit(c, N, 1, s, NS, order);
		int taken[NS] = { 0 }, worst[NS];
		for (int j = 0; j < NS; j++)
			worst[j] = 0;
		for (int i = 0; i < N; i++) {
			if (order[i]->rank != i + 1)
				bad++;
			if (i && edu_exam_before(order[i - 1], order[i], 1) >= 0)
				bad++;
			if (c[i].school >= 0) {
				taken[c[i].school]++;
				if (c[i].rank > worst[c[i].school])
					worst[c[i].school] = c[i].rank;
				if (c[i].total < s[c[i].school].min_score ||
				    c[i].choice[c[i].got - 1] != c[i].school)
					bad++;
			}
		}
		for (int j = 0; j < NS; j++)
			if (taken[j] > s[j].seats || taken[j] != s[j].admitted)
				bad++;
		for (int i = 0; i < N; i++) {
			int last = c[i].got ? c[i].got - 1 : c[i].nchoice;
			for (int k = 0; k < last; k++) {
				int x = c[i].choice[k];
				if (c[i].total < s[x].min_score)
					continue;
				if (taken[x] < s[x].seats || worst[x] > c[i].rank)
					bad++;
			}
		}
	}
	ok(bad == 0, "50 random instances: no candidate prefers a school with a free seat "
	   "or one that took someone ranked below them (%d violations)", bad);
}

/* The pieces of a candidate that need no database (libedu/exam.c). */
static void test_candidate(void)
{
	char err[EDU_ERR_MAX];

	ok(edu_exam_scores_sum("chinese=98.5;math=100;english=7") == 2055,
	   "98.5 + 100 + 7 is 2055 tenths");
	ok(edu_exam_scores_sum("chinese=x;math=10") == 100, "a part that is no score counts 0");
	ok(edu_exam_subject_score("chinese=98.5;math=100", "math") == 1000, "math is 100");
	ok(edu_exam_subject_score("mathx=90;math=100", "math") == 1000,
	   "mathx is not math");
	ok(edu_exam_subject_score("chinese=98.5", "math") == -1, "no math: -1");
	ok(edu_exam_no_check("2026-0001", err) == 0, "2026-0001 is an exam number");
	ok(edu_exam_no_check("2026 0001", err) < 0 && !strcmp(err, "letters, digits and '-' only"),
	   "a space is not");
	ok(edu_exam_no_check("123456789012345678901234567890123456789", err) == 0,
	   "39 characters are");
	ok(edu_exam_no_check("1234567890123456789012345678901234567890", err) < 0,
	   "40 are not");
	ok(edu_exam_total_check("a=98.5;b=100", "5", "203.5", err) == 0,
	   "203.5 is 98.5 + 100 + bonus 5");
	ok(edu_exam_total_check("a=98.5;b=100", "5", "198.5", err) < 0 &&
	   !strcmp(err, "198.5 is not the sum of the scores and the bonus, 203.5"),
	   "198.5 is not: the bonus left out");

	int64_t num[] = { 3201000001, 3201000005, 3201000009 };
	struct edu_exam_seats t = { .num = num, .n = 3 };
	ok(edu_exam_seat_index(&t, 3201000001) == 0 && edu_exam_seat_index(&t, 3201000009) == 2,
	   "the first and last school found");
	ok(edu_exam_seat_index(&t, 3201000005) == 1, "the middle one");
	ok(edu_exam_seat_index(&t, 3201000004) == 3 && edu_exam_seat_index(&t, 3201000010) == 3,
	   "a school without seats is entry n");

	struct edu_exam_header h = { .nsubj = 0 };
	int take[5] = { 0 };
	const char *names[] = { "exam_no", "Score_Chinese", "choice1", "score_math", "choice2" };
	ok(edu_exam_header(&h, "f", 1, 5, names, take) == 0, "a header with two scores, two choices");
	ok(h.nx == 4 && h.nchoice[EDU_EXAM_GENERAL] == 2 && !take[0] && take[1] && take[4],
	   "four columns taken");
	is(h.x[0].subject, "chinese", "subjects in lower case");
	ok(h.choice_at[EDU_EXAM_GENERAL][0] == 1 && h.choice_at[EDU_EXAM_GENERAL][1] == 3,
	   "choice1 and choice2 where they are");

	/* The provincial file: Chinese names from the subject table, the
	 * choices of batches by their Chinese names. */
	h.nsubj = edu_subjects_parse("chinese=语文:120 quality=综合素质评价:grade", h.subj,
				     EDU_SUBJECTS_MAX, err);
	ok(h.nsubj == 2 && h.subj[0].full == 1200 && h.subj[1].full == EDU_SUBJECT_GRADED,
	   "a subject table: full marks in tenths, a graded component");
	const char *zh[] = { "语文", "综合素质评价", "志愿1", "提前批志愿1", "early_choice2" };
	int take2[5] = { 0 };
	ok(edu_exam_header(&h, "f", 1, 5, zh, take2) == 0, "a Chinese header");
	ok(h.x[0].kind == EDU_EXAM_X_SCORE && !strcmp(h.x[0].subject, "chinese") &&
	   h.x[0].full == 1200, "语文 is chinese, full marks 120");
	ok(h.x[1].kind == EDU_EXAM_X_GRADE && !strcmp(h.x[1].subject, "quality"),
	   "综合素质评价 is a graded component");
	ok(h.nchoice[EDU_EXAM_GENERAL] == 1 && h.nchoice[EDU_EXAM_EARLY] == 2 &&
	   h.choice_at[EDU_EXAM_EARLY][1] == 4, "志愿1 general; 提前批志愿1 and early_choice2 early");
	ok(edu_subjects_parse("chinese=语文:abc", h.subj, EDU_SUBJECTS_MAX, err) < 0,
	   "full marks that are not a number are refused");
	ok(edu_subjects_parse("a=x b=x", h.subj, EDU_SUBJECTS_MAX, err) < 0,
	   "an alias twice is refused");
	h.nsubj = 0;
	const char *gap[] = { "score_a", "choice2" };
	ok(edu_exam_header(&h, "f", 1, 2, gap, take) < 0, "choice2 without choice1 is refused");
	const char *none[] = { "choice1" };
	ok(edu_exam_header(&h, "f", 1, 1, none, take) < 0, "no score column is refused");
}

/* The largest remainder, worked by hand, and on random cases: the parts
 * add up, and each is its exact share rounded down or up. */
static void test_quota_split(void)
{
	long basis[] = { 412, 583 }, out[2] = { 0, 0 };
	int rc = edu_exam_quota_split(300, basis, 2, out);
	ok(rc == 0 && out[0] == 124 && out[1] == 176,
	   "300 by 412 and 583: 124.22 and 175.78 give 124 and 176 (got %ld %ld)", out[0], out[1]);
	long b3[] = { 1, 1, 1 }, o3[3];
	ok(edu_exam_quota_split(2, b3, 3, o3) == 0 && o3[0] == 1 && o3[1] == 1 && o3[2] == 0,
	   "2 by three equal parts: the earlier ones first");
	long b4[] = { 2, 3 }, o4[2];
	ok(edu_exam_quota_split(1, b4, 2, o4) == 0 && o4[0] == 0 && o4[1] == 1,
	   "1 by 2 and 3: the larger remainder (0.6)");
	long z[] = { 0, 0 };
	ok(edu_exam_quota_split(1, z, 2, o4) < 0, "nothing to split by is refused");
	int bad = 0;
	srand(19);
	for (int round = 0; round < 200; round++) {
		long b[12], o[12], n = rand() % 500, sum = 0, tot = 0;
		int parts = 1 + rand() % 12;
		for (int i = 0; i < parts; i++)
			tot += b[i] = rand() % 300;
		if (!tot)
			continue;
		edu_exam_quota_split(n, b, parts, o);
		for (int i = 0; i < parts; i++) {
			sum += o[i];
			if (o[i] < n * b[i] / tot || o[i] > n * b[i] / tot + 1)
				bad++;
		}
		bad += sum != n;
	}
	ok(!bad, "random splits add up and stay within one of the exact share (%d bad)", bad);
}

int main(void)
{
	test_quota_split();
	test_scores();
	test_candidate();
	test_order();
	test_small();
	test_random();
	return done_testing();
}
