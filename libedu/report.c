/* report.c - the year's statistics from every register (domain layer):
 * tables built in memory from the registers as they stood on one day,
 * cross tables with totals both ways, and what to chart of each.
 *
 * The day is the statistical reference day of the school year (学年初:
 * 《中国基础教育统计指标解释》 counts the school year from 1 September to
 * 31 August and its figures at the beginning of the year; the exact day
 * is the setting report.as_of).  Stocks (schools, students, staff,
 * assets) are counted on that day; flows (entrants, graduates, cases,
 * documents, certificates) over the year that ends with it. */
#define _GNU_SOURCE
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

const char *const edu_report_sections[] = {
	"schools", "students", "exam", "staff", "assets", "petitions",
	"documents", "certificates", NULL
};

/* Who may read a section besides the admin and the auditor: the role
 * that keeps its registers (DESIGN 7). */
static const char *const section_roles[] = {
	"registrar", "registrar", "registrar", "personnel", "assets",
	"petitions", "documents", "registrar",
};

static int section_index(const char *s)
{
	for (int i = 0; edu_report_sections[i]; i++)
		if (!strcmp(edu_report_sections[i], s))
			return i;
	return -1;
}

int edu_report_may(const char *section, const char *role)
{
	int i = section_index(section);
	if (i < 0 || !role)
		return 0;
	return !strcmp(role, "admin") || !strcmp(role, "auditor") ||
	       !strcmp(role, section_roles[i]);
}

/* ---- tables ------------------------------------------------------------ */

static struct edu_table *table_new(const char *section, const char *name,
				   const char *title, int ncols)
{
	struct edu_table *t = calloc(1, sizeof *t);
	if (!t)
		edu_die(EDU_ESOFTWARE, "out of memory");
	t->section = section;
	t->name = name;
	t->title = edu_strdup(title);
	t->ncols = ncols;
	t->head = calloc(ncols, sizeof *t->head);
	t->type = calloc(ncols + 1, 1);
	if (!t->head || !t->type)
		edu_die(EDU_ESOFTWARE, "out of memory");
	memset(t->type, 't', ncols);
	return t;
}

static char **table_row(struct edu_table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->cell = edu_realloc(t->cell, (size_t)t->cap * t->ncols * sizeof *t->cell);
	}
	char **r = t->cell + (size_t)t->nrows++ * t->ncols;
	memset(r, 0, t->ncols * sizeof *r);
	return r;
}

void edu_table_free(struct edu_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < (size_t)t->nrows * t->ncols; i++)
		free(t->cell[i]);
	for (int i = 0; i < t->ncols; i++)
		free(t->head[i]);
	free(t->cell);
	free(t->head);
	free(t->type);
	free(t->title);
	free(t->name_buf);
	free(t);
}

/* Every row of a statement, finalised here; a column whose values are
 * all numbers is a number column. */
static struct edu_table *table_stmt(const char *section, const char *name,
				    const char *title, sqlite3_stmt *st)
{
	int n = sqlite3_column_count(st), rc;
	struct edu_table *t = table_new(section, name, title, n);
	for (int i = 0; i < n; i++)
		t->head[i] = edu_strdup(sqlite3_column_name(st, i));
	memset(t->type, 'n', n);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char **r = table_row(t);
		for (int i = 0; i < n; i++) {
			int ty = sqlite3_column_type(st, i);
			if (ty != SQLITE_INTEGER && ty != SQLITE_FLOAT && ty != SQLITE_NULL)
				t->type[i] = 't';
			const char *v = (const char *)sqlite3_column_text(st, i);
			r[i] = v ? edu_strdup(v) : NULL;
		}
	}
	if (rc != SQLITE_DONE)
		edu_die_db(sqlite3_db_handle(st), "report");
	if (!t->nrows)
		memset(t->type, 't', n);
	sqlite3_finalize(st);
	return t;
}

static void fmt_num(double v, char out[32])
{
	if (fabs(v - round(v)) < 1e-9)
		snprintf(out, 32, "%.0f", v);
	else
		snprintf(out, 32, "%.2f", v);
}

/* Compare labels as numbers when both are whole numbers (grades). */
static int label_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	char *ex, *ey;
	long nx = strtol(x, &ex, 10), ny = strtol(y, &ey, 10);
	if (*x && *y && !*ex && !*ey)
		return (nx > ny) - (nx < ny);
	return strcmp(x, y);
}

/* A grade label as people write it: K1-K3 for the kindergarten grades
 * stored as -2..0 (schema 013). */
static void grade_label(char **s)
{
	char *end, buf[8];
	long g = strtol(*s, &end, 10);
	if (**s && !*end && g < 1 && g >= -2) {
		free(*s);
		*s = edu_strdup(edu_grade_name((int)g, buf));
	}
}

/* The grade columns of a cross table's header (the columns, when they
 * are grades); its rows' grade labels are made so as they are added. */
static void grade_labels(struct edu_table *t, int nlab, int cols)
{
	if (cols)
		for (int j = nlab; j < t->ncols - 1; j++)
			grade_label(&t->head[j]);
}

/* A cross table from a statement of k label columns and a value: the
 * first k-1 labels make the rows (in the statement's order), the last
 * the columns (sorted); a total column and a total row. */
