-- Every field of Rocket.Chat's IImportUser that describes a user, kept on the user: its kind
-- (user or bot), custom fields as given, bio, status text, UTC offset in hours, the avatar
-- still to be fetched (downloadPendingAvatars), and its ids in the systems it came from.
ALTER TABLE users
    ADD COLUMN type               varchar(8)    NOT NULL DEFAULT 'user' CHECK (type IN ('user', 'bot')),
    ADD COLUMN custom_fields      jsonb         CHECK (jsonb_typeof(custom_fields) = 'object'),
    ADD COLUMN bio                varchar(1000),
    ADD COLUMN status_text        varchar(255),
    ADD COLUMN utc_offset         numeric(4, 2) CHECK (utc_offset BETWEEN -14 AND 14),
    ADD COLUMN pending_avatar_url varchar(2048),
    ADD COLUMN import_ids         text[]        NOT NULL DEFAULT '{}';

-- A user is found by an id it had in the system it came from: import_ids @> ARRAY[id].
CREATE INDEX users_by_import_id ON users USING gin (import_ids);

-- users.list?query= matches the start of a username, a name or an address, ignoring case,
-- by these indexes rather than by reading every user.
CREATE INDEX users_by_username_prefix ON users (lower(username) text_pattern_ops);
CREATE INDEX users_by_name_prefix ON users (lower(name) text_pattern_ops);
CREATE INDEX user_emails_by_address_prefix ON user_emails (lower(address) text_pattern_ops);

-- The existing user a staged user matched (by its first address, else by its username
-- ignoring case, else by another of its addresses), as the run or the dry run found it: the
-- report says whom a skipped or updated row was about.
ALTER TABLE import_data
    ADD COLUMN matched_user_id  varchar(17),
    ADD COLUMN matched_username varchar(255);

-- users.list shows users, users.update changes another user's profile: Rocket.Chat's
-- permissions, held as in Rocket.Chat.
INSERT INTO permissions (id) VALUES ('view-d-room'), ('edit-other-user-info'), ('edit-other-user-password');
INSERT INTO permission_roles (permission_id, role) VALUES
    ('view-d-room', 'admin'),
    ('view-d-room', 'user'),
    ('edit-other-user-info', 'admin'),
    ('edit-other-user-password', 'admin');

-- A user's avatar, in the database so that every instance serves it (GET /avatar/{username});
-- downloadPendingAvatars of the file importers stores what it fetches from pending_avatar_url.
CREATE TABLE user_avatars (
    user_id      varchar(17)  PRIMARY KEY REFERENCES users ON DELETE CASCADE,
    content_type varchar(100) NOT NULL CHECK (content_type LIKE 'image/%'),
    data         bytea        NOT NULL,
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
