/* test-out.c - the writer of libedu/out.c: CSV quoting, --excel, TSV
 * escapes, JSON Lines, aligned tables, and display widths. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

static FILE *mf;
static char *mbuf;
static size_t msize;

static struct edu_out *start(enum edu_format fmt, int excel, int n, const char *const *names)
{
	free(mbuf);
	mbuf = NULL;
	mf = open_memstream(&mbuf, &msize);
	return edu_out_new_fmt(mf, fmt, excel, n, names);
}

static const char *finish(struct edu_out *o)
{
	edu_out_end(o);
	fclose(mf);
	return mbuf;
}

static const char *const ab[] = { "a", "b" };

/* One row of two text cells in a format. */
static const char *row2(enum edu_format fmt, int excel, const char *x, const char *y)
{
	struct edu_out *o = start(fmt, excel, 2, ab);

	edu_out_cell(o, x, EDU_V_TEXT);
	edu_out_cell(o, y, EDU_V_TEXT);
	return finish(o);
}

static void test_csv(void)
{
	is(row2(EDU_FMT_CSV, 0, "x", "y"), "a,b\nx,y\n", "plain CSV");
	is(row2(EDU_FMT_CSV, 0, "x,y", "z"), "a,b\n\"x,y\",z\n", "a comma is quoted");
	is(row2(EDU_FMT_CSV, 0, "he said \"hi\"", "\""), "a,b\n\"he said \"\"hi\"\"\",\"\"\"\"\n",
	   "quotes are doubled");
	is(row2(EDU_FMT_CSV, 0, "l1\nl2", "c\rr"), "a,b\n\"l1\nl2\",\"c\rr\"\n", "newline and CR quoted");
	is(row2(EDU_FMT_CSV, 0, " lead", "trail "), "a,b\n\" lead\",\"trail \"\n",
	   "leading and trailing spaces quoted");
	is(row2(EDU_FMT_CSV, 0, "\tx", "in side"), "a,b\n\"\tx\",in side\n", "a leading tab quoted, inner space not");
	is(row2(EDU_FMT_CSV, 0, "", NULL), "a,b\n,\n", "empty and NULL are empty");
	is(row2(EDU_FMT_CSV, 0, "=1+1", "-5"), "a,b\n=1+1,-5\n", "no formula guard without --excel");
	is(row2(EDU_FMT_CSV, 0, "张三", "一中"), "a,b\n张三,一中\n", "UTF-8 as is");

	const char *const names[] = { "x,y", "q\"" };
	struct edu_out *o = start(EDU_FMT_CSV, 0, 2, names);
	is(finish(o), "\"x,y\",\"q\"\"\"\n", "header names are quoted too");

	const char *const three[] = { "a", "b", "c" };
	const char *const v1[] = { "1", NULL, "3" }, *const v2[] = { "x", "y", "z" };
	o = start(EDU_FMT_CSV, 0, 3, three);
	edu_out_row(o, v1);
	edu_out_row(o, v2);
	is(finish(o), "a,b,c\n1,,3\nx,y,z\n", "edu_out_row, NULL empty");
}

static void test_excel(void)
{
	is(row2(EDU_FMT_CSV, 1, "x", "y"), "\xef\xbb\xbf" "a,b\r\nx,y\r\n", "--excel: BOM and CRLF");
	is(row2(EDU_FMT_CSV, 1, "=1+1", "+86"), "\xef\xbb\xbf" "a,b\r\n'=1+1,'+86\r\n", "= and + prefixed with '");
	is(row2(EDU_FMT_CSV, 1, "-5", "@SUM(A1)"), "\xef\xbb\xbf" "a,b\r\n'-5,'@SUM(A1)\r\n", "- and @ prefixed");
	is(row2(EDU_FMT_CSV, 1, "\tx", "\rx"), "\xef\xbb\xbf" "a,b\r\n\"'\tx\",\"'\rx\"\r\n",
	   "TAB and CR prefixed inside the quotes");
	is(row2(EDU_FMT_CSV, 1, "a=b", "1-2"), "\xef\xbb\xbf" "a,b\r\na=b,1-2\r\n", "only a leading sign counts");
	is(row2(EDU_FMT_CSV, 1, "=A1,\"x\"", "'q"), "\xef\xbb\xbf" "a,b\r\n\"'=A1,\"\"x\"\"\",'q\r\n",
	   "prefix and quoting together");
	is(row2(EDU_FMT_CSV, 1, "", NULL), "\xef\xbb\xbf" "a,b\r\n,\r\n", "empty cells in excel mode");
	is(row2(EDU_FMT_TSV, 1, "=x", "y"), "a\tb\n=x\ty\n", "excel is for CSV only");
}

