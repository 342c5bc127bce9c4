/* edu-report - the year's statistics from every register, as tables and
 * charts: the whole annual report, or one section, or one cross table */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"

static struct {
	long year;		/* 0: the school year of the day */
	int asof;		/* -1: the setting report.as_of of the year */
	const char *sections, *by, *table, *svg;
} opt = { .asof = -1 };

#define DAY_OPTS \
	EDU_OPT_LONG("year", &opt.year, "Y", 1949, 9999, \
		     "the school year Y-(Y+1) and the exam of Y (default: that of --as-of)"), \
	EDU_OPT_DATE("as-of", &opt.asof, "the day counted (default: the year's report.as_of, 09-01)"), \
	EDU_OPT_TEXT("svg", &opt.svg, "DIR", "also write each chart to DIR/SECTION-TABLE.svg")

static const struct edu_option annual_opts[] = {
	DAY_OPTS,
	EDU_OPT_TEXT("section", &opt.sections, "S,...", "only these sections"),
	EDU_OPT_END
};

static const struct edu_option section_opts[] = {
	DAY_OPTS,
	EDU_OPT_TEXT("table", &opt.table, "NAME", "only this table of the section"),
	EDU_OPT_TEXT("by", &opt.by, "L,...", "a cross table by these labels (schools, students, staff)"),
	EDU_OPT_END
};

/* The day and the year: --as-of alone gives the school year it falls in
 * (September on), --year alone the setting's day in that year. */
static void day_and_year(sqlite3 *db, int *day, int *year)
{
	int y, m, d;
	if (opt.asof >= 0) {
		*day = opt.asof;
		edu_ymd(*day, &y, &m, &d);
		*year = opt.year ? (int)opt.year : m >= 9 ? y : y - 1;
		return;
	}
	char *md = edu_setting(db, "report.as_of", "09-01");
	int mm = atoi(md), dd = atoi(md + 3);
	free(md);
	if (opt.year)
		y = (int)opt.year;
	else {
		edu_ymd(edu_opt.on, &y, &m, &d);
		if (edu_days(y, mm, dd) > edu_opt.on)
			y--;
	}
	*year = y;
	*day = edu_days(y, mm, dd);
}

static void write_svg(const struct edu_table *t)
{
	struct edu_chart c;
	if (edu_table_chart(t, &c) < 0)
		return;
	char *path = edu_asprintf("%s/%s-%s.svg", opt.svg, t->section, t->name);
	struct edu_outfile f;
	if (edu_opt.dry_run) {
		edu_outfile_check(path);
	} else {
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		if (!m || edu_svg_chart(m, &c) < 0 || fclose(m))
			edu_die(EDU_EIO, "%s: %s", path, "cannot make the chart");
		edu_outfile_open(&f, path, 0644, 0);
		edu_outfile_write(&f, buf, len);
		edu_outfile_commit(&f);
		edu_outfile_close(&f);
		free(buf);
		if (!edu_opt.quiet)
			fprintf(stderr, "edu-report: wrote %s\n", path);
	}
	free(path);
	edu_chart_free(&c);
}

static void print(struct edu_report *r)
{
	char err[EDU_ERR_MAX];
	if (opt.svg)
		for (int i = 0; i < r->ntables; i++)
			write_svg(r->tables[i]);
	if (edu_opt.format != EDU_FMT_XLSX)
		edu_report_print(r, stdout, edu_opt.format == EDU_FMT_TABLE);
	else if (edu_report_xlsx(r, stdout, err) < 0)
		edu_die(EDU_EIO, "the workbook: %s", err);
}

static int annual(struct edu_cmd *c)
{
	struct edu_report r;
	int day, year, n = 0;
	day_and_year(c->db, &day, &year);
	edu_report_init(&r, c->db, day, year);
	if (opt.sections) {
		for (const char *s = opt.sections; *s;) {
			size_t l = strcspn(s, ",");
			char *name = edu_strndup(s, l);
			if (edu_report_may(name, "admin") && !edu_report_may(name, c->role))
				edu_die(EDU_ENOPERM, "user '%s' (role %s) may not read the %s section",
					c->user, c->role, name);
			if (edu_report_section(&r, name) < 0)
				edu_die(EDU_EUSAGE, "--section: '%s' is not a section", name);
			free(name);
			n++;
			s += l + (s[l] == ',');
		}
	} else {
		for (int i = 0; edu_report_sections[i]; i++)
			if (edu_report_may(edu_report_sections[i], c->role)) {
				edu_report_section(&r, edu_report_sections[i]);
				n++;
			}
	}
	if (!n)
		edu_die(EDU_ENOPERM, "user '%s' (role %s) may read no section of the report",
			c->user, c->role);
	print(&r);
	edu_report_free(&r);
	return 0;
}

static int section(struct edu_cmd *c)
{
	struct edu_report r;
	const char *name = c->verb->name;
	char err[EDU_ERR_MAX];
	int day, year;
	day_and_year(c->db, &day, &year);
	edu_report_init(&r, c->db, day, year);
	if (opt.by && opt.table)
		edu_die(EDU_EUSAGE, "--by and --table: one or the other");
	if (opt.by) {
		struct edu_table *t = edu_report_cross(&r, name, opt.by, err);
		if (!t)
			edu_die(EDU_EUSAGE, "%s", err);
		edu_table_print(t, stdout);
		edu_table_free(t);
	} else {
		edu_report_section(&r, name);
		if (opt.table) {
			int i;
			for (i = 0; i < r.ntables && strcmp(r.tables[i]->name, opt.table); i++)
				;
			if (i == r.ntables) {
				struct edu_buf all = { 0 };
				for (i = 0; i < r.ntables; i++)
					edu_buf_printf(&all, "%s%s", i ? ", " : "", r.tables[i]->name);
				edu_die(EDU_EUSAGE, "--table: '%s' is not one of %s", opt.table, all.s);
			}
			if (opt.svg)
				write_svg(r.tables[i]);
			edu_table_print(r.tables[i], stdout);
		} else
			print(&r);
	}
	edu_report_free(&r);
	return 0;
}

#define SECTION(n, who, what) \
	{ .name = n, .run = section, .opts = section_opts, .roles = who " auditor", \
	  .max_args = 0, .summary = what }

static const struct edu_verb verbs[] = {
	{ .name = "annual", .run = annual, .opts = annual_opts, .max_args = 0,
	  .summary = "every section the user may read, as one long table or titled tables" },
	SECTION("schools", "registrar", "schools by kind and ownership, new, closed, titles, licences"),
	SECTION("students", "registrar", "students by kind, grade and sex, minorities, flows, disability"),
	SECTION("exam", "registrar", "candidates, admitted, cutoffs by school"),
	SECTION("staff", "personnel", "staff by title, age, education; students per teacher; retirements"),
	SECTION("assets", "assets", "cost, depreciation and book value by category; additions, disposals"),
	SECTION("petitions", "petitions", "cases by month and kind, replies on time, overdue"),
	SECTION("documents", "documents", "documents issued and received by month"),
	SECTION("certificates", "registrar", "certificates issued and revoked by kind"),
	{ 0 }
};

static const struct edu_tool tool = {
	.name = "edu-report",
	.summary = "edu-report -- the year's statistics from every register, as tables and charts",
	.verbs = verbs,
};

int main(int argc, char **argv)
{
	return edu_main(&tool, argc, argv);
}