static struct edu_table *table_cross(const char *section, const char *name,
				     const char *title, sqlite3_stmt *st)
{
	int k = sqlite3_column_count(st) - 1, rc;
	size_t nr = 0, nc = 0, ncap = 0, rcap = 0, nv = 0, vcap = 0;
	char **cols = NULL, **rows = NULL;	/* rows: k-1 labels each */
	struct v { size_t r; char *c; double x; } *vals = NULL;

	if (k < 1)
		edu_die(EDU_ESOFTWARE, "a cross table needs a label");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* the row: the same as the last one, or a new one */
		int same = nr > 0;
		for (int i = 0; same && i < k - 1; i++) {
			const char *l = (const char *)sqlite3_column_text(st, i);
			same = !strcmp(rows[(nr - 1) * (k - 1) + i], l ? l : "none");
		}
		if (!same) {
			if (nr == rcap) {
				rcap = rcap ? 2 * rcap : 16;
				rows = edu_realloc(rows, rcap * (k > 1 ? k - 1 : 1) * sizeof *rows);
			}
			for (int i = 0; i < k - 1; i++) {
				const char *l = (const char *)sqlite3_column_text(st, i);
				rows[nr * (k - 1) + i] = edu_strdup(l ? l : "none");
			}
			nr++;
		}
		const char *c = (const char *)sqlite3_column_text(st, k - 1);
		c = c ? c : "none";
		size_t j;
		for (j = 0; j < nc && strcmp(cols[j], c); j++)
			;
		if (j == nc) {
			if (nc == ncap) {
				ncap = ncap ? 2 * ncap : 8;
				cols = edu_realloc(cols, ncap * sizeof *cols);
			}
			cols[nc++] = edu_strdup(c);
		}
		if (nv == vcap) {
			vcap = vcap ? 2 * vcap : 64;
			vals = edu_realloc(vals, vcap * sizeof *vals);
		}
		vals[nv++] = (struct v){ nr ? nr - 1 : 0, cols[j], sqlite3_column_double(st, k) };
	}
	if (rc != SQLITE_DONE)
		edu_die_db(sqlite3_db_handle(st), "report");
	char **names = edu_malloc((k + 1) * sizeof *names);
	for (int i = 0; i < k; i++)
		names[i] = edu_strdup(sqlite3_column_name(st, i));
	sqlite3_finalize(st);
	if (nc)		/* no rows: cols is NULL, which qsort may not take */
		qsort(cols, nc, sizeof *cols, label_cmp);

	int nlab = k > 1 ? k - 1 : 1;
	struct edu_table *t = table_new(section, name, title, nlab + (int)nc + 1);
	for (int i = 0; i < nlab; i++)
		t->head[i] = edu_strdup(k > 1 ? names[i] : "all");
	for (size_t j = 0; j < nc; j++) {
		t->head[nlab + j] = edu_strdup(cols[j]);
		t->type[nlab + j] = 'n';
	}
	t->head[t->ncols - 1] = edu_strdup("total");
	t->type[t->ncols - 1] = 'n';
	t->total_row = 1;

	double *m = calloc((nr + 1) * (nc + 1), sizeof *m);
	if (!m)
		edu_die(EDU_ESOFTWARE, "out of memory");
	for (size_t i = 0; i < nv; i++) {
		size_t j;
		for (j = 0; cols[j] != vals[i].c && strcmp(cols[j], vals[i].c); j++)
			;
		m[vals[i].r * (nc + 1) + j] += vals[i].x;
	}
	for (size_t r = 0; r < nr; r++)
		for (size_t j = 0; j < nc; j++) {
			m[r * (nc + 1) + nc] += m[r * (nc + 1) + j];
			m[nr * (nc + 1) + j] += m[r * (nc + 1) + j];
			m[nr * (nc + 1) + nc] += m[r * (nc + 1) + j];
		}
	grade_labels(t, nlab, !strcmp(names[k - 1], "grade"));
	char b[32];
	for (size_t r = 0; r <= nr; r++) {
		char **row = table_row(t);
		for (int i = 0; i < nlab; i++) {
			row[i] = edu_strdup(r < nr ? (k > 1 ? rows[r * (k - 1) + i] : "all")
					    : i ? "" : "total");
			if (k > 1 && r < nr && !strcmp(names[i], "grade"))
				grade_label(&row[i]);
		}
		for (size_t j = 0; j <= nc; j++) {
			fmt_num(m[r * (nc + 1) + j], b);
			row[nlab + j] = edu_strdup(b);
		}
	}
	free(m);
	for (size_t i = 0; i < nr * (k > 1 ? k - 1 : 0); i++)
		free(rows[i]);
	free(rows);
	for (size_t j = 0; j < nc; j++)
		free(cols[j]);
	free(cols);
	free(vals);
	for (int i = 0; i < k; i++)
		free(names[i]);
	free(names);
	return t;
}

void edu_table_print(const struct edu_table *t, FILE *f)
{
	struct edu_out *o = edu_out_new(f, t->ncols, (const char *const *)t->head);
	for (int r = 0; r < t->nrows; r++)
		for (int i = 0; i < t->ncols; i++) {
			const char *v = t->cell[(size_t)r * t->ncols + i];
			edu_out_cell(o, v, !v ? EDU_V_NULL : t->type[i] == 't' ? EDU_V_TEXT : EDU_V_NUM);
		}
	edu_out_end(o);
}

/* A chart speaks Chinese: the register's codes for sex and ownership
 * in the legend and on the axis become their names. */
static const char *zh(const char *v)
{
	static const char *const names[][2] = {
		{ "F", "女" }, { "M", "男" }, { "public", "公办" }, { "private", "民办" },
	};
	for (size_t i = 0; v && i < sizeof names / sizeof *names; i++)
		if (!strcmp(v, names[i][0]))
			return names[i][1];
	return v ? v : "";
}

