package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** users.*, permissions.* and roles.list, as Rocket.Chat names and shapes them. */
class AdministrationIT extends DeployedWarIT {

    @Test
    void aRoleGrantedRunImportThroughTheApiCanStartImports() {
        String role = "ops-" + System.nanoTime();
        TestUsers.addRole(role);
        String username = "operator-" + System.nanoTime();
        Reply created = api.postJson("api/v1/users.create", admin, Json.createObjectBuilder()
                .add("username", username).add("name", "Operator").add("email", username + "@example.com")
                .add("password", "op-password").add("roles", Json.createArrayBuilder().add(role))
                .build().toString());
        assertEquals(200, created.status(), created.body());
        Credentials operator = api.login(username, "op-password");
        assertEquals(403, api.post("api/v1/import.new", operator).status());

        Reply updated = api.postJson("api/v1/permissions.update", admin,
                "{\"permissions\":[{\"_id\":\"run-import\",\"roles\":[\"admin\",\"" + role + "\"]}]}");

        assertEquals(200, updated.status(), updated.body());
        assertEquals(200, api.post("api/v1/import.new", operator).status());
        JsonObject runImport = permission(api.get("api/v1/permissions.listAll", admin).json(), "run-import");
        assertEquals(List.of("admin", role), runImport.getJsonArray("roles").getValuesAs(JsonString::getString));
    }

    @Test
    void permissionsUpdateRefusesUnknownRolesAndPermissions() {
        assertRefused(api.postJson("api/v1/permissions.update", admin,
                "{\"permissions\":[{\"_id\":\"run-import\",\"roles\":[\"admin\",\"no-such-role\"]}]}"), "error-invalid-role");
        assertRefused(api.postJson("api/v1/permissions.update", admin,
                "{\"permissions\":[{\"_id\":\"no-such-permission\",\"roles\":[\"admin\"]}]}"), "error-invalid-permission");
        assertRefused(api.postJson("api/v1/permissions.update", admin, "{\"permissions\":[{\"_id\":\"run-import\"}]}"),
                "error-invalid-params");

        JsonObject runImport = permission(api.get("api/v1/permissions.listAll", admin).json(), "run-import");
        assertTrue(runImport.getJsonArray("roles").getValuesAs(JsonString::getString).contains("admin"));
    }

    @Test
    void onlyHoldersOfAccessPermissionsMayUpdatePermissions() {
        Credentials user = TestUsers.create("user");
        assertEquals(403, api.postJson("api/v1/permissions.update", user,
                "{\"permissions\":[{\"_id\":\"run-import\",\"roles\":[\"user\"]}]}").status());
        assertEquals(200, api.get("api/v1/permissions.listAll", user).status());
    }

    @Test
    void personalAccessTokenWorksUntilRemoved() {
        String name = "script-" + System.nanoTime();
        Reply generated = api.postJson("api/v1/users.generatePersonalAccessToken", admin,
                "{\"tokenName\":\"" + name + "\"}");
        assertEquals(200, generated.status(), generated.body());
        String token = generated.json().getString("token");
        Credentials personal = new Credentials(admin.userId(), token);

        assertEquals(200, api.post("api/v1/import.new", personal).status());
        JsonObject listed = api.get("api/v1/users.getPersonalAccessTokens", admin).json().getJsonArray("tokens")
                .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("name").equals(name)).findFirst()
                .orElseThrow();
        assertEquals(token.substring(token.length() - 6), listed.getString("lastTokenPart"));
        assertFalse(api.get("api/v1/users.getPersonalAccessTokens", admin).body().contains(token));
        assertRefused(api.postJson("api/v1/users.generatePersonalAccessToken", admin, "{\"tokenName\":\"" + name + "\"}"),
                "error-token-already-exists");

        assertEquals(200, api.postJson("api/v1/users.removePersonalAccessToken", admin,
                "{\"tokenName\":\"" + name + "\"}").status());

