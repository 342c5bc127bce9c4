/* test-staffing.c - the establishment's arithmetic (libedu/staffing.c)
 * on figures worked by hand: posts from students at a ratio in tenths,
 * the split of posts among subjects by weights, and the weights setting. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

#define isn(got, want, ...) ok((long)(got) == (long)(want), __VA_ARGS__)

static void test_posts(void)
{
	isn(edu_staffing_posts(38, 190), 2, "38 pupils at 1:19: 2 posts");
	isn(edu_staffing_posts(39, 190), 3, "39 pupils at 1:19: 2.05, a part of a post is a post: 3");
	isn(edu_staffing_posts(27, 135), 2, "27 at 1:13.5: exactly 2");
	isn(edu_staffing_posts(26, 125), 3, "26 at 1:12.5: 2.08, so 3");
	isn(edu_staffing_posts(25, 125), 2, "25 at 1:12.5: 2");
	isn(edu_staffing_posts(0, 190), 0, "no pupils, no posts");
	isn(edu_staffing_posts(100, 0), 0, "no ratio, no posts");
}

static void test_split(void)
{
	struct edu_weight w[3] = { { "chinese", 1 }, { "math", 1 }, { "pe", 2 } };
	long out[3];

	edu_staffing_split(3, w, 2, out);
	ok(out[0] == 2 && out[1] == 1, "3 posts 1:1: 1.5 each, the first listed takes the one left (%ld %ld)",
	   out[0], out[1]);
	edu_staffing_split(7, w, 3, out);
	/* 7 * 1/4 = 1.75, 1.75, 3.5: down 1 1 3 (5), remainders .75 .75 .5:
	 * chinese and math take the two left. */
	ok(out[0] == 2 && out[1] == 2 && out[2] == 3, "7 posts 1:1:2 -> 2 2 3 (%ld %ld %ld)",
	   out[0], out[1], out[2]);
	edu_staffing_split(0, w, 3, out);
	ok(out[0] == 0 && out[1] == 0 && out[2] == 0, "no posts, none to share");
	long sum = 0;
	struct edu_weight d[EDU_STAFF_SUBJECTS];
	char err[EDU_ERR_MAX];
	int n = edu_weights_parse("chinese:21 math:14 english:7 moral:7 science:9 pe:11 arts:10 it:2 other:19",
				  d, EDU_STAFF_SUBJECTS, err);
	long big[EDU_STAFF_SUBJECTS];
	edu_staffing_split(123, d, n, big);
	for (int i = 0; i < n; i++)
		sum += big[i];
	isn(sum, 123, "the shares always add up to the posts");
	isn(big[0], 26, "chinese 21%% of 123 = 25.83: 25 down, and the largest remainder: 26");
}

static void test_weights(void)
{
	struct edu_weight w[4];
	char err[EDU_ERR_MAX];

	isn(edu_weights_parse("chinese:21  math:14", w, 4, err), 2, "two pairs, extra spaces");
	is(w[1].word, "math", "the second subject");
	isn(w[1].weight, 14, "its weight");
	isn(edu_weights_parse("chinese=21", w, 4, err), -1, "'=' is refused: %s", err);
	isn(edu_weights_parse("Chinese:21", w, 4, err), -1, "upper case is refused");
	isn(edu_weights_parse("math:0", w, 4, err), -1, "a weight of 0 is refused");
	isn(edu_weights_parse("math:1 math:2", w, 4, err), -1, "a subject twice is refused: %s", err);
	isn(edu_weights_parse("a:1 b:1 c:1 d:1 e:1", w, 4, err), -1, "more than max is refused");
	isn(edu_weights_parse("", w, 4, err), 0, "nothing is no pairs");
}

/* ---- placement ------------------------------------------------------- */

static const char *const subj[] = { "chinese", "math", "pe" };

/* A district of ns schools, each with `open` posts of every subject at
 * the senior and junior stages (open[i] posts where the stage is i's). */