/* The chart of a table: categories from its column cat, one series per
 * value column, without a total row or column. */
int edu_table_chart(const struct edu_table *t, struct edu_chart *c)
{
	const struct edu_table_chart *s = &t->chart;
	int ncat = t->nrows - (t->total_row ? 1 : 0);
	if (!s->kind || ncat < 1 || s->nvals < 1)
		return -1;
	const char **cats = edu_malloc((ncat + 1) * sizeof *cats);
	const char **names = edu_malloc(s->nvals * sizeof *names);
	double *v = edu_malloc(((size_t)s->nvals * ncat + 1) * sizeof *v);
	for (int i = 0; i < ncat; i++) {
		cats[i] = zh(t->cell[(size_t)i * t->ncols + s->cat]);
	}
	for (int j = 0; j < s->nvals; j++) {
		names[j] = s->names[j] ? s->names[j] : zh(t->head[s->vals[j]]);
		for (int i = 0; i < ncat; i++) {
			const char *x = t->cell[(size_t)i * t->ncols + s->vals[j]];
			v[(size_t)j * ncat + i] = x ? strtod(x, NULL) : 0;
		}
	}
	*c = (struct edu_chart){ .kind = s->kind, .title = t->title, .xtitle = s->xtitle,
		.ytitle = s->ytitle, .ncat = ncat, .nser = s->nvals, .cats = cats,
		.series = names, .val = v, .share = s->share };
	return 0;
}

void edu_chart_free(struct edu_chart *c)
{
	free((void *)c->cats);
	free((void *)c->series);
	free((void *)c->val);
}

/* A chart over every value column but the total. */
static void chart_all(struct edu_table *t, char kind, const char *x, const char *y)
{
	int first = t->total_row ? t->ncols - 1 - 1 : t->ncols - 1, n = 0;
	int nlab = 0;
	while (nlab < t->ncols && t->type[nlab] == 't')
		nlab++;
	t->chart = (struct edu_table_chart){ .kind = kind, .cat = nlab ? nlab - 1 : 0,
					     .xtitle = x, .ytitle = y };
	for (int i = nlab; i <= first && n < EDU_CHART_SERIES; i++)
		t->chart.vals[n++] = i;
	t->chart.nvals = n;
}

/* ---- the report -------------------------------------------------------- */

static void add(struct edu_report *r, struct edu_table *t)
{
	r->tables = edu_realloc(r->tables, (r->ntables + 1) * sizeof *r->tables);
	r->tables[r->ntables++] = t;
}

/* Prepare with the report's values bound: ?1 the day (YYYY-MM-DD), ?2
 * the day a year before (flows count after it), ?3 the year, ?4 the next
 * calendar year. */
static sqlite3_stmt *prep(struct edu_report *r, const char *sql)
{
	sqlite3_stmt *st = edu_prepare(r->db, sql);
	int n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		sqlite3_bind_text(st, 1, r->day, -1, SQLITE_STATIC);
	if (n >= 2)
		sqlite3_bind_text(st, 2, r->from, -1, SQLITE_STATIC);
	if (n >= 3)
		sqlite3_bind_int(st, 3, r->year);
	if (n >= 4)
		sqlite3_bind_int(st, 4, r->next_year);
	return st;
}

static struct edu_table *stmt_table(struct edu_report *r, const char *sec,
				    const char *name, const char *title, const char *sql)
{
	return table_stmt(sec, name, title, prep(r, sql));
}

static struct edu_table *cross_table(struct edu_report *r, const char *sec,
				     const char *name, const char *title, const char *sql)
{
	return table_cross(sec, name, title, prep(r, sql));
}

void edu_report_init(struct edu_report *r, sqlite3 *db, int as_of, int year)
{
	memset(r, 0, sizeof *r);
	r->db = db;
	r->as_of = as_of;
	r->year = year;
	edu_date_str(as_of, r->day);
	edu_date_str(edu_add_months(as_of, -12), r->from);
	int y, m, d;
	edu_ymd(as_of, &y, &m, &d);
	r->next_year = y + 1;
	/* assets: the last month that has ended by the day */
	r->month = edu_month_of(as_of) - (edu_month_of(as_of + 1) == edu_month_of(as_of));
	edu_cadre_functions(db);
}

/* The populations a cross table of chosen labels counts, with the
 * labels each may be broken down by. */
struct population {
	const char *section, *sql, *dims, *dflt, *count;
};
/* The students and the staff as they stood on the day, worked out once
 * per report into temporary tables that every table then reads: the
 * students counted by every label (edu_student_asof_count, n each), the
 * staff one row each. */
#define AGE "(CAST(strftime('%Y', ?1) AS INTEGER) - CAST(strftime('%Y', birth_date) AS INTEGER) " \
	"- (strftime('%m-%d', ?1) < strftime('%m-%d', birth_date)))"
static const char *const temp_sql[] = {
	"CREATE TEMP TABLE report_student AS SELECT a.sex, a.ethnicity, a.school_code, "
	EDU_GRADE_SQL("a.grade") " AS grade, a.class, a.status, a.disability, a.placement, "
	"a.zone, sc.kind, sc.ownership, sc.district, a.n FROM temp.student_asof a "
	"JOIN school sc ON sc.school_code = a.school_code",
	"CREATE TEMP TABLE report_staff AS " EDU_STAFF_ASOF "SELECT *, CASE WHEN " AGE " < 30 "
	"THEN '<30' WHEN " AGE " < 40 THEN '30-39' WHEN " AGE " < 50 THEN '40-49' WHEN " AGE
	" < 55 THEN '50-54' ELSE '55+' END AS age FROM asof",
};
enum { T_STUDENT = 1, T_STAFF = 2 };

