/* entity.c - import and list for any table described by its columns:
 * every tool's `import` and `list` are this code with their own columns. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

#define MAX_SHOWN 100	/* errors reported before we only count them */

static const struct edu_col *entity_col(const struct edu_entity *e, const char *name)
{
	for (int i = 0; i < e->ncols; i++)
		if (!strcmp(e->cols[i].name, name))
			return &e->cols[i];
	return NULL;
}

static int ref_exists(sqlite3 *db, const char *table, const char *col,
		      const char *v)
{
	struct edu_buf sql = { 0 };
	const char *p[] = { v };

	/* Identifiers come from the tool's column table, never from data. */
	edu_buf_puts(&sql, "SELECT 1 FROM \"");
	edu_buf_puts(&sql, table);
	edu_buf_puts(&sql, "\" WHERE \"");
	edu_buf_puts(&sql, col);
	edu_buf_puts(&sql, "\" = ?");
	char *r = edu_query1(db, sql.s, 1, p);
	int found = r != NULL;

	edu_buf_free(&sql);
	free(r);
	return found;
}

/* Normalise one value of a column into *out (malloc'd; NULL when empty):
 * 0, or -1 with a reason in err. */
static int col_value(sqlite3 *db, const struct edu_col *c, const char *in,
			 char **out, char *err)
{
	char v[EDU_VAL_MAX];
	int rc = 0;

	*out = NULL;
	if (c->type == EDU_C_TEXT) {
		if (!*in)
			goto empty;
		*out = edu_strdup(in);
		return 0;
	}
	/* Typed values: surrounding blanks are a spreadsheet's, not data. */
	size_t start = strspn(in, " \t"), n = strlen(in + start);
	while (n > 0 && (in[start + n - 1] == ' ' || in[start + n - 1] == '\t'))
		n--;
	if (n == 0)
		goto empty;
	char *s = edu_strndup(in + start, n);
	switch (c->type) {
	case EDU_C_TEXT:
	case EDU_C_CODE:
		*out = s;
		s = NULL;
		break;
	case EDU_C_INT:
		rc = edu_valid_int(s, c->min, c->max, v, err);
		break;
	case EDU_C_DATE:
		rc = edu_valid_date(s, v, err);
		break;
	case EDU_C_ENUM:
		rc = edu_valid_enum(c->values, s, v, err);
		break;
	case EDU_C_PHONE:
		rc = edu_valid_phone(s, v, err);
		break;
	case EDU_C_ID:
		rc = edu_valid_id(s, v, NULL, NULL, err);
		break;
	case EDU_C_CREDIT:
		rc = edu_valid_credit_code(s, v, err);
		break;
	case EDU_C_DIGITS:
		rc = edu_valid_digits(s, (int)c->min, v, err);
		break;
	case EDU_C_MONEY: {
		int64_t fen;
		rc = edu_money_parse(s, &fen, err);
		if (rc == 0)
			edu_money_str(fen, v);
		break;
	}
	}
	free(s);
	if (rc < 0)
		return -1;
	if (!*out)
		*out = edu_strdup(v);
	if (c->ref && !ref_exists(db, c->ref, c->name, *out)) {
		snprintf(err, EDU_ERR_MAX, "no %s '%s'", c->ref, *out);
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
empty:
	if (c->dflt)
		return col_value(db, c, c->dflt, out, err);
	if (c->flags & (EDU_C_REQUIRED | EDU_C_KEY)) {
		snprintf(err, EDU_ERR_MAX, "may not be empty");
		return -1;
	}
	return 0;
}

/* ---- writing one record ----------------------------------------------- */

struct edu_writer {
	sqlite3 *db;
	const struct edu_entity *e;
	sqlite3_stmt *find, *insert, *update;
	char **vals;		/* the row being written, normalised */
};

static void add_ident(struct edu_buf *b, const char *s)
{
	edu_buf_puts(b, "\"");
	edu_buf_puts(b, s);
	edu_buf_puts(b, "\"");
}

/* A column as read: money, stored in fen, reads as yuan with two
 * decimals, the form its values are normalised to. */
static void add_select(struct edu_buf *b, const struct edu_col *c)
{
	if (c->type != EDU_C_MONEY) {
		add_ident(b, c->name);
		return;
	}
	edu_buf_printf(b, "CASE WHEN \"%s\" IS NULL THEN NULL ELSE "
		       "printf('%%d.%%02d', \"%s\" / 100, \"%s\" %% 100) END AS ",
		       c->name, c->name, c->name);
	add_ident(b, c->name);
}

/* Bind a normalised value of a column. */
static void bind_value(sqlite3_stmt *st, int i, const struct edu_col *c,
		       const char *v, sqlite3_destructor_type keep)
{
	int64_t fen;
	char err[EDU_ERR_MAX];

	if (!v)
		sqlite3_bind_null(st, i);
	else if (c->type == EDU_C_INT)
		sqlite3_bind_int64(st, i, strtoll(v, NULL, 10));
	else if (c->type == EDU_C_MONEY && edu_money_parse(v, &fen, err) == 0)
		sqlite3_bind_int64(st, i, fen);
	else
		sqlite3_bind_text(st, i, v, -1, keep);
}

struct edu_writer *edu_writer_new(sqlite3 *db, const struct edu_entity *e)
{
	struct edu_writer *w = edu_malloc(sizeof *w);
	struct edu_buf sel = { 0 }, ins = { 0 }, upd = { 0 }, where = { 0 };
	int nk = 0, nv = 0;

	memset(w, 0, sizeof *w);
	w->db = db;
	w->e = e;
	w->vals = edu_malloc(e->ncols * sizeof *w->vals);
	memset(w->vals, 0, e->ncols * sizeof *w->vals);
	edu_buf_puts(&sel, "SELECT ");
	edu_buf_puts(&ins, "INSERT INTO ");
	add_ident(&ins, e->table);
	edu_buf_puts(&ins, " (");
	edu_buf_puts(&upd, "UPDATE ");
	add_ident(&upd, e->table);
	edu_buf_puts(&upd, " SET ");
	/* Parameter ?N is column N in every statement, so one binding
	 * serves all three.  Identifiers come from the tool's column table,
	 * never from data. */
	for (int i = 0; i < e->ncols; i++) {
		const struct edu_col *c = &e->cols[i];

		edu_buf_puts(&sel, i ? ", " : "");
		add_select(&sel, c);
		edu_buf_puts(&ins, i ? ", " : "");
		add_ident(&ins, c->name);
		if (c->flags & EDU_C_KEY) {
			edu_buf_puts(&where, nk++ ? " AND " : " WHERE ");
			add_ident(&where, c->name);
			edu_buf_printf(&where, " = ?%d", i + 1);
		} else {
			edu_buf_puts(&upd, nv++ ? ", " : "");
			add_ident(&upd, c->name);
			edu_buf_printf(&upd, " = ?%d", i + 1);
		}
	}
	edu_buf_puts(&sel, " FROM ");
	add_ident(&sel, e->table);
	edu_buf_puts(&sel, where.s);
	edu_buf_puts(&ins, ") VALUES (");
	for (int i = 0; i < e->ncols; i++)
		edu_buf_printf(&ins, "%s?%d", i ? ", " : "", i + 1);
	edu_buf_puts(&ins, ")");
	edu_buf_puts(&upd, where.s);
	w->find = edu_prepare(db, sel.s);
	w->insert = edu_prepare(db, ins.s);
	w->update = nv ? edu_prepare(db, upd.s) : NULL;
	edu_buf_free(&sel);
	edu_buf_free(&ins);
	edu_buf_free(&upd);
	edu_buf_free(&where);
	return w;
}

void edu_writer_free(struct edu_writer *w)
{
	if (!w)
		return;
	sqlite3_finalize(w->find);
	sqlite3_finalize(w->insert);
	sqlite3_finalize(w->update);
	free(w->vals);
	free(w);
}

static void bind_row(const struct edu_entity *e, sqlite3_stmt *st, char **vals)
{
	int n = sqlite3_bind_parameter_count(st);

	sqlite3_reset(st);
	for (int i = 0; i < e->ncols && i < n; i++)
		bind_value(st, i + 1, &e->cols[i], vals[i], SQLITE_STATIC);
}

static char *row_key(const struct edu_entity *e, char **vals)
{
	struct edu_buf b = { 0 };

	for (int i = 0; i < e->ncols; i++)
		if (e->cols[i].flags & EDU_C_KEY) {
			if (b.len)
				edu_buf_puts(&b, "/");
			edu_buf_puts(&b, vals[i] ? vals[i] : "");
		}
	return b.s;
}

static const char *first_key(const struct edu_entity *e)
{
	for (int i = 0; i < e->ncols; i++)
		if (e->cols[i].flags & EDU_C_KEY)
			return e->cols[i].name;
	return e->cols[0].name;
}

/* SQLite's "UNIQUE constraint failed: school.credit_code", said for
 * people. */
static void constraint_msg(struct edu_writer *w, const char **col, char *err)
{
	const struct edu_entity *e = w->e;
	const char *m = sqlite3_errmsg(w->db);
	const char *u = "UNIQUE constraint failed: ";

	*col = NULL;
	if (!strncmp(m, u, strlen(u))) {
		const char *dot = strchr(m + strlen(u), '.');
		const struct edu_col *c = dot ? entity_col(e, dot + 1) : NULL;

		if (c && !strchr(dot + 1, ',')) {
			const char *v = w->vals[c - e->cols];

			*col = c->name;
			snprintf(err, EDU_ERR_MAX, "'%s' is already used by another %s",
				 v ? v : "", e->what);
			return;
		}
	}
	if (!strncmp(m, u, strlen(u))) {
		/* A key over several columns: "zone.zone, zone.rank". */
		const char *last = strrchr(m, '.');
		const struct edu_col *c = last ? entity_col(e, last + 1) : NULL;

		if (c) {
			*col = c->name;
			snprintf(err, EDU_ERR_MAX, "another %s has the same %s",
				 e->what, m + strlen(u));
			return;
		}
	}
	snprintf(err, EDU_ERR_MAX, "%s", m);
}

int edu_audit_change(sqlite3 *db, const char *entity, const char *key, int n,
		     const char *const *names, const char *const *old,
		     const char *const *new)
{
	struct edu_buf b = { 0 };
	int changed = 0;

	edu_buf_puts(&b, "{");
	for (int i = 0; i < n; i++) {
		const char *o = old ? old[i] : NULL;

		if (old ? (!o && !new[i]) || (o && new[i] && !strcmp(o, new[i]))
			: !new[i])
			continue;
		edu_buf_puts(&b, changed++ ? "," : "");
		edu_buf_json(&b, names[i]);
		edu_buf_puts(&b, ":");
		if (old) {
			edu_buf_puts(&b, "[");
			if (o)
				edu_buf_json(&b, o);
			else
				edu_buf_puts(&b, "null");
			edu_buf_puts(&b, ",");
		}
		if (new[i])
			edu_buf_json(&b, new[i]);
		else
			edu_buf_puts(&b, "null");
		if (old)
			edu_buf_puts(&b, "]");
	}
	edu_buf_puts(&b, "}");
	if (changed || !old)
		edu_audit(db, entity, key, b.s);
	edu_buf_free(&b);
	return changed || !old;
}

/* Write the normalised row in w->vals: update the stored row `old` (NULL
 * when there is none) where it differs, or insert. */
static int write_row(struct edu_writer *w, char **old, const char **col, char *err)
{
	const struct edu_entity *e = w->e;
	const char **names = edu_malloc(e->ncols * sizeof *names);
	char *key = row_key(e, w->vals);
	sqlite3_stmt *st = old ? w->update : w->insert;
	int result;

	for (int i = 0; i < e->ncols; i++)
		names[i] = e->cols[i].name;
	if (old) {
		int same = 1;
		for (int i = 0; i < e->ncols && same; i++)
			same = (!old[i] && !w->vals[i]) ||
			       (old[i] && w->vals[i] && !strcmp(old[i], w->vals[i]));
		if (same || !st) {
			result = EDU_PUT_UNCHANGED;
			goto out;
		}
	}
	bind_row(e, st, w->vals);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if ((sqlite3_errcode(w->db) & 0xff) != SQLITE_CONSTRAINT)
			edu_die_db(w->db, "cannot write");
		constraint_msg(w, col, err);
		result = -1;
	} else {
		edu_audit_change(w->db, e->table, key, e->ncols, names,
				 (const char *const *)old, (const char *const *)w->vals);
		result = old ? EDU_PUT_UPDATED : EDU_PUT_INSERTED;
	}
	sqlite3_reset(st);
out:
	free(key);
	free(names);
	return result;
}

