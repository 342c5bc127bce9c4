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

/* ---- the words of a certificate ----------------------------------------- */

const struct edu_enum edu_cert_kinds[] = {
	{ "junior", "初中|初中毕业证书" },
	{ "senior", "高中|高中毕业证书" },
	{ "vocational", "中职|中职毕业证书" },
	{ "teacher", "教师资格|教师资格证书" },
	{ NULL, NULL }
};

const struct edu_enum edu_cert_sexes[] = {
	{ "M", "男|男性" },
	{ "F", "女|女性" },
	{ NULL, NULL }
};

const struct edu_enum edu_cert_categories[] = {
	{ "kindergarten", "幼儿园" },
	{ "primary", "小学" },
	{ "junior", "初级中学|初中" },
	{ "senior", "高级中学|高中" },
	{ "vocational", "中等职业学校|中职" },
	{ "vocational-practice", "中等职业学校实习指导|中职实习指导" },
	{ "higher", "高等学校|高校" },
	{ NULL, NULL }
};

const struct edu_enum edu_cert_statuses[] = {
	{ "valid", "有效" },
	{ "revoked", "撤销|已撤销" },
	{ "replaced", "补发|已补发|换发" },
	{ NULL, NULL }
};

const struct edu_enum edu_cert_reissue_reasons[] = {
	{ "lost", "遗失|丢失" },
	{ "damaged", "损坏|污损" },
	{ "correction", "更正|信息更正" },
	{ NULL, NULL }
};

const char *edu_cert_reissue_refusal(const char *kind, const char *reason)
{
	if (strcmp(kind, "teacher") && strcmp(reason, "correction"))
		return "a lost or damaged graduation certificate is not reissued: "
		       "issue a 毕业证明书 with 'edu-cert proof'";
	return NULL;
}

const char *edu_cert_stage_rule(const char *kind)
{
	if (!strcmp(kind, "junior"))
		return "grade 9 at a junior, nine-year or complete school";
	if (!strcmp(kind, "senior"))
		return "grade 12 at a senior or complete school";
	return "a vocational school";
}

int edu_cert_category(const char *kind, const char *category)
{
	return !strcmp(kind, "teacher") ? edu_teacher_category_code(category)
					: edu_cert_kind_code(kind);
}

/* ---- teacher applicants ------------------------------------------------ */

const struct edu_colname edu_cert_teacher_cols[EDU_CERT_NTEACHER] = {
	{ "id_number", "身份证号|身份证号码|公民身份号码" },
	{ "name", "姓名" },
	{ "sex", "性别" },
	{ "birth_date", "出生日期" },
	{ "category", "资格种类|类别" },
	{ "subject", "任教学科|学科" },
	{ "body", "认定机构|认定机构代码" },
};

int edu_cert_teacher_row(const char *const *raw, char v[][EDU_VAL_MAX],
			 const char **col, char *err)
{
	int birth, male, bday;
	const char *name;
	size_t nlen = edu_name_trim(raw[1], &name);

	*col = NULL;
	if (nlen < EDU_VAL_MAX) {
		memcpy(v[1], name, nlen);
		v[1][nlen] = '\0';
	}
	if (edu_valid_id(raw[0], v[0], &birth, &male, err) < 0)
		*col = "id_number";
	else if (!nlen)
		*col = "name", snprintf(err, EDU_ERR_MAX, "may not be empty%s",
					*raw[1] ? " (it is only blanks)" : "");
	else if (nlen >= EDU_VAL_MAX)
		*col = "name", snprintf(err, EDU_ERR_MAX, "too long: at most %d bytes",
					EDU_VAL_MAX - 1);
	else if (edu_valid_enum(edu_cert_sexes, raw[2], v[2], err) < 0)
		*col = "sex";
	else if (edu_valid_date(raw[3], v[3], err) < 0)
		*col = "birth_date";
	else if (edu_valid_enum(edu_cert_categories, raw[4], v[4], err) < 0)
		*col = "category";
	else if (edu_valid_digits(raw[6], 3, v[6], err) < 0)
		*col = "body";
	else if (edu_parse_date(v[3], &bday), bday != birth)
		*col = "birth_date", snprintf(err, EDU_ERR_MAX, "does not agree with the ID number");
	else if ((v[2][0] == 'M') != male)
		*col = "sex", snprintf(err, EDU_ERR_MAX, "does not agree with the ID number");
	return *col ? -1 : 0;
}

/* ---- the register ------------------------------------------------------ */

int edu_cert_holds(sqlite3 *db, const char *kind, const char *holder,
		   const char *category, char **revoked)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT max(status = 'valid'), "
		"(SELECT cert_no FROM certificate WHERE holder = ?1 AND kind = ?2 "
		"  AND coalesce(category, '') = coalesce(?3, '') AND status = 'revoked' "
		"  ORDER BY revoked_on DESC, cert_no DESC LIMIT 1) "
		"FROM certificate WHERE holder = ?1 AND kind = ?2 "
		"AND coalesce(category, '') = coalesce(?3, '')");
	int valid = 0;

	edu_bind_text(st, 1, holder);
	edu_bind_text(st, 2, kind);
	edu_bind_text(st, 3, category);
	*revoked = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		valid = sqlite3_column_int(st, 0);
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			*revoked = edu_strdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return valid;
}

