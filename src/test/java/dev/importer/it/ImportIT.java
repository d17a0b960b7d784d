package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The steps and checks that the import tests share. */
abstract class ImportIT extends DeployedWarIT {

    String startNew() {
        Reply reply = api.post("api/v1/import.new", admin);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("operation").getString("_id");
    }

    JsonObject status() {
        Reply reply = api.get("api/v1/import.status", admin);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    Reply addUsers(JsonObject... users) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonObject user : users) {
            array.add(user);
        }
        return addUsers(array.build());
    }

    Reply addUsers(JsonArray users) {
        return api.postJson("api/v1/import.addUsers", admin,
                Json.createObjectBuilder().add("users", users).build().toString());
    }

    /** Stages {@code count} users named {@code <tag>-<n>}, in requests of 1,000 (Failsafe's most). */
    void stageUsers(String tag, int count) {
        for (int first = 0; first < count; first += 1000) {
            JsonArrayBuilder users = Json.createArrayBuilder();
            for (int i = first; i < Math.min(first + 1000, count); i++) {
                users.add(user(tag + "-" + i, tag + "-" + i + "@example.com", null));
            }
            assertOk(addUsers(users.build()));
        }
    }

    /**
     * Stages {@code count} users named {@code <tag>-<n>} and runs the import until the first of
     * them exist: with batches of 20, it is then well under way.
     */
    void runUntilTheFirstAreImported(String tag, int count) {
        stageUsers(tag, count);
        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> importedUsers(tag) > 0, Duration.ofSeconds(30));
    }

    /**
     * Aborts the running import of {@code staged} users named {@code <tag>-<n>} (import.new) and
     * checks that it wrote nothing after the abort committed, before its end, and ended cancelled.
     */
    void abortAndAssertNothingWrittenAfter(String tag, String aborted, int staged) {
        assertOk(api.post("api/v1/import.new", admin));
        long createdBeforeAbort = importedUsers(tag);
        Timestamp abortedAt = (Timestamp) TestDatabase.queryValue(
                "SELECT updated_at FROM import_operations WHERE id = ?", aborted);

        sleep(Duration.ofSeconds(3));
        assertEquals(createdBeforeAbort, importedUsers(tag), "no user is created after the abort");
        assertTrue(createdBeforeAbort < staged, "the job was stopped before the end: " + createdBeforeAbort);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE username LIKE ? AND created_at > ?",
                tag + "-%", abortedAt));
        assertEquals("importer_import_cancelled",
                TestDatabase.queryValue("SELECT status FROM import_operations WHERE id = ?", aborted));
    }

    /** The operation importing under a lease that ran out (Failsafe's is 5 s): its instance died. */
    static void leaveToADeadInstance(String operationId) {
        TestDatabase.execute("UPDATE import_operations SET status = 'importer_importing_users', "
                + "lease_owner = 'a-dead-instance', updated_at = now() - interval '6 seconds' WHERE id = ?", operationId);
    }

    JsonObject validate(String body) {
        Reply reply = api.postJson("api/v1/import.validate", admin, body);
        assertOk(reply);
        return reply.json();
    }

    JsonObject report(String status, int offset, int count) {
        Reply reply = api.get("api/v1/import.report?status=" + status + "&offset=" + offset + "&count=" + count, admin);
        assertOk(reply);
        return reply.json();
    }

    /** Runs the staged users with this body and waits until the import is done. */
    void runToTheEnd(String body) {
        assertOk(api.postJson("api/v1/import.run", admin, body));
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));
    }

    static List<String> reasons(JsonArray users) {
        return users.getValuesAs(JsonObject.class).stream().map(u -> u.getString("reason")).toList();
    }

    static List<String> usernames(JsonArray users) {
        return users.getValuesAs(JsonObject.class).stream().map(u -> u.getString("username")).toList();
    }

    static JsonObject user(String username, String email, String password) {
        var user = Json.createObjectBuilder()
                .add("username", username)
                .add("name", username)
                .add("emails", Json.createArrayBuilder().add(email))
                .add("importIds", Json.createArrayBuilder().add("id-" + username));
        if (password != null) {
            user.add("password", password);
        }
        return user.build();
    }

    static long importedUsers(String tag) {
        return TestDatabase.count("SELECT count(*) FROM users WHERE username LIKE ?", tag + "-%");
    }

    static void assertOk(Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("success"));
    }

    static void assertRefused(Reply reply, String errorType) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals(errorType, reply.json().getString("errorType"));
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "condition not met within " + timeout);
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