static void need(struct edu_report *r, int which)
{
	for (int i = 0; i < 2; i++)
		if ((which & (1 << i)) && !(r->made & (1 << i))) {
			if (i == 0)
				edu_student_asof_count(r->db, r->day);
			sqlite3_stmt *st = edu_prepare(r->db, temp_sql[i]);
			sqlite3_bind_text(st, 1, r->day, -1, SQLITE_STATIC);
			edu_exec_stmt(r->db, st);
			r->made |= 1 << i;
		}
}

static const struct population populations[] = {
	{ "schools", "SELECT * FROM school WHERE status = 'open' AND (founded IS NULL OR founded <= ?1)",
	  "kind ownership district", "kind,ownership", "count(*)" },
	{ "students", "SELECT * FROM temp.report_student WHERE status = 'enrolled'",
	  "school_code kind ownership district grade sex ethnicity disability placement zone class",
	  "kind,grade,sex", "sum(n)" },
	{ "students", "SELECT * FROM temp.report_student", "status", NULL, "sum(n)" },	/* all of them */
	{ "staff", "SELECT * FROM temp.report_staff WHERE status = 'active'",
	  "unit category position title sex education degree party age", "title,sex", "count(*)" },
	{ NULL, NULL, NULL, NULL, NULL }
};

struct edu_table *edu_report_cross(struct edu_report *r, const char *section,
				   const char *by, char *err)
{
	const struct population *p0 = NULL, *p = NULL;
	int k = 0;
	for (const struct population *q = populations; q->section && !p0; q++)
		if (!strcmp(q->section, section))
			p0 = q;
	if (!p0) {
		snprintf(err, EDU_ERR_MAX, "the %s section has no --by", section);
		return NULL;
	}
	if (!by)
		by = p0->dflt;
	p = p0;
	need(r, !strcmp(section, "staff") ? T_STAFF : !strcmp(section, "students") ? T_STUDENT : 0);
	struct edu_buf cols = { 0 }, sql = { 0 };
	for (const char *s = by; *s; k++) {
		size_t n = strcspn(s, ",");
		char label[64];
		snprintf(label, sizeof label, "%.*s", (int)(n < 63 ? n : 63), s);
		const struct population *q;
		for (q = p0; q->section && !strcmp(q->section, section); q++)
			if (n < 63 && edu_word_in(q->dims, label))
				break;
		if (!q->section || strcmp(q->section, section)) {
			struct edu_buf all = { 0 };
			for (q = p0; q->section && !strcmp(q->section, section); q++)
				edu_buf_printf(&all, "%s%s", all.len ? " " : "", q->dims);
			snprintf(err, EDU_ERR_MAX, "--by: '%.*s' is not one of: %s", (int)n, s, all.s);
			edu_buf_free(&all);
			edu_buf_free(&cols);
			return NULL;
		}
		if (q > p)	/* a label only a wider population has */
			p = q;
		edu_buf_printf(&cols, "%scoalesce(\"%.*s\", 'none') AS \"%.*s\"",
			       cols.len ? ", " : "", (int)n, s, (int)n, s);
		s += n + (s[n] == ',');
	}
	if (k < 1 || k > 4) {
		snprintf(err, EDU_ERR_MAX, "--by: from one to four labels, separated by commas");
		edu_buf_free(&cols);
		return NULL;
	}
	edu_buf_printf(&sql, "SELECT %s, %s AS n FROM (%s) GROUP BY ", cols.s, p->count, p->sql);
	for (int i = 1; i <= k; i++)
		edu_buf_printf(&sql, "%s%d", i > 1 ? ", " : "", i);
	edu_buf_puts(&sql, " ORDER BY ");
	for (int i = 1; i <= k; i++)
		edu_buf_printf(&sql, "%s%d", i > 1 ? ", " : "", i);
	char *title = edu_asprintf("%s（按 %s，%s）", section, by, r->day);
	char *name = edu_asprintf("by-%s", by);
	for (char *c = name; *c; c++)
		if (*c == ',')
			*c = '-';
	struct edu_table *t = cross_table(r, edu_report_sections[section_index(section)],
					  "cross", title, sql.s);
	t->name_buf = name;
	t->name = name;
	free(title);
	edu_buf_free(&cols);
	edu_buf_free(&sql);
	return t;
}

/* ---- the sections ------------------------------------------------------ */

static void schools(struct edu_report *r)
{
	char err[EDU_ERR_MAX];
	struct edu_table *t = edu_report_cross(r, "schools", "kind,ownership", err);
	t->name = "by-kind";
	free(t->title);
	t->title = edu_strdup("学校数（按类型、办学性质）");
	add(r, t);
	t = stmt_table(r, "schools", "by-ownership", "学校数（按办学性质）",
		"SELECT ownership, count(*) AS schools FROM school WHERE status = 'open' "
		"AND (founded IS NULL OR founded <= ?1) GROUP BY ownership ORDER BY ownership");
	t->chart = (struct edu_table_chart){ .kind = 'p', .cat = 0, .nvals = 1, .vals = { 1 },
					     .names = { "学校数" } };
	add(r, t);
	add(r, stmt_table(r, "schools", "new", "本学年新设学校",
		"SELECT school_code, name, kind, ownership, founded FROM school "
		"WHERE founded > ?2 AND founded <= ?1 ORDER BY founded, school_code"));
	add(r, stmt_table(r, "schools", "closed", "本学年撤销学校（登记日）",
		"SELECT a.key AS school_code, s.name, s.kind, s.ownership, min(date(a.at)) AS recorded "
		"FROM audit a JOIN school s ON s.school_code = a.key WHERE a.entity = 'school' "
		"AND json_valid(a.change) AND json_extract(a.change, '$.status[1]') = 'closed' "
		"AND date(a.at) > ?2 AND date(a.at) <= ?1 AND s.status = 'closed' "
		"GROUP BY a.key ORDER BY recorded, a.key"));
	add(r, stmt_table(r, "schools", "titles", "示范称号",
		"SELECT title, count(*) AS schools FROM designation WHERE since <= ?1 "
		"AND (until IS NULL OR until >= ?1) GROUP BY title ORDER BY schools DESC, title"));
	add(r, stmt_table(r, "schools", "licences-expiring",
		"12个月内到期的民办学校办学许可证",
		"SELECT l.school_code, s.name, l.number, l.expires FROM licence l "
		"JOIN school s ON s.school_code = l.school_code WHERE s.status = 'open' "
		"AND l.expires <= date(?1, '+12 months') ORDER BY l.expires, l.school_code"));
}

