package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Rocket.Chat's global roles and its role endpoints, with their refusals, tried by the callers
 * who must be refused: who may not touch roles at all, and who may not give the role.
 */
class RolesIT extends ImportIT {

    private static final Set<String> ROCKET_CHAT_ROLES = Set.of("admin", "user", "bot", "app", "guest",
            "anonymous", "livechat-agent", "livechat-manager", "livechat-monitor");

    @Test
    void rocketChatsGlobalRolesExistFromTheFirstStartAndAnImportGivesThem() {
        List<JsonObject> roles = api.get("api/v1/roles.list", admin).json().getJsonArray("roles")
                .getValuesAs(JsonObject.class);
        Set<String> protectedRoles = roles.stream().filter(r -> r.getBoolean("protected"))
                .map(r -> r.getString("_id")).collect(Collectors.toSet());
        assertEquals(ROCKET_CHAT_ROLES, protectedRoles);
        roles.forEach(role -> assertEquals("Users", role.getString("scope")));

        String tag = "roles" + System.nanoTime();
        startNew();
        assertOk(addUsers(withRoles(user(tag + "-bot", tag + "-bot@example.com", null), "bot"),
                withRoles(user(tag + "-agent", tag + "-agent@example.com", null), "livechat-agent", "guest")));
        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> importedUsers(tag) == 2, Duration.ofSeconds(60));
        assertEquals(1, TestDatabase.count("""
                SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id
                WHERE u.username = ? AND r.role = 'bot'""", tag + "-bot"));
        assertEquals(2, TestDatabase.count("""
                SELECT count(*) FROM user_roles r JOIN users u ON u.id = r.user_id
                WHERE u.username = ? AND r.role IN ('livechat-agent', 'guest')""", tag + "-agent"));
    }

    @Test
    void aCreatedRoleIsRenamedWithItsHoldersAndPermissionsAndDeletedOnlyWhenNobodyHoldsIt() {
        String tag = "roles" + System.nanoTime();
        JsonObject created = createRole(admin, tag + "-ops", "Operators");
        String roleId = created.getString("_id");
        assertEquals(17, roleId.length(), "a random id, as Rocket.Chat gives a created role");
        assertFalse(created.getBoolean("protected"));
        assertRefused(api.postJson("api/v1/roles.create", admin, body("name", tag + "-ops")),
                "error-duplicate-role-names-not-allowed");

        TestUsers.grant("run-import", tag + "-ops");
        Credentials holder = TestUsers.createNamed(tag + "-holder");
        assertOk(api.postJson("api/v1/roles.addUserToRole", admin, body("roleId", roleId, "username", tag + "-holder")));
        assertEquals(200, api.post("api/v1/import.clear", holder).status(), "the role's permission is the holder's");

        Reply renamed = api.postJson("api/v1/roles.update", admin,
                body("roleId", roleId, "name", tag + "-operators", "description", "Who imports"));
        assertOk(renamed);
        assertEquals(tag + "-operators", renamed.json().getJsonObject("role").getString("name"));
        assertEquals("Who imports", renamed.json().getJsonObject("role").getString("description"));
        assertEquals(200, api.post("api/v1/import.clear", holder).status(), "renamed, it keeps holders and permissions");
        assertEquals(List.of(tag + "-holder"), usernamesInRole(roleId));

        assertRefused(api.postJson("api/v1/roles.delete", admin, body("roleId", roleId)), "error-role-in-use");
        assertOk(api.postJson("api/v1/roles.removeUserFromRole", admin,
                body("roleName", tag + "-operators", "username", tag + "-holder")));
        assertEquals(403, api.post("api/v1/import.clear", holder).status());
        assertOk(api.postJson("api/v1/roles.delete", admin, body("roleId", roleId)));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM roles WHERE id = ?", roleId));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM permission_roles WHERE role = ?", tag + "-operators"));
        assertRefused(api.postJson("api/v1/roles.delete", admin, body("roleId", roleId)), "error-invalid-roleId");
    }

    @Test
    void rocketChatsRolesCanBeNeitherRenamedNorDeleted() {
        for (String role : ROCKET_CHAT_ROLES) {
            assertRefused(api.postJson("api/v1/roles.delete", admin, body("roleId", role)), "error-role-protected");
            assertRefused(api.postJson("api/v1/roles.update", admin, body("roleId", role, "name", role + "-x")),
                    "error-role-protected");
        }
        assertEquals(ROCKET_CHAT_ROLES.size(), TestDatabase.count("SELECT count(*) FROM roles WHERE protected"));
        assertRefused(api.postJson("api/v1/roles.create", admin, body("name", "x", "scope", "Subscriptions")),
                "error-invalid-params");
        assertRefused(api.postJson("api/v1/roles.create", admin, body("name", "   ")), "error-invalid-params");
        assertRefused(api.get("api/v1/roles.getUsersInRole?role=a%00b", admin), "error-invalid-params");
        assertRefused(api.postJson("api/v1/roles.create", admin, body("name", "x".repeat(65))), "error-invalid-params");
    }

    @Test
    void withoutAccessPermissionsNoRoleCanBeMadeChangedGivenOrListed() {
        String tag = "roles" + System.nanoTime();
        Credentials importer = TestUsers.createNamed(tag + "-importer", TestUsers.addRole(tag + "-importers"));
        TestUsers.grant("run-import", tag + "-importers");
        for (Reply refused : List.of(
                api.postJson("api/v1/roles.create", importer, body("name", tag + "-mine")),
                api.postJson("api/v1/roles.update", importer, body("roleId", "bot", "description", "mine")),
                api.postJson("api/v1/roles.delete", importer, body("roleId", tag + "-importers")),
                api.postJson("api/v1/roles.addUserToRole", importer, body("roleName", "admin", "username", tag + "-importer")),
                api.postJson("api/v1/roles.removeUserFromRole", importer, body("roleName", "admin", "username", Api.Admin.USERNAME)),
                api.get("api/v1/roles.getUsersInRole?role=admin", importer))) {
            assertEquals(403, refused.status(), refused.body());
            assertTrue(refused.json().getString("error").endsWith("[error-unauthorized]"), refused.body());
        }
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM user_roles WHERE user_id = ? AND role = 'admin'",
                importer.userId()));
        assertTrue(usernamesInRole("admin").contains(Api.Admin.USERNAME));
    }

    @Test
    void aHolderOfAccessPermissionsGivesAndTakesOnlyTheRolesItCouldGive() {
        String tag = "roles" + System.nanoTime();
        String keepers = tag + "-keepers";
        Credentials keeper = holderOfAccessPermissions(tag);
        TestUsers.createNamed(tag + "-other");
        String importers = TestUsers.addRole(tag + "-importers");
        TestUsers.grant("run-import", importers);

        assertForbidden(api.postJson("api/v1/roles.addUserToRole", keeper, body("roleName", "admin", "username", tag + "-keeper")));
        assertForbidden(api.postJson("api/v1/roles.addUserToRole", keeper, body("roleName", importers, "userId", keeper.userId())));
        assertForbidden(api.postJson("api/v1/roles.removeUserFromRole", keeper,
                body("roleName", "admin", "username", Api.Admin.USERNAME)));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM user_roles WHERE user_id = ? AND role <> ?",
                keeper.userId(), keepers));
        assertTrue(usernamesInRole("admin").contains(Api.Admin.USERNAME));

        assertOk(api.postJson("api/v1/roles.addUserToRole", keeper, body("roleName", "bot", "username", tag + "-other")));
        assertRefused(api.postJson("api/v1/roles.addUserToRole", keeper, body("roleName", "bot", "username", tag + "-other")),
                "error-user-already-in-role");
        assertRefused(api.postJson("api/v1/roles.addUserToRole", keeper, body("roleName", tag + "-none", "username", tag + "-other")),
                "error-role-not-found");
        assertRefused(api.postJson("api/v1/roles.addUserToRole", keeper, body("roleName", "bot", "username", tag + "-nobody")),
                "error-invalid-user");
        assertRefused(api.postJson("api/v1/roles.removeUserFromRole", keeper, body("roleName", "guest", "username", tag + "-other")),
                "error-user-not-in-role");
        assertOk(api.postJson("api/v1/roles.removeUserFromRole", keeper, body("roleName", "bot", "username", tag + "-other")));
    }

    @Test
    void theLastActiveHolderOfAccessPermissionsKeepsTheRoleThatCarriesIt() {
        String tag = "roles" + System.nanoTime();
        String keepers = tag + "-keepers";
        Credentials keeper = holderOfAccessPermissions(tag);
        TestDatabase.execute("DELETE FROM permission_roles WHERE permission_id = 'access-permissions' AND role <> ?", keepers);
        try {
            assertRefused(api.postJson("api/v1/roles.removeUserFromRole", keeper,
                    body("roleName", keepers, "username", tag + "-keeper")), "error-action-not-allowed");
            assertEquals(1, TestDatabase.count("SELECT count(*) FROM user_roles WHERE user_id = ? AND role = ?",
                    keeper.userId(), keepers));
        } finally {
            TestUsers.grant("access-permissions", "admin");
        }
    }

    @Test
    void twoLastAdministratorsCannotTakeAdminFromEachOther() {
        String tag = "roles" + System.nanoTime();
        Credentials first = TestUsers.createNamed(tag + "-first", "admin", "user");
        Credentials second = TestUsers.createNamed(tag + "-second", "admin", "user");
        TestUsers.onlyTheseAdministratorsActive(first.userId(), second.userId());
        try {
            CompletableFuture<Reply> byFirst = api.sendAsync(removeAdmin(first, tag + "-second"));
            CompletableFuture<Reply> bySecond = api.sendAsync(removeAdmin(second, tag + "-first"));

            List<Reply> replies = List.of(byFirst.join(), bySecond.join());
            assertEquals(1, replies.stream().filter(r -> r.status() == 200).count(), replies.toString());
            assertEquals(1, TestDatabase.count(
                    "SELECT count(*) FROM user_roles WHERE role = 'admin' AND user_id IN (?, ?)",
                    first.userId(), second.userId()), "one of them is still an administrator");

            boolean firstIsLast = TestDatabase.count(
                    "SELECT count(*) FROM user_roles WHERE role = 'admin' AND user_id = ?", first.userId()) == 1;
            Credentials last = firstIsLast ? first : second;
            assertRefused(api.send(removeAdmin(last, tag + (firstIsLast ? "-first" : "-second"))),
                    "error-admin-required");
        } finally {
            TestDatabase.execute("UPDATE users SET active = true WHERE id = ?", admin.userId());
        }
    }

    /** {@code <tag>-keeper}, whose one role {@code <tag>-keepers} carries access-permissions alone. */
    private static Credentials holderOfAccessPermissions(String tag) {
        TestUsers.grant("access-permissions", TestUsers.addRole(tag + "-keepers"));
        return TestUsers.createNamed(tag + "-keeper", tag + "-keepers");
    }

    private HttpRequest removeAdmin(Credentials as, String username) {
        return api.request("api/v1/roles.removeUserFromRole", as)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body("roleName", "admin", "username", username)))
                .build();
    }

    private JsonObject createRole(Credentials as, String name, String description) {
        Reply reply = api.postJson("api/v1/roles.create", as, body("name", name, "description", description));
        assertOk(reply);
        return reply.json().getJsonObject("role");
    }

    private List<String> usernamesInRole(String role) {
        Reply reply = api.get("api/v1/roles.getUsersInRole?count=1000&role=" + role, admin);
        assertOk(reply);
        return reply.json().getJsonArray("users").getValuesAs(JsonObject.class).stream()
                .map(u -> u.getString("username")).toList();
    }

    private static String body(String... namesAndValues) {
        var body = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body.build().toString();
    }

    private static JsonObject withRoles(JsonObject user, String... roles) {
        return Json.createObjectBuilder(user).add("roles", Json.createArrayBuilder(List.of(roles))).build();
    }

    private static void assertForbidden(Reply reply) {
        assertEquals(403, reply.status(), reply.body());
        assertEquals("error-action-not-allowed", reply.json().getString("errorType"));
    }
}
