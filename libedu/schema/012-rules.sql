-- 012: rules of issue 16 (edu-assets, edu-cert).

-- The categories of the minimum lives of 财会〔2017〕4号 (annex) that 006
-- left out: 砖木结构 buildings and 房屋附属设施, and the special equipment
-- (专用设备) a school has.  A CHECK cannot be changed in place: the table
-- is made again.  With legacy_alter_table the renames leave asset_event's
-- REFERENCES asset(tag) alone, so it names the new table at the end and
-- the old one is dropped with no row pointing at it.
PRAGMA legacy_alter_table = ON;
CREATE TABLE asset_012 (
	tag		TEXT PRIMARY KEY,
	name		TEXT NOT NULL,
	category	TEXT NOT NULL CHECK (category IN ('building-steel',
			'building-concrete', 'building-brick', 'building-brick-wood',
			'building-simple', 'building-fixture',
			'structure', 'computer', 'office', 'vehicle',
			'library-equipment', 'machinery', 'electrical',
			'communication', 'broadcast', 'instrument', 'medical',
			'sports', 'arts', 'entertainment', 'special-instrument',
			'furniture', 'utensil', 'book', 'relic', 'land')),
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
INSERT INTO asset_012 SELECT tag, name, category, class_code, model, unit,
	location, custodian, acquired_on, cost, life_years, funding, status,
	disposed_on, batch_item FROM asset;
ALTER TABLE asset RENAME TO asset_006;
ALTER TABLE asset_012 RENAME TO asset;
DROP TABLE asset_006;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX asset_unit ON asset(unit);

-- The triggers of 006, which went with the old table.
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

-- A lost or damaged graduation certificate is not reissued under a new
-- certificate number: the practice is a 毕业证明书 (a certificate of
-- graduation proof), numbered by a pattern of its own (cert.proof.pattern),
-- kept in the same ledger as the certificate it stands for, which it
-- replaces, and verified as any certificate is.
ALTER TABLE certificate ADD COLUMN form TEXT NOT NULL DEFAULT 'certificate'
	CHECK (form IN ('certificate', 'proof'));
