-- 007: official documents (公文), their handling and archiving; the
-- general office's meetings and the follow-up of their decisions.

-- A document received (direction 'in', numbered 收〔YEAR〕N号) or issued
-- ('out', numbered by GB/T 9704: PREFIX〔YEAR〕N号).  `status` is the
-- latest of its document_event rows.
CREATE TABLE document (
	doc_no		TEXT PRIMARY KEY,
	direction	TEXT NOT NULL CHECK (direction IN ('in', 'out')),
	issuer		TEXT,
	their_no	TEXT,
	title		TEXT NOT NULL,
	doc_date	TEXT,
	received_on	TEXT,
	secrecy		TEXT NOT NULL DEFAULT 'none'
			CHECK (secrecy IN ('none', '秘密', '机密', '绝密')),
	secrecy_years	INTEGER CHECK (secrecy_years BETWEEN 1 AND 99),
	urgency		TEXT NOT NULL DEFAULT 'none'
			CHECK (urgency IN ('none', '加急', '特急')),
	department	TEXT,
	handler		TEXT,
	due		TEXT,
	status		TEXT NOT NULL DEFAULT 'registered'
			CHECK (status IN ('registered', 'routed', 'handled', 'archived')),
	archive_code	TEXT UNIQUE,
	retention	TEXT CHECK (retention IN ('permanent', '30y', '10y')),
	CHECK (direction = 'out' OR received_on IS NOT NULL),
	CHECK (secrecy <> 'none' OR secrecy_years IS NULL),
	CHECK (status <> 'archived' OR (archive_code IS NOT NULL AND retention IS NOT NULL))
) WITHOUT ROWID;
CREATE INDEX document_status ON document(status, due);

-- Status changes, so that `list --as-of DATE` can tell what was true
-- then.  A new document's first event comes from this trigger, in the
-- same transaction, so that imported documents have one too.
CREATE TABLE document_event (
	id		INTEGER PRIMARY KEY,
	doc_no		TEXT NOT NULL REFERENCES document(doc_no),
	day		TEXT NOT NULL,
	status		TEXT NOT NULL CHECK (status IN ('registered', 'routed',
			'handled', 'archived')),
	department	TEXT,
	note		TEXT
);
CREATE INDEX document_event_doc ON document_event(doc_no, day);

CREATE TRIGGER document_first_event AFTER INSERT ON document
BEGIN
	INSERT INTO document_event (doc_no, day, status, department)
	VALUES (new.doc_no, coalesce(new.received_on, new.doc_date,
		date('now')), new.status, new.department);
END;

-- Executive (局长办公会), office (局务会) and bureau (党组会 and the
-- like) meetings the general office organises.
CREATE TABLE meeting (
	meeting_id	INTEGER PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind IN ('executive', 'office', 'bureau')),
	day		TEXT NOT NULL,
	title		TEXT NOT NULL
);

-- What a meeting decided, who carries it out, by when; done_on is the
-- day it was reported done.
CREATE TABLE decision (
	decision_id	INTEGER PRIMARY KEY,
	meeting_id	INTEGER NOT NULL REFERENCES meeting(meeting_id),
	text		TEXT NOT NULL,
	owner		TEXT NOT NULL,
	due		TEXT NOT NULL,
	done_on		TEXT
);
CREATE INDEX decision_open ON decision(done_on, due);
