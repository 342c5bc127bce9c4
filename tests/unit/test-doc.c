/* test-doc.c - document numbers, secrecy periods, retention and archive
 * codes of libedu/doc.c (DESIGN 8), on fixed dates. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"
#include "tap.h"

static void is_free(char *got, const char *want, const char *what)
{
	is(got, want, "%s", what);
	free(got);
}

static void is_day(int got, int y, int m, int d, const char *what)
{
	char a[11], b[11];

	is(got < 0 ? "none" : edu_date_str(got, a), edu_date_str(edu_days(y, m, d), b),
	   "%s", what);
}

static void test_numbers(void)
{
	is_free(edu_doc_number("西教发", 2026, 12), "西教发〔2026〕12号",
		"the twelfth 西教发 of 2026 (GB/T 9704 example)");
	is_free(edu_doc_number("西教发", 2026, 1), "西教发〔2026〕1号",
		"the first: no leading zeros");
	is_free(edu_doc_number("京教办", 2027, 1234), "京教办〔2027〕1234号",
		"four digits, another prefix and year");
	char *a = edu_doc_seq_scope("西教发", 2026), *b = edu_doc_seq_scope("西教发", 2027);
	char *c = edu_doc_seq_scope("西教办", 2026);
	ok(strcmp(a, b) && strcmp(a, c) && strcmp(b, c),
	   "each prefix and year has its own sequence");
	free(a);
	free(b);
	free(c);
}

static void test_secrecy(void)
{
	ok(edu_secrecy_years("绝密") == 30, "绝密: 30 years");
	ok(edu_secrecy_years("机密") == 20, "机密: 20 years");
	ok(edu_secrecy_years("秘密") == 10, "秘密: 10 years");
	ok(edu_secrecy_years("none") == 0, "none: no period");
	ok(edu_secrecy_years(NULL) == 0, "NULL: no period");
	is_day(edu_secrecy_ends(edu_days(2026, 3, 2), 20), 2046, 3, 2,
	       "机密 of 2026-03-02 ends on 2046-03-02");
	is_day(edu_secrecy_ends(edu_days(2024, 2, 29), 10), 2034, 2, 28,
	       "a period from 29 February ends on 28 February");
	ok(edu_secrecy_ends(edu_days(2026, 1, 1), 0) == -1, "no period, no end");
}

static void test_retention(void)
{
	ok(edu_retention_years("30y") == 30, "30y: 30 years");
	ok(edu_retention_years("10y") == 10, "10y: 10 years");
	ok(edu_retention_years("permanent") == 0, "permanent: kept");
	ok(edu_retention_years(NULL) == -1, "NULL: unknown");
	is_day(edu_retention_ends(2026, "10y"), 2037, 1, 1,
	       "a 2026 file kept 10 years runs out on 2037-01-01");
	is_day(edu_retention_ends(2026, "30y"), 2057, 1, 1,
	       "a 2026 file kept 30 years runs out on 2057-01-01");
	ok(edu_retention_ends(2026, "permanent") == -1, "a permanent file never runs out");
}

static void test_archive_codes(void)
{
	/* DA/T 22-2015: 全宗号-门类代码·年度-保管期限-件号. */
	is_free(edu_archive_code("J001", "WS", 2026, "30y", 12), "J001-WS·2026-D30-0012",
		"fonds, category·year, retention code, item of 4 digits");
	is_free(edu_archive_code("J012", "WS", 2026, "permanent", 1), "J012-WS·2026-Y-0001",
		"permanent is Y");
	is_free(edu_archive_code("0123", "WS", 2025, "10y", 10000), "0123-WS·2025-D10-10000",
		"an item past 9999 keeps every digit");
	ok(edu_archive_code("J001", "WS", 2026, "5y", 1) == NULL, "an unknown retention has no code");
	ok(edu_archive_code("J001", "WS", 2026, "10y", 0) == NULL, "item numbers start at 1");
}

