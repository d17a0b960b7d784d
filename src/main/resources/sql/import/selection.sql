-- Rocket.Chat's selection of an operation's staged users (getImportFileData, StagedRows#selection),
-- in staging order, as one JSON array: user_id is the first import id (what startImport's list
-- names); do_import is false for a user left out of the selection; is_email_taken tells whether
-- an existing user has the first address (by the unique index, ignoring case).
-- Parameter: :operation.
SELECT CAST(coalesce(json_agg(json_build_object(
           'user_id', data->'importIds'->>0,
           'username', data->>'username',
           'email', data->'emails'->>0,
           'is_deleted', coalesce(data->>'deleted' = 'true', false),
           'is_bot', coalesce(data->>'type' = 'bot', false),
           'do_import', coalesce(reason <> 'not-selected', true),
           'is_email_taken', EXISTS (SELECT 1 FROM user_emails
                                     WHERE lower(address) = lower(data->'emails'->>0)))
       ORDER BY id), '[]') AS text)
FROM import_data
WHERE operation_id = :operation AND data_type = 'user'
;
