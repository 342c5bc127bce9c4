/* test-xlsx.c - the workbook writer of libedu/xlsx.c: sheets, typed
 * tables and native charts, read back by python3-openpyxl (a reader we
 * did not write) where it is installed, else those checks are skipped. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

static char *mbuf;
static size_t msize;

/* A python3 that has openpyxl, or NULL. */
static const char *python(void)
{
	static const char *const cand[] = { "python3", "/usr/bin/python3", NULL };

	for (int i = 0; cand[i]; i++) {
		char cmd[128];

		snprintf(cmd, sizeof cmd, "%s -c 'import openpyxl' 2>/dev/null", cand[i]);
		if (system(cmd) == 0)
			return cand[i];
	}
	return NULL;
}

/* What openpyxl sees in the workbook at path, one fact a line. */
static char *read_back(const char *py, const char *path)
{
	static const char script[] =
		"import sys, openpyxl, datetime\n"
		"wb = openpyxl.load_workbook(open(sys.argv[1], 'rb'))\n"
		"print('sheets', '|'.join(wb.sheetnames))\n"
		"for ws in wb:\n"
		"    for row in ws.iter_rows():\n"
		"        for c in row:\n"
		"            v = c.value\n"
		"            if v is None: continue\n"
		"            if isinstance(v, datetime.datetime): v = v.strftime('%Y-%m-%d')\n"
		"            print('%s!%s %s %s %s' % (ws.title, c.coordinate, c.data_type, v, c.number_format))\n"
		"    for ch in ws._charts:\n"
		"        print('%s chart %s %d series' % (ws.title, ch.tagname, len(ch.series)))\n"
		"        for s in ch.series:\n"
		"            print('%s series %s %s' % (ws.title, s.cat.numRef.f if s.cat.numRef else s.cat.strRef.f, s.val.numRef.f))\n";
	char sp[] = "/tmp/edu-test-xlsx-py.XXXXXX";
	int fd = mkstemp(sp);
	if (fd < 0)
		return NULL;
	FILE *f = fdopen(fd, "w");
	fputs(script, f);
	fclose(f);
	char *cmd = edu_asprintf("%s %s %s", py, sp, path);
	FILE *p = popen(cmd, "r");
	struct edu_buf b = { 0 };
	char line[512];

	edu_buf_add(&b, "", 0);
	while (p && fgets(line, sizeof line, p))
		edu_buf_puts(&b, line);
	if (p)
		pclose(p);
	unlink(sp);
	free(cmd);
	return b.s;
}

static int has_line(const char *text, const char *line)
{
	size_t n = strlen(line);

	for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (!strncmp(p, line, n) && (p[n] == '\n' || p[n] == '\0'))
			return 1;
	return 0;
}

static const char *guess(const char *s)
{
	static char b[2];

	b[0] = edu_xlsx_guess(s);
	return b;
}

#define HAS(text, line) ok(has_line(text, line), "%s", line)

