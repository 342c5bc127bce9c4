/* sheet.c - workbooks in: one sheet of an .xlsx (a zip of XML, read with
 * minizip and expat) or an .xls (BIFF, read with freexl) as rows of text
 * cells, each as the CSV reader would have seen it had the sheet been
 * saved as CSV: shared and inline strings as they are, numbers as digits
 * (an integer without ".0"), dates by their cell's number format as
 * YYYY-MM-DD, booleans TRUE and FALSE.  A number too long for a
 * spreadsheet to have kept exactly (an ID number typed into a number
 * cell) is a cell with a problem, not digits. */
#define _GNU_SOURCE
#include <expat.h>
#include <freexl.h>
#include <math.h>
#include <minizip/unzip.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "edu.h"

#define ROUNDED "a number of more than 15 digits, which the spreadsheet has rounded " \
	"(%s): format the column as text and enter the numbers again"

int edu_sheet_kind(const void *head, size_t n)
{
	if (n >= 4 && !memcmp(head, "PK\3\4", 4))
		return 'x';
	if (n >= 8 && !memcmp(head, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return 'o';	/* an OLE compound file: .xls */
	return 0;
}

/* --sheet 2 is the second sheet; a sheet named "2" is not reached. */
static int by_name(const char *want)
{
	return want && strspn(want, "0123456789") != strlen(want);
}

static void put_cell(struct edu_sheet_row *row, int col, char *text, char *why)
{
	if (col >= row->n) {
		row->cell = edu_realloc(row->cell, (col + 1) * sizeof *row->cell);
		row->why = edu_realloc(row->why, (col + 1) * sizeof *row->why);
		for (int i = row->n; i <= col; i++)
			row->cell[i] = row->why[i] = NULL;
		row->n = col + 1;
	}
	free(row->cell[col]);
	free(row->why[col]);
	row->cell[col] = text;
	row->why[col] = why;
}

static struct edu_sheet_row *new_row(struct edu_sheet *s, long number)
{
	if (s->nrows % 256 == 0)
		s->rows = edu_realloc(s->rows, (s->nrows + 256) * sizeof *s->rows);
	struct edu_sheet_row *r = &s->rows[s->nrows++];
	memset(r, 0, sizeof *r);
	r->row = number;
	return r;
}

void edu_sheet_free(struct edu_sheet *s)
{
	if (!s)
		return;
	for (long i = 0; i < s->nrows; i++) {
		for (int c = 0; c < s->rows[i].n; c++) {
			free(s->rows[i].cell[c]);
			free(s->rows[i].why[c]);
		}
		free(s->rows[i].cell);
		free(s->rows[i].why);
	}
	free(s->rows);
	free(s->name);
	free(s);
}

/* A number as text: an integer without ".0", else as few digits as give
 * the same double back; NULL with *why for one that cannot be exact. */
static char *number_text(double d, char **why)
{
	char buf[64];

	*why = NULL;
	if (!isfinite(d))
		return edu_strdup("");
	if (d == floor(d) && fabs(d) < 1e15) {
		snprintf(buf, sizeof buf, "%.0f", d);
		return edu_strdup(buf);
	}
	if (d == floor(d)) {
		snprintf(buf, sizeof buf, "%.15g", d);
		*why = edu_asprintf(ROUNDED, buf);
		snprintf(buf, sizeof buf, "%.0f", d);
		return edu_strdup(buf);
	}
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, d);
		if (strtod(buf, NULL) == d)
			break;
	}
	return edu_strdup(buf);
}

/* A serial day number of a spreadsheet as YYYY-MM-DD.  In the 1900
 * system day 60 is 29 February 1900, a day that never was (Lotus 1-2-3
 * thought 1900 a leap year, and Excel kept it for compatibility): days
 * before it are one day later than the arithmetic says. */
static char *serial_date(double d, int date1904)
{
	char out[11];
	int base;

	if (!(d >= 0 && d < 3e6)) {	/* no date: the number it is */
		char *why, *t = number_text(d, &why);
		free(why);
		return t;
	}
	long days = (long)floor(d);

	if (date1904)
		base = edu_days(1904, 1, 1);
	else if (days < 60)
		base = edu_days(1899, 12, 31);
	else
		base = edu_days(1899, 12, 30);
	return edu_strdup(edu_date_str(base + (int)days, out));
}

/* ---- .xlsx --------------------------------------------------------------- */

