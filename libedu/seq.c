/* seq.c - the bureau's settings and the sequences of serial numbers */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

char *edu_setting(sqlite3 *db, const char *key, const char *dflt)
{
	const char *p[] = { key };
	char *v = edu_query1(db, "SELECT value FROM setting WHERE key = ?", 1, p);

	if (!v && dflt)
		v = edu_strdup(dflt);
	return v;
}

static int digits6(const char *v, char *err)
{
	char out[EDU_VAL_MAX];

	return edu_valid_digits(v, 6, out, err);
}

int edu_pattern_check(const char *v, const char *const *names, char *err)
{
	int nseq = 0;

	for (const char *p = v; *p; p++) {
		if (*p == '}') {
			snprintf(err, EDU_ERR_MAX, "'}' without '{' in the pattern");
			return -1;
		}
		if (*p != '{')
			continue;
		const char *name = p + 1, *end = strchr(name, '}');
		if (!end) {
			snprintf(err, EDU_ERR_MAX, "'{' without '}' in the pattern");
			return -1;
		}
		size_t n = (size_t)(end - name);
		if (n > 4 && !memcmp(name, "seq:", 4)) {
			char *e;
			long w = strtol(name + 4, &e, 10);

			if (e != end || !isdigit((unsigned char)name[4]) || w < 1 ||
			    w > EDU_SEQ_WIDTH_MAX) {
				snprintf(err, EDU_ERR_MAX, "{%.*s}: the width N of {seq:N} is 1 to %d",
					 (int)(n < 40 ? n : 40), name, EDU_SEQ_WIDTH_MAX);
				return -1;
			}
			nseq++;
		} else {
			const char *const *k = names;

			while (k && *k && (strlen(*k) != n || memcmp(*k, name, n)))
				k++;
			if (k && !*k) {
				struct edu_buf all = { 0 };

				for (k = names; *k; k++)
					edu_buf_printf(&all, "{%s}, ", *k);
				snprintf(err, EDU_ERR_MAX, "{%.*s} is not a placeholder here (%s{seq:N})",
					 (int)(n < 40 ? n : 40), name, all.s);
				edu_buf_free(&all);
				return -1;
			}
		}
		p = end;
	}
	/* Without a serial the numbers are not unique; with two, one
	 * serial would stand for two. */
	if (nseq != 1) {
		snprintf(err, EDU_ERR_MAX, "a number pattern needs exactly one {seq:N}");
		return -1;
	}
	return 0;
}

static int pattern(const char *v, char *err)
{
	return edu_pattern_check(v, NULL, err);
}

static int cert_pattern(const char *v, char *err)
{
	static const char *const names[] = { "year", "region", "school", "category", "sex", NULL };

	return edu_pattern_check(v, names, err);
}

static int teacher_pattern(const char *v, char *err)
{
	static const char *const names[] = { "year", "province", "body", "category", "sex", NULL };

	return edu_pattern_check(v, names, err);
}

static int asset_pattern(const char *v, char *err)
{
	static const char *const names[] = { "unit", "year", NULL };

	return edu_pattern_check(v, names, err);
}

static int licence_pattern(const char *v, char *err)
{
	static const char *const names[] = { "region", "year", NULL };

	return edu_pattern_check(v, names, err);
}

static int nonempty(const char *v, char *err)
{
	if (!*v) {
		snprintf(err, EDU_ERR_MAX, "may not be empty");
		return -1;
	}
	return 0;
}

static int count(const char *v, char *err)
{
	char out[EDU_VAL_MAX];

	return edu_valid_int(v, 1, 1000, out, err);
}

/* A day of the year, MM-DD, that every year has (not 02-29). */
static int month_day(const char *v, char *err)
{
	int y, m, d;
	if (strlen(v) != 5 || v[2] != '-' || !isdigit((unsigned char)v[0]) ||
	    !isdigit((unsigned char)v[1]) || !isdigit((unsigned char)v[3]) ||
	    !isdigit((unsigned char)v[4]) ||
	    (m = atoi(v), d = atoi(v + 3), m < 1 || m > 12 || d < 1) ||
	    (edu_ymd(edu_days(2001, m, d), &y, &m, &d), d != atoi(v + 3))) {
		snprintf(err, EDU_ERR_MAX, "'%s' is not a day of the year as MM-DD (09-01)", v);
		return -1;
	}
	return 0;
}

