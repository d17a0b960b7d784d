package dev.importer.operations.control;

import dev.importer.accounts.control.HashesInOrder;
import dev.importer.accounts.control.Passwords;
import dev.importer.accounts.entity.PasswordDigest;
import dev.importer.accounts.entity.PasswordHash;
import dev.importer.operations.control.HashClaims.Claimed;
import dev.importer.operations.entity.OperationId;
import dev.importer.platform.database.Redacted;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's share of hashing the clear-text passwords of the running import, whichever
 * instance runs it: while there are passwords to hash, claims as many as its hashing threads
 * (PASSWORD_HASHING_THREADS) hash in about a second, hashes them and stores the hashes in the
 * staged rows, where the import's batches take them. Woken every second (SharedHashing) and
 * when an import starts here; one round at a time.
 */
@ApplicationScoped
public class HashingWorker {

    private static final Logger LOG = Logger.getLogger(HashingWorker.class.getName());
    /** Passwords per hashing thread per claim: Argon2id takes about 40 ms on a core here. */
    private static final int CLAIM_PER_THREAD = 16;

    @Resource
    ManagedExecutorService executor;

    @Inject
    HashClaims claims;

    @Inject
    Passwords passwords;

    @Inject
    ImportMetrics metrics;

    @Inject
    @ConfigProperty(name = "IMPORT_LEASE_SECONDS", defaultValue = "60")
    long leaseSeconds;

    /** The claim being hashed here, if any: given up if the server stops meanwhile. */
    private record Claim(OperationId operation, String owner, long[] rows) {
    }

    private final AtomicBoolean working = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Claim current;

    /** Starts hashing in the background unless it is under way here already. */
    public void wake() {
        if (!stopping && working.compareAndSet(false, true)) {
            try {
                executor.execute(this::hashWhileThereIsWork);
            } catch (RuntimeException e) {
                working.set(false); // the executor is shutting down
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    boolean holdsClaim() {
        return current != null;
    }

    /**
     * The server stops (ImportJob's shutdown hook): no claim is made any more, and the one
     * being hashed is given up, so that another instance hashes it at once rather than after
     * IMPORT_LEASE_SECONDS. A late store of it changes nothing: the claim is no longer its own.
     */
    void releaseAtShutdown(Connection connection) throws SQLException {
        stopping = true;
        Claim claim = current;
        if (claim != null) {
            HashClaims.release(connection, claim.operation(), claim.owner(), claim.rows());
        }
    }

    private void hashWhileThereIsWork() {
        try {
            Optional<OperationId> operation;
            while (!stopping && (operation = claims.importToHash()).isPresent()) {
                if (!hashOneClaim(operation.get())) {
                    return; // the rest is claimed by others: looked at again at the next wake
                }
            }
        } catch (RuntimeException e) {
            LOG.warning("Hashing the passwords of an import failed, trying again shortly: " + Redacted.of(e));
        } finally {
            working.set(false);
        }
    }

    /** One claim, hashed and stored; false when there was nothing left to claim. */
    private boolean hashOneClaim(OperationId operation) {
        String owner = UUID.randomUUID().toString();
        List<Claimed> claimed = claims.claim(operation, owner, passwords.hashingThreads() * CLAIM_PER_THREAD,
                leaseSeconds);
        if (claimed.isEmpty()) {
            return false;
        }
        long[] rows = claimed.stream().mapToLong(Claimed::row).toArray();
        current = new Claim(operation, owner, rows);
        try {
            List<PasswordHash> hashes;
            try (HashesInOrder hashing = passwords.hashAll(
                    claimed.stream().map(c -> PasswordDigest.ofClearText(c.password())).toList())) {
                hashes = hashing.takeAll();
            }
            int stored = claims.store(operation, owner, rows,
                    hashes.stream().map(PasswordHash::encoded).toArray(String[]::new),
                    hashes.stream().map(h -> h.algorithm().wireName()).toArray(String[]::new));
            metrics.passwordsHashed(stored);
            return true;
        } finally {
            current = null;
        }
    }
}
