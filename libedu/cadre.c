/* cadre.c - the personnel rules of DESIGN 8: statutory retirement (2025
 * reform), the ladder of teacher titles, party stages, punishment periods */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* The 2025 reform, one row per retirement base: the age before it, the
 * first birth year it touches, months of birth per month of delay, and
 * the most months of delay. */
static const struct {
	int base, start, step, max;
} reform[] = {
	[EDU_RETIRE_MAN60] = { 60, 1965, 4, 36 },
	[EDU_RETIRE_WOMAN55] = { 55, 1970, 4, 36 },
	[EDU_RETIRE_WOMAN50] = { 50, 1975, 2, 60 },
};

int edu_retire_kind(const char *sex, const char *category)
{
	if (!sex || !strcmp(sex, "M"))
		return EDU_RETIRE_MAN60;
	return category && !strcmp(category, "worker") ? EDU_RETIRE_WOMAN50
						       : EDU_RETIRE_WOMAN55;
}

int edu_retire_base_age(int kind)
{
	return reform[kind].base;
}

int edu_retire_delay(int kind, int y, int m)
{
	long idx = (long)(y - reform[kind].start) * 12 + m;

	if (idx < 1)
		return 0;
	long delay = (idx + reform[kind].step - 1) / reform[kind].step;
	return delay > reform[kind].max ? reform[kind].max : (int)delay;
}

int edu_retire_day(int birth, int kind, int *months)
{
	int y, m, d;

	edu_ymd(birth, &y, &m, &d);
	int n = reform[kind].base * 12 + edu_retire_delay(kind, y, m);
	if (months)
		*months = n;
	return edu_add_months(birth, n);
}

/* ---- teacher titles (2015) ------------------------------------------- */

static const char *const titles[] = {
	"三级教师", "二级教师", "一级教师", "高级教师", "正高级教师", NULL
};

const char *edu_teacher_title(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	for (int i = 0; titles[i]; i++) {
		/* "一级" for "一级教师": the short form people write. */
		size_t tn = strlen(titles[i]) - strlen("教师");
		if (!strcmp(s ? s : "", titles[i]) ||
		    (n == tn && !strncmp(s, titles[i], tn)))
			return titles[i];
	}
	return NULL;
}

const char *edu_teacher_title_below(const char *title)
{
	const char *t = edu_teacher_title(title);

	for (int i = 1; t && titles[i]; i++)
		if (titles[i] == t)
			return titles[i - 1];
	return NULL;
}

/* ---- party stages ----------------------------------------------------- */

static const char *const stages[] = {
	"none", "applicant", "activist", "candidate", "probationary", "member", NULL
};

const char *edu_party_next(const char *stage)
{
	for (int i = 0; stages[i + 1]; i++)
		if (stage && !strcmp(stages[i], stage))
			return stages[i + 1];
	return NULL;
}

int edu_party_wait_months(const char *stage)
{
	/* A year as activist before becoming a candidate for membership, a
	 * year of probation before full membership. */
	if (stage && (!strcmp(stage, "activist") || !strcmp(stage, "probationary")))
		return 12;
	return 0;
}

int edu_party_ready(const char *stage, int since, int day)
{
	int wait = edu_party_wait_months(stage);

	return edu_party_next(stage) && (wait == 0 || edu_add_months(since, wait) <= day);
}

/* ---- punishments ------------------------------------------------------ */

/* 公职人员政务处分法 (2020).  The kinds: art. 7 (警告, 记过, 记大过, 降级,
 * 撤职, 开除).  The periods: art. 8 (6, 12, 18, 24 and 24 months, from the
 * day the decision takes effect).  The effects on the managing staff of a
 * public school (公办的教育单位中从事管理的人员), art. 20 (art. 19 says the
 * same of civil servants): in the period no higher post, post grade or
 * title (职称), for every kind; no higher pay grade after 记过, 记大过,
 * 降级 and 撤职 (not after 警告); 撤职 lowers the post.  开除 ends the
 * employment: it has no period and no return. */
