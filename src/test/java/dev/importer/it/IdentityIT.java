package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Usernames that cannot impersonate, addresses that are addresses, and values the database
 * can hold: through users.create and through an import, refused with 400, never 500.
 */
class IdentityIT extends ImportIT {

    private static final List<String> LOOK_ALIKES = List.of("\u0430dmin", "admin\u200b", "\u202eadmin", "ad min",
            "admin@example.com", "../admin", "ad/min", "ad\nmin", "<b>admin</b>", "ad\u0000min");

    @Test
    void usernamesAreUniqueIgnoringCaseWhateverThePath() {
        for (String spelling : List.of(Api.Admin.USERNAME.toUpperCase(), capitalized(Api.Admin.USERNAME))) {
            Reply refused = createUser(spelling, "ok-" + System.nanoTime() + "@example.com", "Name");
            assertRefused(refused, "error-field-unavailable");
        }
        assertThrows(IllegalStateException.class, () -> TestDatabase.execute(
                "INSERT INTO users (id, username, active, created_at) VALUES ('ZZZZZZZZZZZZZZZZZ', ?, true, now())",
                capitalized(Api.Admin.USERNAME)), "the database itself refuses");
        api.login(Api.Admin.USERNAME.toUpperCase(), Api.Admin.PASSWORD);
    }

    @Test
    void lookAlikeUsernamesAreRefusedByUsersCreateAndByAnImport() {
        startNew();
        for (String username : LOOK_ALIKES) {
            assertEquals(400, createUser(username, "x" + System.nanoTime() + "@example.com", "Name").status(), username);
            Reply staged = addUsers(user("fine-" + System.nanoTime(), "f" + System.nanoTime() + "@example.com", null),
                    user(username, "y" + System.nanoTime() + "@example.com", null));
            assertRefused(staged, "error-invalid-params");
            assertTrue(staged.json().getString("error").startsWith("users[1]: "), staged.body());
        }
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"), "nothing staged");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE lower(username) LIKE '%admin%'"));
    }

    @Test
    void anImportJudgesUsernamesIgnoringCase() {
        String tag = "id" + System.nanoTime();
        TestUsers.createNamed(tag + "-Bob");
        startNew();
        assertOk(addUsers(user(tag + "-BOB", tag + "-bob@example.com", null),
                user(tag + "-eve", tag + "-eve@example.com", null),
                user(tag + "-EVE", tag + "-eve2@example.com", null)));
        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));

        List<String> reasons = api.get("api/v1/import.report?status=skipped", admin).json().getJsonArray("users")
                .getValuesAs(JsonObject.class).stream().map(u -> u.getString("reason")).toList();
        assertEquals(List.of("username-taken", "duplicate-in-import"), reasons);
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE lower(username) = lower(?)", tag + "-bob"));
    }

    @Test
    void addressesMustBeAddresses() {
        startNew();
        for (String address : List.of("not-an-email", "@", "@@@", "a@b", "ann@example.c", "an n@example.com")) {
            assertRefused(createUser("addr" + System.nanoTime(), address, "Name"), "error-invalid-email");
            Reply staged = addUsers(user("addr" + System.nanoTime(), address, null));
            assertRefused(staged, "error-invalid-params");
            assertTrue(staged.json().getString("error").startsWith("users[0]: "), staged.body());
        }
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"));
        assertEquals(200, createUser("addr" + System.nanoTime(), "\"quoted\"@[10.0.0.1]", "Name").status());
    }

    @Test
    void controlCharactersAndOverLongValuesAnswer400NeverAServerError() {
        startNew();
        String tag = "ctl" + System.nanoTime();
        assertRefused(createUser(tag + "-a", tag + "-a@example.com", "A\u0000nn"), "error-invalid-params");
        assertRefused(createUser(tag + "-b", tag + "-b@example.com", "n".repeat(256)), "error-invalid-params");
        assertRefused(createUser("u".repeat(256), tag + "-c@example.com", "Name"), "error-input-is-not-a-valid-field");
        assertRefused(createUser(tag + "-d", "a".repeat(310) + "@example.com", "Name"), "error-invalid-email");
        assertRefused(api.postJson("api/v1/users.generatePersonalAccessToken", admin,
                "{\"tokenName\":\"" + "t".repeat(256) + "\"}"), "error-invalid-params");
        assertRefused(api.postJson("api/v1/login", "{\"user\":\"ad\\u0000min\",\"password\":\"x\"}"),
                "error-invalid-params");
        for (String field : List.of("\"name\":\"A\\u0000nn\"", "\"name\":\"" + "n".repeat(256) + "\"",
                "\"importIds\":[\"1\\u0000\"]", "\"roles\":[\"us\\u0007er\"]", "\"password\":\"pass\\u0000word\"")) {
            Reply staged = api.postJson("api/v1/import.addUsers", admin, "{\"users\":[{\"username\":\"" + tag
                    + "\",\"emails\":[\"" + tag + "@example.com\"],\"importIds\":[\"1\"]," + field + "}]}");
            assertRefused(staged, "error-invalid-params");
        }
        assertEquals(200, createUser(tag + "-e", tag + "-e@example.com", "Ann\tLee").status(), "a tab in a name is fine");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"));
    }

    private Reply createUser(String username, String email, String name) {
        return api.postJson("api/v1/users.create", admin, Json.createObjectBuilder()
                .add("username", username).add("name", name).add("email", email).add("password", "a-password")
                .build().toString());
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
