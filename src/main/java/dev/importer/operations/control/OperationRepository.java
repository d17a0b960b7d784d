package dev.importer.operations.control;

import dev.importer.identity.UserId;
import dev.importer.operations.entity.IfUserExists;
import dev.importer.operations.entity.ImportLease;
import dev.importer.operations.entity.ImportOperation;
import dev.importer.operations.entity.ImportProgress;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.operations.entity.OutcomeCount;
import dev.importer.operations.entity.ProgressPoint;
import dev.importer.platform.database.NamedSql;
import dev.importer.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

@ApplicationScoped
public class OperationRepository {

    private static final String[] IMPORTING = wireNames(OperationStatus::isImporting);
    private static final String[] FINISHED = wireNames(OperationStatus::isFinished);

    private static final NamedSql ABORT_VALID = NamedSql.of("""
            UPDATE import_operations
            SET valid = false, updated_at = :now,
                status = CASE WHEN status = ANY(:finished) THEN status ELSE :cancelled END
            WHERE valid
            RETURNING id""");

    private static final NamedSql RENEW_LEASE = NamedSql.of("""
            UPDATE import_operations SET updated_at = clock_timestamp()
            WHERE id = :id AND lease_owner = :owner AND valid AND status = ANY(:importing)
            RETURNING status, if_user_exists, coalesce(run_by, user_id), last_row""");

    /** An import whose lease ran out (its instance died), or that its instance released as it stopped. */
    private static final NamedSql TAKE_OVER_STALE = NamedSql.of("""
            UPDATE import_operations SET lease_owner = :owner, updated_at = clock_timestamp()
            WHERE valid AND status = ANY(:importing)
              AND (lease_owner IS NULL OR updated_at < clock_timestamp() - :leaseSeconds * interval '1 second')
            RETURNING id""");

    private static final NamedSql RELEASE_LEASE = NamedSql.of("""
            UPDATE import_operations SET lease_owner = NULL WHERE id = :id AND lease_owner = :owner""");

    /** The batch's outcomes added to the operation's counts, and the new counts kept as a point of its progress. */
    private static final NamedSql RECORD_BATCH = NamedSql.of("""
            WITH counted AS (
                UPDATE import_operations
                SET count_completed = count_completed + :completed, count_imported = count_imported + :imported,
                    count_updated = count_updated + :updated, count_skipped = count_skipped + :skipped,
                    count_failed = count_failed + :failed, last_row = :lastRow, updated_at = clock_timestamp()
                WHERE id = :id
                RETURNING id, updated_at, count_completed, count_imported, count_updated, count_skipped, count_failed,
                          count_hashed)
            INSERT INTO import_progress (operation_id, ts, completed, imported, updated, skipped, failed, hashed)
            SELECT * FROM counted
            ON CONFLICT DO NOTHING""");

    /** Where the import starts: the first point of its progress (users left out of a selection are counted). */
    private static final NamedSql RECORD_START = NamedSql.of("""
            INSERT INTO import_progress (operation_id, ts, completed, imported, updated, skipped, failed, hashed)
            SELECT id, clock_timestamp(), count_completed, count_imported, count_updated, count_skipped, count_failed,
                   count_hashed
            FROM import_operations WHERE id = :id
            ON CONFLICT DO NOTHING""");

    private static final NamedSql COUNT_PASSWORDS = NamedSql.of("""
            UPDATE import_operations SET count_passwords = (
                SELECT count(*) FROM import_data
                WHERE operation_id = :id AND (data->>'password') IS NOT NULL AND outcome IS NULL)
            WHERE id = :id""");

    /** At most :points points of the operation's progress, evenly spread, the first and the last kept. */
    private static final NamedSql PROGRESS = NamedSql.of("""
            WITH numbered AS (
                SELECT ts, completed, imported, updated, skipped, failed, hashed,
                       row_number() OVER (ORDER BY ts) AS n, count(*) OVER () AS points
                FROM import_progress WHERE operation_id = :id)
            SELECT ts, completed, imported, updated, skipped, failed, hashed FROM numbered
            WHERE (n - 1) % greatest(1, ceil(points / :points::numeric))::bigint = 0 OR n = points
            ORDER BY ts""");

