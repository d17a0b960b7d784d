package dev.importer.operations.boundary;

import dev.importer.accounts.entity.UserId;
import dev.importer.operations.entity.ImportLock;
import dev.importer.operations.entity.ImportOperation;
import dev.importer.staging.control.StagedRows;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

@Stateless
public class ImportOperations {

    @PersistenceContext
    EntityManager em;

    @Inject
    StagedRows stagedRows;

    /**
     * Aborts the valid operation, clears every staged row and inserts a new valid operation,
     * in one transaction under the import lock. Concurrent calls, on any instance, queue on
     * the lock; the last to commit leaves the only valid operation, and the newest.
     */
    public ImportOperation startNew(UserId caller) {
        lockImports();
        Instant now = databaseNow();
        abortValidOperations(now);
        stagedRows.clearAll();
        ImportOperation operation = ImportOperation.startedOverApi(caller, now);
        em.persist(operation);
        return operation;
    }

    private void lockImports() {
        em.find(ImportLock.class, ImportLock.THE_ONLY_ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The database's clock, read under the lock: one clock for every instance, so the
     * operation that commits last always has the latest {@code ts}. (current_timestamp
     * would not do: it is the time the transaction began, before it waited for the lock.)
     */
    private Instant databaseNow() {
        return (Instant) em.createNativeQuery("select clock_timestamp()", Instant.class).getSingleResult();
    }

    private void abortValidOperations(Instant now) {
        em.createQuery("select o from ImportOperation o where o.valid = true", ImportOperation.class)
                .getResultList()
                .forEach(o -> o.abort(now));
        // Hibernate would insert the new operation before updating this one; the unique
        // index on valid operations needs the update first.
        em.flush();
    }
}
