-- 010: the numbers a run handed out (documents, cases, certificates,
-- tags), so that a script whose output was lost after the commit (exit
-- 79) gets them back from `edu-db runs`: how many, the first and the
-- last, and all of them (a JSON array) when there are at most 20.
ALTER TABLE run ADD COLUMN numbered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run ADD COLUMN first_no TEXT;
ALTER TABLE run ADD COLUMN last_no TEXT;
ALTER TABLE run ADD COLUMN numbers TEXT;
