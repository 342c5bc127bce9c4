/* import.c - the importer: CSV files into an entity through the writer,
 * bad rows reported or rejected, one transaction, the run ledger. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

/* The options of this run's import (edu_import_options). */
static struct edu_import_opts import_opt;

void edu_import_options(const struct edu_import_opts *o)
{
	import_opt = *o;
}

/* ---- import ---------------------------------------------------------------- */

/* An import checks each row as it reads it and writes it at once, each
 * change audited.  A bulk entity (a register of a million rows) differs:
 * into an empty table its rows are appended and its indexes built at the
 * end (eng_bulk_begin); into a filled one its new records wait in a
 * temporary table and go in at the end in key order, so that the B-trees
 * grow at their right edge instead of being split all over.  Either way
 * its inserted rows are audited as one row: their number and the SHA-256
 * of their values in the order they went in (file order into an empty
 * table, key order into a filled one). */



/* eng_row_error is called from both threads of a bulk load. */
static pthread_mutex_t error_mu = PTHREAD_MUTEX_INITIALIZER;

/* Report a bad row; with --reject, keep it with its reason.  fields[i]
 * is the row's text of entity column i (map[i] < 0: the input has no such
 * column). */
void eng_row_error(struct importer *im, const char *fname, long line,
		      const int *map, const char *const *fields,
		      const char *col, const char *msg)
{
	pthread_mutex_lock(&error_mu);
	if (im->errors < MAX_SHOWN) {
		/* A sheet's cell is named as a spreadsheet names it: B7. */
		int field = -1;
		char at[EDU_ERR_MAX];

		for (int i = 0; col && map && i < im->e->ncols; i++)
			if (!strcmp(im->e->cols[i].name, col))
				field = map[i];
		edu_csv_at(fname, line, field, at, sizeof at);
		if (col)
			edu_warn("%s: %s: %s", at, col, msg);
		else
			edu_warn("%s: %s", at, msg);
	}
	im->errors++;
	im->st.rejected++;
	if (im->reject_f && !im->reject) {
		/* The reject file has the input's own columns, so that, fixed,
		 * it imports back meaning what the input meant: a column the
		 * input left out must not come back empty. */
		const char **names = edu_malloc((im->e->ncols + im->nextra + 1) * sizeof *names);

		im->reject_cols = edu_malloc(im->e->ncols * sizeof *im->reject_cols);
		for (int i = 0; i < im->e->ncols; i++)
			if (map[i] >= 0) {
				names[im->nreject] = im->e->cols[i].name;
				im->reject_cols[im->nreject++] = i;
			}
		for (int k = 0; k < im->nextra; k++)
			names[im->nreject + k] = im->xname[k];
		names[im->nreject + im->nextra] = "error";
		im->reject = edu_out_new_fmt(im->reject_f, EDU_FMT_CSV, 0,
					     im->nreject + im->nextra + 1, names);
		im->reject_extra = im->nextra;
		free(names);
	}
	if (im->reject) {
		for (int k = 0; k < im->nreject; k++) {
			const char *v = fields[im->reject_cols[k]];
			edu_out_cell(im->reject, v ? v : "", EDU_V_TEXT);
		}
		for (int k = 0; k < im->reject_extra; k++)
			edu_out_cell(im->reject, k < im->nextra && im->xval ? im->xval[k] : "",
				     EDU_V_TEXT);
		char *m = col ? edu_asprintf("%s: %s", col, msg) : edu_strdup(msg);
		edu_out_cell(im->reject, m, EDU_V_TEXT);
		free(m);
	}
	pthread_mutex_unlock(&error_mu);
}

static void stage_begin(struct importer *im, sqlite3 *db)
{
	struct edu_buf sql = { 0 };
	const struct edu_entity *e = im->e;

	edu_buf_puts(&sql, "DROP TABLE IF EXISTS temp.edu_stage; CREATE TEMP TABLE edu_stage (file INTEGER, line INTEGER");
	for (int i = 0; i < e->ncols; i++)
		edu_buf_printf(&sql, ", c%d", i);
	edu_buf_puts(&sql, ")");
	if (sqlite3_exec(db, sql.s, NULL, NULL, NULL) != SQLITE_OK)
		edu_die_db(db, "cannot make a temporary table");
	edu_buf_free(&sql);
	edu_buf_puts(&sql, "INSERT INTO temp.edu_stage VALUES (?, ?");
	for (int i = 0; i < e->ncols; i++)
		edu_buf_puts(&sql, ", ?");
	edu_buf_puts(&sql, ")");
	im->stage = edu_prepare(db, sql.s);
	edu_buf_free(&sql);
}

