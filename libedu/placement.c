/* placement.c - nearby enrolment (就近入学): children in order of
 * priority tier and a seeded lottery, each to the best-ranked school of
 * their zone with a seat left (DESIGN 8); a year's intake and applicants
 * as the store keeps them. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

uint64_t edu_place_lottery(uint64_t seed, const char *key)
{
	char buf[96], hex[65];
	int n = snprintf(buf, sizeof buf, "%llu:%s", (unsigned long long)seed, key);

	if (n < 0 || (size_t)n >= sizeof buf)
		n = (int)sizeof buf - 1;	/* keys are ID numbers: never so long */
	edu_sha256_hex(buf, (size_t)n, hex);
	hex[15] = '\0';
	return strtoull(hex, NULL, 16);
}

int edu_place_before(const struct edu_place_child *a,
		     const struct edu_place_child *b)
{
	if (a->tier != b->tier)
		return a->tier < b->tier ? -1 : 1;
	if (a->lottery != b->lottery)
		return a->lottery < b->lottery ? -1 : 1;
	return strcmp(a->key, b->key);
}

static int by_draw(const void *x, const void *y)
{
	const struct edu_place_child *const *a = x, *const *b = y;

	return edu_place_before(*a, *b);
}

/* Give a child the lowest-ranked school of its zone with a seat left. */
static void place_one(struct edu_place_child *x, const struct edu_place_zone *z,
		      size_t nz, struct edu_place_school *s)
{
	const struct edu_place_zone *best = NULL;
	int any = 0;

	for (size_t i = 0; i < nz; i++) {
		const struct edu_place_school *t = &s[z[i].school];

		if (strcmp(z[i].zone, x->zone))
			continue;
		any = 1;
		if (t->seats - t->taken > 0 && (!best || z[i].rank < best->rank))
			best = &z[i];
	}
	if (!best) {
		x->result = any ? EDU_PLACE_FULL : EDU_PLACE_NO_SCHOOL;
		return;
	}
	s[best->school].taken++;
	x->result = EDU_PLACE_PLACED;
	x->school = best->school;
	x->rank = best->rank;
}

long edu_place(struct edu_place_child **c, size_t n,
	       const struct edu_place_zone *z, size_t nz,
	       struct edu_place_school *s, size_t ns, uint64_t seed)
{
	long placed = 0;

	for (size_t j = 0; j < ns; j++)
		s[j].taken = 0;
	for (size_t i = 0; i < n; i++) {
		c[i]->lottery = edu_place_lottery(seed, c[i]->key);
		c[i]->result = EDU_PLACE_HELD;
		c[i]->school = -1;
		c[i]->rank = 0;
	}
	qsort(c, n, sizeof *c, by_draw);
	for (size_t i = 0; i < n; i++) {
		if (c[i]->held)
			continue;
		place_one(c[i], z, nz, s);
		placed += c[i]->result == EDU_PLACE_PLACED;
	}
	return placed;
}

int edu_place_primary_born_by(long year)
{
	return edu_days((int)year - 6, 8, 31);
}

/* ---- a year's applicants and intake ---------------------------------------- */

const char *edu_applicant_check(const struct edu_applicant *x, const struct edu_applicant *a,
				size_t na, char *err)
{
	char b[11], v[EDU_VAL_MAX];
	int birth, male;

	edu_valid_id(x->v[EDU_A_ID], v, &birth, &male, err);
	if (strcmp(edu_date_str(birth, b), x->v[EDU_A_BIRTH]))
		return snprintf(err, EDU_ERR_MAX, "%s, but the ID number says %s",
				x->v[EDU_A_BIRTH], b), "birth_date";
	if (male != !strcmp(x->v[EDU_A_SEX], "M"))
		return snprintf(err, EDU_ERR_MAX, "%s, but the ID number says %s", x->v[EDU_A_SEX],
				male ? "M" : "F"), "sex";
	for (size_t j = 0; j < na; j++)
		if (!strcmp(a[j].v[EDU_A_ID], x->v[EDU_A_ID]))
			return snprintf(err, EDU_ERR_MAX, "the same child as line %ld", a[j].line),
			       "id_number";
	return NULL;
}

