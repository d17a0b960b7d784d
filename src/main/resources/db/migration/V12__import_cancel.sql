-- import.cancel stops a running import and keeps what it did: the audit trail records it.
ALTER TABLE import_events DROP CONSTRAINT import_events_type_check;
ALTER TABLE import_events ADD CONSTRAINT import_events_type_check CHECK (type IN
    ('new', 'clear', 'addUsers', 'run', 'validate', 'abort', 'takeover', 'done', 'failed', 'cancel'));
