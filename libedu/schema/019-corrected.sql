-- 019: what a petition's or a document's event changed (issue 17).
--
-- Voiding an event sets the record back to what it was before it.  An
-- asset's events carry the state they left (the one before is the
-- previous event's) and a staff event its `old` and `new`; a petition's
-- verbs change a dozen columns their event did not keep, and a
-- document's route, handler and archive number.  From this migration
-- every new event of either keeps, as staff_event does, a JSON object of
-- the columns it changed with their values before (`old`) and after
-- (`new`).  NULL: an event recorded before, which cannot be voided (its
-- record is corrected with `import --upsert`).  A change by `import
-- --upsert` of the status or a deadline of a case, or of a document's
-- status or department, is recorded as a `corrected` event with them,
-- so --as-of never contradicts the history.
ALTER TABLE petition_event ADD COLUMN old TEXT;
ALTER TABLE petition_event ADD COLUMN new TEXT;
ALTER TABLE document_event ADD COLUMN old TEXT;
ALTER TABLE document_event ADD COLUMN new TEXT;
