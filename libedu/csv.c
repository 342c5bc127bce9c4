/* csv.c - a streaming CSV reader on libcsv: BOM, CRLF, CR, blank lines,
 * line numbers, GB18030 through iconv, UTF-8 checked per record; TSV
 * (what -f tsv writes) when the header line has tabs and no comma; the
 * protections of --excel undone; rows of empty cells skipped. */
#define _GNU_SOURCE
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "edu.h"

#define CHUNK 65536
#define HEAD 8			/* bytes that tell a workbook (sheet.c) */

struct edu_csv {
	FILE *f;
	char *name;
	struct csv_parser p;
	iconv_t cd;
	char raw[CHUNK];	/* bytes not yet converted (iconv only) */
	size_t rawlen;
	long rawoff;		/* bytes of the file converted so far */
	char *buf;		/* UTF-8 text; [pos, len) not yet parsed */
	size_t pos, len, cap;
	size_t scanned;		/* bytes after pos known to hold no line end */
	int eof, finished, started;
	long line;		/* lines fed to the parser so far */
	long rec_line;		/* the line the current record starts on */
	int in_record, done;
	/* the record: fields are NUL-terminated in data at off[i] */
	struct edu_buf data;
	size_t *off, *flen;
	int nf, fcap;
	int width;		/* the header's number of fields, once read */
	char bad[EDU_ERR_MAX];	/* what is wrong with this record, or "" */
	long long bytes, size;	/* read so far; of a regular file, else 0 */
	int empty_ok;		/* an empty input has no header, and that is fine */
	int tsv;		/* -1 not known yet, 0 CSV, 1 TSV */
	struct edu_sheet *sheet;	/* a workbook's sheet, read whole */
	long sheet_row;		/* its next row */
	int bad_field;		/* the field bad names, or -1 */
	long empty_rows;	/* rows of empty cells skipped */
	int told;		/* the skipped rows were reported */
};

static void room(struct edu_csv *r, size_t n);
static int quiet;
static const char *sheet_want;

void edu_csv_quiet(int q)
{
	quiet = q;
}

void edu_csv_sheet(const char *want)
{
	sheet_want = want;
}

/* The names ("FILE:SHEET") of the sheets read, so that a place in one is
 * named as a cell: FILE:SHEET!B7.  Kept to the exit: a bulk load reports
 * its rows after the file is closed. */
#define MAX_SHEETS 64
static char *sheet_names[MAX_SHEETS];
static int nsheet_names;

char *edu_csv_at(const char *name, long line, int field, char *out, size_t n)
{
	char cell[32];

	for (int i = 0; field >= 0 && i < nsheet_names; i++)
		if (!strcmp(sheet_names[i], name)) {
			snprintf(out, n, "%s!%s", name, edu_sheet_cell_name(field, line, cell));
			return out;
		}
	snprintf(out, n, "%s:%ld", name, line);
	return out;
}

/* A workbook, known by its first bytes (head, k of them, already read
 * from r->f): its sheet is read whole.  From stdin it is copied to a
 * temporary file first, for the zip reader seeks. */
static void open_sheet(struct edu_csv *r, const char *path, int kind,
		      const char *head, size_t k)
{
	char err[EDU_ERR_MAX], tmp[PATH_MAX] = "";

	if (r->f == stdin) {
		const char *dir = getenv("TMPDIR");
		char buf[CHUNK];
		size_t n;

		snprintf(tmp, sizeof tmp, "%s/edu-sheet.XXXXXX", dir && *dir ? dir : "/tmp");
		int fd = mkstemp(tmp);
		FILE *t = fd < 0 ? NULL : fdopen(fd, "wb");
		if (!t)
			edu_die(EDU_ECANTCREAT, "cannot make a temporary file for the workbook on stdin:");
		fwrite(head, 1, k, t);
		while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
			fwrite(buf, 1, n, t);
		if (ferror(stdin) || fclose(t) != 0) {
			unlink(tmp);
			edu_die(EDU_EIO, "cannot copy the workbook on stdin:");
		}
		path = tmp;
	}
	r->sheet = edu_sheet_read(path, kind, sheet_want, err);
	if (*tmp)
		unlink(tmp);
	if (!r->sheet)
		edu_die(EDU_EDATA, "%s: %s", r->name, err);
	char *name = edu_asprintf("%s:%s", r->name, r->sheet->name);
	free(r->name);
	r->name = name;
	if (nsheet_names < MAX_SHEETS)
		sheet_names[nsheet_names++] = edu_strdup(name);
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;	/* keep spaces: text must round-trip exactly */
}