static int check_value(struct edu_writer *w, int i, const char *raw,
		       const char **col, char *err)
{
	if (col_value(w->db, &w->e->cols[i], raw, &w->vals[i], err) < 0) {
		*col = w->e->cols[i].name;
		return -1;
	}
	return 0;
}

int edu_writer_put(struct edu_writer *w, const char *const *raw, int upsert,
		   const char **col, char *err)
{
	const struct edu_entity *e = w->e;
	char **old = NULL;
	int rc = -1;

	*col = NULL;
	/* The key first: whether the record exists decides what an absent
	 * column means (keep the stored value, or empty).  A key left empty
	 * for the entity's fill to make names a new record. */
	int keyless = 0;
	for (int i = 0; i < e->ncols; i++) {
		if (!(e->cols[i].flags & EDU_C_KEY))
			continue;
		const char *v = raw[i] ? raw[i] : "";
		if (e->fill && !v[strspn(v, " \t")]) {
			keyless = 1;
			continue;
		}
		if (check_value(w, i, v, col, err) < 0)
			goto out;
	}
	int found = SQLITE_DONE;
	if (!keyless) {
		bind_row(e, w->find, w->vals);
		found = sqlite3_step(w->find);
	}
	if (found == SQLITE_ROW) {
		if (!upsert) {
			char *key = row_key(e, w->vals);
			*col = first_key(e);
			snprintf(err, EDU_ERR_MAX, "%s '%s' exists already (use --upsert to update it)",
				 e->what, key);
			free(key);
			goto out;
		}
		/* Copies: the statement's texts go when it is reset. */
		old = edu_malloc(e->ncols * sizeof *old);
		for (int i = 0; i < e->ncols; i++) {
			const char *v = (const char *)sqlite3_column_text(w->find, i);
			old[i] = v ? edu_strdup(v) : NULL;
		}
	} else if (found != SQLITE_DONE) {
		edu_die_db(w->db, "cannot read");
	}
	sqlite3_reset(w->find);
	for (int i = 0; i < e->ncols; i++) {
		if (e->cols[i].flags & EDU_C_KEY)
			continue;
		const char *v = raw[i] ? raw[i] : old && old[i] ? old[i] : "";
		if (check_value(w, i, v, col, err) < 0)
			goto out;
	}
	if (e->fill && e->fill(w->db, w->vals, col, err) < 0)
		goto out;
	for (int i = 0; keyless && i < e->ncols; i++)
		if ((e->cols[i].flags & EDU_C_KEY) && !w->vals[i]) {
			*col = e->cols[i].name;
			snprintf(err, EDU_ERR_MAX, "may not be empty");
			goto out;
		}
	if (e->row_check && e->row_check(w->db, (const char *const *)w->vals, col, err) < 0)
		goto out;
	rc = write_row(w, old, col, err);
out:
	for (int i = 0; i < e->ncols; i++) {
		free(w->vals[i]);
		w->vals[i] = NULL;
		if (old)
			free(old[i]);
	}
	free(old);
	return rc;
}

