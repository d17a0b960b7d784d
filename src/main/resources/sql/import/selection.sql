-- Rocket.Chat's selection of an operation's staged users (getImportFileData, StagedRows#selection),
-- in staging order, as one compact JSON array: user_id is the first import id (what startImport's
-- list names); do_import is false for a user left out of the selection; is_email_taken tells
-- whether an existing user has the first address (by the unique index, ignoring case).
-- Parameter: :operation.
SELECT '[' || coalesce(string_agg(CAST(row_to_json(selected) AS text), ',' ORDER BY d.id), '') || ']'
FROM import_data d,
     LATERAL (SELECT d.data->'importIds'->>0 AS user_id,
                     d.data->>'username' AS username,
                     d.data->'emails'->>0 AS email,
                     coalesce(d.data->>'deleted' = 'true', false) AS is_deleted,
                     coalesce(d.data->>'type' = 'bot', false) AS is_bot,
                     coalesce(d.reason <> 'not-selected', true) AS do_import,
                     EXISTS (SELECT 1 FROM user_emails
                             WHERE lower(address) = lower(d.data->'emails'->>0)) AS is_email_taken) selected
WHERE d.operation_id = :operation AND d.data_type = 'user'
;
