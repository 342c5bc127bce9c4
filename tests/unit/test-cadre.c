/* test-cadre.c - the personnel rules of libedu/cadre.c: retirement dates
 * against the 2025 reform's published examples and its boundaries, title
 * ladder, party stages, punishment periods; the rules of the event verbs,
 * their JSON, recording on a real database, and the SQL functions. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"
#include "tap.h"

static const char *retire(const char *birth, const char *sex, const char *category)
{
	static char out[11];
	int b;

	if (edu_parse_date(birth, &b) < 0)
		return "bad date";
	return edu_date_str(edu_retire_day(b, edu_retire_kind(sex, category), NULL), out);
}

static void test_examples(void)
{
	/* The examples published with the reform (DESIGN 8). */
	is(retire("1965-01-10", "M", "cadre"), "2025-02-10", "1965-01 man retires 2025-02");
	is(retire("1965-12-01", "M", "teacher"), "2026-03-01", "1965-12 man retires 2026-03");
	is(retire("1971-04-20", "F", "cadre"), "2026-08-20", "1971-04 woman on a cadre post retires 2026-08");
}

static void test_boundaries(void)
{
	int M = EDU_RETIRE_MAN60, W55 = EDU_RETIRE_WOMAN55, W50 = EDU_RETIRE_WOMAN50;

	ok(edu_retire_kind("M", "worker") == M, "a man retires at base 60, whatever the post");
	ok(edu_retire_kind("F", "teacher") == W55, "a woman teacher at base 55");
	ok(edu_retire_kind("F", "cadre") == W55, "a woman cadre at base 55");
	ok(edu_retire_kind("F", "worker") == W50, "a woman worker at base 50");
	ok(edu_retire_base_age(M) == 60 && edu_retire_base_age(W55) == 55 &&
	   edu_retire_base_age(W50) == 50, "the base ages 60, 55, 50");

	/* Men: from 1965-01, a month per 4 months of birth, at most 36. */
	ok(edu_retire_delay(M, 1964, 12) == 0, "man born 1964-12: no delay (last unaffected)");
	ok(edu_retire_delay(M, 1965, 1) == 1, "man born 1965-01: 1 month (first affected)");
	ok(edu_retire_delay(M, 1965, 4) == 1, "man born 1965-04: 1 month");
	ok(edu_retire_delay(M, 1965, 5) == 2, "man born 1965-05: 2 months");
	ok(edu_retire_delay(M, 1976, 8) == 35, "man born 1976-08: 35 months");
	ok(edu_retire_delay(M, 1976, 9) == 36, "man born 1976-09: 36 months (first at the cap)");
	ok(edu_retire_delay(M, 1990, 6) == 36, "man born 1990-06: capped at 36");
	is(retire("1964-12-31", "M", "cadre"), "2024-12-31", "man born 1964-12-31 retires at 60");
	is(retire("1976-09-01", "M", "cadre"), "2039-09-01", "man born 1976-09-01 retires at 63");

	/* Women on cadre and professional posts: from 1970-01, 4, at most 36. */
	ok(edu_retire_delay(W55, 1969, 12) == 0, "woman(55) born 1969-12: no delay");
	ok(edu_retire_delay(W55, 1970, 1) == 1, "woman(55) born 1970-01: 1 month");
	ok(edu_retire_delay(W55, 1981, 8) == 35, "woman(55) born 1981-08: 35 months");
	ok(edu_retire_delay(W55, 1981, 9) == 36, "woman(55) born 1981-09: 36 months");
	ok(edu_retire_delay(W55, 1995, 1) == 36, "woman(55) born 1995-01: capped at 36");
	is(retire("1969-12-15", "F", "teacher"), "2024-12-15", "woman teacher born 1969-12-15 retires at 55");
	is(retire("1970-01-15", "F", "teacher"), "2025-02-15", "woman teacher born 1970-01-15: 2025-02");

	/* Women workers: from 1975-01, a month per 2 months, at most 60. */
	ok(edu_retire_delay(W50, 1974, 12) == 0, "woman(50) born 1974-12: no delay");
	ok(edu_retire_delay(W50, 1975, 1) == 1, "woman(50) born 1975-01: 1 month");
	ok(edu_retire_delay(W50, 1975, 2) == 1, "woman(50) born 1975-02: 1 month");
	ok(edu_retire_delay(W50, 1975, 3) == 2, "woman(50) born 1975-03: 2 months");
	ok(edu_retire_delay(W50, 1984, 10) == 59, "woman(50) born 1984-10: 59 months");
	ok(edu_retire_delay(W50, 1984, 11) == 60, "woman(50) born 1984-11: 60 months (the cap)");
	ok(edu_retire_delay(W50, 2000, 12) == 60, "woman(50) born 2000-12: capped at 60");
	is(retire("1984-11-15", "F", "worker"), "2039-11-15", "woman worker born 1984-11-15 retires at 55");
	is(retire("1974-12-01", "F", "worker"), "2024-12-01", "woman worker born 1974-12-01 retires at 50");

	int months;
	int b;
	edu_parse_date("1965-12-01", &b);
	edu_retire_day(b, M, &months);
	ok(months == 723, "1965-12 man: 60 years and 3 months (723)");
	/* Born on the 31st, retiring in a shorter month: its last day. */
	is(retire("1965-07-31", "M", "cadre"), "2025-09-30", "born 1965-07-31 (delay 2): 2025-09-30, the month's last day");
}

