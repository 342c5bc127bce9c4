/* fuzz-csv.c - libFuzzer target for the CSV reader (libedu/csv.c).
 *
 * Each input is written to a memfd and read four ways: plain records and
 * through edu_csv_header, each as UTF-8 and as GB18030.  Besides what the
 * sanitizers catch, it checks what every caller relies on: fields are
 * NUL-terminated at their length, a record that edu_csv_bad() passes is
 * valid UTF-8, line numbers start at 1, never go back and stay within
 * the file, and the header map points at real fields. */
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


static const struct edu_colname cols[] = {
	{ "name", "姓名|名字" },
	{ "id_number", "身份证号" },
	{ "school_code", "学校代码" },
	{ "x", NULL },
};
#define NCOLS (int)(sizeof cols / sizeof *cols)

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_file_init("fuzz-csv");
	return 0;
}

/* Does a header field (spaces round it ignored) name this column? */
static int header_names(const char *h, const struct edu_colname *c)
{
	size_t n;

	h += strspn(h, " \t");
	n = strlen(h);
	while (n > 0 && (h[n - 1] == ' ' || h[n - 1] == '\t'))
		n--;
	if (n == strlen(c->name) && !strncasecmp(h, c->name, n))
		return 1;
	for (const char *a = c->aliases; a && *a;) {
		size_t k = strcspn(a, "|");

		if (k == n && !memcmp(a, h, n))
			return 1;
		a += k + (a[k] == '|');
	}
	return 0;
}

static void read_all(const uint8_t *data, size_t size, int with_header, int gb)
{
	long lines = 1;		/* an upper bound on the last record's line */
	int map[NCOLS];

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n' || data[i] == '\r';
	edu_csv_encoding(gb ? "GB18030" : NULL);
	struct edu_csv *r = edu_csv_open(fuzz_path);
	CHECK(r != NULL);
	if (with_header) {
		for (int j = 0; j < NCOLS; j++)
			map[j] = -7;
		int rc = edu_csv_header(r, cols, NCOLS, size % 2, map);
		CHECK(rc == 0 || rc == -1);
		if (rc < 0) {
			edu_csv_close(r);
			return;
		}
		for (int j = 0; j < NCOLS; j++) {
			CHECK(map[j] >= -1);
			if (map[j] >= 0)
				CHECK(header_names(edu_csv_field(r, map[j]), &cols[j]));
			for (int k = 0; k < j; k++)
				CHECK(map[j] < 0 || map[j] != map[k]);
		}
	}
	long last = 0;
	int n;
	while ((n = edu_csv_next(r)) > 0) {
		long line = edu_csv_line(r);

		CHECK(line >= 1 && line > last);
		/* Also in GB18030: bytes 0x0a and 0x0d are never part of a
		 * multi-byte character. */
		CHECK(line <= lines);
		last = line;
		const char *bad = edu_csv_bad(r);
		for (int i = 0; i < n; i++) {
			const char *f = edu_csv_field(r, i);
			size_t len = edu_csv_field_len(r, i);

			CHECK(f != NULL);
			CHECK(f[len] == '\0');
			CHECK(strlen(f) <= len);
			if (!gb)
				CHECK(len <= size);
			if (!bad)
				CHECK(edu_valid_utf8(f, len, NULL) == 0);
		}
		CHECK(*edu_csv_field(r, n) == '\0' && edu_csv_field_len(r, n) == 0);
		if (with_header)
			for (int j = 0; j < NCOLS; j++)
				(void)edu_csv_field(r, map[j]);
	}
	CHECK(n == 0 || n == -1);
	/* After the end, or an error, it stays at the end. */
	CHECK(edu_csv_next(r) == 0);
	edu_csv_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A workbook (its first bytes say so) is read by sheet.c, whose
	 * rows need not keep this reader's invariants (a zip's text is
	 * longer than the file, row numbers are what the sheet says), and
	 * a damaged one stops the command (exit 65). */
	if (edu_sheet_kind(data, size))
		return 0;
	fuzz_file_put(data, size);
	read_all(data, size, 0, 0);
	read_all(data, size, 1, 0);
	read_all(data, size, 0, 1);
	read_all(data, size, 1, 1);
	edu_csv_encoding(NULL);
	return 0;
}
