package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

    @Test
    void usersListFindsByTheStartOfAUsernameANameOrAnAddressAPageAtATime() {
        String tag = "list" + System.nanoTime();
        Credentials ann = createUser(tag + "-ann", "user");
        createUser(tag + "-bob", "user");
        assertOk(api.postJson("api/v1/users.update", admin, update(ann.userId(), Json.createObjectBuilder()
                .add("name", "Zelda " + tag).add("email", "z" + tag + "@example.org"))));

        JsonObject byUsername = list(admin, "query=" + tag.toUpperCase() + "-&count=1");
        assertEquals(2, byUsername.getInt("total"));
        assertEquals(1, byUsername.getInt("count"));
        assertEquals(List.of(tag + "-ann"), listed(byUsername));
        assertEquals(List.of(tag + "-bob"), listed(list(admin, "query=" + tag + "-&count=1&offset=1")));
        assertEquals(List.of(tag + "-ann"), listed(list(admin, "query=zelda%20" + tag)), "by name");
        assertEquals(List.of(tag + "-ann"), listed(list(admin, "query=Z" + tag + "%40EXAMPLE")), "by address");
        assertEquals(0, list(admin, "query=" + tag + "%25").getInt("total"), "% is a character, not a wildcard");
        assertEquals(0, list(admin, "query=" + tag.replace('t', '_')).getInt("total"), "and so is _");
        JsonObject inFull = list(admin, "query=" + tag + "-ann").getJsonArray("users").getJsonObject(0);
        assertEquals(info(admin, "userId=" + ann.userId()), inFull, "as users.info shows it");
        JsonObject administrator = list(admin, "query=" + Api.Admin.USERNAME).getJsonArray("users").getJsonObject(0);
        assertEquals(info(admin, "userId=" + admin.userId()), administrator, "roles and addresses, each once");

        JsonObject byAUser = list(ann, "query=" + tag).getJsonArray("users").getJsonObject(0);
        assertFalse(byAUser.containsKey("emails") || byAUser.containsKey("roles"), byAUser.toString());
        JsonObject firstPage = list(admin, "count=2");
        assertEquals(2, firstPage.getInt("count"));
        assertTrue(firstPage.getInt("total") >= 3, firstPage.toString());
        List<String> firstTwo = listed(firstPage);
        assertEquals(firstTwo.stream().sorted().toList(), firstTwo, "in username order");
        Credentials guest = createUser(tag + "-guest", "guest");
        assertEquals(403, api.get("api/v1/users.list", guest).status(), "guest does not hold view-d-room");
        assertRefused(api.get("api/v1/users.list?count=1001", admin), "error-invalid-params");
        assertRefused(api.get("api/v1/users.list?query=a%00", admin), "error-invalid-params");
    }

    @Test
    void usersUpdateChangesWhatItIsGivenAndANewPasswordEndsEveryToken() {
        String tag = "update" + System.nanoTime();
        Credentials ann = createUser(tag + "-ann", "user");
        Reply updated = api.postJson("api/v1/users.update", admin, update(ann.userId(), Json.createObjectBuilder()
                .add("username", tag + "-anne").add("name", "Anne").add("email", tag + "-anne@example.com")
                .add("bio", "Writes").add("statusText", "busy").add("roles", Json.createArrayBuilder().add("user").add("bot"))
                .add("customFields", Json.createObjectBuilder().add("team", "ops"))
                .add("password", "a-new-password")));
        assertOk(updated);
        assertFalse(updated.body().contains("password") || updated.body().contains("$argon2"), updated.body());
        JsonObject user = updated.json().getJsonObject("user");
        assertEquals(tag + "-anne", user.getString("username"));
        assertEquals("Anne", user.getString("name"));
        assertEquals(List.of(tag + "-anne@example.com"), user.getJsonArray("emails").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("address")).toList());
        assertEquals(List.of("bot", "user"), user.getJsonArray("roles").getValuesAs(JsonString::getString));
        assertEquals("Writes", user.getString("bio"));
        assertEquals("busy", user.getString("statusText"));
        assertEquals(401, api.get("api/v1/me", ann).status(), "a new password ends every token");
        api.login(tag + "-anne", "a-new-password");

        assertOk(api.postJson("api/v1/users.update", admin, update(ann.userId(), Json.createObjectBuilder()
                .add("customFields", Json.createObjectBuilder().add("level", 2)))));
        assertEquals(Json.createObjectBuilder().add("team", "ops").add("level", 2).build(),
                info(admin, "userId=" + ann.userId()).getJsonObject("customFields"), "custom fields merged");

        createUser(tag + "-bob", "user");
        Reply taken = api.postJson("api/v1/users.update", admin, update(ann.userId(),
                Json.createObjectBuilder().add("username", tag.toUpperCase() + "-BOB")));
        assertRefused(taken, "error-field-unavailable");
        assertRefused(api.postJson("api/v1/users.update", admin, update(ann.userId(),
                Json.createObjectBuilder().add("email", tag + "-BOB@example.com"))), "error-field-unavailable");
        assertRefused(api.postJson("api/v1/users.update", admin, update(ann.userId(),
                Json.createObjectBuilder().add("email", "not-an-address"))), "error-invalid-email");
        assertRefused(api.postJson("api/v1/users.update", admin, update(ann.userId(),
                Json.createObjectBuilder().add("bio", 3))), "error-invalid-params");
        assertRefused(api.postJson("api/v1/users.update", admin, update("nobody-at-all-xx",
                Json.createObjectBuilder().add("name", "x"))), "error-invalid-user");
        assertEquals(tag + "-anne", info(admin, "userId=" + ann.userId()).getString("username"), "nothing changed");
    }

    @Test
    void aHolderOfEditOtherUserInfoChangesNobodyWithMoreAuthorityAndGivesNoRoleItCouldNot() {
        String tag = "editor" + System.nanoTime();
        TestUsers.grant("edit-other-user-info", TestUsers.addRole(tag + "-editors"));
        Credentials editor = TestUsers.createNamed(tag + "-editor", tag + "-editors", "user");
        Credentials plain = createUser(tag + "-plain", "user");

        for (JsonObjectBuilder refused : List.of(
                Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("user").add("admin")),
                Json.createObjectBuilder().add("password", "taken-over"),
                Json.createObjectBuilder().add("active", false))) {
            Reply reply = api.postJson("api/v1/users.update", editor, update(plain.userId(), refused));
            assertEquals(403, reply.status(), reply.body());
        }
        Reply onAdmin = api.postJson("api/v1/users.update", editor, update(admin.userId(),
                Json.createObjectBuilder().add("email", tag + "-mine@example.com")));
        assertEquals(403, onAdmin.status(), onAdmin.body());
        assertEquals("error-action-not-allowed", onAdmin.json().getString("errorType"));
        Reply unauthorized = api.postJson("api/v1/users.update", plain, update(plain.userId(),
                Json.createObjectBuilder().add("name", "x")));
        assertEquals(403, unauthorized.status(), unauthorized.body());
        assertEquals(200, api.get("api/v1/me", plain).status(), "no password changed");
        assertEquals(List.of("user"), info(admin, "userId=" + plain.userId()).getJsonArray("roles")
                .getValuesAs(JsonString::getString));

        assertOk(api.postJson("api/v1/users.update", editor, update(plain.userId(),
                Json.createObjectBuilder().add("name", "Renamed by the editor"))));
    }

    @Test
    void theLastActiveAdministratorStaysActiveAndKeepsAdminThroughUsersUpdate() {
        TestUsers.onlyTheseAdministratorsActive(admin.userId());
        try {
            assertRefused(api.postJson("api/v1/users.update", admin, update(admin.userId(),
                    Json.createObjectBuilder().add("active", false))), "error-action-not-allowed");
            assertRefused(api.postJson("api/v1/users.update", admin, update(admin.userId(),
                    Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("user")))), "error-admin-required");
            assertEquals(200, api.get("api/v1/me", admin).status());
        } finally {
            TestDatabase.execute("UPDATE users SET active = true WHERE id = ?", admin.userId());
        }
    }

    private JsonObject list(Credentials as, String query) {
        Reply reply = api.get("api/v1/users.list?" + query, as);
        assertOk(reply);
        assertFalse(reply.body().contains("password") || reply.body().contains("$argon2"), reply.body());
        return reply.json();
    }

    private static List<String> listed(JsonObject list) {
        return list.getJsonArray("users").getValuesAs(JsonObject.class).stream().map(u -> u.getString("username")).toList();
    }

    private static String update(String userId, JsonObjectBuilder data) {
        return Json.createObjectBuilder().add("userId", userId).add("data", data).build().toString();
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