static int fonds(const char *v, char *err)
{
	/* A fonds code (全宗号) starts every archive code: letters and
	 * digits only, so that the code's '-' separators stay unambiguous. */
	size_t n = strlen(v);

	if (n < 1 || n > 12) {
		snprintf(err, EDU_ERR_MAX, "a fonds code has 1 to 12 letters or digits");
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)v[i])) {
			snprintf(err, EDU_ERR_MAX, "a fonds code has only letters and digits");
			return -1;
		}
	return 0;
}

/* Words of letters, digits, '-' and '_', separated by spaces. */
static int words(const char *v, char *err)
{
	int n = 0;

	for (const char *p = v; *p; p++) {
		if (*p == ' ')
			continue;
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_') {
			snprintf(err, EDU_ERR_MAX, "'%c' may not be in a word: give words separated by spaces", *p);
			return -1;
		}
		if (p == v || p[-1] == ' ')
			n++;
	}
	if (!n) {
		snprintf(err, EDU_ERR_MAX, "give at least one word");
		return -1;
	}
	return 0;
}

/* A comma list of 1 to 8 subjects (letters, digits, '_'): the
 * tie-break order of admission. */
static int subjects(const char *v, char *err)
{
	int n = 0, len = 0;

	for (const char *p = v;; p++) {
		if (*p == ',' || !*p) {
			if (!len) {
				snprintf(err, EDU_ERR_MAX, "give subjects separated by commas, e.g. chinese,math,english");
				return -1;
			}
			n++;
			len = 0;
			if (!*p)
				break;
			continue;
		}
		if (!isalnum((unsigned char)*p) && *p != '_') {
			snprintf(err, EDU_ERR_MAX, "'%c' may not be in a subject: give subjects separated by commas", *p);
			return -1;
		}
		len++;
	}
	if (n > 8) {
		snprintf(err, EDU_ERR_MAX, "at most 8 subjects");
		return -1;
	}
	return 0;
}

/* Staff to students, "12.5" (one decimal at most), or empty: the kind
 * has no establishment ratio. */
static int ratio(const char *v, char *err)
{
	const char *dot = strchr(v, '.');
	size_t whole = dot ? (size_t)(dot - v) : strlen(v);

	if (!*v)
		return 0;
	if (!whole || whole > 4 || strspn(v, "0123456789") != whole ||
	    (dot && (strlen(dot + 1) != 1 || !isdigit((unsigned char)dot[1]))) ||
	    strtod(v, NULL) < 1) {
		snprintf(err, EDU_ERR_MAX, "give students per post, e.g. 12.5 (one decimal at most, at least 1), or nothing");
		return -1;
	}
	return 0;
}

static int weights(const char *v, char *err)
{
	struct edu_weight w[EDU_STAFF_SUBJECTS];

	if (edu_weights_parse(v, w, EDU_STAFF_SUBJECTS, err) < 1) {
		if (!*v)
			snprintf(err, EDU_ERR_MAX, "give at least one subject:weight");
		return -1;
	}
	return 0;
}

/* Schools with a percentage of posts added, "2111010235:10 ...". */
static int school_percents(const char *v, char *err)
{
	size_t max = strlen(v) / 2 + 1;
	struct edu_weight *w = edu_malloc(max * sizeof *w);
	int n = edu_weights_parse(v, w, (int)max, err), rc = n < 0 ? -1 : 0;

	for (int i = 0; i < n && !rc; i++)
		if (strlen(w[i].word) != 10 || w[i].word[strspn(w[i].word, "0123456789")] ||
		    w[i].weight > 100) {
			snprintf(err, EDU_ERR_MAX, "'%s:%ld': give school_code:percent pairs, a "
				 "10-digit code and 1 to 100 percent", w[i].word, w[i].weight);
			rc = -1;
		}
	free(w);
	return rc;
}

static int fallback(const char *v, char *err)
{
	if (strcmp(v, "none") && strcmp(v, "any")) {
		snprintf(err, EDU_ERR_MAX, "'%s' is not one of none, any", v);
		return -1;
	}
	return 0;
}