struct xml {			/* what the handlers share */
	struct edu_sheet *sheet;
	/* shared strings */
	char **sst;
	long nsst, capsst;
	int in_si, in_t, rph;
	struct edu_buf text;
	/* styles: for each cell format (xf), is it a date? */
	int *xf_date;
	int nxf, capxf, in_xfs;
	struct { int id; int date; } *fmt;
	int nfmt, capfmt;
	/* workbook */
	int date1904;
	char *want;		/* the sheet asked for: its name or number */
	int nsheets, found;
	char *rid;		/* the relationship of the sheet found */
	char *target;		/* its file */
	/* the sheet */
	struct edu_sheet_row *row;
	long next_row;
	int next_col, col, cell_type, cell_style, in_v, in_is;
	struct edu_buf v;
	/* a handler that finds the file damaged stops the parser, saying why */
	XML_Parser parser;
	char bad[128];
};

/* The last row a sheet may have (Excel's 1,048,576). */
#define MAX_ROW 1048576L

static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *attr(const char **a, const char *name)
{
	for (; a && *a; a += 2)
		if (!strcmp(local(a[0]), name))
			return a[1];
	return NULL;
}

/* A number format that shows a date: a built-in one (14-22, 27-36,
 * 45-47, 50-58: the East Asian ones), or a format code with y, m or d
 * outside quotes and brackets ([Red], [$-804]). */
