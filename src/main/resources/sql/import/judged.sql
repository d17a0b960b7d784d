-- Fragment (included by import-batch.sql and predict.sql): the rules. CTEs that end in judged,
-- the outcome and reason of each row of a CTE candidates (id, data, duplicate_in_import, ...),
-- with the existing user it concerns: found as Rocket.Chat finds it, by its first address,
-- else by its username ignoring case (existing_id, the user an update changes); matched_user_id
-- is the user a report names, the owner of the username or of the address that was taken.
-- Each fact is a lookup by a unique index, written as a scalar subquery so that no estimate
-- can turn it into a join that reads a whole table (a LATERAL join became a hash join over
-- every address), and made once per user (MATERIALIZED: inlined, each CASE branch would repeat it).
-- :grantable holds the roles the caller who runs the import may give (RoleGrants), :runBy is
-- that caller; :ifUserExists is 'skip' or 'update'. Rules, first match wins: duplicate in the
-- import; a role that no longer exists (failed); a role the caller may not give (failed); a
-- user matched: with update, skipped when its username belongs to another user, or when the
-- matched user holds a role the caller may not give, or when the import would deactivate the
-- caller itself or, unless the caller is an active administrator, an active administrator
-- (so that one always stays), else updated; with skip, skipped; an address taken, in any
-- letter case (skipped); else imported.
checked AS MATERIALIZED (
    SELECT c.*,
        (SELECT user_id FROM user_emails
         WHERE lower(address) = lower(c.data->'emails'->>0)) AS address_first_owner,
        (SELECT id FROM users
         WHERE lower(username) = lower(c.data->>'username') AND NOT username_collision) AS username_owner,
        (SELECT staged.role FROM jsonb_array_elements_text(c.data->'roles') AS staged (role)
         WHERE NOT EXISTS (SELECT 1 FROM roles WHERE roles.name = staged.role) LIMIT 1) AS unknown_role,
        EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.data->'roles') AS staged (role)
                WHERE staged.role <> ALL (CAST(:grantable AS text[]))) AS role_not_allowed,
        (SELECT taken.user_id FROM user_emails taken WHERE lower(taken.address) = ANY (ARRAY(
            SELECT lower(staged.address)
            FROM jsonb_array_elements_text(c.data->'emails') AS staged (address)
        )) LIMIT 1) AS address_owner
    FROM candidates c
),
found AS (
    SELECT checked.*, coalesce(address_first_owner, username_owner) AS existing_id FROM checked
),
guarded AS MATERIALIZED (
    SELECT found.*,
        -- an aggregate, not EXISTS: the planner may turn an EXISTS into one hash of every user's roles
        :ifUserExists = 'update' AND coalesce((
            SELECT bool_or(held.role <> ALL (CAST(:grantable AS text[])))
            FROM user_roles held WHERE held.user_id = found.existing_id
        ), false) AS user_protected,
        :ifUserExists = 'update' AND found.data->>'deleted' = 'true' AND (found.existing_id = :runBy OR (
            (SELECT existing.active FROM users existing WHERE existing.id = found.existing_id)
            AND EXISTS (SELECT 1 FROM user_roles held WHERE held.user_id = found.existing_id AND held.role = 'admin')
            AND NOT EXISTS (SELECT 1 FROM users caller JOIN user_roles held ON held.user_id = caller.id
                            WHERE caller.id = :runBy AND caller.active AND held.role = 'admin'))) AS keeps_active
    FROM found
),
ruled AS (
    SELECT guarded.*,
           CASE WHEN duplicate_in_import THEN 'skipped'
                WHEN unknown_role IS NOT NULL OR role_not_allowed THEN 'failed'
                WHEN existing_id IS NOT NULL AND :ifUserExists = 'update'
                     AND NOT coalesce(username_owner <> existing_id, false)
                     AND NOT user_protected AND NOT keeps_active THEN 'updated'
                WHEN existing_id IS NOT NULL OR address_owner IS NOT NULL THEN 'skipped'
                ELSE 'imported' END AS outcome,
           CASE WHEN duplicate_in_import THEN 'duplicate-in-import'
                WHEN unknown_role IS NOT NULL THEN 'role ' || unknown_role || ' does not exist'
                WHEN role_not_allowed THEN 'role-not-allowed'
                WHEN username_owner <> existing_id THEN 'username-taken'
                WHEN existing_id IS NOT NULL AND (user_protected OR keeps_active) THEN 'user-protected'
                WHEN existing_id IS NOT NULL AND :ifUserExists = 'update' THEN NULL
                WHEN username_owner IS NOT NULL THEN 'username-taken'
                WHEN existing_id IS NOT NULL OR address_owner IS NOT NULL THEN 'email-taken' END AS reason
    FROM guarded
),
named AS (
    SELECT ruled.*,
           CASE WHEN reason = 'username-taken' THEN username_owner
                WHEN reason = 'email-taken' THEN coalesce(existing_id, address_owner)
                WHEN outcome = 'updated' OR reason = 'user-protected' THEN existing_id END AS matched_user_id
    FROM ruled
),
judged AS (
    SELECT named.*, (SELECT username FROM users WHERE users.id = named.matched_user_id) AS matched_username
    FROM named
)