void edu_applicants_free(struct edu_applicant *a, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (int k = 0; k < EDU_A_NFIELDS; k++)
			free(a[i].v[k]);
		free(a[i].school);
		free(a[i].note);
		free(a[i].no);
	}
	free(a);
}

/* The zones' schools from a statement of (zone, rank, school_code, free
 * seats) ordered by school, its ?1 the year. */
static void intake_from(sqlite3_stmt *st, long year, struct edu_place_intake *in)
{
	memset(in, 0, sizeof *in);
	sqlite3_bind_int(st, 1, (int)year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 2);

		if (!in->ns || strcmp(in->s[in->ns - 1].code, code)) {
			in->s = edu_realloc(in->s, (in->ns + 1) * sizeof *in->s);
			in->s[in->ns++] = (struct edu_place_school){ .code = edu_strdup(code),
				.seats = sqlite3_column_int(st, 3) };
		}
		in->z = edu_realloc(in->z, (in->nz + 1) * sizeof *in->z);
		in->z[in->nz++] = (struct edu_place_zone){ .rank = sqlite3_column_int(st, 1),
			.zone = edu_strdup((const char *)sqlite3_column_text(st, 0)),
			.school = (int)in->ns - 1 };
	}
	sqlite3_finalize(st);
}

void edu_place_intake_load(sqlite3 *db, long year, struct edu_place_intake *in)
{
	intake_from(edu_prepare(db,
		"SELECT z.zone, z.rank, z.school_code, coalesce(k.entry_seats, 0) - (SELECT count(*) "
		"FROM applicant p WHERE p.year = ?1 AND p.school_code = z.school_code) "
		"FROM zone z JOIN school k USING (school_code) WHERE k.status = 'open' "
		"AND k.kind IN ('primary', 'nine-year') ORDER BY z.school_code"), year, in);
}

/* A junior school's seats: its entry_seats less the students the intake
 * of the year has entered there already (schema 013). */
#define JUNIOR_FREE \
	"coalesce(k.entry_seats, 0) - (SELECT count(*) FROM student_event e " \
	"WHERE e.kind = 'enter' AND e.to_school = k.school_code AND e.to_grade = 7 " \
	"AND e.void_on IS NULL AND e.day BETWEEN ?1 || '-01-01' AND ?1 || '-12-31')"

void edu_place_junior_intake_load(sqlite3 *db, long year, struct edu_place_intake *in)
{
	/* A nine-year school takes its own pupils on, not a zone's. */
	intake_from(edu_prepare(db,
		"SELECT z.zone, z.rank, z.school_code, " JUNIOR_FREE " "
		"FROM zone z JOIN school k USING (school_code) WHERE k.status = 'open' "
		"AND k.kind IN ('junior', 'complete') AND k.ownership = 'public' "
		"ORDER BY z.school_code"), year, in);
}

void edu_place_intake_free(struct edu_place_intake *in)
{
	for (size_t i = 0; i < in->nz; i++)
		free((char *)in->z[i].zone);
	for (size_t i = 0; i < in->ns; i++)
		free((char *)in->s[i].code);
	free(in->z);
	free(in->s);
	memset(in, 0, sizeof *in);
}

/* Which children are not drawn for: those an earlier run drew (they keep
 * what it gave them), the too young, and those who are students already. */
static void hold(sqlite3 *db, sqlite3_stmt *old, long year, const char *cutoff,
		 struct edu_applicant *a)
{
	const char *p[] = { a->v[EDU_A_ID] };
	char *known;