#define COL(st, i) ((const char *)sqlite3_column_text((st), (i)))

/* The name asked about, without the blanks around it, is the holder's. */
static int same_name(const char *given, const char *holder)
{
	const char *p;
	size_t n = edu_name_trim(given, &p);

	return strlen(holder) == n && !memcmp(p, holder, n);
}

int edu_cert_verify(sqlite3 *db, const char *no, const char *name,
		    const char *id, struct edu_buf *say)
{
	sqlite3_stmt *st = edu_prepare(db,
		"SELECT status, revoked_on, reason, replaced_by, name, id_number, form, "
		"replaces FROM certificate WHERE cert_no = ?1");
	int valid = 0;

	say->len = 0;
	edu_buf_puts(say, "");
	sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		edu_buf_printf(say, "unknown: no certificate %s", no);
	} else if (!strcmp(COL(st, 0), "revoked")) {
		edu_buf_printf(say, "revoked on %s for %s", COL(st, 1),
			       COL(st, 2) ? COL(st, 2) : "no reason given");
	} else if (!strcmp(COL(st, 0), "replaced")) {
		edu_buf_printf(say, "replaced by %s", COL(st, 3));
	} else if (name && !same_name(name, COL(st, 4))) {
		edu_buf_puts(say, "name does not match");
	} else if (id) {
		char norm[EDU_VAL_MAX], err[EDU_ERR_MAX];
		const char *given = edu_valid_id(id, norm, NULL, NULL, err) == 0 ? norm : id;
		if (!COL(st, 5) || strcmp(given, COL(st, 5)))
			edu_buf_puts(say, "id number does not match");
		else
			valid = 1;
	} else {
		valid = 1;
	}
	if (valid)
		edu_buf_puts(say, "valid");
	if (valid && !strcmp(COL(st, 6), "proof") && COL(st, 7))
		edu_buf_printf(say, ": a graduation proof (毕业证明书) in place of %s", COL(st, 7));
	sqlite3_finalize(st);
	return valid;
}

/* ---- issuing ----------------------------------------------------------- */

static const char *const out_cols[] = { "cert_no", "kind", "holder", "name", "sex",
	"birth_date", "id_number", "school_code", "school_name", "category", "subject",
	"issued_on", "batch" };
#define NOUT 13