static void test_tsv(void)
{
	is(row2(EDU_FMT_TSV, 0, "x", "y"), "a\tb\nx\ty\n", "plain TSV");
	is(row2(EDU_FMT_TSV, 0, "x\ty", "l1\nl2"), "a\tb\nx\\ty\tl1\\nl2\n", "tab and newline escaped");
	is(row2(EDU_FMT_TSV, 0, "c:\\dir", "c\rr"), "a\tb\nc:\\\\dir\tc\\rr\n", "backslash and CR escaped");
	is(row2(EDU_FMT_TSV, 0, "x,\"y\"", " s "), "a\tb\nx,\"y\"\t s \n", "commas, quotes, spaces as is");
	is(row2(EDU_FMT_TSV, 0, NULL, ""), "a\tb\n\t\n", "NULL and empty");
}

static void test_json(void)
{
	const char *const names[] = { "id", "name", "score" };
	struct edu_out *o = start(EDU_FMT_JSON, 0, 3, names);

	edu_out_cell(o, "1", EDU_V_NUM);
	edu_out_cell(o, "张\"三\"\n", EDU_V_TEXT);
	edu_out_cell(o, NULL, EDU_V_NULL);
	edu_out_cell(o, "-2.5", EDU_V_NUM);
	edu_out_cell(o, "a\\b\t\x01", EDU_V_TEXT);
	edu_out_cell(o, "x", EDU_V_NULL);
	is(finish(o), "{\"id\":1,\"name\":\"张\\\"三\\\"\\n\",\"score\":null}\n"
	   "{\"id\":-2.5,\"name\":\"a\\\\b\\t\\u0001\",\"score\":null}\n",
	   "JSON Lines: numbers bare, strings escaped, null, no header");

	static const struct { const char *in, *want; } num[] = {
		{ "0", "0" }, { "42", "42" }, { "-7", "-7" }, { "3.25", "3.25" },
		{ "1e5", "1e5" }, { "1.5E-3", "1.5E-3" }, { "-0.5", "-0.5" },
		{ "abc", "\"abc\"" }, { "", "\"\"" }, { " 1", "\" 1\"" }, { "1 ", "\"1 \"" },
		{ "0x10", "\"0x10\"" }, { "nan", "\"nan\"" }, { "inf", "\"inf\"" },
		{ "+5", "\"+5\"" }, { "007", "\"007\"" }, { ".5", "\".5\"" }, { "5.", "\"5.\"" },
		{ "1e", "\"1e\"" }, { "-", "\"-\"" }, { "1,5", "\"1,5\"" },
	};
	const char *const v[] = { "v" };
	for (size_t i = 0; i < sizeof num / sizeof *num; i++) {
		char want[64];

		o = start(EDU_FMT_JSON, 0, 1, v);
		edu_out_cell(o, num[i].in, EDU_V_NUM);
		snprintf(want, sizeof want, "{\"v\":%s}\n", num[i].want);
		is(finish(o), want, "EDU_V_NUM '%s' as %s (valid JSON)", num[i].in, num[i].want);
	}

	const char *const odd[] = { "a\"b" };
	o = start(EDU_FMT_JSON, 0, 1, odd);
	edu_out_cell(o, "1", EDU_V_TEXT);
	is(finish(o), "{\"a\\\"b\":\"1\"}\n", "names escaped; text stays a string");
}

static void test_width(void)
{
	ok(edu_text_width("中文") == 4, "width of 中文 is 4");
	ok(edu_text_width("abc") == 3, "width of abc is 3");
	ok(edu_text_width("") == 0, "width of nothing is 0");
	ok(edu_text_width("中a文b") == 6, "mixed 中a文b is 6");
	ok(edu_text_width("é") == 1, "é is 1");
	ok(edu_text_width("e\xcc\x81") == 1, "e + combining acute is 1");
	ok(edu_text_width("ＡＢ") == 4, "fullwidth ＡＢ is 4");
	ok(edu_text_width("，。") == 4, "CJK punctuation is 2 each");
	ok(edu_text_width("😀") == 2, "an emoji is 2");
	ok(edu_text_width("𠀀") == 2, "an extension B character is 2");
	ok(edu_text_width("한") == 2, "Hangul is 2");
	ok(edu_text_width("\xe4\xb8") <= 2, "a cut-off sequence does not read past the end");
}

