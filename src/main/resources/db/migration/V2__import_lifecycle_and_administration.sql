-- Progress of an import: staged users, and what the running job has done with them.
ALTER TABLE import_operations
    ADD COLUMN count_users     integer NOT NULL DEFAULT 0,
    ADD COLUMN count_completed integer NOT NULL DEFAULT 0,
    ADD COLUMN count_skipped   integer NOT NULL DEFAULT 0;

-- The stale-lease check looks for valid operations by status and age.
CREATE INDEX import_operations_valid_by_status ON import_operations (status, updated_at) WHERE valid;

-- Personal access tokens: unique names per user; the last characters are shown in lists.
ALTER TABLE login_tokens ADD COLUMN last_token_part varchar(6);
CREATE UNIQUE INDEX login_tokens_unique_personal_name ON login_tokens (user_id, name) WHERE kind = 'PERSONAL';

ALTER TABLE permissions ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

INSERT INTO permissions (id) VALUES
    ('create-user'),
    ('edit-other-user-active-status'),
    ('create-personal-access-tokens'),
    ('access-permissions');
INSERT INTO permission_roles (permission_id, role) VALUES
    ('create-user', 'admin'),
    ('edit-other-user-active-status', 'admin'),
    ('create-personal-access-tokens', 'admin'),
    ('access-permissions', 'admin');
