/* approval.c - the processes before a record (issue 21): a school's
 * evaluation by a standard's rubric, and the statutory periods within
 * which private-school applications are decided */
#define _GNU_SOURCE
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

/* ---- evaluation by a rubric ---------------------------------------------- */

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

void edu_eval_trim(int *pts, int n, long *sum, int *count)
{
	int lo = 0, hi = n;

	/* A panel of five or more drops its highest and its lowest mark,
	 * so that no one expert carries the result. */
	if (n >= EDU_EVAL_TRIM_FROM) {
		qsort(pts, (size_t)n, sizeof *pts, cmp_int);
		lo = 1;
		hi = n - 1;
	}
	*sum = 0;
	for (int i = lo; i < hi; i++)
		*sum += pts[i];
	*count = hi - lo;
}

#define COL(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* Points as compared: to a millionth of a point, so that a sum of means
 * that is 90 on paper is not 89.99999 in binary. */
static long long micro(double points)
{
	return llround(points * 1e6);
}

static void load_items(sqlite3 *db, struct edu_eval *e)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT code, name, points, coalesce(weight, 10), veto FROM rubric "
		"WHERE standard = ?1 AND type = 'indicator' ORDER BY code");
	sqlite3_stmt *sc = edu_prepare(db,
		"SELECT points FROM score WHERE evaluation = ?1 AND indicator = ?2");
	size_t cap = 0;

	sqlite3_bind_text(st, 1, e->standard, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (e->n == cap) {
			cap = cap ? 2 * cap : 16;
			e->item = edu_realloc(e->item, cap * sizeof *e->item);
		}
		struct edu_eval_item *it = &e->item[e->n++];
		memset(it, 0, sizeof *it);
		it->code = edu_strdup(COL(st, 0));
		it->name = edu_strdup(COL(st, 1) ? COL(st, 1) : "");
		it->max = sqlite3_column_int(st, 2);
		it->weight = sqlite3_column_int(st, 3);
		it->veto = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 4);

		int *pts = NULL, np = 0, pcap = 0;
		sqlite3_reset(sc);
		sqlite3_bind_int64(sc, 1, e->id);
		sqlite3_bind_text(sc, 2, it->code, -1, SQLITE_STATIC);
		while (sqlite3_step(sc) == SQLITE_ROW) {
			if (np == pcap) {
				pcap = pcap ? 2 * pcap : 8;
				pts = edu_realloc(pts, (size_t)pcap * sizeof *pts);
			}
			pts[np++] = sqlite3_column_int(sc, 0);
		}
		it->experts = np;
		if (np) {
			long sum;
			int count;
			edu_eval_trim(pts, np, &sum, &count);
			it->mean = (double)sum / count / 10;
			it->weighted = it->mean * it->weight / 10;
		}
		free(pts);
	}
	sqlite3_finalize(sc);
	sqlite3_finalize(st);
}

/* The level of a total: the highest threshold it reaches. */
static void find_level(sqlite3 *db, struct edu_eval *e)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT code, points FROM rubric WHERE standard = ?1 AND type = 'level' "
		"ORDER BY points DESC");

	sqlite3_bind_text(st, 1, e->standard, -1, SQLITE_STATIC);
	e->pass_mark = -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int thr = sqlite3_column_int(st, 1);
		e->pass_mark = thr;	/* the last row is the lowest */
		if (!e->level && micro(e->total) >= (long long)thr * 100000)
			e->level = edu_strdup(COL(st, 0));
	}
	sqlite3_finalize(st);
}

int edu_eval_load(sqlite3 *db, long id, struct edu_eval *e)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT v.standard, v.school_code, v.year, v.status, "
		"(SELECT points FROM rubric WHERE standard = v.standard "
		" AND type = 'validity' AND code = 'years') "
		"FROM evaluation v WHERE v.evaluation = ?1");
	double max_total = 0;

	memset(e, 0, sizeof *e);
	e->id = id;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return -1;
	}
	e->standard = edu_strdup(COL(st, 0));
	e->school = edu_strdup(COL(st, 1));
	e->year = sqlite3_column_int(st, 2);
	e->status = edu_strdup(COL(st, 3));
	e->years = sqlite3_column_int(st, 4) / 10;
	sqlite3_finalize(st);

	load_items(db, e);
	e->complete = e->n > 0;
	for (size_t i = 0; i < e->n; i++) {
		e->total += e->item[i].weighted;
		max_total += (double)e->item[i].max * e->item[i].weight / 100;
		if (!e->item[i].experts)
			e->complete = 0;
	}
	find_level(db, e);
	/* A weak indicator falls short of the pass mark's share of the
	 * rubric's maximum; a veto item below its line fails the school. */
	for (size_t i = 0; i < e->n; i++) {
		struct edu_eval_item *it = &e->item[i];
		if (!it->experts)
			continue;
		if (it->veto >= 0 && micro(it->mean) < (long long)it->veto * 100000) {
			it->vetoed = 1;
			e->vetoed++;
		}
		if (e->pass_mark >= 0 && max_total > 0 &&
		    micro(it->mean * max_total) < micro((double)it->max / 10 * e->pass_mark / 10))
			it->weak = 1;
		if (it->weak || it->vetoed)
			edu_buf_printf(&e->weak, "%s%s", e->weak.len ? " " : "", it->code);
	}
	e->pass = e->complete && e->level && !e->vetoed;
	if (!e->weak.s)
		edu_buf_puts(&e->weak, "");
	return 0;
}

