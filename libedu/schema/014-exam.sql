-- 014: the entrance exam as a city runs it (issue 19): candidates from
-- outside the registry, grades of graded components, choices per batch,
-- and seats in batches with minimum grades.

-- A candidate may come from outside this registry (source previous: a
-- previous year's graduate, 往届生; outside: from another city): such a
-- row carries an ID number and may have no student number; `enroll`
-- makes their record.  `grades` holds the graded components as
-- `component=A;...` (A best, D lowest); `batch_choices` the choices of
-- the batches other than general, as `batch:code code;...`.
-- The table is made again: SQLite cannot drop a NOT NULL in place.
CREATE TABLE candidate_new (
	year		INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 9999),
	exam_no		TEXT NOT NULL,
	student_no	TEXT,
	id_number	TEXT,
	source		TEXT NOT NULL DEFAULT 'registry' CHECK (source = 'registry' OR source = 'previous' OR source = 'outside'),
	name		TEXT NOT NULL,
	junior_school	TEXT REFERENCES school(school_code),
	scores		TEXT NOT NULL,
	grades		TEXT NOT NULL DEFAULT '',
	bonus		INTEGER NOT NULL DEFAULT 0 CHECK (bonus >= 0),
	total		INTEGER NOT NULL,
	choices		TEXT NOT NULL,
	batch_choices	TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (year, exam_no),
	CHECK (student_no IS NOT NULL OR (source <> 'registry' AND id_number IS NOT NULL))
) WITHOUT ROWID;
INSERT INTO candidate_new (year, exam_no, student_no, name, junior_school, scores, bonus,
			   total, choices)
	SELECT year, exam_no, student_no, name, junior_school, scores, bonus, total, choices
	FROM candidate;
DROP TABLE candidate;
ALTER TABLE candidate_new RENAME TO candidate;
CREATE UNIQUE INDEX candidate_no ON candidate(exam_no);

-- The batch (批次) a school's seats of a year are in: early (提前批),
-- quota (名额分配), general (统招) or vocational (职高); setting
-- exam.batches orders them.  min_grades: the lowest grade a candidate
-- needs in graded components, `component=B;...`.
ALTER TABLE seat ADD COLUMN batch TEXT NOT NULL DEFAULT 'general'
	CHECK (batch = 'early' OR batch = 'quota' OR batch = 'general' OR batch = 'vocational');
ALTER TABLE seat ADD COLUMN min_grades TEXT;

-- The batch that admitted a candidate (NULL: none did).
ALTER TABLE admission ADD COLUMN batch TEXT;

-- An `enter` event: a record made by `edu-exam enroll` for an admitted
-- candidate from outside the registry (no junior graduation here); the
-- kind is allowed by 013, which made student_event again.

-- Quota seats (名额分配, 指标到校): `seats quota` splits `seats` of a
-- senior school among the junior schools in proportion to `basis` (their
-- graduates or candidates) by the largest remainder.  They are part of
-- the school's seats: admit fills them in the quota batch, each junior
-- school's share by its own candidates at or above `floor` (set by
-- admit), and what is left goes to the school's own batch.
CREATE TABLE quota (
	year		INTEGER NOT NULL,
	school_code	TEXT NOT NULL REFERENCES school(school_code),
	junior_school	TEXT NOT NULL REFERENCES school(school_code),
	basis		INTEGER NOT NULL CHECK (basis >= 0),
	seats		INTEGER NOT NULL CHECK (seats >= 0),
	floor		INTEGER,
	PRIMARY KEY (year, school_code, junior_school)
) WITHOUT ROWID;

-- The second round (补录): after the main admission, the candidates it
-- left out submit new choices, and the seats still empty are filled by
-- the same parallel choices without touching the first round's results.
-- `round` is the round that admitted a candidate.
ALTER TABLE admission ADD COLUMN round INTEGER NOT NULL DEFAULT 1 CHECK (round = 1 OR round = 2);
CREATE TABLE round2 (
	year		INTEGER NOT NULL,
	exam_no		TEXT NOT NULL,
	choices		TEXT NOT NULL,
	PRIMARY KEY (year, exam_no)
) WITHOUT ROWID;
