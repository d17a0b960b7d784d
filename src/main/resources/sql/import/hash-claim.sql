-- Claims up to :limit staged users of :operation, while it is importing, whose clear-text
-- password is not hashed yet, the first in row order (the batches wait for them), skipping
-- those another instance has locked or claimed; a claim older than :leaseSeconds is a dead
-- instance's and is taken over. Answers the row and the password of each; :owner names the
-- claim. Run under the import lock, shared (HashClaims), so that import.new and import.clear
-- exclude it. psql, from the project folder, for example:
--   \set operation '''6b02e42600507ec3f23169a7''' \set owner '''a-claimer''' \set limit 8
--   \set leaseSeconds 60 \i src/main/resources/sql/import/hash-claim.sql
WITH claimable AS (
    SELECT d.id
    FROM import_data d
    WHERE d.operation_id = :operation
      AND (d.data->>'password') IS NOT NULL AND d.outcome IS NULL
      AND (d.hash_claim IS NULL OR d.hash_claimed_at < clock_timestamp() - :leaseSeconds * interval '1 second')
      AND EXISTS (SELECT 1 FROM import_operations o
                  WHERE o.id = :operation AND o.valid AND o.status = 'importer_importing_users')
    ORDER BY d.id
    LIMIT :limit
    FOR UPDATE OF d SKIP LOCKED
)
UPDATE import_data d SET hash_claim = :owner, hash_claimed_at = clock_timestamp()
FROM claimable c
WHERE d.operation_id = :operation AND d.id = c.id
RETURNING d.id, d.data->>'password'