static void is_no(const char *in, const char *prefix, int year, long serial)
{
	struct edu_doc_no n;
	char err[EDU_ERR_MAX];

	if (edu_doc_no_parse(in, &n, err) < 0) {
		ok(0, "%s parses (%s)", in, err);
		return;
	}
	ok(!strcmp(n.prefix, prefix) && n.year == year && n.serial == serial,
	   "%s is %s, %d, %ld (got %s, %d, %ld)", in, prefix, year, serial,
	   n.prefix, n.year, n.serial);
}

static void not_no(const char *in, const char *why)
{
	struct edu_doc_no n;
	char err[EDU_ERR_MAX];

	ok(edu_doc_no_parse(in, &n, err) < 0 && strstr(err, why),
	   "%s is not a document number: %s", in, why);
}

/* Issue 16, point 4: the forms people type, and what is not a number. */
static void test_number_forms(void)
{
	is_no("西教发〔2026〕12号", "西教发", 2026, 12);
	is_no("嘉教发[2026]7号", "嘉教发", 2026, 7);
	is_no("嘉教发〔2026〕09号", "嘉教发", 2026, 9);
	is_no(" 京教办（2027）第3号 ", "京教办", 2027, 3);
	is_no("京教办【2027】0010号", "京教办", 2027, 10);
	not_no("（2026）8号", "no issuer abbreviation");
	not_no("A1", "is not a document number");
	not_no("西教发〔26〕1号", "four digits");
	not_no("西教发〔2026〕号", "the serial");
	not_no("西教发〔2026〕0号", "the serial");
	not_no("西教发〔2026〕12", "the serial");
	not_no("西教发〔2026〕12号附件", "the serial");
}


/* One row of the rules: the column it names, or "ok". */
static const char *rule(struct edu_doc_fields d)
{
	char err[EDU_ERR_MAX];
	const char *col = NULL;

	if (!d.secrecy)
		d.secrecy = "none";
	if (!d.status)
		d.status = "registered";
	return edu_doc_rule(&d, &col, err) < 0 ? col : "ok";
}

static void test_rules(void)
{
	is(rule((struct edu_doc_fields){ .direction = "in", .received_on = "2026-03-02" }), "ok",
	   "an incoming document with its day received passes");
	is(rule((struct edu_doc_fields){ .direction = "in", .doc_date = "2026-03-01" }), "received_on",
	   "an incoming document needs its day received");
	is(rule((struct edu_doc_fields){ .direction = "out", .received_on = "2026-03-01" }), "doc_date",
	   "an outgoing document needs its date");
	is(rule((struct edu_doc_fields){ .direction = "out", .doc_date = "2026-03-01",
					 .secrecy_years = "10" }), "secrecy_years",
	   "a period without a secrecy level is refused");
	is(rule((struct edu_doc_fields){ .direction = "out", .doc_date = "2026-03-01",
					 .secrecy = "秘密", .secrecy_years = "5" }), "ok",
	   "a period with a level passes");
	is(rule((struct edu_doc_fields){ .direction = "out", .doc_date = "2026-03-01",
					 .status = "archived", .retention = "10y" }), "archive_code",
	   "an archived document without its code names archive_code");
	is(rule((struct edu_doc_fields){ .direction = "out", .doc_date = "2026-03-01",
					 .status = "archived", .archive_code = "J001-2026-D10-0001" }),
	   "retention", "... with its code but no retention, retention");
	is(rule((struct edu_doc_fields){ .direction = "in", .received_on = "2026-03-02",
					 .due = "2026-03-01" }), "due",
	   "a due day before the day received is refused");
	is(rule((struct edu_doc_fields){ .direction = "in", .received_on = "2026-03-02",
					 .due = "2026-03-02" }), "ok",
	   "... the same day is not");
	ok(edu_doc_prefix_ok("西教发"), "西教发 is a prefix");
	ok(!edu_doc_prefix_ok("西教发〔2026〕"), "a prefix with the year's brackets is not");
	ok(!edu_doc_prefix_ok("西教发[2026]"), "... nor with ASCII brackets");
}

static struct edu_doc_state state(const char *status, const char *direction)
{
	struct edu_doc_state d = { .direction = edu_strdup(direction),
				   .day = edu_days(2026, 3, 2) };

	d.vals[EDU_DOC_STATUS] = edu_strdup(status);
	return d;
}

