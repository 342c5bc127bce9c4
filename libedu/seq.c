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

static int pattern(const char *v, char *err)
{
	/* A number pattern without a serial cannot give unique numbers. */
	if (!strstr(v, "{seq")) {
		snprintf(err, EDU_ERR_MAX, "a number pattern needs a {seq:N} placeholder");
		return -1;
	}
	return 0;
}

static int nonempty(const char *v, char *err)
{
	if (!*v) {
		snprintf(err, EDU_ERR_MAX, "may not be empty");
		return -1;
	}
	return 0;
}

/* The settings the tools know, with defaults.  Another tool's keys are
 * added here with it, so `edu-db config list` shows every one. */
const struct edu_setting_def edu_settings[] = {
	{ "bureau.name", "", "the bureau's name, for reports and certificates", nonempty },
	{ "bureau.region", "", "the bureau's 6-digit area code (GB/T 2260)", digits6 },
	{ "bureau.doc_prefix", "", "the issuer abbreviation of outgoing document numbers, e.g. 西教发", nonempty },
	{ "asset.pattern", "{unit}-{year}-{seq:5}", "the pattern of generated asset tags: {unit}, {year} (acquired), {seq:N}", pattern },
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
	return v;
}
