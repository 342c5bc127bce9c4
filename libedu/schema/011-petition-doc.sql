-- 011: issue 16, points 1-6: petition cases record what the periods of
-- reconsideration, litigation and reviews run from; document numbers
-- continue after the highest one imported.

-- Reconsideration (FY), the bureau as respondent (行政复议法 2023): the
-- day the applicant knew of the act and applied (art. 20: within 60
-- days, apply_by), the reconsideration body (also the body that reviews
-- a letter or visit, 信访工作条例 art. 35), the day it accepted and its
-- decision deadline (art. 62), and its outcome (arts. 63-69).
ALTER TABLE petition ADD COLUMN knew_on TEXT;
ALTER TABLE petition ADD COLUMN applied_on TEXT;
ALTER TABLE petition ADD COLUMN apply_by TEXT;
ALTER TABLE petition ADD COLUMN body TEXT;
ALTER TABLE petition ADD COLUMN body_accepted_on TEXT;
ALTER TABLE petition ADD COLUMN decision_due TEXT;
ALTER TABLE petition ADD COLUMN outcome TEXT CHECK (outcome IN ('upheld', 'changed',
	'revoked', 'unlawful', 'ordered', 'void', 'rejected', 'terminated'));
-- Litigation (SS): a judgement or ruling served (行政诉讼法 art. 85), and
-- the last day to appeal; a letter or visit: the day its written reply
-- reached the petitioner, from which a review may be asked.
ALTER TABLE petition ADD COLUMN served_on TEXT;
ALTER TABLE petition ADD COLUMN court_decision TEXT CHECK (court_decision IN
	('judgement', 'ruling'));
ALTER TABLE petition ADD COLUMN appeal_due TEXT;
-- A reply handed over in person reached the petitioner that day.
UPDATE petition SET served_on = replied_on WHERE kind = 'XF' AND replied_on IS NOT NULL;

-- A document stored under a number PREFIX〔YEAR〕N号 moves its prefix's
-- sequence of the year (libedu/doc.c, edu_doc_seq_scope: doc.PREFIX.YEAR)
-- up to N, so that `issue` and `receive` go on after the highest number
-- an import brought in, and never hand out a number below it again.
-- New numbers are stored in that form only (edu_doc_no_given).
CREATE TRIGGER document_number_sequence AFTER INSERT ON document
WHEN new.doc_no GLOB '?*〔[0-9][0-9][0-9][0-9]〕[1-9]*号'
BEGIN
	INSERT INTO sequence (scope, last)
	VALUES ('doc.' || substr(new.doc_no, 1, instr(new.doc_no, '〔') - 1) || '.' ||
		substr(new.doc_no, instr(new.doc_no, '〔') + 1, 4),
		CAST(substr(new.doc_no, instr(new.doc_no, '〕') + 1) AS INTEGER))
	ON CONFLICT (scope) DO UPDATE SET last = max(last, excluded.last);
END;

-- The numbers stored before, in whatever brackets and with leading
-- zeros, move their sequences the same way once.
INSERT INTO sequence (scope, last)
SELECT 'doc.' || substr(n, 1, instr(n, '〔') - 1) || '.' || substr(n, instr(n, '〔') + 1, 4),
	max(CAST(substr(n, instr(n, '〕') + 1) AS INTEGER))
FROM (SELECT replace(replace(replace(replace(replace(replace(replace(replace(
		replace(replace(trim(doc_no), '[', '〔'), ']', '〕'), '［', '〔'), '］', '〕'),
		'（', '〔'), '）', '〕'), '(', '〔'), ')', '〕'), '【', '〔'), '】', '〕') AS n
	FROM document)
WHERE n GLOB '?*〔[0-9][0-9][0-9][0-9]〕[0-9]*号'
	AND CAST(substr(n, instr(n, '〕') + 1) AS INTEGER) > 0
GROUP BY 1
ON CONFLICT (scope) DO UPDATE SET last = max(last, excluded.last);
