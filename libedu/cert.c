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

int edu_cert_number(const char *pattern, const struct edu_cert_fields *f,
		    int64_t seq, struct edu_buf *out, char *err)
{
	char year[8] = "";

	if (f->year >= 1000 && f->year <= 9999)
		snprintf(year, sizeof year, "%d", f->year);
	const struct edu_placeholder ph[] = {
		{ "year", year }, { "region", f->region }, { "province", f->province },
		{ "body", f->body }, { "school", f->school },
		{ "category", f->category }, { "sex", f->sex },
	};
	return edu_pattern_expand(pattern, ph, sizeof ph / sizeof *ph, seq, out, err);
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