const struct edu_punish_kind edu_punish_kinds[] = {
	/* key             zh      months promo pay post end */
	{ "warning",       "警告",   6,   1,    0,  0,   0 },
	{ "demerit",       "记过",   12,  1,    1,  0,   0 },
	{ "major-demerit", "记大过", 18,  1,    1,  0,   0 },
	{ "demotion",      "降级",   24,  1,    1,  0,   0 },
	{ "removal",       "撤职",   24,  1,    1,  1,   0 },
	{ "dismissal",     "开除",   0,   1,    1,  1,   1 },
	{ NULL, NULL, 0, 0, 0, 0, 0 }
};

const struct edu_punish_kind *edu_punish_kind(const char *key)
{
	for (const struct edu_punish_kind *k = edu_punish_kinds; key && k->key; k++)
		if (!strcmp(k->key, key))
			return k;
	return NULL;
}

int edu_punish_until(int day, int months)
{
	return edu_add_months(day, months) - 1;
}

/* ---- the register ---------------------------------------------------- */

int edu_staff_check(sqlite3 *db, const struct edu_staff_facts *f, const char **col, char *err)
{
	char id[EDU_VAL_MAX], b[11];
	int birth, male, day;

	if (f->id_number && edu_valid_id(f->id_number, id, &birth, &male, err) == 0) {
		edu_parse_date(f->birth_date, &day);
		if (birth != day) {
			*col = "id_number";
			snprintf(err, EDU_ERR_MAX, "the birth date in it, %s, is not birth_date %s",
				 edu_date_str(birth, b), f->birth_date);
			return -1;
		}
		if (male != !strcmp(f->sex, "M")) {
			*col = "id_number";
			snprintf(err, EDU_ERR_MAX, "it is a %s's number, but sex is %s",
				 male ? "man" : "woman", f->sex);
			return -1;
		}
	}
	/* A unit that is a school code names a school of the registry; any
	 * other unit is a bureau department, by name. */
	if (strlen(f->unit) == 10 && strspn(f->unit, "0123456789") == 10) {
		const char *p[] = { f->unit };
		char *found = edu_query1(db, "SELECT 1 FROM school WHERE school_code = ?", 1, p);
		free(found);
		if (!found) {
			*col = "unit";
			snprintf(err, EDU_ERR_MAX, "no school '%s'", f->unit);
			return -1;
		}
	}
	if (f->title_since && !f->title) {
		*col = "title_since";
		snprintf(err, EDU_ERR_MAX, "a date without a title");
		return -1;
	}
	if (f->party_since && !strcmp(f->party, "none")) {
		*col = "party_since";
		snprintf(err, EDU_ERR_MAX, "a date without a party stage");
		return -1;
	}
	return 0;
}

const char *edu_staff_stats_sql(const char *by)
{
	/* The SQL of each grouping; the column names are ours, never data. */
	static const struct { const char *by, *sql; } groups[] = {
		{ "category", "SELECT category, count(*) AS count FROM staff "
		  "WHERE status = 'active' GROUP BY 1 ORDER BY 1" },
		{ "sex", "SELECT sex, count(*) AS count FROM staff "
		  "WHERE status = 'active' GROUP BY 1 ORDER BY 1" },
		{ "title", "SELECT coalesce(title, '') AS title, count(*) AS count FROM staff "
		  "WHERE status = 'active' GROUP BY 1 ORDER BY 1" },
		{ "education", "SELECT coalesce(education, '') AS education, count(*) AS count "
		  "FROM staff WHERE status = 'active' GROUP BY 1 ORDER BY 1" },
		{ "unit", "SELECT unit, count(*) AS count FROM staff "
		  "WHERE status = 'active' GROUP BY 1 ORDER BY 1" },
		{ "age", "SELECT CASE WHEN age < 30 THEN '-29' WHEN age < 40 THEN '30-39' "
		  "WHEN age < 50 THEN '40-49' WHEN age < 55 THEN '50-54' "
		  "WHEN age < 60 THEN '55-59' ELSE '60-' END AS age, count(*) AS count "
		  "FROM (SELECT CAST(strftime('%Y', ?1) AS INTEGER) - "
		  "CAST(strftime('%Y', birth_date) AS INTEGER) - "
		  "(strftime('%m-%d', ?1) < strftime('%m-%d', birth_date)) AS age "
		  "FROM staff WHERE status = 'active') GROUP BY 1 ORDER BY 1" },
	};

	for (size_t i = 0; by && i < sizeof groups / sizeof *groups; i++)
		if (!strcmp(groups[i].by, by))
			return groups[i].sql;
	return NULL;
}