static void test_titles(void)
{
	is(edu_teacher_title("一级"), "一级教师", "short title 一级");
	is(edu_teacher_title("正高级教师"), "正高级教师", "full title");
	is(edu_teacher_title("讲师"), NULL, "another title is not a teacher title");
	is(edu_teacher_title_below("一级教师"), "二级教师", "二级 before 一级");
	is(edu_teacher_title_below("高级"), "一级教师", "一级 before 高级");
	is(edu_teacher_title_below("正高级教师"), "高级教师", "高级 before 正高级");
	is(edu_teacher_title_below("三级教师"), NULL, "nothing before 三级");
}

static void test_party(void)
{
	int d0, d1, d2;

	is(edu_party_next("none"), "applicant", "none -> applicant");
	is(edu_party_next("applicant"), "activist", "applicant -> activist");
	is(edu_party_next("activist"), "candidate", "activist -> candidate");
	is(edu_party_next("candidate"), "probationary", "candidate -> probationary");
	is(edu_party_next("probationary"), "member", "probationary -> member");
	is(edu_party_next("member"), NULL, "nothing after member");
	edu_parse_date("2024-03-15", &d0);
	edu_parse_date("2025-03-14", &d1);
	edu_parse_date("2025-03-15", &d2);
	ok(!edu_party_ready("activist", d0, d1), "activist since 2024-03-15: not a candidate on 2025-03-14");
	ok(edu_party_ready("activist", d0, d2), "... but on 2025-03-15");
	ok(!edu_party_ready("probationary", d0, d1), "probationary: not a member before a year");
	ok(edu_party_ready("probationary", d0, d2), "... a member after a year");
	ok(edu_party_ready("applicant", d2, d2), "an applicant may become an activist at once");
	ok(!edu_party_ready("member", d0, d2), "a member has no next stage");
}

static void test_punish(void)
{
	int d;
	char s[11];

	edu_parse_date("2026-01-31", &d);
	is(edu_date_str(edu_punish_until(d, 6), s), "2026-07-30", "6 months from 2026-01-31 end 2026-07-30");
	edu_parse_date("2026-03-01", &d);
	is(edu_date_str(edu_punish_until(d, 12), s), "2027-02-28", "12 months from 2026-03-01 end 2027-02-28");
}

#define D(y, m, d) edu_days(y, m, d)