static int date_format_id(int id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
	       (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

static int date_format_code(const char *code)
{
	int quoted = 0, bracket = 0;

	for (const char *p = code; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == '[')
			bracket = 1;
		else if (!quoted && *p == ']')
			bracket = 0;
		else if (!quoted && !bracket && strchr("yYmMdD", *p))
			return 1;
	}
	return 0;
}

static void on_chars(void *data, const XML_Char *s, int n)
{
	struct xml *x = data;

	if (x->in_t && !x->rph)
		edu_buf_add(&x->text, s, (size_t)n);
	if (x->in_v)
		edu_buf_add(&x->v, s, (size_t)n);
}

static void sst_start(void *data, const XML_Char *name, const XML_Char **a)
{
	struct xml *x = data;
	const char *n = local(name);

	(void)a;
	if (!strcmp(n, "si")) {
		x->in_si = 1;
		x->text.len = 0;
		edu_buf_add(&x->text, "", 0);
	} else if (!strcmp(n, "rPh")) {
		x->rph++;	/* phonetic guide text: not part of the cell */
	} else if (!strcmp(n, "t") && x->in_si) {
		x->in_t = 1;
	}
}

static void sst_end(void *data, const XML_Char *name)
{
	struct xml *x = data;
	const char *n = local(name);

	if (!strcmp(n, "t")) {
		x->in_t = 0;
	} else if (!strcmp(n, "rPh")) {
		x->rph--;
	} else if (!strcmp(n, "si")) {
		if (x->nsst == x->capsst) {
			x->capsst = x->capsst ? x->capsst * 2 : 256;
			x->sst = edu_realloc(x->sst, x->capsst * sizeof *x->sst);
		}
		x->sst[x->nsst++] = edu_strndup(x->text.s ? x->text.s : "", x->text.len);
		x->in_si = 0;
	}
}

static void styles_start(void *data, const XML_Char *name, const XML_Char **a)
{
	struct xml *x = data;
	const char *n = local(name);

	if (!strcmp(n, "numFmt")) {
		const char *id = attr(a, "numFmtId"), *code = attr(a, "formatCode");

		if (x->nfmt == x->capfmt) {
			x->capfmt = x->capfmt ? x->capfmt * 2 : 16;
			x->fmt = edu_realloc(x->fmt, x->capfmt * sizeof *x->fmt);
		}
		x->fmt[x->nfmt].id = id ? atoi(id) : -1;
		x->fmt[x->nfmt++].date = code && date_format_code(code);
	} else if (!strcmp(n, "cellXfs")) {
		x->in_xfs = 1;
	} else if (!strcmp(n, "xf") && x->in_xfs) {
		const char *id = attr(a, "numFmtId");
		int fid = id ? atoi(id) : 0, date = date_format_id(fid);

		for (int i = 0; i < x->nfmt; i++)
			if (x->fmt[i].id == fid)
				date = x->fmt[i].date;
		if (x->nxf == x->capxf) {
			x->capxf = x->capxf ? x->capxf * 2 : 64;
			x->xf_date = edu_realloc(x->xf_date, x->capxf * sizeof *x->xf_date);
		}
		x->xf_date[x->nxf++] = date;
	}
}

static void styles_end(void *data, const XML_Char *name)
{
	struct xml *x = data;

	if (!strcmp(local(name), "cellXfs"))
		x->in_xfs = 0;
}

static void book_start(void *data, const XML_Char *name, const XML_Char **a)
{
	struct xml *x = data;
	const char *n = local(name);

	if (!strcmp(n, "workbookPr")) {
		const char *d = attr(a, "date1904");
		x->date1904 = d && (!strcmp(d, "1") || !strcasecmp(d, "true"));
	} else if (!strcmp(n, "sheet")) {
		const char *sn = attr(a, "name"), *id = attr(a, "id");
		int want_n = x->want ? atoi(x->want) : 1;
		int by_number = !by_name(x->want);

		x->nsheets++;
		if (x->found || !sn || !id)
			return;
		if (by_number ? x->nsheets == want_n : !strcmp(sn, x->want)) {
			x->found = 1;
			x->rid = edu_strdup(id);
			x->sheet->name = edu_strdup(sn);
		}
	}
}

static void rels_start(void *data, const XML_Char *name, const XML_Char **a)
{
	struct xml *x = data;

	if (!strcmp(local(name), "Relationship") && x->rid && !x->target) {
		const char *id = attr(a, "Id"), *t = attr(a, "Target");

		if (id && t && !strcmp(id, x->rid))
			x->target = t[0] == '/' ? edu_strdup(t + 1) : edu_asprintf("xl/%s", t);
	}
}

/* "B7" -> column 1 */
static int ref_col(const char *r)
{
	int c = 0;

	if (!r || !(*r >= 'A' && *r <= 'Z'))
		return -1;
	for (; *r >= 'A' && *r <= 'Z'; r++)
		if ((c = c * 26 + (*r - 'A' + 1)) > 16384)
			return -1;	/* past XFD, the last column */
	return c - 1;
}

static void sheet_start(void *data, const XML_Char *name, const XML_Char **a)
{
	struct xml *x = data;
	const char *n = local(name);

	if (!strcmp(n, "row")) {
		const char *r = attr(a, "r");
		char *end = NULL;
		long number = r ? strtol(r, &end, 10) : x->next_row;

		/* Rows come in order, numbered from 1 (ECMA-376 18.3.1.73):
		 * a row out of order or out of range is a damaged file, which
		 * would make records of one row twice or name cells A0. */
		if ((r && (end == r || *end)) || number < x->next_row || number > MAX_ROW) {
			snprintf(x->bad, sizeof x->bad, "row number '%.20s' %s", r ? r : "",
				 number >= 1 && number < x->next_row ? "out of order" : "out of range");
			XML_StopParser(x->parser, XML_FALSE);
			return;
		}
		x->row = new_row(x->sheet, number);
		x->next_row = number + 1;
		x->next_col = 0;
	} else if (!strcmp(n, "c") && x->row) {
		const char *t = attr(a, "t"), *s = attr(a, "s");
		int c = ref_col(attr(a, "r"));

		x->col = c >= 0 ? c : x->next_col < 16384 ? x->next_col : 16383;
		x->next_col = x->col + 1;
		x->cell_type = !t ? 'n' : !strcmp(t, "s") ? 's' : !strcmp(t, "inlineStr") ? 'i' :
			       !strcmp(t, "str") ? 'f' : !strcmp(t, "b") ? 'b' : !strcmp(t, "e") ? 'e' :
			       !strcmp(t, "d") ? 'd' : 'n';
		x->cell_style = s ? atoi(s) : 0;
		x->v.len = 0;
		x->text.len = 0;
	} else if (!strcmp(n, "v") && x->row) {
		x->in_v = 1;
	} else if (!strcmp(n, "is")) {
		x->in_is = 1;
	} else if (!strcmp(n, "rPh")) {
		x->rph++;
	} else if (!strcmp(n, "t") && x->in_is) {
		x->in_t = 1;
	}
}

static void cell_end(struct xml *x)
{
	char *v = edu_strndup(x->v.s ? x->v.s : "", x->v.len);
	char *text = NULL, *why = NULL;

	switch (x->cell_type) {
	case 's': {
		long i = strtol(v, NULL, 10);
		text = edu_strdup(i >= 0 && i < x->nsst ? x->sst[i] : "");
		break;
	}
	case 'i':
		text = edu_strndup(x->text.s ? x->text.s : "", x->text.len);
		break;
	case 'f':
		text = edu_strdup(v);
		break;
	case 'b':
		text = edu_strdup(!strcmp(v, "1") || !strcasecmp(v, "true") ? "TRUE" : "FALSE");
		break;
	case 'e':
		text = edu_strdup(v);
		why = edu_asprintf("the cell holds the error %s", v);
		break;
	case 'd':
		text = edu_strndup(v, strcspn(v, "T"));
		break;
	default:
		if (!*v) {
			text = edu_strdup("");
		} else if (x->cell_style >= 0 && x->cell_style < x->nxf && x->xf_date[x->cell_style]) {
			text = serial_date(strtod(v, NULL), x->date1904);
		} else {
			/* The text as written: "1.5E+17" is a number too. */
			text = number_text(strtod(v, NULL), &why);
		}
	}
	free(v);
	put_cell(x->row, x->col, text, why);
}

static void sheet_end(void *data, const XML_Char *name)
{
	struct xml *x = data;
	const char *n = local(name);

	if (!strcmp(n, "v")) {
		x->in_v = 0;
	} else if (!strcmp(n, "t")) {
		x->in_t = 0;
	} else if (!strcmp(n, "rPh")) {
		x->rph--;
	} else if (!strcmp(n, "is")) {
		x->in_is = 0;
	} else if (!strcmp(n, "c") && x->row) {
		cell_end(x);
	} else if (!strcmp(n, "row")) {
		x->row = NULL;
	}
}

/* Parse one member of the zip; 1 when it is not there, 0, or -1 with
 * err. */
static int parse_member(unzFile z, const char *member, struct xml *x,
			XML_StartElementHandler start, XML_EndElementHandler end,
			char *err)
{
	char buf[65536];
	int n, rc = 0;

	if (unzLocateFile(z, member, 2) != UNZ_OK)
		return 1;
	if (unzOpenCurrentFile(z) != UNZ_OK) {
		snprintf(err, EDU_ERR_MAX, "cannot read %s in the workbook", member);
		return -1;
	}
	XML_Parser p = XML_ParserCreate("UTF-8");
	x->parser = p;
	x->bad[0] = '\0';
	XML_SetUserData(p, x);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, on_chars);
	while ((n = unzReadCurrentFile(z, buf, sizeof buf)) >= 0) {
		if (XML_Parse(p, buf, n, n == 0) == XML_STATUS_ERROR) {
			snprintf(err, EDU_ERR_MAX, "%s in the workbook, line %lu: %s", member,
				 (unsigned long)XML_GetCurrentLineNumber(p),
				 x->bad[0] ? x->bad : XML_ErrorString(XML_GetErrorCode(p)));
			rc = -1;
			break;
		}
		if (n == 0)
			break;
	}
	if (n < 0) {
		snprintf(err, EDU_ERR_MAX, "%s in the workbook: a damaged zip member", member);
		rc = -1;
	}
	XML_ParserFree(p);
	unzCloseCurrentFile(z);
	return rc;
}

