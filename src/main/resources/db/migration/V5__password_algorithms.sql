-- Passwords from other systems: every stored hash names the algorithm that made it.
--   argon2id-sha256  the service's own: Argon2id (PHC string) of the password's hex SHA-256
--   pbkdf2-jakarta   the service's own until now: Jakarta Security's PBKDF2 of the same
--   bcrypt, bcrypt-sha256, argon2, pbkdf2-sha1, pbkdf2-sha256, pbkdf2-sha512: imported,
--                    replaced by argon2id-sha256 at the user's first successful login
ALTER TABLE users ADD COLUMN password_algorithm varchar(16);
UPDATE users SET password_algorithm = 'pbkdf2-jakarta' WHERE password_hash IS NOT NULL;
ALTER TABLE users
    ADD CONSTRAINT users_password_algorithm_known CHECK (password_algorithm IN (
        'argon2id-sha256', 'pbkdf2-jakarta', 'bcrypt', 'bcrypt-sha256', 'argon2',
        'pbkdf2-sha1', 'pbkdf2-sha256', 'pbkdf2-sha512')),
    ADD CONSTRAINT users_password_hash_has_algorithm CHECK ((password_hash IS NULL) = (password_algorithm IS NULL));
