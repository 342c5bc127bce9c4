-- 018: deadlines that wait for the calendar (issue 17, DESIGN 11).
--
-- A deadline counted across, or ending in, a year that has no rows in
-- `calendar` rests on weekends alone: the State Council's holidays of
-- that year are not known yet (国务院办公厅's notice of a year's holidays
-- usually comes out in November of the year before).  Such a deadline is
-- stored as usual, a date, and also here, with its recipe (edu_due in
-- libedu/date.c): the day it runs from, then months added, working days
-- counted, calendar days added, a day off moved to the next working day.
-- `edu-db calendar import` counts each one again once its years are all
-- in the calendar, stores the new date (audited) and drops its row here.
-- entity and field name a table and its deadline column (petition
-- accept_due, reply_due, apply_by, decision_due, appeal_due; application
-- due); key is the record's key; value the date as stored.
CREATE TABLE provisional (
	entity		TEXT NOT NULL,
	key		TEXT NOT NULL,
	field		TEXT NOT NULL,
	value		TEXT NOT NULL,
	start		TEXT NOT NULL,
	months		INTEGER NOT NULL DEFAULT 0,
	workdays	INTEGER NOT NULL DEFAULT 0,
	days		INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (entity, key, field)
) WITHOUT ROWID;