static void district(struct edu_staffing *s, size_t ns, unsigned *seed, int max_open)
{
	static char codes[64][32];

	memset(s, 0, sizeof *s);
	s->nschool = ns;
	s->school = calloc(ns, sizeof *s->school);
	s->need = calloc(ns * 2 * 3, sizeof *s->need);
	s->need_at = calloc(ns + 1, sizeof *s->need_at);
	for (size_t i = 0; i < ns; i++) {
		snprintf(codes[i], sizeof codes[i], "21110102%02zu", i);
		s->school[i].code = codes[i];
		s->need_at[i] = s->nneed;
		for (int st = EDU_STAGE_JUNIOR; st <= EDU_STAGE_SENIOR; st++)
			for (int j = 0; j < 3; j++) {
				long need = rand_r(seed) % (max_open + 1);
				long in = rand_r(seed) % 3 ? 0 : rand_r(seed) % (need + 2);
				s->need[s->nneed++] = (struct edu_staffing_need){
					.school = i, .stage = st, .subject = subj[j],
					.need = need, .in_post = in };
			}
	}
	s->need_at[ns] = s->nneed;
}

static void test_place_example(void)
{
	/* Two schools, one chinese post each at senior; three graduates:
	 * a 90 choosing 1 then 0, b 90 choosing 1 (a certificate: before a),
	 * c 80 choosing 1.  b gets 1, a (1 full) 0, c nothing. */
	struct edu_staffing s = { 0 };
	struct edu_staffing_school sc[2] = { { .code = "2111010200" }, { .code = "2111010201" } };
	struct edu_staffing_need nd[2] = {
		{ .school = 0, .stage = EDU_STAGE_SENIOR, .subject = "chinese", .need = 1 },
		{ .school = 1, .stage = EDU_STAGE_SENIOR, .subject = "chinese", .need = 1 },
	};
	size_t at[3] = { 0, 1, 2 };
	struct edu_grad g[3] = {
		{ .id = "a", .subject = "chinese", .stage = EDU_STAGE_SENIOR, .score = 900,
		  .nchoice = 2, .choice = { 1, 0 } },
		{ .id = "b", .subject = "chinese", .stage = EDU_STAGE_SENIOR, .score = 900,
		  .cert = 1, .nchoice = 1, .choice = { 1 } },
		{ .id = "c", .subject = "chinese", .stage = EDU_STAGE_SENIOR, .score = 800,
		  .nchoice = 1, .choice = { 1 } },
	};
	struct edu_grad *p[3] = { &g[0], &g[1], &g[2] };

	s.school = sc, s.nschool = 2, s.need = nd, s.nneed = 2, s.need_at = at;
	isn(edu_graduates_place(p, 3, &s, "cert degree", 0), 1, "one unplaced");
	ok(g[1].rank == 1 && g[1].school == 1 && g[1].placed_by == 1, "b: rank 1, school 1, choice 1");
	ok(g[0].rank == 2 && g[0].school == 0 && g[0].placed_by == 2, "a: rank 2, school 0, choice 2");
	ok(g[2].rank == 3 && g[2].school < 0, "c: rank 3, unplaced");
	is(g[2].reason, "every choice full", "c's reason");
	isn(p[0] - g, 1, "sorted into the order of merit: b first");
	nd[0].taken = nd[1].taken = 0;
	edu_graduates_place(p, 3, &s, "none", 0);
	ok(g[0].rank == 1, "without the certificate tie-break, a before b by the ID (lottery 0 both)");
}

/* Random instances: the plan never fills more posts than are open, and
 * is stable: no graduate had, at a choice above the one that placed
 * them, a post left at the end or a graduate of their subject and stage
 * ranked below them. */
