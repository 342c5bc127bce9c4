/* err.c - messages, exit status, memory that cannot fail quietly */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"

const char *edu_prog = "edu";
void (*edu_before_warn)(void);
static int in_child;	/* a forked helper: no atexit work of the parent's */

void edu_forked(void)
{
	in_child = 1;
	edu_before_warn = NULL;
}

static _Noreturn void leave(int status)
{
	if (in_child)
		_exit(status);
	exit(status);
}

static void vwarn(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);

	fflush(stdout);
	if (edu_before_warn)
		edu_before_warn();
	fprintf(stderr, "%s: ", edu_prog);
	vfprintf(stderr, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void edu_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void edu_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	leave(status);
}

int edu_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	return -1;
}

static char *committed;		/* what a commit made, for exit 79 */
static int output_failed;	/* reported: the exit is under way */

void edu_committed(const char *what)
{
	free(committed);
	committed = what ? edu_strdup(what) : NULL;
}

/* The message of a failed write on stdout, and the exit status it
 * makes. */
static int output_status(int errnum)
{
	output_failed = 1;
	errno = errnum;
	if (committed) {
		/* A script that retried would issue a second number. */
		edu_warn("committed %s, but the output was lost:", committed);
		return EDU_ECOMMITTED;
	}
	if (errnum != EPIPE)
		edu_warn("write error on standard output:");
	return EDU_EIO;
}

void edu_die_output(int errnum)
{
	leave(output_status(errnum));
}

void edu_close_stdout(void)
{
	/* A full disk or a closed pipe must not pass for success. */
	if (output_failed)
		return;
	int bad = ferror(stdout);

	errno = EIO;
	if (fclose(stdout) != 0 || bad)
		_exit(output_status(errno));
}

void *edu_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		edu_die(EDU_ESOFTWARE, "out of memory");
	return p;
}

void *edu_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		edu_die(EDU_ESOFTWARE, "out of memory");
	return p;
}

char *edu_strdup(const char *s)
{
	return edu_strndup(s, strlen(s));
}

char *edu_strndup(const char *s, size_t n)
{
	char *p = edu_malloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *edu_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	if (vasprintf(&p, fmt, ap) < 0)
		edu_die(EDU_ESOFTWARE, "out of memory");
	va_end(ap);
	return p;
}

void edu_buf_add(struct edu_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = edu_realloc(b->s, cap);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void edu_buf_puts(struct edu_buf *b, const char *s)
{
	edu_buf_add(b, s, strlen(s));
}

void edu_buf_printf(struct edu_buf *b, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&p, fmt, ap);
	va_end(ap);
	if (n < 0)
		edu_die(EDU_ESOFTWARE, "out of memory");
	edu_buf_add(b, p, (size_t)n);
	free(p);
}

void edu_buf_json(struct edu_buf *b, const char *s)
{
	edu_buf_add(b, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			char e[2] = { '\\', (char)c };
			edu_buf_add(b, e, 2);
		} else if (c == '\n') {
			edu_buf_add(b, "\\n", 2);
		} else if (c == '\r') {
			edu_buf_add(b, "\\r", 2);
		} else if (c == '\t') {
			edu_buf_add(b, "\\t", 2);
		} else if (c < 0x20 || c == 0x7f) {
			edu_buf_printf(b, "\\u%04x", c);
		} else {
			edu_buf_add(b, (const char *)&c, 1);
		}
	}
	edu_buf_add(b, "\"", 1);
}

void edu_buf_free(struct edu_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}
