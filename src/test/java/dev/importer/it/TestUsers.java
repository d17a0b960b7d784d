package dev.importer.it;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Users and tokens written straight into the test database, for the states that the API
 * of this release cannot produce (a user without permissions, a deactivated user, an old
 * token). The token is stored as the contract says: SHA-256, base64.
 */
public final class TestUsers {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestUsers() {
    }

    /** An active user with the given roles and a fresh login token. */
    public static Credentials create(String... roles) {
        return createNamed(null, roles);
    }

    /** The same, with the given username (null: {@code user-<id>}). */
    public static Credentials createNamed(String username, String... roles) {
        String id = randomId();
        TestDatabase.execute("INSERT INTO users (id, username, active, created_at) VALUES (?, ?, true, now())",
                id, username == null ? "user-" + id : username);
        for (String role : roles) {
            addRole(role);
            TestDatabase.execute("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", id, role);
        }
        return addToken(id, "LOGIN", Duration.ZERO);
    }

    /** A token of the given kind for the user, created {@code age} ago. */
    public static Credentials addToken(String userId, String kind, Duration age) {
        String token = randomId() + randomId();
        TestDatabase.execute("""
                INSERT INTO login_tokens (hashed_token, user_id, kind, created_at)
                VALUES (?, ?, ?, now() - make_interval(secs => ?))""",
                sha256Base64(token), userId, kind, (double) age.toSeconds());
        return new Credentials(userId, token);
    }

    /** Every administrator but these deactivated: the caller reactivates its own afterwards. */
    public static void onlyTheseAdministratorsActive(String... userIds) {
        TestDatabase.execute("""
                UPDATE users SET active = (id = ANY (?))
                WHERE id IN (SELECT user_id FROM user_roles WHERE role = 'admin')""", (Object) userIds);
    }

    public static void deactivate(String userId) {
        TestDatabase.execute("UPDATE users SET active = false WHERE id = ?", userId);
    }

    /** A role of that name, made when missing, with its name for id as a built-in role's. */
    public static String addRole(String role) {
        TestDatabase.execute("INSERT INTO roles (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING", role, role);
        return role;
    }

    public static void grant(String permission, String role) {
        TestDatabase.execute("INSERT INTO permission_roles (permission_id, role) VALUES (?, ?)", permission, role);
    }

    public static String sha256Base64(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
