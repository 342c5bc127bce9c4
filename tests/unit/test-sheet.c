/* test-sheet.c - the workbook reader of libedu/sheet.c: cells as the
 * CSV path would see them, from a workbook made here with libxlsxwriter
 * (strings, numbers, booleans, dates by number format, the 1900 leap
 * year that was not, a number Excel rounded, an error-free blank), and
 * the sniffing of workbooks by their first bytes. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "edu.h"
#include "tap.h"

static const char *cell(struct edu_sheet *s, long row, int col)
{
	for (long i = 0; i < s->nrows; i++)
		if (s->rows[i].row == row)
			return col < s->rows[i].n && s->rows[i].cell[col] ? s->rows[i].cell[col] : "";
	return "(no row)";
}

static const char *why(struct edu_sheet *s, long row, int col)
{
	for (long i = 0; i < s->nrows; i++)
		if (s->rows[i].row == row)
			return col < s->rows[i].n ? s->rows[i].why[col] : NULL;
	return NULL;
}

int main(void)
{
	char path[] = "/tmp/edu-test-sheet.XXXXXX";
	char err[EDU_ERR_MAX], name[32];
	int fd = mkstemp(path);

	close(fd);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *first = workbook_add_worksheet(wb, "说明");
	lxw_worksheet *ws = workbook_add_worksheet(wb, "名册");
	lxw_format *date = workbook_add_format(wb), *cn = workbook_add_format(wb),
		   *money = workbook_add_format(wb);
	format_set_num_format(date, "yyyy-mm-dd");
	format_set_num_format(cn, "yyyy\"年\"m\"月\"d\"日\"");
	format_set_num_format(money, "#,##0.00");
	worksheet_write_string(first, 0, 0, "notes", NULL);
	worksheet_write_string(ws, 0, 0, "id_number", NULL);
	worksheet_write_string(ws, 0, 1, "grade", NULL);
	worksheet_write_string(ws, 0, 2, "birth_date", NULL);
	worksheet_write_string(ws, 0, 3, "flag", NULL);
	worksheet_write_string(ws, 0, 4, "cost", NULL);
	worksheet_write_string(ws, 1, 0, "110102201612279124", NULL);
	worksheet_write_number(ws, 1, 1, 4, NULL);
	lxw_datetime d = { 2016, 12, 27, 0, 0, 0 };
	worksheet_write_datetime(ws, 1, 2, &d, date);
	worksheet_write_boolean(ws, 1, 3, 1, NULL);
	worksheet_write_number(ws, 1, 4, 5999, money);
	worksheet_write_number(ws, 2, 0, 110102201612279124.0, NULL);
	worksheet_write_number(ws, 2, 1, 98.5, NULL);
	worksheet_write_number(ws, 2, 2, 59, cn);	/* 1900-02-28 */
	worksheet_write_boolean(ws, 2, 3, 0, NULL);
	worksheet_write_number(ws, 2, 4, 0.1, NULL);
	worksheet_write_number(ws, 3, 2, 61, cn);	/* 1900-03-01 */
	worksheet_write_number(ws, 3, 1, 110102850101123.0, NULL);	/* 15 digits */
	worksheet_write_number(ws, 3, 4, -12.5, NULL);
	worksheet_write_string(ws, 5, 1, "after a gap", NULL);
	ok(workbook_close(wb) == LXW_NO_ERROR, "a workbook made with libxlsxwriter");

	FILE *f = fopen(path, "rb");
	char head[8];
	size_t k = fread(head, 1, 8, f);
	fclose(f);
	ok(edu_sheet_kind(head, k) == 'x', "known as .xlsx by its first bytes");
	ok(edu_sheet_kind("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 'o', "an OLE file is .xls");
	ok(edu_sheet_kind("a,b\n1,2", 7) == 0, "CSV is neither");
	ok(edu_sheet_kind("PK", 2) == 0, "two bytes are not enough");

	struct edu_sheet *s = edu_sheet_read(path, 'x', NULL, err);
	ok(s && !strcmp(s->name, "说明"), "the first sheet without --sheet");
	is(s ? cell(s, 1, 0) : NULL, "notes", "... its cell");
	edu_sheet_free(s);
	s = edu_sheet_read(path, 'x', "3", err);
	ok(!s, "--sheet 3 of two: refused");
	is(err, "no sheet 3 in the workbook (it has 2)", "... saying how many there are");
	s = edu_sheet_read(path, 'x', "2", err);
	ok(s && !strcmp(s->name, "名册"), "--sheet 2");
	edu_sheet_free(s);
	s = edu_sheet_read(path, 'x', "名册", err);
	ok(s != NULL, "--sheet by name");
	if (!s)
		return done_testing();
	is(cell(s, 1, 0), "id_number", "the header row");
	is(cell(s, 2, 0), "110102201612279124", "a text cell of 18 digits: all of them");
	is(cell(s, 2, 1), "4", "an integer without .0");
	is(cell(s, 2, 2), "2016-12-27", "a date cell (yyyy-mm-dd) as YYYY-MM-DD");
	is(cell(s, 2, 3), "TRUE", "a boolean: TRUE");
	is(cell(s, 2, 4), "5999", "money 5999.00 shown so is the number 5999");
	ok(why(s, 2, 0) == NULL, "... no problem in that row");
	ok(why(s, 3, 0) != NULL && strstr(why(s, 3, 0), "rounded") &&
	   strstr(why(s, 3, 0), "format the column as text and enter the numbers again"),
	   "an 18-digit number: rounded, and how to fix it (%s)", why(s, 3, 0));
	is(cell(s, 3, 1), "98.5", "a score");
	is(cell(s, 3, 2), "1900-02-28", "serial 59 in a Chinese date format: 1900-02-28");
	is(cell(s, 3, 3), "FALSE", "FALSE");
	is(cell(s, 3, 4), "0.1", "0.1 as typed, not 0.10000000000000001");
	is(cell(s, 4, 2), "1900-03-01", "serial 61: 1900-03-01 (60 is Excel's 29 February 1900)");
	is(cell(s, 4, 1), "110102850101123", "15 digits are exact");
	ok(why(s, 4, 1) == NULL, "... and no problem");
	is(cell(s, 4, 4), "-12.5", "a negative number");
	is(cell(s, 6, 1), "after a gap", "rows keep their numbers across a gap");
	is(cell(s, 6, 0), "", "... an absent cell is empty");
	edu_sheet_free(s);
	is(edu_sheet_cell_name(0, 7, name), "A7", "cell names: A7");
	is(edu_sheet_cell_name(25, 1, name), "Z1", "Z1");
	is(edu_sheet_cell_name(26, 12, name), "AA12", "AA12");
	is(edu_sheet_cell_name(16383, 1048576, name), "XFD1048576", "the last cell");

	f = fopen(path, "wb");
	fputs("PK\3\4 not a zip at all", f);
	fclose(f);
	ok(edu_sheet_read(path, 'x', NULL, err) == NULL, "a damaged zip: refused");
	ok(edu_sheet_read(path, 'o', NULL, err) == NULL, "... and as .xls too");
	unlink(path);
	return done_testing();
}