/* ---- staff events ----------------------------------------------------- */

/* NULL-terminated: the columns an event's `old` sets back when it is
 * voided, and an upsert's change of which is a correction. */
static const char *const state_col[EDU_STAFF_NSTATE + 1] = {
	"status", "position", "rank", "title", "title_since", "party", "party_since", NULL
};

const char *edu_staff_state_col(int i)
{
	return i >= 0 && i < EDU_STAFF_NSTATE ? state_col[i] : NULL;
}

const char *edu_staff_title(const char *t)
{
	const char *full = edu_teacher_title(t);

	return full ? full : t;
}

const char *edu_title_years_key(const char *title)
{
	static const struct { const char *title, *key; } years[] = {
		{ "一级教师", "cadre.title_years.first" },
		{ "高级教师", "cadre.title_years.senior" },
		{ "正高级教师", "cadre.title_years.full" },
	};
	const char *t = edu_teacher_title(title);

	for (size_t i = 0; t && i < sizeof years / sizeof *years; i++)
		if (!strcmp(years[i].title, t))
			return years[i].key;
	return NULL;
}

int edu_degree_level(const char *degree)
{
	if (degree && strstr(degree, "博士"))
		return 2;
	if (degree && strstr(degree, "硕士"))
		return 1;
	return 0;
}

int edu_title_years(sqlite3 *db, const char *title, int level)
{
	static const char *const suffix[] = { "", ".master", ".doctor" };
	const char *base = edu_title_years_key(title);

	if (!base || level < 0 || level > 2)
		return -1;
	char *key = edu_asprintf("%s%s", base, suffix[level]);
	char *v = edu_setting(db, key, edu_setting_def(key)->dflt);
	int n = atoi(v);

	free(v);
	free(key);
	return n;
}

void edu_training_cycle(int year, int *from, int *to)
{
	*from = edu_days(year, 1, 1);
	*to = edu_days(year + 4, 12, 31);
}

int edu_punish_months(sqlite3 *db, const char *kind)
{
	const struct edu_punish_kind *k = edu_punish_kind(kind);
	if (!k || !k->months)
		return 0;
	char *key = edu_asprintf("cadre.punish.%s", kind);
	char *months = edu_setting(db, key, NULL);
	long n = months ? strtol(months, NULL, 10) : k->months;

	free(months);
	free(key);
	return (int)n;
}

static void set(struct edu_staff_event *e, int i, const char *v)
{
	e->set[i] = 1;
	e->new[i] = v;
}

static int must_be_active(const struct edu_staff_event *e, char *err)
{
	if (strcmp(e->old[EDU_STAFF_STATUS], "active")) {
		snprintf(err, EDU_ERR_MAX, "is %s, not active", e->old[EDU_STAFF_STATUS]);
		return -1;
	}
	return 0;
}

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

typedef int rule_fn(sqlite3 *db, struct edu_staff_event *e,
		    const struct edu_staff_change *c, int on, char *err);

static int barred(sqlite3 *db, const struct edu_staff_event *e, int on, const char *what,
		  char *err);

