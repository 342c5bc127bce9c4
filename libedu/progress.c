/* progress.c - a progress line for long work, on a terminal only
 * (DESIGN 9): how far, how fast, and how long it has still to go. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "edu.h"

static int shown, quiet, started;
static struct timespec start, last;

void edu_progress_quiet(int q)
{
	quiet = q;
}

/* "12.3 MB", "530 KB", "812 bytes": decimal units, as file managers show. */
static void size_text(struct edu_buf *b, long long n)
{
	if (n >= 1000000)
		edu_buf_printf(b, "%.1f MB", n / 1e6);
	else if (n >= 1000)
		edu_buf_printf(b, "%lld KB", n / 1000);
	else
		edu_buf_printf(b, "%lld bytes", n);
}

/* ", 0:42 left", ", 1:05:09 left". */
static void left_text(struct edu_buf *b, double secs)
{
	long s = (long)(secs + 0.5);

	if (s >= 3600)
		edu_buf_printf(b, ", %ld:%02ld:%02ld left", s / 3600, s / 60 % 60, s % 60);
	else
		edu_buf_printf(b, ", %ld:%02ld left", s / 60, s % 60);
}

/* The rate and the time left wait for a second of work: a rate drawn
 * from the first few rows says little. */
#define RATE_AFTER 1.0

char *edu_progress_text(const char *what, long count, long total,
			long long done, long long size, double secs)
{
	struct edu_buf b = { 0 };
	int rate = secs >= RATE_AFTER && count > 0;

	edu_buf_printf(&b, "%s: ", what);
	if (size > 0) {
		/* Reading a file: its bytes say how far; rows are counted. */
		if (done > size)
			done = size;
		edu_buf_printf(&b, "%lld%% (", done * 100 / size);
		size_text(&b, done);
		edu_buf_puts(&b, " of ");
		size_text(&b, size);
		edu_buf_printf(&b, "), %ld row%s", count, count == 1 ? "" : "s");
		if (rate)
			edu_buf_printf(&b, ", %.0f rows/s", count / secs);
		if (rate && done > 0)
			left_text(&b, secs * (double)(size - done) / (double)done);
	} else if (done > 0) {
		/* A pipe: how much went by, no end in sight. */
		size_text(&b, done);
		edu_buf_printf(&b, ", %ld row%s", count, count == 1 ? "" : "s");
		if (rate)
			edu_buf_printf(&b, ", %.0f rows/s", count / secs);
	} else if (total > 0) {
		edu_buf_printf(&b, "%ld of %ld (%ld%%)", count, total, count * 100 / total);
		if (rate)
			edu_buf_printf(&b, ", %.0f/s", count / secs);
		if (rate && count < total)
			left_text(&b, secs * (double)(total - count) / (double)count);
	} else {
		edu_buf_printf(&b, "%ld", count);
		if (rate)
			edu_buf_printf(&b, ", %.0f/s", count / secs);
	}
	return b.s;
}

/* Clear the line for a message; the next call shows it again below. */
static void take_off(void)
{
	if (shown)
		fputs("\r\033[K", stderr);
	shown = 0;
}

static void progress(const char *what, long count, long total, long long done,
		     long long size)
{
	struct timespec now;
	static int tty = -1;

	if (tty < 0)
		tty = isatty(STDERR_FILENO);
	if (quiet || !tty)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!started) {
		start = now;
		started = 1;
	}
	if (shown && (now.tv_sec - last.tv_sec) * 1000 +
	    (now.tv_nsec - last.tv_nsec) / 1000000 < 200)
		return;
	last = now;
	shown = 1;
	edu_before_warn = take_off;
	double secs = (double)(now.tv_sec - start.tv_sec) +
		      (double)(now.tv_nsec - start.tv_nsec) / 1e9;
	char *line = edu_progress_text(what, count, total, done, size, secs);
	fprintf(stderr, "\r%s\033[K", line);
	free(line);
}

void edu_progress(const char *what, long done, long total)
{
	progress(what, done, total, 0, 0);
}

void edu_progress_read(const char *what, long rows, long long done, long long size)
{
	progress(what, rows, 0, done, size);
}

void edu_progress_end(void)
{
	take_off();
	started = 0;
}