static void test_helpers(void)
{
	int from, to;
	char a[11], b[11];

	is(edu_staff_title("一级"), "一级教师", "a short teacher title is stored in full");
	is(edu_staff_title("校长"), "校长", "another title is stored as given");
	is(edu_title_years_key("一级"), "cadre.title_years.first", "一级教师: the years key first");
	is(edu_title_years_key("高级教师"), "cadre.title_years.senior", "高级教师: senior");
	is(edu_title_years_key("正高级"), "cadre.title_years.full", "正高级教师: full");
	is(edu_title_years_key("二级教师"), NULL, "二级教师 has no years rule");
	is(edu_title_years_key("讲师"), NULL, "nor a title that is not a teacher's");
	ok(edu_degree_level("博士") == 2 && edu_degree_level("工学博士") == 2, "博士: level 2");
	ok(edu_degree_level("硕士") == 1 && edu_degree_level("教育硕士") == 1, "硕士: level 1");
	ok(edu_degree_level("学士") == 0 && edu_degree_level(NULL) == 0, "学士 or none: 0");
	edu_training_cycle(2021, &from, &to);
	is(edu_date_str(from, a), "2021-01-01", "the cycle from 2021 starts 2021-01-01");
	is(edu_date_str(to, b), "2025-12-31", "... and ends 2025-12-31, five years on");
	is(edu_staff_state_col(EDU_STAFF_STATUS), "status", "state 0 is status");
	is(edu_staff_state_col(EDU_STAFF_PARTY_SINCE), "party_since", "the last state is party_since");
	is(edu_staff_state_col(EDU_STAFF_NSTATE), NULL, "no state past the last");
}

/* A person: active unless told, holding `pos`, in party stage `party`
 * since `since`. */
static struct edu_staff_event person(const char *status, const char *pos, const char *rank,
				     const char *party, const char *since)
{
	struct edu_staff_event e = { 0 };

	e.old[EDU_STAFF_STATUS] = status;
	e.old[EDU_STAFF_POSITION] = pos;
	e.old[EDU_STAFF_RANK] = rank;
	e.old[EDU_STAFF_PARTY] = party;
	e.old[EDU_STAFF_PARTY_SINCE] = since;
	return e;
}

/* The rule's answer: "ok", or the reason. */
static const char *rule(const char *kind, struct edu_staff_event *e,
			const struct edu_staff_change *c, int on)
{
	static char err[EDU_ERR_MAX];

	*err = 0;
	return edu_staff_rule(NULL, kind, e, c, on, err) == 0 ? "ok" : err;
}

static int nset(const struct edu_staff_event *e)
{
	int n = 0;

	for (int i = 0; i < EDU_STAFF_NSTATE; i++)
		n += e->set[i];
	return n;
}

