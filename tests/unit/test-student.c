/* test-student.c - the student registry's rules (libedu/student.c), with
 * answers worked out by hand: a row's student number made from its ID
 * number, the checks across a row's fields, what each status event may
 * do, promotion once a year, a disabled child's placement, and the two
 * reports. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "edu.h"
#include "tap.h"

/* 110102201612279124: born 2016-12-27, 17th digit 2: a girl.
 * 110102191612279128 is the 18-character form of the 15-digit
 * 110102161227912: "19" put in the birth year, and the check character of
 * 11010219161227912 (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2: sum
 * 224, 224 mod 11 = 4, and 4 gives '8' in "10X98765432"). */
#define GIRL "110102201612279124"
#define OLD15 "110102161227912"
#define OLD18 "110102191612279128"

static char dir[] = "/tmp/edu-test-student.XXXXXX", path[300];

static long count(sqlite3 *db, const char *sql)
{
	char *s = edu_query1(db, sql, 0, NULL);
	long n = s ? atol(s) : -1;

	free(s);
	return n;
}

/* A statement's rows as "a,b;c,d", finalised. */
static char *rows(sqlite3_stmt *st)
{
	struct edu_buf b = { 0 };

	edu_buf_puts(&b, "");
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (b.len)
			edu_buf_puts(&b, ";");
		for (int i = 0; i < sqlite3_column_count(st); i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);
			edu_buf_printf(&b, "%s%s", i ? "," : "", v ? v : "");
		}
	}
	sqlite3_finalize(st);
	return b.s;
}

static void test_trimmed(void)
{
	char out[EDU_VAL_MAX], in[100];

	ok(edu_trimmed(" \t a b\t ", out) == 0, "blanks and tabs around a value...");
	is(out, "a b", "... are dropped, those inside kept");
	memset(in, 'x', 63);
	in[63] = '\0';
	ok(edu_trimmed(in, out) == 0 && strlen(out) == 63, "63 bytes fit");
	in[63] = 'x';
	in[64] = '\0';
	ok(edu_trimmed(in, out) < 0, "64 bytes do not");
}

static void test_derive(void)
{
	char buf[EDU_DERIVE_MAX][EDU_VAL_MAX], err[EDU_ERR_MAX];
	const char *raw[EDU_S_NCOLS], *col;

	memset(raw, 0, sizeof raw);
	raw[EDU_S_NO] = "";
	raw[EDU_S_IDTYPE] = "居民身份证";
	raw[EDU_S_ID] = " " GIRL " ";
	ok(edu_student_derive(NULL, raw, buf, &col, err) == 0, "a resident without a student number");
	is(raw[EDU_S_NO], "G" GIRL, "... is given G and her ID number");
	is(raw[EDU_S_ID], GIRL, "... the ID number trimmed");

	memset(raw, 0, sizeof raw);
	raw[EDU_S_NO] = " ";
	raw[EDU_S_IDTYPE] = "resident";
	raw[EDU_S_ID] = OLD15;
	ok(edu_student_derive(NULL, raw, buf, &col, err) == 0, "a 15-digit ID number");
	is(raw[EDU_S_ID], OLD18, "... is stored in its 18-character form");
	is(raw[EDU_S_NO], "G" OLD18, "... and the student number made from that");

	memset(raw, 0, sizeof raw);
	raw[EDU_S_NO] = "";
	raw[EDU_S_IDTYPE] = "passport";
	raw[EDU_S_ID] = "E12345678";
	ok(edu_student_derive(NULL, raw, buf, &col, err) < 0 && !strcmp(col, "student_no"),
	   "a passport holder must have a student number");
	is(err, "may be left empty only for a resident with an ID number", "... said so");

	memset(raw, 0, sizeof raw);
	raw[EDU_S_NO] = "";
	raw[EDU_S_IDTYPE] = "bogus";
	ok(edu_student_derive(NULL, raw, buf, &col, err) < 0 && !strcmp(col, "id_type"),
	   "an unknown ID type is the id_type column's fault");

	/* An upsert without an id_type column: the stored type decides. */
	memset(raw, 0, sizeof raw);
	raw[EDU_S_NO] = "g" GIRL;
	raw[EDU_S_ID] = "E12345678";
	ok(edu_student_derive(NULL, raw, buf, &col, err) == 0,
	   "without an id_type column a non-resident ID number is left to the row check");
	is(raw[EDU_S_NO], "G" GIRL, "... the student number normalised (g -> G)");
	raw[EDU_S_NO] = NULL;
	ok(edu_student_derive(NULL, raw, buf, &col, err) < 0 && !strcmp(col, "id_number"),
	   "... but with no student number either, the ID number is at fault");
}

