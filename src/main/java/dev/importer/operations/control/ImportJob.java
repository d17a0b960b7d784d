package dev.importer.operations.control;

import dev.importer.accounts.control.HashesInOrder;
import dev.importer.accounts.control.Passwords;
import dev.importer.accounts.entity.PasswordDigest;
import dev.importer.accounts.entity.PasswordHash;
import dev.importer.identity.UserId;
import dev.importer.operations.control.StagedRows.PendingUser;
import dev.importer.operations.entity.ImportLease;
import dev.importer.operations.entity.ImportProgress;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.platform.database.DatabaseSettings;
import dev.importer.platform.database.Redacted;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs an import in the background, batch after batch (IMPORT_BATCH_SIZE users first, then as
 * many as take about IMPORT_BATCH_SECONDS, up to IMPORT_BATCH_MAX: {@link BatchSizing}), from the
 * first staged user not processed yet, so that a job that takes over a dead instance's
 * import continues where it stopped. A step that fails is tried again; one that keeps
 * failing ends the import as failed. When the server stops, the job hands its import over at
 * a batch boundary ({@link #stopAtBatchBoundaries}).
 *
 * <p>Progress lives in the database rather than in Jakarta Batch's job repository: the
 * lease, the abort and the progress must be decided in the same transaction as each batch,
 * under the import lock, on whichever instance runs it.
 */
@ApplicationScoped
public class ImportJob {

    private static final Logger LOG = Logger.getLogger(ImportJob.class.getName());
    private static final int ATTEMPTS = 3;
    private static final Duration FIRST_RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration HASHING_PER_BATCH = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration STOP_POLL = Duration.ofMillis(50);
    private static final Duration SHUTDOWN_RELEASE_BOUND = Duration.ofSeconds(5);

    @Resource
    ManagedExecutorService executor;

    @Inject
    ImportBatches batches;

    @Inject
    Passwords passwords;

    @Inject
    ImportMetrics metrics;

    /** The first batch's size, and the smallest. */
    @Inject
    @ConfigProperty(name = "IMPORT_BATCH_SIZE", defaultValue = "2500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "IMPORT_BATCH_MAX", defaultValue = "50000")
    int batchMax;

    /** How long a batch should take: the size adapts to it (BatchSizing). */
    @Inject
    @ConfigProperty(name = "IMPORT_BATCH_SECONDS", defaultValue = "1")
    double batchSeconds;

    private volatile boolean stopping;
    /** The leases of the jobs running on this instance. */
    private final Set<ImportLease> running = ConcurrentHashMap.newKeySet();
    private Thread shutdownHook;

    public void start(ImportLease lease) {
        if (stopping) {
            handOver(lease);
            return;
        }
        running.add(lease);
        executor.execute(() -> {
            try {
                run(lease);
            } finally {
                running.remove(lease);
            }
        });
    }

    /**
     * Ctrl-C or SIGTERM: Payara Micro stops at once, without undeploying, so no PreDestroy runs
     * there. A JVM shutdown hook releases the leases of the imports running here, over a
     * connection of its own; the UPDATE waits for the batch in flight (it holds the operation's
     * row) or for its rollback, and the job then finds its lease gone and writes nothing more.
     */
    @PostConstruct
    void handOverOnShutdown() {
        DatabaseSettings database = DatabaseSettings.fromConfig();
        shutdownHook = new Thread(() -> releaseAtShutdown(database), "importer-hand-over");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void releaseAtShutdown(DatabaseSettings database) {
        stopping = true;
        if (running.isEmpty()) {
            return;
        }
        try (Connection connection = database.connectDirectly(); Statement bound = connection.createStatement()) {
            bound.execute("SET statement_timeout = " + SHUTDOWN_RELEASE_BOUND.toMillis());
            for (ImportLease lease : running) {
                OperationRepository.releaseLease(connection, lease);
            }
        } catch (SQLException e) {
            // nothing to do: the lease runs out, and another instance takes the import over then
        }
    }

    /**
     * The server is stopping (Ctrl-C, SIGTERM, undeploy): each job gives its import up at its
     * next batch boundary, releasing the lease, so that another instance (or this one, once
     * restarted) continues it within the takeover timer's period instead of after
     * IMPORT_LEASE_SECONDS. Waits for them up to STOP_WAIT. A kill -9 still leaves the lease to
     * run out.
     */
    @PreDestroy
    void stopAtBatchBoundaries() {
        stopping = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs
        }
        Instant deadline = Instant.now().plus(STOP_WAIT);
        while (!running.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(STOP_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void run(ImportLease lease) {
        ImportMetrics.RunningJob job = metrics.jobStarted();
        Optional<OperationStatus> ended = Optional.empty();
        try {
            ended = importAll(lease);
            if (ended.isEmpty()) {
                LOG.info("Import " + lease.operation() + " stopped: it was aborted, cancelled, taken over or handed over");
            }
        } catch (RuntimeException e) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                LOG.log(Level.WARNING, "Import " + lease.operation() + " interrupted as the server stops", Redacted.of(e));
                handOver(lease);
            } else {
                LOG.log(Level.SEVERE, "Import " + lease.operation() + " failed", Redacted.of(e));
                if (attempt(() -> batches.finish(lease, OperationStatus.IMPORT_FAILED))) {
                    ended = Optional.of(OperationStatus.IMPORT_FAILED);
                }
            }
        } finally {
            metrics.jobEnded(job, ended);
        }
    }

    /** Releases the lease of an import this instance stops running; best effort, the lease runs out anyway. */
    private void handOver(ImportLease lease) {
        try {
            if (batches.release(lease)) {
                LOG.info("Import " + lease.operation() + " handed over: the server stops; another instance continues it");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import " + lease.operation() + " could not be handed over: another instance "
                    + "continues it once its lease has run out", Redacted.of(e));
        }
    }

    /** DONE once the job has ended the import; empty when it lost its lease (abort, takeover) first. */
    private Optional<OperationStatus> importAll(ImportLease lease) {
        Optional<ImportProgress> progress = attempt(() -> batches.begin(lease));
        if (progress.isEmpty()) {
            return Optional.empty();
        }
        long lastRow = progress.get().lastRow();
        BatchSizing sizing = new BatchSizing(batchSize, Math.max(batchSize, batchMax),
                Duration.ofMillis(Math.round(batchSeconds * 1000)));
        int size = sizing.first();
        while (true) {
            if (stopping) {
                handOver(lease);
                return Optional.empty();
            }
            long after = lastRow;
            int limit = size;
            List<PendingUser> pending = attempt(() -> batches.pendingAfter(lease, after, limit));
            if (pending.isEmpty()) {
                break;
            }
            long started = System.nanoTime();
            if (!importPending(lease, pending)) {
                return Optional.empty();
            }
            size = sizing.next(pending.size(), Duration.ofNanos(System.nanoTime() - started));
            lastRow = pending.get(pending.size() - 1).row();
        }
        return attempt(() -> batches.finish(lease, OperationStatus.DONE))
                ? Optional.of(OperationStatus.DONE)
                : Optional.empty();
    }

    /**
     * Imports the users, their clear-text passwords hashed on all cores meanwhile. Hashing is
     * slow: a batch takes the hashes done within HASHING_PER_BATCH (at least one), so that a
     * password import shows progress and renews its lease that often whatever
     * IMPORT_BATCH_SIZE is, and the hashing goes on while the batch is written.
     */
    private boolean importPending(ImportLease lease, List<PendingUser> pending) {
        List<PasswordDigest> clearTexts = pending.stream()
                .flatMap(user -> user.password().map(PasswordDigest::ofClearText).stream())
                .toList();
        try (HashesInOrder hashes = passwords.hashAll(clearTexts)) {
            for (int planned = 0; planned < pending.size(); ) {
                if (stopping) {
                    handOver(lease);
                    return false;
                }
                PlannedBatch batch = plan(pending.subList(planned, pending.size()), hashes);
                if (!attempt(() -> batches.importBatch(lease, batch))) {
                    return false;
                }
                planned += batch.rows().length;
            }
            return true;
        }
    }

    /**
     * The next batch: the users up to the first whose password is not hashed yet, with the
     * ids they get if imported; made outside any transaction.
     */
    private static PlannedBatch plan(List<PendingUser> pending, HashesInOrder hashes) {
        Iterator<PasswordHash> hashed = hashes.takeUntil(Instant.now().plus(HASHING_PER_BATCH)).iterator();
        int size = 0;
        long[] rows = new long[pending.size()];
        String[] newUserIds = new String[pending.size()];
        String[] passwordHashes = new String[pending.size()];
        String[] passwordAlgorithms = new String[pending.size()];
        for (PendingUser user : pending) {
            if (user.password().isPresent()) {
                if (!hashed.hasNext()) {
                    break;
                }
                PasswordHash hash = hashed.next();
                passwordHashes[size] = hash.encoded();
                passwordAlgorithms[size] = hash.algorithm().wireName();
            }
            rows[size] = user.row();
            newUserIds[size] = UserId.generate().value();
            size++;
        }
        return new PlannedBatch(Arrays.copyOf(rows, size), Arrays.copyOf(newUserIds, size),
                Arrays.copyOf(passwordHashes, size), Arrays.copyOf(passwordAlgorithms, size));
    }

    /** Runs a step, and again after a pause when it fails, up to ATTEMPTS times. */
    private static <T> T attempt(Supplier<T> step) {
        Duration delay = FIRST_RETRY_DELAY;
        for (int attempt = 1; ; attempt++) {
            try {
                return step.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.log(Level.WARNING, "Import step failed, trying again in " + delay, Redacted.of(e));
                sleep(delay);
                delay = delay.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to try again", e);
        }
    }
}
