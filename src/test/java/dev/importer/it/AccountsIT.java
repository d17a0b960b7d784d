package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Admin;
import dev.importer.it.Api.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The administrator bootstrap, login, logout, me, and refusals of bad input. */
class AccountsIT extends DeployedWarIT {

    private static final String LOGIN_FAILED = "{\"status\":\"error\",\"error\":\"Unauthorized\",\"message\":\"Unauthorized\"}";

    @Test
    void theAdministratorIsCreatedFromTheEnvironmentOnce() {
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", Admin.USERNAME));
        String hash = (String) TestDatabase.queryValue("SELECT password_hash FROM users WHERE username = ?", Admin.USERNAME);
        assertFalse(hash.contains(Admin.PASSWORD), "the password is not stored in clear");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertEquals("argon2id-sha256", TestDatabase.queryValue(
                "SELECT password_algorithm FROM users WHERE username = ?", Admin.USERNAME));

        JsonObject me = api.get("api/v1/me", admin).json();
        assertEquals(Admin.USERNAME, me.getString("username"));
        assertTrue(me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString).contains("admin"));
        assertEquals(Admin.EMAIL, me.getJsonArray("emails").getJsonObject(0).getString("address"));
    }

    @Test
    void loginAnswersTokenAndUser() {
        Reply reply = api.postJson("api/v1/login",
                "{\"user\":\"" + Admin.USERNAME + "\",\"password\":\"" + Admin.PASSWORD + "\"}");

        assertEquals(200, reply.status());
        JsonObject body = reply.json();
        assertEquals("success", body.getString("status"));
        JsonObject data = body.getJsonObject("data");
        String token = data.getString("authToken");
        assertEquals(data.getString("userId"), data.getJsonObject("me").getString("_id"));
        assertEquals(Admin.USERNAME, data.getJsonObject("me").getString("username"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM login_tokens WHERE hashed_token = ?",
                TestUsers.sha256Base64(token)), "the token is stored as its SHA-256");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM login_tokens WHERE hashed_token = ?", token));
    }

    @Test
    void loginAcceptsUsernameEmailAndSha256Digest() throws Exception {
        String digest = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Admin.PASSWORD.getBytes(StandardCharsets.UTF_8)));
        List<String> bodies = List.of(
                "{\"username\":\"" + Admin.USERNAME + "\",\"password\":\"" + Admin.PASSWORD + "\"}",
                "{\"user\":\"" + Admin.EMAIL.toUpperCase() + "\",\"password\":\"" + Admin.PASSWORD + "\"}",
                "{\"user\":\"" + Admin.USERNAME + "\",\"password\":{\"digest\":\"" + digest + "\",\"algorithm\":\"sha-256\"}}");
        for (String body : bodies) {
            assertEquals(200, api.postJson("api/v1/login", body).status(), body);
        }
    }

    @Test
    void wrongCredentialsAnswerTheSame401() {
        Reply wrongPassword = api.postJson("api/v1/login", "{\"user\":\"" + Admin.USERNAME + "\",\"password\":\"nope\"}");
        Reply unknownUser = api.postJson("api/v1/login", "{\"user\":\"nobody-here\",\"password\":\"nope\"}");

        assertEquals(401, wrongPassword.status());
        assertEquals(LOGIN_FAILED, wrongPassword.body());
        assertEquals(401, unknownUser.status());
        assertEquals(LOGIN_FAILED, unknownUser.body());
    }

    @Test
    void aDeactivatedUserCannotLogIn() {
        Credentials user = TestUsers.create("user");
        TestDatabase.execute("UPDATE users SET (password_hash, password_algorithm) = "
                + "(SELECT password_hash, password_algorithm FROM users WHERE username = ?) WHERE id = ?",
                Admin.USERNAME, user.userId());
        String username = "user-" + user.userId();
        assertEquals(200, api.postJson("api/v1/login", loginBody(username)).status());

        TestUsers.deactivate(user.userId());

        assertEquals(401, api.postJson("api/v1/login", loginBody(username)).status());
    }

    @Test
    void meShowsTheCallerAndNoSecret() {
        Reply reply = api.get("api/v1/me", admin);

        assertEquals(200, reply.status());
        JsonObject me = reply.json();
        assertEquals(admin.userId(), me.getString("_id"));
        assertTrue(me.getBoolean("success"));
        assertFalse(reply.body().contains(admin.token()));
        assertFalse(reply.body().toLowerCase().contains("password"));
        assertFalse(reply.body().contains("PBKDF2"));
    }

    @Test
    void badLoginInputAnswers400Json() {
        List<String> bodies = List.of("{not json", "[]", "\"text\"", "{\"user\":42,\"password\":\"x\"}",
                "{\"password\":\"x\"}", "{\"user\":\"admin\"}", "{\"user\":\"admin\",\"password\":{\"digest\":\"xyz\"}}");
        for (String body : bodies) {
            Reply reply = api.postJson("api/v1/login", body);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            JsonObject error = reply.json();
            assertFalse(error.getBoolean("success"));
            assertEquals("error-invalid-params", error.getString("errorType"));
            assertTrue(error.getString("error").endsWith("[error-invalid-params]"), error.toString());
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerJson() {
        for (String path : List.of("api/v1/no.such.endpoint", "no/such/page", "assets/no-such-file.js")) {
            Reply reply = api.get(path, admin);
            assertEquals(404, reply.status(), path);
            assertTrue(reply.contentType().startsWith("application/json"), path + ": " + reply.contentType());
            assertEquals("error-not-found", reply.json().getString("errorType"));
        }
        Reply wrongMethod = api.get("api/v1/import.new", admin);
        assertEquals(405, wrongMethod.status());
        assertFalse(wrongMethod.json().getBoolean("success"));
        Reply postToTheConsole = api.postJson("", "{}");
        assertEquals(405, postToTheConsole.status());
        assertFalse(postToTheConsole.json().getBoolean("success"));
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "{\"user\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        Reply reply = api.send(api.request("api/v1/login")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build());
        assertEquals(413, reply.status());
        assertEquals("error-request-too-large", reply.json().getString("errorType"));
    }

    private static String loginBody(String username) {
        return "{\"user\":\"" + username + "\",\"password\":\"" + Admin.PASSWORD + "\"}";
    }
}
