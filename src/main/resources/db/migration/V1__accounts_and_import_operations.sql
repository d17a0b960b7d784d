-- Accounts: users, their e-mail addresses and roles, and their login tokens.

CREATE TABLE roles (
    name        varchar(64) PRIMARY KEY,
    description text        NOT NULL DEFAULT ''
);

CREATE TABLE users (
    id            varchar(17)  PRIMARY KEY,
    username      varchar(255) NOT NULL UNIQUE,
    name          varchar(255),
    password_hash text,
    active        boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL
);

CREATE TABLE user_emails (
    user_id  varchar(17)  NOT NULL REFERENCES users ON DELETE CASCADE,
    address  varchar(320) NOT NULL,
    verified boolean      NOT NULL DEFAULT false,
    PRIMARY KEY (user_id, address)
);
CREATE UNIQUE INDEX user_emails_unique_address ON user_emails (lower(address));

CREATE TABLE user_roles (
    user_id varchar(17) NOT NULL REFERENCES users ON DELETE CASCADE,
    role    varchar(64) NOT NULL REFERENCES roles,
    PRIMARY KEY (user_id, role)
);

-- Only the SHA-256 of a token is stored (base64, as Rocket.Chat's hashedToken).
-- Login tokens expire LOGIN_EXPIRATION_DAYS after created_at; personal tokens never do.
CREATE TABLE login_tokens (
    hashed_token varchar(44)  PRIMARY KEY,
    user_id      varchar(17)  NOT NULL REFERENCES users ON DELETE CASCADE,
    kind         varchar(16)  NOT NULL CHECK (kind IN ('LOGIN', 'PERSONAL')),
    name         varchar(255),
    created_at   timestamptz  NOT NULL
);
CREATE INDEX login_tokens_by_user ON login_tokens (user_id);

-- Permissions and the roles that hold them.

CREATE TABLE permissions (
    id varchar(128) PRIMARY KEY
);

CREATE TABLE permission_roles (
    permission_id varchar(128) NOT NULL REFERENCES permissions ON DELETE CASCADE,
    role          varchar(64)  NOT NULL REFERENCES roles ON DELETE CASCADE,
    PRIMARY KEY (permission_id, role)
);

INSERT INTO roles (name, description) VALUES
    ('admin', 'Administrator'),
    ('user', 'Ordinary user');

INSERT INTO permissions (id) VALUES ('run-import'), ('view-import-operations');
INSERT INTO permission_roles (permission_id, role) VALUES
    ('run-import', 'admin'),
    ('view-import-operations', 'admin');

-- Import operations and the rows staged for them.

CREATE TABLE import_operations (
    id           varchar(24) PRIMARY KEY,
    type         varchar(32) NOT NULL,
    importer_key varchar(32) NOT NULL,
    ts           timestamptz NOT NULL,
    status       varchar(40) NOT NULL,
    valid        boolean     NOT NULL,
    user_id      varchar(17) NOT NULL,
    updated_at   timestamptz NOT NULL
);
-- At most one operation is valid, whatever the application does.
CREATE UNIQUE INDEX import_operations_at_most_one_valid ON import_operations (valid) WHERE valid;
CREATE INDEX import_operations_newest_first ON import_operations (ts DESC);

-- One partition per operation, import_data_<operation id>, created with the operation.
-- Clearing detaches the partitions, which takes the same time for a million rows as for
-- none; the detached tables are dropped afterwards, outside any request (releasing their
-- files takes time in proportion to their size). No foreign key to import_operations:
-- detaching would then lock that table too, against the writers of its rows.
CREATE TABLE import_data (
    id           bigserial,
    operation_id varchar(24) NOT NULL,
    data_type    varchar(16) NOT NULL CHECK (data_type IN ('user', 'channel', 'message')),
    data         jsonb       NOT NULL,
    PRIMARY KEY (operation_id, id)
) PARTITION BY LIST (operation_id);
-- The running job reads an operation's users in row order, a batch at a time.
CREATE INDEX import_data_in_order ON import_data (operation_id, data_type, id);

-- The one row every change to import operations locks first (SELECT ... FOR UPDATE).
-- Locking rows of import_operations instead would not serialize two callers that both
-- find no valid operation; this row always exists, so the empty table is safe too.
CREATE TABLE import_lock (
    id smallint PRIMARY KEY CHECK (id = 1)
);
INSERT INTO import_lock (id) VALUES (1);