/* A state: school, grade, status. */
static struct edu_student_state st(const char *school, int grade, const char *status)
{
	struct edu_student_state s = { .grade = grade };

	snprintf(s.no, sizeof s.no, "G%s", GIRL);
	snprintf(s.school, sizeof s.school, "%s", school);
	snprintf(s.status, sizeof s.status, "%s", status);
	return s;
}

/* The new status after `kind`, or the reason it was refused. */
static char result[EDU_ERR_MAX];
static const char *change(sqlite3 *db, const char *kind, struct edu_student_state from,
			  const char *to_school)
{
	struct edu_student_state to = from;

	if (to_school)
		snprintf(to.school, sizeof to.school, "%s", to_school);
	if (edu_student_change(db, kind, NULL, &from, &to, result) < 0)
		return result;
	snprintf(result, sizeof result, "%s %s %d", to.status, to.school, to.grade);
	return result;
}

static void test_changes(void)
{
	const char *P = "2111010209";

	is(change(NULL, "suspend", st(P, 3, "enrolled"), NULL), "suspended 2111010209 3",
	   "suspend: enrolled -> suspended");
	is(change(NULL, "suspend", st(P, 3, "suspended"), NULL), "is suspended, not enrolled",
	   "... not a suspended student");
	is(change(NULL, "resume", st(P, 3, "suspended"), NULL), "enrolled 2111010209 3",
	   "resume: suspended -> enrolled");
	is(change(NULL, "resume", st(P, 3, "enrolled"), NULL), "is enrolled, not suspended",
	   "... not an enrolled one");
	is(change(NULL, "withdraw", st(P, 3, "suspended"), NULL), "withdrawn 2111010209 3",
	   "withdraw: a suspended student too");
	is(change(NULL, "withdraw", st(P, 3, "graduated"), NULL), "is graduated already",
	   "... not a graduate");
	is(change(NULL, "graduate", st(P, 9, "enrolled"), NULL), "graduated 2111010209 9",
	   "graduate: from grade 9, the last of junior school");
	is(change(NULL, "graduate", st(P, 8, "enrolled"), NULL),
	   "is in grade 8, not the last grade of junior school", "... not from grade 8");
	is(change(NULL, "graduate", st(P, 12, "suspended"), NULL), "is suspended, not enrolled",
	   "... nor a suspended student");
	is(change(NULL, "promote", st(P, 3, "enrolled"), NULL), "no event 'promote'",
	   "promote is not a per-student event");
}

static void add_school(sqlite3 *db, const char *code, const char *kind, const char *status,
		       const char *seats)
{
	const char *p[] = { code, kind, status, seats };

	edu_exec(db, "INSERT INTO school (school_code, name, kind, ownership, status, entry_seats) "
		 "VALUES (?1, 'S' || ?1, ?2, 'public', ?3, ?4)", 4, p);
}

static void add_student(sqlite3 *db, const char *id, const char *sex, const char *birth,
			const char *school, const char *grade, const char *status,
			const char *entry, const char *disability, const char *placement)
{
	const char *p[] = { id, sex, birth, school, grade, status, entry, disability, placement };

	edu_exec(db, "INSERT INTO student (student_no, id_type, id_number, name, sex, birth_date, "
		 "school_code, grade, status, entry_date, disability, placement) VALUES "
		 "('G' || ?1, 'resident', ?1, 'N', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", 9, p);
}

