/* keys.c - the keys a verb acts on: its arguments, or the key column of a
 * CSV on stdin (DESIGN 3), so that `list | verb` works. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

static void push(struct edu_keys *k, const char *s, long line)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 16;
		k->key = edu_realloc(k->key, k->cap * sizeof *k->key);
		k->line = edu_realloc(k->line, k->cap * sizeof *k->line);
	}
	k->key[k->n] = edu_strdup(s);
	k->line[k->n++] = line;
}

int edu_keys_read(struct edu_keys *k, int argc, char **argv, const char *col,
		  const char *aliases)
{
	memset(k, 0, sizeof *k);
	if (argc > 0) {
		for (int i = 0; i < argc; i++)
			push(k, argv[i], 0);
		return 0;
	}
	struct edu_csv *r = edu_csv_open("-");
	if (!r)
		return -1;
	struct edu_colname cn = { col, aliases };
	int map, n, bad = 0;

	/* An empty input is no keys: an empty to-do list piped in (they
	 * print nothing, not even a header) means nothing to do. */
	edu_csv_allow_empty(r);
	int h = edu_csv_header(r, &cn, 1, 1, &map);
	if (h != 0) {
		edu_csv_close(r);
		return h > 0 ? 0 : -1;
	}
	if (map < 0) {
		edu_csv_close(r);
		return edu_error("-: no %s column in the input (give keys as arguments, or a CSV with a %s column on stdin)",
				 col, col);
	}
	while ((n = edu_csv_next(r)) > 0) {
		const char *why = edu_csv_bad(r);
		const char *s = edu_csv_field(r, map);
		s += strspn(s, " \t");
		if (why) {
			edu_warn("-:%ld: %s", edu_csv_line(r), why);
			bad = 1;
		} else if (!*s) {
			edu_warn("-:%ld: %s: empty", edu_csv_line(r), col);
			bad = 1;
		} else {
			push(k, s, edu_csv_line(r));
			size_t len = strlen(k->key[k->n - 1]);
			while (len && strchr(" \t", k->key[k->n - 1][len - 1]))
				k->key[k->n - 1][--len] = '\0';
		}
	}
	edu_csv_close(r);
	if (n < 0 || bad) {
		edu_keys_free(k);
		return -1;
	}
	return 0;
}

void edu_keys_free(struct edu_keys *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->key[i]);
	free(k->key);
	free(k->line);
	memset(k, 0, sizeof *k);
}
