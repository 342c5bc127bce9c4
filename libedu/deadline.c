/* deadline.c - deadlines that wait for the calendar (DESIGN 11, issue
 * 17): a deadline counted across, or ending in, a year without calendar
 * rows is provisional; it is kept in the ledger table `provisional` with
 * its recipe (struct edu_due) and counted again when the calendar of its
 * years is imported.  The domain files say how each deadline is counted
 * (their rules, once); this file only remembers the recipe and replays
 * it through edu_due. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* The stored deadlines: a table, its key column, its deadline columns.
 * The statements below take their identifiers from here, never from the
 * ledger's text. */
static const struct stored {
	const char *entity, *key, *fields;
} stored[] = {
	{ "petition", "case_no", "accept_due reply_due apply_by decision_due appeal_due" },
	{ "application", "application", "due" },
	{ 0 }
};

static const struct stored *stored_of(const char *entity)
{
	for (const struct stored *s = stored; entity && s->entity; s++)
		if (!strcmp(s->entity, entity))
			return s;
	return NULL;
}

/* The field of s named `field`, as the table's own constant: the word
 * of s->fields copied into out (at most 31 bytes). */
static const char *field_of(const struct stored *s, const char *field, char out[32])
{
	size_t n = strlen(field);

	for (const char *p = s->fields; *p; p += strcspn(p, " "), p += *p == ' ') {
		size_t len = strcspn(p, " ");
		if (len == n && !strncmp(p, field, n) && len < 32) {
			memcpy(out, p, len);
			out[len] = '\0';
			return out;
		}
	}
	return NULL;
}

/* The deadlines computed since the last record was stored, newest last:
 * a rule computes them before the writer stores the record, which then
 * takes the recipe of each deadline it stores (edu_deadline_keep). */
#define NOTES 16
static struct note {
	char field[32];
	struct edu_due r;
	int value;
} notes[NOTES];
static int nnotes;

int edu_deadline(sqlite3 *db, const char *field, const struct edu_due *r)
{
	int value = edu_due(db, r);

	if (field && strlen(field) < sizeof notes[0].field) {
		if (nnotes == NOTES) {
			memmove(notes, notes + 1, (NOTES - 1) * sizeof *notes);
			nnotes--;
		}
		struct note *n = &notes[nnotes++];
		strcpy(n->field, field);
		n->r = *r;
		n->value = value;
	}
	return value;
}

void edu_deadline_notes_clear(void)
{
	nnotes = 0;
}

int edu_deadline_is_provisional(sqlite3 *db, const struct edu_due *r, int value)
{
	return edu_calendar_missing_year(db, r->start, value) != 0;
}

void edu_deadline_keep(sqlite3 *db, const char *entity, const char *key,
		       const char *field, const char *value)
{
	const struct stored *s = stored_of(entity);
	char f[32];
	int day = -1;

	if (!s || !key || !field_of(s, field, f))
		return;
	if (value && edu_parse_date(value, &day) < 0)
		day = -1;
	const struct note *n = NULL;
	for (int i = nnotes - 1; i >= 0 && !n && day >= 0; i--)
		if (notes[i].value == day && !strcmp(notes[i].field, f))
			n = &notes[i];
	if (n && edu_deadline_is_provisional(db, &n->r, day)) {
		char start[11], v[11], num[3][16];
		snprintf(num[0], sizeof num[0], "%d", n->r.months);
		snprintf(num[1], sizeof num[1], "%d", n->r.workdays);
		snprintf(num[2], sizeof num[2], "%d", n->r.days);
		const char *p[] = { s->entity, key, f, edu_date_str(day, v),
				    edu_date_str(n->r.start, start), num[0], num[1], num[2] };
		edu_exec(db, "INSERT OR REPLACE INTO provisional (entity, key, field, value, start, "
			 "months, workdays, days) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", 8, p);
	} else if (n) {
		const char *p[] = { s->entity, key, f };
		edu_exec(db, "DELETE FROM provisional WHERE entity = ?1 AND key = ?2 AND field = ?3",
			 3, p);
	} else {
		/* Not counted now: the ledger's entry holds while the stored
		 * date is the one it counted; a date set by hand replaces it. */
		const char *p[] = { s->entity, key, f, value && *value ? value : NULL };
		edu_exec(db, "DELETE FROM provisional WHERE entity = ?1 AND key = ?2 AND field = ?3 "
			 "AND value IS NOT ?4", 4, p);
	}
}

void edu_deadline_keep_row(sqlite3 *db, const struct edu_entity *e, const char *key,
			   char *const *vals)
{
	const struct stored *s = stored_of(e->table);
	char f[32];

	if (!s)
		return;
	for (int i = 0; i < e->ncols; i++)
		if (field_of(s, e->cols[i].name, f))
			edu_deadline_keep(db, e->table, key, f, vals[i]);
}

/* ---- the ledger read: calendar check -------------------------------------- */

/* The deadlines that rest on a year, from the day they run from to their
 * due day: the ledger's, and those of open cases and accepted
 * applications not in it (stored before schema 018, or given by an
 * import), which the calendar import cannot count again. */
