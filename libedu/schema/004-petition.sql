-- 004: petitions: letters and visits (信访), NPC deputies' suggestions
-- (建议), CPPCC proposals (提案), administrative reconsideration (复议)
-- and litigation (诉讼) where the bureau answers.  The deadlines are
-- computed by libedu/petition.c and stored, so lists need no calendar.

CREATE TABLE petition (
	case_no		TEXT PRIMARY KEY CHECK (case_no GLOB '[A-Z][A-Z]-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9]'),
	kind		TEXT NOT NULL CHECK (kind IN ('XF', 'JY', 'TA', 'FY', 'SS')),
	channel		TEXT CHECK (channel IN ('letter', 'visit', 'phone', 'online', 'email')),
	category	TEXT CHECK (category IN ('suggestion', 'complaint', 'claim')),
	received_on	TEXT NOT NULL,
	petitioner	TEXT NOT NULL,
	id_number	TEXT,
	phone		TEXT,
	address		TEXT,
	subject		TEXT NOT NULL,
	content		TEXT,
	department	TEXT,
	deputy		TEXT,
	transferred_from TEXT,
	status		TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received',
			'assigned', 'accepted', 'declined', 'replied', 'closed')),
	accept_due	TEXT,
	reply_due	TEXT,
	replied_on	TEXT,
	result		TEXT,
	rating		TEXT CHECK (rating IN ('satisfied', 'basic', 'dissatisfied')),
	related		TEXT,
	CHECK (substr(case_no, 1, 2) = kind)
) WITHOUT ROWID;
CREATE INDEX petition_id_number ON petition(id_number);
CREATE INDEX petition_phone ON petition(phone);
CREATE INDEX petition_received ON petition(received_on);

-- Every state change of a case, with the day it took effect and the
-- status after it: `list --as-of DATE` reads the status then from here.
CREATE TABLE petition_event (
	id		INTEGER PRIMARY KEY,
	case_no		TEXT NOT NULL REFERENCES petition(case_no),
	day		TEXT NOT NULL,
	event		TEXT NOT NULL,
	status		TEXT NOT NULL,
	detail		TEXT
);
CREATE INDEX petition_event_case ON petition_event(case_no, day);

-- A case's first event is its registration, however it came in (new,
-- import, review).
CREATE TRIGGER petition_registered AFTER INSERT ON petition
BEGIN
	INSERT INTO petition_event(case_no, day, event, status)
	VALUES (NEW.case_no, NEW.received_on, 'register', NEW.status);
END;
