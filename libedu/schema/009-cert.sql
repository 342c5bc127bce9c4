-- 009: graduation and teacher-qualification certificates (edu-cert).

-- What was printed: the holder's name, sex, birth date and school are
-- copied in at issue, so later registry changes do not alter the record.
-- The status is the current one; certificate_event keeps each change.
CREATE TABLE certificate (
	cert_no		TEXT PRIMARY KEY,
	kind		TEXT NOT NULL CHECK (kind = 'junior' OR kind = 'senior' OR kind = 'vocational' OR kind = 'teacher'),
	holder		TEXT NOT NULL,	-- student_no, or id_number (teacher)
	name		TEXT NOT NULL,
	sex		TEXT NOT NULL CHECK (sex = 'M' OR sex = 'F'),
	birth_date	TEXT NOT NULL,
	id_number	TEXT,
	school_code	TEXT,
	school_name	TEXT,
	category	TEXT,		-- teacher: kindergarten .. higher
	subject		TEXT,
	body		TEXT,		-- teacher: the 3-digit certifying body
	year		INTEGER NOT NULL,	-- of graduation, or of issue
	issued_on	TEXT NOT NULL,
	batch		TEXT,
	status		TEXT NOT NULL DEFAULT 'valid' CHECK (status = 'valid' OR status = 'revoked' OR status = 'replaced'),
	replaces	TEXT REFERENCES certificate(cert_no),
	replaced_by	TEXT REFERENCES certificate(cert_no),
	revoked_on	TEXT,
	reason		TEXT
) WITHOUT ROWID;
-- One valid certificate per holder and kind (and teacher category): the
-- database itself refuses a second, whatever races.
CREATE UNIQUE INDEX certificate_valid ON certificate(holder, kind, coalesce(category, ''))
	WHERE status = 'valid';
CREATE INDEX certificate_holder ON certificate(holder, kind);

-- revoke, replace (the old number of a reissue) and reissue (the new
-- one): the status before and after, for --as-of; a certificate is
-- valid from its issued_on.
CREATE TABLE certificate_event (
	id		INTEGER PRIMARY KEY,
	cert_no		TEXT NOT NULL REFERENCES certificate(cert_no),
	day		TEXT NOT NULL,
	kind		TEXT NOT NULL CHECK (kind = 'revoke' OR kind = 'replace' OR kind = 'reissue'),
	reason		TEXT,
	other		TEXT,		-- the linked number of a reissue
	from_status	TEXT,
	to_status	TEXT NOT NULL,
	recorded	TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX certificate_event_cert ON certificate_event(cert_no, day, id);
