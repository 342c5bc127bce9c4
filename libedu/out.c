/* out.c - output in CSV (and its --excel form), TSV, aligned tables,
 * JSON Lines and workbooks (xlsx.c), from rows of text or from SQLite
 * statements. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "edu.h"

struct edu_out {
	FILE *f;
	enum edu_format fmt;
	int excel;
	int ncols, col;
	char **names;
	int header_due;		/* the header is written with the first row */
	int quiet_empty;	/* no rows: print nothing, not even a header */
	struct edu_buf line;	/* the row being written (csv, tsv, json) */
	/* table: every cell is kept until the end to measure the columns */
	char **cells;
	size_t ncells, cap;
	/* xlsx: a sheet per output, the row being written, the types */
	char *sheet, *types;
	char **row;
	const char *rowtypes;	/* this row's types, or NULL: the columns' */
	int begun;
};

/* Every output of a command in xlsx goes into one workbook, a sheet each;
 * edu_out_finish writes it. */
static struct edu_xlsx *book;
static FILE *book_f;
static const char *default_sheet;
static _Noreturn void xlsx_die(void);

struct edu_out *edu_out_new_fmt(FILE *f, enum edu_format fmt, int excel,
				int ncols, const char *const *names)
{
	struct edu_out *o = edu_malloc(sizeof *o);

	memset(o, 0, sizeof *o);
	o->f = f;
	o->fmt = fmt;
	o->excel = excel && fmt == EDU_FMT_CSV;
	o->ncols = ncols;
	o->names = edu_malloc(ncols * sizeof *o->names);
	for (int i = 0; i < ncols; i++)
		o->names[i] = edu_strdup(names[i]);
	o->header_due = 1;
	if (fmt == EDU_FMT_XLSX)
		o->row = edu_malloc(ncols * sizeof *o->row);
	return o;
}

void edu_out_sheet_default(const char *name)
{
	default_sheet = name;
}

void edu_out_types(struct edu_out *o, const char *sheet, const char *types)
{
	free(o->sheet);
	free(o->types);
	o->sheet = sheet ? edu_strdup(sheet) : NULL;
	o->types = types ? edu_strdup(types) : NULL;
}

static enum edu_format default_fmt = EDU_FMT_CSV;
static int default_excel;

void edu_out_defaults(enum edu_format fmt, int excel)
{
	default_fmt = fmt;
	default_excel = excel;
}

struct edu_out *edu_out_new(FILE *f, int ncols, const char *const *names)
{
	return edu_out_new_fmt(f, default_fmt, default_excel, ncols, names);
}

static void csv_cell(struct edu_out *o, const char *s)
{
	struct edu_buf *b = &o->line;
	int quote = 0, formula = 0;
	size_t n = strlen(s);

	/* A spreadsheet would run a cell that starts like a formula. */
	if (o->excel && (*s == '=' || *s == '+' || *s == '-' || *s == '@' ||
			 *s == '\t' || *s == '\r'))
		formula = 1;
	if (strpbrk(s, ",\"\r\n") || (n > 0 && (s[0] == ' ' || s[0] == '\t' ||
						 s[n - 1] == ' ' || s[n - 1] == '\t')))
		quote = 1;
	if (quote)
		edu_buf_add(b, "\"", 1);
	if (formula)
		edu_buf_add(b, "'", 1);
	/* Runs between quotes in one copy each: a listing writes every cell
	 * of a million rows through here. */
	for (const char *p = s;;) {
		const char *q = quote ? strchr(p, '"') : NULL;
		size_t k = q ? (size_t)(q - p) : n - (size_t)(p - s);

		edu_buf_add(b, p, k);
		if (!q)
			break;
		edu_buf_add(b, "\"\"", 2);
		p = q + 1;
	}
	if (quote)
		edu_buf_add(b, "\"", 1);
}

static void tsv_cell(struct edu_out *o, const char *s)
{
	for (const char *p = s; *p; p++) {
		switch (*p) {
		case '\t': edu_buf_add(&o->line, "\\t", 2); break;
		case '\n': edu_buf_add(&o->line, "\\n", 2); break;
		case '\r': edu_buf_add(&o->line, "\\r", 2); break;
		case '\\': edu_buf_add(&o->line, "\\\\", 2); break;
		default: edu_buf_add(&o->line, p, 1);
		}
	}
}