static void test_table(void)
{
	const char *const names[] = { "名称", "n" };
	struct edu_out *o = start(EDU_FMT_TABLE, 0, 2, names);

	edu_out_cell(o, "中文学校", EDU_V_TEXT);
	edu_out_cell(o, "1", EDU_V_NUM);
	edu_out_cell(o, "abc", EDU_V_TEXT);
	edu_out_cell(o, "12345", EDU_V_NUM);
	edu_out_cell(o, NULL, EDU_V_NULL);
	edu_out_cell(o, "a\nb", EDU_V_TEXT);
	is(finish(o),
	   "名称      n\n"
	   "--------  -----\n"
	   "中文学校  1\n"
	   "abc       12345\n"
	   "          a b\n",
	   "table aligned by display width");

	const char *const one[] = { "学校" };
	o = start(EDU_FMT_TABLE, 0, 1, one);
	edu_out_cell(o, "x", EDU_V_TEXT);
	is(finish(o), "学校\n----\nx\n", "one column, the header wider than the data");

	const char *const three[] = { "a", "bb", "c" };
	o = start(EDU_FMT_TABLE, 0, 3, three);
	is(finish(o), "a  bb  c\n-  --  -\n", "a table without rows");
}

static void test_opt_and_stmt(void)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	edu_out_defaults(EDU_FMT_TSV, 0);
	struct edu_out *o;
	free(mbuf);
	mbuf = NULL;
	mf = open_memstream(&mbuf, &msize);
	o = edu_out_new(mf, 2, ab);
	edu_out_cell(o, "x y", EDU_V_TEXT);
	edu_out_cell(o, "z", EDU_V_TEXT);
	is(finish(o), "a\tb\nx y\tz\n", "edu_out_new follows edu_out_defaults' format");

	edu_out_defaults(EDU_FMT_CSV, 1);
	free(mbuf);
	mbuf = NULL;
	mf = open_memstream(&mbuf, &msize);
	o = edu_out_new(mf, 2, ab);
	edu_out_cell(o, "=x", EDU_V_TEXT);
	edu_out_cell(o, "z", EDU_V_TEXT);
	is(finish(o), "\xef\xbb\xbf" "a,b\r\n'=x,z\r\n", "edu_out_new follows edu_out_defaults' excel");
	edu_out_defaults(EDU_FMT_CSV, 0);

	if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
		ok(0, "sqlite3_open");
		return;
	}
	static const char sql[] = "SELECT 1 AS n, 'x,y' AS s, NULL AS z, 1.5 AS f, '7' AS t "
				  "UNION ALL SELECT -2, '张三', 'q', 100.0, 'a\"b'";
	static const struct { enum edu_format fmt; const char *want; } t[] = {
		{ EDU_FMT_CSV, "n,s,z,f,t\n1,\"x,y\",,1.5,7\n-2,张三,q,100.0,\"a\"\"b\"\n" },
		{ EDU_FMT_JSON, "{\"n\":1,\"s\":\"x,y\",\"z\":null,\"f\":1.5,\"t\":\"7\"}\n"
				"{\"n\":-2,\"s\":\"张三\",\"z\":\"q\",\"f\":100.0,\"t\":\"a\\\"b\"}\n" },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
			ok(0, "prepare: %s", sqlite3_errmsg(db));
			break;
		}
		edu_out_defaults(t[i].fmt, 0);
		free(mbuf);
		mbuf = NULL;
		mf = open_memstream(&mbuf, &msize);
		o = edu_out_for_stmt(mf, st);
		ok(edu_out_stmt(o, st) == 2, "edu_out_stmt: 2 rows");
		is(finish(o), t[i].want, "a statement as %s", i ? "JSON" : "CSV");
		sqlite3_finalize(st);
	}
	edu_out_defaults(EDU_FMT_CSV, 0);
	sqlite3_close(db);
}

int main(void)
{
	test_csv();
	test_excel();
	test_tsv();
	test_json();
	test_width();
	test_table();
	test_opt_and_stmt();
	free(mbuf);
	return done_testing();
}
