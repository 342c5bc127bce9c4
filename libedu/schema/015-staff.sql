-- 015: staffing (issue 20): establishment (编制) and the placement of
-- normal-university graduates.

-- A teacher's subject (lower-case key: chinese, math, ...), the stage
-- taught (primary, junior, senior, kindergarten; empty: the school's
-- own), and whether the post is on the establishment (在编).
ALTER TABLE staff ADD COLUMN subject TEXT;
ALTER TABLE staff ADD COLUMN stage TEXT CHECK (stage IS NULL OR stage = 'kindergarten'
	OR stage = 'primary' OR stage = 'junior' OR stage = 'senior');
ALTER TABLE staff ADD COLUMN on_establishment TEXT NOT NULL DEFAULT 'yes'
	CHECK (on_establishment = 'yes' OR on_establishment = 'no');

-- A graduate of a normal university applying in a year's recruitment
-- (the exam and interview score in tenths), with up to five school
-- choices in order.
CREATE TABLE graduate (
	year		INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 9999),
	id_number	TEXT NOT NULL,
	name		TEXT NOT NULL,
	sex		TEXT NOT NULL CHECK (sex = 'M' OR sex = 'F'),
	university	TEXT,
	degree		TEXT,
	major		TEXT,
	subject		TEXT NOT NULL,
	stage		TEXT NOT NULL CHECK (stage = 'kindergarten' OR stage = 'primary'
			OR stage = 'junior' OR stage = 'senior'),
	cert_no		TEXT,
	score		INTEGER NOT NULL CHECK (score >= 0),
	choice1		TEXT REFERENCES school(school_code),
	choice2		TEXT REFERENCES school(school_code),
	choice3		TEXT REFERENCES school(school_code),
	choice4		TEXT REFERENCES school(school_code),
	choice5		TEXT REFERENCES school(school_code),
	PRIMARY KEY (year, id_number)
) WITHOUT ROWID;

-- The plan of the latest `place` of a year, one row per graduate: the
-- order of merit within the subject and stage, the school and the
-- choice that placed them (0: a fallback post; NULL: unplaced, with
-- the reason).  Only `place` writes it.
CREATE TABLE graduate_plan (
	year		INTEGER NOT NULL,
	id_number	TEXT NOT NULL,
	rank		INTEGER NOT NULL,
	school_code	TEXT,
	choice		INTEGER CHECK (choice BETWEEN 0 AND 5),
	reason		TEXT,
	PRIMARY KEY (year, id_number),
	CHECK ((school_code IS NULL) = (choice IS NULL))
) WITHOUT ROWID;
