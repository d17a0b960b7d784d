-- The import engine: an outcome per staged user, progress and lease on the operation.

-- What the import did with each staged user; NULL until its batch has run.
-- duplicate_in_import: an earlier staged user of the operation has the username or an
-- address; set once, by one set-based pass, when the import starts.
ALTER TABLE import_data
    ADD COLUMN duplicate_in_import boolean NOT NULL DEFAULT false,
    ADD COLUMN outcome             varchar(8) CHECK (outcome IN ('imported', 'updated', 'skipped', 'failed')),
    ADD COLUMN reason              text;

-- The job reads a batch by primary key (operation_id, id); the extra index only slowed staging.
DROP INDEX import_data_in_order;

-- Counts by outcome, the mode of the run, and the progress that a takeover continues from:
-- every staged row up to last_row has its outcome. lease_owner names the job that may
-- write; it renews its lease by bumping updated_at.
ALTER TABLE import_operations
    ADD COLUMN count_imported integer    NOT NULL DEFAULT 0,
    ADD COLUMN count_updated  integer    NOT NULL DEFAULT 0,
    ADD COLUMN count_failed   integer    NOT NULL DEFAULT 0,
    ADD COLUMN if_user_exists varchar(8) NOT NULL DEFAULT 'skip' CHECK (if_user_exists IN ('skip', 'update')),
    ADD COLUMN last_row       bigint     NOT NULL DEFAULT 0,
    ADD COLUMN lease_owner    varchar(36);
