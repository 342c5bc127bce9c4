-- 008: the senior-high entrance exam (中考) and admission by parallel
-- choices (平行志愿).  Scores are kept in tenths of a point, so that sums
-- and comparisons are exact.

-- A candidate of one year's exam: the junior-school student, the scores
-- as `subject=score` pairs joined by ';' (the subjects differ by year and
-- city: score_<subject> columns), and the school codes of the choices in
-- order, joined by ' '.
-- Clustered by year: admission reads a whole year at once.
CREATE TABLE candidate (
	year		INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 9999),
	exam_no		TEXT NOT NULL,
	student_no	TEXT NOT NULL,	-- a student (checked by import: the
				-- registry drops its indexes to bulk load)
	name		TEXT NOT NULL,
	junior_school	TEXT REFERENCES school(school_code),
	scores		TEXT NOT NULL,
	bonus		INTEGER NOT NULL DEFAULT 0 CHECK (bonus >= 0),
	total		INTEGER NOT NULL,
	choices		TEXT NOT NULL,
	PRIMARY KEY (year, exam_no)
) WITHOUT ROWID;
CREATE UNIQUE INDEX candidate_no ON candidate(exam_no);

-- The seats (招生计划) of a senior school in a year, and its minimum score
-- (最低控制线, tenths), if any.
CREATE TABLE seat (
	year		INTEGER NOT NULL,
	school_code	TEXT NOT NULL REFERENCES school(school_code),
	seats		INTEGER NOT NULL CHECK (seats >= 0),
	min_score	INTEGER CHECK (min_score >= 0),
	PRIMARY KEY (year, school_code)
) WITHOUT ROWID;

-- The result of the latest `admit` of a year, one row per candidate:
-- the order of merit, and the school and choice that admitted them (NULL
-- for the unadmitted); `enrolled` is the day `enroll` moved the student.
-- Only admit writes it, from the candidates and seats of the year, so it
-- carries no foreign keys: checking 200,000 of them would double the
-- time admission takes.
CREATE TABLE admission (
	year		INTEGER NOT NULL,
	exam_no		TEXT NOT NULL,
	rank		INTEGER NOT NULL,
	school_code	TEXT,
	choice		INTEGER CHECK (choice BETWEEN 1 AND 12),
	enrolled	TEXT,
	PRIMARY KEY (year, exam_no),
	CHECK ((school_code IS NULL) = (choice IS NULL)),
	CHECK (enrolled IS NULL OR school_code IS NOT NULL)
) WITHOUT ROWID;

-- What happened to a year's admission: each `admit` run (with its seed
-- and counts) and each `enroll`.  Once a year has an 'enrol' event its
-- result is final and `admit` refuses.
CREATE TABLE admission_event (
	id		INTEGER PRIMARY KEY,
	year		INTEGER NOT NULL,
	kind		TEXT NOT NULL CHECK (kind = 'admit' OR kind = 'enrol'),
	day		TEXT NOT NULL,
	seed		INTEGER,
	admitted	INTEGER NOT NULL,
	unadmitted	INTEGER NOT NULL,
	recorded	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX admission_event_year ON admission_event(year, kind);
