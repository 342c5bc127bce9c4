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

int main(void)
{
	test_posts();
	test_split();
	test_weights();
	return done_testing();
}
