/* xlsx.c - workbooks out, through libxlsxwriter: sheets of tables whose
 * cells carry their types (text, number, money, date, percent) and native
 * charts over them.  The workbook is made in a temporary file (the
 * library writes to a name) and copied onto the caller's stream at the
 * close, so output held until a commit holds it like any other. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "edu.h"

#define XLSX_MAX_ROWS 1048576	/* a sheet's rows, the header's included */
#define XLSX_MAX_COLS 16384
#define XLSX_MAX_WIDTH 60	/* characters: a longer cell wraps off-screen */

struct xtable {			/* the last table, for a chart over it */
	char sheet[128];
	lxw_worksheet *ws;
	int header_row, first_row, nrows, ncols, end_row;
};

struct edu_xlsx {
	FILE *out;
	char path[PATH_MAX];
	lxw_workbook *wb;
	lxw_format *bold, *title, *date, *money, *pct;
	lxw_worksheet *ws;	/* the current sheet */
	char sheet[128];
	int row;		/* the next free row of the current sheet */
	int tables;		/* tables on the current sheet */
	int charts;		/* charts on the current sheet */
	double *width;		/* the current sheet's column widths */
	int nwidth;
	/* a table being written row by row */
	int ncols;
	char *types;
	int header_row, first_row;
	struct xtable last;
	int have_last;
	int failed;
	char err[EDU_ERR_MAX];
};

static int fail(struct edu_xlsx *x, const char *fmt, const char *what)
{
	if (!x->failed)
		snprintf(x->err, sizeof x->err, fmt, what);
	x->failed = 1;
	return -1;
}

static int lxw_fail(struct edu_xlsx *x, lxw_error e)
{
	return e == LXW_NO_ERROR ? 0 : fail(x, "cannot write the workbook: %s", lxw_strerror(e));
}

struct edu_xlsx *edu_xlsx_open(FILE *out, char *err)
{
	struct edu_xlsx *x = edu_malloc(sizeof *x);
	const char *dir = getenv("TMPDIR");
	int fd;

	memset(x, 0, sizeof *x);
	x->out = out;
	if (!dir || !*dir)
		dir = "/tmp";
	snprintf(x->path, sizeof x->path, "%s/edu-xlsx.XXXXXX", dir);
	/* A name of our own, so no other process writes there; the library
	 * writes it at the close. */
	fd = mkstemp(x->path);
	if (fd < 0) {
		snprintf(err, EDU_ERR_MAX, "cannot make a temporary file in %s: %s",
			 dir, strerror(errno));
		free(x);
		return NULL;
	}
	close(fd);
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = (char *)dir };
	x->wb = workbook_new_opt(x->path, &opt);
	if (!x->wb) {
		snprintf(err, EDU_ERR_MAX, "cannot start a workbook");
		unlink(x->path);
		free(x);
		return NULL;
	}
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	format_set_bg_color(x->bold, 0xDDEBF7);
	format_set_bottom(x->bold, LXW_BORDER_THIN);
	x->title = workbook_add_format(x->wb);
	format_set_bold(x->title);
	format_set_font_size(x->title, 13);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->money = workbook_add_format(x->wb);
	format_set_num_format(x->money, "#,##0.00");
	x->pct = workbook_add_format(x->wb);
	format_set_num_format(x->pct, "0.0%");
	return x;
}

/* Fit the current sheet's columns to what was written in them. */
static void fit_columns(struct edu_xlsx *x)
{
	for (int c = 0; x->ws && c < x->nwidth; c++)
		if (x->width[c] > 0)
			worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c,
					     x->width[c] + 2, NULL);
	free(x->width);
	x->width = NULL;
	x->nwidth = 0;
}

static void note_width(struct edu_xlsx *x, int col, double w)
{
	if (col >= x->nwidth) {
		x->width = edu_realloc(x->width, (col + 1) * sizeof *x->width);
		for (int i = x->nwidth; i <= col; i++)
			x->width[i] = 0;
		x->nwidth = col + 1;
	}
	if (w > XLSX_MAX_WIDTH)
		w = XLSX_MAX_WIDTH;
	if (w > x->width[col])
		x->width[col] = w;
}

/* A sheet name Excel takes: at most 31 characters, none of []:*?/\, not
 * beginning or ending with ', and unique in the workbook ("student 2"). */
