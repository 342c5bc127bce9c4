-- 002: schools, private-school licences and inspections, titles, zones.

CREATE TABLE school (
	school_code	TEXT PRIMARY KEY CHECK (length(school_code) = 10),
	name		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('kindergarten', 'primary',
			'junior', 'senior', 'complete', 'nine-year', 'vocational',
			'special')),
	ownership	TEXT NOT NULL CHECK (ownership IN ('public', 'private')),
	district	TEXT,
	address		TEXT,
	principal	TEXT,
	phone		TEXT,
	founded		TEXT,
	entry_seats	INTEGER CHECK (entry_seats >= 0),
	credit_code	TEXT UNIQUE,
	status		TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
	CHECK (ownership = 'public' OR credit_code IS NOT NULL)
) WITHOUT ROWID;

-- 办学许可证 of private schools: the one in force.
CREATE TABLE licence (
	school_code	TEXT PRIMARY KEY REFERENCES school(school_code),
	number		TEXT NOT NULL,
	issued		TEXT NOT NULL,
	expires		TEXT NOT NULL CHECK (expires > issued)
) WITHOUT ROWID;

-- 年检: the annual inspection of private schools.
CREATE TABLE inspection (
	school_code	TEXT NOT NULL REFERENCES school(school_code),
	year		INTEGER NOT NULL,
	result		TEXT NOT NULL CHECK (result IN ('pass', 'basic', 'fail')),
	note		TEXT,
	PRIMARY KEY (school_code, year)
) WITHOUT ROWID;

-- Demonstration and experimental titles.
CREATE TABLE designation (
	id		INTEGER PRIMARY KEY,
	school_code	TEXT NOT NULL REFERENCES school(school_code),
	title		TEXT NOT NULL,
	since		TEXT NOT NULL,
	until		TEXT CHECK (until IS NULL OR until >= since),
	UNIQUE (school_code, title, since)
);

-- Nearby-enrolment zones: rank 1 is the zone's home school, higher ranks
-- take its overflow in order.
CREATE TABLE zone (
	zone		TEXT NOT NULL,
	school_code	TEXT NOT NULL REFERENCES school(school_code),
	rank		INTEGER NOT NULL CHECK (rank >= 1),
	PRIMARY KEY (zone, school_code),
	UNIQUE (zone, rank)
) WITHOUT ROWID;
CREATE INDEX zone_school ON zone(school_code);