static int place_tiebreak(const char *v, char *err)
{
	if (words(v, err) < 0)
		return -1;
	for (const char *p = v + strspn(v, " "); *p; p += strspn(p, " ")) {
		size_t n = strcspn(p, " ");
		if (!(n == 4 && !strncmp(p, "cert", 4)) && !(n == 6 && !strncmp(p, "degree", 6)) &&
		    !(n == 4 && !strncmp(p, "none", 4))) {
			snprintf(err, EDU_ERR_MAX, "'%.*s' is not one of cert, degree, none", (int)n, p);
			return -1;
		}
		p += n;
	}
	return 0;
}

/* The subjects of a provincial score file: an alias table. */
static int subject_table(const char *v, char *err)
{
	struct edu_subject t[EDU_SUBJECTS_MAX];

	return edu_subjects_parse(v, t, EDU_SUBJECTS_MAX, err) < 0 ? -1 : 0;
}

/* The batches of admission in their order, each once. */
static int batches(const char *v, char *err)
{
	static const char known[] = "early quota general vocational";
	char w[16];
	int n = 0;

	for (const char *p = v; *(p += strspn(p, " "));) {
		size_t len = strcspn(p, " ");
		snprintf(w, sizeof w, "%.*s", (int)(len < sizeof w ? len : sizeof w - 1), p);
		if (len >= sizeof w || !edu_word_in(known, w))
			return snprintf(err, EDU_ERR_MAX, "'%.*s' is not a batch (%s)", (int)len, p,
					known), -1;
		if (edu_word_in(v, w) && strstr(v, w) != p)
			return snprintf(err, EDU_ERR_MAX, "batch %s is there twice", w), -1;
		p += len;
		n++;
	}
	if (!n)
		return snprintf(err, EDU_ERR_MAX, "give the batches in order, e.g. %s", known), -1;
	return 0;
}

/* The floor of quota seats: cutoff-N (points below the school's cutoff)
 * or a fixed score; points with at most one decimal place. */
static int quota_floor(const char *v, char *err)
{
	const char *p = !strncmp(v, "cutoff-", 7) ? v + 7 : v;
	size_t n = strspn(p, "0123456789");

	if (n && n < 6 && (!p[n] || (p[n] == '.' && p[n + 1] >= '0' && p[n + 1] <= '9' && !p[n + 2])))
		return 0;
	return snprintf(err, EDU_ERR_MAX, "give cutoff-N (N points below the school's cutoff) "
			"or a score, e.g. cutoff-20 or 520"), -1;
}

/* The settings the tools know, with defaults.  Another tool's keys are
 * added here with it, so `edu-db config list` shows every one. */
