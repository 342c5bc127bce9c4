/* fuzz-sheet.c - libFuzzer target for the workbook reader (libedu/sheet.c)
 * on .xlsx input, through minizip and expat.
 *
 * The input is the workbook's bytes, read by default sheet, by number
 * and by a name.  The reader either refuses with a message or gives a
 * sheet whose rows are numbered from 1 upwards, without repeats, whose
 * cells are NUL-terminated UTF-8 text the CSV reader would take, and each
 * of whose "why" notes goes with a cell.
 *
 * .xls is not read here: libfreexl runs in a child process of its own
 * (sheet.c), because it is not safe on hostile input (this target found
 * it reading past a buffer, tests/cli/data/freexl-overread.xls); under
 * the sanitizers each such child dies slowly, and what is tested of
 * ours there, that a dead reader is a refused file, is in
 * tests/cli/workbook-in.t. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "edu.h"
#include "fuzz-file.h"


int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_file_init("fuzz-sheet");
	return 0;
}

/* Well-formed UTF-8, as the CSV reader would check it (no overlongs, no
 * surrogates, nothing past U+10FFFF). */
static int utf8(const unsigned char *s)
{
	while (*s) {
		unsigned c = *s;
		int n = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2
			: (c & 0xf8) == 0xf0 ? 3 : -1;
		if (n < 0 || (n == 1 && c < 0xc2) || (n == 3 && c > 0xf4))
			return 0;
		unsigned v = c & (0x3f >> n);
		for (int i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			v = v << 6 | (s[i] & 0x3f);
		}
		if ((n == 2 && (v < 0x800 || (v >= 0xd800 && v < 0xe000))) ||
		    (n == 3 && (v < 0x10000 || v > 0x10ffff)))
			return 0;
		s += n + 1;
	}
	return 1;
}

static void read_one(int kind, const char *want)
{
	char err[EDU_ERR_MAX] = "";
	struct edu_sheet *s = edu_sheet_read(fuzz_path, kind, want, err);

	if (!s) {
		CHECK(err[0] != '\0');
		return;
	}
	CHECK(s->nrows >= 0);
	for (long i = 0; i < s->nrows; i++) {
		const struct edu_sheet_row *r = &s->rows[i];

		CHECK(r->row >= 1);
		CHECK(i == 0 || r->row > s->rows[i - 1].row);
		CHECK(r->n >= 0);
		for (int j = 0; j < r->n; j++) {
			if (r->cell[j])
				CHECK(utf8((const unsigned char *)r->cell[j]));
			if (r->why[j])
				CHECK(r->why[j][0] != '\0');
		}
	}
	edu_sheet_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_file_put(data, size);
	int kind = edu_sheet_kind(data, size);
	CHECK(kind == 0 || kind == 'x' || kind == 'o');
	read_one('x', NULL);
	if (kind == 'x') {
		read_one('x', "2");
		read_one('x', "Sheet1");
	}
	return 0;
}