	sqlite3_reset(old);
	sqlite3_bind_int(old, 1, (int)year);
	sqlite3_bind_text(old, 2, a->v[EDU_A_ID], -1, SQLITE_STATIC);
	if (sqlite3_step(old) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(old, 0);
		const char *n = (const char *)sqlite3_column_text(old, 2);
		a->stored = 1;
		a->school = s ? edu_strdup(s) : NULL;
		a->rank = sqlite3_column_int(old, 1);
		a->note = edu_asprintf("%s (drawn before)", n ? n : "");
	} else if (strcmp(a->v[EDU_A_BIRTH], cutoff) > 0) {
		/* The cutoff is the latest birth day, not the sixth
		 * birthday: say both (issue 16, point 11). */
		a->note = edu_asprintf("born after %s, not six by %ld-08-31", cutoff, year);
	} else if (!a->no && (known = edu_query1(db, "SELECT school_code FROM student "
				       "WHERE id_number = ? AND id_type = 'resident'", 1, p))) {
		a->note = edu_asprintf("already a student of %s", known);
		free(known);
	}
	a->kid.held = a->stored || a->note;
}

void edu_place_hold(sqlite3 *db, long year, struct edu_applicant *a, size_t n)
{
	char cutoff[11];
	sqlite3_stmt *old = edu_prepare(db,
		"SELECT school_code, rank, note FROM applicant WHERE year = ?1 AND id_number = ?2");

	edu_date_str(edu_place_primary_born_by(year), cutoff);
	for (size_t i = 0; i < n; i++)
		hold(db, old, year, cutoff, &a[i]);
	sqlite3_finalize(old);
}

const char *edu_place_note(enum edu_place_result r)
{
	switch (r) {
	case EDU_PLACE_PLACED: return "assigned";
	case EDU_PLACE_FULL: return "no seat left in the zone";
	case EDU_PLACE_NO_SCHOOL: return "no school in this zone";
	default: return NULL;
	}
}

void edu_applicant_record(sqlite3 *db, long year, const struct edu_applicant *x)
{
	char y[24], lot[24], rank[8];

	snprintf(y, sizeof y, "%ld", year);
	snprintf(lot, sizeof lot, "%llu", (unsigned long long)x->kid.lottery);
	snprintf(rank, sizeof rank, "%d", x->rank);
	const char *row[] = { y, x->v[EDU_A_ID], x->v[EDU_A_NAME], x->v[EDU_A_SEX],
			      x->v[EDU_A_BIRTH], x->v[EDU_A_ZONE], x->v[EDU_A_TIER], lot,
			      x->school, x->school ? rank : NULL, x->note };
	edu_exec(db, "INSERT INTO applicant (year, id_number, name, sex, birth_date, zone, "
		 "tier, lottery, school_code, rank, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		 11, row);
}

long edu_place_draw(sqlite3 *db, long year, uint64_t seed, struct edu_applicant *a,
		    size_t n, struct edu_place_child **order, long *left)
{
	struct edu_place_intake in;

	edu_place_hold(db, year, a, n);
	for (size_t i = 0; i < n; i++)
		order[i] = &a[i].kid;
	edu_place_intake_load(db, year, &in);
	long assigned = edu_place(order, n, in.z, in.nz, in.s, in.ns, seed);
	*left = 0;
	for (size_t i = 0; i < n; i++) {
		struct edu_applicant *x = (struct edu_applicant *)order[i];
		enum edu_place_result r = x->kid.result;

		if (r == EDU_PLACE_PLACED) {
			x->school = edu_strdup(in.s[x->kid.school].code);
			x->rank = x->kid.rank;
		}
		if (r != EDU_PLACE_HELD)
			x->note = edu_strdup(edu_place_note(r));
		*left += !x->school;
		if (!x->stored)
			edu_applicant_record(db, year, x);
	}
	edu_place_intake_free(&in);
	return assigned;
}

/* ---- the junior-school intake (小升初) -------------------------------------- */

/* Students s who left the stage ending with grade g (K3 = 0, 6) in the
 * year ?1 and have no place since: still graduated from it. */
#define LEFT_IN_YEAR(g) \
	"s.status = 'graduated' AND s.grade = " g " AND EXISTS (SELECT 1 FROM " \
	"student_event e WHERE e.student_no = s.student_no AND e.kind = 'graduate' " \
	"AND e.from_grade = " g " AND e.void_on IS NULL " \
	"AND e.day BETWEEN ?1 || '-01-01' AND ?1 || '-12-31')"

size_t edu_junior_load(sqlite3 *db, long year, struct edu_junior **out)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT s.student_no, s.name, coalesce(s.zone, ''), s.school_code, k.kind "
		"FROM student s JOIN school k USING (school_code) WHERE " LEFT_IN_YEAR("6")
		" ORDER BY s.student_no");
	struct edu_junior *j = NULL;
	size_t n = 0;

	sqlite3_bind_int(st, 1, (int)year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		j = edu_realloc(j, (n + 1) * sizeof *j);
		struct edu_junior *x = &j[n++];
		memset(x, 0, sizeof *x);
		x->no = edu_strdup((const char *)sqlite3_column_text(st, 0));
		x->name = edu_strdup((const char *)sqlite3_column_text(st, 1));
		x->zone = edu_strdup((const char *)sqlite3_column_text(st, 2));
		x->from = edu_strdup((const char *)sqlite3_column_text(st, 3));
		x->own = edu_kind_fits((const char *)sqlite3_column_text(st, 4), 7);
		x->kid = (struct edu_place_child){ .key = x->no, .zone = x->zone, .tier = 1 };
	}
	sqlite3_finalize(st);
	*out = j;
	return n;
}

