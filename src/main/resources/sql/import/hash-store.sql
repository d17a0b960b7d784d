-- Stores the hashes of the clear-text passwords of :owner's claim in their staged rows, in
-- place of the passwords (as if the users had been staged with passwordHash and
-- hashingAlgorithm), and counts them on the operation. A row whose claim was taken over
-- meanwhile (this instance was too slow) keeps the other claimer's work: nothing is hashed
-- twice into the import. Run under the import lock, shared.
-- Parameters: :operation, :owner, :rows (bigint[]) with, row by row, :hashes and :algorithms (text[]).
WITH stored AS (
    UPDATE import_data d
    SET data = (d.data - 'password')
               || jsonb_build_object('passwordHash', h.hash, 'hashingAlgorithm', h.algorithm),
        hash_claim = NULL, hash_claimed_at = NULL
    FROM unnest(CAST(:rows AS bigint[]), CAST(:hashes AS text[]), CAST(:algorithms AS text[])) AS h (id, hash, algorithm)
    WHERE d.operation_id = :operation AND d.id = h.id AND d.hash_claim = :owner
      AND (d.data->>'password') IS NOT NULL
    RETURNING d.id
)
UPDATE import_operations SET count_hashed = count_hashed + (SELECT count(*) FROM stored)
WHERE id = :operation
RETURNING (SELECT count(*) FROM stored)
