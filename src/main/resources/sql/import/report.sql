-- A page of import.report (StagedRows#withOutcome): the operation's staged users with one
-- outcome, in staging order. Parameters: :operation, :outcome, :offset, :limit.
\set report_entry `cat src/main/resources/sql/import/report-entry.sql`
SELECT CAST(
:report_entry
       AS text) FROM import_data
WHERE operation_id = :operation AND data_type = 'user' AND outcome = :outcome
ORDER BY id OFFSET :offset LIMIT :limit
;