const struct edu_setting_def edu_settings[] = {
	{ "bureau.name", "", "the bureau's name, for reports and certificates", nonempty },
	{ "bureau.region", "", "the bureau's 6-digit area code (GB/T 2260)", digits6 },
	{ "bureau.doc_prefix", "", "the issuer abbreviation of outgoing document numbers, e.g. 西教发", nonempty },
	{ "cadre.punish.warning", "6", "months a warning (警告) is in effect", count },
	{ "cadre.punish.demerit", "12", "months a demerit (记过) is in effect", count },
	{ "cadre.punish.major-demerit", "18", "months a major demerit (记大过) is in effect", count },
	{ "cadre.punish.demotion", "24", "months a demotion (降级) is in effect", count },
	{ "cadre.punish.removal", "24", "months a removal from post (撤职) is in effect", count },
	/* 中小学教师水平评价基本标准条件 (人社部发〔2015〕79号, annex): the
	 * years in the title below by degree; 本科/学士 (and 专科 for 一级
	 * and 高级 in primary and junior schools) are the plain keys. */
	{ "cadre.title_years.first", "4", "years as 二级教师 before 一级教师 (学士, 本科, 专科)", count },
	{ "cadre.title_years.first.master", "2", "years as 二级教师 before 一级教师 with a 硕士 degree", count },
	{ "cadre.title_years.first.doctor", "0", "years as 二级教师 before 一级教师 with a 博士 degree", count },
	{ "cadre.title_years.senior", "5", "years as 一级教师 before 高级教师 (学士, 本科, 专科)", count },
	{ "cadre.title_years.senior.master", "5", "years as 一级教师 before 高级教师 with a 硕士 degree", count },
	{ "cadre.title_years.senior.doctor", "2", "years as 一级教师 before 高级教师 with a 博士 degree", count },
	{ "cadre.title_years.full", "5", "years as 高级教师 before 正高级教师", count },
	{ "cadre.title_years.full.master", "5", "years as 高级教师 before 正高级教师 with a 硕士 degree", count },
	{ "cadre.title_years.full.doctor", "5", "years as 高级教师 before 正高级教师 with a 博士 degree", count },
	{ "cadre.training_hours", "360", "hours of training a teacher needs in a five-year cycle", count },
	{ "archive.fonds", "", "the fonds code (全宗号) that starts archive codes, e.g. J001", fonds },
	{ "petition.result_classes", "A B C", "the result classes of replies to deputies' suggestions and CPPCC proposals, separated by spaces (A solved, B being solved, C for reference)", words },
	{ "cert.junior.pattern", "{year}{region}{category}{seq:6}", "the pattern of junior graduation certificate numbers (初中毕业证书): {year} of graduation, {region}, {school}, {category} (1 junior, 2 senior, 3 vocational), {sex} (1 male, 2 female), {seq:N}", cert_pattern },
	{ "cert.senior.pattern", "{year}{region}{category}{seq:6}", "the pattern of senior graduation certificate numbers (高中毕业证书), placeholders as for cert.junior.pattern", cert_pattern },
	{ "cert.proof.pattern", "ZM{year}{region}{category}{seq:5}", "the pattern of graduation proof numbers (毕业证明书, for a lost or damaged graduation certificate), placeholders as for cert.junior.pattern; {year} is the year of graduation", cert_pattern },
	{ "cert.vocational.pattern", "{year}{region}{category}{seq:6}", "the pattern of vocational graduation certificate numbers (中职毕业证书), placeholders as for cert.junior.pattern", cert_pattern },
	{ "cert.teacher.pattern", "{year}{province}{body}{category}{sex}{seq:6}", "the pattern of teacher-qualification certificate numbers (教师资格证书): {year} of issue, {province} (2 digits of bureau.region), {body} (3-digit certifying body), {category} (type 1-7), {sex}, {seq:N}", teacher_pattern },
	{ "asset.pattern", "{unit}-{year}-{seq:5}", "the pattern of generated asset tags: {unit}, {year} (acquired), {seq:N}", asset_pattern },
	{ "licence.pattern", "教民{region}{year}{seq:5}", "the pattern of the licence numbers (办学许可证号) an approved establishment is given: {region}, {year} (of approval), {seq:N}", licence_pattern },
	{ "licence.years", "5", "years a licence issued on an approved establishment is valid", count },
	{ "report.as_of", "09-01", "the statistical reference day of the school year, MM-DD: edu-report counts stocks on it and flows over the year before it (学年初; the day is local practice)", month_day },
	{ "exam.tiebreak", "chinese,math,english", "the subjects that break ties of total score in admission, in order, before the lottery", subjects },
	/* Establishment (编制): 中央编办发〔2014〕72号 makes town and country
	 * alike: senior 1:12.5, junior 1:13.5, primary 1:19; kindergartens
	 * 教师〔2013〕1号: whole-day 1:5 to 1:7 staff to children (6 is the
	 * middle).  Special schools: not verified here. */
	{ "staff.ratio.senior", "12.5", "students per post (编制) at senior stage (中央编办发〔2014〕72号)", ratio },
	{ "staff.ratio.junior", "13.5", "students per post at junior stage (中央编办发〔2014〕72号)", ratio },
	{ "staff.ratio.primary", "19", "students per post at primary stage (中央编办发〔2014〕72号)", ratio },
	{ "staff.ratio.kindergarten", "6", "children per post in a whole-day kindergarten (教师〔2013〕1号: 5 to 7; the middle)", ratio },
	{ "staff.ratio.special", "3", "students per post in a special school (unverified default: set it from the provincial standard)", ratio },
	{ "staff.ratio.vocational", "", "students per post in a vocational school (no national default: empty, no quota)", ratio },
	/* Subject shares: 义务教育课程方案（2022年版）(教材〔2022〕2号), the
	 * middle of each subject's share of the nine years' hours; 普通高中
	 * 课程方案（2017年版2020年修订）(教材〔2020〕3号), compulsory credits. */
	{ "staff.subjects.primary", "chinese:21 math:14 english:7 moral:7 science:9 pe:11 arts:10 it:2 other:19", "the share of a primary school's posts per subject, as weights (the 2022 compulsory-education plan's shares of hours)", weights },
	{ "staff.subjects.junior", "chinese:21 math:14 english:7 moral:7 history:4 geography:3 science:9 pe:11 arts:10 it:2 other:12", "the share of a junior school's posts per subject, as weights (the 2022 compulsory-education plan's shares of hours)", weights },
	{ "staff.subjects.senior", "chinese:8 math:8 english:6 politics:6 history:4 geography:4 physics:6 chemistry:4 biology:4 technology:6 arts:6 pe:12 other:14", "the share of a senior school's posts per subject, as weights (the 2017/2020 senior plan's compulsory credits)", weights },
	{ "staff.subjects.kindergarten", "preschool:1", "the subjects of kindergarten posts, as weights", weights },
	/* Boarding and remote schools: 中央编办发〔2014〕72号 asks that they be
	 * favoured; no national figure is verified here, so none by default. */
	{ "staff.extra.boarding", "", "boarding schools and the percentage of posts added to their quota for boarding (school_code:percent ..., unverified: no national figure)", school_percents },
	{ "staff.extra.remote", "", "remote and small rural schools and the percentage of posts added to their quota (school_code:percent ..., unverified: no national figure)", school_percents },
	{ "place.fallback", "none", "graduates whose choices are full: none (stay unplaced) or any (offered the remaining posts of their subject and stage)", fallback },
	{ "place.tiebreak", "cert degree", "equal scores in the graduate placement: cert (a teacher certificate first), degree (the higher first), in order, before the lottery; none for the lottery alone", place_tiebreak },
	{ "exam.subjects", EDU_EXAM_SUBJECTS, "the subjects of the provincial score file: key=中文名:full marks (or :grade for a component graded A to D), separated by spaces; score_<key> and the Chinese name both name the column", subject_table },
	{ "exam.batches", "early quota general vocational", "the batches of admission in their order: early (提前批), quota (名额分配), general (统招), vocational (职高)", batches },
	{ "exam.quota_floor", "cutoff-20", "the lowest total quota seats (名额分配) admit: cutoff-N, N points below the school's cutoff in the admission without the quota batch, or a fixed score; never below the school's min_score", quota_floor },
	{ NULL, NULL, NULL, NULL }
};