static void test_rules(void)
{
	struct edu_staff_event e;
	const struct edu_staff_change head = { .position = "校长", .rank = "正科", .until = -1 };
	const struct edu_staff_change headonly = { .position = "校长", .until = -1 };

	e = person("active", NULL, NULL, "none", NULL);
	is(rule("appoint", &e, &head, D(2026, 3, 1)), "ok", "appoint: a person with no post");
	ok(e.set[EDU_STAFF_POSITION] && !strcmp(e.new[EDU_STAFF_POSITION], "校长") &&
	   e.set[EDU_STAFF_RANK] && !strcmp(e.new[EDU_STAFF_RANK], "正科") && nset(&e) == 2,
	   "... sets the position and the rank, nothing else");
	is(e.detail, "校长", "... the detail is the post");
	e = person("active", "校长", "副科", "none", NULL);
	is(rule("appoint", &e, &headonly, D(2026, 3, 1)), "holds the post 校长 already",
	   "appoint to the post held, no rank: refused");
	e = person("active", "校长", "副科", "none", NULL);
	is(rule("appoint", &e, &head, D(2026, 3, 1)), "ok", "appoint to the post held with a new rank");
	ok(!e.set[EDU_STAFF_POSITION] && e.set[EDU_STAFF_RANK] && nset(&e) == 1,
	   "... changes only the rank");
	e = person("retired", NULL, NULL, "none", NULL);
	is(rule("appoint", &e, &head, D(2026, 3, 1)), "is retired, not active", "appoint: not a retired person");

	e = person("active", NULL, NULL, "none", NULL);
	is(rule("dismiss", &e, &headonly, D(2026, 3, 1)), "does not hold the post 校长 (holds none)",
	   "dismiss: from no post");
	e = person("active", "副校长", NULL, "none", NULL);
	is(rule("dismiss", &e, &headonly, D(2026, 3, 1)), "does not hold the post 校长 (holds 副校长)",
	   "dismiss: from another post");
	e = person("active", "校长", NULL, "none", NULL);
	is(rule("dismiss", &e, &headonly, D(2026, 3, 1)), "ok", "dismiss from the post held");
	ok(e.set[EDU_STAFF_POSITION] && !e.new[EDU_STAFF_POSITION] && nset(&e) == 1,
	   "... sets the position to null");

	const struct edu_staff_change first = { .title = "一级", .until = -1 };
	e = person("active", NULL, NULL, "none", NULL);
	is(rule("title", &e, &first, D(2026, 9, 1)), "ok", "title 一级");
	is(e.new[EDU_STAFF_TITLE], "一级教师", "... stored as 一级教师");
	is(e.new[EDU_STAFF_TITLE_SINCE], "2026-09-01", "... held since --on");
	e = person("active", NULL, NULL, "none", NULL);
	e.old[EDU_STAFF_TITLE] = "一级教师";
	is(rule("title", &e, &first, D(2026, 9, 1)), "holds the title 一级教师 already", "title: the one held");

	const struct edu_staff_change praise = { .kind = "嘉奖", .until = -1 };
	e = person("active", NULL, NULL, "none", NULL);
	is(rule("reward", &e, &praise, D(2026, 9, 1)), "ok", "reward");
	ok(nset(&e) == 0 && !strcmp(e.detail, "嘉奖"), "... changes no column, detail the kind");

	e = person("left", NULL, NULL, "none", NULL);
	is(rule("retire", &e, &praise, D(2026, 9, 1)), "is left, not active", "retire: not one who left");
	e = person("active", NULL, NULL, "none", NULL);
	is(rule("retire", &e, &praise, D(2026, 9, 1)), "ok", "retire an active person");
	is(e.new[EDU_STAFF_STATUS], "retired", "... status retired");
	e = person("active", NULL, NULL, "none", NULL);
	is(rule("leave", &e, &praise, D(2026, 9, 1)), "ok", "leave");
	is(e.new[EDU_STAFF_STATUS], "left", "... status left");
	e = person("active", NULL, NULL, "none", NULL);
	is(rule("promote", &e, &praise, D(2026, 9, 1)), "no staff event 'promote'", "an unknown event");
}

static void test_punish_rule(void)
{
	struct edu_staff_event e;
	const struct edu_staff_change until = { .kind = "demerit", .until = D(2026, 12, 31) };
	const struct edu_staff_change early = { .kind = "demerit", .until = D(2026, 2, 28) };
	const struct edu_staff_change dismissal = { .kind = "dismissal", .until = -1 };

	e = person("active", NULL, NULL, "none", NULL);
	is(rule("punish", &e, &until, D(2026, 3, 1)), "ok", "punish with --until");
	is(e.until, "2026-12-31", "... until the day given");
	is(e.detail, "demerit", "... detail the kind");
	e = person("active", NULL, NULL, "none", NULL);
	is(rule("punish", &e, &early, D(2026, 3, 1)), "--until 2026-02-28 is before --on 2026-03-01",
	   "punish: --until before --on");
	e = person("active", NULL, NULL, "none", NULL);
	is(rule("punish", &e, &dismissal, D(2026, 3, 1)), "ok", "a dismissal");
	ok(!e.until && nset(&e) == 1 && e.set[EDU_STAFF_STATUS] &&
	   !strcmp(e.new[EDU_STAFF_STATUS], "left"),
	   "... has no end and ends the employment: status left (issue 16, point 10)");
}

