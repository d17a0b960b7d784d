package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Batches bounded by time, as in production: the Failsafe execution "large-batches" lets them
 * grow from 20 users up to IMPORT_BATCH_MAX (100,000) at about IMPORT_BATCH_SECONDS (1 s) each,
 * where the other tests keep them at 20.
 */
class LargeBatchesIT extends ImportIT {

    private static final int USERS = 30_000;
    private static final int GROWN = 1000;

    /** An abort while batches of thousands run: nothing is written after it commits. */
    @Test
    void anAbortStopsAnImportOfGrownBatchesAndNothingIsWrittenAfterIt() {
        String tag = "large" + System.nanoTime();
        String aborted = startNew();
        for (int first = 0; first < USERS; first += 1000) {
            JsonArrayBuilder users = Json.createArrayBuilder();
            for (int i = first; i < first + 1000; i++) {
                users.add(user(tag + "-" + i, tag + "-" + i + "@example.com", null));
            }
            assertOk(addUsers(users.build()));
        }
        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> largestBatch(aborted) > GROWN, Duration.ofSeconds(60));

        assertOk(api.post("api/v1/import.new", admin));
        long createdBeforeAbort = importedUsers(tag);
        Timestamp abortedAt = (Timestamp) TestDatabase.queryValue(
                "SELECT updated_at FROM import_operations WHERE id = ?", aborted);

        sleep(Duration.ofSeconds(3));
        assertEquals(createdBeforeAbort, importedUsers(tag), "no user is created after the abort");
        assertTrue(createdBeforeAbort < USERS, "the job was stopped before the end: " + createdBeforeAbort);
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE username LIKE ? AND created_at > ?",
                tag + "-%", abortedAt));
        assertEquals("importer_import_cancelled",
                TestDatabase.queryValue("SELECT status FROM import_operations WHERE id = ?", aborted));
    }

    /** The most users one batch of the operation completed, from its progress points. */
    private static long largestBatch(String operation) {
        return TestDatabase.count("""
                SELECT coalesce(max(step), 0) FROM (
                    SELECT completed - lag(completed) OVER (ORDER BY ts) AS step
                    FROM import_progress WHERE operation_id = ?) AS steps""", operation);
    }
}
