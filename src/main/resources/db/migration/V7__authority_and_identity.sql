-- Who may grant what, and usernames that cannot impersonate.

-- Giving the admin role needs this permission besides every permission admin carries, as
-- in Rocket.Chat.
INSERT INTO permissions (id) VALUES ('assign-admin-role');
INSERT INTO permission_roles (permission_id, role) VALUES ('assign-admin-role', 'admin');

-- The caller who started the import: the roles its staged users bring, and the users an
-- update may change, are judged against what this caller may grant, in every batch.
ALTER TABLE import_operations ADD COLUMN run_by varchar(17);

-- Usernames are unique ignoring case. Users that already collide (an earlier release let
-- "Admin" beside "admin") keep their names: the oldest of each group stays in the unique
-- index, the others are marked and left out of it, so that the service still starts, they
-- can still log in with their exact name, and no new user can take any spelling of the name.
-- The service logs each pair once, when this migration runs (DatabaseSchema).
ALTER TABLE users ADD COLUMN username_collision boolean NOT NULL DEFAULT false;
UPDATE users SET username_collision = true
WHERE id IN (SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY lower(username) ORDER BY created_at, id) AS nth FROM users) ranked
    WHERE nth > 1);
CREATE UNIQUE INDEX users_unique_username_ignoring_case ON users (lower(username)) WHERE NOT username_collision;
