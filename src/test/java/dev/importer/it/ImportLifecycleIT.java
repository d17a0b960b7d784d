package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * new, addUsers, run, status, clear, and the operation lists. The Failsafe configuration
 * gives a 5 s lease, batches of 20 users and at most 1,000 users per request.
 */
class ImportLifecycleIT extends ImportIT {

    @Test
    void newAddUsersInTwoBatchesRunUntilDone() {
        String tag = "story" + System.nanoTime();
        TestUsers.createNamed(tag + "-existing");
        startNew();

        assertOk(addUsers(user(tag + "-alice", tag + "-alice@example.com", "pw-" + tag), user(tag + "-bob",
                tag + "-bob@example.com", null)));
        assertOk(addUsers(user(tag + "-existing", tag + "-other@example.com", null),
                user(tag + "-carol", Api.Admin.EMAIL, null)));

        JsonObject ready = status();
        assertEquals("ready", ready.getString("state"));
        JsonObject operation = ready.getJsonObject("operation");
        assertEquals("importer_user_selection", operation.getString("status"));
        assertEquals(4, operation.getJsonObject("count").getInt("users"));
        assertEquals(4, operation.getJsonObject("count").getInt("total"));

        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));

        JsonObject done = status().getJsonObject("operation");
        assertEquals("importer_done", done.getString("status"));
        assertEquals(4, done.getJsonObject("count").getInt("completed"));
        assertEquals(2, done.getJsonObject("count").getInt("skipped"), "existing username and existing e-mail");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", tag + "-alice"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", tag + "-bob"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", tag + "-carol"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data WHERE jsonb_exists(data, 'password')"),
                "no clear-text password stays staged");
        api.login(tag + "-alice", "pw-" + tag);
    }

    @Test
    void addUsersIsRefusedWithoutAValidOperation() {
        startNew();
        assertOk(api.post("api/v1/import.clear", admin));

        assertRefused(addUsers(user("nobody", "nobody@example.com", null)), "error-operation-not-found");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"));
    }

    @Test
    void addUsersIsRefusedForAFinishedOperation() {
        String id = startNew();
        TestDatabase.execute("UPDATE import_operations SET status = 'importer_done' WHERE id = ?", id);

        assertRefused(addUsers(user("late", "late@example.com", null)), "error-invalid-operation-status");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"));
    }

    @Test
    void invalidUsersStageNothing() {
        String id = startNew();
        String[] invalid = {
            "{\"users\":[{\"username\":\"ok\",\"emails\":[\"ok@example.com\"],\"importIds\":[\"1\"]},"
                    + "{\"username\":\"no-mail\",\"emails\":[],\"importIds\":[\"2\"]}]}",
            "{\"users\":[{\"username\":\"no-import-id\",\"emails\":[\"a@example.com\"],\"importIds\":[\" \"]}]}",
            "{\"users\":[{\"username\":\"no-import-ids\",\"emails\":[\"a@example.com\"]}]}",
            "{\"users\":[{\"emails\":[\"a@example.com\"],\"importIds\":[\"1\"],\"roles\":[\"no-such-role\"]}]}",
            "{\"users\":[{\"emails\":\"a@example.com\",\"importIds\":[\"1\"]}]}",
            "{\"users\":[]}",
            "{\"users\":{}}",
            "{not json"
        };
        for (String body : invalid) {
            Reply reply = api.postJson("api/v1/import.addUsers", admin, body);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertTrue(reply.json().getString("error").endsWith("[" + reply.json().getString("errorType") + "]"));
        }
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"));
        assertEquals("importer_new", TestDatabase.queryValue("SELECT status FROM import_operations WHERE id = ?", id));
    }

    /**
     * Users go into the COPY as they are read: the 999 before a refused one have reached the
     * database (over 64 KiB of rows) when it is read. The COPY is cancelled, none is kept, and
     * the connections serve the next requests.
     */
    @Test
    void aUserRefusedAfterHundredsAlreadyCopiedStagesNoneOfThem() {
        String tag = "copied" + System.nanoTime();
        String id = startNew();
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (int i = 0; i < 999; i++) {
            users.add(user(tag + "-" + i, tag + "-" + i + "@example.com", null));
        }
        users.add(user(tag + "-last", "not-an-address", null));

        Reply refused = addUsers(users.build());

        assertRefused(refused, "error-invalid-params");
        assertTrue(refused.json().getString("error").startsWith("users[999]: "), refused.body());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"));
        assertEquals("importer_new", TestDatabase.queryValue("SELECT status FROM import_operations WHERE id = ?", id));
        for (int i = 0; i < 10; i++) {
            assertOk(addUsers(user(tag + "-after-" + i, tag + "-after-" + i + "@example.com", null)));
        }
        assertEquals(10, TestDatabase.count("SELECT count(*) FROM import_data"));
    }

    @Test
    void oversizedRequestsAreRefused() {
        startNew();
        JsonArrayBuilder tooMany = Json.createArrayBuilder();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(user("many" + i, "many" + i + "@example.com", null));
        }
        Reply reply = api.postJson("api/v1/import.addUsers", admin,
                Json.createObjectBuilder().add("users", tooMany).build().toString());
        assertRefused(reply, "error-too-many-users");

        String huge = "{\"users\":[{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}]}";
        assertEquals(413, api.postJson("api/v1/import.addUsers", admin, huge).status());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"));
    }

    @Test
    void runIsRefusedInTheWrongStatus() {
        startNew();
        assertRefused(api.post("api/v1/import.run", admin), "error-invalid-operation-status");

        assertOk(api.post("api/v1/import.clear", admin));
        assertRefused(api.post("api/v1/import.run", admin), "error-operation-not-found");
    }

    @Test
    void anAbortStopsTheRunningJob() {
        String tag = "abort" + System.nanoTime();
        String aborted = startNew();
        runUntilTheFirstAreImported(tag, 3000);

        abortAndAssertNothingWrittenAfter(tag, aborted, 3000);
    }

    /** The contract changed: a dead instance's import is taken over, no longer marked failed. */
    @Test
    void anImportWhoseLeaseRanOutIsTakenOverAndFinished() {
        String id = startNew();
        leaveToADeadInstance(id);

        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(30));

        assertTrue(!"a-dead-instance".equals(
                TestDatabase.queryValue("SELECT lease_owner FROM import_operations WHERE id = ?", id)));
    }

    @Test
    void anImportWithAFreshLeaseIsLeftToItsOwner() {
        String id = startNew();
        TestDatabase.execute("UPDATE import_operations SET status = 'importer_importing_users', "
                + "lease_owner = 'another-instance', updated_at = now() + interval '1 hour' WHERE id = ?", id);

        sleep(Duration.ofSeconds(6)); // longer than the lease and than the takeover timer's period

        assertEquals("importing", status().getString("state"));
        assertEquals("another-instance",
                TestDatabase.queryValue("SELECT lease_owner FROM import_operations WHERE id = ?", id));
        assertOk(api.post("api/v1/import.clear", admin));
    }

    @Test
    void statusWithoutAnyOperationSaysNone() {
        TestDatabase.execute("TRUNCATE import_data, import_progress, import_operations");

        assertEquals(Json.createObjectBuilder().add("state", "none").add("success", true).build(), status());
    }

    @Test
    void currentAndLatestOperations() {
        String older = startNew();
        String newer = startNew();

        JsonObject current = api.get("api/v1/getCurrentImportOperation", admin).json();
        assertEquals(newer, current.getJsonObject("operation").getString("_id"));
        assertTrue(current.getBoolean("success"));

        Reply latest = api.get("api/v1/getLatestImportOperations", admin);
        assertEquals(200, latest.status());
        JsonArray operations = (JsonArray) latest.structure();
        assertEquals(newer, operations.getJsonObject(0).getString("_id"));
        assertEquals(older, operations.getJsonObject(1).getString("_id"));
        assertTrue(operations.size() <= 50);

        Credentials withoutViewPermission = TestUsers.create("user");
        assertEquals(403, api.get("api/v1/getLatestImportOperations", withoutViewPermission).status());
    }

    @Test
    void clearAbortsAndDeletesStagedRows() {
        String id = startNew();
        assertOk(addUsers(user("cleared", "cleared@example.com", null)));

        assertOk(api.post("api/v1/import.clear", admin));

        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_operations WHERE valid"));
        assertEquals("importer_import_cancelled",
                TestDatabase.queryValue("SELECT status FROM import_operations WHERE id = ?", id));
        assertEquals("canceled", status().getString("state"));
    }
}
