/* entity.c - column values and lists for any table described by its
 * columns: every tool's `list` is this code with its own columns. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

const struct edu_col *eng_entity_col(const struct edu_entity *e, const char *name)
{
	for (int i = 0; i < e->ncols; i++)
		if (!strcmp(e->cols[i].name, name))
			return &e->cols[i];
	return NULL;
}

/* Is v a key of table?  Asked once per row of an import, of a few
 * hundred schools at most, so the keys found are remembered in a small
 * direct-mapped cache (struct ref_cache): a table does not lose keys
 * under an import. */
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
		edu_buf_puts(&sql, "SELECT 1 FROM ");
		eng_add_ident(&sql, table);
		edu_buf_puts(&sql, " WHERE ");
		eng_add_ident(&sql, col);
		edu_buf_puts(&sql, " = ?");
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

void eng_ref_free(struct ref_cache *c)
{
	if (!c)
		return;
	sqlite3_finalize(c->st);
	for (int i = 0; i < REF_SLOTS; i++)
		free(c->slot[i]);
	free(c);
}

/* A copy of the n bytes at s, kept in the arena a when there is one
 * and it has room, else malloc'd. */
static char *keep(struct row_arena *a, const char *s, size_t n)
{
	if (!a || n >= sizeof a->buf - a->used)
		return edu_strndup(s, n);
	char *v = a->buf + a->used;
	memcpy(v, s, n);
	v[n] = '\0';
	a->used += n + 1;
	return v;
}

/* Free a value made by eng_col_value_in: one in the arena goes with it. */
void eng_value_free(struct row_arena *a, char *v)
{
	if (!a || v < a->buf || v >= a->buf + sizeof a->buf)
		free(v);
}

/* Normalise one value of a column into *out (malloc'd; NULL when empty):
 * 0, or -1 with a reason in err. */
int eng_col_value(sqlite3 *db, const struct edu_col *c, const char *in,
		  char **out, char *err, struct ref_cache **refst)
{
	return eng_col_value_in(db, c, in, out, err, refst, NULL);
}

/* eng_col_value with *out kept in the arena a (when it fits): an import
 * of a million rows makes no malloc per value.  Free it with
 * eng_value_free. */
int eng_col_value_in(sqlite3 *db, const struct edu_col *c, const char *in,
		     char **out, char *err, struct ref_cache **refst,
		     struct row_arena *a)
{
	char v[EDU_VAL_MAX];
	int rc = 0;

	*out = NULL;
	if (c->type == EDU_C_NAME) {
		/* " 吴若汐 " is 吴若汐: a name kept with its blanks is one no
		 * lookup by name finds (issue 16, point 13). */
		const char *p;
		size_t len = edu_name_trim(in, &p);

		if (len) {
			*out = keep(a, p, len);
			return 0;
		}
		if (*in && !c->dflt && (c->flags & (EDU_C_REQUIRED | EDU_C_KEY))) {
			snprintf(err, EDU_ERR_MAX, "may not be empty (it is only blanks)");
			return -1;
		}
		goto empty;
	}
	if (c->type == EDU_C_TEXT) {
		if (!*in)
			goto empty;
		*out = keep(a, in, strlen(in));
		return 0;
	}
	/* Typed values: surrounding blanks are a spreadsheet's, not data. */
	size_t start = strspn(in, " \t"), n = strlen(in + start);
	while (n > 0 && (in[start + n - 1] == ' ' || in[start + n - 1] == '\t'))
		n--;
	if (n == 0)
		goto empty;
	if (c->type == EDU_C_CODE) {
		*out = keep(a, in + start, n);
		goto ref;
	}
	/* A typed value fits on the stack unless it is too long to be valid:
	 * no malloc per field of a million rows. */
	char small[256], *s = small;
	if (n < sizeof small) {
		memcpy(small, in + start, n);
		small[n] = '\0';
	} else {
		s = edu_strndup(in + start, n);
	}
	switch (c->type) {
	case EDU_C_TEXT:
	case EDU_C_NAME:
	case EDU_C_CODE:
		break;	/* above */
	case EDU_C_INT:
		rc = edu_valid_int(s, c->min, c->max, v, err);
		break;
	case EDU_C_DATE:
		rc = edu_valid_date(s, v, err);
		if (rc == 0 && (c->flags & EDU_C_PAST))
			rc = edu_valid_past(v, edu_session()->on ? edu_session()->on
							   : edu_today(), err);
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
	*out = keep(a, v, strlen(v));
ref:
	if (c->ref && !ref_exists(db, c->ref, c->name, *out, refst)) {
		snprintf(err, EDU_ERR_MAX, "no %s '%s'", c->ref, *out);
		eng_value_free(a, *out);
		*out = NULL;
		return -1;
	}
	return 0;
empty:
	if (c->dflt)
		return eng_col_value_in(db, c, c->dflt, out, err, refst, a);
	if (c->flags & (EDU_C_REQUIRED | EDU_C_KEY)) {
		snprintf(err, EDU_ERR_MAX, "may not be empty");
		return -1;
	}
	return 0;
}

int edu_col_value(const struct edu_col *c, const char *in, char **out, char *err)
{
	struct edu_col plain = *c;

	plain.ref = NULL;
	return eng_col_value(NULL, &plain, in, out, err, NULL);
}

/* An identifier (a table, column or index name from the schema or a
 * tool's column table, never a value) quoted for SQL: "a""b". */
void eng_add_ident(struct edu_buf *b, const char *s)
{
	edu_buf_puts(b, "\"");
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		edu_buf_add(b, s, (size_t)(q - s));
		edu_buf_puts(b, "\"\"");
	}
	edu_buf_puts(b, s);
	edu_buf_puts(b, "\"");
}

