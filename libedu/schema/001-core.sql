-- 001: what every tool shares: settings, users, sequences, the calendar,
-- the audit log and the batch-run ledger.

CREATE TABLE setting (
	key	TEXT PRIMARY KEY,
	value	TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE user (
	login	TEXT PRIMARY KEY,
	role	TEXT NOT NULL CHECK (role IN ('admin', 'registrar', 'petitions',
		'personnel', 'assets', 'documents', 'auditor')),
	added	TEXT NOT NULL
) WITHOUT ROWID;

-- Serial numbers: `last` only ever grows, so a number is never handed out
-- twice.
CREATE TABLE sequence (
	scope	TEXT PRIMARY KEY,
	last	INTEGER NOT NULL CHECK (last > 0)
) WITHOUT ROWID;

-- Official holidays and make-up working days (调休); weekends are days off
-- unless listed as workday.
CREATE TABLE calendar (
	day	TEXT PRIMARY KEY CHECK (day GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	kind	TEXT NOT NULL CHECK (kind IN ('holiday', 'workday'))
) WITHOUT ROWID;

-- Who changed what.  `hash` is SHA-256 over the row and the previous
-- row's hash (`prev`); see libedu/audit.c.
CREATE TABLE audit (
	id	INTEGER PRIMARY KEY,
	at	TEXT NOT NULL,
	user	TEXT NOT NULL,
	tool	TEXT NOT NULL,
	verb	TEXT NOT NULL,
	entity	TEXT NOT NULL,
	key	TEXT NOT NULL,
	change	TEXT NOT NULL,
	prev	TEXT NOT NULL,
	hash	TEXT NOT NULL
);
CREATE INDEX audit_key ON audit(entity, key);
CREATE INDEX audit_at ON audit(at);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Batch runs, each written in the run's own transaction: a run is here if
-- and only if its work landed.
CREATE TABLE run (
	id	INTEGER PRIMARY KEY,
	tool	TEXT NOT NULL,
	verb	TEXT NOT NULL,
	user	TEXT NOT NULL,
	started	TEXT NOT NULL,
	finished TEXT NOT NULL,
	counts	TEXT,
	status	INTEGER NOT NULL
);