static void sheet_name(struct edu_xlsx *x, const char *want, char out[128])
{
	char base[100];
	size_t n = 0, chars = 0;

	for (const char *p = want && *want ? want : "Sheet"; *p && chars < 28 && n < 96; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c & 0xc0) != 0x80)
			chars++;
		base[n++] = strchr("[]:*?/\\'", c) || c < 0x20 ? '_' : (char)c;
	}
	/* a cut in the middle of a character is no UTF-8: drop its start */
	size_t lead = n;
	while (lead > 0 && ((unsigned char)base[lead - 1] & 0xc0) == 0x80)
		lead--;
	if (lead > 0 && (unsigned char)base[lead - 1] >= 0xc0) {
		unsigned char c = (unsigned char)base[lead - 1];
		if (n - (lead - 1) < (size_t)(c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2))
			n = lead - 1;
	}
	base[n] = '\0';
	snprintf(out, 128, "%s", base);
	for (int i = 2; workbook_get_worksheet_by_name(x->wb, out); i++)
		snprintf(out, 128, "%s %d", base, i);
}

int edu_xlsx_sheet(struct edu_xlsx *x, const char *name)
{
	if (x->failed)
		return -1;
	fit_columns(x);
	sheet_name(x, name, x->sheet);
	x->ws = workbook_add_worksheet(x->wb, x->sheet);
	if (!x->ws)
		return fail(x, "cannot add the sheet '%s'", x->sheet);
	x->row = 0;
	x->tables = 0;
	x->charts = 0;
	return 0;
}

/* How a cell of a column without a declared type is written: text for
 * what only looks like a number (a leading zero, more than 15 digits,
 * which a number would lose), a date for a valid YYYY-MM-DD, a number
 * for a number, else text. */
static int plain_number(const char *s)
{
	const char *p = s;
	size_t digits = 0;

	if (*p == '-')
		p++;
	if (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		return 0;
	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (!digits)
		return 0;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		for (; *p >= '0' && *p <= '9'; p++)
			digits++;
	}
	return *p == '\0' && digits <= 15;
}

static int iso_date(const char *s, lxw_datetime *dt)
{
	int days;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || edu_parse_date(s, &days) < 0)
		return 0;
	memset(dt, 0, sizeof *dt);
	edu_ymd(days, &dt->year, &dt->month, &dt->day);
	return dt->year >= 1900;	/* Excel's dates begin in 1900 */
}

char edu_xlsx_guess(const char *s)
{
	lxw_datetime dt;

	if (!s || !*s)
		return 't';
	if (iso_date(s, &dt))
		return 'd';
	if (plain_number(s)) {
		const char *dot = strchr(s, '.');
		return dot && strlen(dot) == 3 ? 'm' : 'n';
	}
	return 't';
}

/* Write one cell as type t ('t' text, 'n' number, 'm' money, 'd' date,
 * 'p' percent, '?' by its look); a value that is not of its column's type
 * is written as the text it is. */
static int put_cell(struct edu_xlsx *x, int row, int col, const char *s, char t)
{
	lxw_datetime dt;
	lxw_error e = LXW_NO_ERROR;
	double w;

	if (!s || !*s)
		return 0;
	if (t == '?')
		t = edu_xlsx_guess(s);
	if (t == 'p') {		/* "12.5%", or a fraction: 0.125 */
		size_t n = strlen(s);
		char *num = edu_strndup(s, n - 1);
		int pct = n > 1 && s[n - 1] == '%' && plain_number(num);

		if (pct) {
			e = worksheet_write_number(x->ws, row, col, strtod(num, NULL) / 100, x->pct);
			w = (double)n;
		}
		free(num);
		if (pct)
			goto done;
		t = 'P';
	}
	if (t == 'd' && iso_date(s, &dt)) {
		e = worksheet_write_datetime(x->ws, row, col, &dt, x->date);
		w = 10;
	} else if ((t == 'n' || t == 'm' || t == 'P') && plain_number(s)) {
		e = worksheet_write_number(x->ws, row, col, strtod(s, NULL),
					   t == 'm' ? x->money : t == 'P' ? x->pct : NULL);
		w = (double)strlen(s) + (t == 'm' ? 3 : t == 'P' ? 2 : 0);
	} else {
		e = worksheet_write_string(x->ws, row, col, s, NULL);
		w = (double)edu_text_width(s);
	}
done:
	note_width(x, col, w);
	if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		return fail(x, "a cell of %s is longer than a workbook cell may be (32767 characters)",
			    x->sheet);
	return lxw_fail(x, e);
}

