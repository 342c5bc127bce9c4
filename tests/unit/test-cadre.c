/* test-cadre.c - the personnel rules of libedu/cadre.c: retirement dates
 * against the 2025 reform's published examples and its boundaries, title
 * ladder, party stages, punishment periods. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

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

int main(void)
{
	test_examples();
	test_boundaries();
	test_titles();
	test_party();
	test_punish();
	return done_testing();
}
