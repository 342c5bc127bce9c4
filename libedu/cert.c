/* cert.c - certificate numbers from patterns, the schools whose graduates
 * a kind of certificate is for, teacher-qualification categories */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"

static const char *const teacher_categories[] = { "kindergarten", "primary",
	"junior", "senior", "vocational", "vocational-practice", "higher", NULL };

int edu_teacher_category_code(const char *category)
{
	for (int i = 0; category && teacher_categories[i]; i++)
		if (!strcmp(category, teacher_categories[i]))
			return i + 1;
	return -1;
}

int edu_cert_kind_code(const char *kind)
{
	static const char *const k[] = { "junior", "senior", "vocational", "teacher" };

	for (int i = 0; kind && i < 4; i++)
		if (!strcmp(kind, k[i]))
			return i + 1;
	return -1;
}

int edu_cert_qualifies(const char *kind, const char *school_kind, int grade)
{
	if (!kind || !school_kind)
		return 0;
	if (!strcmp(kind, "junior"))
		return grade == 9 && (!strcmp(school_kind, "junior") ||
			!strcmp(school_kind, "nine-year") || !strcmp(school_kind, "complete"));
	if (!strcmp(kind, "senior"))
		return grade == 12 && (!strcmp(school_kind, "senior") ||
			!strcmp(school_kind, "complete"));
	if (!strcmp(kind, "vocational"))
		return grade == 12 && !strcmp(school_kind, "vocational");
	return 0;
}

const char *edu_cert_default_pattern(const char *kind)
{
	if (kind && !strcmp(kind, "teacher"))
		return "{year}{province}{body}{category}{sex}{seq:6}";
	return "{year}{region}{category}{seq:6}";
}

/* The value of one placeholder, or NULL when the certificate has none. */
static const char *field(const struct edu_cert_fields *f, const char *name,
			 size_t n, char year[8])
{
	if (n == 4 && !memcmp(name, "year", 4)) {
		if (f->year < 1000 || f->year > 9999)
			return NULL;
		snprintf(year, 8, "%d", f->year);
		return year;
	}
	static const struct { const char *name; size_t off; } map[] = {
		{ "region", offsetof(struct edu_cert_fields, region) },
		{ "province", offsetof(struct edu_cert_fields, province) },
		{ "body", offsetof(struct edu_cert_fields, body) },
		{ "school", offsetof(struct edu_cert_fields, school) },
		{ "category", offsetof(struct edu_cert_fields, category) },
		{ "sex", offsetof(struct edu_cert_fields, sex) },
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strlen(map[i].name) == n && !memcmp(name, map[i].name, n)) {
			const char *v = *(const char *const *)((const char *)f + map[i].off);
			return v && *v ? v : NULL;
		}
	return NULL;
}

int edu_cert_number(const char *pattern, const struct edu_cert_fields *f,
		    int64_t seq, struct edu_buf *out, char *err)
{
	char year[8];
	int nseq = 0;

	out->len = 0;
	edu_buf_add(out, "", 0);
	for (const char *p = pattern; *p; ) {
		if (*p != '{') {
			edu_buf_add(out, p++, 1);
			continue;
		}
		const char *end = strchr(p, '}');
		if (!end) {
			snprintf(err, EDU_ERR_MAX, "'{' without '}' in the pattern");
			return -1;
		}
		const char *name = p + 1;
		size_t n = (size_t)(end - name);
		if (n > 4 && !memcmp(name, "seq:", 4)) {
			char *e;
			long w = strtol(name + 4, &e, 10);
			if (e != end || w < 1 || w > EDU_SEQ_WIDTH_MAX) {
				snprintf(err, EDU_ERR_MAX, "{seq:N} needs a width N from 1 to %d", EDU_SEQ_WIDTH_MAX);
				return -1;
			}
			nseq++;
			if (seq < 0) {
				edu_buf_add(out, "*", 1);
			} else {
				char num[32];
				int len = snprintf(num, sizeof num, "%0*lld", (int)w, (long long)seq);
				if (len > w) {
					snprintf(err, EDU_ERR_MAX, "serial %lld does not fit in {seq:%ld}",
						 (long long)seq, w);
					return -1;
				}
				edu_buf_add(out, num, (size_t)len);
			}
		} else {
			const char *v = field(f, name, n, year);
			if (!v) {
				snprintf(err, EDU_ERR_MAX, "no value for {%.*s}", (int)n, name);
				return -1;
			}
			edu_buf_puts(out, v);
		}
		p = end + 1;
	}
	if (nseq != 1) {
		snprintf(err, EDU_ERR_MAX, "a number pattern needs exactly one {seq:N}");
		return -1;
	}
	return 0;
}

/* ---- serial numbers of a batch ----------------------------------------- */

/* A batch takes thousands of numbers from a few scopes: each scope's last
 * number is read once and written back once, in the caller's
 * transaction, rather than a statement per number. */
struct edu_seqs {
	sqlite3 *db;
	struct { char *scope; int64_t last, first; } *s;
	size_t n, cap, hit;
};

struct edu_seqs *edu_seqs_new(sqlite3 *db)
{
	struct edu_seqs *q = edu_malloc(sizeof *q);

	memset(q, 0, sizeof *q);
	q->db = db;
	return q;
}

int64_t edu_seqs_next(struct edu_seqs *q, const char *scope)
{
	size_t i = q->hit;

	if (i >= q->n || strcmp(q->s[i].scope, scope))
		for (i = 0; i < q->n && strcmp(q->s[i].scope, scope); i++)
			;
	if (i == q->n) {
		const char *p[] = { scope };
		char *v = edu_query1(q->db, "SELECT last FROM sequence WHERE scope = ?", 1, p);
		if (q->n == q->cap) {
			q->cap = q->cap ? 2 * q->cap : 8;
			q->s = edu_realloc(q->s, q->cap * sizeof *q->s);
		}
		q->s[i].scope = edu_strdup(scope);
		q->s[i].last = q->s[i].first = v ? strtoll(v, NULL, 10) : 0;
		free(v);
		q->n++;
	}
	q->hit = i;
	return ++q->s[i].last;
}

void edu_seqs_save(struct edu_seqs *q)
{
	sqlite3_stmt *st = edu_prepare(q->db,
		"INSERT INTO sequence(scope, last) VALUES (?1, ?2) "
		"ON CONFLICT(scope) DO UPDATE SET last = max(last, ?2)");

	for (size_t i = 0; i < q->n; i++) {
		if (q->s[i].last == q->s[i].first)
			continue;
		sqlite3_bind_text(st, 1, q->s[i].scope, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, q->s[i].last);
		edu_exec_stmt(q->db, st);
		q->s[i].first = q->s[i].last;
	}
	sqlite3_finalize(st);
}

void edu_seqs_free(struct edu_seqs *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->n; i++)
		free(q->s[i].scope);
	free(q->s);
	free(q);
}
