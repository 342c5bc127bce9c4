-- 013: the school year end to end (issue 17).  Student events of two new
-- kinds: `enter`, a student who keeps their record and number entering a
-- new stage at another school (the junior-school intake, 小升初), and
-- `corrected`, a school, grade or status changed by `import --upsert`, so
-- that --as-of never contradicts the history.  An event can be voided:
-- it stays, marked with the day, who and why, and the state is what it
-- would be without it.  SQLite cannot change a CHECK in place: the table
-- is made anew with the same rows and ids.
CREATE TABLE student_event_013 (
	id		INTEGER PRIMARY KEY,
	student_no	TEXT NOT NULL REFERENCES student(student_no),
	day		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind = 'transfer' OR kind = 'suspend' OR kind = 'resume' OR kind = 'withdraw' OR kind = 'graduate' OR kind = 'promote' OR kind = 'enrol' OR kind = 'placement' OR kind = 'enter' OR kind = 'corrected'),
	reason		TEXT,
	year		INTEGER,	-- the school year a promotion closed
	from_school	TEXT,
	to_school	TEXT,
	from_grade	INTEGER,
	to_grade	INTEGER,
	from_status	TEXT,
	to_status	TEXT,
	recorded	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	void_on		TEXT,		-- voided: when (UTC), by whom, why
	void_by		TEXT,
	void_reason	TEXT,
	CHECK ((void_on IS NULL) = (void_reason IS NULL))
);
INSERT INTO student_event_013 (id, student_no, day, kind, reason, year, from_school,
	to_school, from_grade, to_grade, from_status, to_status, recorded)
	SELECT id, student_no, day, kind, reason, year, from_school, to_school,
	from_grade, to_grade, from_status, to_status, recorded FROM student_event;
DROP TABLE student_event;
ALTER TABLE student_event_013 RENAME TO student_event;
CREATE INDEX student_event_student ON student_event(student_no, day, id);
CREATE INDEX student_event_promote ON student_event(year, student_no)
	WHERE kind = 'promote';
-- The seats a junior school's intake has given in a year.
CREATE INDEX student_event_enter ON student_event(to_school, day)
	WHERE kind = 'enter';

-- Every event verb writes its event before it changes the student; a
-- change of school, grade or status that no event explains (`import
-- --upsert` correcting the register) is recorded as a `corrected` event
-- on the day it is made, so --as-of never contradicts the history.
-- The state the events explain is the `to` state of the latest valid
-- event, or, when every event is void, the `from` state of the first:
-- voiding an event (marked before the student is set back) is explained.
CREATE TRIGGER student_corrected AFTER UPDATE OF school_code, grade, status ON student
WHEN (OLD.school_code IS NOT NEW.school_code OR OLD.grade IS NOT NEW.grade
	OR OLD.status IS NOT NEW.status)
	AND NOT EXISTS (SELECT 1 FROM student_event e
	WHERE e.id = (SELECT max(id) FROM student_event
		WHERE student_no = NEW.student_no AND void_on IS NULL)
	AND e.to_school IS NEW.school_code AND e.to_grade IS NEW.grade
	AND e.to_status IS NEW.status)
	AND NOT EXISTS (SELECT 1 FROM student_event e
	WHERE e.id = (SELECT min(id) FROM student_event WHERE student_no = NEW.student_no)
	AND NOT EXISTS (SELECT 1 FROM student_event v
		WHERE v.student_no = NEW.student_no AND v.void_on IS NULL)
	AND e.from_school IS NEW.school_code AND e.from_grade IS NEW.grade
	AND e.from_status IS NEW.status)
BEGIN
	INSERT INTO student_event (student_no, day, kind, reason, from_school, to_school,
		from_grade, to_grade, from_status, to_status)
	VALUES (NEW.student_no, max(date('now', 'localtime'), coalesce((SELECT max(day)
		FROM student_event WHERE student_no = NEW.student_no AND void_on IS NULL), ''),
		coalesce(NEW.entry_date, '')),
		'corrected', 'import --upsert', OLD.school_code, NEW.school_code, OLD.grade, NEW.grade,
		OLD.status, NEW.status);
END;
