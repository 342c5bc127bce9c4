-- 017: corrections and subsequent expenditure (issues 16 and 17).
--
-- Every tool with events may void a mistaken one (`void EVENT_ID
-- --reason TEXT`): the row stays, marked with when, by whom and why, and
-- the current state and `--as-of` are worked out without it.  A change
-- that `import --upsert` makes and no event explains is recorded as a
-- `corrected` event in every tool.  An asset's subsequent expenditure
-- (改建、扩建, 财会〔2017〕4号 《政府会计准则第3号——固定资产》应用指南)
-- is an `improved` event: the cost it adds and the months over which the
-- book value is depreciated again.
--
-- A CHECK cannot be changed in place: asset_event and staff_event are made
-- again.  With legacy_alter_table the renames leave the references and
-- trigger bodies alone; the triggers that name asset_event resolve it at
-- run time, and the one that must skip void rows is made again.
PRAGMA legacy_alter_table = ON;

CREATE TABLE asset_event_017 (
	id		INTEGER PRIMARY KEY,
	tag		TEXT NOT NULL REFERENCES asset(tag),
	day		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('added', 'transfer', 'lend',
			'return', 'repair', 'dispose', 'corrected', 'improved')),
	status		TEXT NOT NULL,
	unit		TEXT NOT NULL,
	location	TEXT,
	custodian	TEXT,
	party		TEXT,		-- lend: the borrower
	method		TEXT CHECK (method IS NULL OR method IN ('sold',
			'scrapped', 'transferred', 'lost')),
	doc		TEXT,		-- dispose, improved: the approval's number
	amount		INTEGER CHECK (amount IS NULL OR amount > 0),
					-- improved: the cost added, in fen
	life_months	INTEGER CHECK (life_months IS NULL OR life_months > 0),
					-- improved: the months the book value is
					-- depreciated over from the next month;
					-- NULL: the remaining months of its life
	void_on		TEXT,		-- when it was voided (UTC), by whom, why
	void_by		TEXT,
	void_reason	TEXT,
	CHECK ((kind = 'improved') = (amount IS NOT NULL)),
	CHECK ((void_on IS NULL) = (void_reason IS NULL))
);
INSERT INTO asset_event_017 (id, tag, day, kind, status, unit, location,
	custodian, party, method, doc)
	SELECT id, tag, day, kind, status, unit, location, custodian, party,
	method, doc FROM asset_event;
DROP TABLE asset_event;
ALTER TABLE asset_event_017 RENAME TO asset_event;
CREATE INDEX asset_event_tag ON asset_event(tag, day, id);

CREATE TABLE staff_event_017 (
	id		INTEGER PRIMARY KEY,
	staff_no	TEXT NOT NULL REFERENCES staff(staff_no),
	day		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('appoint', 'dismiss', 'title',
			'reward', 'punish', 'party', 'retire', 'leave', 'corrected')),
	detail		TEXT,
	rank		TEXT,
	until		TEXT CHECK (until IS NULL OR until >= day),
	doc		TEXT,
	old		TEXT NOT NULL DEFAULT '{}',
	new		TEXT NOT NULL DEFAULT '{}',
	void_on		TEXT,
	void_by		TEXT,
	void_reason	TEXT,
	CHECK ((void_on IS NULL) = (void_reason IS NULL))
);
INSERT INTO staff_event_017 (id, staff_no, day, kind, detail, rank, until, doc,
	old, new)
	SELECT id, staff_no, day, kind, detail, rank, until, doc, old, new
	FROM staff_event;
DROP TABLE staff_event;
ALTER TABLE staff_event_017 RENAME TO staff_event;
CREATE INDEX staff_event_staff ON staff_event(staff_no, day);

PRAGMA legacy_alter_table = OFF;

-- A correction of the register is compared with the last event that
-- stands, not with a void one.
DROP TRIGGER asset_corrected;
CREATE TRIGGER asset_corrected AFTER UPDATE OF status, unit, location, custodian ON asset
WHEN NOT EXISTS (SELECT 1 FROM asset_event e
	WHERE e.id = (SELECT max(id) FROM asset_event
		WHERE tag = NEW.tag AND void_on IS NULL)
	AND e.status = NEW.status AND e.unit = NEW.unit
	AND e.location IS NEW.location AND e.custodian IS NEW.custodian)
BEGIN
	INSERT INTO asset_event(tag, day, kind, status, unit, location, custodian)
	VALUES (NEW.tag, max(date('now', 'localtime'),
		(SELECT max(day) FROM asset_event WHERE tag = NEW.tag)),
		'corrected', NEW.status, NEW.unit, NEW.location, NEW.custodian);
END;

-- petition_event.event is free text: `corrected` needs no new CHECK.
ALTER TABLE petition_event ADD COLUMN void_on TEXT;
ALTER TABLE petition_event ADD COLUMN void_by TEXT;
ALTER TABLE petition_event ADD COLUMN void_reason TEXT;

-- document_event's rows were all status changes; a correction is a kind
-- of its own, its status the document's after it.
ALTER TABLE document_event ADD COLUMN kind TEXT NOT NULL DEFAULT 'status'
	CHECK (kind IN ('status', 'corrected'));
ALTER TABLE document_event ADD COLUMN void_on TEXT;
ALTER TABLE document_event ADD COLUMN void_by TEXT;
ALTER TABLE document_event ADD COLUMN void_reason TEXT;
