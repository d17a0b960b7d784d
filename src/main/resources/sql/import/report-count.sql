-- How many of the operation's staged users with one outcome match import.report's :query
-- (see report.sql); without a query the operation's counters say it. Parameters:
-- :operation, :outcome, :query.
SELECT count(*) FROM import_data
WHERE operation_id = :operation AND data_type = 'user' AND outcome = :outcome
  AND (strpos(lower(data->>'username'), lower(:query)) > 0
       OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(data->'emails') AS staged (address)
                  WHERE strpos(lower(staged.address), lower(:query)) > 0))
;
