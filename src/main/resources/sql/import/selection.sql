-- Rocket.Chat's selection of an operation's staged users (getImportFileData,
-- StagedRows#selectionAfter), a page at a time in staging order after row :afterRow: each user
-- as compact JSON. user_id is the first import id (what startImport's list names); do_import is
-- false for a user left out of the selection; is_email_taken tells whether an existing user has
-- the first address (by the unique index, ignoring case).
-- Parameters: :operation, :afterRow, :limit.
SELECT d.id, CAST(row_to_json(selected) AS text)
FROM import_data d,
     LATERAL (SELECT d.data->'importIds'->>0 AS user_id,
                     d.data->>'username' AS username,
                     d.data->'emails'->>0 AS email,
                     coalesce(d.data->>'deleted' = 'true', false) AS is_deleted,
                     coalesce(d.data->>'type' = 'bot', false) AS is_bot,
                     coalesce(d.reason <> 'not-selected', true) AS do_import,
                     EXISTS (SELECT 1 FROM user_emails
                             WHERE lower(address) = lower(d.data->'emails'->>0)) AS is_email_taken) selected
WHERE d.operation_id = :operation AND d.data_type = 'user' AND d.id > :afterRow
ORDER BY d.id LIMIT :limit
;