static struct edu_sheet *read_xlsx(const char *path, const char *want, char *err)
{
	struct xml x = { 0 };
	struct edu_sheet *s = edu_malloc(sizeof *s);
	unzFile z = unzOpen64(path);
	int rc = -1;

	memset(s, 0, sizeof *s);
	x.sheet = s;
	x.want = want ? edu_strdup(want) : NULL;
	x.next_row = 1;
	if (!z) {
		snprintf(err, EDU_ERR_MAX, "not a workbook (a zip file that cannot be read)");
		goto out;
	}
	int r = parse_member(z, "xl/workbook.xml", &x, book_start, NULL, err);
	if (r != 0) {
		if (r > 0)
			snprintf(err, EDU_ERR_MAX, "a zip file, but not an .xlsx workbook (no xl/workbook.xml)");
		goto out;
	}
	if (!x.found) {
		snprintf(err, EDU_ERR_MAX, "no sheet %s%s%s in the workbook (it has %d)",
			 by_name(want) ? "'" : "", want ? want : "1", by_name(want) ? "'" : "", x.nsheets);
		goto out;
	}
	if (parse_member(z, "xl/_rels/workbook.xml.rels", &x, rels_start, NULL, err) < 0)
		goto out;
	if (!x.target) {
		snprintf(err, EDU_ERR_MAX, "the workbook does not say where sheet '%s' is", s->name);
		goto out;
	}
	if (parse_member(z, "xl/sharedStrings.xml", &x, sst_start, sst_end, err) < 0 ||
	    parse_member(z, "xl/styles.xml", &x, styles_start, styles_end, err) < 0)
		goto out;
	r = parse_member(z, x.target, &x, sheet_start, sheet_end, err);
	if (r > 0)
		snprintf(err, EDU_ERR_MAX, "the workbook has no %s", x.target);
	rc = r == 0 ? 0 : -1;
out:
	if (z)
		unzClose(z);
	for (long i = 0; i < x.nsst; i++)
		free(x.sst[i]);
	free(x.sst);
	free(x.xf_date);
	free(x.fmt);
	free(x.want);
	free(x.rid);
	free(x.target);
	edu_buf_free(&x.text);
	edu_buf_free(&x.v);
	if (rc < 0) {
		edu_sheet_free(s);
		return NULL;
	}
	return s;
}