/* ---- import ---------------------------------------------------------------- */

struct edu_import_stats {
	long inserted, updated, unchanged, rejected;
};

struct importer {
	const struct edu_entity *e;
	struct edu_writer *w;
	struct edu_out *reject;
	FILE *reject_f;
	int *reject_cols;	/* the entity columns the reject file has */
	int nreject;
	long errors;
	struct edu_import_stats st;
};

/* Report a bad row; with --reject, keep it with its reason. */
static void row_error(struct importer *im, struct edu_csv *r, const int *map,
		      const char *col, const char *msg)
{
	if (im->errors < MAX_SHOWN) {
		if (col)
			edu_warn("%s:%ld: %s: %s", edu_csv_name(r), edu_csv_line(r), col, msg);
		else
			edu_warn("%s:%ld: %s", edu_csv_name(r), edu_csv_line(r), msg);
	}
	im->errors++;
	im->st.rejected++;
	if (im->reject_f && !im->reject) {
		/* The reject file has the input's own columns, so that, fixed,
		 * it imports back meaning what the input meant: a column the
		 * input left out must not come back empty. */
		const char **names = edu_malloc((im->e->ncols + 1) * sizeof *names);

		im->reject_cols = edu_malloc(im->e->ncols * sizeof *im->reject_cols);
		for (int i = 0; i < im->e->ncols; i++)
			if (map[i] >= 0) {
				names[im->nreject] = im->e->cols[i].name;
				im->reject_cols[im->nreject++] = i;
			}
		names[im->nreject] = "error";
		im->reject = edu_out_new_fmt(im->reject_f, EDU_FMT_CSV, 0,
					     im->nreject + 1, names);
		free(names);
	}
	if (im->reject) {
		for (int k = 0; k < im->nreject; k++)
			edu_out_cell(im->reject, edu_csv_field(r, map[im->reject_cols[k]]),
				     EDU_V_TEXT);
		char *m = col ? edu_asprintf("%s: %s", col, msg) : edu_strdup(msg);
		edu_out_cell(im->reject, m, EDU_V_TEXT);
		free(m);
	}
}

