-- 003: the student registry (学籍), its events, nearby enrolment.

-- The checks are written as OR chains: an IN list costs SQLite a
-- temporary table on every insert.
-- A rowid table whose keys are indexes of their own, so that a first
-- load of a million students can build them once, at the end (import).
CREATE TABLE student (
	student_no	TEXT NOT NULL CHECK (length(student_no) = 19),
	id_type		TEXT NOT NULL DEFAULT 'resident' CHECK (id_type = 'resident' OR id_type = 'passport' OR id_type = 'hk_macao' OR id_type = 'taiwan' OR id_type = 'foreign'),
	id_number	TEXT NOT NULL,
	name		TEXT NOT NULL,
	sex		TEXT NOT NULL CHECK (sex = 'M' OR sex = 'F'),
	birth_date	TEXT NOT NULL,
	ethnicity	TEXT,
	school_code	TEXT NOT NULL REFERENCES school(school_code),
	grade		INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
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
CREATE UNIQUE INDEX student_key ON student(student_no);
CREATE UNIQUE INDEX student_id ON student(id_number, id_type);

-- A change of a student's school, grade or status.  Each row keeps the
-- state before and after, so `--as-of DAY` is the state before the first
-- event after DAY, or the current one.
CREATE TABLE student_event (
	id		INTEGER PRIMARY KEY,
	student_no	TEXT NOT NULL REFERENCES student(student_no),
	day		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind = 'transfer' OR kind = 'suspend' OR kind = 'resume' OR kind = 'withdraw' OR kind = 'graduate' OR kind = 'promote' OR kind = 'enrol' OR kind = 'placement'),
	reason		TEXT,
	year		INTEGER,	-- the school year a promotion closed
	from_school	TEXT,
	to_school	TEXT,
	from_grade	INTEGER,
	to_grade	INTEGER,
	from_status	TEXT,
	to_status	TEXT,
	recorded	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX student_event_student ON student_event(student_no, day, id);
CREATE INDEX student_event_promote ON student_event(year, student_no)
	WHERE kind = 'promote';

-- An applicant of nearby primary enrolment (就近入学), by entry year.
CREATE TABLE applicant (
	year		INTEGER NOT NULL,
	id_number	TEXT NOT NULL,
	name		TEXT NOT NULL,
	sex		TEXT NOT NULL CHECK (sex = 'M' OR sex = 'F'),
	birth_date	TEXT NOT NULL,
	zone		TEXT NOT NULL,
	tier		INTEGER NOT NULL CHECK (tier BETWEEN 1 AND 4),
	lottery		INTEGER,
	school_code	TEXT REFERENCES school(school_code),
	rank		INTEGER,
	note		TEXT,
	PRIMARY KEY (year, id_number)
) WITHOUT ROWID;