/* A row's values for the check: all NULL but those a student needs. */
static const char **row(const char *no, const char *id, const char *sex, const char *birth,
			const char *school, const char *grade)
{
	static const char *v[EDU_S_NCOLS];

	memset(v, 0, sizeof v);
	v[EDU_S_NO] = no;
	v[EDU_S_IDTYPE] = "resident";
	v[EDU_S_ID] = id;
	v[EDU_S_NAME] = "N";
	v[EDU_S_SEX] = sex;
	v[EDU_S_BIRTH] = birth;
	v[EDU_S_SCHOOL] = school;
	v[EDU_S_GRADE] = grade;
	v[EDU_S_STATUS] = "enrolled";
	return v;
}

static void test_check(sqlite3 *db)
{
	char err[EDU_ERR_MAX];
	const char *col, **v;

	is(edu_school_kind(db, "2111010209"), "primary", "a school's kind");
	ok(edu_school_kind(db, "2111019999") == NULL, "... none for no school");
	ok(edu_school_grade_check(db, "2111010209", 6, err) == 0, "a primary school teaches grade 6");
	ok(edu_school_grade_check(db, "2111010209", 7, err) < 0, "... not grade 7");
	is(err, "school 2111010209 is a primary school, with grades 1-6, not 7", "... said so");
	ok(edu_school_grade_check(db, "2111010201", 1, err) < 0, "a kindergarten teaches no grade 1");
	is(err, "school 2111010201 is a kindergarten school, with grades K1-K3, not 1", "... said so");
	ok(edu_school_grade_check(db, "2111010201", -2, err) == 0, "... but K1 (-2)");
	ok(edu_school_grade_check(db, "2111010209", 0, err) < 0, "a primary school teaches no K3");
	is(err, "school 2111010209 is a primary school, with grades 1-6, not K3", "... said so");
	char g[8];
	is(edu_grade_name(-2, g), "K1", "grade -2 is written K1");
	is(edu_grade_name(0, g), "K3", "... 0 is K3");
	is(edu_grade_name(12, g), "12", "... 12 is 12");

	v = row("G" GIRL, GIRL, "F", "2016-12-27", "2111010209", "4");
	ok(edu_student_check(db, v, &col, err) == 0, "a girl born 2016-12-27 in grade 4 passes");
	v[EDU_S_SEX] = "M";
	ok(edu_student_check(db, v, &col, err) < 0 && !strcmp(col, "sex"), "as a boy she does not");
	is(err, "M, but the ID number says F", "... the ID number says why");
	v[EDU_S_SEX] = "F";
	v[EDU_S_BIRTH] = "2016-12-28";
	ok(edu_student_check(db, v, &col, err) < 0 && !strcmp(col, "birth_date"),
	   "a birth date the ID number does not say is refused");
	v[EDU_S_BIRTH] = "2016-12-27";
	v[EDU_S_NO] = "G" OLD18;
	ok(edu_student_check(db, v, &col, err) < 0 && !strcmp(col, "student_no"),
	   "a G number of another ID number is refused");
	v[EDU_S_NO] = "G" GIRL;
	v[EDU_S_ENTRY] = "2016-12-27";
	ok(edu_student_check(db, v, &col, err) < 0 && !strcmp(col, "entry_date"),
	   "an entry on the birth day is refused");
	is(err, "2016-12-27 is not after the birth date 2016-12-27", "... said so");
	v[EDU_S_ENTRY] = NULL;
	v[EDU_S_MAJOR] = "会计";
	ok(edu_student_check(db, v, &col, err) < 0 && !strcmp(col, "major"),
	   "a major at a primary school is refused");
	v[EDU_S_MAJOR] = NULL;
	v[EDU_S_PLACE] = "regular-class";
	ok(edu_student_check(db, v, &col, err) < 0 && !strcmp(col, "placement"),
	   "a placement without a disability is refused");
	v[EDU_S_DISAB] = "visual";
	ok(edu_student_check(db, v, &col, err) == 0, "... with one it passes");
	v = row("L110102201612270001", "X1", "F", "2016-12-27", "2111010209", "4");
	v[EDU_S_IDTYPE] = "passport";
	ok(edu_student_check(db, v, &col, err) == 0, "an L number carrying the birth date passes");
	v[EDU_S_BIRTH] = "2016-12-26";
	ok(edu_student_check(db, v, &col, err) < 0 && !strcmp(col, "student_no"),
	   "... one carrying another is refused");
	is(err, "an L number carries the birth date: 20161227 is not 2016-12-26", "... said so");
	v[EDU_S_NO] = "J110102201612279124";
	v[EDU_S_BIRTH] = "2999-01-01";
	ok(edu_student_check(db, v, &col, err) < 0 && !strcmp(col, "birth_date"),
	   "a birth in the future is refused");

	is(change(db, "transfer", st("2111010209", 3, "enrolled"), "2111010210"),
	   "enrolled 2111010210 3", "transfer: the school changes, nothing else");
	is(change(db, "transfer", st("2111010209", 3, "enrolled"), "2111010209"),
	   "is at school 2111010209 already", "... not to the same school");
	is(change(db, "transfer", st("2111010209", 3, "enrolled"), "2111010211"),
	   "school 2111010211 is closed", "... not to a closed school");
	is(change(db, "transfer", st("2111010209", 8, "enrolled"), "2111010210"),
	   "school 2111010210 is a primary school, with grades 1-6, not 8",
	   "... not to a school without the grade");
	is(change(db, "transfer", st("2111010209", 3, "withdrawn"), "2111010210"),
	   "is withdrawn, not enrolled", "... not a withdrawn student");
}