static void on_field(void *s, size_t n, void *data)
{
	struct edu_csv *r = data;

	if (r->nf == r->fcap) {
		r->fcap = r->fcap ? r->fcap * 2 : 32;
		r->off = edu_realloc(r->off, r->fcap * sizeof *r->off);
		r->flen = edu_realloc(r->flen, r->fcap * sizeof *r->flen);
	}
	r->off[r->nf] = r->data.len;
	r->flen[r->nf] = n;
	edu_buf_add(&r->data, s ? s : "", s ? n : 0);
	edu_buf_add(&r->data, "", 1);	/* keep the NUL */
	r->nf++;
}

static void on_record(int c, void *data)
{
	struct edu_csv *r = data;

	(void)c;
	r->done = 1;
	r->in_record = 0;
}

/* NULL or UTF-8: UTF-8; else converted from it by iconv. */
static const char *input_encoding;

void edu_csv_encoding(const char *enc)
{
	input_encoding = enc;
}

struct edu_csv *edu_csv_open(const char *path)
{
	struct edu_csv *r = edu_malloc(sizeof *r);

	memset(r, 0, sizeof *r);
	if (!path || !strcmp(path, "-")) {
		r->f = stdin;
		r->name = edu_strdup("-");
	} else {
		if (!(r->f = fopen(path, "rb"))) {
			edu_warn("cannot open '%s':", path);
			free(r);
			return NULL;
		}
		r->name = edu_strdup(path);
	}
	struct stat st;
	if (fstat(fileno(r->f), &st) == 0 && S_ISREG(st.st_mode)) {
		long pos = ftell(r->f);	/* stdin may be part read */
		r->size = (long long)st.st_size - (pos > 0 ? pos : 0);
	}
	r->cd = (iconv_t)-1;
	r->tsv = -1;
	r->bad_field = -1;
	const char *enc = input_encoding;
	if (enc && strcasecmp(enc, "utf-8") && strcasecmp(enc, "utf8")) {
		r->cd = iconv_open("UTF-8", enc);
		if (r->cd == (iconv_t)-1)
			edu_die(EDU_EUSAGE, "--encoding: unknown encoding '%s'", enc);
	}
	/* A workbook is known by its content, whatever its name. */
	char head[HEAD];
	size_t k = fread(head, 1, HEAD, r->f);
	if (ferror(r->f))
		edu_die(EDU_EIO, "cannot read '%s':", r->name);
	int kind = edu_sheet_kind(head, k);
	if (kind) {
		open_sheet(r, path, kind, head, k);
		return r;
	}
	/* Else the bytes read are the text's first. */
	if (r->cd == (iconv_t)-1) {
		room(r, HEAD);
		memcpy(r->buf, head, k);
		r->len = k;
		r->started = 1;
		if (k >= 3 && !memcmp(head, "\xef\xbb\xbf", 3))
			r->pos = 3;
	} else {
		memcpy(r->raw, head, k);
		r->rawlen = k;
	}
	csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_space_func(&r->p, no_space);
	/* libcsv grows a field's buffer by this much at a time: its default
	 * of 128 bytes makes a 10 MB field cost tens of thousands of
	 * reallocations. */
	csv_set_blk_size(&r->p, 256 * 1024);
	return r;
}

