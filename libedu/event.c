/* event.c - corrections (issue 17): a tool's events listed with their
 * numbers, a mistaken one voided, and a register's change by `import
 * --upsert` recorded as a `corrected` event.  Each tool describes its
 * event table once (struct edu_event_table, edu.h); the rules that are
 * the same for every tool are here, once. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static int same(const char *a, const char *b)
{
	return a ? b && !strcmp(a, b) : !b;
}

static void json_or_null(struct edu_buf *b, const char *s)
{
	if (s)
		edu_buf_json(b, s);
	else
		edu_buf_puts(b, "null");
}

void edu_event_change(struct edu_buf *b, const char *col, const char *was, const char *now)
{
	edu_buf_puts(b, ",");
	edu_buf_json(b, col);
	edu_buf_puts(b, ":[");
	json_or_null(b, was);
	edu_buf_puts(b, ",");
	json_or_null(b, now);
	edu_buf_puts(b, "]");
}

int edu_event_diff(int n, const char *const *names, const char *const *was,
		   const char *const *now, const int *only, struct edu_buf *old,
		   struct edu_buf *new)
{
	int k = 0;

	edu_buf_puts(old, "{");
	edu_buf_puts(new, "{");
	for (int i = 0; i < n; i++) {
		if (only ? !only[i] : same(was[i], now[i]))
			continue;
		edu_buf_puts(old, k ? "," : "");
		edu_buf_puts(new, k ? "," : "");
		edu_buf_json(old, names[i]);
		edu_buf_json(new, names[i]);
		edu_buf_puts(old, ":");
		edu_buf_puts(new, ":");
		json_or_null(old, was[i]);
		json_or_null(new, now[i]);
		k++;
	}
	edu_buf_puts(old, "}");
	edu_buf_puts(new, "}");
	return k;
}

/* ---- listing ------------------------------------------------------------ */

int edu_event_subject(sqlite3 *db, const struct edu_event_table *t, const char *key)
{
	/* Identifiers from the tool's table, never from data; the key is bound. */
	char *sql = edu_asprintf("SELECT 1 FROM %s WHERE %s = ?", t->subject, t->key);
	const char *p[] = { key };
	char *found = edu_query1(db, sql, 1, p);
	int there = found != NULL;

	free(sql);
	free(found);
	return there;
}

sqlite3_stmt *edu_events_stmt(sqlite3 *db, const struct edu_event_table *t, const char *key)
{
	/* Identifiers from the tool's table, never from data. */
	char *sql = edu_asprintf("SELECT id AS event, %s, void_on, void_by, void_reason FROM %s "
				 "WHERE ?1 IS NULL OR %s = ?1 ORDER BY %s, day, id",
				 t->list, t->table, t->key, t->key);
	sqlite3_stmt *st = edu_prepare(db, sql);

	free(sql);
	edu_bind_text(st, 1, key);
	return st;
}

/* ---- voiding ------------------------------------------------------------- */

/* The event's columns edu_event_void reads, in order. */
enum { V_KEY, V_KIND, V_DAY, V_VOID_ON, V_VOID_BY, V_VOID_REASON, V_OLD };

/* Why the event may not be voided (-1, the reason in why), or 0: it is
 * void already, it made the record, or a standing event of its record
 * comes after it (it is voided first, so the state goes back one event
 * at a time); then the tool's own rules. */
