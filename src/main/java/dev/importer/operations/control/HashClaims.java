package dev.importer.operations.control;

import dev.importer.operations.entity.OperationId;
import dev.importer.platform.database.NamedSql;
import dev.importer.platform.database.Sql;
import dev.importer.platform.database.StatementBounds;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transactions of shared hashing, each short and under the import lock, shared: which
 * import has clear-text passwords to hash, a claim of some of them, the hashes stored.
 * Whatever an instance claims and does not store (it died) is claimable again after
 * IMPORT_LEASE_SECONDS.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HashClaims {

    /** A claimed staged user: its row and its clear-text password. */
    public record Claimed(long row, String password) {
    }

    private static final NamedSql TO_HASH = NamedSql.of("""
            SELECT id FROM import_operations
            WHERE valid AND status = 'importer_importing_users' AND count_hashed < count_passwords""");
    private static final NamedSql CLAIM = NamedSql.load("import/hash-claim.sql");
    private static final NamedSql STORE = NamedSql.load("import/hash-store.sql");
    private static final NamedSql RELEASE = NamedSql.of("""
            UPDATE import_data SET hash_claim = NULL, hash_claimed_at = NULL
            WHERE operation_id = :operation AND id = ANY (CAST(:rows AS bigint[])) AND hash_claim = :owner""");

    @Inject
    ImportLock lock;

    @Inject
    Sql sql;

    @Inject
    StatementBounds bounds;

    /** The running import that still has clear-text passwords to hash, if there is one. */
    public Optional<OperationId> importToHash() {
        bounds.forTransaction(StatementBounds.ORDINARY);
        return sql.query(TO_HASH, Map.of(), row -> new OperationId(row.getString(1))).stream().findFirst();
    }

    /** Claims up to {@code limit} of them for {@code owner}, the first in row order not claimed by another. */
    public List<Claimed> claim(OperationId operation, String owner, int limit, long leaseSeconds) {
        bounds.forTransaction(StatementBounds.BACKGROUND);
        lock.shared();
        return sql.query(CLAIM, Map.of("operation", operation.value(), "owner", owner, "limit", limit,
                "leaseSeconds", leaseSeconds), row -> new Claimed(row.getLong(1), row.getString(2)));
    }

    /**
     * Gives a claim up, unhashed, for any instance to claim at once: on a connection of the
     * caller's, outside any transaction (ImportJob's shutdown hook).
     */
    static void release(Connection connection, OperationId operation, String owner, long[] rows) throws SQLException {
        try (PreparedStatement release = RELEASE.prepare(connection,
                Map.of("operation", operation.value(), "owner", owner, "rows", rows))) {
            release.executeUpdate();
        }
    }

    /** Stores the hashes of {@code owner}'s claim; answers how many rows were still its own. */
    public int store(OperationId operation, String owner, long[] rows, String[] hashes, String[] algorithms) {
        bounds.forTransaction(StatementBounds.BACKGROUND);
        lock.shared();
        return sql.query(STORE, Map.of("operation", operation.value(), "owner", owner, "rows", rows,
                        "hashes", hashes, "algorithms", algorithms), row -> row.getInt(1))
                .stream().findFirst().orElse(0);
    }
}
