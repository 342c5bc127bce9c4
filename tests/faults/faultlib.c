/* faultlib.c - a test-only fault layer for `make faults` (issue 24),
 * loaded with LD_PRELOAD over one run of a tool; never installed.
 *
 * It stands between the tool (and SQLite, which calls the same libc
 * symbols) and the calls that put data on disk, and fails the Nth call
 * of one kind, once, then lets every call through:
 *
 *   write   write, writev, pwrite, pwrite64 (not on stderr)
 *   stdio   fwrite, fputs, fputc, putc, puts, printf, fprintf, vfprintf,
 *           fflush on any stream but stderr (glibc's stdio reaches the
 *           kernel by its own internal write, which an LD_PRELOAD
 *           library does not see, so the streams are a kind of their own)
 *   sync    fsync, fdatasync
 *   close   close
 *   rename  rename, renameat, renameat2
 *   link    link, linkat
 *   trunc   ftruncate, ftruncate64
 *
 * Environment:
 *   EDU_FAULT_KIND   the kind to fail
 *   EDU_FAULT_N      which call of that kind fails (1 is the first)
 *   EDU_FAULT_ERR    EIO (the default) or ENOSPC
 *   EDU_FAULT_COUNT  a file: at exit, "KIND COUNT" lines are appended
 *                    for every kind, the clean run's census
 *   EDU_FAULT_LOG    a file: the failed call is named in it
 *   EDU_FAULT_TIME   seconds since the epoch: the wall clock stands
 *                    still there, so two runs write the same bytes
 *                    (audit times and the hash chain over them)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

enum kind { K_WRITE, K_STDIO, K_SYNC, K_CLOSE, K_RENAME, K_LINK, K_TRUNC, K_N };
static const char *const kind_name[K_N] = {
	"write", "stdio", "sync", "close", "rename", "link", "trunc"
};

static long counts[K_N];
static int target = -1;
static long target_n;
static int fault_errno = EIO;
static int fixed_time;
static time_t fixed_at;

/* The real functions, looked up once. */
#define REAL(ret, name, args) \
	static ret (*real_##name) args; \
	if (!real_##name) real_##name = (ret (*) args)dlsym(RTLD_NEXT, #name)

__attribute__((constructor)) static void setup(void)
{
	const char *k = getenv("EDU_FAULT_KIND"), *n = getenv("EDU_FAULT_N");
	const char *e = getenv("EDU_FAULT_ERR"), *t = getenv("EDU_FAULT_TIME");

	for (int i = 0; k && i < K_N; i++)
		if (!strcmp(k, kind_name[i]))
			target = i;
	target_n = n ? atol(n) : 0;
	if (e && !strcmp(e, "ENOSPC"))
		fault_errno = ENOSPC;
	if (t && *t) {
		fixed_time = 1;
		fixed_at = (time_t)atoll(t);
	}
}

/* Count a call of kind k: 1 when this one is to fail (errno is set). */
static int hit(enum kind k, const char *what)
{
	if (++counts[k] != target_n || (int)k != target)
		return 0;
	const char *log = getenv("EDU_FAULT_LOG");
	if (log) {
		FILE *f = fopen(log, "a");
		if (f) {
			fprintf(f, "%s #%ld (%s): %s\n", kind_name[k], counts[k], what,
				strerror(fault_errno));
			fclose(f);
		}
	}
	errno = fault_errno;
	return 1;
}

__attribute__((destructor)) static void census(void)
{
	const char *path = getenv("EDU_FAULT_COUNT");
	char line[64];

	if (!path)
		return;
	REAL(int, open, (const char *, int, ...));
	REAL(ssize_t, write, (int, const void *, size_t));
	REAL(int, close, (int));
	int fd = real_open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	for (int i = 0; i < K_N; i++) {
		int n = snprintf(line, sizeof line, "%s %ld\n", kind_name[i], counts[i]);
		if (real_write(fd, line, (size_t)n) < 0)
			break;
	}
	real_close(fd);
}

/* ---- file descriptors ---------------------------------------------- */

ssize_t write(int fd, const void *p, size_t n)
{
	REAL(ssize_t, write, (int, const void *, size_t));
	if (fd != 2 && hit(K_WRITE, "write"))
		return -1;
	return real_write(fd, p, n);
}

ssize_t writev(int fd, const struct iovec *v, int n)
{
	REAL(ssize_t, writev, (int, const struct iovec *, int));
	if (fd != 2 && hit(K_WRITE, "writev"))
		return -1;
	return real_writev(fd, v, n);
}

ssize_t pwrite(int fd, const void *p, size_t n, off_t off)
{
	REAL(ssize_t, pwrite, (int, const void *, size_t, off_t));
	if (hit(K_WRITE, "pwrite"))
		return -1;
	return real_pwrite(fd, p, n, off);
}

ssize_t pwrite64(int fd, const void *p, size_t n, off64_t off)
{
	REAL(ssize_t, pwrite64, (int, const void *, size_t, off64_t));
	if (hit(K_WRITE, "pwrite64"))
		return -1;
	return real_pwrite64(fd, p, n, off);
}

int fsync(int fd)
{
	REAL(int, fsync, (int));
	if (hit(K_SYNC, "fsync"))
		return -1;
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(int, fdatasync, (int));
	if (hit(K_SYNC, "fdatasync"))
		return -1;
	return real_fdatasync(fd);
}

/* A failed close still frees the descriptor, as Linux's does. */
int close(int fd)
{
	REAL(int, close, (int));
	if (hit(K_CLOSE, "close")) {
		real_close(fd);
		errno = fault_errno;
		return -1;
	}
	return real_close(fd);
}

int rename(const char *a, const char *b)
{
	REAL(int, rename, (const char *, const char *));
	if (hit(K_RENAME, "rename"))
		return -1;
	return real_rename(a, b);
}

int renameat(int da, const char *a, int db, const char *b)
{
	REAL(int, renameat, (int, const char *, int, const char *));
	if (hit(K_RENAME, "renameat"))
		return -1;
	return real_renameat(da, a, db, b);
}

int renameat2(int da, const char *a, int db, const char *b, unsigned fl)
{
	REAL(int, renameat2, (int, const char *, int, const char *, unsigned));
	if (hit(K_RENAME, "renameat2"))
		return -1;
	return real_renameat2(da, a, db, b, fl);
}

int link(const char *a, const char *b)
{
	REAL(int, link, (const char *, const char *));
	if (hit(K_LINK, "link"))
		return -1;
	return real_link(a, b);
}

int linkat(int da, const char *a, int db, const char *b, int fl)
{
	REAL(int, linkat, (int, const char *, int, const char *, int));
	if (hit(K_LINK, "linkat"))
		return -1;
	return real_linkat(da, a, db, b, fl);
}

int ftruncate(int fd, off_t n)
{
	REAL(int, ftruncate, (int, off_t));
	if (hit(K_TRUNC, "ftruncate"))
		return -1;
	return real_ftruncate(fd, n);
}

int ftruncate64(int fd, off64_t n)
{
	REAL(int, ftruncate64, (int, off64_t));
	if (hit(K_TRUNC, "ftruncate64"))
		return -1;
	return real_ftruncate64(fd, n);
}

/* ---- stdio ----------------------------------------------------------- */

/* A failed stream write: the stream's error flag is set as glibc's own
 * would be (_IO_ERR_SEEN), so ferror() and fflush() see it. */
static int stream_fails(FILE *f, const char *what)
{
	if (f == stderr || !hit(K_STDIO, what))
		return 0;
	f->_flags |= 0x0020;
	return 1;
}

size_t fwrite(const void *p, size_t sz, size_t n, FILE *f)
{
	REAL(size_t, fwrite, (const void *, size_t, size_t, FILE *));
	if (stream_fails(f, "fwrite"))
		return 0;
	return real_fwrite(p, sz, n, f);
}

int fputs(const char *s, FILE *f)
{
	REAL(int, fputs, (const char *, FILE *));
	if (stream_fails(f, "fputs"))
		return EOF;
	return real_fputs(s, f);
}

int fputc(int c, FILE *f)
{
	REAL(int, fputc, (int, FILE *));
	if (stream_fails(f, "fputc"))
		return EOF;
	return real_fputc(c, f);
}

int putc(int c, FILE *f)
{
	REAL(int, putc, (int, FILE *));
	if (stream_fails(f, "putc"))
		return EOF;
	return real_putc(c, f);
}

int puts(const char *s)
{
	REAL(int, puts, (const char *));
	if (stream_fails(stdout, "puts"))
		return EOF;
	return real_puts(s);
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	REAL(int, vfprintf, (FILE *, const char *, va_list));
	if (stream_fails(f, "vfprintf"))
		return -1;
	return real_vfprintf(f, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

int fflush(FILE *f)
{
	REAL(int, fflush, (FILE *));
	if (f && stream_fails(f, "fflush"))
		return EOF;
	return real_fflush(f);
}

/* ---- the clock --------------------------------------------------------- */

time_t time(time_t *t)
{
	REAL(time_t, time, (time_t *));
	if (!fixed_time)
		return real_time(t);
	if (t)
		*t = fixed_at;
	return fixed_at;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	REAL(int, gettimeofday, (struct timeval *restrict, void *restrict));
	if (!fixed_time)
		return real_gettimeofday(tv, tz);
	tv->tv_sec = fixed_at;
	tv->tv_usec = 0;
	return 0;
}

int clock_gettime(clockid_t c, struct timespec *ts)
{
	REAL(int, clock_gettime, (clockid_t, struct timespec *));
	if (!fixed_time || (c != CLOCK_REALTIME && c != CLOCK_REALTIME_COARSE))
		return real_clock_gettime(c, ts);
	ts->tv_sec = fixed_at;
	ts->tv_nsec = 0;
	return 0;
}
