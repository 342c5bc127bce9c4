/* tap.h - the smallest TAP producer, for the C unit tests */
#ifndef TAP_H
#define TAP_H
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <stdarg.h>
#include <string.h>

static int tap_n, tap_failed;

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is(got, want, ...) tap_is((got), (want), __FILE__, __LINE__, __VA_ARGS__)

static void tap_report(int pass, const char *file, int line, const char *fmt,
		       va_list ap)
{
	printf("%sok %d - ", pass ? "" : "not ", ++tap_n);
	vprintf(fmt, ap);
	printf("\n");
	if (!pass) {
		printf("#   failed at %s:%d\n", file, line);
		tap_failed++;
	}
}

static void __attribute__((format(printf, 4, 5)))
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_report(pass, file, line, fmt, ap);
	va_end(ap);
}

static void __attribute__((format(printf, 5, 6)))
tap_is(const char *got, const char *want, const char *file, int line,
       const char *fmt, ...)
{
	va_list ap;
	int pass = (got && want && !strcmp(got, want)) || (!got && !want);

	va_start(ap, fmt);
	tap_report(pass, file, line, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)",
		       want ? want : "(null)");
}

/* A database path in a temporary directory of the test's own; the
 * database (with its -wal, -shm, -journal) and the directory go when the
 * test exits.  NULL when no directory can be made. */
static char tap_dir[64], tap_dbpath[128];

static void tap_db_cleanup(void)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[160];

	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", tap_dbpath, suffix[i]);
		unlink(p);
	}
	rmdir(tap_dir);
}

static __attribute__((unused)) const char *tap_db_path(const char *test)
{
	snprintf(tap_dir, sizeof tap_dir, "/tmp/edu-test-%s.XXXXXX", test);
	if (!mkdtemp(tap_dir))
		return NULL;
	snprintf(tap_dbpath, sizeof tap_dbpath, "%s/edu.db", tap_dir);
	atexit(tap_db_cleanup);
	return tap_dbpath;
}

static int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}
#endif