/* A number by JSON's grammar (strtod also takes +5, 007, .5 and 5., which
 * would make the line invalid JSON): -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int looks_numeric(const char *s)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		p += strspn(p, "0123456789");
	else
		return 0;
	if (*p == '.') {
		size_t n = strspn(p + 1, "0123456789");

		if (!n)
			return 0;
		p += 1 + n;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		size_t n = strspn(p, "0123456789");

		if (!n)
			return 0;
		p += n;
	}
	return *p == '\0';
}

static void end_row(struct edu_out *o)
{
	if (o->fmt == EDU_FMT_XLSX) {
		if (edu_xlsx_row_types(book, (const char *const *)o->row, o->rowtypes) < 0)
			xlsx_die();
		o->rowtypes = NULL;
		for (int i = 0; i < o->ncols; i++)
			free(o->row[i]);
		o->col = 0;
		return;
	}
	if (o->fmt == EDU_FMT_JSON)
		edu_buf_add(&o->line, "}", 1);
	if (o->fmt != EDU_FMT_TABLE) {
		edu_buf_puts(&o->line, o->excel ? "\r\n" : "\n");
		/* Stop at the first failed write: a million rows into a
		 * closed pipe would each fail again. */
		if (fwrite(o->line.s, 1, o->line.len, o->f) != o->line.len &&
		    o->f == stdout)
			edu_die_output(errno);
	}
	o->line.len = 0;
	o->col = 0;
}

/* Columns that hold keys, codes and numbers people do not add up: text
 * in a workbook, so 0571 keeps its zero and 330106200901011234 its
 * digits, and no spreadsheet turns them into 3.30106E+17. */
static int key_like(const char *name)
{
	static const char *const ends[] = {
		"_no", "code", "number", "phone", "tag", "id", "school",
		"hash", "key", "seed", "login", "region", NULL
	};
	size_t n = strlen(name);

	for (int i = 0; ends[i]; i++) {
		size_t k = strlen(ends[i]);
		if (n >= k && strcasecmp(name + n - k, ends[i]) == 0)
			return 1;
	}
	return 0;
}

static _Noreturn void xlsx_die(void)
{
	char err[EDU_ERR_MAX];

	edu_xlsx_close(book, err);
	book = NULL;
	edu_die(EDU_EIO, "%s", err);
}

static void xlsx_begin(struct edu_out *o)
{
	char err[EDU_ERR_MAX];
	char *types = edu_malloc(o->ncols + 1);

	if (!book) {
		book = edu_xlsx_open(o->f, err);
		if (!book)
			edu_die(EDU_ECANTCREAT, "%s", err);
		book_f = o->f;
	}
	for (int i = 0; i < o->ncols; i++) {
		char t = o->types && i < (int)strlen(o->types) ? o->types[i] : '?';

		types[i] = t == '?' && key_like(o->names[i]) ? 't' : t;
	}
	types[o->ncols] = '\0';
	if (edu_xlsx_sheet(book, o->sheet ? o->sheet : default_sheet) < 0 ||
	    edu_xlsx_begin(book, NULL, o->ncols, (const char *const *)o->names, types) < 0)
		xlsx_die();
	free(types);
	o->begun = 1;
}

static void header(struct edu_out *o)
{
	o->header_due = 0;
	if (o->fmt == EDU_FMT_XLSX) {
		xlsx_begin(o);
		return;
	}
	if (o->excel)
		fputs("\xef\xbb\xbf", o->f);
	if (o->fmt != EDU_FMT_JSON)
		for (int i = 0; i < o->ncols; i++)
			edu_out_cell(o, o->names[i], EDU_V_TEXT);
}

void edu_out_cell(struct edu_out *o, const char *s, enum edu_vtype t)
{
	if (o->header_due)
		header(o);
	if (!s)
		t = EDU_V_NULL;
	switch (o->fmt) {
	case EDU_FMT_CSV:
		if (o->col > 0)
			edu_buf_add(&o->line, ",", 1);
		csv_cell(o, t == EDU_V_NULL ? "" : s);
		break;
	case EDU_FMT_TSV:
		if (o->col > 0)
			edu_buf_add(&o->line, "\t", 1);
		tsv_cell(o, t == EDU_V_NULL ? "" : s);
		break;
	case EDU_FMT_JSON:
		edu_buf_add(&o->line, o->col > 0 ? "," : "{", 1);
		edu_buf_json(&o->line, o->names[o->col]);
		edu_buf_add(&o->line, ":", 1);
		if (t == EDU_V_NULL)
			edu_buf_puts(&o->line, "null");
		else if (t == EDU_V_NUM && looks_numeric(s))
			edu_buf_puts(&o->line, s);
		else
			edu_buf_json(&o->line, s);
		break;
	case EDU_FMT_XLSX:
		o->row[o->col] = t == EDU_V_NULL ? NULL : edu_strdup(s);
		break;
	case EDU_FMT_TABLE:
		if (o->ncells == o->cap) {
			o->cap = o->cap ? o->cap * 2 : 256;
			o->cells = edu_realloc(o->cells, o->cap * sizeof *o->cells);
		}
		o->cells[o->ncells++] = edu_strdup(t == EDU_V_NULL ? "" : s);
		break;
	}
	if (++o->col == o->ncols)
		end_row(o);
}