void edu_csv_close(struct edu_csv *r)
{
	if (!r)
		return;
	edu_sheet_free(r->sheet);
	if (r->f != stdin)
		fclose(r->f);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	csv_free(&r->p);
	edu_buf_free(&r->data);
	free(r->off);
	free(r->flen);
	free(r->buf);
	free(r->name);
	free(r);
}

static void room(struct edu_csv *r, size_t n)
{
	if (r->len + n > r->cap) {
		while (r->len + n > r->cap)
			r->cap = r->cap ? r->cap * 2 : CHUNK * 2;
		r->buf = edu_realloc(r->buf, r->cap);
	}
}

/* Read more input into buf; 0 at the end, -1 on error (reported). */
static int fill(struct edu_csv *r)
{
	size_t n;

	if (r->pos > 0) {
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
	}
	if (r->eof)
		return 0;
	if (r->cd == (iconv_t)-1) {
		room(r, CHUNK);
		n = fread(r->buf + r->len, 1, CHUNK, r->f);
		r->len += n;
		r->bytes += (long long)n;
	} else {
		n = fread(r->raw + r->rawlen, 1, CHUNK - r->rawlen, r->f);
		r->rawlen += n;
		r->bytes += (long long)n;
		char *in = r->raw;
		size_t inleft = r->rawlen;
		while (inleft > 0) {
			room(r, inleft * 4 + 16);
			char *out = r->buf + r->len;
			size_t outleft = r->cap - r->len;
			size_t rc = iconv(r->cd, &in, &inleft, &out, &outleft);
			r->len = (size_t)(out - r->buf);
			if (rc != (size_t)-1)
				break;
			if (errno == E2BIG)
				continue;
			if (errno == EINVAL && n > 0)
				break;	/* a character split by the read */
			/* The bad byte follows the text converted but not yet
			 * parsed: its line is past the line ends in that text. */
			long line = r->line + 1;
			for (size_t k = r->pos; k < r->len; k++)
				line += r->buf[k] == '\n' || (r->buf[k] == '\r' &&
					(k + 1 == r->len || r->buf[k + 1] != '\n'));
			/* The raw buffer is not advanced past what was
			 * converted: reading on would convert it twice. */
			r->finished = 1;
			return edu_error("%s:%ld: not valid %s text (at byte %ld)",
					 r->name, line, input_encoding,
					 r->rawoff + (long)(in - r->raw));
		}
		r->rawoff += (long)(in - r->raw);
		memmove(r->raw, in, inleft);
		r->rawlen = inleft;
	}
	if (n == 0) {
		if (ferror(r->f))
			edu_die(EDU_EIO, "cannot read '%s':", r->name);
		r->eof = 1;
		return 0;
	}
	if (!r->started && r->len >= 3) {
		r->started = 1;
		if (!memcmp(r->buf, "\xef\xbb\xbf", 3))
			r->pos = 3;
	}
	return 1;
}

/* Check the finished record; a bad one is kept with a reason. */
static void check_record(struct edu_csv *r)
{
	r->bad[0] = '\0';
	/* Empty fields past the header's are a spreadsheet's trailing
	 * commas; text there would be silently lost. */
	for (int i = r->width; r->width && i < r->nf; i++)
		if (r->flen[i]) {
			snprintf(r->bad, sizeof r->bad, "%d fields, but the header has %d",
				 r->nf, r->width);
			return;
		}
	for (int i = 0; i < r->nf; i++) {
		const char *s = r->data.s + r->off[i];
		size_t bad;

		if (r->flen[i] > EDU_FIELD_MAX) {
			snprintf(r->bad, sizeof r->bad,
				 "field %d: %zu bytes, more than the %d a field may hold",
				 i + 1, r->flen[i], EDU_FIELD_MAX);
			return;
		}
		if (edu_valid_utf8(s, r->flen[i], &bad) == 0)
			continue;
		unsigned char c = (unsigned char)s[bad];
		if (c == 0)
			snprintf(r->bad, sizeof r->bad, "field %d: a NUL byte", i + 1);
		else if (c < 0x80)
			snprintf(r->bad, sizeof r->bad,
				 "field %d: a control character (0x%02x)", i + 1, c);
		else
			snprintf(r->bad, sizeof r->bad,
				 "field %d: not valid UTF-8 (is the file GB18030? try --encoding gb18030)",
				 i + 1);
		return;
	}
}