static void students(struct edu_report *r)
{
	char err[EDU_ERR_MAX];
	need(r, T_STUDENT);
	struct edu_table *t = edu_report_cross(r, "students", "kind,grade,sex", err);
	t->name = "by-kind-grade-sex";
	free(t->title);
	t->title = edu_strdup("在校生数（按学校类型、年级、性别）");
	add(r, t);
	t = edu_report_cross(r, "students", "grade,sex", err);
	t->name = "by-grade";
	free(t->title);
	t->title = edu_strdup("在校生数（按年级、性别）");
	chart_all(t, 'c', "年级", "人数");
	add(r, t);
	add(r, stmt_table(r, "students", "minority", "少数民族在校生",
		"SELECT ethnicity, sum(n) AS students FROM temp.report_student "
		"WHERE status = 'enrolled' AND ethnicity IS NOT NULL AND ethnicity NOT IN "
		"('汉族', '汉', '01') GROUP BY ethnicity ORDER BY students DESC, ethnicity"));
	add(r, cross_table(r, "students", "flows", "学生变动：招生、毕业、转学、退学",
		/* entered: a new record (at the school it had then), or a
		 * student entering a new stage (an enter event); a voided event
		 * counts for nothing */
		"WITH f AS (SELECT coalesce((SELECT e.from_school FROM student_event e "
		"WHERE e.student_no = s.student_no AND e.void_on IS NULL ORDER BY e.day, e.id "
		"LIMIT 1), s.school_code) AS school, 'entered' AS flow FROM student s "
		"WHERE s.entry_date > ?2 AND s.entry_date <= ?1 AND NOT EXISTS (SELECT 1 "
		"FROM student_event e WHERE e.student_no = s.student_no AND e.kind = 'enter' "
		"AND e.day = s.entry_date AND e.void_on IS NULL) "
		"UNION ALL SELECT to_school, 'entered' FROM student_event WHERE kind = 'enter' "
		"AND day > ?2 AND day <= ?1 AND void_on IS NULL "
		"UNION ALL SELECT from_school, CASE kind WHEN 'graduate' THEN 'graduated' "
		"WHEN 'withdraw' THEN 'withdrawn' ELSE 'transferred_out' END FROM student_event "
		"WHERE kind IN ('graduate', 'withdraw', 'transfer') AND day > ?2 AND day <= ?1 "
		"AND void_on IS NULL "
		"UNION ALL SELECT to_school, 'transferred_in' FROM student_event "
		"WHERE kind = 'transfer' AND day > ?2 AND day <= ?1 AND void_on IS NULL) "
		"SELECT sc.kind, f.flow, count(*) FROM f JOIN school sc ON sc.school_code = f.school "
		"GROUP BY 1, 2 ORDER BY 1, 2"));
	add(r, table_stmt("students", "disability", "残疾儿童少年（按类别、安置方式）",
			  edu_student_disability_report(r->db, NULL)));
}

static void exam(struct edu_report *r)
{
	add(r, stmt_table(r, "exam", "summary", "中考与录取",
		"SELECT count(*) AS candidates, count(a.school_code) AS admitted, "
		"count(*) - count(a.school_code) AS not_admitted, CASE WHEN count(*) THEN "
		"round(100.0 * count(a.school_code) / count(*), 1) END AS admitted_pct "
		"FROM candidate c LEFT JOIN admission a ON a.year = c.year AND a.exam_no = c.exam_no "
		"WHERE c.year = ?3"));
	add(r, cross_table(r, "exam", "by-batch", "录取人数（按批次、轮次）",
		"SELECT coalesce(batch, 'none') AS batch, 'round' || round AS round, count(*) "
		"FROM admission WHERE year = ?3 AND school_code IS NOT NULL GROUP BY 1, 2 "
		"ORDER BY 1, 2"));
	add(r, table_stmt("exam", "cutoffs", "各校录取分数线",
			  edu_exam_cutoffs_stmt(r->db, r->year)));
}

/* The establishment (编制) on the day, as `edu-cadre quota --as-of` gives
 * it: per school the posts its enrolment gives, the staff on the
 * establishment in post, and the vacancies (negative: over it; empty
 * where no ratio is set). */