/* A column as read: money, stored in fen, reads as yuan with two
 * decimals, and a score, stored in tenths, as points ("98.5", "100"):
 * the forms their values are normalised to. */
void eng_add_select(struct edu_buf *b, const struct edu_col *c)
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
	eng_add_ident(b, c->name);
}

/* Bind a normalised value of a column. */
void eng_bind_value(sqlite3_stmt *st, int i, const struct edu_col *c,
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
		eng_add_select(&sql, &e->cols[i]);
	}
	edu_buf_puts(&sql, " FROM ");
	eng_add_ident(&sql, e->table);
	for (int i = 0; i < nf; i++) {
		const struct edu_col *c = eng_entity_col(e, f[i].col);

		if (!c)
			edu_die(EDU_ESOFTWARE, "no column '%s' in %s", f[i].col, e->table);
		/* A filter names a value, not a row: no reference check. */
		struct edu_col plain = *c;
		plain.ref = NULL;
		plain.flags = EDU_C_REQUIRED;
		if (eng_col_value(db, &plain, f[i].value, &vals[i], err, NULL) < 0)
			edu_die(EDU_EUSAGE, "--%s: %s", c->name, err);
		edu_buf_puts(&sql, i ? " AND " : " WHERE ");
		eng_add_ident(&sql, c->name);
		edu_buf_puts(&sql, " = ?");
	}
	edu_buf_puts(&sql, " ORDER BY ");
	for (int i = 0; i < e->ncols; i++)
		if (e->cols[i].flags & EDU_C_KEY) {
			edu_buf_puts(&sql, nk++ ? ", " : "");
			eng_add_ident(&sql, e->cols[i].name);
		}
	sqlite3_stmt *st = edu_prepare(db, sql.s);
	for (int i = 0; i < nf; i++)
		eng_bind_value(st, i + 1, eng_entity_col(e, f[i].col), vals[i], SQLITE_TRANSIENT);
	/* A workbook's cells by the columns' types: IDs, codes and phones
	 * are text whatever they look like. */
	char *types = edu_malloc(e->ncols + 1);
	for (int i = 0; i < e->ncols; i++) {
		enum edu_coltype t = e->cols[i].type;

		types[i] = t == EDU_C_INT || t == EDU_C_SCORE ? 'n' : t == EDU_C_MONEY ? 'm' :
			   t == EDU_C_DATE ? 'd' : 't';
	}
	types[e->ncols] = '\0';
	struct edu_out *o = edu_out_for_stmt(stdout, st);
	edu_out_types(o, e->table, types);
	long n = edu_out_stmt(o, st);
	edu_out_end(o);
	sqlite3_finalize(st);
	free(types);
	for (int i = 0; i < nf; i++)
		free(vals[i]);
	free(vals);
	edu_buf_free(&sql);
	return n;
}

int edu_derive_year(const char **raw, int year_col, long year, char *buf,
		    const char **col, char *err)
{
	const char *y = raw[year_col];

	snprintf(buf, EDU_VAL_MAX, "%ld", year);
	if (y && y[strspn(y, " \t")] && atol(y) != year) {
		*col = "year";
		snprintf(err, EDU_ERR_MAX, "%s is not the --year %ld", y, year);
		return -1;
	}
	raw[year_col] = buf;
	return 0;
}
