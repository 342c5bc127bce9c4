-- 016: the processes before a record (issue 21): evaluations of schools
-- by a standard (the designation is their result), applications of
-- private schools decided within statutory periods.

-- A standard's rubric, one row per item: its indicators (points the
-- maximum, weight, veto the mean below which the school fails whatever
-- its total: 一票否决), its levels (points the threshold of the weighted
-- total) and its validity (code 'years', points the years a title
-- lasts; 0: no end).  Points are tenths, as scores are.
CREATE TABLE rubric (
	standard	TEXT NOT NULL,
	type		TEXT NOT NULL CHECK (type IN ('indicator', 'level', 'validity')),
	code		TEXT NOT NULL,
	name		TEXT,
	points		INTEGER NOT NULL CHECK (points >= 0),
	weight		INTEGER CHECK (weight > 0),
	veto		INTEGER CHECK (veto >= 0),
	PRIMARY KEY (standard, type, code)
) WITHOUT ROWID;

-- An evaluation of a school by a standard in a year: open while the
-- experts score it, then passed (its designation made) or failed (its
-- weak indicators named).  total is in hundredths of a point.
CREATE TABLE evaluation (
	evaluation	INTEGER PRIMARY KEY AUTOINCREMENT,
	standard	TEXT NOT NULL,
	school_code	TEXT NOT NULL REFERENCES school(school_code),
	year		INTEGER NOT NULL,
	status		TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'passed', 'failed')),
	decided_on	TEXT,
	doc		TEXT,
	total		INTEGER,
	level		TEXT,
	weak		TEXT,
	UNIQUE (standard, school_code, year)
);

-- One expert's points for one indicator (tenths).
CREATE TABLE score (
	evaluation	INTEGER NOT NULL REFERENCES evaluation(evaluation),
	expert		TEXT NOT NULL,
	indicator	TEXT NOT NULL,
	points		INTEGER NOT NULL CHECK (points >= 0),
	PRIMARY KEY (evaluation, expert, indicator)
) WITHOUT ROWID;

-- An application of a private school (民办学校): preparation (筹设),
-- establishment (正式设立), change (变更) or termination (终止).  due
-- is the last day of the statutory period from acceptance.
CREATE TABLE application (
	application	INTEGER PRIMARY KEY AUTOINCREMENT,
	kind		TEXT NOT NULL CHECK (kind IN ('preparation', 'establishment', 'change', 'termination')),
	received	TEXT NOT NULL,
	applicant	TEXT NOT NULL,		-- unified social credit code
	school_code	TEXT REFERENCES school(school_code),
	school_name	TEXT NOT NULL,
	status		TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'returned', 'accepted', 'approved', 'refused')),
	missing		TEXT,			-- what a returned one lacked
	accepted_on	TEXT,
	due		TEXT,
	decided_on	TEXT,
	doc		TEXT,
	reason		TEXT,
	licence		TEXT
);
CREATE INDEX application_due ON application(status, due);
