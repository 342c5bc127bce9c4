-- 006: fixed assets (固定资产): the register, its events, stocktakes.
-- Money is integer fen; the tools print it as yuan with two decimals.

CREATE TABLE asset (
	tag		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	category	TEXT NOT NULL CHECK (category IN ('building-steel',
			'building-concrete', 'building-brick', 'building-simple',
			'structure', 'computer', 'office', 'vehicle',
			'library-equipment', 'machinery', 'electrical',
			'communication', 'broadcast', 'instrument', 'furniture',
			'utensil', 'book', 'relic', 'land')),
	class_code	TEXT,
	model		TEXT,
	unit		TEXT NOT NULL,
	location	TEXT,
	custodian	TEXT,
	acquired_on	TEXT NOT NULL,
	cost		INTEGER NOT NULL CHECK (cost >= 0),
	life_years	INTEGER CHECK (life_years > 0),
	funding		TEXT,
	status		TEXT NOT NULL DEFAULT 'in-use' CHECK (status IN ('in-use',
			'idle', 'lent', 'repair', 'disposed')),
	disposed_on	TEXT CHECK (disposed_on IS NULL OR disposed_on >= acquired_on),
	batch_item	TEXT NOT NULL DEFAULT 'no' CHECK (batch_item IN ('yes', 'no')),
	CHECK ((status = 'disposed') = (disposed_on IS NOT NULL))
) WITHOUT ROWID;
CREATE INDEX asset_unit ON asset(unit);

-- What happened to an asset, each row with the state it left the asset
-- in, so that `--as-of DATE` reads the last row on or before DATE.  The
-- rows of one asset are in order of day and id: a verb refuses to date an
-- event before the asset's last one.
CREATE TABLE asset_event (
	id		INTEGER PRIMARY KEY,
	tag		TEXT NOT NULL REFERENCES asset(tag),
	day		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind IN ('added', 'transfer', 'lend',
			'return', 'repair', 'dispose', 'corrected')),
	status		TEXT NOT NULL,
	unit		TEXT NOT NULL,
	location	TEXT,
	custodian	TEXT,
	party		TEXT,		-- lend: the borrower
	method		TEXT CHECK (method IS NULL OR method IN ('sold',
			'scrapped', 'transferred', 'lost')),
	doc		TEXT		-- dispose: the approval's number
);
CREATE INDEX asset_event_tag ON asset_event(tag, day, id);

-- A new asset's first event, whichever way it came in; one imported as
-- disposed was in use until its disposal.
CREATE TRIGGER asset_added AFTER INSERT ON asset
BEGIN
	INSERT INTO asset_event(tag, day, kind, status, unit, location, custodian)
	VALUES (NEW.tag, NEW.acquired_on, 'added',
		CASE NEW.status WHEN 'disposed' THEN 'in-use' ELSE NEW.status END,
		NEW.unit, NEW.location, NEW.custodian);
	INSERT INTO asset_event(tag, day, kind, status, unit, location, custodian)
	SELECT NEW.tag, NEW.disposed_on, 'dispose', 'disposed', NEW.unit,
		NEW.location, NEW.custodian
	WHERE NEW.status = 'disposed';
END;

-- The verbs write their event before they change the asset; a change that
-- no event explains (an `import --upsert` that corrects the register) is
-- recorded as a correction on the day it is made.
CREATE TRIGGER asset_corrected AFTER UPDATE OF status, unit, location, custodian ON asset
WHEN NOT EXISTS (SELECT 1 FROM asset_event e
	WHERE e.id = (SELECT max(id) FROM asset_event WHERE tag = NEW.tag)
	AND e.status = NEW.status AND e.unit = NEW.unit
	AND e.location IS NEW.location AND e.custodian IS NEW.custodian)
BEGIN
	INSERT INTO asset_event(tag, day, kind, status, unit, location, custodian)
	VALUES (NEW.tag, max(date('now', 'localtime'),
		(SELECT max(day) FROM asset_event WHERE tag = NEW.tag)),
		'corrected', NEW.status, NEW.unit, NEW.location, NEW.custodian);
END;

-- A stocktake (资产盘点): when, of what, by whom, and the counts; each
-- asset's result in stocktake_item.
CREATE TABLE stocktake (
	id		INTEGER PRIMARY KEY,
	day		TEXT NOT NULL,
	unit		TEXT,
	location	TEXT,
	user		TEXT NOT NULL,
	found		INTEGER NOT NULL,
	moved		INTEGER NOT NULL,
	missing		INTEGER NOT NULL,
	unexpected	INTEGER NOT NULL
);

CREATE TABLE stocktake_item (
	stocktake	INTEGER NOT NULL REFERENCES stocktake(id),
	tag		TEXT NOT NULL,
	result		TEXT NOT NULL CHECK (result IN ('found', 'moved',
			'missing', 'unexpected')),
	location	TEXT,		-- in the register
	scanned_location TEXT,
	PRIMARY KEY (stocktake, tag)
) WITHOUT ROWID;