static void test_find(sqlite3 *db)
{
	char *no;

	no = edu_student_find(db, " " GIRL " ");
	is(no, "G" GIRL, "a student found by ID number");
	free(no);
	no = edu_student_find(db, "g" GIRL);
	is(no, "G" GIRL, "... and by student number, normalised");
	free(no);
	no = edu_student_find(db, OLD15);
	is(no, "G" OLD18, "... and by a 15-digit ID number");
	free(no);
	ok(edu_student_find(db, "110102201612270015") == NULL, "no one: NULL");
}

static void test_promote(sqlite3 *db)
{
	long into, stayed;

	/* Promoted for 2026 on 2026-07-15: the girl (grade 4, entered 2023)
	 * and the one of 15 digits (grade 2, no entry date); not the grade-6
	 * boy (left for graduate), the suspended one, nor the one who enters
	 * on 2026-09-01. */
	edu_begin(db);
	long n = edu_student_promote(db, 2026, "2026-07-15", 0, &into, &stayed);
	edu_rollback(db);
	ok(n == -1, "refused while the grade-6 boy, there since 2021, has not graduated");
	ok(stayed == 1, "... one named (%ld)", stayed);
	ok(count(db, "SELECT count(*) FROM student_event WHERE kind = 'promote'") == 0,
	   "... no one promoted");
	edu_begin(db);
	n = edu_student_promote(db, 2026, "2026-07-15", 1, &into, &stayed);
	edu_commit(db);
	ok(n == 2, "two students promoted (%ld)", n);
	ok(into == 0, "... neither into a last grade: 4 -> 5, 2 -> 3 (%ld)", into);
	ok(stayed == 1, "one enrolled student in a last grade is left for graduate (%ld)", stayed);
	ok(count(db, "SELECT grade FROM student WHERE student_no = 'G" GIRL "'") == 5,
	   "the girl is in grade 5");
	ok(count(db, "SELECT grade FROM student WHERE id_number = '110102201509010012'") == 6,
	   "the grade-6 boy is where he was");
	ok(count(db, "SELECT grade FROM student WHERE id_number = '11010220190901002X'") == 1,
	   "the child entering in September is where she was");
	ok(count(db, "SELECT count(*) FROM audit WHERE key = 'promote 2026' AND "
		 "change = '{\"promoted\":2,\"day\":\"2026-07-15\"}'") == 1, "audited as one row");
	edu_begin(db);
	n = edu_student_promote(db, 2026, "2026-07-16", 1, &into, &stayed);
	edu_commit(db);
	ok(n == 0, "a second run for 2026 promotes no one");
	ok(into == 0 && stayed == 1, "... and counts the same one left for graduate");
	ok(count(db, "SELECT grade FROM student WHERE student_no = 'G" GIRL "'") == 5,
	   "... the girl stays in grade 5");
	ok(count(db, "SELECT count(*) FROM audit WHERE key = 'promote 2026'") == 1,
	   "... and it is not audited");
}