void edu_out_row(struct edu_out *o, const char *const *vals)
{
	for (int i = 0; i < o->ncols; i++)
		edu_out_cell(o, vals[i], vals[i] ? EDU_V_TEXT : EDU_V_NULL);
}

void edu_out_stmt_row(struct edu_out *o, sqlite3_stmt *st)
{
	for (int i = 0; i < o->ncols; i++) {
		int t = sqlite3_column_type(st, i);
		const char *s = (const char *)sqlite3_column_text(st, i);

		edu_out_cell(o, s, t == SQLITE_NULL ? EDU_V_NULL :
			     t == SQLITE_INTEGER || t == SQLITE_FLOAT ?
			     EDU_V_NUM : EDU_V_TEXT);
	}
}

long edu_out_stmt(struct edu_out *o, sqlite3_stmt *st)
{
	long rows = 0;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		edu_out_stmt_row(o, st);
		rows++;
	}
	if (rc != SQLITE_DONE)
		edu_die_db(sqlite3_db_handle(st), "cannot read");
	return rows;
}

struct edu_out *edu_out_for_stmt(FILE *f, sqlite3_stmt *st)
{
	int n = sqlite3_column_count(st);
	const char **names = edu_malloc(n * sizeof *names);

	for (int i = 0; i < n; i++)
		names[i] = sqlite3_column_name(st, i);
	struct edu_out *o = edu_out_new(f, n, names);
	free(names);
	return o;
}

/* A table is for eyes on a terminal: line breaks and tabs in a cell become
 * spaces, and no control character reaches the terminal raw - any other
 * C0 or C1 control character, DEL, and bytes that are not UTF-8 are shown
 * as U+FFFD (the replacement character). */
#define REPLACEMENT "\xef\xbf\xbd"

static char *table_text(const char *s)
{
	struct edu_buf b = { 0 };
	const char *p = s;

	edu_buf_add(&b, "", 0);
	while (*p) {
		size_t n = strlen(p), bad = n, i = 0;

		if (edu_valid_utf8(p, n, &bad) == 0)
			bad = n;
		while (i < bad) {
			unsigned char c = (unsigned char)p[i];

			if (c == '\n' || c == '\r' || c == '\t') {
				edu_buf_add(&b, " ", 1);
				i++;
			} else if (c == 0xc2 && (unsigned char)p[i + 1] < 0xa0) {
				edu_buf_add(&b, REPLACEMENT, 3);	/* U+0080..U+009F */
				i += 2;
			} else {
				edu_buf_add(&b, p + i, 1);
				i++;
			}
		}
		if (bad == n)
			break;
		edu_buf_add(&b, REPLACEMENT, 3);
		p += bad + 1;
		while ((*p & 0xc0) == 0x80)
			p++;
	}
	return b.s;
}

static void table_flush(struct edu_out *o)
{
	size_t *w = edu_malloc(o->ncols * sizeof *w);

	for (size_t i = 0; i < o->ncells; i++) {
		char *t = table_text(o->cells[i]);

		free(o->cells[i]);
		o->cells[i] = t;
	}
	for (int c = 0; c < o->ncols; c++)
		w[c] = 0;
	for (size_t i = 0; i < o->ncells; i++) {
		size_t cw = edu_text_width(o->cells[i]);
		if (cw > w[i % o->ncols])
			w[i % o->ncols] = cw;
	}
	for (size_t i = 0; i < o->ncells; i++) {
		int c = (int)(i % o->ncols);

		fputs(o->cells[i], o->f);
		if (c == o->ncols - 1) {
			fputc('\n', o->f);
			if (i == (size_t)o->ncols - 1) {
				for (int k = 0; k < o->ncols; k++) {
					for (size_t j = 0; j < w[k]; j++)
						fputc('-', o->f);
					fputs(k == o->ncols - 1 ? "\n" : "  ", o->f);
				}
			}
		} else {
			for (size_t j = edu_text_width(o->cells[i]); j < w[c] + 2; j++)
				fputc(' ', o->f);
		}
		free(o->cells[i]);
	}
	free(w);
}