        assertEquals(401, api.post("api/v1/import.new", personal).status());
        assertRefused(api.postJson("api/v1/users.removePersonalAccessToken", admin, "{\"tokenName\":\"" + name + "\"}"),
                "error-token-does-not-exists");
    }

    @Test
    void aDeactivatedUserIsRefusedAtOnceAndAReactivatedOneIsNot() {
        Credentials user = TestUsers.create("admin");
        assertEquals(200, api.get("api/v1/me", user).status());

        Reply deactivated = api.postJson("api/v1/users.setActiveStatus", admin,
                "{\"userId\":\"" + user.userId() + "\",\"activeStatus\":false}");

        assertEquals(200, deactivated.status(), deactivated.body());
        assertFalse(deactivated.json().getJsonObject("user").getBoolean("active"));
        assertEquals(401, api.get("api/v1/me", user).status());

        api.postJson("api/v1/users.setActiveStatus", admin, "{\"userId\":\"" + user.userId() + "\",\"activeStatus\":true}");
        assertEquals(200, api.get("api/v1/me", user).status());

        assertRefused(api.postJson("api/v1/users.setActiveStatus", admin,
                "{\"userId\":\"ZZZZZZZZZZZZZZZZZ\",\"activeStatus\":false}"), "error-invalid-user");
        assertRefused(api.postJson("api/v1/users.setActiveStatus", admin,
                "{\"userId\":\"" + user.userId() + "\",\"activeStatus\":\"no\"}"), "error-invalid-params");
    }

    @Test
    void usersCreateValidatesAndRefusesTakenNames() {
        String username = "created-" + System.nanoTime();
        String body = "{\"username\":\"" + username + "\",\"name\":\"Created\",\"email\":\"" + username
                + "@example.com\",\"password\":\"pw\"}";
        Reply created = api.postJson("api/v1/users.create", admin, body);
        assertEquals(200, created.status(), created.body());
        JsonObject user = created.json().getJsonObject("user");
        assertEquals(username, user.getString("username"));
        assertEquals(List.of("user"), user.getJsonArray("roles").getValuesAs(JsonString::getString));
        assertFalse(created.body().contains("password"));

        assertRefused(api.postJson("api/v1/users.create", admin, body), "error-field-unavailable");
        assertRefused(api.postJson("api/v1/users.create", admin, body.replace("\"" + username + "\"", "\"other-" + username
                + "\"")), "error-field-unavailable");
        assertRefused(api.postJson("api/v1/users.create", admin, "{\"username\":\"x\",\"name\":\"x\",\"email\":\"x@example.com\","
                + "\"password\":\"pw\",\"roles\":[\"no-such-role\"]}"), "error-invalid-role");
        assertRefused(api.postJson("api/v1/users.create", admin, "{\"username\":\"x\"}"), "error-invalid-params");
        assertEquals(403, api.postJson("api/v1/users.create", TestUsers.create("user"), body).status());
    }

    @Test
    void rolesList() {
        JsonObject roles = api.get("api/v1/roles.list", admin).json();

        JsonObject adminRole = roles.getJsonArray("roles").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("_id").equals("admin")).findFirst().orElseThrow();
        assertEquals("admin", adminRole.getString("name"));
        assertTrue(adminRole.getBoolean("protected"));
        assertTrue(roles.getBoolean("success"));
    }

    @Test
    void listAllHasTheSeededPermissions() {
        JsonObject all = api.get("api/v1/permissions.listAll", admin).json();

        assertEquals(JsonValue.EMPTY_JSON_ARRAY, all.getJsonArray("remove"));
        for (String id : List.of("run-import", "view-import-operations", "create-user", "edit-other-user-active-status",
                "create-personal-access-tokens", "access-permissions")) {
            assertTrue(permission(all, id).getJsonArray("roles").getValuesAs(JsonString::getString).contains("admin"), id);
        }
    }

    @Test
    void theLastActiveAdministratorCannotBeDeactivated() {
        Credentials other = TestUsers.create("admin");
        TestUsers.onlyTheseAdministratorsActive(admin.userId(), other.userId());
        try {
            assertEquals(200, setActive(admin, other.userId(), false).status());

            assertRefused(setActive(admin, admin.userId(), false), "error-action-not-allowed");
            assertEquals(true, TestDatabase.queryValue("SELECT active FROM users WHERE id = ?", admin.userId()));
            assertEquals(200, setActive(admin, admin.userId(), true).status(), "activating is always allowed");
        } finally {
            TestDatabase.execute("UPDATE users SET active = true WHERE id = ?", admin.userId());
        }
    }

    /**
     * Two administrators deactivate each other at the same moment: one of them stays. The loser is refused
     * as the last administrator (400), or, when the server happened to finish the winner's call before it
     * authenticated the loser's, as a deactivated user (401).
     */
    @Test
    void twoLastAdministratorsCannotDeactivateEachOther() {
        Credentials first = TestUsers.create("admin");
        Credentials second = TestUsers.create("admin");
        TestUsers.onlyTheseAdministratorsActive(first.userId(), second.userId());
        try {
            CompletableFuture<Reply> byFirst = api.sendAsync(setActiveRequest(first, second.userId()));
            CompletableFuture<Reply> bySecond = api.sendAsync(setActiveRequest(second, first.userId()));

            List<Integer> statuses = List.of(byFirst.join().status(), bySecond.join().status());
            assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(status -> List.of(200, 400, 401).contains(status)), statuses.toString());
            assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE active AND id IN (?, ?)",
                    first.userId(), second.userId()));
        } finally {
            TestDatabase.execute("UPDATE users SET active = true WHERE id = ?", admin.userId());
        }
    }

    @Test
    void simultaneousCreatesOfOneUsernameCreateItOnceAndNeverFail() {
        String username = "race" + System.nanoTime();
        List<CompletableFuture<Reply>> creates = IntStream.range(0, 16)
                .mapToObj(i -> api.sendAsync(api.request("api/v1/users.create", admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                .add("username", username).add("name", username)
                                .add("email", username + "-" + i + "@example.com").add("password", "a-password")
                                .build().toString()))
                        .build()))
                .toList();

        List<Reply> replies = creates.stream().map(CompletableFuture::join).toList();

        assertEquals(1, replies.stream().filter(r -> r.status() == 200).count(), replies.toString());
        replies.stream().filter(r -> r.status() != 200).forEach(r -> assertRefused(r, "error-field-unavailable"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", username));
    }

    private Reply setActive(Credentials as, String userId, boolean active) {
        return api.postJson("api/v1/users.setActiveStatus", as, Json.createObjectBuilder()
                .add("userId", userId).add("activeStatus", active).build().toString());
    }

    private HttpRequest setActiveRequest(Credentials as, String userId) {
        return api.request("api/v1/users.setActiveStatus", as)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("userId", userId).add("activeStatus", false).build().toString()))
                .build();
    }

    /** Deactivates every other administrator; the tests reactivate the one they log in as. */
    private static JsonObject permission(JsonObject listAll, String id) {
        return listAll.getJsonArray("update").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("_id").equals(id)).findFirst().orElseThrow();
    }

    private static void assertRefused(Reply reply, String errorType) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals(errorType, reply.json().getString("errorType"));
    }
}