/* The two ladders of 公务员职务与职级并行规定 (2019), highest first: the
 * levels of leading posts (art. 5: 正部 ... 乡科级副职) and the grades
 * (职级, art. 8: 一级巡视员 ... 二级科员).  A rank is higher than another
 * only on the same ladder; a rank on neither, or on the other ladder, is
 * not compared. */
static const char *const rank_ladders[2][13] = {
	{ "正部", "副部", "正厅", "副厅", "正处", "副处", "正科", "副科", NULL },
	{ "一级巡视员", "二级巡视员", "一级调研员", "二级调研员", "三级调研员", "四级调研员",
	  "一级主任科员", "二级主任科员", "三级主任科员", "四级主任科员", "一级科员",
	  "二级科员", NULL },
};

/* 1 when rank `to` is higher than `from` on one ladder, else 0. */
static int rank_higher(const char *from, const char *to)
{
	for (int l = 0; l < 2; l++) {
		int a = -1, b = -1;
		for (int i = 0; rank_ladders[l][i]; i++) {
			if (from && !strcmp(from, rank_ladders[l][i]))
				a = i;
			if (to && !strcmp(to, rank_ladders[l][i]))
				b = i;
		}
		if (a >= 0 && b >= 0)
			return b < a;
	}
	return 0;
}

static int rule_appoint(sqlite3 *db, struct edu_staff_event *e,
			const struct edu_staff_change *c, int on, char *err)
{
	const char *pos = e->old[EDU_STAFF_POSITION], *rank = e->old[EDU_STAFF_RANK];

	if (must_be_active(e, err) < 0)
		return -1;
	if (same(pos, c->position) && (!c->rank || same(rank, c->rank))) {
		snprintf(err, EDU_ERR_MAX, "holds the post %s already", c->position);
		return -1;
	}
	/* A higher rank in a punishment's period (art. 20).  Whether a post
	 * (职务) is higher than another is not known here: only ranks on the
	 * ladders above are compared. */
	if (db && e->no && c->rank && rank_higher(rank, c->rank) &&
	    barred(db, e, on, "no higher rank", err))
		return -1;
	e->detail = c->position;
	e->rank = c->rank;
	if (!same(pos, c->position))
		set(e, EDU_STAFF_POSITION, c->position);
	if (c->rank && !same(rank, c->rank))
		set(e, EDU_STAFF_RANK, c->rank);
	return 0;
}

static int rule_dismiss(sqlite3 *db, struct edu_staff_event *e,
			const struct edu_staff_change *c, int on, char *err)
{
	const char *pos = e->old[EDU_STAFF_POSITION];
	(void)db, (void)on;

	if (must_be_active(e, err) < 0)
		return -1;
	if (!same(pos, c->position)) {
		snprintf(err, EDU_ERR_MAX, "does not hold the post %s (holds %s)",
			 c->position, pos ? pos : "none");
		return -1;
	}
	e->detail = c->position;
	set(e, EDU_STAFF_POSITION, NULL);
	return 0;
}

/* Is the person under a punishment that bars promotion on `on`
 * (公职人员政务处分法 art. 20: no higher post, post grade or title in the
 * period)?  Says which, and that `what` is what it bars. */
static int barred(sqlite3 *db, const struct edu_staff_event *e, int on, const char *what,
		  char *err)
{
	char d[11];
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT detail, until FROM staff_event WHERE staff_no = ?1 AND kind = 'punish' "
		"AND void_on IS NULL "
		"AND day <= ?2 AND (until IS NULL OR until >= ?2) ORDER BY day DESC, id DESC");
	int found = 0;

	sqlite3_bind_text(st, 1, e->no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, edu_date_str(on, d), -1, SQLITE_STATIC);
	while (!found && sqlite3_step(st) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		const struct edu_punish_kind *k = edu_punish_kind(kind);
		if (k && k->bars_promotion) {
			snprintf(err, EDU_ERR_MAX, "is under a punishment (%s) until %s: %s "
				 "in its period (公职人员政务处分法 art. 20)", k->zh,
				 sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1)
							    : "for good", what);
			found = 1;
		}
	}
	sqlite3_finalize(st);
	return found;
}

