/* progress.c - a progress line for long work, on a terminal only */
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "edu.h"

static int shown, quiet;

void edu_progress_quiet(int q)
{
	quiet = q;
}
static struct timespec last;

void edu_progress(const char *what, long done, long total)
{
	struct timespec now;

	static int tty = -1;

	if (tty < 0)
		tty = isatty(STDERR_FILENO);
	if (quiet || !tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (shown && (now.tv_sec - last.tv_sec) * 1000 +
	    (now.tv_nsec - last.tv_nsec) / 1000000 < 200)
		return;
	last = now;
	shown = 1;
	if (total > 0)
		fprintf(stderr, "\r%s: %ld of %ld (%ld%%)\033[K", what, done, total,
			done * 100 / total);
	else
		fprintf(stderr, "\r%s: %ld\033[K", what, done);
}

void edu_progress_end(void)
{
	if (shown)
		fputs("\r\033[K", stderr);
	shown = 0;
}