/* A line of TSV: fields split at tabs, \\t \\n \\r \\\\ unescaped (the
 * line's end is not part of it). */
static void tsv_line(struct edu_csv *r, const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	struct edu_buf f = { 0 };

	for (size_t i = 0;; i++) {
		if (i == n || s[i] == '\t') {
			on_field(f.s, f.len, r);
			f.len = 0;
			if (i == n)
				break;
			continue;
		}
		char c = s[i];
		if (c == '\\' && i + 1 < n && strchr("tnr\\", s[i + 1])) {
			i++;
			c = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' : s[i] == 'r' ? '\r' : '\\';
		}
		edu_buf_add(&f, &c, 1);
	}
	edu_buf_free(&f);
	on_record(0, r);
}

/* Undo what --excel did for a spreadsheet (out.c): ="0571" (digits a
 * spreadsheet would change, kept as text) is 0571, and the ' before a
 * cell that starts like a formula goes (one ' of a run of them, so that
 * text that began with ' keeps it). */
static void unprotect(struct edu_csv *r)
{
	for (int i = 0; i < r->nf; i++) {
		char *s = r->data.s + r->off[i];
		size_t n = r->flen[i];

		if (n >= 4 && s[0] == '=' && s[1] == '"' && s[n - 1] == '"' &&
		    strspn(s + 2, "0123456789") == n - 3) {
			memmove(s, s + 2, n - 3);
			s[n - 3] = '\0';
			r->flen[i] = n - 3;
		} else if (n >= 2 && s[0] == '\'') {
			size_t k = strspn(s, "'");

			if (k < n && strchr("=+-@\t\r", s[k])) {
				memmove(s, s + 1, n);	/* the NUL too */
				r->flen[i] = n - 1;
			}
		}
	}
}

/* A spreadsheet's leftover row: commas only. */
static int empty_record(struct edu_csv *r)
{
	for (int i = 0; i < r->nf; i++) {
		const char *s = r->data.s + r->off[i];
		if (s[strspn(s, " \t")])
			return 0;
	}
	return 1;
}

static int blank_record(struct edu_csv *r)
{
	if (r->nf != 1)
		return 0;
	const char *s = r->data.s + r->off[0];
	return s[strspn(s, " \t")] == '\0';
}

/* The next row of a sheet, as a record. */
static int sheet_next(struct edu_csv *r)
{
	for (;;) {
		r->nf = 0;
		r->data.len = 0;
		r->bad[0] = '\0';
		r->bad_field = -1;
		if (r->sheet_row >= r->sheet->nrows) {
			if (r->empty_rows && !r->told && !quiet)
				edu_warn("%s: %ld rows of empty cells skipped", r->name, r->empty_rows);
			r->told = 1;
			return 0;
		}
		struct edu_sheet_row *row = &r->sheet->rows[r->sheet_row++];
		for (int c = 0; c < row->n; c++) {
			const char *v = row->cell[c] ? row->cell[c] : "";
			on_field((void *)v, strlen(v), r);
		}
		if (r->nf == 0 || empty_record(r)) {
			r->empty_rows += r->nf > 0;
			continue;
		}
		r->rec_line = row->row;
		check_record(r);
		for (int c = 0; c < row->n && !r->bad[0]; c++)
			if (row->why[c]) {
				snprintf(r->bad, sizeof r->bad, "%s", row->why[c]);
				r->bad_field = c;
			}
		return r->nf;
	}
}

