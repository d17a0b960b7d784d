-- The audit trail of import operations: who did what to which operation, and from where.
-- Written in the transaction of the change it records. user_id and address are NULL for
-- what the service does by itself (takeover, done, failed); no foreign keys, so that the
-- trail outlives the users and operations it names.
CREATE TABLE import_events (
    id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ts                   timestamptz NOT NULL,
    type                 varchar(16) NOT NULL CHECK (type IN
                             ('new', 'clear', 'addUsers', 'run', 'validate', 'abort', 'takeover', 'done', 'failed')),
    user_id              varchar(17),
    operation_id         varchar(24),
    aborted_operation_id varchar(24),
    address              varchar(45)
);