static void stage_row(struct importer *im, long line)
{
	const struct edu_entity *e = im->e;
	sqlite3_stmt *st = im->stage;
	char **vals = im->w->vals;

	sqlite3_bind_int(st, 1, im->file);
	sqlite3_bind_int64(st, 2, line);
	for (int i = 0; i < e->ncols; i++) {
		if (!vals[i])
			sqlite3_bind_null(st, i + 3);
		else if (e->cols[i].type == EDU_C_INT)
			sqlite3_bind_int64(st, i + 3, strtoll(vals[i], NULL, 10));
		else
			sqlite3_bind_text(st, i + 3, vals[i], -1, SQLITE_STATIC);
	}
	edu_exec_stmt(im->w->db, st);
	im->staged++;
}

/* Insert the staged records in key order. */
static void stage_flush(struct importer *im)
{
	const struct edu_entity *e = im->e;
	struct edu_writer *w = im->w;
	struct edu_buf sql = { 0 }, prev = { 0 }, key = { 0 };
	const char **names = edu_malloc(e->ncols * sizeof *names);
	const char **fields = edu_malloc(e->ncols * sizeof *fields);
	long prev_line = 0, done = 0;
	int prev_file = -1, nk = 0;
	char err[EDU_ERR_MAX];
	struct edu_digest *dg = edu_digest_new();

	edu_buf_puts(&sql, "SELECT * FROM temp.edu_stage ORDER BY ");
	for (int i = 0; i < e->ncols; i++)
		if (e->cols[i].flags & EDU_C_KEY)
			edu_buf_printf(&sql, "%sc%d", nk++ ? ", " : "", i);
	edu_buf_puts(&sql, ", file, line");
	sqlite3_stmt *st = edu_prepare(w->db, sql.s);
	for (int i = 0; i < e->ncols; i++)
		names[i] = e->cols[i].name;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int file = sqlite3_column_int(st, 0);
		long line = (long)sqlite3_column_int64(st, 1);
		const char *col = NULL;

		/* The texts stay valid until the next step. */
		for (int i = 0; i < e->ncols; i++)
			fields[i] = w->vals[i] = (char *)sqlite3_column_text(st, i + 2);
		key.len = 0;
		for (int i = 0; i < e->ncols; i++)
			if (e->cols[i].flags & EDU_C_KEY) {
				edu_buf_add(&key, fields[i] ? fields[i] : "", strlen(fields[i] ? fields[i] : "") + 1);
			}
		if (prev_file >= 0 && key.len == prev.len && !memcmp(key.s, prev.s, key.len)) {
			col = eng_first_key(e);
			if (prev_file == file)
				snprintf(err, EDU_ERR_MAX, "the same %s as line %ld", e->what, prev_line);
			else
				snprintf(err, EDU_ERR_MAX, "the same %s as %s:%ld", e->what,
					 im->files[prev_file], prev_line);
			eng_row_error(im, im->files[file], line, im->map, fields, col, err);
		} else {
			eng_bind_row(e, w->insert, w->vals);
			if (sqlite3_step(w->insert) != SQLITE_DONE) {
				if ((sqlite3_errcode(w->db) & 0xff) != SQLITE_CONSTRAINT)
					edu_die_db(w->db, "cannot write");
				eng_constraint_msg(w, w->vals, &col, err);
				eng_row_error(im, im->files[file], line, im->map, fields, col, err);
			} else {
				im->st.inserted++;
				for (int i = 0; i < e->ncols; i++)
					edu_digest_field(dg, fields[i]);
			}
			sqlite3_reset(w->insert);
			prev.len = 0;
			edu_buf_add(&prev, key.s, key.len);
			prev_file = file;
			prev_line = line;
		}
		edu_progress("inserting", ++done, im->staged);
	}
	if (rc != SQLITE_DONE)
		edu_die_db(w->db, "cannot read the staged rows");
	sqlite3_finalize(st);
	for (int i = 0; i < e->ncols; i++)
		w->vals[i] = NULL;
	char hex[65];
	edu_digest_end(dg, hex);
	if (im->st.inserted) {
		char *change = edu_asprintf("{\"inserted\":%ld,\"sha256\":\"%s\"}",
					    im->st.inserted, hex);
		edu_audit(w->db, e->table, "import", change);
		free(change);
	}
	edu_progress_end();
	edu_buf_free(&sql);
	edu_buf_free(&prev);
	edu_buf_free(&key);
	free(names);
	free(fields);
}

