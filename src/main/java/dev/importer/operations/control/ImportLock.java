package dev.importer.operations.control;

import dev.importer.operations.entity.ImportLockRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The lock every change to import operations takes first, held until the transaction ends.
 * Starting, clearing, staging and running are exclusive; the batches of a running import
 * take it shared, so that an abort waits for the batch under way and the batch after it
 * sees the abort.
 */
@ApplicationScoped
public class ImportLock {

    @PersistenceContext
    EntityManager em;

    public void exclusive() {
        em.find(ImportLockRow.class, ImportLockRow.THE_ONLY_ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    public void shared() {
        em.find(ImportLockRow.class, ImportLockRow.THE_ONLY_ROW, LockModeType.PESSIMISTIC_READ);
    }
}