static void test_party_rule(void)
{
	struct edu_staff_event e;
	const struct edu_staff_change cand = { .stage = "candidate", .until = -1 };
	const struct edu_staff_change act = { .stage = "activist", .until = -1 };
	const struct edu_staff_change member = { .stage = "member", .until = -1 };

	e = person("active", NULL, NULL, "activist", "2025-03-01");
	is(rule("party", &e, &cand, D(2026, 2, 28)),
	   "is activist since 2025-03-01: candidate only after 12 months, from 2026-03-01",
	   "party: an activist a day short of the year");
	e = person("active", NULL, NULL, "activist", "2025-03-01");
	is(rule("party", &e, &cand, D(2026, 3, 1)), "ok", "... a candidate on the year's day");
	is(e.new[EDU_STAFF_PARTY], "candidate", "... stage candidate");
	is(e.new[EDU_STAFF_PARTY_SINCE], "2026-03-01", "... since --on");
	e = person("active", NULL, NULL, "activist", NULL);
	is(rule("party", &e, &cand, D(2026, 3, 1)), "is activist since an unknown day (set party_since)",
	   "party: an activist since an unknown day");
	e = person("active", NULL, NULL, "applicant", NULL);
	is(rule("party", &e, &act, D(2026, 3, 1)), "ok", "an applicant becomes an activist at once");
	e = person("active", NULL, NULL, "applicant", NULL);
	is(rule("party", &e, &cand, D(2026, 3, 1)), "is applicant: the next stage is activist, not candidate",
	   "party: no stage skipped");
	e = person("active", NULL, NULL, "member", "2020-01-01");
	is(rule("party", &e, &member, D(2026, 3, 1)), "is member: there is no stage after it",
	   "party: nothing after member");
}

static void test_json(void)
{
	struct edu_staff_event e = person("active", "副校长", NULL, "none", NULL);
	const struct edu_staff_change head = { .position = "校长", .rank = "正科", .doc = "西教发〔2026〕3号",
					       .until = -1 };
	struct edu_buf old = { 0 }, new = { 0 }, audit = { 0 };

	is(rule("appoint", &e, &head, D(2026, 3, 1)), "ok", "appoint 副校长 to 校长 with a rank");
	edu_staff_event_json(&e, &old, &new);
	is(old.s, "{\"position\":\"副校长\",\"rank\":null}", "old: the post and no rank");
	is(new.s, "{\"position\":\"校长\",\"rank\":\"正科\"}", "new: the post and the rank");
	edu_staff_audit_json(&e, "appoint", "2026-03-01", head.doc, &audit);
	is(audit.s, "{\"event\":\"appoint\",\"on\":\"2026-03-01\",\"detail\":\"校长\","
	   "\"doc\":\"西教发〔2026〕3号\",\"changes\":{\"position\":[\"副校长\",\"校长\"],"
	   "\"rank\":[null,\"正科\"]}}", "the audit names event, day, detail, doc and changes");
	edu_buf_free(&old);
	edu_buf_free(&new);
	edu_buf_free(&audit);

	struct edu_buf o2 = { 0 }, n2 = { 0 }, a2 = { 0 };
	e = person("active", NULL, NULL, "none", NULL);
	const struct edu_staff_change praise = { .kind = "嘉奖", .until = -1 };
	is(rule("reward", &e, &praise, D(2026, 3, 1)), "ok", "a reward");
	edu_staff_event_json(&e, &o2, &n2);
	ok(!strcmp(o2.s, "{}") && !strcmp(n2.s, "{}"), "... changes nothing: {} and {}");
	edu_staff_audit_json(&e, "reward", "2026-03-01", NULL, &a2);
	is(a2.s, "{\"event\":\"reward\",\"on\":\"2026-03-01\",\"detail\":\"嘉奖\",\"changes\":{}}",
	   "... its audit has no doc and no changes");
	edu_buf_free(&o2);
	edu_buf_free(&n2);
	edu_buf_free(&a2);
}

static char *q(sqlite3 *db, const char *sql)
{
	return edu_query1(db, sql, 0, NULL);
}

static void is_q(sqlite3 *db, const char *sql, const char *want, const char *name)
{
	char *got = q(db, sql);

	is(got, want, name);
	free(got);
}