static struct edu_table *establishment(struct edu_report *r)
{
	static const char *const h[] = { "school_code", "kind", "students", "quota",
					  "in_post", "vacancies" };
	struct edu_staffing s;
	struct edu_table *t = table_new("staff", "establishment", "编制：应有与在编在岗（按学校）", 6);
	for (int i = 0; i < 6; i++) {
		t->head[i] = edu_strdup(h[i]);
		t->type[i] = i < 2 ? 't' : 'n';
	}
	edu_staffing_load(r->db, r->day, NULL, 1, &s);	/* need(T_STUDENT) counted them */
	for (size_t i = 0; i < s.nschool; i++) {
		const struct edu_staffing_school *sc = &s.school[i];
		long students = 0, quota = edu_staffing_quota(sc);
		for (int k = 0; k < EDU_NSTAGE; k++)
			students += sc->students[k];
		if (!students && !sc->in_post)
			continue;
		char **row = table_row(t);
		row[0] = edu_strdup(sc->code);
		row[1] = edu_strdup(sc->kind);
		row[2] = edu_asprintf("%ld", students);
		row[3] = quota < 0 ? NULL : edu_asprintf("%ld", quota);
		row[4] = edu_asprintf("%ld", sc->in_post);
		row[5] = quota < 0 ? NULL : edu_asprintf("%ld", quota - sc->in_post);
	}
	edu_staffing_free(&s);
	return t;
}

static void staff(struct edu_report *r)
{
	static const char *const by[][3] = {
		{ "title,sex", "by-title", "教职工（按职称、性别）" },
		{ "age,sex", "by-age", "教职工（按年龄、性别）" },
		{ "education,sex", "by-education", "教职工（按学历、性别）" },
	};
	char err[EDU_ERR_MAX];
	need(r, T_STUDENT | T_STAFF);
	for (size_t i = 0; i < sizeof by / sizeof *by; i++) {
		struct edu_table *t = edu_report_cross(r, "staff", by[i][0], err);
		t->name = by[i][1];
		free(t->title);
		t->title = edu_strdup(by[i][2]);
		add(r, t);
	}
	add(r, stmt_table(r, "staff", "ratio", "生师比（按学校）",
		"WITH s AS (SELECT school_code, sum(n) AS n FROM temp.report_student "
		"WHERE status = 'enrolled' GROUP BY school_code), "
		"t AS (SELECT unit, count(*) AS n FROM temp.report_staff WHERE status = 'active' "
		"AND category = 'teacher' GROUP BY unit) "
		"SELECT sc.school_code, sc.name, coalesce(s.n, 0) AS students, coalesce(t.n, 0) AS teachers, "
		"CASE WHEN t.n THEN round(1.0 * coalesce(s.n, 0) / t.n, 1) END AS students_per_teacher "
		"FROM school sc LEFT JOIN s ON s.school_code = sc.school_code "
		"LEFT JOIN t ON t.unit = sc.school_code WHERE s.n OR t.n ORDER BY sc.school_code"));
	add(r, establishment(r));
	add(r, stmt_table(r, "staff", "retiring", "明年到龄退休人员",
		"SELECT staff_no, name, sex, unit, category, "
		"retire_date(birth_date, sex, category) AS retires_on FROM temp.report_staff "
		"WHERE status = 'active' AND CAST(strftime('%Y', retire_date(birth_date, sex, category)) "
		"AS INTEGER) = ?4 ORDER BY retires_on, staff_no"));
}

static void assets(struct edu_report *r)
{
	char m[8];
	struct edu_table *t = table_new("assets", "by-category", "", 5);
	free(t->title);
	t->title = edu_asprintf("资产原值、累计折旧与净值（按类别，%s）",
				edu_month_str(r->month, m));
	static const char *const h[] = { "category", "assets", "cost", "accumulated", "book_value" };
	for (int i = 0; i < 5; i++) {
		t->head[i] = edu_strdup(h[i]);
		t->type[i] = i == 0 ? 't' : i == 1 ? 'n' : 'm';	/* yuan */
	}
	sqlite3_stmt *st = edu_asset_month_stmt(r->db, r->month, NULL, 0, 1);
	struct edu_asset_totals tot = { 0 }, all = { 0 };
	char *cat = NULL, b[32];
	for (int rc;;) {
		rc = sqlite3_step(st);
		const char *c = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 2) : NULL;
		if (cat && (!c || strcmp(c, cat))) {
			char **row = table_row(t);
			row[0] = cat;
			row[1] = edu_asprintf("%ld", tot.n);
			row[2] = edu_strdup(edu_money_str(tot.cost, b));
			row[3] = edu_strdup(edu_money_str(tot.accumulated, b));
			row[4] = edu_strdup(edu_money_str(tot.book_value, b));
			cat = NULL;
			tot = (struct edu_asset_totals){ 0 };
		}
		if (rc != SQLITE_ROW) {
			if (rc != SQLITE_DONE)
				edu_die_db(r->db, "assets");
			break;
		}
		if (!cat)
			cat = edu_strdup(c);
		int64_t cost;
		struct edu_depreciation d;
		edu_asset_month_row(st, r->month, &cost, &d);
		edu_asset_totals_add(&tot, cost, &d);
		edu_asset_totals_add(&all, cost, &d);
	}
	sqlite3_finalize(st);
	char **row = table_row(t);
	row[0] = edu_strdup("total");
	row[1] = edu_asprintf("%ld", all.n);
	row[2] = edu_strdup(edu_money_str(all.cost, b));
	row[3] = edu_strdup(edu_money_str(all.accumulated, b));
	row[4] = edu_strdup(edu_money_str(all.book_value, b));
	t->total_row = 1;
	t->chart = (struct edu_table_chart){ .kind = 'b', .cat = 0, .nvals = 1, .vals = { 4 },
					     .xtitle = "净值（元）" };
	add(r, t);
	/* An asset is added at the cost it was acquired at (its cost less
	 * the improvements that stand); subsequent expenditure (improve) is
	 * an increase of its own; a disposal takes the whole cost off. */
	t = stmt_table(r, "assets", "flows", "本年资产增减",
		"WITH f AS (SELECT category, 1 AS added, cost - coalesce((SELECT sum(e.amount) "
		"  FROM asset_event e WHERE e.tag = asset.tag AND e.kind = 'improved' "
		"  AND e.void_on IS NULL), 0) AS added_cost, 0 AS improved, 0 AS improved_cost, "
		"  0 AS disposed, 0 AS disposed_cost FROM asset WHERE acquired_on > ?2 AND acquired_on <= ?1 "
		"UNION ALL SELECT a.category, 0, 0, 1, e.amount, 0, 0 FROM asset_event e "
		"  JOIN asset a USING (tag) WHERE e.kind = 'improved' AND e.void_on IS NULL "
		"  AND e.day > ?2 AND e.day <= ?1 "
		"UNION ALL SELECT category, 0, 0, 0, 0, 1, cost FROM asset WHERE disposed_on > ?2 "
		"AND disposed_on <= ?1) SELECT category, sum(added) AS added, "
		"printf('%d.%02d', sum(added_cost) / 100, sum(added_cost) % 100) AS added_cost, "
		"sum(improved) AS improved, "
		"printf('%d.%02d', sum(improved_cost) / 100, sum(improved_cost) % 100) AS improved_cost, "
		"sum(disposed) AS disposed, "
		"printf('%d.%02d', sum(disposed_cost) / 100, sum(disposed_cost) % 100) AS disposed_cost "
		"FROM f GROUP BY category ORDER BY category");
	t->type[2] = t->type[4] = t->type[6] = 'm';
	add(r, t);
}