static void test_place_and_reports(sqlite3 *db)
{
	char *s;

	edu_begin(db);
	edu_student_place(db, "G" GIRL, "hearing", "special-school", "2026-07-20");
	edu_commit(db);
	s = edu_query1(db, "SELECT disability || ' ' || placement FROM student "
		       "WHERE student_no = 'G" GIRL "'", 0, NULL);
	is(s, "hearing special-school", "a placement is set");
	free(s);
	s = edu_query1(db, "SELECT day || ' ' || reason || ' ' || from_school || ' ' || to_grade "
		       "|| ' ' || to_status FROM student_event WHERE kind = 'placement'", 0, NULL);
	is(s, "2026-07-20 hearing, special-school 2111010209 5 enrolled",
	   "... with its event, the student's state unchanged");
	free(s);

	/* Enrolled and disabled: the girl (hearing, special school), the one
	 * of 15 digits (hearing, unplaced: set below) and the grade-6 boy
	 * (visual, regular class); the suspended one (visual) is not
	 * counted.  hearing: 1 of 2 placed, 50.0; all: 2 of 3, 66.7. */
	edu_exec(db, "UPDATE student SET disability = 'hearing' WHERE id_number = '" OLD18 "'", 0, NULL);
	s = rows(edu_student_disability_report(db, "2026-12-31"));
	is(s, "visual,1,0,0,0,0,1,100.0;hearing,0,0,1,0,1,2,50.0;all,1,0,1,0,1,3,66.7",
	   "the disability report: by category in the standard's order, then all");
	free(s);
	s = rows(edu_student_disability_report(db, "2026-01-01"));
	is(s, "visual,1,0,0,0,0,1,100.0;hearing,0,0,1,0,1,2,50.0;all,1,0,1,0,1,3,66.7",
	   "... as of 2026-01-01 the same three");
	free(s);
	s = rows(edu_student_disability_report(db, "2010-01-01"));
	is(s, "hearing,0,0,0,0,1,1,0.0;all,0,0,0,0,1,1,0.0",
	   "... as of 2010-01-01 only the one without an entry date, unplaced: 0.0");

	free(s);

	s = rows(edu_student_stats(db, "grade"));
	is(s, "1,1;3,1;5,1;6,1", "stats by grade: enrolled students only");
	free(s);
	s = rows(edu_student_stats(db, "status"));
	is(s, "enrolled,4;suspended,1", "stats by status: every student, enrolled first");
	free(s);
	s = rows(edu_student_stats(db, "disability"));
	is(s, "hearing,2;none,1;visual,1", "stats by disability: 'none' for none");
	free(s);
	ok(edu_student_stats(db, "bogus") == NULL, "no stats by an unknown column");
}

static void cleanup(void)
{
	static const char *const suffix[] = { "/edu.db", "/edu.db-wal", "/edu.db-shm" };

	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s%s", dir, suffix[i]);
		unlink(path);
	}
	rmdir(dir);
}

/* The counts of edu_student_asof_count are those of EDU_STUDENT_ASOF
 * grouped by the same labels, whatever the day: before, between and on
 * the days of a student's events (a voided one among them, two on one
 * day, one that leaves the grade unsaid). */
