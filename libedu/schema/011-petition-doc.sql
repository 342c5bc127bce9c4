-- 011: issue 16, points 1-6: document numbers continue after the
-- highest one imported; (petition columns follow below as they come).

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
