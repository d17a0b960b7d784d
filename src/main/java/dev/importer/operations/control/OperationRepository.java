package dev.importer.operations.control;

import dev.importer.operations.entity.ImportOperation;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.OperationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class OperationRepository {

    private static final List<OperationStatus> IMPORTING =
            Arrays.stream(OperationStatus.values()).filter(OperationStatus::isImporting).toList();

    @PersistenceContext
    EntityManager em;

    public void add(ImportOperation operation) {
        em.persist(operation);
    }

    public void flush() {
        em.flush();
    }

    public Optional<ImportOperation> find(OperationId id) {
        return Optional.ofNullable(em.find(ImportOperation.class, id.value()));
    }

    public List<ImportOperation> valid() {
        return em.createQuery("select o from ImportOperation o where o.valid = true", ImportOperation.class)
                .getResultList();
    }

    public Optional<ImportOperation> latest() {
        return newest(1).stream().findFirst();
    }

    public List<ImportOperation> newest(int count) {
        return em.createQuery("select o from ImportOperation o order by o.ts desc", ImportOperation.class)
                .setMaxResults(count)
                .getResultList();
    }

    /**
     * Marks failed every valid operation whose job has not shown a sign of life since
     * {@code cutoff}. One statement: a batch committing meanwhile makes the row fresh again,
     * and PostgreSQL re-checks the condition before updating it.
     */
    public int failStale(Instant cutoff, Instant now) {
        return em.createQuery("""
                        update ImportOperation o set o.status = :failed, o.updatedAt = :now
                        where o.valid = true and o.status in :importing and o.updatedAt < :cutoff""")
                .setParameter("failed", OperationStatus.IMPORT_FAILED)
                .setParameter("now", now)
                .setParameter("importing", IMPORTING)
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
