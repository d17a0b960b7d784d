-- Rocket.Chat's roles: its global roles from the first start, and roles operators make.

-- A role is addressed by its id (roles.update, roles.delete) and given by its name: as in
-- Rocket.Chat, a built-in role's id is its name, a created one's is random. A renamed role
-- keeps its holders and its permissions (ON UPDATE CASCADE); a role someone holds cannot
-- be deleted (the foreign key of user_roles has no ON DELETE), whatever runs at the same time.
ALTER TABLE roles
    ADD COLUMN id         varchar(64),
    ADD COLUMN protected  boolean     NOT NULL DEFAULT false,
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
UPDATE roles SET id = name, protected = name IN ('admin', 'user');
ALTER TABLE roles ALTER COLUMN id SET NOT NULL;
ALTER TABLE roles ADD CONSTRAINT roles_unique_id UNIQUE (id);

ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_fkey;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_fkey
    FOREIGN KEY (role) REFERENCES roles (name) ON UPDATE CASCADE;
ALTER TABLE permission_roles DROP CONSTRAINT permission_roles_role_fkey;
ALTER TABLE permission_roles ADD CONSTRAINT permission_roles_role_fkey
    FOREIGN KEY (role) REFERENCES roles (name) ON UPDATE CASCADE ON DELETE CASCADE;

-- roles.getUsersInRole, and the foreign key's check when a role is deleted or renamed,
-- find a role's holders by the role, not by reading every user's roles.
CREATE INDEX user_roles_by_role ON user_roles (role, user_id);

INSERT INTO roles (id, name, description, protected) VALUES
    ('bot', 'bot', 'Bot', true),
    ('app', 'app', 'App', true),
    ('guest', 'guest', 'Guest', true),
    ('anonymous', 'anonymous', 'Anonymous', true),
    ('livechat-agent', 'livechat-agent', 'Livechat Agent', true),
    ('livechat-manager', 'livechat-manager', 'Livechat Manager', true),
    ('livechat-monitor', 'livechat-monitor', 'Livechat Monitor', true)
ON CONFLICT (name) DO UPDATE SET protected = true;
