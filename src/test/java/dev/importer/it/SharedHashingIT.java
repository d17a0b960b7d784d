package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.importer.platform.database.NamedSql;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clear-text passwords hashed by every instance: the test is a second instance, claiming
 * with the service's own statements (import/hash-claim.sql, import/hash-store.sql) and
 * hashing as the service does (Argon2id of the password's hex SHA-256), and a third that
 * claims and dies. The service hashes the rest, takes the dead claim over once it is older
 * than the lease (Failsafe's is 5 s), and imports every user once.
 */
class SharedHashingIT extends ImportIT {

    private static final int USERS = 200;
    private static final int CLAIM = 4;
    private static final NamedSql CLAIM_SQL = NamedSql.load("import/hash-claim.sql");
    private static final NamedSql STORE_SQL = NamedSql.load("import/hash-store.sql");
    private static final Argon2Function SERVICE_ARGON2ID = Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID, 0x13);

    @Test
    void anotherInstanceHashesItsShareAndADeadOnesClaimIsTakenOver() throws SQLException {
        String tag = "shared" + System.nanoTime();
        String operation = startNew();
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (int i = 0; i < USERS; i++) {
            users.add(user(tag + "-" + i, tag + "-" + i + "@example.com", "pw-" + i));
        }
        assertOk(addUsers(users.build()));
        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> "importer_importing_users".equals(status().getJsonObject("operation").getString("status")),
                Duration.ofSeconds(30));

        Map<Long, String> claimedByTheDead = claim(operation, "a-dead-instance");
        Map<Long, String> hashedHere = new HashMap<>();
        for (int round = 0; round < 5; round++) {
            Map<Long, String> claimed = claim(operation, "another-instance-" + round);
            claimed.replaceAll((row, password) -> serviceHash(password));
            store(operation, "another-instance-" + round, claimed);
            hashedHere.putAll(claimed);
        }
        assertTrue(claimedByTheDead.size() == CLAIM && hashedHere.size() > 0,
                "the claims got their share: " + claimedByTheDead.size() + ", " + hashedHere.size());

        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(90));
        JsonObject count = status().getJsonObject("operation").getJsonObject("count");
        assertEquals(USERS, count.getInt("imported"), "none lost");
        assertEquals(USERS, count.getInt("passwords"));
        assertEquals(USERS, count.getInt("hashed"), "each password hashed once into the import");
        List<JsonObject> points = api.get("api/v1/import.progress", admin).json().getJsonArray("points")
                .getValuesAs(JsonObject.class);
        assertEquals(USERS, points.get(points.size() - 1).getInt("hashed"), "the progress shows the hashing too");
        for (Map.Entry<Long, String> hashed : hashedHere.entrySet()) {
            assertEquals(hashed.getValue(), TestDatabase.queryValue("""
                    SELECT u.password_hash FROM users u JOIN import_data d ON u.username = d.data->>'username'
                    WHERE d.operation_id = ? AND d.id = ?""", operation, hashed.getKey()),
                    "the other instance's hash is the one imported");
        }
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data WHERE operation_id = ? AND "
                + "(data->'password' IS NOT NULL OR hash_claim IS NOT NULL)", operation), "no password stays staged");
        for (int i : new int[] {0, USERS / 2, USERS - 1}) {
            assertEquals(200, api.postJson("api/v1/login", Json.createObjectBuilder().add("user", tag + "-" + i)
                    .add("password", "pw-" + i).build().toString()).status());
        }
        for (long row : claimedByTheDead.keySet()) {
            String username = (String) TestDatabase.queryValue(
                    "SELECT data->>'username' FROM import_data WHERE operation_id = ? AND id = ?", operation, row);
            String password = "pw-" + username.substring(username.lastIndexOf('-') + 1);
            assertEquals(200, api.postJson("api/v1/login", Json.createObjectBuilder().add("user", username)
                    .add("password", password).build().toString()).status(), "the dead claim was taken over");
        }
    }

    /** A claim of CLAIM rows for {@code owner}, as an instance's HashClaims makes it: row -> clear-text password. */
    private static Map<Long, String> claim(String operation, String owner) throws SQLException {
        Map<Long, String> claimed = new HashMap<>();
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            try (Statement lock = c.createStatement()) {
                lock.execute("SELECT id FROM import_lock WHERE id = 1 FOR SHARE");
            }
            try (PreparedStatement s = CLAIM_SQL.prepare(c, Map.of("operation", operation, "owner", owner,
                    "limit", CLAIM, "leaseSeconds", 5)); ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    claimed.put(rows.getLong(1), rows.getString(2));
                }
            }
            c.commit();
        }
        return claimed;
    }

    private static void store(String operation, String owner, Map<Long, String> hashes) throws SQLException {
        List<Long> rows = new ArrayList<>(hashes.keySet());
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            try (Statement lock = c.createStatement()) {
                lock.execute("SELECT id FROM import_lock WHERE id = 1 FOR SHARE");
            }
            try (PreparedStatement s = STORE_SQL.prepare(c, Map.of("operation", operation, "owner", owner,
                    "rows", rows.stream().mapToLong(Long::longValue).toArray(),
                    "hashes", rows.stream().map(hashes::get).toArray(String[]::new),
                    "algorithms", rows.stream().map(row -> "argon2id-sha256").toArray(String[]::new)));
                    ResultSet stored = s.executeQuery()) {
                stored.next();
                assertEquals(rows.size(), stored.getInt(1), "still this claim's own");
            }
            c.commit();
        }
    }

    private static String serviceHash(String password) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
            return Password.hash(digest).addRandomSalt(16).with(SERVICE_ARGON2ID).getResult();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