void edu_junior_free(struct edu_junior *j, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(j[i].no);
		free(j[i].name);
		free(j[i].zone);
		free(j[i].from);
		free(j[i].school);
		free(j[i].note);
		free(j[i].lost);
		free(j[i].privschool);
	}
	free(j);
}

struct edu_junior *edu_junior_find(struct edu_junior *j, size_t n, const char *no)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(j[i].no, no))
			return &j[i];
	return NULL;
}

static int by_lottery(const void *x, const void *y)
{
	const struct edu_junior *const *a = x, *const *b = y;

	return edu_place_before(&(*a)->kid, &(*b)->kid);
}

/* A private school draws among its applicants when they outnumber its
 * seats (公民同招: private schools enrol with the public ones, and an
 * oversubscribed one admits by computer lottery; see edu-enroll(1) for
 * the sources).  Those drawn are placed there and held from the zones. */
static void draw_private(sqlite3 *db, long year, uint64_t seed, const char *school,
			 struct edu_junior **app, size_t na)
{
	sqlite3_stmt *st = edu_prepare(db, "SELECT " JUNIOR_FREE " FROM school k WHERE school_code = ?2");
	sqlite3_bind_int(st, 1, (int)year);
	sqlite3_bind_text(st, 2, school, -1, SQLITE_STATIC);
	long seats = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	for (size_t i = 0; i < na; i++)
		app[i]->kid.lottery = edu_place_lottery(seed, app[i]->no);
	qsort(app, na, sizeof *app, by_lottery);
	for (size_t i = 0; i < na; i++) {
		struct edu_junior *x = app[i];

		if ((long)i < seats) {
			x->school = edu_strdup(school);
			x->kid.held = 1;
			x->note = (long)na > seats
				? edu_asprintf("private school, drawn %zu of %zu for %ld seat%s", i + 1,
					       na, seats, seats == 1 ? "" : "s")
				: edu_strdup("private school");
		} else {
			seats = seats < 0 ? 0 : seats;
			x->lost = edu_asprintf("not drawn at private school %s (%zu applicants, %ld seat%s)",
					       school, na, seats, seats == 1 ? "" : "s");
		}
	}
}