#define SPANS \
	"SELECT start AS first, value AS last FROM provisional " \
	"UNION ALL SELECT received_on, max(coalesce(accept_due, ''), coalesce(reply_due, '')) " \
	"FROM petition p WHERE status IN ('received', 'assigned', 'accepted') AND NOT EXISTS " \
	"(SELECT 1 FROM provisional v WHERE v.entity = 'petition' AND v.key = p.case_no) " \
	"UNION ALL SELECT accepted_on, due FROM application a WHERE status = 'accepted' " \
	"AND due IS NOT NULL AND NOT EXISTS (SELECT 1 FROM provisional v WHERE " \
	"v.entity = 'application' AND v.key = CAST(a.application AS TEXT))"

int edu_deadline_span(sqlite3 *db, int *lo, int *hi)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT min(substr(first, 1, 4)), max(substr(last, 1, 4)) FROM (" SPANS ")");
	int found = 0;

	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*lo = sqlite3_column_int(st, 0);
		*hi = sqlite3_column_int(st, 1);
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

long edu_deadline_count(sqlite3 *db, int year)
{
	char y[8];
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT count(*) FROM (" SPANS ") WHERE substr(first, 1, 4) <= ?1 "
		"AND substr(last, 1, 4) >= ?1");
	long n;

	snprintf(y, sizeof y, "%04d", year);
	sqlite3_bind_text(st, 1, y, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW)
		edu_die_db(db, "cannot read the provisional deadlines");
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

#undef SPANS

/* ---- counted again: calendar import ---------------------------------------- */

/* One ledger entry counted again: the new date stored and audited when
 * it moved, the entry dropped when its years are all known now, else
 * kept with the new date. */
static void recount_one(sqlite3 *db, sqlite3_stmt *led, struct edu_deadline_recount *rc)
{
	const char *entity = (const char *)sqlite3_column_text(led, 0);
	const char *key = (const char *)sqlite3_column_text(led, 1);
	const char *field = (const char *)sqlite3_column_text(led, 2);
	const char *was = (const char *)sqlite3_column_text(led, 3);
	const struct stored *s = stored_of(entity);
	char f[32], now[11];
	struct edu_due r = {
		.months = sqlite3_column_int(led, 5), .workdays = sqlite3_column_int(led, 6),
		.days = sqlite3_column_int(led, 7),
	};

	const char *del[] = { entity, key, field };
	if (!s || !field_of(s, field, f) ||
	    edu_parse_date((const char *)sqlite3_column_text(led, 4), &r.start) < 0) {
		/* Not a deadline these tools store: nothing to count. */
		edu_exec(db, "DELETE FROM provisional WHERE entity = ?1 AND key = ?2 AND field = ?3",
			 3, del);
		return;
	}
	/* The record's date as stored now: a record gone, or a date set
	 * since by other means, leaves the ledger. */
	char *sql = edu_asprintf("SELECT %s FROM %s WHERE %s = ?1", f, s->entity, s->key);
	const char *pk[] = { key };
	char *stored_v = edu_query1(db, sql, 1, pk);
	free(sql);
	if (!stored_v || strcmp(stored_v, was)) {
		free(stored_v);
		edu_exec(db, "DELETE FROM provisional WHERE entity = ?1 AND key = ?2 AND field = ?3",
			 3, del);
		return;
	}
	free(stored_v);
	int day = edu_due(db, &r);
	edu_date_str(day, now);
	rc->recounted++;
	if (strcmp(now, was)) {
		sql = edu_asprintf("UPDATE %s SET %s = ?2 WHERE %s = ?1", s->entity, f, s->key);
		const char *p[] = { key, now };
		edu_exec(db, sql, 2, p);
		free(sql);
		const char *names[] = { f }, *old[] = { was }, *new[] = { now };
		edu_audit_change(db, s->entity, key, 1, names, old, new);
		edu_buf_printf(&rc->moved, "%s %s %s %s -> %s\n", s->entity, key, f, was, now);
		rc->nmoved++;
	}
	if (edu_deadline_is_provisional(db, &r, day)) {
		const char *p[] = { entity, key, field, now };
		edu_exec(db, "UPDATE provisional SET value = ?4 WHERE entity = ?1 AND key = ?2 "
			 "AND field = ?3", 4, p);
		rc->still++;
	} else {
		edu_exec(db, "DELETE FROM provisional WHERE entity = ?1 AND key = ?2 AND field = ?3",
			 3, del);
	}
}

void edu_deadline_recount(sqlite3 *db, struct edu_deadline_recount *rc)
{
	sqlite3_stmt *led;
	int st;

	memset(rc, 0, sizeof *rc);
	/* The calendar just imported, not the one cached before. */
	edu_calendar_forget();
	/* A temporary copy keeps the walk off the rows it changes. */
	edu_exec(db, "DROP TABLE IF EXISTS temp.edu_recount", 0, NULL);
	edu_exec(db, "CREATE TEMP TABLE edu_recount AS SELECT entity, key, field, value, start, "
		 "months, workdays, days FROM provisional", 0, NULL);
	led = edu_prepare(db, "SELECT entity, key, field, value, start, months, workdays, days "
			  "FROM temp.edu_recount ORDER BY entity, key, field");
	while ((st = sqlite3_step(led)) == SQLITE_ROW)
		recount_one(db, led, rc);
	if (st != SQLITE_DONE)
		edu_die_db(db, "cannot read the provisional deadlines");
	sqlite3_finalize(led);
	edu_exec(db, "DROP TABLE temp.edu_recount", 0, NULL);
	if (!rc->moved.s)
		edu_buf_puts(&rc->moved, "");
}
