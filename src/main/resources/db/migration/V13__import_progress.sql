-- The counts of a running import after each batch, for the console's chart of users per
-- second over the import's life (kept for a finished operation). A few hundred rows for a
-- million users: one per batch, batches of about a second.
CREATE TABLE import_progress (
    operation_id varchar(24) NOT NULL REFERENCES import_operations ON DELETE CASCADE,
    ts           timestamptz NOT NULL,
    completed    integer     NOT NULL,
    imported     integer     NOT NULL,
    updated      integer     NOT NULL,
    skipped      integer     NOT NULL,
    failed       integer     NOT NULL,
    PRIMARY KEY (operation_id, ts)
);
