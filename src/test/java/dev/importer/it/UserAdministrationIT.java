package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * users.info and users.delete as Rocket.Chat shapes them, tried by the callers who must be
 * refused: who may not see another user in full, and who may not delete this user.
 */
class UserAdministrationIT extends ImportIT {

    @Test
    void usersInfoShowsAUserInFullToItselfAndToAdministratorsOnly() {
        String tag = "info" + System.nanoTime();
        Credentials ann = createUser(tag + "-ann", "user");

        JsonObject itself = info(ann, "username=" + tag + "-ann");
        assertEquals(tag + "-ann@example.com", itself.getJsonArray("emails").getJsonObject(0).getString("address"));
        assertEquals(List.of("user"), itself.getJsonArray("roles").getValuesAs(JsonString::getString));
        JsonObject byAdmin = info(admin, "userId=" + ann.userId());
        assertEquals(itself, byAdmin);

        JsonObject administrator = info(ann, "username=" + Api.Admin.USERNAME);
        assertEquals(admin.userId(), administrator.getString("_id"));
        assertTrue(administrator.getBoolean("active"));
        assertFalse(administrator.containsKey("emails"), administrator.toString());
        assertFalse(administrator.containsKey("roles"), administrator.toString());

        assertRefused(api.get("api/v1/users.info?username=" + tag + "-nobody", admin), "error-invalid-user");
        assertRefused(api.get("api/v1/users.info?userId=not-an-id", admin), "error-invalid-user");
        assertRefused(api.get("api/v1/users.info", admin), "error-invalid-params");
        assertRefused(api.get("api/v1/users.info?username=a%00b", admin), "error-invalid-params");
        assertEquals(401, api.get("api/v1/users.info?username=" + tag + "-ann", new Credentials(ann.userId(), "x")).status());
    }

    @Test
    void aDeletedUsersTokensAddressesAndRolesGoWithIt() {
        String tag = "delete" + System.nanoTime();
        Credentials bob = createUser(tag + "-bob", "bot");
        assertEquals(200, api.get("api/v1/me", bob).status());

        assertOk(api.postJson("api/v1/users.delete", admin, body("username", tag + "-bob")));

        assertEquals(401, api.get("api/v1/me", bob).status(), "its token ended with it");
        for (String table : List.of("users WHERE id", "user_emails WHERE user_id", "user_roles WHERE user_id",
                "login_tokens WHERE user_id")) {
            assertEquals(0, TestDatabase.count("SELECT count(*) FROM " + table + " = ?", bob.userId()), table);
        }
        assertRefused(api.postJson("api/v1/users.delete", admin, body("userId", bob.userId())), "error-invalid-user");
        createUser(tag + "-bob", "user");
    }

    @Test
    void aHolderOfDeleteUserDeletesNobodyWithMoreAuthorityThanItself() {
        String tag = "delete" + System.nanoTime();
        TestUsers.grant("delete-user", TestUsers.addRole(tag + "-deleters"));
        Credentials deleter = TestUsers.createNamed(tag + "-deleter", tag + "-deleters");
        TestUsers.grant("run-import", TestUsers.addRole(tag + "-importers"));
        TestUsers.createNamed(tag + "-importer", tag + "-importers");
        TestUsers.createNamed(tag + "-plain", "user");
        Credentials nobody = TestUsers.createNamed(tag + "-nobody", "user");

        for (String victim : List.of(Api.Admin.USERNAME, tag + "-importer")) {
            Reply refused = api.postJson("api/v1/users.delete", deleter, body("username", victim));
            assertEquals(403, refused.status(), refused.body());
            assertEquals("error-action-not-allowed", refused.json().getString("errorType"));
        }
        Reply unauthorized = api.postJson("api/v1/users.delete", nobody, body("username", tag + "-plain"));
        assertEquals(403, unauthorized.status(), unauthorized.body());
        assertEquals(3, TestDatabase.count("SELECT count(*) FROM users WHERE username IN (?, ?, ?)",
                Api.Admin.USERNAME, tag + "-importer", tag + "-plain"));

        assertOk(api.postJson("api/v1/users.delete", deleter, body("username", tag + "-plain")));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", tag + "-plain"));
    }

    @Test
    void twoLastAdministratorsCannotDeleteEachOther() {
        String tag = "delete" + System.nanoTime();
        Credentials first = TestUsers.createNamed(tag + "-first", "admin");
        Credentials second = TestUsers.createNamed(tag + "-second", "admin");
        TestUsers.onlyTheseAdministratorsActive(first.userId(), second.userId());
        try {
            CompletableFuture<Reply> byFirst = api.sendAsync(delete(first, tag + "-second"));
            CompletableFuture<Reply> bySecond = api.sendAsync(delete(second, tag + "-first"));

            List<Reply> replies = List.of(byFirst.join(), bySecond.join());
            assertEquals(1, replies.stream().filter(r -> r.status() == 200).count(), replies.toString());
            assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE id IN (?, ?)",
                    first.userId(), second.userId()), "one of them is left");

            boolean firstIsLeft = TestDatabase.count("SELECT count(*) FROM users WHERE id = ?", first.userId()) == 1;
            Reply itself = api.send(delete(firstIsLeft ? first : second, tag + (firstIsLeft ? "-first" : "-second")));
            assertRefused(itself, "error-action-not-allowed");
        } finally {
            TestDatabase.execute("UPDATE users SET active = true WHERE id = ?", admin.userId());
        }
    }

    private Credentials createUser(String username, String role) {
        Reply created = api.postJson("api/v1/users.create", admin, Json.createObjectBuilder()
                .add("username", username).add("name", username).add("email", username + "@example.com")
                .add("password", "a-password").add("roles", Json.createArrayBuilder().add(role))
                .build().toString());
        assertOk(created);
        assertFalse(created.body().contains("password"), "no password, hash or token in an answer");
        return api.login(username, "a-password");
    }

    private JsonObject info(Credentials as, String query) {
        Reply reply = api.get("api/v1/users.info?" + query, as);
        assertOk(reply);
        assertFalse(reply.body().contains("password") || reply.body().contains("$argon2"), reply.body());
        return reply.json().getJsonObject("user");
    }

    private HttpRequest delete(Credentials as, String username) {
        return api.request("api/v1/users.delete", as)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body("username", username)))
                .build();
    }

    private static String body(String name, String value) {
        return Json.createObjectBuilder().add(name, value).build().toString();
    }
}
