package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the console draws and warns about: an import's counts after each batch
 * (import.progress), kept once it is done, and import.status saying when an import waits
 * for an instance to take it over.
 */
class ImportProgressIT extends ImportIT {

    private static final int USERS = 600; // 30 batches of Failsafe's 20

    @Test
    void theProgressOfAnImportHasAPointPerBatchFromItsStartToItsEnd() {
        String tag = "progress" + System.nanoTime();
        String operation = startNew();
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (int i = 0; i < USERS; i++) {
            users.add(user(tag + "-" + i, tag + "-" + i + "@example.com", null));
        }
        users.add(user(tag + "-0", tag + "-again@example.com", null)); // a duplicate: skipped
        assertOk(addUsers(users.build()));
        runToTheEnd("{}");

        JsonObject progress = api.get("api/v1/import.progress", admin).json();
        assertEquals(operation, progress.getString("operation"));
        assertEquals("importer_done", progress.getString("status"));
        List<JsonObject> points = progress.getJsonArray("points").getValuesAs(JsonObject.class);
        assertEquals(0, points.get(0).getInt("completed"), "the first point is the start");
        assertTrue(points.size() >= 1 + (USERS + 1) / 20, "a point per batch: " + points.size());
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i).getInt("completed") >= points.get(i - 1).getInt("completed"));
            assertTrue(Instant.parse(points.get(i).getString("ts")).isAfter(Instant.parse(points.get(i - 1).getString("ts"))));
        }
        JsonObject last = points.get(points.size() - 1);
        JsonObject count = status().getJsonObject("operation").getJsonObject("count");
        for (String outcome : List.of("completed", "imported", "updated", "skipped", "failed")) {
            assertEquals(count.getInt(outcome), last.getInt(outcome), outcome);
        }
        assertEquals(USERS, last.getInt("imported"));
        assertEquals(1, last.getInt("skipped"));

        startNew();
        JsonObject kept = api.get("api/v1/import.progress?operationId=" + operation, admin).json();
        assertEquals(points.size(), kept.getJsonArray("points").size(), "kept once the operation is aborted");
    }

    @Test
    void aLongImportIsDrawnFromAtMost500PointsWithItsFirstAndLast() {
        String operation = startNew();
        TestDatabase.execute("""
                INSERT INTO import_progress (operation_id, ts, completed, imported, updated, skipped, failed)
                SELECT ?, timestamptz '2026-01-01' + n * interval '1 second', n, n, 0, 0, 0
                FROM generate_series(0, 1200) AS n""", operation);

        List<JsonObject> points = api.get("api/v1/import.progress?operationId=" + operation, admin).json()
                .getJsonArray("points").getValuesAs(JsonObject.class);
        assertTrue(points.size() <= 500 && points.size() >= 400, "evenly spread: " + points.size());
        assertEquals(0, points.get(0).getInt("completed"));
        assertEquals(1200, points.get(points.size() - 1).getInt("completed"));
    }

    @Test
    void progressIsRefusedWithoutThePermissionOrForAnOperationThatIsNotThere() {
        assertEquals(403, api.get("api/v1/import.progress", TestUsers.create("user")).status());
        assertRefused(api.get("api/v1/import.progress?operationId=1%27%20OR%20%271%27%3D%271", admin), "error-invalid-params");
        assertRefused(api.get("api/v1/import.progress?operationId=" + "0".repeat(24), admin), "error-operation-not-found");
    }

    /**
     * The job's instance stops and releases the lease while the test holds the import lock:
     * neither the job nor the takeover can move until it lets go, so the status is seen
     * waiting; then another job takes over and finishes.
     */
    @Test
    void statusSaysWhenAnImportWaitsForAnotherInstanceToTakeItOver() throws Exception {
        String tag = "await" + System.nanoTime();
        String operation = startNew();
        runUntilTheFirstAreImported(tag, 4000);
        assertFalse(status().getBoolean("awaitingTakeover"), "its job holds the lease");

        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT id FROM import_lock FOR UPDATE");
            TestDatabase.execute("UPDATE import_operations SET lease_owner = NULL WHERE id = ?", operation);
            assertTrue(status().getBoolean("awaitingTakeover"), "released: waits for a takeover");
            c.commit();
        }
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));
        assertFalse(status().getBoolean("awaitingTakeover"));
        assertEquals(4000, importedUsers(tag));
    }
}