/* A record changed by --upsert: what no event explains is recorded as
 * a `corrected` event, so --as-of never contradicts the history. */
static void corrected(struct importer *im, char **old)
{
	const struct edu_entity *e = im->e;
	const char **names = edu_malloc(e->ncols * sizeof *names);

	for (int i = 0; i < e->ncols; i++)
		names[i] = e->cols[i].name;
	edu_event_corrected(im->w->db, e->events, e->ncols, names,
			    (const char *const *)old, (const char *const *)im->w->vals);
	free(names);
}

static void import_row(struct importer *im, struct edu_csv *r, const int *map,
		       const char **raw)
{
	char err[EDU_ERR_MAX];
	const char *col;
	char **old;

	for (int i = 0; i < im->e->ncols; i++)
		raw[i] = map[i] < 0 ? NULL : edu_csv_field(r, map[i]);
	for (int k = 0; k < im->nextra; k++)
		im->xval[k] = edu_csv_field(r, im->xfield[k]);
	if (edu_csv_bad(r)) {
		/* a cell of a sheet: named by its column */
		const char *bad_col = NULL;
		for (int i = 0; i < im->e->ncols; i++)
			if (map[i] >= 0 && map[i] == edu_csv_bad_field(r))
				bad_col = im->e->cols[i].name;
		eng_row_error(im, edu_csv_name(r), edu_csv_line(r), map, raw, bad_col, edu_csv_bad(r));
		return;
	}
	long drawn = edu_seq_drawn();
	/* The varying columns make values of the entity's own; the reject
	 * file keeps the row as given. */
	const char **given = raw;
	if (im->e->extra_row) {
		given = im->given;
		memcpy(given, raw, im->e->ncols * sizeof *raw);
		if (im->e->extra_row(im->w->db, im->xval, raw, &col, err) < 0) {
			eng_row_error(im, edu_csv_name(r), edu_csv_line(r), map, given, col, err);
			return;
		}
	}
	int rc = eng_check_row(im->w, raw, import_opt.upsert, &old, &col, err);
	if (rc == 0 && im->bulk) {
		/* The loading thread gets a copy of the values. */
		eng_load_put(im, im->w->vals, edu_csv_line(r));
	} else if (rc == 0 && !old && im->stage) {
		stage_row(im, edu_csv_line(r));
	} else if (rc == 0 && !old) {
		if (eng_write_row(im->w, NULL, &col, err) == EDU_PUT_INSERTED) {
			im->st.inserted++;
			eng_note_number(im->w, raw, drawn);
		} else
			rc = -1;
	} else if (rc == 0) {
		switch (eng_write_row(im->w, old, &col, err)) {
		case EDU_PUT_UPDATED:
			im->st.updated++;
			if (im->e->events)
				corrected(im, old);
			break;
		case EDU_PUT_UNCHANGED: im->st.unchanged++; break;
		default: rc = -1;
		}
	}
	if (rc < 0)
		eng_row_error(im, edu_csv_name(r), edu_csv_line(r), map, given, col, err);
	eng_clear_row(im->w, old);
}

/* Forget the extra columns of the file read last. */
static void extra_clear(struct importer *im)
{
	for (int k = 0; k < im->nextra; k++)
		free(im->xname[k]);
	free(im->xname);
	free(im->xfield);
	free(im->xval);
	im->xname = NULL;
	im->xfield = NULL;
	im->xval = NULL;
	im->nextra = 0;
}