static void petitions(struct edu_report *r)
{
	struct edu_table *t = cross_table(r, "petitions", "by-month", "信访等案件（按月份、类别）",
		"SELECT substr(received_on, 1, 7) AS month, kind, count(*) FROM petition "
		"WHERE received_on > ?2 AND received_on <= ?1 GROUP BY 1, 2 ORDER BY 1, 2");
	add(r, t);
	t = stmt_table(r, "petitions", "on-time", "按期答复率（按答复期限所在月份）",
		"SELECT substr(reply_due, 1, 7) AS month, count(*) AS due, "
		"sum(replied_on IS NOT NULL AND replied_on <= reply_due AND replied_on <= ?1) AS on_time, "
		"round(100.0 * sum(replied_on IS NOT NULL AND replied_on <= reply_due "
		"AND replied_on <= ?1) / count(*), 1) AS on_time_pct FROM petition "
		"WHERE reply_due > ?2 AND reply_due <= ?1 AND received_on <= ?1 GROUP BY 1 ORDER BY 1");
	t->chart = (struct edu_table_chart){ .kind = 'l', .cat = 0, .nvals = 2, .vals = { 1, 3 },
					     .share = 1, .xtitle = "月份", .ytitle = "件数",
					     .names = { "应答复", "按期率（%）" } };
	add(r, t);
	/* overdue now: what `edu-petition overdue --on DAY` lists, by kind */
	sqlite3_stmt *st = edu_petition_due_stmt(r->db, r->as_of, -1, NULL);
	t = table_new("petitions", "overdue", "逾期未办（按类别、期限）", 3);
	t->head[0] = edu_strdup("kind");
	t->head[1] = edu_strdup("deadline");
	t->head[2] = edu_strdup("cases");
	t->type[2] = 'n';
	int kc = -1, wc = -1, rc;
	for (int i = 0; i < sqlite3_column_count(st); i++) {
		if (!strcmp(sqlite3_column_name(st, i), "kind"))
			kc = i;
		if (!strcmp(sqlite3_column_name(st, i), "what"))
			wc = i;
	}
	struct { char k[8], w[32]; long n; } g[64];
	int ng = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = kc >= 0 ? (const char *)sqlite3_column_text(st, kc) : NULL;
		const char *w = wc >= 0 ? (const char *)sqlite3_column_text(st, wc) : NULL;
		int i;
		for (i = 0; i < ng && (strcmp(g[i].k, k ? k : "") || strcmp(g[i].w, w ? w : "")); i++)
			;
		if (i == ng && ng < 64) {
			snprintf(g[i].k, sizeof g[i].k, "%s", k ? k : "");
			snprintf(g[i].w, sizeof g[i].w, "%s", w ? w : "");
			g[i].n = 0;
			ng++;
		}
		if (i < ng)
			g[i].n++;
	}
	if (rc != SQLITE_DONE)
		edu_die_db(r->db, "petitions");
	sqlite3_finalize(st);
	for (int i = 0; i < ng; i++) {
		char **row = table_row(t);
		row[0] = edu_strdup(g[i].k);
		row[1] = edu_strdup(g[i].w);
		row[2] = edu_asprintf("%ld", g[i].n);
	}
	add(r, t);
}

static void documents(struct edu_report *r)
{
	add(r, cross_table(r, "documents", "by-month", "公文收发（按月份）",
		"SELECT substr(CASE direction WHEN 'in' THEN received_on ELSE doc_date END, 1, 7) "
		"AS month, CASE direction WHEN 'in' THEN 'received' ELSE 'issued' END AS direction, "
		"count(*) FROM document WHERE CASE direction WHEN 'in' THEN received_on "
		"ELSE doc_date END > ?2 AND CASE direction WHEN 'in' THEN received_on ELSE doc_date "
		"END <= ?1 GROUP BY 1, 2 ORDER BY 1, 2"));
}