static void test_record(sqlite3 *db)
{
	char err[EDU_ERR_MAX] = "";
	const struct edu_staff_change head = { .position = "校长", .doc = "西教发〔2026〕3号", .until = -1 };
	const struct edu_staff_change warn = { .kind = "warning", .until = -1 };

	edu_exec(db, "INSERT INTO staff (staff_no, name, sex, birth_date, unit, category) "
		 "VALUES ('S1', '王一', 'M', '1970-05-01', '办公室', 'cadre')", 0, NULL);
	edu_exec(db, "BEGIN", 0, NULL);
	ok(edu_staff_record(db, "S9", "appoint", &head, D(2026, 3, 1), err) == 1 && !*err,
	   "record: no person S9 is 1, no reason");
	ok(edu_staff_record(db, "S1", "appoint", &head, D(2026, 3, 1), err) == 0,
	   "record: appoint S1 校长 on 2026-03-01");
	is_q(db, "SELECT position FROM staff WHERE staff_no = 'S1'", "校长", "... the register holds it");
	is_q(db, "SELECT day || ' ' || kind || ' ' || detail || ' ' || doc || ' ' || old || ' ' || new "
	     "FROM staff_event WHERE staff_no = 'S1'",
	     "2026-03-01 appoint 校长 西教发〔2026〕3号 {\"position\":null} {\"position\":\"校长\"}",
	     "... one event with its day, detail, doc, old and new");
	is_q(db, "SELECT change FROM audit WHERE entity = 'staff' AND key = 'S1'",
	     "{\"event\":\"appoint\",\"on\":\"2026-03-01\",\"detail\":\"校长\",\"doc\":\"西教发〔2026〕3号\","
	     "\"changes\":{\"position\":[null,\"校长\"]}}", "... one audit row naming the change");

	ok(edu_staff_record(db, "S1", "dismiss", &head, D(2026, 2, 1), err) == -1,
	   "record: a dismissal dated before the appointment is refused");
	is(err, "--on 2026-02-01 is before its last change of position, on 2026-03-01", "... the reason");
	is_q(db, "SELECT count(*) FROM staff_event", "1", "... and no event written");
	is_q(db, "SELECT count(*) FROM audit WHERE entity = 'staff'", "1", "... nor audit row");
	is_q(db, "SELECT position FROM staff WHERE staff_no = 'S1'", "校长", "... the post kept");

	*err = 0;
	ok(edu_staff_record(db, "S1", "punish", &warn, D(2026, 1, 31), err) == 0,
	   "record: a warning on 2026-01-31 (no column, so no date order)");
	is_q(db, "SELECT until FROM staff_event WHERE kind = 'punish'", "2026-07-30",
	     "... 6 months by default: until 2026-07-30");
	edu_exec(db, "INSERT INTO setting (key, value) VALUES ('cadre.punish.warning', '3')", 0, NULL);
	ok(edu_punish_months(db, "warning") == 3, "the setting cadre.punish.warning 3 is read");
	ok(edu_punish_months(db, "demotion") == 24, "demotion: 24 months by default");
	/* 公职人员政务处分法 art. 8 periods, art. 20 effects. */
	ok(edu_punish_months(db, "removal") == 24, "撤职: 24 months (art. 8)");
	ok(edu_punish_months(db, "dismissal") == 0, "开除: no period");
	ok(edu_punish_kind("warning")->bars_promotion && !edu_punish_kind("warning")->bars_pay,
	   "警告 bars promotion, not pay (art. 20)");
	ok(edu_punish_kind("demerit")->bars_pay, "记过 bars a higher pay grade");
	ok(edu_punish_kind("removal")->removes_post && !edu_punish_kind("removal")->ends_employment,
	   "撤职 removes the post");
	ok(edu_punish_kind("dismissal")->ends_employment, "开除 ends the employment");
	ok(edu_punish_kind("fine") == NULL, "no such kind");
	/* 人社部发〔2015〕79号, annex: 一级 4/2/0 years, 高级 5/5/2, 正高级 5. */
	ok(edu_title_years(db, "一级教师", 0) == 4 && edu_title_years(db, "一级教师", 1) == 2 &&
	   edu_title_years(db, "一级教师", 2) == 0, "一级: 4 years, 2 with 硕士, none with 博士");
	ok(edu_title_years(db, "高级", 0) == 5 && edu_title_years(db, "高级", 1) == 5 &&
	   edu_title_years(db, "高级", 2) == 2, "高级: 5 years, 5 with 硕士, 2 with 博士");
	ok(edu_title_years(db, "正高级", 2) == 5, "正高级: 5 for all");
	ok(edu_title_years(db, "二级教师", 0) == -1, "二级教师: no rule");
	edu_exec(db, "COMMIT", 0, NULL);
}