void edu_eval_free(struct edu_eval *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->item[i].code);
		free(e->item[i].name);
	}
	free(e->item);
	free(e->standard);
	free(e->school);
	free(e->status);
	free(e->level);
	edu_buf_free(&e->weak);
	memset(e, 0, sizeof *e);
}

int edu_eval_until(int since, int years)
{
	/* A title of five years conferred on 2026-06-30 ends on 2031-06-29. */
	return years > 0 ? edu_add_months(since, 12 * years) - 1 : -1;
}

/* ---- applications of private schools ------------------------------------ */

/* The periods a decision is due in, counted from acceptance.  A period of
 * days or months whose last day is a day off ends on the next working
 * day; working days count only working days by the calendar. */
const struct edu_approval_rule edu_approval_rules[] = {
	/* 民办教育促进法 (2018 text) art. 14: 审批机关应当自受理筹设民办
	 * 学校的申请之日起三十日内以书面形式作出是否同意的决定. */
	{ .kind = "preparation", .name = "preparation (筹设)", .days = 30,
	  .source = "民办教育促进法 art. 14", .verified = 1 },
	/* art. 17: 申请正式设立民办学校的，审批机关应当自受理之日起三个月
	 * 内以书面形式作出是否批准的决定 (six months for higher education,
	 * which a city bureau does not approve). */
	{ .kind = "establishment", .name = "establishment (正式设立)", .months = 3,
	  .source = "民办教育促进法 art. 17", .verified = 1 },
	/* Changes (举办者, 名称, 层次, 类别): the law sets no period but for
	 * division and merger (art. 55, three months); the 2021
	 * implementing regulations were not at hand to check.  Until they
	 * are, the general period of an administrative licence applies:
	 * 行政许可法 art. 42, twenty days, working days by art. 82. */
	{ .kind = "change", .name = "change (变更)", .workdays = 20,
	  .source = "行政许可法 art. 42 (unverified against the 2021 implementing regulations)" },
	/* Termination (art. 56): likewise no period found in the law. */
	{ .kind = "termination", .name = "termination (终止)", .workdays = 20,
	  .source = "行政许可法 art. 42 (unverified against the 2021 implementing regulations)" },
	{ 0 }
};

const struct edu_approval_rule *edu_approval_rule(const char *kind)
{
	for (const struct edu_approval_rule *r = edu_approval_rules; r->kind; r++)
		if (kind && !strcmp(r->kind, kind))
			return r;
	return NULL;
}

int edu_approval_due(sqlite3 *db, const char *kind, int accepted)
{
	const struct edu_approval_rule *r = edu_approval_rule(kind);

	if (!r)
		return -1;
	/* Stored in application.due: provisional across a year without
	 * calendar rows (deadline.c). */
	return edu_deadline(db, "due", &(struct edu_due){ .start = accepted, .days = r->days,
				 .workdays = r->workdays, .months = r->months });
}

char *edu_approval_licence_no(sqlite3 *db, int day, char *err)
{
	char *pattern = edu_setting(db, "licence.pattern", "教民{region}{year}{seq:5}");
	char *region = edu_setting(db, "bureau.region", "");
	char year[8];
	int y, m, d;

	edu_ymd(day, &y, &m, &d);
	snprintf(year, sizeof year, "%04d", y);
	const struct edu_placeholder ph[] = { { "region", region }, { "year", year } };
	char *no = edu_pattern_next(db, "licence", pattern, ph, 2,
				    "SELECT 1 FROM licence WHERE number = ?", err);
	free(pattern);
	free(region);
	return no;
}