/* ---- .xls ---------------------------------------------------------------- */

static struct edu_sheet *parse_xls(const char *path, const char *want, char *err)
{
	const void *h = NULL;
	unsigned int count = 0, idx = 0, rows = 0;
	unsigned short cols = 0;
	int found = 0;

	if (freexl_open(path, &h) != FREEXL_OK) {
		snprintf(err, EDU_ERR_MAX, "not an .xls workbook that can be read");
		return NULL;
	}
	freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &count);
	int by_number = !by_name(want);
	for (unsigned int i = 0; i < count && !found; i++) {
		const char *name = NULL;

		freexl_get_worksheet_name(h, (unsigned short)i, &name);
		if (by_number ? i + 1 == (unsigned)(want ? atoi(want) : 1) : name && !strcmp(name, want)) {
			found = 1;
			idx = i;
		}
	}
	if (!found) {
		snprintf(err, EDU_ERR_MAX, "no sheet %s%s%s in the workbook (it has %u)",
			 by_name(want) ? "'" : "", want ? want : "1", by_name(want) ? "'" : "", count);
		freexl_close(h);
		return NULL;
	}
	struct edu_sheet *s = edu_malloc(sizeof *s);
	const char *name = NULL;

	memset(s, 0, sizeof *s);
	freexl_get_worksheet_name(h, (unsigned short)idx, &name);
	s->name = edu_strdup(name ? name : "");
	freexl_select_active_worksheet(h, (unsigned short)idx);
	freexl_worksheet_dimensions(h, &rows, &cols);
	for (unsigned int r = 0; r < rows; r++) {
		struct edu_sheet_row *row = new_row(s, (long)r + 1);

		for (unsigned short c = 0; c < cols; c++) {
			FreeXL_CellValue v;
			char *why = NULL, *text;

			if (freexl_get_cell_value(h, r, c, &v) != FREEXL_OK)
				continue;
			switch (v.type) {
			case FREEXL_CELL_INT:
				text = edu_asprintf("%d", v.value.int_value);
				break;
			case FREEXL_CELL_DOUBLE:
				text = number_text(v.value.double_value, &why);
				break;
			case FREEXL_CELL_TEXT:
			case FREEXL_CELL_SST_TEXT:
			case FREEXL_CELL_TIME:
				text = edu_strdup(v.value.text_value ? v.value.text_value : "");
				break;
			case FREEXL_CELL_DATE:
			case FREEXL_CELL_DATETIME:
				text = edu_strndup(v.value.text_value ? v.value.text_value : "", 10);
				break;
			default:
				continue;
			}
			put_cell(row, c, text, why);
		}
	}
	freexl_close(h);
	return s;
}

/* libfreexl is not safe on hostile input (fuzz-sheet found it reading
 * past a buffer of its own on a damaged .xls), so it runs in a child
 * process, without the group's rights, which sends the sheet back
 * through a pipe: a file that crashes it is a refused file, not a dead
 * tool.  Each string goes as its length (UINT32_MAX for none) and bytes;
 * the first byte says a sheet (1) or an error message (0) follows. */
static void put_str(struct edu_buf *b, const char *s)
{
	uint32_t n = s ? (uint32_t)strlen(s) : UINT32_MAX;

	edu_buf_add(b, (const char *)&n, sizeof n);
	if (s)
		edu_buf_add(b, s, n);
}