static void test_place_property(void)
{
	unsigned seed = 20260601;
	int bad_cap = 0, bad_stable = 0, bad_rank = 0, bad_count = 0, placed_any = 0;

	for (int round = 0; round < 300; round++) {
		struct edu_staffing s;
		size_t ns = 2 + rand_r(&seed) % 10, n = 1 + rand_r(&seed) % 60;
		int fallback = rand_r(&seed) % 2;
		district(&s, ns, &seed, 1 + round % 3);
		struct edu_grad *g = calloc(n, sizeof *g);
		struct edu_grad **p = calloc(n, sizeof *p);
		char (*ids)[24] = calloc(n, sizeof *ids);
		for (size_t i = 0; i < n; i++) {
			snprintf(ids[i], sizeof ids[i], "%05zu", i);
			g[i].id = ids[i];
			g[i].subject = subj[rand_r(&seed) % 3];
			g[i].stage = EDU_STAGE_JUNIOR + rand_r(&seed) % 2;
			g[i].score = 600 + rand_r(&seed) % 8 * 10;	/* many ties */
			g[i].cert = rand_r(&seed) % 2;
			g[i].degree = rand_r(&seed) % 4;
			g[i].lottery = rand_r(&seed) % 4;
			g[i].nchoice = rand_r(&seed) % (EDU_GRADUATE_CHOICES + 1);
			for (int k = 0; k < g[i].nchoice; k++) {
				long c;
				int dup;
				do {	/* distinct choices */
					c = rand_r(&seed) % (long)ns;
					dup = 0;
					for (int j = 0; j < k; j++)
						dup |= g[i].choice[j] == c;
				} while (dup && (size_t)k < ns);
				g[i].choice[k] = c;
			}
			p[i] = &g[i];
		}
		long un = edu_graduates_place(p, n, &s, "cert degree", fallback), count = 0;
		for (size_t i = 0; i < s.nneed; i++) {
			long open = s.need[i].need - s.need[i].in_post;
			if (s.need[i].taken > (open > 0 ? open : 0))
				bad_cap++;
		}
		for (size_t i = 0; i < n; i++) {
			const struct edu_grad *x = &g[i];
			count += x->school < 0;
			placed_any += x->school >= 0;
			int upto = x->placed_by > 0 ? x->placed_by - 1 : x->nchoice;
			for (int k = 0; k < upto; k++) {
				long c = x->choice[k];
				if (edu_staffing_left(&s, c, x->stage, x->subject) > 0)
					bad_stable++;
				for (size_t j = 0; j < n; j++)
					if (g[j].school == c && g[j].stage == x->stage &&
					    !strcmp(g[j].subject, x->subject) && g[j].rank > x->rank)
						bad_stable++;
			}
			for (size_t j = 0; j < n; j++)
				if (g[j].stage == x->stage && !strcmp(g[j].subject, x->subject) &&
				    g[j].score > x->score && g[j].rank > x->rank)
					bad_rank++;
		}
		bad_count += count != un;
		free(ids);
		free(p);
		free(g);
		free(s.school);
		free(s.need);
		free(s.need_at);
	}
	isn(bad_cap, 0, "300 random districts: no school takes more graduates than it has open posts");
	isn(bad_stable, 0, "... no graduate prefers a school with a post left or that took a lower rank");
	isn(bad_rank, 0, "... a higher score is always a better rank");
	isn(bad_count, 0, "... the count of the unplaced is returned");
	ok(placed_any > 1000, "... and the instances placed many (%d)", placed_any);
}

static void test_subject_key(void)
{
	is(edu_subject_key("语文"), "chinese", "语文 is chinese");
	is(edu_subject_key("生物学"), "biology", "生物学 is biology");
	is(edu_subject_key("math"), "math", "a key stays itself");
	is(edu_subject_key("书法"), "书法", "an unknown name stays itself (the check refuses it)");
	ok(edu_subject_key(NULL) == NULL, "no subject, none");
}

int main(void)
{
	test_posts();
	test_split();
	test_weights();
	test_subject_key();
	test_place_example();
	test_place_property();
	return done_testing();
}
