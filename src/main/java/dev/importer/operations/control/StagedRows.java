package dev.importer.operations.control;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.Outcome;
import dev.importer.operations.entity.StagedUser;
import dev.importer.platform.database.BinaryCopyRows;
import dev.importer.platform.database.NamedSql;
import dev.importer.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The staged rows, {@code import_data}: one partition per operation, made when its first
 * users are staged. Clearing detaches the partitions, which takes the same time for a
 * million rows as for none; {@link #dropDetached} drops them later, outside any request.
 */
@ApplicationScoped
public class StagedRows {

    /** A staged user not processed yet; one with a clear-text password awaits its hash. */
    public record PendingUser(long row, boolean awaitsHash) {
    }

    /**
     * The next users in row order, up to the first whose clear-text password is not hashed
     * yet, that one included (found by the index of the rows to hash, import_data_to_hash),
     * so that a job waiting for a hash does not read a whole batch again every time it looks.
     */
    private static final NamedSql PENDING = NamedSql.of("""
            WITH first_to_hash AS (
                SELECT min(id) AS id FROM import_data
                WHERE operation_id = :operation AND (data->>'password') IS NOT NULL
                  AND id > :afterRow AND outcome IS NULL AND data_type = 'user')
            SELECT d.id, d.id = f.id FROM import_data d, first_to_hash f
            WHERE d.operation_id = :operation AND d.data_type = 'user' AND d.id > :afterRow AND d.outcome IS NULL
              AND (f.id IS NULL OR d.id <= f.id)
            ORDER BY d.id LIMIT :limit""");

    /** import_data.data_type of a staged user. */
    private static final String USER = "user";

    private static final NamedSql SELECTION = NamedSql.load("import/selection.sql");

    /** A selection's list holds import ids: a user is selected when its first import id is listed. */
    private static final NamedSql MARK_NOT_SELECTED = NamedSql.of("""
            UPDATE import_data SET outcome = 'skipped', reason = 'not-selected'
            WHERE operation_id = :operation AND data_type = 'user'
              AND (data->'importIds'->>0) <> ALL (CAST(:selected AS text[]))""");

    private static final NamedSql WITH_OUTCOME = NamedSql.load("import/report.sql");
    private static final NamedSql COUNT_WITH_OUTCOME = NamedSql.load("import/report-count.sql");

    @PersistenceContext
    EntityManager em;

    @Inject
    Sql sql;

    /** Users to stage: each handed to {@code each} in order (the users of a request's body, of a file). */
    @FunctionalInterface
    public interface Users {
        void forEach(Consumer<StagedUser> each);
    }

    /** How many users were staged, and every role they name. */
    public record Staged(int count, Set<String> roles) {
    }

    /**
     * Stages the users, in their order, into the operation's partition with one COPY, each sent
     * as it comes: the database stores the first while the next are read and checked. When
     * {@code users} throws, the COPY is cancelled and the exception thrown on.
     */
    public Staged stage(OperationId operation, Users users) {
        String partition = partitionOf(operation);
        em.createNativeQuery("CREATE TABLE IF NOT EXISTS " + partition
                + " PARTITION OF import_data FOR VALUES IN ('" + operation.value() + "')").executeUpdate();
        Set<String> roles = new LinkedHashSet<>();
        long count = sql.copyIn("COPY " + partition + " (operation_id, data_type, data) FROM STDIN (FORMAT binary)",
                copy -> {
                    BinaryCopyRows rows = new BinaryCopyRows(copy);
                    users.forEach(user -> {
                        rows.row(3).text(operation.value()).text(USER).jsonb(user.toJson().toString());
                        roles.addAll(user.roles());
                    });
                    rows.end();
                });
        return new Staged(Math.toIntExact(count), roles);
    }

    /**
     * Removes every staged row of every operation from import_data by detaching the
     * partitions, unlike DELETE (which reads them) or TRUNCATE (which releases their files
     * before it commits). Called under the import lock, so no writer is waited for.
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

    /** Up to {@code limit} users staged for the operation after row {@code afterRow}, in order. */
    public List<PendingUser> pendingAfter(OperationId operation, long afterRow, int limit) {
        return sql.query(PENDING, Map.of("operation", operation.value(), "afterRow", afterRow, "limit", limit),
                row -> new PendingUser(row.getLong(1), row.getBoolean(2)));
    }

    /**
     * Rocket.Chat's selection of the staged users ({@code getImportFileData}), each as JSON with
     * its row, in staging order after {@code afterRow}, {@code limit} at a time.
     */
    public List<ReportRow> selectionAfter(OperationId operation, long afterRow, int limit) {
        return sql.query(SELECTION, Map.of("operation", operation.value(), "afterRow", afterRow, "limit", limit),
                row -> new ReportRow(row.getLong(1), row.getString(2)));
    }

    /** Ends the users whose first import id is not in {@code selected} as skipped, not-selected; answers how many. */
    public int markNotSelected(OperationId operation, List<String> selected) {
        return sql.update(MARK_NOT_SELECTED, Map.of("operation", operation.value(),
                "selected", selected.toArray(String[]::new)));
    }

    /** A staged user as the report or the selection shows it, with its row (the key they page by). */
    public record ReportRow(long row, String json) {

        public JsonObject asObject() {
            try (JsonReader reader = JSON.createReader(new StringReader(json))) {
                return reader.readObject();
            }
        }
    }

    /**
     * The staged users with that outcome whose username or an address contains {@code query}
     * ('' for all), in staging order after {@code afterRow}, a page at a time.
     */
    public List<ReportRow> withOutcome(OperationId operation, Outcome outcome, String query, long afterRow,
            int offset, int limit) {
        return sql.query(WITH_OUTCOME, Map.of("operation", operation.value(), "outcome", outcome.wireName(),
                        "query", query, "afterRow", afterRow, "offset", offset, "limit", limit),
                row -> new ReportRow(row.getLong(1), row.getString(2)));
    }

    /** How many staged users with that outcome match a non-empty {@code query}. */
    public int countWithOutcome(OperationId operation, Outcome outcome, String query) {
        return sql.query(COUNT_WITH_OUTCOME, Map.of("operation", operation.value(), "outcome", outcome.wireName(),
                "query", query), row -> row.getInt(1)).get(0);
    }

    public static JsonArray asJson(List<ReportRow> rows) {
        JsonArrayBuilder users = JSON.createArrayBuilder();
        rows.forEach(row -> users.add(row.asObject()));
        return users.build();
    }

    static JsonArray parseArray(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    static String partitionOf(OperationId operation) {
        return "import_data_" + operation.value();
    }
}