long edu_junior_draw(sqlite3 *db, long year, uint64_t seed, struct edu_junior *j, size_t n,
		     struct edu_place_child **order, long *left)
{
	struct edu_place_intake in;
	long placed = 0;

	/* Pupils of a school that teaches grade 7 stay there. */
	for (size_t i = 0; i < n; i++)
		if (j[i].own && !j[i].privschool) {
			j[i].school = edu_strdup(j[i].from);
			j[i].note = edu_strdup("continues at its own school");
			j[i].kid.held = 1;
		}
	/* Then the private schools, each drawing among its applicants. */
	struct edu_junior **app = edu_malloc((n ? n : 1) * sizeof *app);
	for (size_t i = 0; i < n; i++) {
		const char *ps = j[i].privschool;
		size_t na = 0;
		int first = 1;

		if (!ps)
			continue;
		for (size_t k = 0; k < i && first; k++)
			first = !j[k].privschool || strcmp(j[k].privschool, ps);
		if (!first)
			continue;
		for (size_t k = i; k < n; k++)
			if (j[k].privschool && !strcmp(j[k].privschool, ps))
				app[na++] = &j[k];
		draw_private(db, year, seed, ps, app, na);
	}
	free(app);
	for (size_t i = 0; i < n; i++) {
		placed += j[i].school != NULL;
		order[i] = &j[i].kid;
	}
	/* The rest by zone, rank and lottery, as nearby enrolment. */
	edu_place_junior_intake_load(db, year, &in);
	placed += edu_place(order, n, in.z, in.nz, in.s, in.ns, seed);
	*left = 0;
	for (size_t i = 0; i < n; i++) {
		struct edu_junior *x = (struct edu_junior *)order[i];

		if (x->kid.result == EDU_PLACE_PLACED) {
			x->school = edu_strdup(in.s[x->kid.school].code);
			x->rank = x->kid.rank;
		}
		if (x->kid.result != EDU_PLACE_HELD)
			x->note = x->lost ? edu_asprintf("%s; %s", x->lost, edu_place_note(x->kid.result))
					  : edu_strdup(edu_place_note(x->kid.result));
		*left += !x->school;
	}
	edu_place_intake_free(&in);
	return placed;
}

void edu_junior_enter(sqlite3 *db, long year, const struct edu_junior *x, const char *day)
{
	char *why = x->rank ? edu_asprintf("junior intake %ld: zone %s, rank %d", year, x->zone, x->rank)
			    : edu_asprintf("junior intake %ld: %s", year, x->note);
	if (edu_student_enter_stage(db, x->no, x->school, 7, day, why) < 0)
		edu_die(EDU_ESOFTWARE, "junior intake: student %s vanished", x->no);
	free(why);
}

size_t edu_place_leavers(sqlite3 *db, long year, const char *zone, struct edu_applicant **out)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT id_number, name, sex, birth_date, coalesce(zone, ''), student_no FROM student s "
		"WHERE (?2 IS NULL OR zone = ?2) AND " LEFT_IN_YEAR("0") " ORDER BY student_no");
	struct edu_applicant *a = NULL;
	size_t n = 0;

	sqlite3_bind_int(st, 1, (int)year);
	edu_bind_text(st, 2, zone);
	while (sqlite3_step(st) == SQLITE_ROW) {
		a = edu_realloc(a, (n + 1) * sizeof *a);
		struct edu_applicant *x = &a[n++];
		memset(x, 0, sizeof *x);
		for (int i = 0; i < EDU_A_TIER; i++)
			x->v[i] = edu_strdup((const char *)sqlite3_column_text(st, i));
		x->v[EDU_A_TIER] = edu_strdup("1");
		x->no = edu_strdup((const char *)sqlite3_column_text(st, 5));
		x->kid = (struct edu_place_child){ .key = x->v[EDU_A_ID], .zone = x->v[EDU_A_ZONE],
						  .tier = 1 };
	}
	sqlite3_finalize(st);
	*out = a;
	return n;
}
