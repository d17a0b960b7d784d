-- Failed logins, counted in the database so that every instance sees the same counts:
-- per user (kind 'user': the user id, or the name tried when no such user exists) and per
-- client address (kind 'address'). A key that reaches its limit is blocked until
-- blocked_until, and counts again from zero; a successful login removes both keys.
CREATE TABLE login_failures (
    kind          varchar(8)   NOT NULL CHECK (kind IN ('user', 'address')),
    key           varchar(320) NOT NULL,
    failures      integer      NOT NULL,
    blocked_until timestamptz,
    PRIMARY KEY (kind, key)
);