static void certificates(struct edu_report *r)
{
	add(r, cross_table(r, "certificates", "by-kind", "证书发放与撤销（按类别）",
		"SELECT kind, 'issued', count(*) FROM certificate WHERE issued_on > ?2 AND issued_on <= ?1 "
		"GROUP BY kind UNION ALL SELECT kind, 'revoked', count(*) FROM certificate "
		"WHERE revoked_on > ?2 AND revoked_on <= ?1 GROUP BY kind ORDER BY 1, 2"));
}

static void (*const builders[])(struct edu_report *) = {
	schools, students, exam, staff, assets, petitions, documents, certificates,
};

int edu_report_section(struct edu_report *r, const char *section)
{
	int i = section_index(section);
	if (i < 0)
		return -1;
	builders[i](r);
	return 0;
}

/* The label of row i in the long form: a cross table's labels joined by
 * " / "; else the first column when its values are unique in the table,
 * or the row's number. */
static int label_cols(const struct edu_table *t)
{
	int n = 0;
	if (!t->total_row)
		return 0;
	while (n < t->ncols - 1 && t->type[n] == 't')
		n++;
	return n;
}

static int first_unique(const struct edu_table *t)
{
	if (t->ncols < 2)
		return 0;
	for (int i = 0; i < t->nrows; i++) {
		const char *a = t->cell[(size_t)i * t->ncols];
		if (!a)
			return 0;
		for (int j = 0; j < i; j++)
			if (!strcmp(a, t->cell[(size_t)j * t->ncols]))
				return 0;
	}
	return 1;
}

void edu_report_print(const struct edu_report *r, FILE *f, int titled)
{
	static const char *const h[] = { "section", "table", "row", "column", "value" };
	struct edu_out *o = titled ? NULL : edu_out_new(f, 5, h);
	for (int k = 0; k < r->ntables; k++) {
		const struct edu_table *t = r->tables[k];
		if (titled) {
			fprintf(f, "%s%s %s: %s\n", k ? "\n" : "", t->section, t->name, t->title);
			if (t->nrows)
				edu_table_print(t, f);
			else
				fputs("(none)\n", f);
			continue;
		}
		int nlab = label_cols(t), first = !nlab && t->type[0] == 't' && first_unique(t);
		for (int i = 0; i < t->nrows; i++) {
			char **row = t->cell + (size_t)i * t->ncols;
			struct edu_buf lab = { 0 };
			if (nlab)
				for (int j = 0; j < nlab; j++)
					edu_buf_printf(&lab, "%s%s", j ? " / " : "", row[j] ? row[j] : "");
			else if (first)
				edu_buf_puts(&lab, row[0]);
			else
				edu_buf_printf(&lab, "%d", i + 1);
			for (int j = nlab ? nlab : first; j < t->ncols; j++) {
				edu_out_cell(o, t->section, EDU_V_TEXT);
				edu_out_cell(o, t->name, EDU_V_TEXT);
				edu_out_cell(o, lab.s ? lab.s : "", EDU_V_TEXT);
				edu_out_cell(o, t->head[j], EDU_V_TEXT);
				edu_out_cell(o, row[j], !row[j] ? EDU_V_NULL :
					     t->type[j] == 't' ? EDU_V_TEXT : EDU_V_NUM);
			}
			edu_buf_free(&lab);
		}
	}
	if (o)
		edu_out_end(o);
}

#define DATE_COLUMNS "founded expires recorded retires_on"
static const char *const sheet_names[] = {
	"学校", "学生", "中考", "教职工", "资产", "信访", "公文", "证书",
};

int edu_report_xlsx(const struct edu_report *r, FILE *f, char *err)
{
	struct edu_xlsx *x = edu_xlsx_open(f, err);
	const char *sheet = NULL;
	if (!x)
		return -1;
	for (int k = 0; k < r->ntables; k++) {
		const struct edu_table *t = r->tables[k];
		if (!sheet || strcmp(t->section, sheet)) {
			edu_xlsx_sheet(x, sheet_names[section_index(t->section)]);
			sheet = t->section;
		}
		char *types = edu_strdup(t->type);
		for (int i = 0; i < t->ncols; i++)	/* dates as date cells */
			if (types[i] == 't' && edu_word_in(DATE_COLUMNS, t->head[i]))
				types[i] = 'd';
		edu_xlsx_table(x, t->title, t->ncols, (const char *const *)t->head, t->nrows,
			       (const char *const *)t->cell, types);
		free(types);
		const struct edu_table_chart *c = &t->chart;
		if (c->kind) {
			if (t->total_row)
				edu_xlsx_chart_rows(x, t->nrows - 1);
			edu_xlsx_chart(x, c->kind, t->title, c->xtitle, c->ytitle, c->cat,
				       c->nvals, c->vals, c->share ? c->nvals - 1 : -1);
		}
	}
	return edu_xlsx_close(x, err);
}

void edu_report_free(struct edu_report *r)
{
	for (int i = 0; i < r->ntables; i++)
		edu_table_free(r->tables[i]);
	free(r->tables);
	r->tables = NULL;
	r->ntables = 0;
	if (r->made & T_STUDENT) {
		edu_exec(r->db, "DROP TABLE temp.report_student", 0, NULL);
		edu_exec(r->db, "DROP TABLE temp.student_asof", 0, NULL);
	}
	if (r->made & T_STAFF)
		edu_exec(r->db, "DROP TABLE temp.report_staff", 0, NULL);
	r->made = 0;
}
