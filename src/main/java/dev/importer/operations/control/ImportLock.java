package dev.importer.operations.control;

import dev.importer.platform.metrics.Meters.Timing;
import dev.importer.platform.database.StatementBounds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.hibernate.query.NativeQuery;

/**
 * The lock every change to import operations takes first, held until the transaction ends:
 * the one row of {@code import_lock}. Because it always exists, it also serializes callers
 * who find no operation at all, which a lock on the operations themselves would not.
 * Starting, clearing, staging and running are exclusive; the batches of a running import
 * take it shared, so that an abort waits for the batch under way and the batch after it
 * sees the abort.
 */
@ApplicationScoped
public class ImportLock {

    @PersistenceContext
    EntityManager em;

    @Inject
    ImportMetrics metrics;

    @Inject
    StatementBounds bounds;

    /**
     * Takes the lock exclusively and answers the database's time once it is held: whoever
     * commits last has the latest time, whichever instance it ran on. The clock is read above
     * the locking query: in {@code SELECT clock_timestamp() ... FOR UPDATE} PostgreSQL reads
     * it before waiting for the lock. The wait has a bound of its own, longer than an ordinary
     * statement's, which the same statement restores once the lock is held.
     */
    public Instant exclusive() {
        bounds.forTransaction(StatementBounds.IMPORT_LOCK_WAIT);
        try (Timing waiting = metrics.lockWait().time()) {
            return (Instant) em.createNativeQuery("""
                            WITH locked AS (SELECT id FROM import_lock WHERE id = 1 FOR NO KEY UPDATE)
                            SELECT clock_timestamp() AS now, set_config('statement_timeout', :bound, true) AS bound
                            FROM locked""")
                    .setParameter("bound", Long.toString(StatementBounds.ORDINARY.toMillis()))
                    .unwrap(NativeQuery.class)
                    .addScalar("now", Instant.class)
                    .getSingleResult();
        }
    }

    public void shared() {
        try (Timing waiting = metrics.lockWait().time()) {
            em.createNativeQuery("SELECT id FROM import_lock WHERE id = 1 FOR SHARE").getSingleResult();
        }
    }
}
