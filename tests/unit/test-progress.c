/* test-progress: the progress line's text (issue 18), for given amounts
 * and times, worked by hand: percent of bytes, rows per second, time
 * left; and what it leaves out when it cannot know. */
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

static void line(const char *want, const char *what, long count, long total,
		 long long done, long long size, double secs)
{
	char *got = edu_progress_text(what, count, total, done, size, secs);

	is(got, want, "%s", want);
	free(got);
}

int main(void)
{
	/* 12.3 of 27.1 MB in 10 s: 45%; 120000 rows in 10 s is 12000 rows/s;
	 * 14.8 MB at 1.23 MB/s is 12.03 s, 0:12. */
	line("students.csv: 45% (12.3 MB of 27.1 MB), 120000 rows, 12000 rows/s, 0:12 left",
	     "students.csv", 120000, 0, 12300000, 27100000, 10);
	/* Before a second of work: no rate, no time left. */
	line("students.csv: 0% (65 KB of 27.1 MB), 1 row", "students.csv", 1, 0, 65536, 27100000, 0);
	/* An hour and more: 1 MB of 100 MB in 60 s leaves 99 * 60 s = 1:39:00. */
	line("big.csv: 1% (1.0 MB of 100.0 MB), 5000 rows, 83 rows/s, 1:39:00 left",
	     "big.csv", 5000, 0, 1000000, 100000000, 60);
	/* The last read may pass the size a file had when opened. */
	line("s.csv: 100% (812 bytes of 812 bytes), 9 rows, 9 rows/s, 0:00 left",
	     "s.csv", 9, 0, 900, 812, 1);
	/* A pipe: no size, so no percent and no time left. */
	line("-: 2.5 MB, 30000 rows, 15000 rows/s", "-", 30000, 0, 2500000, 0, 2);
	/* Counted work with a total: 5000 of 20000 in 2 s, 15000 more at
	 * 2500/s is 6 s. */
	line("inserting: 5000 of 20000 (25%), 2500/s, 0:06 left", "inserting", 5000, 20000, 0, 0, 2);
	/* ... without one. */
	line("issued: 700, 350/s", "issued", 700, 0, 0, 0, 2);
	line("issued: 3", "issued", 3, 0, 0, 0, 0.5);
	char *long_what = edu_progress_text("a-very-long-file-name.csv", 1, 0, 1, 2, 0);
	ok(long_what && strstr(long_what, "a-very-long-file-name.csv: 50%"), "a long name is kept whole");
	free(long_what);
	return done_testing();
}
