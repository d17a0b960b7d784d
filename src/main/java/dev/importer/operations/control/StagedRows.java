package dev.importer.staging.control;

import dev.importer.operations.entity.OperationId;
import dev.importer.staging.entity.StagedUser;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.List;

@Stateless
public class StagedRows {

    /** A staged user and the id of its row, which orders the rows of an operation. */
    public record UserRow(long id, StagedUser user) {
    }

    @PersistenceContext
    EntityManager em;

    /** Makes room for the rows of a new operation: a partition of its own. */
    public void openFor(OperationId operation) {
        em.createNativeQuery("CREATE TABLE " + partitionOf(operation)
                + " PARTITION OF import_data FOR VALUES IN ('" + operation.value() + "')").executeUpdate();
    }

    /**
     * Removes every staged row of every operation from import_data by detaching the
     * partitions: the same time for a million rows as for none, unlike DELETE (which reads
     * them) or TRUNCATE (which releases their files before it commits). {@link #dropDetached}
     * drops them later. Called under the import lock, so no writer is waited for.
     */
    @SuppressWarnings("unchecked")
    public void clearAll() {
        List<String> partitions = em.createNativeQuery("""
                        SELECT inhrelid::regclass::text FROM pg_inherits
                        WHERE inhparent = 'import_data'::regclass""", String.class)
                .getResultList();
        partitions.forEach(partition ->
                em.createNativeQuery("ALTER TABLE import_data DETACH PARTITION " + partition).executeUpdate());
    }

    /** Drops the partitions that earlier clears detached. */
    @SuppressWarnings("unchecked")
    public void dropDetached() {
        List<String> detached = em.createNativeQuery("""
                        SELECT oid::regclass::text FROM pg_class
                        WHERE relkind = 'r' AND NOT relispartition AND relname LIKE 'import\\_data\\_%'
                          AND relnamespace = current_schema()::regnamespace""", String.class)
                .getResultList();
        detached.forEach(table -> em.createNativeQuery("DROP TABLE IF EXISTS " + table).executeUpdate());
    }

    /** Stages all the users in one statement, in their order. */
    public void stageUsers(String operationId, List<StagedUser> users) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        users.forEach(u -> array.add(u.toJson()));
        em.createNativeQuery("""
                        INSERT INTO import_data (operation_id, data_type, data)
                        SELECT ?1, 'user', user_data
                        FROM jsonb_array_elements(CAST(?2 AS jsonb)) WITH ORDINALITY AS staged(user_data, position)
                        ORDER BY position""")
                .setParameter(1, operationId)
                .setParameter(2, array.build().toString())
                .executeUpdate();
    }

    /** Up to {@code limit} users staged for the operation, after row {@code afterId}, in order. */
    @SuppressWarnings("unchecked")
    public List<UserRow> usersAfter(String operationId, long afterId, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, CAST(data AS text) FROM import_data
                        WHERE operation_id = ?1 AND data_type = 'user' AND id > ?2
                        ORDER BY id LIMIT ?3""")
                .setParameter(1, operationId)
                .setParameter(2, afterId)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream()
                .map(row -> new UserRow(((Number) row[0]).longValue(), StagedUser.fromStored(parse((String) row[1]))))
                .toList();
    }

    /** Imported rows keep no clear-text password. */
    public void forgetPasswords(String operationId, long fromId, long toId) {
        em.createNativeQuery("""
                        UPDATE import_data SET data = data - 'password'
                        WHERE operation_id = ?1 AND id BETWEEN ?2 AND ?3 AND jsonb_exists(data, 'password')""")
                .setParameter(1, operationId)
                .setParameter(2, fromId)
                .setParameter(3, toId)
                .executeUpdate();
    }

    private static String partitionOf(OperationId operation) {
        return "import_data_" + operation.value();
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
