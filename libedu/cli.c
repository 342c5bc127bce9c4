/* cli.c - the common options (DESIGN 3), verb tables and main */
#define _GNU_SOURCE
#include <argp.h>
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sys/random.h>
#include <time.h>
#include "edu.h"

struct edu_opts edu_opt;
struct edu_import_opts edu_import_opt;
const char *edu_verb_name = "";

enum { OPT_EXCEL = 0x100, OPT_ON, OPT_UPSERT, OPT_REJECT, OPT_IGNORE_EXTRA, OPT_SHEET };

static const struct argp_option common_options[] = {
	{ "db", 'd', "FILE", 0, "the database (default: $EDU_DB, else ./edu.db)", 0 },
	{ "format", 'f', "FMT", 0, "output as csv (default), tsv, table, json (JSON Lines) or xlsx (a workbook; not to a terminal)", 0 },
	{ "excel", OPT_EXCEL, 0, 0, "CSV for spreadsheets: UTF-8 BOM, CRLF, =\"0571\" for digits a spreadsheet would change, and a ' before any cell that starts with = + - @ TAB or CR", 0 },
	{ "encoding", 'e', "ENC", 0, "input encoding: utf-8 (default) or gb18030", 0 },
	{ "dry-run", 'n', 0, 0, "validate and report, change nothing", 0 },
	{ "quiet", 'q', 0, 0, "no progress or notices on stderr", 0 },
	{ "on", OPT_ON, "DATE", 0, "the date an action takes effect (default: today)", 0 },
	{ 0 }
};

long edu_arg_long(const char *opt, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < min || v > max)
		edu_die(EDU_EUSAGE, "%s: '%s' is not a whole number from %ld to %ld",
			opt, s, min, max);
	return v;
}

int edu_arg_date(const char *opt, const char *s)
{
	int d;

	if (edu_parse_date(s, &d) < 0)
		edu_die(EDU_EUSAGE, "%s: '%s' is not a date (YYYY-MM-DD)", opt, s);
	return d;
}

/* Text from the command line follows the rule of a CSV field
 * (edu-csv(5)): valid UTF-8, no control character other than tab, CR and
 * LF.  Checked here, as argp hands each value over, for every tool;
 * the text itself is not echoed, it may hold escape sequences. */
static void check_text(const char *what, const char *s)
{
	size_t bad, n = strlen(s);

	if (n > EDU_FIELD_MAX)
		edu_die(EDU_EUSAGE, "%s: %zu bytes, more than the %d a text may hold",
			what, n, EDU_FIELD_MAX);
	if (edu_valid_utf8(s, n, &bad) == 0)
		return;
	unsigned char c = (unsigned char)s[bad];
	if (c < 0x80)
		edu_die(EDU_EUSAGE, "%s: a control character (0x%02x) at byte %zu",
			what, c, bad + 1);
	edu_die(EDU_EUSAGE, "%s: not valid UTF-8 at byte %zu", what, bad + 1);
}

/* An option's value, named as the user would spell the option. */
static void check_option(const struct argp_option *opts, int key, const char *arg)
{
	char what[64];

	if (!arg || key <= 0 || key >= ARGP_KEY_END)	/* argp's own keys */
		return;
	snprintf(what, sizeof what, isascii(key) && isalnum(key) ? "-%c" : "an option", key);
	for (const struct argp_option *o = opts; o && (o->name || o->key); o++)
		if (o->key == key && o->name) {
			snprintf(what, sizeof what, "--%s", o->name);
			break;
		}
	check_text(what, arg);
}

/* The name of positional argument i (from 0) in args_doc: "KEY VALUE",
 * "[FILE...]" - the last word repeats when it ends in "...". */
