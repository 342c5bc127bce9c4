/* writer.c - writing one record of an entity: checked, normalised,
 * inserted or updated, audited; every import and single-record verb
 * writes through it. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

/* ---- writing one record ----------------------------------------------- */


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
	eng_add_ident(&ins, e->table);
	edu_buf_puts(&ins, " (");
	edu_buf_puts(&upd, "UPDATE ");
	eng_add_ident(&upd, e->table);
	edu_buf_puts(&upd, " SET ");
	/* Parameter ?N is column N in every statement, so one binding
	 * serves all three.  Identifiers come from the tool's column table,
	 * never from data. */
	for (int i = 0; i < e->ncols; i++) {
		const struct edu_col *c = &e->cols[i];

		edu_buf_puts(&sel, i ? ", " : "");
		eng_add_select(&sel, c);
		edu_buf_puts(&ins, i ? ", " : "");
		eng_add_ident(&ins, c->name);
		if (c->flags & EDU_C_KEY) {
			edu_buf_puts(&where, nk++ ? " AND " : " WHERE ");
			eng_add_ident(&where, c->name);
			edu_buf_printf(&where, " = ?%d", i + 1);
		} else {
			edu_buf_puts(&upd, nv++ ? ", " : "");
			eng_add_ident(&upd, c->name);
			edu_buf_printf(&upd, " = ?%d", i + 1);
		}
	}
	edu_buf_puts(&sel, " FROM ");
	eng_add_ident(&sel, e->table);
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
		eng_ref_free(w->ref[i]);
	free(w->ref);
	free(w->raw);
	free(w->vals);
	free(w);
}

void eng_bind_row(const struct edu_entity *e, sqlite3_stmt *st, char **vals)
{
	int n = sqlite3_bind_parameter_count(st);

	sqlite3_reset(st);
	for (int i = 0; i < e->ncols && i < n; i++)
		eng_bind_value(st, i + 1, &e->cols[i], vals[i], SQLITE_STATIC);
}

/* eng_bind_row with the values' lengths known (a bulk load): SQLite need
 * not measure each text again.  The values eng_bind_value binds as text
 * are bound here the same way, with their length. */
void eng_bind_row_n(const struct edu_entity *e, sqlite3_stmt *st, char **vals,
		    const int *len)
{
	int n = sqlite3_bind_parameter_count(st);

	sqlite3_reset(st);
	for (int i = 0; i < e->ncols && i < n; i++) {
		const struct edu_col *c = &e->cols[i];
		if (!vals[i] || c->type == EDU_C_INT || c->type == EDU_C_MONEY ||
		    c->type == EDU_C_SCORE)
			eng_bind_value(st, i + 1, c, vals[i], SQLITE_STATIC);
		else
			sqlite3_bind_text(st, i + 1, vals[i], len[i], SQLITE_STATIC);
	}
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

const char *eng_first_key(const struct edu_entity *e)
{
	for (int i = 0; i < e->ncols; i++)
		if (e->cols[i].flags & EDU_C_KEY)
			return e->cols[i].name;
	return e->cols[0].name;
}

/* SQLite's "UNIQUE constraint failed: school.credit_code", said for
 * people. */
void eng_constraint_msg(struct edu_writer *w, char *const *vals,
			   const char **col, char *err)
{
	const struct edu_entity *e = w->e;
	const char *m = sqlite3_errmsg(w->db);
	const char *u = "UNIQUE constraint failed: ";

	*col = NULL;
	if (!strncmp(m, u, strlen(u))) {
		const char *dot = strchr(m + strlen(u), '.');
		const struct edu_col *c = dot ? eng_entity_col(e, dot + 1) : NULL;

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
		const struct edu_col *c = last ? eng_entity_col(e, last + 1) : NULL;

		if (c) {
			*col = c->name;
			snprintf(err, EDU_ERR_MAX, "another %s has the same %s",
				 e->what, m + strlen(u));
			return;
		}
	}
	snprintf(err, EDU_ERR_MAX, "%s", m);
}

/* Write the normalised row in w->vals: update the stored row `old` (NULL
 * when there is none) where it differs, or insert. */
int eng_write_row(struct edu_writer *w, char **old, const char **col, char *err)
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
	eng_bind_row(e, st, w->vals);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if ((sqlite3_errcode(w->db) & 0xff) != SQLITE_CONSTRAINT)
			edu_die_db(w->db, "cannot write");
		eng_constraint_msg(w, w->vals, col, err);
		result = -1;
	} else {
		edu_audit_change(w->db, e->table, key, e->ncols, names,
				 (const char *const *)old, (const char *const *)w->vals);
		result = old ? EDU_PUT_UPDATED : EDU_PUT_INSERTED;
	}
	sqlite3_reset(st);
out:
	/* A deadline counted across a year without calendar rows is
	 * kept as provisional (deadline.c), also when the record is as it
	 * was: the rule may have counted it again. */
	if (result != -1)
		edu_deadline_keep_row(w->db, e, key, w->vals);
	free(key);
	free(names);
	return result;
}

static int check_value(struct edu_writer *w, int i, const char *raw,
		       const char **col, char *err)
{
	if (eng_col_value_in(w->db, &w->e->cols[i], raw, &w->vals[i], err, &w->ref[i],
			     &w->arena) < 0) {
		*col = w->e->cols[i].name;
		return -1;
	}
	return 0;
}

/* Free the row in w->vals (its values in the arena or malloc'd: what
 * e->fill and e->new_key add) and a stored row. */
void eng_clear_row(struct edu_writer *w, char **old)
{
	edu_deadline_notes_clear();
	for (int i = 0; i < w->e->ncols; i++) {
		eng_value_free(&w->arena, w->vals[i]);
		w->vals[i] = NULL;
		if (old)
			free(old[i]);
	}
	free(old);
	w->arena.used = 0;
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
int eng_check_row(struct edu_writer *w, const char *const *raw_in,
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
		eng_bind_row(e, w->find, w->vals);
		found = sqlite3_step(w->find);
	}
	if (found == SQLITE_ROW) {
		if (!upsert) {
			char *key = row_key(e, w->vals);
			*col = eng_first_key(e);
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
void eng_note_number(struct edu_writer *w, const char *const *raw, long drawn)
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
	int rc = eng_check_row(w, raw, upsert, &old, col, err);

	if (rc == 0)
		rc = eng_write_row(w, old, col, err);
	if (rc == EDU_PUT_INSERTED)
		eng_note_number(w, raw, drawn);
	eng_clear_row(w, old);
	return rc;
}