/* The header's columns that name no column of the entity go to
 * e->extra_header; those it does not take are unknown columns, as
 * edu_csv_header would have said.  0, or -1 after reporting. */
static int extra_columns(struct importer *im, struct edu_csv *r, const int *map,
			 int nmap, const struct edu_colname *cols, int ncols)
{
	int width = edu_csv_width(r), n = 0, bad = 0;
	char **names = edu_malloc((width + 1) * sizeof *names);
	int *field = edu_malloc((width + 1) * sizeof *field);
	int *take = edu_malloc((width + 1) * sizeof *take);
	long np = 0;		/* header problems */

	extra_clear(im);
	for (int f = 0; f < width; f++) {
		int used = 0;
		for (int j = 0; j < nmap && !used; j++)
			used = map[j] == f;
		if (used)
			continue;
		const char *h = edu_csv_field(r, f);
		h += strspn(h, " \t");
		size_t len = strlen(h);
		while (len && (h[len - 1] == ' ' || h[len - 1] == '\t'))
			len--;
		take[n] = 0;
		field[n] = f;
		names[n++] = edu_strndup(h, len);
	}
	if (im->e->extra_header(edu_csv_name(r), edu_csv_line(r), n,
				(const char *const *)names, take) < 0)
		bad = 1;
	im->xname = edu_malloc((n + 1) * sizeof *im->xname);
	im->xfield = edu_malloc((n + 1) * sizeof *im->xfield);
	im->xval = edu_malloc((n + 1) * sizeof *im->xval);
	for (int k = 0; k < n; k++) {
		if (take[k]) {
			im->xfield[im->nextra] = field[k];
			im->xname[im->nextra++] = names[k];
			continue;
		}
		if (!import_opt.ignore_extra)
			bad = edu_csv_unknown_column(&np, edu_csv_name(r), edu_csv_line(r),
						     names[k], cols, ncols);
		free(names[k]);
	}
	edu_header_problems_end(np, edu_csv_name(r));
	free(names);
	free(field);
	free(take);
	return bad ? -1 : 0;
}

/* Read one file; returns 0, or an exit status for a file that could not
 * be read to its end. */
static int import_file(struct importer *im, const char *path)
{
	const struct edu_entity *e = im->e;
	/* The columns, then names the header may have that import passes
	 * over: the error column of a reject file (so a fixed one imports
	 * back) and the columns a list adds for reading (so its output
	 * does). */
	int nnames = e->ncols + 1;
	for (const char *d = e->derived; d && *d; d += strcspn(d, "|") + (d[strcspn(d, "|")] == '|'))
		nnames++;
	struct edu_colname *names = edu_malloc(nnames * sizeof *names);
	int *map = im->map;
	const char **raw = edu_malloc(e->ncols * sizeof *raw);
	char **extra = edu_malloc(nnames * sizeof *extra);
	struct edu_csv *r = edu_csv_open(path);
	int status = 0, n, k = 0;
	long rows = 0;

	im->map = map = edu_realloc(map, nnames * sizeof *map);
	for (int i = 0; i < e->ncols; i++)
		names[k++] = (struct edu_colname){ e->cols[i].name, e->cols[i].aliases };
	names[k++] = (struct edu_colname){ "error", "错误" };
	for (const char *d = e->derived; d && *d; d += strcspn(d, "|") + (d[strcspn(d, "|")] == '|')) {
		extra[k] = edu_strndup(d, strcspn(d, "|"));
		names[k] = (struct edu_colname){ extra[k], NULL };
		k++;
	}
	if (!r) {
		status = EDU_ENOINPUT;
		goto out;
	}
	if (edu_csv_header(r, names, nnames, import_opt.ignore_extra || e->extra_header,
			   map) < 0 ||
	    (e->extra_header && extra_columns(im, r, map, nnames, names, nnames) < 0)) {
		status = EDU_EDATA;
		goto out;
	}
	/* With --upsert a file may carry the key and only the columns it
	 * changes; a new record still needs its required ones.  A key the
	 * tool makes may be left out. */
	for (int i = 0; i < e->ncols; i++)
		if (map[i] < 0 && (((e->cols[i].flags & EDU_C_KEY) && !e->new_key) ||
				   ((e->cols[i].flags & EDU_C_REQUIRED) &&
				    !e->cols[i].dflt && !import_opt.upsert)) &&
		    !(e->derive_ok && strstr(e->derive_ok, e->cols[i].name))) {
			edu_warn("%s:%ld: the column '%s' is missing", edu_csv_name(r),
				 edu_csv_line(r), e->cols[i].name);
			status = EDU_EDATA;
		}
	if (status)
		goto out;
	while ((n = edu_csv_next(r)) > 0) {
		import_row(im, r, map, raw);
		long long size, done = edu_csv_bytes(r, &size);
		edu_progress_read(edu_csv_name(r), ++rows, done, size);
	}
	if (n < 0)
		status = EDU_EDATA;
out:
	edu_progress_end();
	edu_csv_close(r);
	for (int i = e->ncols + 1; i < nnames; i++)
		free(extra[i]);
	free(extra);
	free(names);
	free(raw);
	return status;
}

