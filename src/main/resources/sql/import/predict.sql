-- The dry run (UserImport#predict): what import-batch.sql would do with every staged user of
-- the operation now, by the same rules; writes nothing. Answers the count of each outcome and,
-- on the row of 'skipped', the first :skippedShown skipped users as a JSON array. The planner
-- contract (../PLANNER-CONTRACT.md) applies. Parameters: :operation, :ifUserExists,
-- :grantable, :skippedShown (see import-batch.sql for psql).
\set duplicates `cat src/main/resources/sql/import/duplicates.sql`
\set judged `cat src/main/resources/sql/import/judged.sql`
\set report_entry `cat src/main/resources/sql/import/report-entry.sql`
WITH duplicates AS (
:duplicates
),
candidates AS (
    SELECT d.id, d.data, duplicates.id IS NOT NULL AS duplicate_in_import
    FROM import_data d LEFT JOIN duplicates ON duplicates.id = d.id
    WHERE d.operation_id = :operation AND d.data_type = 'user'
),
:judged
,
first_skipped AS (SELECT * FROM judged WHERE outcome = 'skipped' ORDER BY id LIMIT :skippedShown)
SELECT outcome, count(*),
       CASE WHEN outcome = 'skipped' THEN
           (SELECT CAST(coalesce(json_agg(
:report_entry
            ORDER BY id), '[]') AS text) FROM first_skipped)
       END
FROM judged GROUP BY outcome
;
