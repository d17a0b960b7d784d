package dev.importer.operations.control;

import dev.importer.operations.entity.OperationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The planner settings that the engine's statements rely on, applied where they run; the
 * reasons are in {@code src/main/resources/sql/PLANNER-CONTRACT.md}, with the settings every
 * connection has (DatabaseSettings). {@code EnginePlanIT} checks the batch statement's plan.
 */
@ApplicationScoped
public class PlannerContract {

    @PersistenceContext
    EntityManager em;

    /** Before the duplicate pass: statistics for rows that COPY just wrote. */
    public void analyze(OperationId operation) {
        em.createNativeQuery("ANALYZE " + StagedRows.partitionOf(operation)).executeUpdate();
    }

    /** Before a batch or a dry run, for the rest of its transaction: every row by its key. */
    public void byKeysOnly() {
        em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
    }
}