const struct edu_setting_def *edu_setting_def(const char *key)
{
	for (const struct edu_setting_def *d = edu_settings; d->key; d++)
		if (!strcmp(d->key, key))
			return d;
	/* Number patterns of any kind share one rule. */
	size_t n = strlen(key);
	static const struct edu_setting_def pat = { "*.pattern", "", "a number pattern", pattern };
	if (n > 8 && !strcmp(key + n - 8, ".pattern"))
		return &pat;
	return NULL;
}

int edu_setting_check(const char *key, const char *value)
{
	const struct edu_setting_def *d = edu_setting_def(key);
	char err[EDU_ERR_MAX];

	if (!d)
		return edu_error("unknown setting '%s' (see 'edu-db config list')", key);
	if (d->check && d->check(value, err) < 0)
		return edu_error("%s: %s", key, err);
	return 0;
}

static long drawn;

long edu_seq_drawn(void)
{
	return drawn;
}

int64_t edu_seq_next(sqlite3 *db, const char *scope)
{
	sqlite3_stmt *st = edu_prepare(db,
		"INSERT INTO sequence(scope, last) VALUES (?, 1) "
		"ON CONFLICT(scope) DO UPDATE SET last = last + 1 RETURNING last");
	int64_t v;

	sqlite3_bind_text(st, 1, scope, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW)
		edu_die_db(db, "cannot take a number");
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	drawn++;
	return v;
}
