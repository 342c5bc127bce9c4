/* pattern.c - number patterns: literal text, named placeholders and one
 * {seq:N} serial; the one expander of certificate numbers, asset tags and
 * any other number made from a pattern */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* The placeholders a caller knows, for a message: "{unit} {year} {seq:N}". */
static void known(const struct edu_placeholder *ph, int n, struct edu_buf *b)
{
	for (int i = 0; i < n; i++)
		edu_buf_printf(b, "{%s} ", ph[i].name);
	edu_buf_puts(b, "{seq:N}");
}

/* The width N of "seq:N" (name, n bytes), or -1 when it is not one. */
static int seq_width(const char *name, size_t n)
{
	int w = 0;

	if (n < 5 || memcmp(name, "seq:", 4) || n > 6)
		return -1;
	for (size_t i = 4; i < n; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		w = w * 10 + (name[i] - '0');
	}
	return w;
}

int edu_pattern_expand(const char *pattern, const struct edu_placeholder *ph,
		       int nph, int64_t seq, struct edu_buf *out, char *err)
{
	int nseq = 0;

	out->len = 0;
	edu_buf_add(out, "", 0);
	for (const char *p = pattern; *p; ) {
		if (*p != '{') {
			edu_buf_add(out, p++, 1);
			continue;
		}
		const char *name = p + 1, *end = strchr(name, '}');
		if (!end) {
			snprintf(err, EDU_ERR_MAX, "'{' without '}' in the pattern '%s'", pattern);
			return -1;
		}
		size_t n = (size_t)(end - name);
		p = end + 1;
		if (n >= 4 && !memcmp(name, "seq:", 4)) {
			int w = seq_width(name, n);
			if (w < 1 || w > EDU_SEQ_WIDTH_MAX) {
				snprintf(err, EDU_ERR_MAX, "{%.*s} in the pattern '%s' needs a width from 1 to %d",
					 (int)n, name, pattern, EDU_SEQ_WIDTH_MAX);
				return -1;
			}
			nseq++;
			if (seq < 0) {
				edu_buf_add(out, "*", 1);
				continue;
			}
			char num[32];
			int len = snprintf(num, sizeof num, "%0*" PRId64, w, seq);
			if (len > w) {
				snprintf(err, EDU_ERR_MAX, "serial %" PRId64 " needs more than the %d digits of {seq:%d} in the pattern '%s'",
					 seq, w, w, pattern);
				return -1;
			}
			edu_buf_add(out, num, (size_t)len);
			continue;
		}
		int i = 0;
		while (i < nph && !(strlen(ph[i].name) == n && !memcmp(ph[i].name, name, n)))
			i++;
		if (i == nph) {
			struct edu_buf k = { 0 };
			known(ph, nph, &k);
			snprintf(err, EDU_ERR_MAX, "unknown placeholder {%.*s} in the pattern '%s' (known: %s)",
				 (int)n, name, pattern, k.s);
			edu_buf_free(&k);
			return -1;
		}
		if (!ph[i].value || !*ph[i].value) {
			snprintf(err, EDU_ERR_MAX, "no value for {%s} in the pattern '%s'",
				 ph[i].name, pattern);
			return -1;
		}
		edu_buf_puts(out, ph[i].value);
	}
	if (nseq != 1) {
		snprintf(err, EDU_ERR_MAX, "the pattern '%s' needs exactly one {seq:N}", pattern);
		return -1;
	}
	return 0;
}

char *edu_pattern_next(sqlite3 *db, const char *kind, const char *pattern,
		       const struct edu_placeholder *ph, int nph, const char *taken,
		       char *err)
{
	struct edu_buf scope = { 0 }, no = { 0 };
	char *made = NULL;

	/* One sequence per scope: the number with its serial as '*'. */
	if (edu_pattern_expand(pattern, ph, nph, -1, &no, err) < 0)
		goto out;
	edu_buf_printf(&scope, "%s:%s", kind, no.s);
	/* A number recorded by hand may have taken the next serial. */
	do {
		free(made);
		made = NULL;
		if (edu_pattern_expand(pattern, ph, nph, edu_seq_next(db, scope.s), &no, err) < 0)
			goto out;
		const char *p[] = { no.s };
		made = edu_query1(db, taken, 1, p);
	} while (made);
	made = edu_strdup(no.s);
out:
	edu_buf_free(&scope);
	edu_buf_free(&no);
	return made;
}
