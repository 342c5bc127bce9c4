/* test-event.c - corrections (libedu/event.c, issue 17) on a real file:
 * the JSON of what an event changed, voiding an asset's improvement and
 * disposal (set back from the events that stand), the refusals, and the
 * corrected event of an upsert. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "edu.h"
#include "tap.h"

static char *q1(sqlite3 *db, const char *sql)
{
	return edu_query1(db, sql, 0, NULL);
}

static void is_q(sqlite3 *db, const char *sql, const char *want, const char *what)
{
	char *got = q1(db, sql);

	is(got ? got : "(null)", want, "%s", what);
	free(got);
}

int main(void)
{
	const char *path = tap_db_path("event");
	char why[EDU_ERR_MAX];

	if (!path)
		return 1;
	edu_prog = "test-event";
	edu_db_session(&(struct edu_session){ .tool = "test", .verb = "void", .user = "clerk",
					      .on = edu_days(2026, 6, 1) });
	ok(edu_db_create(path, "clerk") == 0, "a database");
	sqlite3 *db = edu_db_open(path, 1, 0);

	/* The JSON of what changed: the columns that differ, or those set. */
	const char *names[] = { "status", "unit", "location" };
	const char *was[] = { "in-use", "A", NULL }, *now[] = { "lent", "A", "B" };
	struct edu_buf o = { 0 }, n = { 0 };
	ok(edu_event_diff(3, names, was, now, NULL, &o, &n) == 2, "two columns differ");
	is(o.s, "{\"status\":\"in-use\",\"location\":null}", "... old, null for empty");
	is(n.s, "{\"status\":\"lent\",\"location\":\"B\"}", "... new");
	edu_buf_free(&o);
	edu_buf_free(&n);
	const int only[] = { 0, 1, 0 };
	edu_event_diff(3, names, was, now, only, &o, &n);
	is(o.s, "{\"unit\":\"A\"}", "a mask names what an event set, changed or not");
	edu_buf_free(&o);
	edu_buf_free(&n);

	/* An asset, improved, then disposed of (as the verbs write them). */
	edu_begin(db);
	edu_exec(db, "INSERT INTO asset (tag, name, category, unit, acquired_on, cost, life_years) "
		 "VALUES ('T1', '教学楼', 'building-concrete', 'U1', '2020-01-15', 12000000, 50)",
		 0, NULL);
	edu_exec(db, "INSERT INTO asset_event (tag, day, kind, status, unit, amount) "
		 "VALUES ('T1', '2025-06-10', 'improved', 'in-use', 'U1', 3000000)", 0, NULL);
	edu_exec(db, "UPDATE asset SET cost = cost + 3000000 WHERE tag = 'T1'", 0, NULL);
	edu_exec(db, "INSERT INTO asset_event (tag, day, kind, status, unit, method) "
		 "VALUES ('T1', '2026-03-01', 'dispose', 'disposed', 'U1', 'scrapped')", 0, NULL);
	edu_exec(db, "UPDATE asset SET status = 'disposed', disposed_on = '2026-03-01' "
		 "WHERE tag = 'T1'", 0, NULL);
	edu_commit(db);
	is_q(db, "SELECT group_concat(kind) FROM asset_event WHERE tag = 'T1'",
	     "added,improved,dispose", "added by the trigger, then the two events");

	edu_begin(db);
	ok(edu_event_void(db, &edu_asset_events, 1, "x", why) == -1, "the added event is refused");
	is(why, "it made asset T1's record (added): correct the record with import --upsert",
	   "... with what to do");
	ok(edu_event_void(db, &edu_asset_events, 2, "x", why) == -1,
	   "the improvement is refused while the disposal stands");
	is(why, "event 3 (dispose on 2026-03-01) of asset T1 came after it: void that first",
	   "... naming it");
	ok(edu_event_void(db, &edu_asset_events, 99, "x", why) == 1, "no such event: 1");
	ok(edu_event_void(db, &edu_asset_events, 3, "批复有误", why) == 0, "the disposal is voided");
	is_q(db, "SELECT status || ',' || coalesce(disposed_on, '') FROM asset WHERE tag = 'T1'",
	     "in-use,", "... in use again, disposed_on cleared");
	is_q(db, "SELECT change FROM audit ORDER BY id DESC LIMIT 1",
	     "{\"void\":3,\"event\":\"dispose\",\"day\":\"2026-03-01\",\"reason\":\"批复有误\","
	     "\"status\":[\"disposed\",\"in-use\"],\"disposed_on\":[\"2026-03-01\",null]}",
	     "... audited with what it set back");
	is_q(db, "SELECT void_by || ' ' || void_reason FROM asset_event WHERE id = 3",
	     "clerk 批复有误", "... marked with who and why");
	ok(edu_event_void(db, &edu_asset_events, 2, "未验收", why) == 0, "then the improvement");
	is_q(db, "SELECT cost FROM asset WHERE tag = 'T1'", "12000000",
	     "... its amount is taken off the cost");
	ok(edu_event_void(db, &edu_asset_events, 2, "again", why) == -1, "a void event again");
	ok(!strncmp(why, "is void already (", 17), "... is void already");
	is_q(db, "SELECT count(*) FROM asset_event WHERE kind = 'corrected'", "0",
	     "no correction recorded by the trigger: the asset is as its last event left it");
	edu_commit(db);

	/* An upsert's change of a document's department. */
	edu_begin(db);
	edu_exec(db, "INSERT INTO document (doc_no, direction, title, received_on, department) "
		 "VALUES ('D1', 'in', '通知', '2026-07-01', '安全科')", 0, NULL);
	const char *dn[] = { "doc_no", "title", "department" };
	const char *dw[] = { "D1", "通知", "安全科" }, *dz[] = { "D1", "通知 (改)", "办公室" };
	edu_exec(db, "UPDATE document SET title = '通知 (改)', department = '办公室' "
		 "WHERE doc_no = 'D1'", 0, NULL);
	ok(edu_event_corrected(db, &edu_doc_events, 3, dn, dw, dz) == 1,
	   "a department changed by an upsert is a correction");
	is_q(db, "SELECT day || ' ' || kind || ' ' || status || ' ' || department || ' ' || old || ' ' || new "
	     "FROM document_event WHERE doc_no = 'D1' ORDER BY id DESC LIMIT 1",
	     "2026-07-01 corrected registered 办公室 {\"department\":\"安全科\"} {\"department\":\"办公室\"}",
	     "... dated its last event's day, after --on, with the status copied");
	ok(edu_event_corrected(db, &edu_doc_events, 3, dn, dz, dz) == 0, "an unchanged row records none");
	const char *tw[] = { "D1", "通知", "办公室" };
	ok(edu_event_corrected(db, &edu_doc_events, 3, dn, tw, dz) == 0,
	   "nor a change of a column the events do not follow");
	edu_commit(db);

	edu_db_close(db);
	return done_testing();
}