static void check_positional(const char *args_doc, int i, const char *arg)
{
	char what[64] = "";
	const char *p = args_doc ? args_doc : "";

	for (int k = 0; *p; k++) {
		p += strspn(p, " [");
		size_t n = strcspn(p, " ]");
		int rest = n > 3 && !strncmp(p + n - 3, "...", 3);

		if (k == i || (rest && k < i)) {
			snprintf(what, sizeof what, "%.*s", (int)(rest ? n - 3 : n), p);
			break;
		}
		p += n;
		p += strspn(p, "]");
	}
	if (!*what)
		snprintf(what, sizeof what, "argument %d", i + 1);
	check_text(what, arg);
}

/* The values of --format, in the order of enum edu_format, and of
 * --encoding (its other spellings are accepted, not offered). */
static const char *const formats[] = { "csv", "tsv", "table", "json", "xlsx", NULL };
static const char *const encodings[] = { "utf-8", "gb18030", NULL };

static error_t common_parser(int key, char *arg, struct argp_state *state)
{
	check_option(common_options, key, arg);
	switch (key) {
	case 'd':
		edu_opt.db = arg;
		break;
	case 'f': {
		int i = 0;

		while (formats[i] && strcmp(arg, formats[i]))
			i++;
		if (!formats[i])
			argp_error(state, "--format: '%s' is not one of csv, tsv, table, json, xlsx", arg);
		edu_opt.format = (enum edu_format)i;
		break;
	}
	case OPT_EXCEL:
		edu_opt.excel = 1;
		break;
	case 'e':
		if (strcasecmp(arg, "utf-8") && strcasecmp(arg, "utf8") &&
		    strcasecmp(arg, "gb18030") && strcasecmp(arg, "gbk") &&
		    strcasecmp(arg, "gb2312"))
			argp_error(state, "--encoding: '%s' is not one of utf-8, gb18030", arg);
		/* GBK and GB2312 are subsets of GB18030: read them as that. */
		edu_opt.encoding = strncasecmp(arg, "utf", 3) ? "GB18030" : NULL;
		break;
	case 'n':
		edu_opt.dry_run = 1;
		break;
	case 'q':
		edu_opt.quiet = 1;
		break;
	case OPT_ON:
		edu_opt.on = edu_arg_date("--on", arg);
		edu_opt.on_given = 1;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp common_argp = {
	.options = common_options,
	.parser = common_parser,
};

static const struct argp_option import_options[] = {
	{ "upsert", OPT_UPSERT, 0, 0, "update records whose key exists already", 0 },
	{ "reject", OPT_REJECT, "FILE", 0, "write bad rows to FILE with an error column and import the rest (exit 1)", 0 },
	{ "ignore-extra", OPT_IGNORE_EXTRA, 0, 0, "ignore unknown columns instead of refusing the file", 0 },
	{ "sheet", OPT_SHEET, "NAME|N", 0, "of a workbook (.xlsx, .xls), read the sheet NAME, or the N-th (default: the first)", 0 },
	{ 0 }
};

static error_t import_parser(int key, char *arg, struct argp_state *state)
{
	check_option(import_options, key, arg);
	switch (key) {
	case OPT_UPSERT:
		edu_import_opt.upsert = 1;
		break;
	case OPT_REJECT:
		edu_import_opt.reject = arg;
		break;
	case OPT_IGNORE_EXTRA:
		edu_import_opt.ignore_extra = 1;
		break;
	case OPT_SHEET:
		if (!*arg || (strspn(arg, "0123456789") == strlen(arg) && atol(arg) < 1))
			argp_error(state, "--sheet: '%s' is neither a sheet's name nor a number from 1", arg);
		edu_import_opt.sheet = arg;
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp edu_import_argp = {
	.options = import_options,
	.parser = import_parser,
};

/* ---- the tool: common options, then the verb ------------------------- */

static int verb_index;

static error_t tool_parser(int key, char *arg, struct argp_state *state)
{
	(void)arg;
	switch (key) {
	case ARGP_KEY_ARG:
		/* The verb: stop here; the verb's own parser takes the rest. */
		check_text("the verb", arg);
		verb_index = state->next - 1;
		state->next = state->argc;
		return 0;
	case ARGP_KEY_NO_ARGS:
		argp_error(state, "no verb given (see '%s --help')", edu_prog);
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static char *tool_doc(const struct edu_tool *t)
{
	struct edu_buf b = { 0 };
	size_t w = 0;

	for (const struct edu_verb *v = t->verbs; v->name; v++)
		if (strlen(v->name) > w)
			w = strlen(v->name);
	edu_buf_printf(&b, "%s\v", t->summary);
	edu_buf_puts(&b, "Verbs:\n");
	for (const struct edu_verb *v = t->verbs; v->name; v++)
		edu_buf_printf(&b, "  %-*s  %s\n", (int)w, v->name, v->summary);
	edu_buf_printf(&b, "\nRun '%s VERB --help' for a verb's options and "
		       "arguments, and see %s(1).", t->name, t->name);
	return b.s;
}

/* ---- a verb: its options, the common ones, positional arguments ------ */

static const struct edu_verb *cur_verb;
static struct edu_cmd cur_cmd;

/* Option rows become argp options with keys from OPT_ROW up (argp's
 * own keys are above 0x1000000). */
#define OPT_ROW 0x1000
static int nrows;

static struct argp_option *row_options(const struct edu_option *o)
{
	int n = 0;

	while (o[n].name)
		n++;
	nrows = n;
	struct argp_option *a = edu_malloc((n + 1) * sizeof *a);
	memset(a, 0, (n + 1) * sizeof *a);
	for (int i = 0; i < n; i++) {
		a[i].name = o[i].name;
		a[i].key = OPT_ROW + (int)i;
		a[i].arg = o[i].type == EDU_O_FLAG ? NULL : o[i].arg ? o[i].arg : "VALUE";
		a[i].doc = o[i].help;
	}
	return a;
}

static void row_value(const struct edu_option *o, char *arg,
		      struct argp_state *state)
{
	char opt[64], out[EDU_VAL_MAX], err[EDU_ERR_MAX];

	snprintf(opt, sizeof opt, "--%s", o->name);
	if (arg)
		check_text(opt, arg);
	switch (o->type) {
	case EDU_O_TEXT:
		*(const char **)o->var = arg;
		break;
	case EDU_O_FLAG:
		*(int *)o->var = 1;
		break;
	case EDU_O_LONG:
		*(long *)o->var = edu_arg_long(opt, arg, o->min, o->max);
		break;
	case EDU_O_DATE:
		*(int *)o->var = edu_arg_date(opt, arg);
		break;
	case EDU_O_ENUM:
		if (edu_valid_enum(o->values, arg, out, err) < 0)
			argp_error(state, "%s: %s", opt, err);
		/* The table's own key: it outlives this buffer. */
		for (const struct edu_enum *e = o->values; e->key; e++)
			if (!strcmp(e->key, out))
				*(const char **)o->var = e->key;
		break;
	case EDU_O_DIGITS:
		if (edu_valid_digits(arg, (int)o->min, out, err) < 0)
			argp_error(state, "%s: %s", opt, err);
		*(const char **)o->var = edu_strdup(out);
		break;
	case EDU_O_NAME: {
		/* As a name column takes it (issue 16, point 13): " 吴若汐 "
		 * is 吴若汐, and a name of blanks only is none. */
		const char *p;
		size_t len = edu_name_trim(arg, &p);

		if (!len)
			argp_error(state, "%s: may not be empty (it is only blanks)", opt);
		*(const char **)o->var = edu_strndup(p, len);
		break;
	}
	case EDU_O_FILTER: {
		struct edu_filters *f = o->var;

		for (int i = 0; i < f->n; i++)
			if (!strcmp(f->f[i].col, o->name))
				argp_error(state, "give %s once", opt);
		if (f->n == EDU_MAX_FILTERS)
			argp_error(state, "%s: too many filters", opt);
		f->f[f->n++] = (struct edu_filter){ o->name, arg };
		break;
	}
	}
}

static error_t verb_parser(int key, char *arg, struct argp_state *state)
{
	const struct edu_verb *v = cur_verb;
	error_t rc = ARGP_ERR_UNKNOWN;

	if (key == ARGP_KEY_ARG) {
		check_positional(v->args_doc, cur_cmd.argc, arg);
		cur_cmd.argv[cur_cmd.argc++] = arg;
		return 0;
	}
	if (v->opts && key >= OPT_ROW && key < OPT_ROW + nrows) {
		row_value(&v->opts[key - OPT_ROW], arg, state);
		return 0;
	}
	check_option(v->options, key, arg);
	if (v->parser)
		rc = v->parser(key, arg, state);
	if (key == ARGP_KEY_END) {
		if (cur_cmd.argc < v->min_args)
			argp_error(state, "too few arguments");
		if (v->max_args >= 0 && cur_cmd.argc > v->max_args)
			argp_error(state, "too many arguments");
		return 0;
	}
	return rc;
}

static const struct edu_verb *find_verb(const struct edu_tool *t, int argc,
					char **argv, int *used)
{
	const char *w = argv[0];
	struct edu_buf subs = { 0 };

	for (const struct edu_verb *v = t->verbs; v->name; v++) {
		size_t n = strcspn(v->name, " ");

		if (strncmp(v->name, w, n) || w[n])
			continue;
		if (!v->name[n] || (argc > 1 && !strcmp(v->name + n + 1, argv[1]))) {
			*used = v->name[n] ? 2 : 1;
			edu_buf_free(&subs);
			return v;
		}
		edu_buf_printf(&subs, "%s%s", subs.len ? ", " : "", v->name + n + 1);
	}
	if (subs.len && argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-?"))) {
		/* `edu-db calendar --help`: the verbs that start so. */
		for (const struct edu_verb *v = t->verbs; v->name; v++)
			if (!strncmp(v->name, w, strlen(w)) && v->name[strlen(w)] == ' ')
				printf("  %s %-20s %s\n", edu_prog, v->name, v->summary);
		exit(0);
	}
	/* A misspelt verb (issue 18): the nearest of the table's words. */
	struct edu_near near;
	edu_near_init(&near, subs.len && argc > 1 ? argv[1] : w);
	for (const struct edu_verb *v = t->verbs; v->name; v++) {
		size_t n = strcspn(v->name, " ");

		if (!subs.len)
			edu_near_try(&near, v->name, n);
		else if (argc > 1 && !strncmp(v->name, w, n) && !w[n] && v->name[n])
			edu_near_try(&near, v->name + n + 1, strlen(v->name + n + 1));
	}
	const char *best = edu_near_best(&near);
	char *hint = best ? edu_asprintf("; did you mean %s%s%s?", subs.len ? w : "",
					 subs.len ? " " : "", best) : edu_strdup("");
	if (subs.len)
		edu_die(EDU_EUSAGE, "%s: %s one of %s%s (see '%s --help')", w,
			argc > 1 ? "expected" : "give", subs.s, hint, edu_prog);
	edu_die(EDU_EUSAGE, "'%s' is not a verb%s (see '%s --help')", w, hint, edu_prog);
}

/* ---- bash completion (issue 18) --------------------------------------- */

/* What the completion script asks: `edu-X --complete LINE`, LINE being the
 * command line up to the cursor.  The answer comes from the same tables
 * that parse the command line (the verb rows, their option rows and enum
 * values, the common and import options), so it cannot drift from them:
 * one candidate a line, each a whole word that starts with the word at
 * the cursor.  Nothing is printed where a file or free text goes; the
 * script then lets bash complete file names. */
struct known {
	const char *name;		/* long name, without dashes */
	int key;			/* short option, or 0 */
	int arg;			/* takes a value */
	const char *const *words;	/* its values, NULL ended, */
	const struct edu_enum *values;	/* or its enum's keys */
};

/* Call fn for each option a verb (NULL: the tool, before its verb) takes,
 * until fn returns non-zero; returns that. */
static int each_option(const struct edu_verb *v,
		       int (*fn)(const struct known *, const void *), const void *ctx)
{
	static const struct known own[] = {
		{ "help", '?', 0, NULL, NULL }, { "usage", 0, 0, NULL, NULL },
		{ "version", 'V', 0, NULL, NULL }, { NULL, 0, 0, NULL, NULL },
	};
	int r = 0;

	for (const struct known *k = own; k->name && !r; k++)
		r = fn(k, ctx);
	for (const struct argp_option *o = common_options; o->name && !r; o++) {
		struct known k = { o->name, o->key < 0x100 ? o->key : 0, o->arg != NULL,
				   o->key == 'f' ? formats : o->key == 'e' ? encodings : NULL, NULL };
		r = fn(&k, ctx);
	}
	if (!v)
		return r;
	for (const struct argp_option *o = import_options;
	     (v->flags & EDU_V_IMPORT) && o->name && !r; o++)
		r = fn(&(struct known){ o->name, 0, o->arg != NULL, NULL, NULL }, ctx);
	for (const struct edu_option *o = v->opts; o && o->name && !r; o++)
		r = fn(&(struct known){ o->name, 0, o->type != EDU_O_FLAG, NULL,
					o->type == EDU_O_ENUM ? o->values : NULL }, ctx);
	for (const struct argp_option *o = v->opts ? NULL : v->options; o && o->name && !r; o++)
		r = fn(&(struct known){ o->name, isascii(o->key) && isalnum(o->key) ? o->key : 0,
					o->arg != NULL, NULL, NULL }, ctx);
	return r;
}

struct lookup {
	const char *name;	/* a long name, n bytes, */
	size_t n;
	int key;		/* or a short key */
	struct known found;
};

static int find_known(const struct known *k, const void *ctx)
{
	struct lookup *l = (struct lookup *)ctx;

	if (l->name ? strlen(k->name) == l->n && !strncmp(k->name, l->name, l->n)
		    : k->key && k->key == l->key) {
		l->found = *k;
		return 1;
	}
	return 0;
}

static void offer(const char *prefix, const char *word, size_t n, const char *cur)
{
	size_t p = strlen(prefix);

	/* cur = prefix + the start of word */
	if (strncmp(cur, prefix, p) || strncmp(word, cur + p, strlen(cur + p)) ||
	    strlen(cur + p) > n)
		return;
	printf("%s%.*s\n", prefix, (int)n, word);
}

static void offer_values(const struct known *k, const char *prefix, const char *cur)
{
	for (const char *const *w = k->words; w && *w; w++)
		offer(prefix, *w, strlen(*w), cur);
	for (const struct edu_enum *e = k->values; e && e->key; e++)
		offer(prefix, e->key, strlen(e->key), cur);
}

static int offer_option(const struct known *k, const void *cur)
{
	offer("--", k->name, strlen(k->name), cur);
	return 0;
}

static void complete(const struct edu_tool *t, const char *line)
{
	const struct edu_verb *v = NULL;
	const char *group = NULL, *words[256];
	size_t glen = 0;
	int n = 0;
	struct lookup want = { 0 };	/* an option waiting for its value */
	char *copy = edu_strdup(line), *save = NULL;

	for (char *w = strtok_r(copy, " \t\n", &save); w && n < 255;
	     w = strtok_r(NULL, " \t\n", &save))
		words[n++] = w;
	/* The word at the cursor; empty after a space. */
	const char *cur = n && !strchr(" \t\n", line[strlen(line) - 1]) ? words[--n] : "";

	for (int i = 1; i < n; i++) {	/* words[0] is the tool */
		const char *w = words[i];
		struct lookup l = { 0 };

		if (want.found.name) {
			want.found.name = NULL;
			continue;
		}
		if (w[0] == '-' && w[1] == '-') {
			l.name = w + 2;
			l.n = strcspn(l.name, "=");
			if (!l.name[l.n] && each_option(v, find_known, &l) && l.found.arg)
				want = l;
		} else if (w[0] == '-' && w[1]) {
			/* -qf FMT: the first letter that takes a value takes
			 * the rest of the word, or the next word when it is
			 * the last letter (-fjson takes none). */
			for (const char *c = w + 1; *c; c++) {
				l.key = (unsigned char)*c;
				if (each_option(v, find_known, &l) && l.found.arg) {
					if (!c[1])
						want = l;
					break;
				}
			}
		} else if (!v) {
			for (const struct edu_verb *x = t->verbs; x->name && !v; x++) {
				size_t k = strcspn(x->name, " ");

				if (group && k == glen && !strncmp(x->name, group, k) &&
				    !strcmp(x->name + k + 1, w))
					v = x;
				else if (!group && !x->name[k] && !strcmp(x->name, w))
					v = x;
			}
			if (!v && !group) {
				group = w;
				glen = strlen(w);
			}
		}
	}
	if (want.found.name) {
		offer_values(&want.found, "", cur);
	} else if (cur[0] == '-' && cur[1] == '-' && strchr(cur, '=')) {
		struct lookup l = { .name = cur + 2, .n = strcspn(cur + 2, "=") };
		char *prefix = edu_strndup(cur, l.n + 3);

		if (each_option(v, find_known, &l))
			offer_values(&l.found, prefix, cur);
		free(prefix);
	} else if (cur[0] == '-') {
		each_option(v, offer_option, cur);
	} else if (!v) {
		for (const struct edu_verb *x = t->verbs; x->name; x++) {
			size_t k = strcspn(x->name, " ");

			if (group && x->name[k] && k == glen && !strncmp(x->name, group, k))
				offer("", x->name + k + 1, strlen(x->name + k + 1), cur);
			/* a two-word verb's first word once */
			else if (!group && (x == t->verbs || strncmp(x[-1].name, x->name, k) ||
					    strcspn(x[-1].name, " ") != k))
				offer("", x->name, k, cur);
		}
	}
	free(copy);
}

int edu_main(const struct edu_tool *t, int argc, char **argv)
{
	int used, status;

	/* Installed setgid: the group's rights are for the installed database
	 * alone (priv.c), put aside before anything else happens. */
	edu_priv_init();
	/* Only what the tools use: character classes and messages.  All
	 * categories cost a dozen files opened by every command. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	edu_prog = t->name;
	if (argc == 3 && !strcmp(argv[1], "--complete")) {
		complete(t, argv[2]);
		return fflush(stdout) || ferror(stdout) ? EDU_EIO : EDU_OK;
	}
	argp_err_exit_status = EDU_EUSAGE;
	argp_program_version = "edu 0.1.0";
	edu_opt.on = edu_today();
	/* A closed pipe is a failed write like any other (exit 74, or 79
	 * after a commit), not a death by signal (141) that a script cannot
	 * tell from a crash. */
	signal(SIGPIPE, SIG_IGN);
	atexit(edu_close_stdout);
	edu_out_hold_enable();

	char *doc = tool_doc(t);
	struct argp_child tool_children[] = {
		{ &common_argp, 0, "Common options (also after the verb):", 1 },
		{ 0 }
	};
	struct argp tool = {
		.parser = tool_parser,
		.args_doc = "VERB [ARG...]",
		.doc = doc,
		.children = tool_children,
	};
	argp_parse(&tool, argc, argv, ARGP_IN_ORDER, NULL, NULL);
	free(doc);

	const struct edu_verb *v = find_verb(t, argc - verb_index,
					     argv + verb_index, &used);
	cur_verb = v;
	edu_verb_name = v->name;

	/* The verb's argv: its name as argv[0], so usage reads rightly. */
	char *name = edu_asprintf("%s %s", t->name, v->name);
	int vargc = argc - verb_index - used + 1;
	char **vargv = edu_malloc((vargc + 1) * sizeof *vargv);
	vargv[0] = name;
	memcpy(vargv + 1, argv + verb_index + used, (vargc - 1) * sizeof *vargv);
	vargv[vargc] = NULL;
	cur_cmd.verb = v;
	cur_cmd.argv = edu_malloc(vargc * sizeof *cur_cmd.argv);

	struct argp_child children[3] = { 0 };
	int nc = 0;
	if (v->flags & EDU_V_IMPORT)
		children[nc++] = (struct argp_child){ &edu_import_argp, 0, "Import options:", 2 };
	children[nc++] = (struct argp_child){ &common_argp, 0, "Common options:", 3 };
	struct argp_option *rows = v->opts ? row_options(v->opts) : NULL;
	struct argp verb = {
		.options = rows ? rows : v->options,
		.parser = verb_parser,
		.args_doc = v->args_doc,
		.doc = v->doc ? v->doc : v->summary,
		.children = children,
	};
	argp_parse(&verb, vargc, vargv, 0, NULL, NULL);
	free(rows);

	/* The layers below are told what they need, once: they never read
	 * the options themselves. */
	const struct edu_session session = {
		.tool = t->name, .verb = v->name, .user = edu_login(),
		.dry_run = edu_opt.dry_run, .quiet = edu_opt.quiet, .on = edu_opt.on,
	};
	edu_db_session(&session);
	edu_csv_encoding(edu_opt.encoding);
	edu_csv_quiet(edu_opt.quiet);
	edu_csv_sheet(edu_import_opt.sheet);
	edu_out_defaults(edu_opt.format, edu_opt.excel);
	/* a workbook's sheet is named for what was listed: "enroll list" */
	char *sheet = edu_asprintf("%s %s", strncmp(t->name, "edu-", 4) ? t->name : t->name + 4, v->name);
	edu_out_sheet_default(sheet);
	/* A workbook is bytes for a file or a program, not for eyes. */
	if (edu_opt.format == EDU_FMT_XLSX && isatty(STDOUT_FILENO))
		edu_die(EDU_EUSAGE, "will not write a workbook to a terminal "
			"(redirect it: -f xlsx >FILE.xlsx)");
	edu_progress_quiet(edu_opt.quiet);
	edu_import_options(&edu_import_opt);

	cur_cmd.user = edu_login();
	cur_cmd.on = edu_opt.on;
	cur_cmd.role = "";
	if (v->flags & EDU_V_CHECK)
		edu_damaged_status = EDU_NO;
	if (!(v->flags & EDU_V_NODB)) {
		cur_cmd.db = edu_db_open(edu_db_path(), v->flags & EDU_V_WRITE,
					 v->flags & EDU_V_ANYVERSION);
		char *role = edu_user_role(cur_cmd.db, cur_cmd.user);
		cur_cmd.role = role;
		edu_access(cur_cmd.user, role, v->roles);
	}
	status = v->run(&cur_cmd);
	edu_out_finish();
	edu_out_sheet_default(NULL);
	free(sheet);
	if (cur_cmd.db)
		edu_db_close(cur_cmd.db);
	free(name);
	free(vargv);
	return status;
}

const char *edu_db_path(void)
{
	const char *p;

	if (edu_opt.db)
		return edu_opt.db;
	/* secure_getenv: a setgid install ignores the environment. */
	p = secure_getenv("EDU_DB");
	return p && *p ? p : edu_db_default();
}

void edu_need(const void *value, const char *option)
{
	if (!value)
		edu_die(EDU_EUSAGE, "%s is required (see '%s %s --help')", option,
			edu_prog, edu_verb_name);
}

void edu_need_text(const char *value, const char *option)
{
	edu_need(value && *value ? value : NULL, option);
}

uint64_t edu_lottery_seed(void)
{
	uint64_t seed;

	if (getrandom(&seed, sizeof seed, 0) != sizeof seed)
		seed = (uint64_t)time(NULL);
	seed &= INT64_MAX;
	if (!edu_opt.quiet)
		edu_warn("lottery seed %llu (give --seed %llu to draw the same again)",
			 (unsigned long long)seed, (unsigned long long)seed);
	return seed;
}