int edu_csv_next(struct edu_csv *r)
{
	if (r->sheet)
		return sheet_next(r);
	for (;;) {
		r->nf = 0;
		r->data.len = 0;
		r->done = 0;
		if (r->finished)
			return 0;
		while (!r->done) {
			if (!r->started && !r->eof && r->len - r->pos < 3) {
				if (fill(r) < 0)
					return -1;
				if (r->eof)
					r->started = 1;
				continue;
			}
			/* One line at a time, so each record knows its line. */
			size_t i = r->pos + r->scanned, end = 0;
			while (i < r->len && r->buf[i] != '\n' && r->buf[i] != '\r')
				i++;
			/* A long line is read in many fills: scan each byte once. */
			r->scanned = i - r->pos;
			if (i < r->len) {
				end = i + 1;
				if (r->buf[i] == '\r') {
					if (i + 1 == r->len && !r->eof) {
						if (fill(r) < 0)
							return -1;
						continue;
					}
					if (i + 1 < r->len && r->buf[i + 1] == '\n')
						end++;
				}
			} else if (!r->eof) {
				if (fill(r) < 0)
					return -1;
				continue;
			} else if (r->pos < r->len) {
				end = r->len;
			} else {
				if (csv_fini(&r->p, on_field, on_record, r) != 0) {
					r->finished = 1;
					return edu_error("%s:%ld: a quoted field is not closed",
							 r->name, r->rec_line);
				}
				r->finished = 1;
				break;
			}
			size_t n = end - r->pos;
			const char *s = r->buf + r->pos;
			if (!r->in_record && !(s[0] == '\n' || s[0] == '\r')) {
				r->in_record = 1;
				r->rec_line = r->line + 1;
			}
			/* The header line tells TSV from CSV: tabs and no comma. */
			if (r->tsv < 0 && r->in_record)
				r->tsv = memchr(s, '\t', n) && !memchr(s, ',', n);
			if (r->tsv > 0) {
				if (r->in_record)
					tsv_line(r, s, n);
			} else if (csv_parse(&r->p, s, n, on_field, on_record, r) != n) {
				r->finished = 1;
				return edu_error("%s:%ld: malformed CSV: %s", r->name,
						 r->line + 1,
						 "a quote inside an unquoted field, or text after a closing quote");
			}
			r->pos = end;
			r->scanned = 0;
			if (s[n - 1] == '\n' || s[n - 1] == '\r')
				r->line++;
		}
		if (!r->done) {
			if (r->empty_rows && !r->told && !quiet)
				edu_warn("%s: %ld rows of empty cells skipped", r->name, r->empty_rows);
			r->told = 1;
			return 0;
		}
		if (blank_record(r))
			continue;
		if (empty_record(r)) {
			r->empty_rows++;
			continue;
		}
		if (!r->tsv)
			unprotect(r);
		check_record(r);
		return r->nf;
	}
}

const char *edu_csv_field(struct edu_csv *r, int i)
{
	return i >= 0 && i < r->nf ? r->data.s + r->off[i] : "";
}

size_t edu_csv_field_len(struct edu_csv *r, int i)
{
	return i >= 0 && i < r->nf ? r->flen[i] : 0;
}

long edu_csv_line(struct edu_csv *r)
{
	return r->rec_line;
}

int edu_csv_width(struct edu_csv *r)
{
	return r->width;
}

long long edu_csv_bytes(struct edu_csv *r, long long *size)
{
	*size = r->size;
	return r->bytes;
}

const char *edu_csv_name(struct edu_csv *r)
{
	return r->name;
}

const char *edu_csv_bad(struct edu_csv *r)
{
	return r->bad[0] ? r->bad : NULL;
}

int edu_csv_bad_field(struct edu_csv *r)
{
	return r->bad[0] ? r->bad_field : -1;
}

/* Does a header name match a column's name or one of its aliases? */
static int name_matches(const struct edu_colname *c, const char *h)
{
	if (!strcasecmp(c->name, h))
		return 1;
	for (const char *a = c->aliases; a && *a;) {
		size_t n = strcspn(a, "|");

		if (n == strlen(h) && !strncmp(a, h, n))
			return 1;
		a += n + (a[n] == '|');
	}
	return 0;
}

