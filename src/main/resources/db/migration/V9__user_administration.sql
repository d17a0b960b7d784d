-- User administration as Rocket.Chat names its permissions: seeing another user in full
-- (addresses, roles), and deleting a user. Administrators hold them, as in Rocket.Chat.
INSERT INTO permissions (id) VALUES ('view-full-other-user-info'), ('delete-user');
INSERT INTO permission_roles (permission_id, role) VALUES
    ('view-full-other-user-info', 'admin'),
    ('delete-user', 'admin');
