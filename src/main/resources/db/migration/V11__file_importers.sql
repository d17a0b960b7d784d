-- Rocket.Chat's file importers: the uploaded or downloaded file of an operation, what
-- Rocket.Chat records of it, and the settings its SSRF rules read.

-- file: Rocket.Chat's stored name (<UTC y M d h m s>_<user id>_<file name>); content_type as sent.
ALTER TABLE import_operations
    ADD COLUMN file         varchar(400),
    ADD COLUMN content_type varchar(255);

-- The file of an operation, in the database so that any instance can read it. Only the valid
-- operation's file is kept: a new operation deletes the others' (ImportFiles#clear).
CREATE TABLE import_files (
    operation_id varchar(24) PRIMARY KEY,
    content      bytea       NOT NULL
);

-- Rocket.Chat's settings that the service reads, by Rocket.Chat's id. SSRF_Allowlist: the
-- hosts (host or host:port, comma-separated) that downloads may reach although they resolve
-- to a loopback, private or link-local address.
CREATE TABLE settings (
    id         varchar(64)  PRIMARY KEY,
    value      text         NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now()
);
INSERT INTO settings (id, value) VALUES ('SSRF_Allowlist', '');

INSERT INTO permissions (id) VALUES ('view-privileged-setting'), ('edit-privileged-setting');
INSERT INTO permission_roles (permission_id, role) VALUES
    ('view-privileged-setting', 'admin'),
    ('edit-privileged-setting', 'admin');
