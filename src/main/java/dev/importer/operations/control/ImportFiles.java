package dev.importer.operations.control;

import dev.importer.operations.entity.OperationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The files of the file importers, in the database ({@code import_files}) so that any
 * instance can read the file of the valid operation. Only that one is kept.
 */
@ApplicationScoped
public class ImportFiles {

    @PersistenceContext
    EntityManager em;

    public void store(OperationId operation, byte[] content) {
        em.createNativeQuery("INSERT INTO import_files (operation_id, content) VALUES (:operation, :content)")
                .setParameter("operation", operation.value())
                .setParameter("content", content)
                .executeUpdate();
    }

    public Optional<byte[]> of(OperationId operation) {
        return em.createNativeQuery("SELECT content FROM import_files WHERE operation_id = :operation", byte[].class)
                .setParameter("operation", operation.value())
                .getResultStream()
                .findFirst()
                .map(byte[].class::cast);
    }

    /** Called with the staged rows' clearing: the files of operations no longer valid go. */
    public void clear() {
        em.createNativeQuery("DELETE FROM import_files").executeUpdate();
    }
}