static void test_status_rules(void)
{
	char err[EDU_ERR_MAX];
	struct edu_doc_state old = state("registered", "in"), new = state("registered", "in");

	ok(edu_doc_route(&old, &new, "基教科", NULL, err) == 0, "a registered document is routed");
	is(new.vals[EDU_DOC_STATUS], "routed", "... and is routed");
	is(new.vals[EDU_DOC_DEPARTMENT], "基教科", "... to the department");
	ok(new.vals[EDU_DOC_HANDLER] == NULL, "... with no handler unless one is named");
	ok(edu_doc_route(&new, &new, "德育科", "张三", err) == 0, "a routed one may be routed again");
	is(new.vals[EDU_DOC_HANDLER], "张三", "... to a handler");
	ok(edu_doc_may_archive(&old, err) < 0, "an incoming document not handled is not archived");
	is(err, "is registered: an incoming document is archived once it is handled", "... saying why");
	ok(edu_doc_handle(&old, &new, err) == 0, "a registered document is handled");
	is(new.vals[EDU_DOC_STATUS], "handled", "... and is handled");
	ok(edu_doc_handle(&new, &new, err) < 0, "a handled one is not handled twice");
	is(err, "is handled already", "... saying so");
	ok(edu_doc_route(&new, &old, "基教科", NULL, err) < 0, "a handled one is not routed");
	ok(edu_doc_may_archive(&new, err) == 0, "a handled incoming document may be archived");
	edu_doc_state_free(&old);
	edu_doc_state_free(&new);
	old = state("registered", "out");
	ok(edu_doc_may_archive(&old, err) == 0, "an outgoing one may be archived once issued");
	edu_doc_state_free(&old);
	old = state("archived", "out");
	old.vals[EDU_DOC_ARCHIVE_CODE] = edu_strdup("J001-2026-D10-0003");
	ok(edu_doc_may_archive(&old, err) < 0, "an archived one is not archived twice");
	is(err, "is archived already as J001-2026-D10-0003", "... naming its code");
	edu_doc_state_free(&old);
}

static void test_lists(void)
{
	is_day(edu_doc_secrecy_end("机密", 0, "2026-03-02"), 2046, 3, 2,
	       "a 机密 document without its own period: 20 years");
	is_day(edu_doc_secrecy_end("机密", 5, "2026-03-02"), 2031, 3, 2,
	       "... its own period of 5 years wins");
	ok(edu_doc_secrecy_end("none", 0, "2026-03-02") == -1, "no level, no end");
	ok(edu_doc_secrecy_end("秘密", 0, NULL) == -1, "no date, no end");
	ok(edu_doc_secrecy_end("秘密", 0, "2026-02-30") == -1, "a bad date, no end");
	is_day(edu_doc_disposal_day("10y", "2026-12-31"), 2037, 1, 1,
	       "a 10y file of 2026-12-31 is past its retention on 2037-01-01");
	ok(edu_doc_disposal_day("permanent", "2026-01-01") == -1, "a permanent file never is");
	ok(edu_doc_disposal_day("30y", NULL) == -1, "a file without a date never is");
}

