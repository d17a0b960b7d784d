-- Fragment (included by import-batch.sql and predict.sql): the rules. Two CTEs that give the
-- outcome and reason of each row of a CTE candidates (id, data, duplicate_in_import, ...),
-- with the id of the user of the same name (ignoring case) when there is one. Each fact is a
-- lookup by a unique index, written so that no estimate can turn it into a scan per row, and
-- made once per user (MATERIALIZED: inlined, each CASE branch would repeat it).
-- :grantable holds the roles the caller who runs the import may give (RoleGrants);
-- :ifUserExists is 'skip' or 'update'. Rules, first match wins: duplicate in the import; a
-- role that no longer exists (failed); a role the caller may not give (failed); username
-- taken (with update: skipped when that user holds a role the caller may not give, else
-- updated; otherwise skipped); an address taken, in any letter case; else imported.
checked AS MATERIALIZED (
    SELECT c.*,
        (SELECT id FROM users
         WHERE lower(users.username) = lower(c.data->>'username') AND NOT users.username_collision
        ) AS existing_id,
        (SELECT staged.role FROM jsonb_array_elements_text(c.data->'roles') AS staged (role)
         WHERE NOT EXISTS (SELECT 1 FROM roles WHERE roles.name = staged.role) LIMIT 1) AS unknown_role,
        EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.data->'roles') AS staged (role)
                WHERE staged.role <> ALL (CAST(:grantable AS text[]))) AS role_not_allowed,
        -- an aggregate, not EXISTS: the planner may turn an EXISTS into one hash of every user's roles
        :ifUserExists = 'update' AND coalesce((
            SELECT bool_or(held.role <> ALL (CAST(:grantable AS text[])))
            FROM users existing JOIN user_roles held ON held.user_id = existing.id
            WHERE lower(existing.username) = lower(c.data->>'username') AND NOT existing.username_collision
        ), false) AS user_protected,
        EXISTS (SELECT 1 FROM user_emails taken WHERE lower(taken.address) = ANY (ARRAY(
            SELECT lower(staged.address)
            FROM jsonb_array_elements_text(c.data->'emails') AS staged (address)
        ))) AS address_taken
    FROM candidates c
),
judged AS (
    SELECT checked.*,
           CASE WHEN duplicate_in_import THEN 'skipped'
                WHEN unknown_role IS NOT NULL OR role_not_allowed THEN 'failed'
                WHEN existing_id IS NOT NULL AND user_protected THEN 'skipped'
                WHEN existing_id IS NOT NULL AND :ifUserExists = 'update' THEN 'updated'
                WHEN existing_id IS NOT NULL OR address_taken THEN 'skipped'
                ELSE 'imported' END AS outcome,
           CASE WHEN duplicate_in_import THEN 'duplicate-in-import'
                WHEN unknown_role IS NOT NULL THEN 'role ' || unknown_role || ' does not exist'
                WHEN role_not_allowed THEN 'role-not-allowed'
                WHEN existing_id IS NOT NULL AND user_protected THEN 'user-protected'
                WHEN existing_id IS NOT NULL AND :ifUserExists = 'update' THEN NULL
                WHEN existing_id IS NOT NULL THEN 'username-taken'
                WHEN address_taken THEN 'email-taken' END AS reason
    FROM checked
)