static int rule_title(sqlite3 *db, struct edu_staff_event *e,
		      const struct edu_staff_change *c, int on, char *err)
{
	const char *t = edu_staff_title(c->title);
	(void)db;

	if (must_be_active(e, err) < 0)
		return -1;
	if (same(e->old[EDU_STAFF_TITLE], t)) {
		snprintf(err, EDU_ERR_MAX, "holds the title %s already", t);
		return -1;
	}
	/* A rule tried on its own (no register, as the unit tests do) knows
	 * no punishments. */
	if (db && e->no && barred(db, e, on, "no title", err))
		return -1;
	e->detail = t;
	set(e, EDU_STAFF_TITLE, t);
	set(e, EDU_STAFF_TITLE_SINCE, edu_date_str(on, e->buf[0]));
	return 0;
}

static int rule_reward(sqlite3 *db, struct edu_staff_event *e,
		       const struct edu_staff_change *c, int on, char *err)
{
	(void)db, (void)on;
	if (must_be_active(e, err) < 0)
		return -1;
	e->detail = c->kind;
	return 0;
}

static int rule_punish(sqlite3 *db, struct edu_staff_event *e,
		       const struct edu_staff_change *c, int on, char *err)
{
	const struct edu_punish_kind *k = edu_punish_kind(c->kind);

	if (must_be_active(e, err) < 0)
		return -1;
	if (!k) {
		snprintf(err, EDU_ERR_MAX, "'%s' is not a kind of punishment", c->kind);
		return -1;
	}
	e->detail = c->kind;
	if (k->removes_post && !k->ends_employment) {
		/* 撤职 removes from the post held: there must be one. */
		if (!e->old[EDU_STAFF_POSITION]) {
			snprintf(err, EDU_ERR_MAX, "holds no post to be removed from (撤职)");
			return -1;
		}
		set(e, EDU_STAFF_POSITION, NULL);
		if (e->old[EDU_STAFF_RANK])
			set(e, EDU_STAFF_RANK, NULL);
	}
	if (k->ends_employment) {
		set(e, EDU_STAFF_STATUS, "left");
		return 0;
	}
	int until = c->until;
	if (until < 0) {
		until = edu_punish_until(on, edu_punish_months(db, c->kind));
	} else if (until < on) {
		snprintf(err, EDU_ERR_MAX, "--until %s is before --on %s",
			 edu_date_str(until, e->buf[0]), edu_date_str(on, e->buf[1]));
		return -1;
	}
	e->until = edu_date_str(until, e->buf[0]);
	return 0;
}

static int rule_party(sqlite3 *db, struct edu_staff_event *e,
		      const struct edu_staff_change *c, int on, char *err)
{
	char d[11];
	const char *now = e->old[EDU_STAFF_PARTY], *from = e->old[EDU_STAFF_PARTY_SINCE];
	const char *next = edu_party_next(now);
	int since;
	(void)db;

	e->detail = c->stage;
	if (!next || strcmp(next, e->detail)) {
		if (next)
			snprintf(err, EDU_ERR_MAX, "is %s: the next stage is %s, not %s",
				 now, next, e->detail);
		else
			snprintf(err, EDU_ERR_MAX, "is %s: there is no stage after it", now);
		return -1;
	}
	int wait = edu_party_wait_months(now);
	if (wait) {
		if (!from || edu_parse_date(from, &since) < 0) {
			snprintf(err, EDU_ERR_MAX, "is %s since an unknown day (set party_since)", now);
			return -1;
		}
		if (!edu_party_ready(now, since, on)) {
			snprintf(err, EDU_ERR_MAX, "is %s since %s: %s only after %d months, from %s",
				 now, from, e->detail, wait,
				 edu_date_str(edu_add_months(since, wait), d));
			return -1;
		}
	}
	set(e, EDU_STAFF_PARTY, e->detail);
	set(e, EDU_STAFF_PARTY_SINCE, edu_date_str(on, e->buf[0]));
	return 0;
}

