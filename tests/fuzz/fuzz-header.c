/* fuzz-header.c - libFuzzer target for header aliases (edu_csv_header,
 * libedu/csv.c): the column table itself comes from the input.
 *
 * The input's first line gives the Chinese aliases of four columns
 * (separated by TAB; each a '|' list, possibly empty, repeated or
 * overlapping another column's); the rest is the CSV whose header is
 * mapped, with and without --ignore-extra.  Each mapped field names its
 * column or one of the column's aliases, no field is mapped twice, and
 * without --ignore-extra a header that maps is all known names. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include "edu.h"
#include "fuzz-file.h"


int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_file_init("fuzz-header");
	return 0;
}

/* The header text, spaces and tabs round it dropped. */
static size_t trimmed(const char **h)
{
	const char *s = *h + strspn(*h, " \t");
	size_t n = strlen(s);

	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	*h = s;
	return n;
}

static int names(const char *h, const struct edu_colname *c)
{
	size_t n = trimmed(&h);

	if (n == strlen(c->name) && !strncasecmp(h, c->name, n))
		return 1;
	for (const char *a = c->aliases; a && *a;) {
		size_t k = strcspn(a, "|");
		if (k == n && !memcmp(a, h, n))
			return 1;
		a += k;
		a += *a == '|';
	}
	return 0;
}

static void map_header(const struct edu_colname *cols, int ncols, int ignore)
{
	int map[4];
	struct edu_csv *r = edu_csv_open(fuzz_path);

	CHECK(r != NULL);
	int rc = edu_csv_header(r, cols, ncols, ignore, map);
	CHECK(rc == 0 || rc == -1);
	if (rc == 0) {
		for (int j = 0; j < ncols; j++) {
			CHECK(map[j] >= -1);
			if (map[j] < 0)
				continue;
			CHECK(names(edu_csv_field(r, map[j]), &cols[j]));
			for (int k = 0; k < j; k++)
				CHECK(map[k] != map[j]);
		}
	}
	edu_csv_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t head = nl ? (size_t)(nl - data) : size;
	char *spec = edu_strndup((const char *)data, head);
	char *alias[4] = { NULL, NULL, NULL, NULL };
	char *p = spec;

	/* edu_strndup stops at a NUL: the aliases are C strings. */
	for (int i = 0; i < 4 && p; i++) {
		alias[i] = p;
		p = strchr(p, '\t');
		if (p)
			*p++ = '\0';
	}
	const struct edu_colname cols[4] = {
		{ "name", alias[0] },
		{ "id_number", alias[1] },
		{ "school_code", alias[2] },
		{ "x", alias[3] },
	};
	size_t rest = nl ? size - head - 1 : 0;
	/* A workbook is sheet.c's, and a damaged one stops the command. */
	if (rest && edu_sheet_kind(nl + 1, rest)) {
		free(spec);
		return 0;
	}
	fuzz_file_put(nl + 1, rest);
	map_header(cols, 4, 0);
	map_header(cols, 4, 1);
	map_header(cols, 2, 0);
	free(spec);
	return 0;
}
