-- One batch of an import (UserImport#importBatch), in one statement whatever its size: records
-- every outcome and the user it matched (and forgets the passwords and hashes staged), creates
-- the imported users with every field kept, their addresses and roles (or user), and updates
-- the existing ones: the fields given (custom fields merged key by key, import ids added,
-- deleted deactivating and deleted false reactivating), password when one is given (which ends
-- every token of that user), the addresses nobody else owns, roles added.
-- Answers the count of each outcome. The planner contract (../PLANNER-CONTRACT.md) applies.
-- Parameters: :operation; :rows, the staged rows of the batch (bigint[]), with, row by row,
-- :newIds (the id a new user gets); :ifUserExists; :grantable; :runBy. A clear-text password
-- is hashed before its row is in a batch (hash-store.sql): the row brings its hash, or none.
-- psql, from the project folder, for example:
--   \set operation '''6b02e42600507ec3f23169a7''' \set ifUserExists '''skip'''
--   \set grantable 'ARRAY(SELECT name FROM roles)' \set runBy '''<user id>''' \set rows '''{1,2}'''
--   \set newIds '''{aaaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbbb}'''
--   BEGIN; SET LOCAL enable_seqscan = off; \i src/main/resources/sql/import/import-batch.sql
\set judged `cat src/main/resources/sql/import/judged.sql`
WITH candidates AS ( -- "id = ANY": by primary key, however many rows are staged
    SELECT d.id, d.data, d.duplicate_in_import, planned.new_id,
           d.data->>'passwordHash' AS password_hash, d.data->>'hashingAlgorithm' AS password_algorithm
    FROM unnest(CAST(:rows AS bigint[]), CAST(:newIds AS text[])) AS planned (row_id, new_id)
    JOIN import_data d ON d.operation_id = :operation AND d.id = planned.row_id
    WHERE d.id = ANY (CAST(:rows AS bigint[])) AND d.outcome IS NULL
),
:judged
,
recorded AS (
    UPDATE import_data d SET outcome = j.outcome, reason = j.reason,
                             matched_user_id = j.matched_user_id, matched_username = j.matched_username,
                             data = d.data - ARRAY['password', 'passwordHash', 'hashingAlgorithm']
    FROM judged j
    WHERE d.operation_id = :operation AND d.id = ANY (CAST(:rows AS bigint[])) AND d.id = j.id
),
created AS (
    INSERT INTO users (id, username, name, password_hash, password_algorithm, active, created_at, type,
                       custom_fields, bio, status_text, utc_offset, pending_avatar_url, import_ids)
    SELECT new_id, data->>'username', data->>'name', password_hash, password_algorithm,
           data->>'deleted' IS DISTINCT FROM 'true', now(), coalesce(data->>'type', 'user'),
           data->'customFields', data->>'bio', data->>'statusText', CAST(data->>'utcOffset' AS numeric),
           data->>'avatarUrl', ARRAY(SELECT jsonb_array_elements_text(data->'importIds'))
    FROM judged WHERE outcome = 'imported'
),
created_addresses AS (
    INSERT INTO user_emails (user_id, address, verified)
    SELECT j.new_id, staged.address, false
    FROM judged j, jsonb_array_elements_text(j.data->'emails') AS staged (address)
    WHERE j.outcome = 'imported'
),
updates AS ( -- a user matched by two staged users of the batch is updated as by the later one
    SELECT DISTINCT ON (existing_id) * FROM judged WHERE outcome = 'updated' ORDER BY existing_id, id DESC
),
updated AS (
    UPDATE users u SET name = coalesce(j.data->>'name', u.name),
                       password_hash = coalesce(j.password_hash, u.password_hash),
                       password_algorithm = coalesce(j.password_algorithm, u.password_algorithm),
                       active = CASE j.data->>'deleted' WHEN 'true' THEN false WHEN 'false' THEN true
                                ELSE u.active END,
                       type = coalesce(j.data->>'type', u.type),
                       custom_fields = CASE WHEN j.data->'customFields' IS NOT NULL
                                       THEN coalesce(u.custom_fields, '{}') || (j.data->'customFields')
                                       ELSE u.custom_fields END,
                       bio = coalesce(j.data->>'bio', u.bio),
                       status_text = coalesce(j.data->>'statusText', u.status_text),
                       utc_offset = coalesce(CAST(j.data->>'utcOffset' AS numeric), u.utc_offset),
                       pending_avatar_url = coalesce(j.data->>'avatarUrl', u.pending_avatar_url),
                       import_ids = u.import_ids || ARRAY(
                           SELECT staged.id FROM jsonb_array_elements_text(j.data->'importIds') AS staged (id)
                           WHERE staged.id <> ALL (u.import_ids))
    FROM updates j
    WHERE u.id = j.existing_id
      -- by key: joined on its own, the planner hashed the whole users table for a few updates
      AND u.id = ANY (ARRAY(SELECT existing_id FROM updates))
),
ended_tokens AS (
    DELETE FROM login_tokens t
    WHERE t.user_id = ANY (ARRAY(
        SELECT existing_id FROM judged WHERE outcome = 'updated' AND password_hash IS NOT NULL))
),
added_addresses AS (
    INSERT INTO user_emails (user_id, address, verified)
    SELECT j.existing_id, staged.address, false
    FROM judged j, jsonb_array_elements_text(j.data->'emails') AS staged (address)
    WHERE j.outcome = 'updated'
    ON CONFLICT DO NOTHING
),
granted AS (
    INSERT INTO user_roles (user_id, role)
    SELECT coalesce(j.existing_id, j.new_id), staged.role
    FROM judged j, jsonb_array_elements_text(CASE
        WHEN j.outcome = 'imported' AND j.data->'roles' = '[]' THEN '["user"]'
        ELSE j.data->'roles' END) AS staged (role)
    WHERE j.outcome IN ('imported', 'updated')
    ON CONFLICT DO NOTHING
)
SELECT outcome, count(*) FROM judged GROUP BY outcome
;