/* The numbers and the lists that read the register, on a real file. */
static void test_register(void)
{
	char dir[] = "/tmp/edu-test-doc.XXXXXX", path[64], err[EDU_ERR_MAX];
	size_t n;

	if (!mkdtemp(dir))
		return;
	snprintf(path, sizeof path, "%s/edu.db", dir);
	edu_prog = "test-doc";
	edu_db_session(&(struct edu_session){ .tool = "test", .verb = "test", .user = "test" });
	if (edu_db_create(path, "tester") < 0)
		return;
	sqlite3 *db = edu_db_open(path, 1, 0);
	edu_begin(db);
	/* An imported register holds 西教发〔2026〕1号 and 2号 already. */
	edu_exec(db, "INSERT INTO document (doc_no, direction, title, doc_date, secrecy, "
		 "secrecy_years, status, archive_code, retention) VALUES "
		 "('西教发〔2026〕1号', 'out', 'a', '2016-03-02', '秘密', NULL, 'archived', "
		 " 'J001-2016-D30-0001', '30y'), "
		 "('西教发〔2026〕2号', 'out', 'b', '2026-03-02', '机密', 5, 'registered', NULL, NULL), "
		 "('西教发〔2025〕9号', 'out', 'c', '2025-01-10', '秘密', 1, 'registered', NULL, NULL)",
		 0, NULL);
	is_free(edu_doc_next_no(db, "西教发", 2026), "西教发〔2026〕3号",
		"a new number passes over those the register holds");
	is_free(edu_doc_next_no(db, "西教发", 2026), "西教发〔2026〕4号", "... and counts on");
	is_free(edu_doc_next_no(db, "西教发", 2027), "西教发〔2027〕1号", "a new year starts at 1");
	is_free(edu_doc_in_no(db, edu_days(2026, 12, 31)), "收〔2026〕1号",
		"incoming documents have their own sequence, by the year received");
	is_free(edu_doc_archive_no(db, "J001", 2016, "30y"), "J001-WS·2016-D30-0002",
		"archive items count per fonds, year and retention, past the register's "
		"(stored without the category)");
	is_free(edu_doc_archive_no(db, "J001", 2016, "permanent"), "J001-WS·2016-Y-0001",
		"... each retention from 0001");
	is_free(edu_doc_archive_no(db, "J001", 2016, "10y"), "J001-WS·2016-D10-0001",
		"... D10 too");
	is_free(edu_doc_archive_no(db, "J001", 2016, "30y"), "J001-WS·2016-D30-0003",
		"... while D30 goes on");

	struct edu_doc_state d;
	ok(edu_doc_load(db, "西教发〔2026〕2号", 0, &d) == 1, "a document loads");
	is(d.vals[EDU_DOC_STATUS], "registered", "... with its status");
	ok(d.day == edu_days(2026, 3, 2), "... and its day");
	edu_doc_state_free(&d);
	ok(edu_doc_load(db, "西教发〔2026〕99号", 0, &d) == 0, "a missing one does not");

	/* 2025-01-10 + 1 year; 2026-03-02 + 5 years; 2016-03-02 + 10 years. */
	struct edu_doc_lapsed *v = edu_doc_lapsed(db, edu_days(2026, 3, 2), &n);
	ok(n == 2, "two secret documents have run out by 2026-03-02 (got %zu)", n);
	if (n == 2) {
		is(v[0].doc_no, "西教发〔2025〕9号", "the first to run out first (2026-01-10)");
		is(v[1].doc_no, "西教发〔2026〕1号", "... then 2026-03-02");
		ok(v[1].years == 10, "... whose period is its level's");
	}
	edu_doc_lapsed_free(v, n);

	edu_exec(db, "INSERT INTO meeting (kind, day, title) VALUES ('office', '2026-03-02', 'm')", 0, NULL);
	ok(edu_decision_may_add(db, "1", "2026-03-02", err) == 0, "a decision due on the meeting day");
	ok(edu_decision_may_add(db, "1", "2026-03-01", err) < 0, "... not the day before");
	is(err, "--due: 2026-03-01 is before the meeting of 2026-03-02", "... saying so");
	ok(edu_decision_may_add(db, "2", "2026-04-01", err) < 0, "no decision of a missing meeting");
	is(err, "no meeting 2", "... saying so");
	edu_exec(db, "INSERT INTO decision (meeting_id, text, owner, due) VALUES (1, 't', 'o', '2026-04-01')",
		 0, NULL);
	ok(edu_decision_may_close(db, "1", "2026-03-01", err) < 0, "not done before its meeting");
	ok(edu_decision_may_close(db, "1", "2026-03-05", err) == 0, "done after it");
	edu_exec(db, "UPDATE decision SET done_on = '2026-03-05'", 0, NULL);
	ok(edu_decision_may_close(db, "1", "2026-03-06", err) < 0, "not done twice");
	is(err, "decision 1 was done already on 2026-03-05", "... saying when");
	edu_rollback(db);
	edu_db_close(db);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	test_numbers();
	test_secrecy();
	test_retention();
	test_archive_codes();
	test_number_forms();
	test_rules();
	test_status_rules();
	test_lists();
	test_register();
	return done_testing();
}