sqlite3_stmt *edu_approval_due_stmt(sqlite3 *db, int on, long within)
{
	char day[11];
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT a.application, a.kind, a.applicant, a.school_code, a.school_name, "
		"a.accepted_on, a.due, CAST(julianday(a.due) - julianday(?1) AS INTEGER) AS days_left, "
		EDU_PROVISIONAL_SQL("application", "CAST(a.application AS TEXT)") " AS provisional "
		"FROM application a WHERE a.status = 'accepted' AND "
		"(CASE WHEN ?2 < 0 THEN a.due < ?1 "
		" ELSE a.due >= ?1 AND julianday(a.due) - julianday(?1) <= ?2 END) "
		"ORDER BY a.due, a.application");

	sqlite3_bind_text(st, 1, edu_date_str(on, day), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, within);
	return st;
}

/* ---- teacher qualification (教师资格认定) -------------------------------- */

const struct edu_colname edu_teacher_cond_cols[EDU_TQ_NCOLS] = {
	{ "education", "学历|最高学历" },
	{ "putonghua", "普通话|普通话水平|普通话等级" },
	{ "exam_cert", "考试合格证明编号|合格证明编号" },
	{ "exam_date", "考试合格日期|合格证明日期" },
	{ "health_date", "体检日期" },
	{ "declaration", "个人承诺|承诺|无犯罪记录承诺" },
};

const char *const edu_teacher_conds[EDU_TQ_N] = {
	"education", "putonghua", "exam", "age", "health", "declaration",
};

/* Levels of education, lowest first: a level is enough when it is at or
 * above the category's.  The law names 幼儿师范 for kindergartens and
 * 中等师范 for primary schools; both are secondary normal schools, and
 * are one level here. */
const struct edu_enum edu_teacher_educations[] = {
	{ "high-school", "高中|普通高中" },
	{ "secondary", "中等职业学校|中专|中职|职高|技工学校" },
	{ "secondary-normal", "中等师范|中师|幼儿师范|幼师" },
	{ "associate", "专科|大专|高等师范专科" },
	{ "bachelor", "本科|大学本科" },
	{ "master", "硕士|硕士研究生|研究生" },
	{ "doctor", "博士|博士研究生" },
	{ NULL, NULL }
};

/* 教师法 art. 11: the education each category needs, by the index of
 * edu_teacher_educations (the category codes 1-7 in order). */
static const struct { const char *category; int level; const char *rule; } min_education[] = {
	{ "kindergarten", 2, "幼儿师范 or above" },		/* art. 11 (1) */
	{ "primary", 2, "中等师范 or above" },			/* art. 11 (2) */
	{ "junior", 3, "专科 or above" },			/* art. 11 (3) */
	{ "senior", 4, "本科 or above" },			/* art. 11 (4) */
	{ "vocational", 4, "本科 or above" },			/* art. 11 (4) */
	/* art. 11 (5) leaves it to the ministry: 《教师资格条例》实施
	 * 办法 (2000) art. 8, 中等职业学校 or above (unverified). */
	{ "vocational-practice", 1, "中等职业学校 or above" },
	{ "higher", 4, "本科 or above" },			/* art. 11 (6) */
	{ NULL, 0, NULL }
};

/* Putonghua levels (普通话水平测试等级标准), highest first. */
const struct edu_enum edu_putonghua_levels[] = {
	{ "1A", "一级甲等|一甲" },
	{ "1B", "一级乙等|一乙" },
	{ "2A", "二级甲等|二甲" },
	{ "2B", "二级乙等|二乙" },
	{ "3A", "三级甲等|三甲" },
	{ "3B", "三级乙等|三乙" },
	{ NULL, NULL }
};

static const struct edu_enum declarations[] = {
	{ "yes", "是|已承诺|无" },
	{ "no", "否|未承诺|有" },
	{ NULL, NULL }
};

static int enum_index(const struct edu_enum *e, const char *key)
{
	for (int i = 0; e[i].key; i++)
		if (!strcmp(e[i].key, key))
			return i;
	return -1;
}

/* Chinese-language teachers need 二级甲等. */
static int chinese_teacher(const char *subject)
{
	return subject && (strstr(subject, "语文") || strstr(subject, "汉语") ||
			   !strcasecmp(subject, "chinese"));
}