int edu_csv_header(struct edu_csv *r, const struct edu_colname *cols,
		   int ncols, int ignore_extra, int *map)
{
	int n = edu_csv_next(r), bad = 0;
	long np = 0;

	if (n < 0)
		return -1;
	if (n == 0 && r->empty_ok)
		return 1;
	if (n == 0)
		return edu_error("%s: no header row (an empty file)", r->name);
	if (edu_csv_bad(r))
		return edu_error("%s:%ld: header: %s", r->name, r->rec_line, r->bad);
	for (int j = 0; j < ncols; j++)
		map[j] = -1;
	/* Empty header cells past the last named column: a spreadsheet's
	 * trailing commas, or columns someone cleared. */
	int named = n;
	while (named > 0 && !edu_csv_field(r, named - 1)[strspn(edu_csv_field(r, named - 1), " \t")])
		named--;
	if (named < n && named > 0 && !quiet)
		edu_warn("%s:%ld: %d empty columns after the last named one ignored",
			 r->name, r->rec_line, n - named);
	if (named > 0)
		n = named;
	r->width = n;
	for (int i = 0; i < n; i++) {
		char *h = edu_strdup(edu_csv_field(r, i));
		char *s = h + strspn(h, " \t");
		size_t len = strlen(s);
		while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			s[--len] = '\0';
		int j;
		for (j = 0; j < ncols; j++)
			if (name_matches(&cols[j], s))
				break;
		if (j == ncols) {
			if (!ignore_extra)
				bad = edu_csv_unknown_column(&np, r->name, r->rec_line, s,
							     cols, ncols);
		} else if (map[j] >= 0) {
			bad = edu_header_problem(&np, "%s:%ld: column '%s' appears twice",
						 r->name, r->rec_line, cols[j].name);
		} else {
			map[j] = i;
		}
		free(h);
	}
	edu_header_problems_end(np, r->name);
	return bad;
}

int edu_csv_unknown_column(long *n, const char *file, long line, const char *h,
			   const struct edu_colname *cols, int ncols)
{
	struct edu_near near;

	/* A misspelt column (issue 18): the name or alias nearest to it, in
	 * the language it was written in; looked for only while the
	 * messages are printed, not for the columns merely counted. */
	edu_near_init(&near, h);
	for (int j = 0; j < ncols && *n < EDU_HEADER_PROBLEMS_MAX; j++) {
		edu_near_try(&near, cols[j].name, strlen(cols[j].name));
		for (const char *a = cols[j].aliases; a && *a;) {
			size_t len = strcspn(a, "|");

			edu_near_try(&near, a, len);
			a += len + (a[len] == '|');
		}
	}
	const char *best = edu_near_best(&near);
	if (best)
		return edu_header_problem(n, "%s:%ld: unknown column '%s'; did you mean %s? (see edu-csv(5), or use --ignore-extra)",
					  file, line, h, best);
	return edu_header_problem(n, "%s:%ld: unknown column '%s' (see edu-csv(5), or use --ignore-extra)",
				  file, line, h);
}

int edu_header_problem(long *n, const char *fmt, ...)
{
	va_list ap;

	if (++*n <= EDU_HEADER_PROBLEMS_MAX) {
		char *msg;

		va_start(ap, fmt);
		if (vasprintf(&msg, fmt, ap) < 0)
			edu_die(EDU_ESOFTWARE, "out of memory");
		va_end(ap);
		edu_warn("%s", msg);
		free(msg);
	}
	return -1;
}

void edu_header_problems_end(long n, const char *name)
{
	if (n > EDU_HEADER_PROBLEMS_MAX)
		edu_warn("%s:1: and %ld more problems with the header",
			 name, n - EDU_HEADER_PROBLEMS_MAX);
}

void edu_csv_allow_empty(struct edu_csv *r)
{
	r->empty_ok = 1;
}