/* The check's answer: "ok", or "column: reason". */
static const char *check(sqlite3 *db, const char *id, const char *sex, const char *unit,
			 const char *title, const char *title_since, const char *party,
			 const char *party_since)
{
	static char out[EDU_ERR_MAX + 32];
	char err[EDU_ERR_MAX] = "";
	const char *col = NULL;
	const struct edu_staff_facts f = {
		.id_number = id, .sex = sex, .birth_date = "1970-05-01", .unit = unit,
		.title = title, .title_since = title_since, .party = party,
		.party_since = party_since,
	};

	if (edu_staff_check(db, &f, &col, err) == 0)
		return "ok";
	snprintf(out, sizeof out, "%s: %s", col, err);
	return out;
}

static void test_check(sqlite3 *db)
{
	/* 110105 19700501 001 9: the check digit worked out by hand (sum of
	 * digits times weights 146, 146 mod 11 = 3, so '9'); 002 7 a woman. */
	const char *man = "110105197005010019", *woman = "110105197005010027";

	edu_exec(db, "INSERT INTO school (school_code, name, kind, ownership) "
		 "VALUES ('2111010209', '一小', 'primary', 'public')", 0, NULL);
	is(check(db, man, "M", "2111010209", NULL, NULL, "none", NULL), "ok",
	   "check: a man of 1970-05-01 at a school of the registry");
	is(check(db, NULL, "F", "人事科", NULL, NULL, "none", NULL), "ok",
	   "check: no ID number, a department by name");
	is(check(db, woman, "M", "人事科", NULL, NULL, "none", NULL),
	   "id_number: it is a woman's number, but sex is M", "check: a woman's number for a man");
	is(check(db, man, "F", "人事科", NULL, NULL, "none", NULL),
	   "id_number: it is a man's number, but sex is F", "check: a man's number for a woman");
	struct edu_staff_facts f = { .id_number = man, .sex = "M", .birth_date = "1970-05-02",
				     .unit = "人事科", .party = "none" };
	char err[EDU_ERR_MAX];
	const char *col = NULL;
	ok(edu_staff_check(db, &f, &col, err) == -1 && !strcmp(col, "id_number"),
	   "check: birth_date a day off the number's");
	is(err, "the birth date in it, 1970-05-01, is not birth_date 1970-05-02", "... the reason");
	is(check(db, man, "M", "2111010299", NULL, NULL, "none", NULL), "unit: no school '2111010299'",
	   "check: ten digits that are no school");
	is(check(db, man, "M", "211101020", NULL, NULL, "none", NULL), "ok",
	   "check: nine digits are a department's name");
	is(check(db, man, "M", "人事科", NULL, "2020-09-01", "none", NULL),
	   "title_since: a date without a title", "check: title_since without a title");
	is(check(db, man, "M", "人事科", "一级教师", "2020-09-01", "none", "2020-01-01"),
	   "party_since: a date without a party stage", "check: party_since in stage none");
	is(check(db, man, "M", "人事科", "一级教师", "2020-09-01", "member", "2020-01-01"), "ok",
	   "check: both dates with their values");
}