static int rule_retire(sqlite3 *db, struct edu_staff_event *e,
		       const struct edu_staff_change *c, int on, char *err)
{
	(void)db, (void)c, (void)on;
	if (must_be_active(e, err) < 0)
		return -1;
	set(e, EDU_STAFF_STATUS, "retired");
	return 0;
}

static int rule_leave(sqlite3 *db, struct edu_staff_event *e,
		      const struct edu_staff_change *c, int on, char *err)
{
	(void)db, (void)c, (void)on;
	if (must_be_active(e, err) < 0)
		return -1;
	set(e, EDU_STAFF_STATUS, "left");
	return 0;
}

static const struct {
	const char *kind;
	rule_fn *rule;
} rules[] = {
	{ "appoint", rule_appoint }, { "dismiss", rule_dismiss },
	{ "title", rule_title }, { "reward", rule_reward },
	{ "punish", rule_punish }, { "party", rule_party },
	{ "retire", rule_retire }, { "leave", rule_leave },
};

int edu_staff_rule(sqlite3 *db, const char *kind, struct edu_staff_event *e,
		   const struct edu_staff_change *c, int on, char *err)
{
	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
		if (!strcmp(rules[i].kind, kind))
			return rules[i].rule(db, e, c, on, err);
	snprintf(err, EDU_ERR_MAX, "no staff event '%s'", kind);
	return -1;
}

/* The person's state into e->old (copies: the updates may move what the
 * statement holds); 1 when there is no such person. */
static int load(sqlite3 *db, const char *no, struct edu_staff_event *e)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT status, position, rank, title, title_since, party, party_since "
		"FROM staff WHERE staff_no = ?1");
	int rc = 1;

	sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		for (int i = 0; i < EDU_STAFF_NSTATE; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			e->old[i] = v ? edu_strdup(v) : NULL;
		}
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* What was true on a day is rebuilt from the events in order, so a change
 * may not be dated before a later change of the same thing: -1 with the
 * reason in err when it is. */
static int later_change(sqlite3 *db, const char *no, const char *on,
			const struct edu_staff_event *e, char *err)
{
	sqlite3_stmt *later = edu_prepare(db,
		"SELECT max(day) FROM staff_event WHERE staff_no = ?1 AND day > ?2 AND void_on IS NULL "
		"AND json_type(new, '$.' || ?3) IS NOT NULL");

	for (int i = 0; i < EDU_STAFF_NSTATE && !*err; i++) {
		if (!e->set[i])
			continue;
		sqlite3_bind_text(later, 1, no, -1, SQLITE_STATIC);
		sqlite3_bind_text(later, 2, on, -1, SQLITE_STATIC);
		sqlite3_bind_text(later, 3, state_col[i], -1, SQLITE_STATIC);
		if (sqlite3_step(later) == SQLITE_ROW && sqlite3_column_text(later, 0))
			snprintf(err, EDU_ERR_MAX, "--on %s is before its last change of %s, on %s",
				 on, state_col[i], (const char *)sqlite3_column_text(later, 0));
		sqlite3_reset(later);
	}
	sqlite3_finalize(later);
	return *err ? -1 : 0;
}

static void json_or_null(struct edu_buf *b, const char *s)
{
	if (s)
		edu_buf_json(b, s);
	else
		edu_buf_puts(b, "null");
}

void edu_staff_event_json(const struct edu_staff_event *e, struct edu_buf *old,
			  struct edu_buf *new)
{
	edu_event_diff(EDU_STAFF_NSTATE, state_col, e->old, e->new, e->set, old, new);
}

