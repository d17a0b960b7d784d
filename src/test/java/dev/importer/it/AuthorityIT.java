package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may grant what, tried as the callers who must be refused: a holder of create-user or
 * run-import alone gains no authority, whatever it creates, stages or updates.
 */
class AuthorityIT extends ImportIT {

    @Test
    void createUserAloneCannotCreateAnAdministratorNorGiveARoleWithMorePermissions() {
        String tag = "auth" + System.nanoTime();
        Credentials creator = holderOf(tag + "-creators", "create-user");
        String operators = role(tag + "-ops", "run-import");

        assertForbidden(createUser(creator, tag + "-a", "admin"));
        assertForbidden(createUser(creator, tag + "-b", operators));
        assertForbidden(createUser(creator, tag + "-c", "user", "admin"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE username LIKE ?", tag + "-_"));

        assertEquals(200, createUser(creator, tag + "-d", "user").status());
        assertEquals(200, createUser(creator, tag + "-e", tag + "-creators").status(),
                "its own role carries nothing more");
        assertEquals(200, createUser(admin, tag + "-f", "admin").status(), "an administrator holds assign-admin-role");
    }

    @Test
    void runImportAloneCannotStageRolesItCouldNotGiveNorTakeOverTheAdministrator() {
        String tag = "auth" + System.nanoTime();
        Credentials importer = holderOf(tag + "-importers", "run-import");
        Credentials adminPat = TestUsers.addToken(admin.userId(), "PERSONAL", Duration.ZERO);
        assertEquals(200, api.post("api/v1/import.new", importer).status());

        Reply promoted = api.postJson("api/v1/import.addUsers", importer, users(
                withRoles(user(tag + "-me", tag + "-me@example.com", null), "admin")));
        assertForbidden(promoted);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"), "nothing staged");

        assertOk(api.postJson("api/v1/import.addUsers", importer, users(
                user(Api.Admin.USERNAME, tag + "-pwn@example.com", "pwned-password"),
                user(Api.Admin.USERNAME.toUpperCase(), tag + "-pwn2@example.com", "pwned-password"),
                user(tag + "-new", tag + "-new@example.com", null))));
        JsonObject prediction = api.postJson("api/v1/import.validate", importer, "{\"ifUserExists\":\"update\"}").json();
        assertEquals(1, prediction.getJsonObject("count").getInt("import"));
        assertEquals(0, prediction.getJsonObject("count").getInt("update"));
        assertOk(api.postJson("api/v1/import.run", importer, "{\"ifUserExists\":\"update\"}"));
        awaitDone(importer);

        assertEquals(List.of("user-protected", "duplicate-in-import"), reasons(importer, "skipped"));
        api.login(Api.Admin.USERNAME, Api.Admin.PASSWORD);
        assertEquals(200, api.get("api/v1/me", admin).status(), "the administrator's login still works");
        assertEquals(200, api.get("api/v1/me", adminPat).status());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM user_emails WHERE address LIKE ?", tag + "-pwn%"));
    }

    @Test
    void aRoleThatTheRunnerLostTheRightToGiveFailsAtRunTime() {
        String tag = "auth" + System.nanoTime();
        Credentials importer = holderOf(tag + "-importers", "run-import", "create-user");
        String creators = role(tag + "-creators", "create-user");
        assertEquals(200, api.post("api/v1/import.new", importer).status());
        assertOk(api.postJson("api/v1/import.addUsers", importer, users(
                withRoles(user(tag + "-a", tag + "-a@example.com", null), creators),
                user(tag + "-b", tag + "-b@example.com", null))));

        TestDatabase.execute("DELETE FROM permission_roles WHERE role = ? AND permission_id = 'create-user'",
                tag + "-importers");
        assertOk(api.post("api/v1/import.run", importer));
        awaitDone(importer);

        assertEquals(List.of("role-not-allowed"), reasons(importer, "failed"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", tag + "-a"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", tag + "-b"));
    }

    @Test
    void anAdministratorsImportUpdatesAndAPasswordChangeEndsEveryTokenOfThatUser() {
        String tag = "auth" + System.nanoTime();
        Credentials login = TestUsers.createNamed(tag + "-ann", "user");
        Credentials personal = TestUsers.addToken(login.userId(), "PERSONAL", Duration.ZERO);
        Credentials bystander = TestUsers.createNamed(tag + "-bob", "user");
        assertEquals(200, api.get("api/v1/me", login).status());
        startNew();
        assertOk(addUsers(user(tag + "-ANN", tag + "-ann@example.com", "a-new-password"),
                user(tag + "-bob", tag + "-bob@example.com", null)));
        assertOk(api.postJson("api/v1/import.run", admin, "{\"ifUserExists\":\"update\"}"));
        awaitDone(admin);

        assertEquals(2, TestDatabase.count("SELECT count_updated FROM import_operations WHERE valid"));
        assertEquals(401, api.get("api/v1/me", login).status());
        assertEquals(401, api.get("api/v1/me", personal).status());
        assertEquals(200, api.get("api/v1/me", bystander).status(), "no password given: the tokens stay");
        api.login(tag + "-ann", "a-new-password");
    }

    @Test
    void accessPermissionsAlwaysKeepsAnActiveHolder() {
        String tag = "auth" + System.nanoTime();
        String nobodys = role(tag + "-nobody");
        for (String roles : List.of("[]", "[\"" + nobodys + "\"]")) {
            Reply refused = api.postJson("api/v1/permissions.update", admin,
                    "{\"permissions\":[{\"_id\":\"access-permissions\",\"roles\":" + roles + "}]}");
            assertEquals(400, refused.status(), refused.body());
            assertEquals("error-action-not-allowed", refused.json().getString("errorType"));
        }
        assertEquals(1, TestDatabase.count(
                "SELECT count(*) FROM permission_roles WHERE permission_id = 'access-permissions' AND role = 'admin'"));

        Credentials other = holderOf(tag + "-keepers", "access-permissions");
        Reply moved = api.postJson("api/v1/permissions.update", other,
                "{\"permissions\":[{\"_id\":\"access-permissions\",\"roles\":[\"" + tag + "-keepers\"]}]}");
        assertEquals(200, moved.status(), moved.body());
        Reply lastHolderDeactivated = api.postJson("api/v1/users.setActiveStatus", admin,
                "{\"userId\":\"" + other.userId() + "\",\"activeStatus\":false}");
        assertEquals(400, lastHolderDeactivated.status(), lastHolderDeactivated.body());
        assertEquals(200, api.postJson("api/v1/permissions.update", other,
                "{\"permissions\":[{\"_id\":\"access-permissions\",\"roles\":[\"admin\",\"" + tag + "-keepers\"]}]}")
                .status());
    }

    /** A user whose one role carries exactly these permissions. */
    private static Credentials holderOf(String role, String... permissions) {
        role(role, permissions);
        return TestUsers.createNamed(role + "-holder", role);
    }

    private static String role(String role, String... permissions) {
        TestUsers.addRole(role);
        for (String permission : permissions) {
            TestUsers.grant(permission, role);
        }
        return role;
    }

    private Reply createUser(Credentials as, String username, String... roles) {
        return api.postJson("api/v1/users.create", as, Json.createObjectBuilder()
                .add("username", username).add("name", username).add("email", username + "@example.com")
                .add("password", "a-password").add("roles", Json.createArrayBuilder(List.of(roles)))
                .build().toString());
    }

    private static void assertForbidden(Reply reply) {
        assertEquals(403, reply.status(), reply.body());
        assertEquals("error-action-not-allowed", reply.json().getString("errorType"));
    }

    private static JsonObject withRoles(JsonObject user, String... roles) {
        return Json.createObjectBuilder(user).add("roles", Json.createArrayBuilder(List.of(roles))).build();
    }

    private static String users(JsonObject... users) {
        return Json.createObjectBuilder().add("users", Json.createArrayBuilder(List.of(users))).build().toString();
    }

    private void awaitDone(Credentials as) {
        awaitTrue(() -> "done".equals(api.get("api/v1/import.status", as).json().getString("state")),
                Duration.ofSeconds(60));
    }

    private List<String> reasons(Credentials as, String outcome) {
        return api.get("api/v1/import.report?status=" + outcome, as).json().getJsonArray("users")
                .getValuesAs(JsonObject.class).stream().map(u -> u.getString("reason")).toList();
    }

    static {
        assertNotEquals(null, Api.Admin.USERNAME, "ADMIN_USERNAME is set by the build");
    }
}
