-- Clear-text passwords of an import are hashed by every instance: an instance claims staged
-- users whose password is not hashed yet (import/hash-claim.sql), hashes them, and stores the
-- hash in the staged row in place of the password (import/hash-store.sql). A claim older than
-- IMPORT_LEASE_SECONDS is an instance's that died: any instance takes it over.
ALTER TABLE import_data
    ADD COLUMN hash_claim      varchar(36),
    ADD COLUMN hash_claimed_at timestamptz;
-- The rows still to hash, in row order: the index empties as the hashes come in.
CREATE INDEX import_data_to_hash ON import_data (operation_id, id) WHERE (data->>'password') IS NOT NULL;

-- The import's clear-text passwords to hash (counted as it starts) and those hashed so far.
ALTER TABLE import_operations
    ADD COLUMN count_passwords integer NOT NULL DEFAULT 0,
    ADD COLUMN count_hashed    integer NOT NULL DEFAULT 0;
ALTER TABLE import_progress ADD COLUMN hashed integer NOT NULL DEFAULT 0;