void edu_out_end(struct edu_out *o)
{
	if (!o)
		return;
	if (o->header_due && !o->quiet_empty)
		header(o);
	if (o->fmt == EDU_FMT_TABLE && o->ncols > 0)
		table_flush(o);
	if (o->begun && edu_xlsx_end(book) < 0)
		xlsx_die();
	free(o->row);
	free(o->sheet);
	free(o->types);
	for (int i = 0; i < o->ncols; i++)
		free(o->names[i]);
	free(o->names);
	free(o->cells);
	edu_buf_free(&o->line);
	/* Here, with errno still telling why ("No space left on device"),
	 * rather than at the exit. */
	if (fflush(o->f) != 0 && o->f == stdout)
		edu_die_output(errno);
	free(o);
}

long edu_print_stmt(sqlite3_stmt *st, int quiet_empty)
{
	struct edu_out *o = edu_out_for_stmt(stdout, st);

	o->quiet_empty = quiet_empty;
	long n = edu_out_stmt(o, st);
	edu_out_end(o);
	sqlite3_finalize(st);
	return n;
}

void edu_out_fields(struct edu_out *o, sqlite3_stmt *st)
{
	for (int i = 0; i < sqlite3_column_count(st); i++) {
		const char *row[] = { sqlite3_column_name(st, i),
				      (const char *)sqlite3_column_text(st, i) };
		/* in a workbook, a key's value is text by the field's name */
		o->rowtypes = key_like(row[0]) ? "tt" : "t?";
		edu_out_row(o, row);
	}
}

/* ---- output held until the commit -------------------------------------- */

/* The descriptor of stdout is pointed at the temporary file, rather than
 * the FILE swapped: an edu_out made before the begin, or ended after the
 * commit, writes through the same stdout either way. */
static struct {
	int enabled;
	FILE *tmp;		/* NULL: not holding */
	int real;		/* a copy of the real stdout */
	int failed;		/* stdout had failed before the hold */
} held = { 0, NULL, -1, 0 };


static void out_hold(void)
{
	if (!held.enabled || held.tmp)
		return;
	fflush(stdout);
	int real = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);

	if (real < 0)
		return;		/* no stdout: there is nothing to hold */
	FILE *t = tmpfile();
	if (!t || dup2(fileno(t), STDOUT_FILENO) < 0)
		edu_die(EDU_EIO, "cannot hold the output until the commit:");
	held.tmp = t;
	held.real = real;
	held.failed = ferror(stdout);
}

static int out_held_ok(void)
{
	if (!held.tmp)
		return 0;
	errno = EIO;
	if (fflush(stdout) != 0 || (ferror(stdout) && !held.failed))
		return -1;
	return 0;
}

/* Point stdout back at the real one. */
static void unhold(void)
{
	dup2(held.real, STDOUT_FILENO);
	close(held.real);
	fclose(held.tmp);
	held.tmp = NULL;
	held.real = -1;
}

static int out_release(void)
{
	char buf[65536];
	off_t at = 0;
	ssize_t n;
	int rc = 0, e = 0;

	if (!held.tmp)
		return 0;
	if (out_held_ok() < 0) {
		e = errno;
		rc = -1;
	}
	while (!rc && (n = pread(fileno(held.tmp), buf, sizeof buf, at)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
			rc = -1;
			break;
		}
		at += n;
		for (ssize_t k = 0; k < n;) {
			ssize_t w = write(held.real, buf + k, (size_t)(n - k));

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				e = w < 0 ? errno : EIO;
				rc = -1;
				break;
			}
			k += w;
		}
	}
	unhold();
	errno = e;
	return rc;
}

static void out_drop(void)
{
	if (!held.tmp)
		return;
	fflush(stdout);
	if (!held.failed)
		clearerr(stdout);
	unhold();
}

void edu_out_finish(void)
{
	char err[EDU_ERR_MAX];

	if (!book)
		return;
	struct edu_xlsx *b = book;
	book = NULL;
	if (edu_xlsx_close(b, err) < 0)
		edu_die(EDU_EIO, "%s", err);
	if (fflush(book_f) != 0 && book_f == stdout)
		edu_die_output(errno);
}

static void out_commit(void)
{
	if (out_release() < 0)
		edu_die_output(errno);
}

static void out_rollback(int shown)
{
	if (!shown) {
		/* what a change that did not land printed goes, in a
		 * workbook as in a held stream */
		edu_xlsx_discard(book);
		book = NULL;
		out_drop();
	} else if (out_release() < 0)
		edu_die_output(errno);
}

static const struct edu_tx_hooks out_hooks = {
	.begin = out_hold, .precommit = out_held_ok, .commit = out_commit,
	.rollback = out_rollback,
};

void edu_out_hold_enable(void)
{
	held.enabled = 1;
	edu_tx_hooks(&out_hooks);
}
