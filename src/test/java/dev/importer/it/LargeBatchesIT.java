package dev.importer.it;

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
        stageUsers(tag, USERS);
        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> largestBatch(aborted) > GROWN, Duration.ofSeconds(60));

        abortAndAssertNothingWrittenAfter(tag, aborted, USERS);
    }

    /** The most users one batch of the operation completed, from its progress points. */
    private static long largestBatch(String operation) {
        return TestDatabase.count("""
                SELECT coalesce(max(step), 0) FROM (
                    SELECT completed - lag(completed) OVER (ORDER BY ts) AS step
                    FROM import_progress WHERE operation_id = ?) AS steps""", operation);
    }
}