static void import_row(struct importer *im, struct edu_csv *r, const int *map,
		       const char **raw)
{
	char err[EDU_ERR_MAX];
	const char *col;

	if (edu_csv_bad(r)) {
		row_error(im, r, map, NULL, edu_csv_bad(r));
		return;
	}
	for (int i = 0; i < im->e->ncols; i++)
		raw[i] = map[i] < 0 ? NULL : edu_csv_field(r, map[i]);
	switch (edu_writer_put(im->w, raw, edu_import_opt.upsert, &col, err)) {
	case EDU_PUT_INSERTED: im->st.inserted++; break;
	case EDU_PUT_UPDATED: im->st.updated++; break;
	case EDU_PUT_UNCHANGED: im->st.unchanged++; break;
	default: row_error(im, r, map, col, err);
	}
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
	int *map = edu_malloc(nnames * sizeof *map);
	const char **raw = edu_malloc(e->ncols * sizeof *raw);
	char **extra = edu_malloc(nnames * sizeof *extra);
	struct edu_csv *r = edu_csv_open(path);
	int status = 0, n, k = 0;
	long rows = 0;

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
	if (edu_csv_header(r, names, nnames, edu_import_opt.ignore_extra, map) < 0) {
		status = EDU_EDATA;
		goto out;
	}
	/* With --upsert a file may carry the key and only the columns it
	 * changes; a new record still needs its required ones.  A key that
	 * the entity's fill makes may be left out. */
	for (int i = 0; i < e->ncols; i++)
		if (map[i] < 0 && (((e->cols[i].flags & EDU_C_KEY) && !e->fill) ||
				   ((e->cols[i].flags & EDU_C_REQUIRED) &&
				    !e->cols[i].dflt && !edu_import_opt.upsert))) {
			edu_warn("%s:%ld: the column '%s' is missing", edu_csv_name(r),
				 edu_csv_line(r), e->cols[i].name);
			status = EDU_EDATA;
		}
	if (status)
		goto out;
	while ((n = edu_csv_next(r)) > 0) {
		import_row(im, r, map, raw);
		edu_progress(edu_csv_name(r), ++rows, 0);
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
	free(map);
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
	if (edu_import_opt.reject &&
	    !(im.reject_f = fopen(edu_import_opt.reject, "w")))
		edu_die(EDU_ECANTCREAT, "cannot create '%s':", edu_import_opt.reject);
	struct edu_run run;
	edu_run_start(&run);
	edu_begin(db);
	im.w = edu_writer_new(db, e);
	for (int i = 0; i < nfiles && !status; i++)
		status = import_file(&im, files[i]);
	edu_writer_free(im.w);
	if (im.errors > MAX_SHOWN)
		edu_warn("... and %ld more errors", im.errors - MAX_SHOWN);
	if (!status && im.errors && !im.reject_f)
		status = EDU_EDATA;
	if (status) {
		edu_rollback(db);
		if (im.errors)
			edu_warn("nothing written (%ld bad row%s)", im.errors,
				 im.errors == 1 ? "" : "s");
		else
			edu_warn("nothing written");
	} else {
		char *counts = edu_asprintf("inserted=%ld updated=%ld unchanged=%ld rejected=%ld",
					    im.st.inserted, im.st.updated,
					    im.st.unchanged, im.st.rejected);
		if (im.errors)
			status = EDU_NO;
		edu_run_finish(db, &run, counts, status);
		edu_finish(db);
		if (!edu_opt.quiet)
			edu_warn("%s: %ld inserted, %ld updated, %ld unchanged, %ld rejected",
				 e->table, im.st.inserted, im.st.updated, im.st.unchanged,
				 im.st.rejected);
		free(counts);
	}
	if (im.reject_f) {
		edu_out_end(im.reject);
		free(im.reject_cols);
		if (fclose(im.reject_f) != 0)
			edu_die(EDU_EIO, "cannot write '%s':", edu_import_opt.reject);
	}
	return status;
}

/* ---- list ---------------------------------------------------------------- */

long edu_list(sqlite3 *db, const struct edu_entity *e, int nf,
	      const struct edu_filter *f)
{
	struct edu_buf sql = { 0 };
	char **vals = edu_malloc((nf + 1) * sizeof *vals);
	char err[EDU_ERR_MAX];
	int nk = 0;

	edu_buf_puts(&sql, "SELECT ");
	for (int i = 0; i < e->ncols; i++) {
		edu_buf_puts(&sql, i ? ", " : "");
		add_select(&sql, &e->cols[i]);
	}
	edu_buf_puts(&sql, " FROM ");
	add_ident(&sql, e->table);
	for (int i = 0; i < nf; i++) {
		const struct edu_col *c = entity_col(e, f[i].col);

		if (!c)
			edu_die(EDU_ESOFTWARE, "no column '%s' in %s", f[i].col, e->table);
		/* A filter names a value, not a row: no reference check. */
		struct edu_col plain = *c;
		plain.ref = NULL;
		plain.flags = EDU_C_REQUIRED;
		if (col_value(db, &plain, f[i].value, &vals[i], err) < 0)
			edu_die(EDU_EUSAGE, "--%s: %s", c->name, err);
		edu_buf_puts(&sql, i ? " AND " : " WHERE ");
		add_ident(&sql, c->name);
		edu_buf_puts(&sql, " = ?");
	}
	edu_buf_puts(&sql, " ORDER BY ");
	for (int i = 0; i < e->ncols; i++)
		if (e->cols[i].flags & EDU_C_KEY) {
			edu_buf_puts(&sql, nk++ ? ", " : "");
			add_ident(&sql, e->cols[i].name);
		}
	sqlite3_stmt *st = edu_prepare(db, sql.s);
	for (int i = 0; i < nf; i++)
		bind_value(st, i + 1, entity_col(e, f[i].col), vals[i], SQLITE_TRANSIENT);
	long n = edu_print_stmt(st, 0);
	for (int i = 0; i < nf; i++)
		free(vals[i]);
	free(vals);
	edu_buf_free(&sql);
	return n;
}