static void test_stats(sqlite3 *db)
{
	static const char *const people[][3] = {
		{ "T1", "1996-03-02", "F" },	/* 29 on 2026-03-01 */
		{ "T2", "1996-03-01", "F" },	/* 30 on its birthday */
		{ "T3", "1976-03-02", "M" },	/* 49 */
		{ "T4", "1971-06-30", "M" },	/* 54 */
		{ "T5", "1966-01-01", "M" },	/* 60 */
	};
	char *got;

	ok(!edu_staff_stats_sql("height") && !edu_staff_stats_sql(NULL), "stats: no query for height");
	ok(edu_staff_stats_sql("unit") != NULL, "stats: a query for unit");
	edu_exec(db, "DELETE FROM staff_event", 0, NULL);
	edu_exec(db, "DELETE FROM staff", 0, NULL);
	for (size_t i = 0; i < sizeof people / sizeof *people; i++) {
		const char *p[] = { people[i][0], people[i][1], people[i][2] };
		edu_exec(db, "INSERT INTO staff (staff_no, name, sex, birth_date, unit, category) "
			 "VALUES (?1, ?1, ?3, ?2, '人事科', 'teacher')", 3, p);
	}
	edu_exec(db, "UPDATE staff SET status = 'retired' WHERE staff_no = 'T5'", 0, NULL);
	edu_exec(db, "INSERT INTO staff (staff_no, name, sex, birth_date, unit, category) "
		 "VALUES ('T6', 'T6', 'M', '1965-01-01', '人事科', 'cadre')", 0, NULL);

	sqlite3_stmt *st = edu_prepare(db, edu_staff_stats_sql("age"));
	struct edu_buf b = { 0 };
	sqlite3_bind_text(st, 1, "2026-03-01", -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		edu_buf_printf(&b, "%s=%d ", sqlite3_column_text(st, 0), sqlite3_column_int(st, 1));
	sqlite3_finalize(st);
	is(b.s, "-29=1 30-39=1 40-49=1 50-54=1 60-=1 ",
	   "stats by age on 2026-03-01: the bands by birthdays, the retired not counted");
	edu_buf_free(&b);

	st = edu_prepare(db, edu_staff_stats_sql("category"));
	struct edu_buf c = { 0 };
	while (sqlite3_step(st) == SQLITE_ROW)
		edu_buf_printf(&c, "%s=%d ", sqlite3_column_text(st, 0), sqlite3_column_int(st, 1));
	sqlite3_finalize(st);
	is(c.s, "cadre=1 teacher=4 ", "stats by category: active only, in order");
	edu_buf_free(&c);
	got = q(db, "SELECT count(*) FROM staff");
	is(got, "6", "... (six people in the register)");
	free(got);
}

static void test_functions(sqlite3 *db)
{
	edu_cadre_functions(db);
	is_q(db, "SELECT retire_date('1965-12-01', 'M', 'teacher')", "2026-03-01",
	     "retire_date: a man born 1965-12-01");
	is_q(db, "SELECT retire_age('1965-12-01', 'M', 'teacher')", "60y3m", "retire_age: 60y3m");
	is_q(db, "SELECT retire_age('1984-11-15', 'F', 'worker')", "55y0m", "retire_age: woman worker 55y0m");
	is_q(db, "SELECT coalesce(retire_date('soon', 'M', 'cadre'), 'null')", "null",
	     "retire_date of no date is null");
	is_q(db, "SELECT add_months('2026-01-31', 1)", "2026-02-28", "add_months: to a month's last day");
	is_q(db, "SELECT party_next('candidate')", "probationary", "party_next");
	is_q(db, "SELECT coalesce(party_next('member'), 'null')", "null", "party_next after member is null");
	is_q(db, "SELECT party_ready('probationary', '2025-03-15', '2026-03-14') || "
	     "party_ready('probationary', '2025-03-15', '2026-03-15') || "
	     "party_ready('activist', NULL, '2026-03-15')", "010", "party_ready: a year, and no day is not ready");
}

int main(void)
{
	test_examples();
	test_boundaries();
	test_titles();
	test_party();
	test_punish();
	test_helpers();
	test_rules();
	test_punish_rule();
	test_party_rule();
	test_json();
	const char *dbpath = tap_db_path("cadre");
	if (!dbpath) {
		printf("Bail out! cannot make a temporary directory\n");
		return 1;
	}
	ok(edu_db_create(dbpath, "tester") == 0, "database created");
	sqlite3 *db = edu_db_open(dbpath, 1, 0);
	test_record(db);
	test_functions(db);
	test_check(db);
	test_stats(db);
	edu_db_close(db);
	return done_testing();
}
