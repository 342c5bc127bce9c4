-- 005: staff and cadres: the staff register, its events (posts, titles,
-- rewards and punishments, party stages, retirement), and training hours.

-- The staff register holds each person's state now; what was true on an
-- earlier day is rebuilt from staff_event (see `old`).
CREATE TABLE staff (
	staff_no	TEXT PRIMARY KEY,
	id_number	TEXT UNIQUE,
	name		TEXT NOT NULL,
	sex		TEXT NOT NULL CHECK (sex IN ('M', 'F')),
	birth_date	TEXT NOT NULL,
	unit		TEXT NOT NULL,
	category	TEXT NOT NULL CHECK (category IN ('cadre', 'teacher', 'worker')),
	position	TEXT,
	rank		TEXT,
	title		TEXT,
	title_since	TEXT,
	education	TEXT,
	degree		TEXT,
	party		TEXT NOT NULL DEFAULT 'none' CHECK (party IN ('none',
			'applicant', 'activist', 'candidate', 'probationary', 'member')),
	party_since	TEXT,
	hired_on	TEXT,
	status		TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active',
			'retired', 'left'))
) WITHOUT ROWID;
CREATE INDEX staff_unit ON staff(unit);

-- One row per event.  `old` and `new` are JSON objects of the staff
-- columns the event changed ({"title": "一级教师", ...}), so the value of a
-- column on a day is the `old` of the first later event that changed it,
-- or the register's value when none did.
CREATE TABLE staff_event (
	id		INTEGER PRIMARY KEY,
	staff_no	TEXT NOT NULL REFERENCES staff(staff_no),
	day		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('appoint', 'dismiss', 'title',
			'reward', 'punish', 'party', 'retire', 'leave')),
	detail		TEXT,		-- the position, title, reward, punishment or stage
	rank		TEXT,
	until		TEXT CHECK (until IS NULL OR until >= day),
	doc		TEXT,		-- the document number
	old		TEXT NOT NULL DEFAULT '{}',
	new		TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX staff_event_staff ON staff_event(staff_no, day);

-- Continuing education (继续教育): hours of a course, by the day it ended.
-- A rowid table: SQLite 3.40's integrity_check reports a false "NULL
-- value" in a WITHOUT ROWID table whose key columns are not its first.
CREATE TABLE training (
	staff_no	TEXT NOT NULL REFERENCES staff(staff_no),
	course		TEXT NOT NULL,
	hours		INTEGER NOT NULL CHECK (hours > 0),
	date		TEXT NOT NULL,
	PRIMARY KEY (staff_no, course, date)
);