int edu_teacher_qualify(const struct edu_teacher_facts *f, int on,
			char why[EDU_TQ_N][EDU_ERR_MAX], const char **col, char *err)
{
	char v[EDU_VAL_MAX], d[11];
	int failed = 0, day;

	*col = NULL;
	for (int i = 0; i < EDU_TQ_N; i++)
		why[i][0] = '\0';
#define FAIL(i, ...) (snprintf(why[i], EDU_ERR_MAX, __VA_ARGS__), failed++)

	/* Education: 教师法 art. 11. */
	int need = -1;
	const char *rule = "";
	for (int i = 0; min_education[i].category; i++)
		if (!strcmp(min_education[i].category, f->category))
			need = min_education[i].level, rule = min_education[i].rule;
	if (!f->education || !*f->education) {
		FAIL(EDU_TQ_EDUCATION, "not given");
	} else if (edu_valid_enum(edu_teacher_educations, f->education, v, err) < 0) {
		*col = "education";
		return -1;
	} else if (enum_index(edu_teacher_educations, v) < need) {
		FAIL(EDU_TQ_EDUCATION, "%s: %s needs %s (教师法 art. 11)", v, f->category, rule);
	}

	/* Putonghua: 二级乙等 or better, 二级甲等 for Chinese teachers. */
	int zh = chinese_teacher(f->subject);
	if (!f->putonghua || !*f->putonghua) {
		FAIL(EDU_TQ_PUTONGHUA, "not given");
	} else if (edu_valid_enum(edu_putonghua_levels, f->putonghua, v, err) < 0) {
		*col = "putonghua";
		return -1;
	} else if (enum_index(edu_putonghua_levels, v) > enum_index(edu_putonghua_levels, zh ? "2A" : "2B")) {
		FAIL(EDU_TQ_PUTONGHUA, "%s: %s needs %s or better", v,
		     zh ? "a Chinese-language teacher" : "a teacher", zh ? "2A (二级甲等)" : "2B (二级乙等)");
	}

	/* The exam's certificate of passing (中小学教师资格考试合格证明),
	 * valid three years; teachers of higher education take no such
	 * exam. */
	if (!strcmp(f->category, "higher")) {
		;
	} else if (!f->exam_cert || !*f->exam_cert) {
		FAIL(EDU_TQ_EXAM, "no exam pass certificate");
	} else if (!f->exam_date || !*f->exam_date) {
		FAIL(EDU_TQ_EXAM, "the exam pass certificate's date is not given");
	} else if (edu_parse_date(f->exam_date, &day) < 0) {
		*col = "exam_date";
		snprintf(err, EDU_ERR_MAX, "'%s' is not a date", f->exam_date);
		return -1;
	} else if (day > on) {
		FAIL(EDU_TQ_EXAM, "passed on %s, after the day checked", edu_date_str(day, d));
	} else if (on > edu_add_months(day, 36) - 1) {
		FAIL(EDU_TQ_EXAM, "the pass of %s ran out on %s (three years)", f->exam_date,
		     edu_date_str(edu_add_months(day, 36) - 1, d));
	}

	/* Under the statutory retirement age (DESIGN 8, 2025 reform). */
	if (edu_parse_date(f->birth, &day) < 0) {
		*col = "birth_date";
		snprintf(err, EDU_ERR_MAX, "'%s' is not a date", f->birth);
		return -1;
	}
	int retire = edu_retire_day(day, edu_retire_kind(f->sex, "teacher"), NULL);
	if (on >= retire)
		FAIL(EDU_TQ_AGE, "reached the statutory retirement age on %s", edu_date_str(retire, d));

	/* A health check (体检) in the six months before (unverified: the
	 * province sets it). */
	if (!f->health_date || !*f->health_date) {
		FAIL(EDU_TQ_HEALTH, "no health check");
	} else if (edu_parse_date(f->health_date, &day) < 0) {
		*col = "health_date";
		snprintf(err, EDU_ERR_MAX, "'%s' is not a date", f->health_date);
		return -1;
	} else if (day > on) {
		FAIL(EDU_TQ_HEALTH, "checked on %s, after the day checked", edu_date_str(day, d));
	} else if (day < edu_add_months(on, -EDU_TQ_HEALTH_MONTHS)) {
		FAIL(EDU_TQ_HEALTH, "checked on %s, more than %d months before", edu_date_str(day, d),
		     EDU_TQ_HEALTH_MONTHS);
	}

	/* 教师法 art. 14: no one deprived of political rights or sentenced
	 * to prison for an intentional crime; the applicant declares it. */
	if (!f->declaration || !*f->declaration) {
		FAIL(EDU_TQ_DECLARATION, "not given");
	} else if (edu_valid_enum(declarations, f->declaration, v, err) < 0) {
		*col = "declaration";
		return -1;
	} else if (strcmp(v, "yes")) {
		FAIL(EDU_TQ_DECLARATION, "no declaration of a clean record (教师法 art. 14)");
	}
#undef FAIL
	return failed;
}