int edu_import(sqlite3 *db, const struct edu_entity *e, int nfiles,
	       char **files)
{
	struct importer im = { .e = e };
	char *one[] = { "-" };
	int status = 0;

	if (nfiles == 0) {
		files = one;
		nfiles = 1;
	}
	im.files = files;
	im.given = edu_malloc(e->ncols * sizeof *im.given);
	im.rj = edu_reject_open(import_opt.reject);
	im.reject_f = edu_reject_file(im.rj);
	struct edu_run run;
	edu_run_start(&run);
	edu_begin(db);
	im.w = edu_writer_new(db, e);
	if (!eng_bulk_begin(&im, db))
		if (e->bulk)
			stage_begin(&im, db);
	if (im.bulk)
		eng_load_start(&im);
	for (int i = 0; i < nfiles && !status; i++) {
		im.file = i;
		status = import_file(&im, files[i]);
		if (im.bulk)
			eng_load_drain(&im);
	}
	if (im.bulk)
		eng_load_stop(&im);
	/* With errors and no --reject nothing is written: the staged rows
	 * need not go in to be checked, unless they are all there is to
	 * check (duplicates and unique columns show only there). */
	if (im.bulk)
		eng_bulk_finish(&im);
	else if (im.stage && !status && (!im.errors || im.reject_f || im.errors < MAX_SHOWN))
		stage_flush(&im);
	sqlite3_finalize(im.stage);
	edu_writer_free(im.w);
	if (im.errors > MAX_SHOWN)
		edu_warn("... and %ld more errors", im.errors - MAX_SHOWN);
	if (!status && im.errors && !im.reject_f)
		status = EDU_EDATA;
	edu_out_end(im.reject);
	free(im.reject_cols);
	if (status) {
		edu_rollback(db);
		if (im.errors)
			edu_warn("nothing written (%ld bad row%s)", im.errors,
				 im.errors == 1 ? "" : "s");
		else
			edu_warn("nothing written");
		/* The ledger has refused runs too (DESIGN 11). */
		if (!edu_session()->dry_run) {
			char *counts = edu_asprintf("inserted=0 updated=0 unchanged=0 rejected=%ld",
						    im.errors);
			edu_run_record(db, &run, counts, status);
			free(counts);
		}
	} else {
		if (e->bulk && !im.bulk)
			sqlite3_exec(db, "DROP TABLE temp.edu_stage", NULL, NULL, NULL);
		if (e->after)
			e->after(db);
		char *counts = edu_asprintf("inserted=%ld updated=%ld unchanged=%ld rejected=%ld",
					    im.st.inserted, im.st.updated,
					    im.st.unchanged, im.st.rejected);
		if (im.errors)
			status = EDU_NO;
		edu_run_finish(db, &run, counts, status);
		/* The rejected rows are safe before the rest commits. */
		edu_reject_flush(im.rj);
		edu_finish(db);
		if (!edu_session()->quiet)
			edu_warn("%s: %ld inserted, %ld updated, %ld unchanged, %ld rejected",
				 e->table, im.st.inserted, im.st.updated, im.st.unchanged,
				 im.st.rejected);
		free(counts);
	}
	free(im.map);
	free(im.given);
	extra_clear(&im);
	edu_reject_close(im.rj, !status || status == EDU_NO);
	return status;
}