void edu_staff_audit_json(const struct edu_staff_event *e, const char *kind,
			  const char *on, const char *doc, struct edu_buf *b)
{
	/* The rank, when given, is among the changes. */
	const char *extra[][2] = { { "detail", e->detail }, { "until", e->until },
				   { "doc", doc } };
	int n = 0;

	edu_buf_puts(b, "{\"event\":");
	edu_buf_json(b, kind);
	edu_buf_puts(b, ",\"on\":");
	edu_buf_json(b, on);
	for (int i = 0; i < 3; i++)
		if (extra[i][1]) {
			edu_buf_printf(b, ",\"%s\":", extra[i][0]);
			edu_buf_json(b, extra[i][1]);
		}
	edu_buf_puts(b, ",\"changes\":{");
	for (int i = 0; i < EDU_STAFF_NSTATE; i++) {
		if (!e->set[i])
			continue;
		edu_buf_puts(b, n++ ? "," : "");
		edu_buf_json(b, state_col[i]);
		edu_buf_puts(b, ":[");
		json_or_null(b, e->old[i]);
		edu_buf_puts(b, ",");
		json_or_null(b, e->new[i]);
		edu_buf_puts(b, "]");
	}
	edu_buf_puts(b, "}}");
}

/* The event row, the audit row, then the register. */
static void write_event(sqlite3 *db, const char *no, const char *kind, const char *on,
			const char *doc, const struct edu_staff_event *e)
{
	static const char *const update_sql[EDU_STAFF_NSTATE] = {
		"UPDATE staff SET status = ?1 WHERE staff_no = ?2",
		"UPDATE staff SET position = ?1 WHERE staff_no = ?2",
		"UPDATE staff SET rank = ?1 WHERE staff_no = ?2",
		"UPDATE staff SET title = ?1 WHERE staff_no = ?2",
		"UPDATE staff SET title_since = ?1 WHERE staff_no = ?2",
		"UPDATE staff SET party = ?1 WHERE staff_no = ?2",
		"UPDATE staff SET party_since = ?1 WHERE staff_no = ?2",
	};
	struct edu_buf old = { 0 }, new = { 0 }, audit = { 0 };

	edu_staff_event_json(e, &old, &new);
	sqlite3_stmt *ins = edu_prepare(db,
		"INSERT INTO staff_event (staff_no, day, kind, detail, rank, until, doc, old, new) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	const char *iv[] = { no, on, kind, e->detail, e->rank, e->until, doc, old.s, new.s };
	for (int i = 0; i < 9; i++)
		edu_bind_text(ins, i + 1, iv[i]);
	edu_exec_stmt(db, ins);
	sqlite3_finalize(ins);

	edu_staff_audit_json(e, kind, on, doc, &audit);
	edu_audit(db, "staff", no, audit.s);

	for (int i = 0; i < EDU_STAFF_NSTATE; i++) {
		if (!e->set[i])
			continue;
		const char *p[] = { e->new[i], no };
		edu_exec(db, update_sql[i], 2, p);
	}
	edu_buf_free(&old);
	edu_buf_free(&new);
	edu_buf_free(&audit);
}

int edu_staff_record(sqlite3 *db, const char *no, const char *kind,
		     const struct edu_staff_change *c, int day, char *err)
{
	struct edu_staff_event e = { .no = no };
	char on[11];
	int rc;

	edu_date_str(day, on);
	if (load(db, no, &e))
		return 1;
	rc = edu_staff_rule(db, kind, &e, c, day, err) < 0 ||
	     later_change(db, no, on, &e, err) < 0 ? -1 : 0;
	if (rc == 0)
		write_event(db, no, kind, on, c->doc, &e);
	for (int i = 0; i < EDU_STAFF_NSTATE; i++)
		free((char *)e.old[i]);
	return rc;
}

/* ---- the rules as SQL functions ---------------------------------------- */

static int arg_day(sqlite3_value *v, int *day)
{
	const char *s = (const char *)sqlite3_value_text(v);

	return s && edu_parse_date(s, day) == 0;
}

static void result_day(sqlite3_context *cx, int day)
{
	char s[11];

	sqlite3_result_text(cx, edu_date_str(day, s), -1, SQLITE_TRANSIENT);
}

/* retire_date(birth_date, sex, category), retire_age(...): "60y3m" */
static void fn_retire(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	int birth, months;
	(void)argc;

	if (!arg_day(argv[0], &birth)) {
		sqlite3_result_null(cx);
		return;
	}
	int kind = edu_retire_kind((const char *)sqlite3_value_text(argv[1]),
				   (const char *)sqlite3_value_text(argv[2]));
	int day = edu_retire_day(birth, kind, &months);
	if (sqlite3_user_data(cx)) {
		char *s = edu_asprintf("%dy%dm", months / 12, months % 12);
		sqlite3_result_text(cx, s, -1, free);
	} else {
		result_day(cx, day);
	}
}

/* add_months(date, n) */
static void fn_add_months(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	int day;
	(void)argc;

	if (!arg_day(argv[0], &day))
		sqlite3_result_null(cx);
	else
		result_day(cx, edu_add_months(day, sqlite3_value_int(argv[1])));
}

/* degree_level(degree): 0, 1 (硕士) or 2 (博士) */
static void fn_degree_level(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_int(cx, edu_degree_level((const char *)sqlite3_value_text(argv[0])));
}

/* punish_bars_promotion(kind): 1 when a punishment of that kind bars
 * a higher title or post in its period */
static void fn_punish_bars(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const struct edu_punish_kind *k = edu_punish_kind((const char *)sqlite3_value_text(argv[0]));
	(void)argc;

	sqlite3_result_int(cx, k ? k->bars_promotion : 0);
}

/* party_ready(stage, since, day): 1 when the next stage may be taken */
static void fn_party_ready(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	int since, day;
	(void)argc;

	if (!arg_day(argv[1], &since) || !arg_day(argv[2], &day))
		sqlite3_result_int(cx, 0);
	else
		sqlite3_result_int(cx, edu_party_ready((const char *)sqlite3_value_text(argv[0]),
						       since, day));
}

/* party_next(stage) */
static void fn_party_next(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *next = edu_party_next((const char *)sqlite3_value_text(argv[0]));

	if (next)
		sqlite3_result_text(cx, next, -1, SQLITE_STATIC);
	else
		sqlite3_result_null(cx);
}

void edu_cadre_functions(sqlite3 *db)
{
	static int age = 1;
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

	if (sqlite3_create_function(db, "retire_date", 3, f, NULL, fn_retire, NULL, NULL) ||
	    sqlite3_create_function(db, "retire_age", 3, f, &age, fn_retire, NULL, NULL) ||
	    sqlite3_create_function(db, "add_months", 2, f, NULL, fn_add_months, NULL, NULL) ||
	    sqlite3_create_function(db, "party_ready", 3, f, NULL, fn_party_ready, NULL, NULL) ||
	    sqlite3_create_function(db, "party_next", 1, f, NULL, fn_party_next, NULL, NULL) ||
	    sqlite3_create_function(db, "degree_level", 1, f, NULL, fn_degree_level, NULL, NULL) ||
	    sqlite3_create_function(db, "punish_bars_promotion", 1, f, NULL, fn_punish_bars,
				    NULL, NULL))
		edu_die_db(db, "cannot add the rules");
}

/* ---- corrections (issue 17) ---------------------------------------------- */

/* A staff event keeps the columns it changed, before and after: voiding
 * it writes `old` back.  An upsert that changes one of them without an
 * event is a `corrected` event, so that --as-of (EDU_STAFF_ASOF) reads
 * the value before it. */
const struct edu_event_table edu_staff_events = {
	.table = "staff_event", .subject = "staff", .key = "staff_no", .kind = "kind",
	.noun = "staff", .restore = state_col, .tracked = state_col,
	.list = "staff_no, day, kind, detail, rank, until, doc, old, new",
};