static int refused(sqlite3 *db, const struct edu_event_table *t, sqlite3_stmt *ev,
		   const struct edu_event *e, char *why)
{
	char ids[24], *sql, *later, *first;

	if (sqlite3_column_type(ev, V_VOID_ON) != SQLITE_NULL)
		return snprintf(why, EDU_ERR_MAX, "is void already (%s by %s: %s)",
				col_text(ev, V_VOID_ON), col_text(ev, V_VOID_BY),
				col_text(ev, V_VOID_REASON)), -1;
	snprintf(ids, sizeof ids, "%lld", e->id);
	const char *p[] = { e->key, ids, e->day };
	if (t->first_made) {
		sql = edu_asprintf("SELECT min(id) FROM %s WHERE %s = ?1", t->table, t->key);
		first = edu_query1(db, sql, 1, p);
		free(sql);
		int made = first && strtoll(first, NULL, 10) == e->id;
		free(first);
		if (made)
			return snprintf(why, EDU_ERR_MAX, "it made %s %s's record (%s): correct "
					"the record with import --upsert", t->noun, e->key, e->kind), -1;
	}
	/* After it: as --as-of orders them, by day, then by number. */
	sql = edu_asprintf("SELECT id || ' (' || %s || ' on ' || day || ')' FROM %s "
			   "WHERE %s = ?1 AND id <> ?2 AND void_on IS NULL "
			   "AND (day > ?3 OR (day = ?3 AND id > ?2)) "
			   "ORDER BY day DESC, id DESC LIMIT 1", t->label ? t->label : t->kind,
			   t->table, t->key);
	later = edu_query1(db, sql, 3, p);
	free(sql);
	if (later) {
		snprintf(why, EDU_ERR_MAX, "event %s of %s %s came after it: void that first",
			 later, t->noun, e->key);
		free(later);
		return -1;
	}
	if (t->restore && !e->old)
		return snprintf(why, EDU_ERR_MAX, "it was recorded before events kept what they "
				"changed (schema 019): correct the record with import --upsert"), -1;
	return t->refuse ? t->refuse(db, e, why) : 0;
}

/* Set the record's columns in t->restore back to the event's `old`, in
 * one statement (a CHECK across columns holds before and after), and
 * note each change in b. */
static void restore(sqlite3 *db, const struct edu_event_table *t, const struct edu_event *e,
		    struct edu_buf *b)
{
	struct edu_buf set = { 0 };

	for (int i = 0; t->restore[i]; i++) {
		const char *c = t->restore[i];
		char *sql = edu_asprintf("SELECT %s, json_type(?2, '$.%s'), json_extract(?2, '$.%s') "
					 "FROM %s WHERE %s = ?1", c, c, c, t->subject, t->key);
		sqlite3_stmt *st = edu_prepare(db, sql);

		free(sql);
		sqlite3_bind_text(st, 1, e->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, e->old, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 1) != SQLITE_NULL &&
		    !same(col_text(st, 0), col_text(st, 2)))
			edu_event_change(b, c, col_text(st, 0), col_text(st, 2));
		sqlite3_finalize(st);
		edu_buf_printf(&set, "%s%s = CASE WHEN json_type(?2, '$.%s') IS NULL THEN %s "
			       "ELSE json_extract(?2, '$.%s') END", i ? ", " : "", c, c, c, c);
	}
	char *sql = edu_asprintf("UPDATE %s SET %s WHERE %s = ?1", t->subject, set.s, t->key);
	const char *p[] = { e->key, e->old };
	edu_exec(db, sql, 2, p);
	free(sql);
	edu_buf_free(&set);
}