int main(void)
{
	char err[EDU_ERR_MAX];
	const char *py = python();

	/* Into a stream of any kind: a memory one here. */
	FILE *mf = open_memstream(&mbuf, &msize);
	struct edu_xlsx *x = edu_xlsx_open(mf, err);
	ok(x != NULL, "open a workbook on a stream");
	ok(edu_xlsx_sheet(x, "by school") == 0, "a sheet");
	static const char *const h1[] = { "school_code", "name", "students", "share", "since" };
	static const char *const c1[] = {
		"0211010201", "三里河幼儿园", "150", "12.5%", "1956-09-01",
		"2111010202", "展览路第一幼儿园", "120", "0.1", "1962-03-01",
		"2111010203", NULL, "", "", "not a date",
	};
	int first = edu_xlsx_table(x, "Students by school", 5, h1, 3, c1, "tsnpd");
	is(edu_asprintf("%d", first), "2", "a table under its title and header: the data from row 2 (0-based)");
	static const int v1[] = { 2 };
	ok(edu_xlsx_chart(x, 'c', "Students", "school", "students", 1, 1, v1, -1) == 0,
	   "a column chart beside it");
	ok(edu_xlsx_sheet(x, "trend") == 0, "a second sheet");
	static const char *const h2[] = { "year", "applicants", "admitted", "rate" };
	static const char *const c2[] = {
		"2024", "3200", "2900", "0.906",
		"2025", "3350", "3010", "0.898",
		"2026", "3410", "3100", "0.909",
	};
	first = edu_xlsx_table(x, NULL, 4, h2, 3, c2, "tnnp");
	is(edu_asprintf("%d", first), "1", "without a title the data start on row 1");
	static const int v2[] = { 1, 2, 3 };
	ok(edu_xlsx_chart(x, 'l', "Admission", "year", "people", 0, 3, v2, 2) == 0,
	   "a line chart with the rate as its own line");
	ok(edu_xlsx_sheet(x, "chart: a/b [x]") == 0, "a sheet whose name Excel refuses is renamed");
	ok(edu_xlsx_chart(x, 'p', "Applicants", NULL, NULL, 0, 1, v2, -1) == 0,
	   "a pie on a sheet of its own, over the last table");
	ok(edu_xlsx_sheet(x, "trend") == 0, "a sheet name taken already is numbered");
	ok(edu_xlsx_close(x, err) == 0, "close: the workbook is written");
	fclose(mf);
	ok(msize > 1000 && !memcmp(mbuf, "PK\3\4", 4), "... as a zip file on the stream");

	/* Failures: reported once, and nothing written. */
	mf = open_memstream(&mbuf, &msize);
	x = edu_xlsx_open(mf, err);
	ok(edu_xlsx_chart(x, 'c', "t", NULL, NULL, 0, 1, v1, -1) < 0, "a chart before any table: refused");
	ok(edu_xlsx_table(x, NULL, 1, h1, 0, NULL, NULL) < 0, "... and everything after it");
	ok(edu_xlsx_close(x, err) < 0, "close says so");
	is(err, "a chart needs a table before it", "... with the reason");
	fclose(mf);
	ok(msize == 0, "... and writes nothing");

	is(guess("2026-09-01"), "d", "guess: a date");
	is(guess("2026-02-30"), "t", "guess: no such day is text");
	is(guess("12.50"), "m", "guess: two decimals are money");
	is(guess("98.5"), "n", "guess: a score");
	is(guess("0571"), "t", "guess: a leading zero is text");
	is(guess("1101022016122791"), "t", "guess: 16 digits are text");
	is(guess("110102201612279"), "n", "guess: 15 digits are a number");

	if (!py) {
		printf("ok %d - # SKIP read back with openpyxl: python3-openpyxl is not installed\n", ++tap_n);
		return done_testing();
	}
	char path[] = "/tmp/edu-test-xlsx.XXXXXX";
	int fd = mkstemp(path);
	/* the first workbook again, into a file this time */
	FILE *f = fdopen(fd, "w");
	x = edu_xlsx_open(f, err);
	edu_xlsx_sheet(x, "by school");
	edu_xlsx_table(x, "Students by school", 5, h1, 3, c1, "tsnpd");
	edu_xlsx_chart(x, 'c', "Students", "school", "students", 1, 1, v1, -1);
	edu_xlsx_sheet(x, "trend");
	edu_xlsx_table(x, NULL, 4, h2, 3, c2, "tnnp");
	edu_xlsx_chart(x, 'l', "Admission", "year", "people", 0, 3, v2, 2);
	edu_xlsx_sheet(x, "chart: a/b [x]");
	edu_xlsx_chart(x, 'p', "Applicants", NULL, NULL, 0, 1, v2, -1);
	edu_xlsx_sheet(x, "trend");
	ok(edu_xlsx_close(x, err) == 0, "the same workbook into a file");
	fclose(f);
	char *got = read_back(py, path);
	unlink(path);
	HAS(got, "sheets by school|trend|chart_ a_b _x_|trend 2");
	HAS(got, "by school!A1 s Students by school General");
	HAS(got, "by school!A2 s school_code General");
	HAS(got, "by school!A3 s 0211010201 General");
	HAS(got, "by school!B3 s 三里河幼儿园 General");
	HAS(got, "by school!C3 n 150 General");
	HAS(got, "by school!D3 n 0.125 0.0%");
	HAS(got, "by school!D4 n 0.1 0.0%");
	HAS(got, "by school!E3 d 1956-09-01 yyyy-mm-dd");
	HAS(got, "by school!E5 s not a date General");
	ok(!strstr(got, "by school!C5"), "an empty cell is no cell");
	HAS(got, "by school chart barChart 1 series");
	HAS(got, "by school series 'by school'!$B$3:$B$5 'by school'!$C$3:$C$5");
	HAS(got, "trend!B2 n 3200 General");
	HAS(got, "trend!D2 n 0.906 0.0%");
	HAS(got, "trend chart lineChart 2 series");
	HAS(got, "trend chart lineChart 1 series");
	HAS(got, "trend series trend!$A$2:$A$4 trend!$B$2:$B$4");
	HAS(got, "trend series trend!$A$2:$A$4 trend!$D$2:$D$4");
	HAS(got, "chart_ a_b _x_ chart pieChart 1 series");
	HAS(got, "chart_ a_b _x_ series trend!$A$2:$A$4 trend!$B$2:$B$4");
	free(got);
	free(mbuf);
	return done_testing();
}