int edu_xlsx_begin(struct edu_xlsx *x, const char *title, int ncols,
		   const char *const *header, const char *types)
{
	if (x->failed)
		return -1;
	if (!x->ws && edu_xlsx_sheet(x, NULL) < 0)
		return -1;
	if (ncols < 1 || ncols > XLSX_MAX_COLS)
		return fail(x, "a table of %s columns does not fit a sheet", ncols < 1 ? "no" : "too many");
	if (x->tables)
		x->row++;	/* a blank row between tables */
	if (title && *title) {
		if (lxw_fail(x, worksheet_write_string(x->ws, x->row, 0, title, x->title)) < 0)
			return -1;
		x->row++;
	}
	free(x->types);
	x->types = edu_malloc(ncols + 1);
	for (int c = 0; c < ncols; c++)
		x->types[c] = types && types[c] ? types[c] : '?';
	x->types[ncols] = '\0';
	x->ncols = ncols;
	x->header_row = x->row;
	for (int c = 0; c < ncols; c++) {
		const char *h = header[c] ? header[c] : "";

		if (lxw_fail(x, worksheet_write_string(x->ws, x->row, c, h, x->bold)) < 0)
			return -1;
		/* bold, and room for the filter's button */
		note_width(x, c, edu_text_width(h) * 1.1 + 2);
	}
	x->row++;
	x->first_row = x->row;
	return x->first_row;
}

int edu_xlsx_row(struct edu_xlsx *x, const char *const *cells)
{
	return edu_xlsx_row_types(x, cells, NULL);
}

int edu_xlsx_row_types(struct edu_xlsx *x, const char *const *cells, const char *types)
{
	if (x->failed)
		return -1;
	if (x->row >= XLSX_MAX_ROWS)
		return fail(x, "more rows than a sheet holds (%s): use -f csv", "1048576");
	for (int c = 0; c < x->ncols; c++)
		if (put_cell(x, x->row, c, cells[c], types ? types[c] : x->types[c]) < 0)
			return -1;
	x->row++;
	return 0;
}

int edu_xlsx_end(struct edu_xlsx *x)
{
	int last = x->row - 1;

	if (x->failed)
		return -1;
	/* The first table of a sheet is the one people scroll and sort. */
	if (!x->tables++) {
		worksheet_freeze_panes(x->ws, x->first_row, 0);
		worksheet_autofilter(x->ws, x->header_row, 0, last, x->ncols - 1);
	}
	snprintf(x->last.sheet, sizeof x->last.sheet, "%s", x->sheet);
	x->last.ws = x->ws;
	x->last.header_row = x->header_row;
	x->last.first_row = x->first_row;
	x->last.nrows = x->row - x->first_row;
	x->last.ncols = x->ncols;
	x->last.end_row = x->row;
	x->have_last = 1;
	return 0;
}

void edu_xlsx_chart_rows(struct edu_xlsx *x, int nrows)
{
	if (x->have_last && nrows >= 0 && nrows < x->last.nrows)
		x->last.nrows = nrows;
}

int edu_xlsx_table(struct edu_xlsx *x, const char *title, int ncols,
		   const char *const *header, int nrows,
		   const char *const *cells, const char *types)
{
	int first = edu_xlsx_begin(x, title, ncols, header, types);

	if (first < 0)
		return -1;
	for (int r = 0; r < nrows; r++)
		if (edu_xlsx_row(x, cells + (size_t)r * ncols) < 0)
			return -1;
	return edu_xlsx_end(x) < 0 ? -1 : first;
}

static lxw_chart *new_chart(struct edu_xlsx *x, char kind, const char *title,
			    const char *xtitle, const char *ytitle)
{
	uint8_t type = kind == 'b' ? LXW_CHART_BAR : kind == 'p' ? LXW_CHART_PIE :
		       kind == 'l' ? LXW_CHART_LINE : LXW_CHART_COLUMN;
	lxw_chart *ch = workbook_add_chart(x->wb, type);

	if (!ch)
		return NULL;
	if (title && *title)
		chart_title_set_name(ch, title);
	if (kind != 'p') {
		if (xtitle && *xtitle)
			chart_axis_set_name(ch->x_axis, xtitle);
		if (ytitle && *ytitle)
			chart_axis_set_name(ch->y_axis, ytitle);
	}
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	return ch;
}