    private static final NamedSql MOVE_TO = NamedSql.of("""
            UPDATE import_operations SET status = :status, updated_at = clock_timestamp() WHERE id = :id""");

    @PersistenceContext
    EntityManager em;

    @Inject
    Sql sql;

    public void add(ImportOperation operation) {
        em.persist(operation);
    }

    public Optional<ImportOperation> find(OperationId id) {
        return Optional.ofNullable(em.find(ImportOperation.class, id.value()));
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
     * Invalidates the valid operation, if there is one, and answers its id; one still under
     * way is cancelled, a finished one keeps its status.
     */
    public Optional<OperationId> abortValid(Instant now) {
        return sql.query(ABORT_VALID, Map.of("now", now, "finished", FINISHED,
                        "cancelled", OperationStatus.IMPORT_CANCELLED.wireName()),
                row -> new OperationId(row.getString(1)))
                .stream().findFirst();
    }

    /**
     * Renews the lease of a job that still holds it, on an operation still importing; the
     * row stays locked until the transaction ends. Empty: the job must stop.
     */
    public Optional<ImportProgress> renewLease(ImportLease lease) {
        return sql.query(RENEW_LEASE, Map.of("id", lease.operation().value(), "owner", lease.owner(),
                        "importing", IMPORTING),
                row -> new ImportProgress(OperationStatus.fromWireName(row.getString(1)),
                        IfUserExists.fromWireName(row.getString(2)), new UserId(row.getString(3)), row.getLong(4)))
                .stream().findFirst();
    }

    /** Gives a new owner the import whose lease ran out (its instance died), if there is one. */
    public Optional<ImportLease> takeOverStale(long leaseSeconds) {
        String owner = ImportLease.newOwner();
        return sql.query(TAKE_OVER_STALE, Map.of("owner", owner, "importing", IMPORTING, "leaseSeconds", leaseSeconds),
                        row -> new ImportLease(new OperationId(row.getString(1)), owner))
                .stream().findFirst();
    }

    /** The job gives its import up, unfinished, for any instance to take over at once; false when it held no lease. */
    public boolean releaseLease(ImportLease lease) {
        return sql.update(RELEASE_LEASE, leaseParameters(lease)) == 1;
    }

    /** The same on a connection of the caller's, outside any transaction (ImportJob's shutdown hook). */
    static void releaseLease(Connection connection, ImportLease lease) throws SQLException {
        try (PreparedStatement release = RELEASE_LEASE.prepare(connection, leaseParameters(lease))) {
            release.executeUpdate();
        }
    }

    private static Map<String, String> leaseParameters(ImportLease lease) {
        return Map.of("id", lease.operation().value(), "owner", lease.owner());
    }

    public void recordBatch(OperationId id, OutcomeCount count, long lastRow) {
        sql.update(RECORD_BATCH, Map.of("id", id.value(), "completed", count.total(), "imported", count.imported(),
                "updated", count.updated(), "skipped", count.skipped(), "failed", count.failed(), "lastRow", lastRow));
    }

    /**
     * As the import starts: how many of its users bring a clear-text password to hash (the
     * duplicates set aside). Hashing begins once the import is IMPORTING_USERS.
     */
    public void countPasswordsToHash(OperationId id) {
        sql.update(COUNT_PASSWORDS, Map.of("id", id.value()));
    }

    public void recordStart(OperationId id) {
        sql.update(RECORD_START, Map.of("id", id.value()));
    }

    /** The operation's progress, oldest first, at most {@code points} of its points. */
    public List<ProgressPoint> progress(OperationId id, int points) {
        return sql.query(PROGRESS, Map.of("id", id.value(), "points", points),
                row -> new ProgressPoint(row.getTimestamp(1).toInstant(), row.getInt(2), new OutcomeCount(
                        row.getInt(3), row.getInt(4), row.getInt(5), row.getInt(6)), row.getInt(7)));
    }

    public void moveTo(OperationId id, OperationStatus status) {
        sql.update(MOVE_TO, Map.of("id", id.value(), "status", status.wireName()));
    }

    private static String[] wireNames(Predicate<OperationStatus> which) {
        return Arrays.stream(OperationStatus.values()).filter(which).map(OperationStatus::wireName)
                .toArray(String[]::new);
    }
}
