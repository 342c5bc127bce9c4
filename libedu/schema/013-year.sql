-- 013: the school year end to end (issue 17).
--
-- Kindergarten pupils join the registry: grades K1-K3 (小班, 中班, 大班)
-- are stored as -2, -1 and 0, so that promotion adds one as in school and
-- the order of grades is the order of the years.
--
-- Student events of two new kinds: `enter`, a student who keeps their
-- record and number entering a new stage at another school (the junior
-- intake 小升初, a kindergarten leaver's primary school), and
-- `corrected`, a school, grade or status changed by `import --upsert`, so
-- that --as-of never contradicts the history.  An event can be voided: it
-- stays, marked with the time, who and why, and the state is what it
-- would be without it.
--
-- SQLite cannot change a CHECK in place: both tables are made anew with
-- the same rows (and rowids, and event ids).  The events are copied into
-- a table that refers to the new student table, the old two dropped
-- child first, and the renames carry the reference along.
CREATE TABLE student_013 (
	student_no	TEXT NOT NULL CHECK (length(student_no) = 19),
	id_type		TEXT NOT NULL DEFAULT 'resident' CHECK (id_type = 'resident' OR id_type = 'passport' OR id_type = 'hk_macao' OR id_type = 'taiwan' OR id_type = 'foreign'),
	id_number	TEXT NOT NULL,
	name		TEXT NOT NULL,
	sex		TEXT NOT NULL CHECK (sex = 'M' OR sex = 'F'),
	birth_date	TEXT NOT NULL,
	ethnicity	TEXT,
	school_code	TEXT NOT NULL REFERENCES school(school_code),
	grade		INTEGER NOT NULL CHECK (grade BETWEEN -2 AND 12),	-- K1..K3 = -2..0
	class		TEXT,
	entry_date	TEXT,
	status		TEXT NOT NULL DEFAULT 'enrolled' CHECK (status = 'enrolled' OR status = 'suspended' OR status = 'withdrawn' OR status = 'graduated'),
	major		TEXT,
	disability	TEXT CHECK (disability = 'visual' OR disability = 'hearing' OR disability = 'speech' OR disability = 'physical' OR disability = 'intellectual' OR disability = 'mental' OR disability = 'multiple'),
	placement	TEXT CHECK (placement = 'regular-class' OR placement = 'special-class' OR placement = 'special-school' OR placement = 'home-delivery'),
	zone		TEXT,
	address		TEXT,
	guardian	TEXT,
	phone		TEXT,
	CHECK (placement IS NULL OR disability IS NOT NULL)
);
INSERT INTO student_013 (rowid, student_no, id_type, id_number, name, sex, birth_date,
	ethnicity, school_code, grade, class, entry_date, status, major, disability,
	placement, zone, address, guardian, phone)
	SELECT rowid, student_no, id_type, id_number, name, sex, birth_date, ethnicity,
	school_code, grade, class, entry_date, status, major, disability, placement, zone,
	address, guardian, phone FROM student;
CREATE UNIQUE INDEX student_013_key ON student_013(student_no);

CREATE TABLE student_event_013 (
	id		INTEGER PRIMARY KEY,
	student_no	TEXT NOT NULL REFERENCES student_013(student_no),
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
DROP TABLE student;
DROP INDEX student_013_key;
ALTER TABLE student_013 RENAME TO student;
CREATE UNIQUE INDEX student_key ON student(student_no);
CREATE UNIQUE INDEX student_id ON student(id_number, id_type);
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