static void add_series(lxw_chart *ch, const struct xtable *t, int cat, int col)
{
	lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
	int last = t->first_row + t->nrows - 1;

	chart_series_set_categories(s, t->sheet, t->first_row, cat, last, cat);
	chart_series_set_values(s, t->sheet, t->first_row, col, last, col);
	chart_series_set_name_range(s, t->sheet, t->header_row, col);
}

/* Place a chart: beside its table when on the table's sheet, else one
 * under the other from the top left. */
static int place(struct edu_xlsx *x, lxw_chart *ch)
{
	int row, col;

	if (x->ws == x->last.ws) {
		row = x->last.header_row + 16 * x->charts;
		col = x->last.ncols + 1;
	} else {
		row = 1 + 20 * x->charts;
		col = 1;
	}
	x->charts++;
	lxw_chart_options o = { .x_scale = 1.4, .y_scale = 1.25 };
	return lxw_fail(x, worksheet_insert_chart_opt(x->ws, row, col, ch, &o));
}

int edu_xlsx_chart(struct edu_xlsx *x, char kind, const char *title,
		   const char *xtitle, const char *ytitle, int cat,
		   int nvals, const int *vals, int secondary)
{
	const struct xtable *t = &x->last;

	if (x->failed)
		return -1;
	if (!x->have_last)
		return fail(x, "a chart needs a table before it%s", "");
	if (!strchr("cbpl", kind) || nvals < 1 || cat < 0 || cat >= t->ncols)
		return fail(x, "a chart of an unknown kind or column%s", "");
	for (int i = 0; i < nvals; i++)
		if (vals[i] < 0 || vals[i] >= t->ncols)
			return fail(x, "a chart over a column the table does not have%s", "");
	if (t->nrows < 1)
		return 0;	/* nothing to draw: no chart rather than an empty one */
	if (!x->ws && edu_xlsx_sheet(x, NULL) < 0)
		return -1;
	lxw_chart *ch = new_chart(x, kind, title, xtitle, ytitle);
	if (!ch)
		return fail(x, "cannot add a chart%s", "");
	/* A pie shows one series. */
	int n = kind == 'p' ? 1 : nvals;
	for (int i = 0; i < n; i++)
		if (i != secondary || kind == 'p')
			add_series(ch, t, cat, vals[i]);
	if (place(x, ch) < 0)
		return -1;
	/* libxlsxwriter 1.1.4 (Debian 12) cannot combine two chart types on
	 * two axes: the secondary series is drawn as a line chart of its own
	 * under the first, over the same categories. */
	if (secondary >= 0 && secondary < nvals && kind != 'p') {
		lxw_chart *line = new_chart(x, 'l', NULL, xtitle, NULL);

		if (!line)
			return fail(x, "cannot add a chart%s", "");
		add_series(line, t, cat, vals[secondary]);
		if (place(x, line) < 0)
			return -1;
	}
	return 0;
}

static int copy_out(struct edu_xlsx *x)
{
	FILE *in = fopen(x->path, "rb");
	char buf[65536];
	size_t n;

	if (!in)
		return fail(x, "cannot read the workbook back: %s", strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, x->out) != n) {
			fclose(in);
			return fail(x, "cannot write the workbook: %s", strerror(errno));
		}
	if (ferror(in)) {
		fclose(in);
		return fail(x, "cannot read the workbook back: %s", strerror(errno));
	}
	fclose(in);
	return 0;
}

int edu_xlsx_close(struct edu_xlsx *x, char *err)
{
	int rc = 0;

	if (!x)
		return 0;
	fit_columns(x);
	/* A workbook needs a sheet. */
	if (!x->failed && !x->ws)
		edu_xlsx_sheet(x, NULL);
	lxw_error e = workbook_close(x->wb);
	if (e != LXW_NO_ERROR)
		lxw_fail(x, e);
	if (!x->failed && x->out)
		copy_out(x);
	unlink(x->path);
	if (x->failed) {
		if (err)
			snprintf(err, EDU_ERR_MAX, "%s", x->err);
		rc = -1;
	}
	free(x->types);
	free(x);
	return rc;
}

void edu_xlsx_discard(struct edu_xlsx *x)
{
	if (!x)
		return;
	x->out = NULL;
	edu_xlsx_close(x, NULL);
}