int edu_event_void(sqlite3 *db, const struct edu_event_table *t, long long id,
		   const char *reason, char *why)
{
	char *sql = edu_asprintf("SELECT %s, %s, day, void_on, void_by, void_reason, %s "
				 "FROM %s WHERE id = ?", t->key, t->label ? t->label : t->kind,
				 t->restore ? "old" : "NULL", t->table);
	sqlite3_stmt *ev = edu_prepare(db, sql);
	int rc = 1;

	free(sql);
	sqlite3_bind_int64(ev, 1, id);
	if (sqlite3_step(ev) != SQLITE_ROW) {
		sqlite3_finalize(ev);
		return 1;
	}
	struct edu_event e = { .id = id, .key = col_text(ev, V_KEY), .kind = col_text(ev, V_KIND),
			       .day = col_text(ev, V_DAY), .old = col_text(ev, V_OLD) };
	if ((rc = refused(db, t, ev, &e, why)) == 0) {
		char ids[24];
		struct edu_buf b = { 0 }, changes = { 0 };

		snprintf(ids, sizeof ids, "%lld", id);
		/* Marked first: the state is then worked out without it, and a
		 * trigger that compares the register with its last standing
		 * event sees the one before. */
		const char *mark[] = { edu_session()->user, reason, ids };
		sql = edu_asprintf("UPDATE %s SET void_on = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'), "
				   "void_by = ?, void_reason = ? WHERE id = ?", t->table);
		edu_exec(db, sql, 3, mark);
		free(sql);
		if (t->restore)
			restore(db, t, &e, &changes);
		else if (t->undo)
			t->undo(db, &e, &changes);
		edu_buf_printf(&b, "{\"void\":%lld,\"event\":", id);
		edu_buf_json(&b, e.kind);
		edu_buf_puts(&b, ",\"day\":");
		edu_buf_json(&b, e.day);
		edu_buf_puts(&b, ",\"reason\":");
		edu_buf_json(&b, reason);
		if (changes.len)
			edu_buf_puts(&b, changes.s);
		edu_buf_puts(&b, "}");
		edu_audit(db, t->subject, e.key, b.s);
		edu_buf_free(&b);
		edu_buf_free(&changes);
	}
	sqlite3_finalize(ev);
	return rc;
}

/* ---- corrections by import --upsert ------------------------------------- */

/* Is name in the NULL-terminated list (or NULL)? */
static int in(const char *const *list, const char *name)
{
	for (; list && *list; list++)
		if (!strcmp(*list, name))
			return 1;
	return 0;
}

int edu_event_corrected(sqlite3 *db, const struct edu_event_table *t, int n,
			const char *const *names, const char *const *was,
			const char *const *now)
{
	struct edu_buf old = { 0 }, new = { 0 };
	const char **nm = edu_malloc(n * sizeof *nm), **a = edu_malloc(n * sizeof *a),
		   **z = edu_malloc(n * sizeof *z);
	int k = 0, changed = 0;

	/* A change of a column the events follow is a correction; it keeps
	 * the other columns a void sets back too, so that voiding it undoes
	 * the whole upsert of them (a document archived by an upsert loses
	 * its archive code again). */
	for (int i = 0; i < n; i++) {
		int tracked = in(t->tracked, names[i]);
		if (!tracked && !in(t->restore, names[i]))
			continue;
		changed |= tracked && !same(was[i], now[i]);
		nm[k] = names[i];
		a[k] = was[i];
		z[k++] = now[i];
	}
	if (changed) {
		edu_event_diff(k, nm, a, z, NULL, &old, &new);
		char day[11], *sql;
		int on = edu_session()->on;

		edu_date_str(on ? on : edu_today(), day);
		/* Never before the record's last standing event: the events
		 * of a record are in order of their days. */
		sql = edu_asprintf("INSERT INTO %s (%s, day, %s, old, new%s%s) SELECT ?1, "
				   "max(?2, coalesce((SELECT max(day) FROM %s WHERE %s = ?1 "
				   "AND void_on IS NULL), '')), 'corrected', ?3, ?4%s%s "
				   "FROM %s WHERE %s = ?1",
				   t->table, t->key, t->kind, t->copy ? ", " : "",
				   t->copy ? t->copy : "", t->table, t->key,
				   t->copy ? ", " : "", t->copy ? t->copy : "",
				   t->subject, t->key);
		const char *key = NULL;
		for (int i = 0; i < n; i++)
			if (!strcmp(names[i], t->key))
				key = now[i];
		const char *p[] = { key, day, old.s, new.s };
		edu_exec(db, sql, 4, p);
		free(sql);
	}
	edu_buf_free(&old);
	edu_buf_free(&new);
	free(nm);
	free(a);
	free(z);
	return changed > 0;
}
