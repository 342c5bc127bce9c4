/* drive.c - the key-verb driver: one way to apply a change to records
 * named by key (DESIGN 3, 11).  See edu.h for the rule it keeps. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "edu.h"

#define MAX_SHOWN 100	/* refusals reported one by one */

int edu_key_refuse(struct edu_key *k, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(k->why, sizeof k->why, fmt, ap);
	va_end(ap);
	return EDU_KEY_REFUSED;
}

int edu_key_in_order(struct edu_key *k, const char *last)
{
	/* Events in the order of their days, or --as-of could not tell
	 * what was true. */
	if (last && *last && strcmp(k->on, last) < 0)
		return edu_key_refuse(k, "--on %s is before its last change, on %s",
				      k->on, last);
	return 0;
}

static void report(const struct edu_keyverb *kv, const struct edu_key *k)
{
	if (k->line)
		edu_warn("-:%ld: %s %s: %s", k->line, kv->noun, k->key, k->why);
	else
		edu_warn("%s %s: %s", kv->noun, k->key, k->why);
}

static const char *plural(const struct edu_keyverb *kv, long n)
{
	static char buf[64];

	if (n == 1)
		return kv->noun;
	if (kv->nouns)
		return kv->nouns;
	snprintf(buf, sizeof buf, "%ss", kv->noun);
	return buf;
}

int edu_drive(struct edu_cmd *c, const struct edu_keyverb *kv, void *ctx)
{
	struct edu_keys keys;
	struct edu_key k;
	struct edu_run run;
	long done = 0, same = 0, refused = 0;

	if (edu_keys_read(&keys, c->argc, c->argv, kv->col, kv->aliases) < 0)
		return EDU_EDATA;
	if (keys.n == 0) {
		/* An empty to-do list piped in: nothing to do. */
		if (!edu_session()->quiet)
			edu_warn("%s: no %s given on stdin: nothing to do",
				 c->verb->name, kv->col);
		return EDU_OK;
	}
	memset(&k, 0, sizeof k);
	edu_date_str(c->on, k.on);
	edu_run_start(&run);
	edu_begin(c->db);
	if (kv->start)
		kv->start(c, ctx);
	for (size_t i = 0; i < keys.n; i++) {
		k.key = keys.key[i];
		k.line = keys.line[i];
		k.why[0] = '\0';
		switch (kv->apply(c, ctx, &k)) {
		case EDU_KEY_DONE:
			done++;
			break;
		case EDU_KEY_SAME:
			same++;
			break;
		case EDU_KEY_MISSING:
			snprintf(k.why, sizeof k.why, "not in the register");
			/* fall through */
		default:
			if (refused++ < MAX_SHOWN)
				report(kv, &k);
		}
	}
	if (kv->end)
		kv->end(c, ctx);
	edu_keys_free(&keys);
	char *counts = edu_asprintf("changed=%ld unchanged=%ld refused=%ld",
				    done, same, refused);
	if (refused) {
		edu_rollback(c->db);
		if (refused > MAX_SHOWN)
			edu_warn("... and %ld more refused", refused - MAX_SHOWN);
		edu_warn("nothing written (%ld %s refused)", refused,
			 plural(kv, refused));
		if (!edu_session()->dry_run)
			edu_run_record(c->db, &run, counts, EDU_EDATA);
		free(counts);
		return EDU_EDATA;
	}
	edu_run_finish(c->db, &run, counts, EDU_OK);
	free(counts);
	edu_finish(c->db);
	if (kv->after && !edu_session()->dry_run)
		kv->after(c, ctx);
	if (!edu_session()->quiet) {
		if (same)
			edu_warn("%ld %s %s, %ld unchanged", done, plural(kv, done),
				 kv->done, same);
		else
			edu_warn("%ld %s %s", done, plural(kv, done), kv->done);
	}
	return EDU_OK;
}

/* ---- corrections: events and void (issue 17) ------------------------------ */

static const char *void_reason;

const struct edu_option edu_void_opts[] = {
	EDU_OPT_TEXT("reason", &void_reason, "TEXT", "why (required; kept with the event)"),
	EDU_OPT_END
};

int edu_events_verb(struct edu_cmd *c, const struct edu_event_table *t)
{
	if (c->argc && !edu_event_subject(c->db, t, c->argv[0])) {
		edu_warn("no %s '%s'", t->noun, c->argv[0]);
		return EDU_NO;
	}
	edu_print_stmt(edu_events_stmt(c->db, t, c->argc ? c->argv[0] : NULL), 0);
	return EDU_OK;
}

static int void_one(struct edu_cmd *c, void *ctx, struct edu_key *k)
{
	char *end;
	long long id = strtoll(k->key, &end, 10);

	if (!*k->key || *end || id <= 0)
		return edu_key_refuse(k, "not an event number");
	switch (edu_event_void(c->db, ctx, id, void_reason, k->why)) {
	case 0: return EDU_KEY_DONE;
	case 1: return EDU_KEY_MISSING;
	default: return EDU_KEY_REFUSED;
	}
}

int edu_void_verb(struct edu_cmd *c, const struct edu_event_table *t)
{
	const struct edu_keyverb kv = {
		.col = "event", .aliases = "事件|事件号", .noun = "event",
		.done = "voided", .apply = void_one,
	};

	edu_need_text(void_reason, "--reason");
	return edu_drive(c, &kv, (void *)t);
}
