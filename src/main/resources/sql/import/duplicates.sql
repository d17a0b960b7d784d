-- Fragment (included by mark-duplicates.sql and predict.sql): the staged rows of operation
-- :operation that repeat the username (ignoring case, as usernames are unique) or an address
-- of an earlier row. Rows that already have an outcome (left out of a file importer's
-- selection) are not in the import.
SELECT id FROM (
    SELECT id, min(id) OVER (PARTITION BY lower(data->>'username')) AS first
    FROM import_data WHERE operation_id = :operation AND data_type = 'user' AND outcome IS NULL) by_username
WHERE id <> first
UNION
SELECT id FROM (
    SELECT id, min(id) OVER (PARTITION BY lower(address)) AS first
    FROM import_data, jsonb_array_elements_text(data->'emails') AS staged (address)
    WHERE operation_id = :operation AND data_type = 'user' AND outcome IS NULL) by_address
WHERE id <> first
