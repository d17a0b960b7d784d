-- A page of import.report (StagedRows#withOutcome): the operation's staged users with one
-- outcome, in staging order, after row :afterRow (0 for the first; the CSV download pages by
-- it), skipping :offset, whose username or an address contains :query ignoring case ('' for
-- all). Parameters: :operation, :outcome, :query, :afterRow, :offset, :limit.
\set report_entry `cat src/main/resources/sql/import/report-entry.sql`
SELECT id, CAST(
:report_entry
       AS text) FROM import_data
WHERE operation_id = :operation AND data_type = 'user' AND outcome = :outcome AND id > :afterRow
  AND (:query = ''
       OR strpos(lower(data->>'username'), lower(:query)) > 0
       OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(data->'emails') AS staged (address)
                  WHERE strpos(lower(staged.address), lower(:query)) > 0))
ORDER BY id OFFSET :offset LIMIT :limit
;
