/* entity.c - import and list for any table described by its columns:
 * every tool's `import` and `list` are this code with their own columns. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* The options of this run's import (edu_import_options). */
static struct edu_import_opts import_opt;

void edu_import_options(const struct edu_import_opts *o)
{
	import_opt = *o;
}

#define MAX_SHOWN 100	/* errors reported before we only count them */

static const struct edu_col *entity_col(const struct edu_entity *e, const char *name)
{
	for (int i = 0; i < e->ncols; i++)
		if (!strcmp(e->cols[i].name, name))
			return &e->cols[i];
	return NULL;
}

/* Is v a key of table?  Asked once per row of an import, of a few
 * hundred schools at most, so the keys found are remembered in a small
 * direct-mapped cache: a table does not lose keys under an import. */
#define REF_SLOTS 256
struct ref_cache {
	sqlite3_stmt *st;
	char *slot[REF_SLOTS];
};

static unsigned hash_str(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static int ref_exists(sqlite3 *db, const char *table, const char *col,
		      const char *v, struct ref_cache **cp)
{
	struct ref_cache *c = *cp;
	unsigned h = hash_str(v) % REF_SLOTS;

	if (!c) {
		struct edu_buf sql = { 0 };

		c = *cp = edu_malloc(sizeof *c);
		memset(c, 0, sizeof *c);
		/* Identifiers come from the tool's column table, never from
		 * data. */
		edu_buf_printf(&sql, "SELECT 1 FROM \"%s\" WHERE \"%s\" = ?", table, col);
		c->st = edu_prepare(db, sql.s);
		edu_buf_free(&sql);
	}
	if (c->slot[h] && !strcmp(c->slot[h], v))
		return 1;
	sqlite3_reset(c->st);
	sqlite3_bind_text(c->st, 1, v, -1, SQLITE_STATIC);
	int rc = sqlite3_step(c->st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		edu_die_db(db, "cannot read");
	sqlite3_reset(c->st);
	if (rc == SQLITE_ROW) {
		free(c->slot[h]);
		c->slot[h] = edu_strdup(v);
	}
	return rc == SQLITE_ROW;
}

static void ref_free(struct ref_cache *c)
{
	if (!c)
		return;
	sqlite3_finalize(c->st);
	for (int i = 0; i < REF_SLOTS; i++)
		free(c->slot[i]);
	free(c);
}

/* Normalise one value of a column into *out (malloc'd; NULL when empty):
 * 0, or -1 with a reason in err. */
static int col_value(sqlite3 *db, const struct edu_col *c, const char *in,
		     char **out, char *err, struct ref_cache **refst)
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
	/* A typed value fits on the stack unless it is too long to be valid
	 * (or a long code): no malloc per field of a million rows. */
	char small[256], *s = small;
	if (n < sizeof small && c->type != EDU_C_CODE) {
		memcpy(small, in + start, n);
		small[n] = '\0';
	} else {
		s = edu_strndup(in + start, n);
	}
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
	case EDU_C_SCORE: {
		int tenths;
		rc = edu_score_parse(s, &tenths, err);
		if (rc == 0)
			edu_score_str(tenths, v);
		break;
	}
	}
	if (s != small)
		free(s);
	if (rc < 0)
		return -1;
	if (!*out)
		*out = edu_strdup(v);
	if (c->ref && !ref_exists(db, c->ref, c->name, *out, refst)) {
		snprintf(err, EDU_ERR_MAX, "no %s '%s'", c->ref, *out);
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
empty:
	if (c->dflt)
		return col_value(db, c, c->dflt, out, err, refst);
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
	struct ref_cache **ref;	/* per column: is the value a key of c->ref */
	char **vals;		/* the row being written, normalised */
	const char **raw;	/* the row as given, after e->derive */
	char dbuf[EDU_DERIVE_MAX][EDU_VAL_MAX];	/* what e->derive made */
	int fresh;		/* the table was empty: no key can exist */
};

static void add_ident(struct edu_buf *b, const char *s)
{
	edu_buf_puts(b, "\"");
	edu_buf_puts(b, s);
	edu_buf_puts(b, "\"");
}

/* A column as read: money, stored in fen, reads as yuan with two
 * decimals, and a score, stored in tenths, as points ("98.5", "100"):
 * the forms their values are normalised to. */
static void add_select(struct edu_buf *b, const struct edu_col *c)
{
	if (c->type == EDU_C_MONEY)
		edu_buf_printf(b, "CASE WHEN \"%s\" IS NULL THEN NULL ELSE "
			       "printf('%%d.%%02d', \"%s\" / 100, \"%s\" %% 100) END AS ",
			       c->name, c->name, c->name);
	else if (c->type == EDU_C_SCORE)
		edu_buf_printf(b, "CASE WHEN \"%s\" IS NULL THEN NULL WHEN \"%s\" %% 10 "
			       "THEN printf('%%d.%%d', \"%s\" / 10, \"%s\" %% 10) "
			       "ELSE printf('%%d', \"%s\" / 10) END AS ",
			       c->name, c->name, c->name, c->name, c->name);
	add_ident(b, c->name);
}

/* Bind a normalised value of a column. */
static void bind_value(sqlite3_stmt *st, int i, const struct edu_col *c,
		       const char *v, sqlite3_destructor_type keep)
{
	int64_t fen;
	int tenths;
	char err[EDU_ERR_MAX];

	if (!v)
		sqlite3_bind_null(st, i);
	else if (c->type == EDU_C_INT)
		sqlite3_bind_int64(st, i, strtoll(v, NULL, 10));
	else if (c->type == EDU_C_MONEY && edu_money_parse(v, &fen, err) == 0)
		sqlite3_bind_int64(st, i, fen);
	else if (c->type == EDU_C_SCORE && edu_score_parse(v, &tenths, err) == 0)
		sqlite3_bind_int(st, i, tenths);
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
	w->ref = edu_malloc(e->ncols * sizeof *w->ref);
	w->raw = edu_malloc(e->ncols * sizeof *w->raw);
	memset(w->ref, 0, e->ncols * sizeof *w->ref);
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
	for (int i = 0; i < w->e->ncols; i++)
		ref_free(w->ref[i]);
	free(w->ref);
	free(w->raw);
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
static void constraint_msg(struct edu_writer *w, char *const *vals,
			   const char **col, char *err)
{
	const struct edu_entity *e = w->e;
	const char *m = sqlite3_errmsg(w->db);
	const char *u = "UNIQUE constraint failed: ";

	*col = NULL;
	if (!strncmp(m, u, strlen(u))) {
		const char *dot = strchr(m + strlen(u), '.');
		const struct edu_col *c = dot ? entity_col(e, dot + 1) : NULL;

		if (c && !strchr(dot + 1, ',')) {
			const char *v = vals[c - e->cols];

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
		constraint_msg(w, w->vals, col, err);
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
	if (col_value(w->db, &w->e->cols[i], raw, &w->vals[i], err, &w->ref[i]) < 0) {
		*col = w->e->cols[i].name;
		return -1;
	}
	return 0;
}

/* Free the row in w->vals and a stored row. */
static void clear_row(struct edu_writer *w, char **old)
{
	for (int i = 0; i < w->e->ncols; i++) {
		free(w->vals[i]);
		w->vals[i] = NULL;
		if (old)
			free(old[i]);
	}
	free(old);
}

/* Is the key of this row left empty for the entity to make (new_key)? */
static int keyless_row(const struct edu_entity *e, const char *const *raw)
{
	if (!e->new_key)
		return 0;
	for (int i = 0; i < e->ncols; i++)
		if (e->cols[i].flags & EDU_C_KEY) {
			const char *r = raw[i] ? raw[i] : "";
			if (r[strspn(r, " \t")])
				return 0;
		}
	return 1;
}

/* Check raw values into w->vals; *oldp is the stored record when the key
 * exists (and upsert allows it), else NULL.  0, or -1 with *col and err.
 * In order: derive makes values from others; the key is checked and
 * looked up (a row whose key the tool makes is new); the other columns
 * are checked; fill completes the normalised row (a default that depends
 * on other columns); row_check looks across them;
 * new_key makes the key of a row that passed everything, so a refused row
 * uses no number. */
static int check_row(struct edu_writer *w, const char *const *raw_in,
		     int upsert, char ***oldp, const char **col, char *err)
{
	const struct edu_entity *e = w->e;
	const char **raw = w->raw;
	char **old = NULL;

	*col = NULL;
	*oldp = NULL;
	memcpy(raw, raw_in, e->ncols * sizeof *raw);
	if (e->derive && e->derive(w->db, raw, w->dbuf, col, err) < 0)
		return -1;
	int keyless = keyless_row(e, raw);
	/* The key first: whether the record exists decides what an absent
	 * column means (keep the stored value, or empty). */
	for (int i = 0; i < e->ncols && !keyless; i++)
		if ((e->cols[i].flags & EDU_C_KEY) &&
		    check_value(w, i, raw[i] ? raw[i] : "", col, err) < 0)
			return -1;
	int found = SQLITE_DONE;
	if (!w->fresh && !keyless) {
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
			sqlite3_reset(w->find);
			return -1;
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
	if (!keyless && !w->fresh)
		sqlite3_reset(w->find);
	*oldp = old;
	for (int i = 0; i < e->ncols; i++) {
		if (e->cols[i].flags & EDU_C_KEY)
			continue;
		const char *v = raw[i] ? raw[i] : old && old[i] ? old[i] : "";
		if (check_value(w, i, v, col, err) < 0)
			return -1;
	}
	if (e->fill && e->fill(w->db, w->vals, col, err) < 0)
		return -1;
	if (e->row_check && e->row_check(w->db, (const char *const *)w->vals, col, err) < 0)
		return -1;
	for (int i = 0; i < e->ncols && keyless && e->new_key; i++)
		if ((e->cols[i].flags & EDU_C_KEY) &&
		    !(w->vals[i] = e->new_key(w->db, (const char *const *)w->vals, err))) {
			*col = e->cols[i].name;
			return -1;
		}
	return 0;
}

/* A new record whose key was left empty and made while the sequences
 * handed out a number (since `drawn`): the run names that number.  A key
 * derived from other values (a student number from the ID) draws none. */
static void note_number(struct edu_writer *w, const char *const *raw, long drawn)
{
	if (edu_seq_drawn() == drawn)
		return;
	for (int i = 0; i < w->e->ncols; i++)
		if ((w->e->cols[i].flags & EDU_C_KEY) && w->vals[i] &&
		    !(raw[i] && raw[i][strspn(raw[i], " \t")])) {
			edu_run_number(w->vals[i]);
			return;
		}
}

int edu_writer_put(struct edu_writer *w, const char *const *raw, int upsert,
		   const char **col, char *err)
{
	char **old;
	long drawn = edu_seq_drawn();
	int rc = check_row(w, raw, upsert, &old, col, err);

	if (rc == 0)
		rc = write_row(w, old, col, err);
	if (rc == EDU_PUT_INSERTED)
		note_number(w, raw, drawn);
	clear_row(w, old);
	return rc;
}

/* ---- import ---------------------------------------------------------------- */

/* An import checks each row as it reads it and writes it at once, each
 * change audited.  A bulk entity (a register of a million rows) differs:
 * into an empty table its rows are appended and its indexes built at the
 * end (bulk_begin); into a filled one its new records wait in a
 * temporary table and go in at the end in key order, so that the B-trees
 * grow at their right edge instead of being split all over.  Either way
 * its inserted rows are audited as one row: their number and the SHA-256
 * of their values in the order they went in (file order into an empty
 * table, key order into a filled one). */

struct edu_import_stats {
	long inserted, updated, unchanged, rejected;
};

struct importer {
	const struct edu_entity *e;
	struct edu_writer *w;
	struct edu_out *reject;
	struct edu_reject *rj;
	FILE *reject_f;
	int *reject_cols;	/* the entity columns the reject file has */
	int nreject, reject_extra;	/* ... and extra columns after them */
	long errors;
	struct edu_import_stats st;
	int *map;		/* the columns of the file read last */
	/* e->extra_header's columns of the file being read: their fields,
	 * names and the current row's values; the names of the first
	 * rejected row's file head the reject file's extra columns. */
	int nextra, *xfield;
	char **xname;
	const char **xval;
	const char **given;	/* a row as read, when extra_row changes it */
	char **files;
	int file;		/* the index of the file being read */
	sqlite3_stmt *stage;
	long staged;
	/* Bulk loading (an entity marked bulk whose table is empty): rows go
	 * straight in and the indexes are built once at the end. */
	int bulk;
	struct bulk_index {
		char *name, *sql, *cols;	/* cols: "a, b" */
		int unique;
		/* A unique index's keys so far, while it is not there: the
		 * hash of each row's key and its rowid, open addressing. */
		int ncol, col[8];	/* entity columns of the key */
		struct key_slot {
			uint32_t hash, rowid;	/* rowid 0: empty */
		} *slot;	/* one cache line per probe, not two */
		size_t n, cap;
		sqlite3_stmt *get;	/* the key of a rowid */
	} *idx;
	int nidx;
	struct row_at {
		int file;
		long line;
	} *at;			/* where the row of rowid i + 1 came from */
	size_t nat, capat;
	struct edu_digest *dg;
	struct loader *ld;	/* the thread that inserts a bulk load */
};

/* row_error is called from both threads of a bulk load. */
static pthread_mutex_t error_mu = PTHREAD_MUTEX_INITIALIZER;

/* Report a bad row; with --reject, keep it with its reason.  fields[i]
 * is the row's text of entity column i (map[i] < 0: the input has no such
 * column). */
static void row_error(struct importer *im, const char *fname, long line,
		      const int *map, const char *const *fields,
		      const char *col, const char *msg)
{
	pthread_mutex_lock(&error_mu);
	if (im->errors < MAX_SHOWN) {
		if (col)
			edu_warn("%s:%ld: %s: %s", fname, line, col, msg);
		else
			edu_warn("%s:%ld: %s", fname, line, msg);
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
			col = first_key(e);
			if (prev_file == file)
				snprintf(err, EDU_ERR_MAX, "the same %s as line %ld", e->what, prev_line);
			else
				snprintf(err, EDU_ERR_MAX, "the same %s as %s:%ld", e->what,
					 im->files[prev_file], prev_line);
			row_error(im, im->files[file], line, im->map, fields, col, err);
		} else {
			bind_row(e, w->insert, w->vals);
			if (sqlite3_step(w->insert) != SQLITE_DONE) {
				if ((sqlite3_errcode(w->db) & 0xff) != SQLITE_CONSTRAINT)
					edu_die_db(w->db, "cannot write");
				constraint_msg(w, w->vals, &col, err);
				row_error(im, im->files[file], line, im->map, fields, col, err);
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


/* ---- bulk loading -------------------------------------------------------- */

/* A B-tree index grown one random key at a time is touched all over, and
 * a million keys that way cost many times what one sort costs.  So when
 * a bulk entity's table is empty, its indexes are dropped inside the
 * import's transaction, the rows are appended, and the indexes are made
 * again from sorted keys at the end.  While a unique index is away, the
 * keys of the rows in are kept as hashes in memory, so that a row that
 * repeats one is refused at once, naming the line it repeats. */

static uint32_t key_hash(const struct bulk_index *x, char *const *vals)
{
	uint32_t h = 2166136261u;

	for (int k = 0; k < x->ncol; k++) {
		for (const char *p = vals[x->col[k]]; *p; p++)
			h = (h ^ (unsigned char)*p) * 16777619u;
		h = (h ^ 0xff) * 16777619u;	/* no byte of UTF-8 text */
	}
	return h;
}

/* The rowid of an earlier row with the same key, or 0. */
static sqlite3_int64 key_find(struct importer *im, struct bulk_index *x,
			      char *const *vals, uint32_t h)
{
	for (size_t i = h & (x->cap - 1); x->slot[i].rowid; i = (i + 1) & (x->cap - 1)) {
		if (x->slot[i].hash != h)
			continue;
		int same = 1;
		sqlite3_reset(x->get);
		sqlite3_bind_int64(x->get, 1, x->slot[i].rowid);
		if (sqlite3_step(x->get) != SQLITE_ROW)
			edu_die_db(im->w->db, "cannot read a row back");
		for (int k = 0; k < x->ncol && same; k++) {
			const char *v = (const char *)sqlite3_column_text(x->get, k);
			same = v && !strcmp(v, vals[x->col[k]]);
		}
		sqlite3_reset(x->get);
		if (same)
			return x->slot[i].rowid;
	}
	return 0;
}

static void key_put(struct key_slot *slot, size_t cap, struct key_slot k)
{
	size_t j = k.hash & (cap - 1);

	while (slot[j].rowid)
		j = (j + 1) & (cap - 1);
	slot[j] = k;
}

static void key_add(struct bulk_index *x, uint32_t h, sqlite3_int64 rowid)
{
	if (2 * (x->n + 1) > x->cap) {
		size_t cap = x->cap ? 2 * x->cap : 1024;
		struct key_slot *slot = edu_malloc(cap * sizeof *slot);

		memset(slot, 0, cap * sizeof *slot);
		for (size_t i = 0; i < x->cap; i++)
			if (x->slot[i].rowid)
				key_put(slot, cap, x->slot[i]);
		free(x->slot);
		x->slot = slot;
		x->cap = cap;
	}
	key_put(x->slot, x->cap, (struct key_slot){ h, (uint32_t)rowid });
	x->n++;
}

/* The entity columns of an index's "a", "b": 0, or -1 when one is not a
 * column of the entity (then the table is not loaded in bulk). */
static int key_cols(const struct edu_entity *e, struct bulk_index *x)
{
	x->ncol = 0;
	for (const char *c = x->cols; *c;) {
		size_t n = strcspn(c, ",");
		const char *a = c + (*c == '"'), *z = c + n - (n && c[n - 1] == '"');
		int j;
		for (j = 0; j < e->ncols; j++)
			if (strlen(e->cols[j].name) == (size_t)(z - a) &&
			    !strncmp(e->cols[j].name, a, (size_t)(z - a)))
				break;
		if (j == e->ncols || x->ncol == 8)
			return -1;
		x->col[x->ncol++] = j;
		c += n;
		c += strspn(c, ", ");
	}
	return 0;
}

static int bulk_begin(struct importer *im, sqlite3 *db)
{
	const struct edu_entity *e = im->e;
	const char *p[] = { e->table };
	char *any;

	if (!e->bulk)
		return 0;
	struct edu_buf q = { 0 };
	edu_buf_printf(&q, "SELECT 1 FROM \"%s\" LIMIT 1", e->table);
	any = edu_query1(db, q.s, 0, NULL);
	edu_buf_free(&q);
	if (any) {
		free(any);
		return 0;
	}
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT m.name, m.sql, (SELECT group_concat('\"' || name || '\"', ',') "
		"FROM pragma_index_info(m.name)), (SELECT \"unique\" FROM pragma_index_list(?1) l "
		"WHERE l.name = m.name) FROM sqlite_master m "
		"WHERE m.type = 'index' AND m.tbl_name = ?1 AND m.sql IS NOT NULL");
	sqlite3_bind_text(st, 1, p[0], -1, SQLITE_STATIC);
	int ok = 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		im->idx = edu_realloc(im->idx, (im->nidx + 1) * sizeof *im->idx);
		struct bulk_index *x = &im->idx[im->nidx++];
		memset(x, 0, sizeof *x);
		x->name = edu_strdup((const char *)sqlite3_column_text(st, 0));
		x->sql = edu_strdup((const char *)sqlite3_column_text(st, 1));
		x->cols = edu_strdup((const char *)sqlite3_column_text(st, 2));
		x->unique = sqlite3_column_int(st, 3);
		if (x->unique && key_cols(e, x) < 0)
			ok = 0;
	}
	sqlite3_finalize(st);
	/* Identifiers only, from the schema and the tool's column table; no
	 * value is ever part of this SQL. */
	for (int i = 0; i < im->nidx && ok; i++) {
		struct bulk_index *x = &im->idx[i];
		struct edu_buf d = { 0 };
		edu_buf_printf(&d, "DROP INDEX \"%s\"", x->name);
		if (sqlite3_exec(db, d.s, NULL, NULL, NULL) != SQLITE_OK)
			edu_die_db(db, "cannot drop an index for loading");
		edu_buf_free(&d);
		if (x->unique) {
			edu_buf_printf(&d, "SELECT %s FROM \"%s\" WHERE rowid = ?", x->cols, e->table);
			x->get = edu_prepare(db, d.s);
			edu_buf_free(&d);
		}
	}
	if (!ok) {
		for (int i = 0; i < im->nidx; i++) {
			free(im->idx[i].name);
			free(im->idx[i].sql);
			free(im->idx[i].cols);
		}
		free(im->idx);
		im->idx = NULL;
		im->nidx = 0;
		return 0;
	}
	im->w->fresh = 1;
	im->dg = edu_digest_new();
	return im->bulk = 1;
}

static void bulk_row(struct importer *im, char **vals, int file, long line)
{
	struct edu_writer *w = im->w;
	const struct edu_entity *e = im->e;
	const char *fname = im->files[file];
	const int *map = im->map;
	/* A refused row goes to --reject as checked: it imports back the same. */
	const char *const *fields = (const char *const *)vals;
	const char *col;
	char err[EDU_ERR_MAX];
	uint32_t h[16];

	for (int k = 0; k < im->nidx; k++) {
		struct bulk_index *x = &im->idx[k];
		int null = 0;

		if (!x->unique || k >= 16)
			continue;
		for (int c = 0; c < x->ncol; c++)
			null |= !vals[x->col[c]];
		h[k] = null ? 0 : key_hash(x, vals);
		sqlite3_int64 first = null || !x->n ? 0 : key_find(im, x, vals, h[k]);
		if (first) {
			const struct row_at *f = &im->at[first - 1];
			if (f->file == file)
				snprintf(err, sizeof err, "the same %s as line %ld", e->what, f->line);
			else
				snprintf(err, sizeof err, "the same %s as %s:%ld", e->what,
					 im->files[f->file], f->line);
			row_error(im, fname, line, map, fields, e->cols[x->col[0]].name, err);
			return;
		}
	}
	/* The loading thread holds the connection from the insert to its
	 * rowid and message, so the checking thread's lookups cannot come
	 * between them. */
	sqlite3_mutex *mu = sqlite3_db_mutex(w->db);
	sqlite3_mutex_enter(mu);
	bind_row(e, w->insert, vals);
	if (sqlite3_step(w->insert) != SQLITE_DONE) {
		if ((sqlite3_errcode(w->db) & 0xff) != SQLITE_CONSTRAINT)
			edu_die_db(w->db, "cannot write");
		constraint_msg(w, vals, &col, err);
		sqlite3_reset(w->insert);
		sqlite3_mutex_leave(mu);
		row_error(im, fname, line, map, fields, col, err);
		return;
	}
	sqlite3_reset(w->insert);
	sqlite3_int64 id = sqlite3_last_insert_rowid(w->db);
	sqlite3_mutex_leave(mu);
	size_t i = (size_t)id - 1;
	if (i >= im->capat) {
		im->capat = i < 1024 ? 1024 : 2 * i;
		im->at = edu_realloc(im->at, im->capat * sizeof *im->at);
	}
	if (i >= im->nat)
		im->nat = i + 1;
	im->at[i] = (struct row_at){ file, line };
	for (int k = 0; k < im->nidx && k < 16; k++) {
		struct bulk_index *x = &im->idx[k];
		int null = 0;
		if (!x->unique)
			continue;
		for (int c = 0; c < x->ncol; c++)
			null |= !vals[x->col[c]];
		if (!null)
			key_add(x, h[k], id);
	}
	for (int k = 0; k < e->ncols; k++)
		edu_digest_field(im->dg, vals[k]);
	im->st.inserted++;
}

static void bulk_finish(struct importer *im)
{
	sqlite3 *db = im->w->db;
	char hex[65];

	for (int i = 0; i < im->nidx; i++) {
		struct bulk_index *x = &im->idx[i];

		/* Rows that repeat a key were refused as they came, so the
		 * index builds; with errors and no --reject nothing will be
		 * written, and it need not. */
		if ((!im->errors || im->reject_f) &&
		    sqlite3_exec(db, x->sql, NULL, NULL, NULL) != SQLITE_OK)
			edu_die_db(db, "cannot build an index");
		sqlite3_finalize(x->get);
		free(x->slot);
		free(x->name);
		free(x->sql);
		free(x->cols);
	}
	free(im->idx);
	free(im->at);
	edu_digest_end(im->dg, hex);
	if (im->st.inserted && (!im->errors || im->reject_f)) {
		char *change = edu_asprintf("{\"inserted\":%ld,\"sha256\":\"%s\"}",
					    im->st.inserted, hex);
		edu_audit(db, im->e->table, "import", change);
		free(change);
	}
}


/* ---- the loading thread ---------------------------------------------------- */

/* A bulk load has two halves of about equal cost: reading and checking
 * the rows, and inserting them.  They run on two threads, handing rows
 * over in batches: the checking thread owns the CSV reader and the
 * lookups, the loading thread the insert, the key hashes, the digest and
 * the row map.  SQLite serialises their calls on the one connection. */
#define LOAD_BATCH 512
#define LOAD_QUEUE 8

struct load_row {
	char **vals;
	int file;
	long line;
};

struct loader {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct load_row row[LOAD_QUEUE][LOAD_BATCH];
	int nrow[LOAD_QUEUE];
	int head, tail, count;	/* batches queued: [tail, head) */
	int fill;		/* rows in the batch being filled, at head */
	int done;
	struct importer *im;
};

static void *load_main(void *arg)
{
	struct loader *ld = arg;
	struct importer *im = ld->im;

	pthread_mutex_lock(&ld->mu);
	for (;;) {
		while (!ld->count && !ld->done)
			pthread_cond_wait(&ld->cv, &ld->mu);
		if (!ld->count)
			break;
		int t = ld->tail, n = ld->nrow[t];
		pthread_mutex_unlock(&ld->mu);
		for (int i = 0; i < n; i++) {
			struct load_row *r = &ld->row[t][i];
			bulk_row(im, r->vals, r->file, r->line);
			for (int k = 0; k < im->e->ncols; k++)
				free(r->vals[k]);
			free(r->vals);
		}
		pthread_mutex_lock(&ld->mu);
		ld->tail = (t + 1) % LOAD_QUEUE;
		ld->count--;
		pthread_cond_broadcast(&ld->cv);
	}
	pthread_mutex_unlock(&ld->mu);
	return NULL;
}

static void load_start(struct importer *im)
{
	struct loader *ld = edu_malloc(sizeof *ld);

	memset(ld, 0, sizeof *ld);
	ld->im = im;
	pthread_mutex_init(&ld->mu, NULL);
	pthread_cond_init(&ld->cv, NULL);
	if (pthread_create(&ld->thread, NULL, load_main, ld) != 0)
		edu_die(EDU_ESOFTWARE, "cannot start a thread:");
	im->ld = ld;
}

/* Queue the batch being filled; the caller holds ld->mu. */
static void load_submit(struct loader *ld)
{
	while (ld->count == LOAD_QUEUE)
		pthread_cond_wait(&ld->cv, &ld->mu);
	ld->nrow[ld->head] = ld->fill;
	ld->head = (ld->head + 1) % LOAD_QUEUE;
	ld->count++;
	ld->fill = 0;
	pthread_cond_broadcast(&ld->cv);
}

/* Hand over a checked row: its values now belong to the loader. */
static void load_put(struct importer *im, char **vals, long line)
{
	struct loader *ld = im->ld;

	/* The slot at head is ours until submitted: the loader reads only
	 * queued batches, and head is never queued while count < QUEUE. */
	if (ld->fill == 0) {
		pthread_mutex_lock(&ld->mu);
		while (ld->count == LOAD_QUEUE)
			pthread_cond_wait(&ld->cv, &ld->mu);
		pthread_mutex_unlock(&ld->mu);
	}
	ld->row[ld->head][ld->fill++] = (struct load_row){ vals, im->file, line };
	if (ld->fill == LOAD_BATCH) {
		pthread_mutex_lock(&ld->mu);
		load_submit(ld);
		pthread_mutex_unlock(&ld->mu);
	}
}

/* Wait until every row handed over is in (before the next file changes
 * the column map the loader reports with). */
static void load_drain(struct importer *im)
{
	struct loader *ld = im->ld;

	pthread_mutex_lock(&ld->mu);
	if (ld->fill)
		load_submit(ld);
	while (ld->count)
		pthread_cond_wait(&ld->cv, &ld->mu);
	pthread_mutex_unlock(&ld->mu);
}

static void load_stop(struct importer *im)
{
	struct loader *ld = im->ld;

	load_drain(im);
	pthread_mutex_lock(&ld->mu);
	ld->done = 1;
	pthread_cond_broadcast(&ld->cv);
	pthread_mutex_unlock(&ld->mu);
	pthread_join(ld->thread, NULL);
	pthread_mutex_destroy(&ld->mu);
	pthread_cond_destroy(&ld->cv);
	free(ld);
	im->ld = NULL;
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
		row_error(im, edu_csv_name(r), edu_csv_line(r), map, raw, NULL, edu_csv_bad(r));
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
			row_error(im, edu_csv_name(r), edu_csv_line(r), map, given, col, err);
			return;
		}
	}
	int rc = check_row(im->w, raw, import_opt.upsert, &old, &col, err);
	if (rc == 0 && im->bulk) {
		/* The values go to the loading thread, and are its to free. */
		char **vals = edu_malloc(im->e->ncols * sizeof *vals);
		memcpy(vals, im->w->vals, im->e->ncols * sizeof *vals);
		memset(im->w->vals, 0, im->e->ncols * sizeof *vals);
		load_put(im, vals, edu_csv_line(r));
	} else if (rc == 0 && !old && im->stage) {
		stage_row(im, edu_csv_line(r));
	} else if (rc == 0 && !old) {
		if (write_row(im->w, NULL, &col, err) == EDU_PUT_INSERTED) {
			im->st.inserted++;
			note_number(im->w, raw, drawn);
		} else
			rc = -1;
	} else if (rc == 0) {
		switch (write_row(im->w, old, &col, err)) {
		case EDU_PUT_UPDATED: im->st.updated++; break;
		case EDU_PUT_UNCHANGED: im->st.unchanged++; break;
		default: rc = -1;
		}
	}
	if (rc < 0)
		row_error(im, edu_csv_name(r), edu_csv_line(r), map, given, col, err);
	clear_row(im->w, old);
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
			 int nmap)
{
	int width = edu_csv_width(r), n = 0, bad = 0;
	char **names = edu_malloc((width + 1) * sizeof *names);
	int *field = edu_malloc((width + 1) * sizeof *field);
	int *take = edu_malloc((width + 1) * sizeof *take);

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
		if (!import_opt.ignore_extra) {
			edu_warn("%s:%ld: unknown column '%s' (see edu-csv(5), or use --ignore-extra)",
				 edu_csv_name(r), edu_csv_line(r), names[k]);
			bad = 1;
		}
		free(names[k]);
	}
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
	    (e->extra_header && extra_columns(im, r, map, nnames) < 0)) {
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
	if (!bulk_begin(&im, db))
		if (e->bulk)
			stage_begin(&im, db);
	if (im.bulk)
		load_start(&im);
	for (int i = 0; i < nfiles && !status; i++) {
		im.file = i;
		status = import_file(&im, files[i]);
		if (im.bulk)
			load_drain(&im);
	}
	if (im.bulk)
		load_stop(&im);
	/* With errors and no --reject nothing is written: the staged rows
	 * need not go in to be checked, unless they are all there is to
	 * check (duplicates and unique columns show only there). */
	if (im.bulk)
		bulk_finish(&im);
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
		if (col_value(db, &plain, f[i].value, &vals[i], err, NULL) < 0)
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
