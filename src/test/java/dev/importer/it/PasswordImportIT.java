package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.password4j.types.Bcrypt;
import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Passwords in an import: hashes from other systems, made here by implementations other
 * than the service's (Password4j, the JDK), log in with their password and are replaced by
 * the service's Argon2id at the first login; clear-text passwords are hashed and forgotten.
 */
class PasswordImportIT extends ImportIT {

    private static final String OWN_ARGON2ID = "$argon2id$v=19$m=19456,t=2,p=1$";
    private static final Base64.Encoder PHC_BASE64 = Base64.getEncoder().withoutPadding();

    @Test
    void eachImportedHashLogsInWithItsPasswordAndIsThenUpgraded() throws GeneralSecurityException {
        String tag = "hash" + System.nanoTime();
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("bcrypt", Password.hash("pw-bcrypt").with(BcryptFunction.getInstance(Bcrypt.Y, 6)).getResult());
        hashes.put("bcrypt-sha256", Password.hash(sha256Hex("pw-bcrypt-sha256"))
                .with(BcryptFunction.getInstance(Bcrypt.B, 6)).getResult());
        hashes.put("argon2", Password.hash("pw-argon2").addRandomSalt(16)
                .with(Argon2Function.getInstance(4096, 3, 2, 32, Argon2.ID, 0x13)).getResult());
        hashes.put("pbkdf2-sha1", pbkdf2("pbkdf2-sha1", "PBKDF2WithHmacSHA1", "pw-pbkdf2-sha1"));
        hashes.put("pbkdf2-sha256", pbkdf2("pbkdf2-sha256", "PBKDF2WithHmacSHA256", "pw-pbkdf2-sha256"));
        hashes.put("pbkdf2-sha512", pbkdf2("pbkdf2-sha512", "PBKDF2WithHmacSHA512", "pw-pbkdf2-sha512"));
        startNew();
        JsonArrayBuilder users = Json.createArrayBuilder();
        hashes.forEach((algorithm, hash) -> users.add(withHash(user(tag + "-" + algorithm,
                tag + "-" + algorithm + "@example.com", null), algorithm, hash)));
        assertOk(addUsers(users.build()));
        runToTheEnd();
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data WHERE data->'passwordHash' IS NOT NULL "
                + "OR data->'hashingAlgorithm' IS NOT NULL"), "no hash stays staged");

        hashes.keySet().forEach(algorithm -> {
            String username = tag + "-" + algorithm;
            assertEquals(algorithm, storedAlgorithm(username), "stored as it came");
            assertEquals(401, login(username, "pw-" + algorithm + "-wrong").status(), algorithm);
            assertEquals(200, login(username, "pw-" + algorithm).status(), algorithm);
            assertEquals("argon2id-sha256", storedAlgorithm(username), algorithm + " is upgraded at the first login");
            assertTrue(storedHash(username).startsWith(OWN_ARGON2ID), storedHash(username));
            assertEquals(200, login(username, "pw-" + algorithm).status(), algorithm + " after the upgrade");
            assertEquals(401, login(username, "pw-" + algorithm + "-wrong").status(), algorithm + " after the upgrade");
        });
    }

    @Test
    void rocketChatsOwnBcryptLogsInWithTheDigestForm() {
        String tag = "rc" + System.nanoTime();
        String bcrypt = Password.hash(sha256Hex("rocket-pw")).with(BcryptFunction.getInstance(Bcrypt.B, 6)).getResult();
        startNew();
        JsonObject user = Json.createObjectBuilder(user(tag + "-ann", tag + "-ann@example.com", null))
                .add("services", Json.createObjectBuilder().add("password", Json.createObjectBuilder().add("bcrypt", bcrypt)))
                .build();
        assertOk(addUsers(user));
        runToTheEnd();

        assertEquals("bcrypt-sha256", storedAlgorithm(tag + "-ann"));
        assertEquals(401, loginWithDigest(tag + "-ann", sha256Hex("rocket-pw-wrong")).status());
        assertEquals(200, loginWithDigest(tag + "-ann", sha256Hex("rocket-pw")).status());
        assertEquals("argon2id-sha256", storedAlgorithm(tag + "-ann"));
        assertEquals(200, loginWithDigest(tag + "-ann", sha256Hex("rocket-pw")).status());
        assertEquals(200, login(tag + "-ann", "rocket-pw").status());
    }

    @Test
    void aHashOfTheClearTextNeedsTheClearTextAtLogin() {
        String tag = "clr" + System.nanoTime();
        startNew();
        assertOk(addUsers(withHash(user(tag + "-ann", tag + "-ann@example.com", null), "bcrypt",
                Password.hash("clear-pw").with(BcryptFunction.getInstance(Bcrypt.B, 6)).getResult())));
        runToTheEnd();

        assertEquals(401, loginWithDigest(tag + "-ann", sha256Hex("clear-pw")).status());
        assertEquals("bcrypt", storedAlgorithm(tag + "-ann"));
        assertEquals(200, login(tag + "-ann", "clear-pw").status());
        assertEquals(200, loginWithDigest(tag + "-ann", sha256Hex("clear-pw")).status(), "once upgraded, either form");
    }

    @Test
    void malformedHashesAreRefusedWithNothingStaged() {
        String tag = "bad" + System.nanoTime();
        String bcrypt = Password.hash("pw").with(BcryptFunction.getInstance(Bcrypt.B, 6)).getResult();
        Map<String, JsonObjectBuilder> refused = new LinkedHashMap<>();
        refused.put("wrong prefix", hash("bcrypt", "$2x$" + bcrypt.substring(4)));
        refused.put("truncated", hash("bcrypt", bcrypt.substring(0, 59)));
        refused.put("bad base64", hash("pbkdf2-sha256", "$pbkdf2-sha256$i=1000$c2Fs!HQ$MDEyMzQ1Njc4OWFiY2RlZg"));
        refused.put("iterations of 0", hash("pbkdf2-sha256", "$pbkdf2-sha256$i=0$c2FsdA$MDEyMzQ1Njc4OWFiY2RlZg"));
        refused.put("unknown algorithm", hash("md5", "5f4dcc3b5aa765d61d8327deb882cf99"));
        refused.put("password and hash", hash("bcrypt", bcrypt).add("password", "pw"));
        refused.put("hash without algorithm", Json.createObjectBuilder().add("passwordHash", bcrypt));
        startNew();

        refused.forEach((why, fields) -> {
            JsonObject good = user(tag + "-good", tag + "-good@example.com", "pw");
            JsonObject bad = Json.createObjectBuilder(user(tag + "-bad", tag + "-bad@example.com", null))
                    .addAll(fields).build();
            Reply reply = addUsers(good, bad);
            assertRefused(reply, "error-invalid-params");
            assertTrue(reply.json().getString("error").contains("users[1]: "), why + ": " + reply.body());
        });
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data WHERE data->>'username' LIKE ?", tag + "-%"),
                "nothing staged");
    }

    @Test
    void clearTextPasswordsAreHashedOnTheWayAndForgotten() {
        String tag = "clear" + System.nanoTime();
        startNew();
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (int i = 0; i < 45; i++) {
            users.add(user(tag + "-" + i, tag + "-" + i + "@example.com", "clear-pw-" + i));
        }
        assertOk(addUsers(users.build()));
        runToTheEnd();

        assertEquals(45, TestDatabase.count("SELECT count(*) FROM users WHERE username LIKE ? AND "
                + "password_algorithm = 'argon2id-sha256' AND password_hash LIKE ?", tag + "-%", OWN_ARGON2ID + "%"));
        assertEquals(45, TestDatabase.count("SELECT count(DISTINCT password_hash) FROM users WHERE username LIKE ?",
                tag + "-%"), "a salt of its own each");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data WHERE data->'password' IS NOT NULL "
                + "OR data->'passwordHash' IS NOT NULL OR data::text LIKE '%clear-pw%'"), "no password stays staged");
        assertEquals(200, login(tag + "-44", "clear-pw-44").status());
        assertEquals(401, login(tag + "-44", "clear-pw-43").status());
    }

    @Test
    void anUpdateTakesTheImportedHash() {
        String tag = "upd" + System.nanoTime();
        TestUsers.createNamed(tag + "-ann");
        startNew();
        assertOk(addUsers(withHash(user(tag + "-ann", tag + "-ann@example.com", null), "pbkdf2-sha256",
                pbkdf2Unchecked("pbkdf2-sha256", "PBKDF2WithHmacSHA256", "new-pw"))));
        assertOk(api.postJson("api/v1/import.run", admin, "{\"ifUserExists\":\"update\"}"));
        awaitDone();

        assertEquals("pbkdf2-sha256", storedAlgorithm(tag + "-ann"));
        assertEquals(200, login(tag + "-ann", "new-pw").status());
    }

    @Test
    void anExistingPbkdf2UserOfTheEarlierReleaseLogsInAndIsUpgraded() throws GeneralSecurityException {
        String username = "legacy" + System.nanoTime();
        TestUsers.createNamed(username);
        byte[] salt = "sixteen byte sal".getBytes(StandardCharsets.US_ASCII);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(sha256Hex("legacy-pw").toCharArray(), salt, 210_000, 512)).getEncoded();
        TestDatabase.execute("UPDATE users SET password_hash = ?, password_algorithm = 'pbkdf2-jakarta' WHERE username = ?",
                "PBKDF2WithHmacSHA512:210000:" + Base64.getEncoder().encodeToString(salt) + ":"
                        + Base64.getEncoder().encodeToString(hash), username);

        assertEquals(401, login(username, "legacy-pw-wrong").status());
        assertEquals("pbkdf2-jakarta", storedAlgorithm(username));
        assertEquals(200, login(username, "legacy-pw").status());
        assertEquals("argon2id-sha256", storedAlgorithm(username));
        assertEquals(200, login(username, "legacy-pw").status());
    }

    @Test
    void importedHashesCostAtMostWhatALoginCanAfford() {
        String tag = "cost" + System.nanoTime();
        String bcrypt = "$2b$%02d$" + "abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui";
        String pbkdf2 = "$pbkdf2-sha256$i=%d$c2FsdHNhbHQ$MDEyMzQ1Njc4OWFiY2RlZg";
        String argon2 = "$argon2id$v=19$m=%d,t=%d,p=1$c2FsdHNhbHQ$MDEyMzQ1Njc4OWFiY2RlZg";
        startNew();
        for (JsonObjectBuilder tooCostly : List.of(hash("bcrypt", bcrypt.formatted(15)),
                hash("pbkdf2-sha256", pbkdf2.formatted(2_000_001)), hash("argon2", argon2.formatted(262_145, 1)),
                hash("argon2", argon2.formatted(262_144, 5)))) {
            Reply refused = addUsers(Json.createObjectBuilder(user(tag, tag + "@example.com", null))
                    .addAll(tooCostly).build());
            assertEquals(400, refused.status(), refused.body());
        }
        assertOk(addUsers(
                withHash(user(tag + "-a", tag + "-a@example.com", null), "bcrypt", bcrypt.formatted(14)),
                withHash(user(tag + "-b", tag + "-b@example.com", null), "pbkdf2-sha256", pbkdf2.formatted(2_000_000)),
                withHash(user(tag + "-c", tag + "-c@example.com", null), "argon2", argon2.formatted(262_144, 4))));
    }

    @Test
    void aLoginTakesAsLongForAUserWithACheapImportedHashAsForNobody() throws GeneralSecurityException {
        String tag = "time" + System.nanoTime();
        int rounds = 9;
        startNew();
        for (int i = 0; i < rounds; i++) {
            assertOk(addUsers(withHash(user(tag + "-" + i, tag + "-" + i + "@example.com", null), "pbkdf2-sha256",
                    pbkdf2WithIterations("pbkdf2-sha256", "PBKDF2WithHmacSHA256", "pw", 1))));
        }
        runToTheEnd();

        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < rounds; i++) { // one failure per user, and a success each round: nobody is blocked
            String user = tag + "-" + i;
            String nobody = tag + "-nobody-" + i;
            known.add(timed(() -> assertEquals(401, login(user, "wrong").status())));
            unknown.add(timed(() -> assertEquals(401, login(nobody, "wrong").status())));
            api.loginAsAdmin();
        }
        double ratio = (double) median(known) / median(unknown);
        assertTrue(ratio > 0.5, "a cheap hash answers in " + median(known) + " µs, nobody in " + median(unknown) + " µs");
    }

    private static long timed(Runnable login) {
        long start = System.nanoTime();
        login.run();
        return (System.nanoTime() - start) / 1000;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private void runToTheEnd() {
        assertOk(api.post("api/v1/import.run", admin));
        awaitDone();
    }

    private void awaitDone() {
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));
    }

    private Reply login(String username, String password) {
        return api.postJson("api/v1/login",
                Json.createObjectBuilder().add("user", username).add("password", password).build().toString());
    }

    private Reply loginWithDigest(String username, String digest) {
        return api.postJson("api/v1/login", Json.createObjectBuilder().add("user", username)
                .add("password", Json.createObjectBuilder().add("digest", digest).add("algorithm", "sha-256"))
                .build().toString());
    }

    private static JsonObject withHash(JsonObject user, String algorithm, String hash) {
        return Json.createObjectBuilder(user).addAll(hash(algorithm, hash)).build();
    }

    private static JsonObjectBuilder hash(String algorithm, String hash) {
        return Json.createObjectBuilder().add("passwordHash", hash).add("hashingAlgorithm", algorithm);
    }

    private static String storedAlgorithm(String username) {
        return (String) TestDatabase.queryValue("SELECT password_algorithm FROM users WHERE username = ?", username);
    }

    private static String storedHash(String username) {
        return (String) TestDatabase.queryValue("SELECT password_hash FROM users WHERE username = ?", username);
    }

    private static String pbkdf2(String id, String jdkAlgorithm, String password) throws GeneralSecurityException {
        return pbkdf2WithIterations(id, jdkAlgorithm, password, 10_000);
    }

    private static String pbkdf2WithIterations(String id, String jdkAlgorithm, String password, int iterations)
            throws GeneralSecurityException {
        byte[] salt = (id + " salt").getBytes(StandardCharsets.US_ASCII);
        byte[] hash = SecretKeyFactory.getInstance(jdkAlgorithm)
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return "$" + id + "$i=" + iterations + ",l=32$" + PHC_BASE64.encodeToString(salt) + "$"
                + PHC_BASE64.encodeToString(hash);
    }

    private static String pbkdf2Unchecked(String id, String jdkAlgorithm, String password) {
        try {
            return pbkdf2(id, jdkAlgorithm, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