static void test_asof_count(sqlite3 *db)
{
	static const char *const days[] = {
		"2010-01-01", "2026-03-01", "2026-04-01", "2026-04-15", "2026-05-01",
		"2026-05-15", "2026-06-01", "2026-12-31",
	};
	char *s, *want;

	edu_exec(db, "INSERT INTO student_event (student_no, day, kind, from_school, to_school, "
		 "from_grade, to_grade, from_status, to_status, void_on, void_reason) VALUES "
		 "('G" GIRL "', '2026-04-01', 'transfer', '2111010210', '2111010209', 2, 4, "
		 "'enrolled', 'enrolled', '2026-04-02T00:00:00Z', 'wrong school'), "
		 "('G" GIRL "', '2026-05-01', 'transfer', '2111010211', '2111010209', 3, 4, "
		 "'enrolled', 'enrolled', NULL, NULL), "
		 "('G" GIRL "', '2026-05-01', 'suspend', '2111010209', '2111010209', 4, 4, "
		 "'suspended', 'enrolled', NULL, NULL), "
		 "('G" GIRL "', '2026-06-01', 'corrected', NULL, '2111010209', NULL, 4, "
		 "'withdrawn', 'enrolled', NULL, NULL)", 0, NULL);
	for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
		const char *day[] = { days[i] };
		sqlite3_stmt *st = edu_prepare(db,
			"SELECT school_code, grade, class, sex, ethnicity, status, disability, "
			"placement, zone, count(*) FROM (" EDU_STUDENT_ASOF ") "
			"GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9");
		sqlite3_bind_text(st, 1, days[i], -1, SQLITE_STATIC);
		want = rows(st);
		edu_student_asof_count(db, days[i]);
		s = rows(edu_prepare(db, "SELECT school_code, " EDU_GRADE_SQL("grade") ", class, "
				     "sex, ethnicity, status, disability, placement, zone, sum(n) "
				     "FROM temp.student_asof GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 "
				     "ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9"));
		ok(!strcmp(s, want) && (*want || i == 0), "the students counted as of %s", *day);
		if (strcmp(s, want))
			printf("# got  %s\n# want %s\n", s, want);
		free(s);
		free(want);
	}
	s = edu_query1(db, "SELECT school_code || ' ' || grade || ' ' || status FROM "
		       "temp.student_asof WHERE sex = 'F' AND school_code <> '2111010209'", 0, NULL);
	is(s, NULL, "... on the last day the girl back at her school");
	free(s);
	edu_student_asof_count(db, "2026-04-15");
	s = edu_query1(db, "SELECT school_code || ' ' || grade || ' ' || status || ' ' || n FROM "
		       "temp.student_asof WHERE school_code = '2111010211'", 0, NULL);
	is(s, "2111010211 3 enrolled 1", "... on 04-15 at the school of her first valid event");
	free(s);
	edu_student_asof_count(db, "2026-05-15");
	s = edu_query1(db, "SELECT status FROM temp.student_asof WHERE status = 'withdrawn'", 0, NULL);
	is(s, "withdrawn", "... on 05-15 as the event without a grade says, in her grade");
	free(s);
}

int main(void)
{
	test_trimmed();
	test_derive();
	test_changes();
	if (!mkdtemp(dir)) {
		printf("Bail out! cannot make a temporary directory\n");
		return 1;
	}
	atexit(cleanup);
	snprintf(path, sizeof path, "%s/edu.db", dir);
	edu_prog = "test-student";
	edu_db_session(&(struct edu_session){ .tool = "test", .verb = "test", .user = "test" });
	ok(edu_db_create(path, "tester") == 0, "a database");
	sqlite3 *db = edu_db_open(path, 1, 0);
	add_school(db, "2111010209", "primary", "open", "2");
	add_school(db, "2111010210", "primary", "open", "1");
	add_school(db, "2111010211", "primary", "closed", NULL);
	add_school(db, "2111010201", "kindergarten", "open", NULL);
	add_student(db, GIRL, "F", "2016-12-27", "2111010209", "4", "enrolled", "2023-09-01",
		    NULL, NULL);
	add_student(db, OLD18, "M", "1916-12-27", "2111010209", "2", "enrolled", NULL, NULL, NULL);
	add_student(db, "110102201509010012", "M", "2015-09-01", "2111010209", "6", "enrolled",
		    "2021-09-01", "visual", "regular-class");
	add_student(db, "110102201609010028", "F", "2016-09-01", "2111010209", "3", "suspended",
		    "2022-09-01", "visual", NULL);
	add_student(db, "11010220190901002X", "F", "2019-09-01", "2111010209", "1", "enrolled",
		    "2026-09-01", NULL, NULL);
	test_check(db);
	test_find(db);
	test_promote(db);
	test_place_and_reports(db);
	test_asof_count(db);
	edu_db_close(db);
	return done_testing();
}