static void put_num(struct edu_buf *b, int64_t v)
{
	edu_buf_add(b, (const char *)&v, sizeof v);
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static void xls_child(int fd, const char *path, const char *want)
{
	char err[EDU_ERR_MAX] = "";
	struct edu_buf b = { 0 };

	edu_priv_drop();
	struct edu_sheet *s = parse_xls(path, want, err);
	edu_buf_add(&b, s ? "\1" : "\0", 1);
	if (!s) {
		put_str(&b, err);
	} else {
		put_str(&b, s->name);
		put_num(&b, s->nrows);
		for (long i = 0; i < s->nrows; i++) {
			put_num(&b, s->rows[i].row);
			put_num(&b, s->rows[i].n);
			for (int j = 0; j < s->rows[i].n; j++) {
				put_str(&b, s->rows[i].cell[j]);
				put_str(&b, s->rows[i].why[j]);
			}
		}
	}
	_exit(write_all(fd, b.s, b.len) < 0 ? 2 : 0);
}

struct reader {
	const char *p, *end;
	int bad;
};

static char *get_str(struct reader *r)
{
	uint32_t n;

	if (r->bad || (size_t)(r->end - r->p) < sizeof n)
		return r->bad = 1, NULL;
	memcpy(&n, r->p, sizeof n);
	r->p += sizeof n;
	if (n == UINT32_MAX)
		return NULL;
	if ((size_t)(r->end - r->p) < n)
		return r->bad = 1, NULL;
	char *s = edu_strndup(r->p, n);
	r->p += n;
	return s;
}

static int64_t get_num(struct reader *r)
{
	int64_t v = 0;

	if (r->bad || (size_t)(r->end - r->p) < sizeof v)
		return r->bad = 1, 0;
	memcpy(&v, r->p, sizeof v);
	r->p += sizeof v;
	return v;
}

static struct edu_sheet *read_xls(const char *path, const char *want, char *err)
{
	int fd[2], status;
	struct edu_buf b = { 0 };
	char chunk[65536];
	ssize_t k;

	if (pipe(fd) < 0)
		edu_die(EDU_ETEMPFAIL, "cannot make a pipe:");
	pid_t pid = fork();
	if (pid < 0)
		edu_die(EDU_ETEMPFAIL, "cannot start the .xls reader:");
	if (pid == 0) {
		/* What the parent's stdout buffer holds is the parent's: the
		 * child's stdout goes nowhere, and it never exits by exit(). */
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, 1);
		edu_forked();
		close(fd[0]);
		xls_child(fd[1], path, want);
	}
	close(fd[1]);
	while ((k = read(fd[0], chunk, sizeof chunk)) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			break;
		edu_buf_add(&b, chunk, (size_t)k);
	}
	close(fd[0]);
	pid_t w;
	while ((w = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
		;
	if (w < 0)
		status = W_EXITCODE(2, 0);	/* not known: taken as failed */
	struct reader r = { b.s, b.s + b.len, 0 };
	struct edu_sheet *s = NULL;

	if (!WIFEXITED(status) || WEXITSTATUS(status) || b.len == 0) {
		snprintf(err, EDU_ERR_MAX, "an .xls workbook its reader stopped on (%s): "
			 "damaged, or not made by a spreadsheet; save it as .xlsx or CSV",
			 WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "no sheet came back");
	} else if (b.s[0] == 0) {
		r.p++;
		char *m = get_str(&r);
		snprintf(err, EDU_ERR_MAX, "%s", m ? m : "not an .xls workbook that can be read");
		free(m);
	} else {
		r.p++;
		s = edu_malloc(sizeof *s);
		memset(s, 0, sizeof *s);
		s->name = get_str(&r);
		for (int64_t i = 0, n = get_num(&r); i < n && !r.bad; i++) {
			struct edu_sheet_row *row = new_row(s, (long)get_num(&r));
			for (int64_t j = 0, m = get_num(&r); j < m && !r.bad; j++) {
				char *text = get_str(&r), *why = get_str(&r);
				put_cell(row, (int)j, text, why);
			}
		}
		if (r.bad || !s->name) {
			edu_sheet_free(s);
			s = NULL;
			snprintf(err, EDU_ERR_MAX, "the .xls reader sent back a damaged sheet");
		}
	}
	edu_buf_free(&b);
	return s;
}

struct edu_sheet *edu_sheet_read(const char *path, int kind, const char *want,
				 char *err)
{
	if (want && !*want)
		want = NULL;
	return kind == 'x' ? read_xlsx(path, want, err) : read_xls(path, want, err);
}

char *edu_sheet_cell_name(int col, long row, char out[32])
{
	char letters[8];
	int n = 0;

	for (int c = col + 1; c > 0 && n < 7; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	int k = 0;
	while (n > 0)
		out[k++] = letters[--n];
	snprintf(out + k, 32 - k, "%ld", row);
	return out;
}