void edu_cert_issuer_init(struct edu_cert_issuer *is, sqlite3 *db, const char *kind,
			  const char *batch, int day)
{
	memset(is, 0, sizeof *is);
	is->db = db;
	is->kind = kind;
	is->form = "certificate";
	char *key = edu_asprintf("cert.%s.pattern", kind);
	is->pattern = edu_setting(db, key, edu_cert_default_pattern(kind));
	free(key);
	is->region = edu_setting(db, "bureau.region", "");
	snprintf(is->province, sizeof is->province, "%.2s", is->region);
	is->seqs = edu_seqs_new(db);
	edu_date_str(day, is->day);
	is->batch = batch;
	is->ins = edu_prepare(db,
		"INSERT INTO certificate (cert_no, kind, holder, name, sex, birth_date, "
		"id_number, school_code, school_name, category, subject, body, year, "
		"issued_on, batch, replaces, form) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
	is->ev = edu_prepare(db,
		"INSERT INTO certificate_event (cert_no, day, kind, reason, other, "
		"from_status, to_status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	/* The rows go out as they are issued: libedu holds stdout until the
	 * commit (in a file, not memory), prints nothing on a rollback, and
	 * exits 79 when they cannot be printed after it. */
	is->out = edu_out_new(stdout, NOUT, out_cols);
}

void edu_cert_issuer_proof(struct edu_cert_issuer *is)
{
	free(is->pattern);
	is->pattern = edu_setting(is->db, "cert.proof.pattern",
				  edu_setting_def("cert.proof.pattern")->dflt);
	is->form = "proof";
}

void edu_cert_issuer_end(struct edu_cert_issuer *is)
{
	edu_out_end(is->out);
	sqlite3_finalize(is->ins);
	sqlite3_finalize(is->ev);
	edu_seqs_free(is->seqs);
	free(is->pattern);
	free(is->region);
	edu_buf_free(&is->num);
	edu_buf_free(&is->scope);
	edu_buf_free(&is->audit);
}

void edu_cert_event(sqlite3 *db, sqlite3_stmt *ev, const char *no, const char *day,
		    const char *kind, const char *reason, const char *other,
		    const char *from, const char *to)
{
	const char *p[] = { no, day, kind, reason, other, from, to };

	for (int i = 0; i < 7; i++)
		edu_bind_text(ev, i + 1, p[i]);
	edu_exec_stmt(db, ev);
}

static void json_field(struct edu_buf *b, const char *name, const char *value)
{
	if (!value || !*value)
		return;
	edu_buf_puts(b, b->len > 1 ? "," : "");
	edu_buf_json(b, name);
	edu_buf_puts(b, ":");
	edu_buf_json(b, value);
}

/* The number of one certificate, from the kind's pattern and the serial
 * of its scope (the pattern with {seq} left out); dies on a pattern that
 * cannot number this holder. */
static void number(struct edu_cert_issuer *is, const struct edu_cert_holder *h)
{
	char err[EDU_ERR_MAX], cat[12];
	snprintf(cat, sizeof cat, "%d", edu_cert_category(is->kind, h->category));
	struct edu_cert_fields f = {
		.year = h->year, .region = is->region, .province = is->province,
		.body = h->body, .school = h->school, .category = cat,
		.sex = !strcmp(h->sex, "M") ? "1" : "2",
	};

	/* A proof's serial is its own, whatever its pattern: never a
	 * certificate's. */
	const char *setting = strcmp(is->form, "proof") ? is->kind : "proof";
	if (edu_cert_number(is->pattern, &f, -1, &is->scope, err) < 0) {
		edu_rollback(is->db);
		edu_die(EDU_ECONFIG, "cert.%s.pattern '%s': %s (see 'edu-db config list')",
			setting, is->pattern, err);
	}
	char *scope = edu_asprintf("cert.%s:%s", setting, is->scope.s);
	int64_t seq = edu_seqs_next(is->seqs, scope);
	free(scope);
	if (edu_cert_number(is->pattern, &f, seq, &is->num, err) < 0) {
		edu_rollback(is->db);
		edu_die(EDU_ECONFIG, "cert.%s.pattern '%s': %s", setting, is->pattern, err);
	}
}

const char *edu_cert_issue(struct edu_cert_issuer *is, const struct edu_cert_holder *h,
			   const char *note_key, const char *note, const char *replaces)
{
	char year[12];

	number(is, h);
	snprintf(year, sizeof year, "%d", h->year);
	const char *p[] = { is->num.s, is->kind, h->holder, h->name, h->sex, h->birth,
			    h->id, h->school, h->school_name, h->category, h->subject,
			    h->body, year, is->day, is->batch, replaces, is->form };
	for (int i = 0; i < 17; i++)
		edu_bind_text(is->ins, i + 1, p[i]);
	if (sqlite3_step(is->ins) != SQLITE_DONE) {
		/* A number made by an earlier pattern may be taken already. */
		int ext = sqlite3_extended_errcode(is->db);
		sqlite3_reset(is->ins);
		edu_rollback(is->db);
		if (ext == SQLITE_CONSTRAINT_PRIMARYKEY)
			edu_die(EDU_ECONFIG, "certificate number %s exists already: change cert.%s.pattern",
				is->num.s, is->kind);
		edu_die_db(is->db, "cannot write a certificate");
	}
	sqlite3_reset(is->ins);
	/* The record itself says when it was issued; a reissue is also an
	 * event of the new number, linking it to the old. */
	if (replaces)
		edu_cert_event(is->db, is->ev, is->num.s, is->day, "reissue", note,
			       replaces, NULL, "valid");
	is->issued++;
	if (!is->batch_audit) {
		is->audit.len = 0;
		edu_buf_puts(&is->audit, "{");
		json_field(&is->audit, "kind", is->kind);
		if (strcmp(is->form, "certificate"))
			json_field(&is->audit, "form", is->form);
		json_field(&is->audit, "holder", h->holder);
		json_field(&is->audit, "name", h->name);
		json_field(&is->audit, "school_code", h->school);
		json_field(&is->audit, "category", h->category);
		json_field(&is->audit, "issued_on", is->day);
		json_field(&is->audit, "batch", is->batch);
		json_field(&is->audit, "replaces", replaces);
		json_field(&is->audit, note_key, note);
		edu_buf_puts(&is->audit, "}");
		edu_audit(is->db, "certificate", is->num.s, is->audit.s);
	}
	edu_run_number(is->num.s);
	const char *row[NOUT] = { is->num.s, is->kind, h->holder, h->name, h->sex,
				  h->birth, h->id, h->school, h->school_name, h->category,
				  h->subject, is->day, is->batch };
	edu_out_row(is->out, row);
	if (!is->first[0])
		snprintf(is->first, sizeof is->first, "%s", is->num.s);
	return is->num.s;
}

void edu_cert_batch_audit(struct edu_cert_issuer *is, const char *school, long year)
{
	if (!is->issued)
		return;
	char *key = edu_asprintf("issue %s %ld", is->kind, year);
	char *chg = edu_asprintf("{\"issued\":%ld,\"first\":\"%s\",\"last\":\"%s\"}",
				 is->issued, is->first, is->num.s);
	is->audit.len = 0;
	edu_buf_puts(&is->audit, "{");
	json_field(&is->audit, "kind", is->kind);
	json_field(&is->audit, "school_code", school);
	json_field(&is->audit, "issued_on", is->day);
	json_field(&is->audit, "batch", is->batch);
	edu_buf_printf(&is->audit, ",%s", chg + 1);
	edu_audit(is->db, "certificate", key, is->audit.s);
	free(key);
	free(chg);
}
