package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Per-user outcomes, the dry run, the report, existing users, and the takeover of an import
 * whose job was cut off. Failsafe gives a 5 s lease and batches of 20 users.
 */
class ImportOutcomesIT extends ImportIT {

    @Test
    void everyStagedUserEndsWithOneOutcomeAndTheDryRunPredictsIt() {
        String tag = "out" + System.nanoTime();
        TestUsers.createNamed(tag + "-taken");
        ownedAddress(TestUsers.createNamed(tag + "-owner").userId(), tag + "-Owner@Example.com");
        TestUsers.addRole(tag + "-role");
        startNew();
        assertOk(addUsers(
                user(tag + "-ann", tag + "-ann@example.com", "ann-password"),
                user(tag + "-taken", tag + "-taken@example.com", null),
                user(tag + "-carl", tag + "-owner@example.com", null),
                withRole(user(tag + "-dora", tag + "-dora@example.com", null), tag + "-role"),
                user(tag + "-eve", tag + "-eve@example.com", null)));
        assertOk(addUsers(
                user(tag + "-ann", tag + "-ann2@example.com", null),
                user(tag + "-fay", tag.toUpperCase() + "-EVE@example.com", null)));
        // A problem that only shows at run time: the role was there when the user was staged.
        TestDatabase.execute("DELETE FROM roles WHERE name = ?", tag + "-role");

        JsonObject prediction = validate("{}");
        assertEquals(Json.createObjectBuilder().add("users", 7).add("import", 2).add("update", 0).add("skip", 4)
                .add("fail", 1).build(), prediction.getJsonObject("count"));
        assertEquals(List.of("username-taken", "email-taken", "duplicate-in-import", "duplicate-in-import"),
                reasons(prediction.getJsonArray("skipped")));
        assertEquals("importer_user_selection", status().getJsonObject("operation").getString("status"),
                "the dry run changes nothing");
        assertEquals(0, usersNamed(tag + "-ann"));

        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));

        JsonObject count = status().getJsonObject("operation").getJsonObject("count");
        assertEquals(Json.createObjectBuilder().add("total", 7).add("users", 7).add("completed", 7)
                .add("imported", 2).add("updated", 0).add("skipped", 4).add("failed", 1).add("error", 5)
                .add("passwords", 1).add("hashed", 1).build(), count); // one clear-text password (shared hashing)
        JsonArray skipped = report("skipped", 0, 50).getJsonArray("users");
        assertEquals(prediction.getJsonArray("skipped"), skipped, "the run did what the dry run predicted");
        assertEquals(List.of(tag + "-taken", tag + "-carl", tag + "-ann", tag + "-fay"), usernames(skipped));
        assertEquals(List.of(tag + "-ann", tag + "-eve"), usernames(report("imported", 0, 50).getJsonArray("users")));
        JsonObject failed = report("failed", 0, 50).getJsonArray("users").getJsonObject(0);
        assertEquals(tag + "-dora", failed.getString("username"));
        assertEquals("role " + tag + "-role does not exist", failed.getString("reason"));

        assertEquals(1, usersNamed(tag + "-ann"));
        assertEquals(1, usersNamed(tag + "-eve"));
        assertEquals(0, usersNamed(tag + "-fay"));
        assertEquals(0, usersNamed(tag + "-carl"));
        api.login(tag + "-ann", "ann-password");
        assertFalse(report("imported", 0, 50).toString().contains("password"), "never a password in a report");
    }

    @Test
    void theReportPagesInStagingOrder() {
        String tag = "page" + System.nanoTime();
        startNew();
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (int i = 0; i < 45; i++) {
            users.add(user(tag + "-" + i, tag + "-" + i + "@example.com", null));
        }
        assertOk(addUsers(users.build()));
        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));

        JsonObject first = report("imported", 0, 20);
        JsonObject last = report("imported", 40, 20);

        assertEquals(20, first.getInt("count"));
        assertEquals(45, first.getInt("total"));
        assertEquals(tag + "-0", first.getJsonArray("users").getJsonObject(0).getString("username"));
        assertEquals(5, last.getInt("count"));
        assertEquals(40, last.getInt("offset"));
        assertEquals(tag + "-44", last.getJsonArray("users").getJsonObject(4).getString("username"));
        assertEquals(List.of(), usernames(report("updated", 0, 50).getJsonArray("users")));
    }

    @Test
    void badReportParametersAreRefused() {
        startNew();
        for (String query : List.of("", "status=gone", "status=imported&count=0", "status=imported&count=1001",
                "status=imported&count=ten", "status=imported&offset=-1")) {
            Reply reply = api.get("api/v1/import.report?" + query, admin);
            assertRefused(reply, "error-invalid-params");
        }
    }

    @Test
    void updateModeUpdatesTheExistingUserButNeverTakesAnotherUsersAddress() {
        String tag = "upd" + System.nanoTime();
        String existing = TestUsers.createNamed(tag + "-existing").userId();
        ownedAddress(existing, tag + "-old@example.com");
        String other = TestUsers.createNamed(tag + "-other").userId();
        ownedAddress(other, tag + "-other@example.com");
        TestUsers.addRole(tag + "-ops");
        startNew();
        JsonObject staged = Json.createObjectBuilder(withRole(
                        user(tag + "-existing", tag + "-new@example.com", "new-password"), tag + "-ops"))
                .add("name", "New Name")
                .add("emails", Json.createArrayBuilder().add(tag + "-new@example.com").add(tag + "-OTHER@example.com"))
                .build();
        assertOk(addUsers(staged));

        assertEquals(1, validate("{\"ifUserExists\":\"update\"}").getJsonObject("count").getInt("update"));
        assertEquals(1, validate("{\"ifUserExists\":\"skip\"}").getJsonObject("count").getInt("skip"));
        assertRefused(api.postJson("api/v1/import.run", admin, "{\"ifUserExists\":\"merge\"}"), "error-invalid-params");
        assertOk(api.postJson("api/v1/import.run", admin, "{\"ifUserExists\":\"update\"}"));
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));

        assertEquals(1, status().getJsonObject("operation").getJsonObject("count").getInt("updated"));
        assertEquals("New Name", TestDatabase.queryValue("SELECT name FROM users WHERE id = ?", existing));
        assertEquals(List.of(tag + "-new@example.com", tag + "-old@example.com"), addressesOf(existing));
        assertEquals(List.of(tag + "-other@example.com"), addressesOf(other), "another user's address stays theirs");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM user_roles WHERE user_id = ? AND role = ?",
                existing, tag + "-ops"));
        api.login(tag + "-existing", "new-password");
        assertEquals("updated", report("updated", 0, 1).getJsonArray("users").getJsonObject(0).getString("status"));
    }

    /**
     * A job cut off mid-import, as a dead instance's is: its lease is handed to an owner that
     * never writes, while the job waits for the import lock. The job then writes nothing
     * more; once the lease runs out, the takeover continues from the first user not done.
     */
    @Test
    void anImportCutOffMidwayIsTakenOverAndEveryUserImportedOnce() throws SQLException {
        String tag = "take" + System.nanoTime();
        String operation = startNew();
        runUntilTheFirstAreImported(tag, 3000);

        long importedWhenCutOff;
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT id FROM import_lock FOR UPDATE");
            s.executeUpdate("UPDATE import_operations SET lease_owner = 'a-dead-instance', updated_at = now() "
                    + "WHERE id = '" + operation + "'");
            c.commit();
            importedWhenCutOff = importedUsers(tag);
        }
        sleep(Duration.ofSeconds(2));
        assertEquals(importedWhenCutOff, importedUsers(tag), "the cut-off job writes nothing more");
        assertTrue(importedWhenCutOff < 3000, "cut off midway: " + importedWhenCutOff);

        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));

        assertNotEquals("a-dead-instance",
                TestDatabase.queryValue("SELECT lease_owner FROM import_operations WHERE id = ?", operation));
        JsonObject count = status().getJsonObject("operation").getJsonObject("count");
        assertEquals(3000, count.getInt("completed"));
        assertEquals(3000, count.getInt("imported"), "none skipped: the takeover did not start over");
        assertEquals(3000, importedUsers(tag));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data WHERE outcome IS NULL"));
        // At least once: now and then the job that takes over stops at once, and the import is
        // taken over again a lease later. Why is not known yet; no user is imported twice.
        assertTrue(TestDatabase.count("SELECT count(*) FROM import_events WHERE type = 'takeover' "
                + "AND operation_id = ? AND user_id IS NULL", operation) >= 1, "the takeover is in the audit trail");
    }

    private static JsonObject withRole(JsonObject user, String role) {
        return Json.createObjectBuilder(user).add("roles", Json.createArrayBuilder().add(role)).build();
    }

    private static void ownedAddress(String userId, String address) {
        TestDatabase.execute("INSERT INTO user_emails (user_id, address) VALUES (?, ?)", userId, address);
    }

    private static List<String> addressesOf(String userId) {
        List<String> addresses = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
                var rows = s.executeQuery("SELECT address FROM user_emails WHERE user_id = '" + userId
                        + "' ORDER BY address")) {
            while (rows.next()) {
                addresses.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return addresses;
    }

    private static long usersNamed(String username) {
        return TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", username);
    }
}
