package dev.importer.operations.control;

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
    private static final Duration HASH_WAIT = Duration.ofMillis(250);
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration STOP_POLL = Duration.ofMillis(50);
    private static final Duration SHUTDOWN_RELEASE_BOUND = Duration.ofSeconds(5);

    @Resource
    ManagedExecutorService executor;

    @Inject
    ImportBatches batches;

    @Inject
    HashingWorker hashing;

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
    private DatabaseSettings database;
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
     * The passwords this instance had claimed to hash are given up the same way (HashingWorker).
     */
    @PostConstruct
    void handOverOnShutdown() {
        database = DatabaseSettings.fromConfig();
        shutdownHook = new Thread(this::releaseAtShutdown, "importer-hand-over");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void releaseAtShutdown() {
        stopping = true;
        if (running.isEmpty() && !hashing.holdsClaim()) {
            return;
        }
        try (Connection connection = database.connectDirectly(); Statement bound = connection.createStatement()) {
            bound.execute("SET statement_timeout = " + SHUTDOWN_RELEASE_BOUND.toMillis());
            for (ImportLease lease : running) {
                OperationRepository.releaseLease(connection, lease);
            }
            hashing.releaseAtShutdown(connection);
        } catch (SQLException e) {
            // nothing to do: the lease runs out, and another instance takes the import over then
        }
    }

    /**
     * The server is stopping (Ctrl-C, SIGTERM, undeploy): each job gives its import up at its
     * next batch boundary, releasing the lease, so that another instance (or this one, once
     * restarted) continues it within the takeover timer's period instead of after
     * IMPORT_LEASE_SECONDS. Waits for them up to STOP_WAIT, then releases what is still held here
     * as the shutdown hook would: the lease of a job that did not stop in time, and the passwords
     * claimed to hash (GlassFish and WildFly undeploy as they stop, and the hook is removed then).
     * A kill -9 still leaves the lease to run out.
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
                break;
            }
        }
        releaseAtShutdown();
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
        hashing.wake();
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
            List<PendingUser> ready = hashedPrefix(pending);
            if (ready.isEmpty()) {
                if (!awaitHashes(lease)) {
                    return Optional.empty();
                }
                continue;
            }
            long started = System.nanoTime();
            if (!attempt(() -> batches.importBatch(lease, plan(ready)))) {
                return Optional.empty();
            }
            size = sizing.next(ready.size(), Duration.ofNanos(System.nanoTime() - started));
            lastRow = ready.get(ready.size() - 1).row();
        }
        return attempt(() -> batches.finish(lease, OperationStatus.DONE))
                ? Optional.of(OperationStatus.DONE)
                : Optional.empty();
    }

    /** The users up to the first whose clear-text password is not hashed yet (by any instance: HashingWorker). */
    private static List<PendingUser> hashedPrefix(List<PendingUser> pending) {
        int ready = 0;
        while (ready < pending.size() && !pending.get(ready).awaitsHash()) {
            ready++;
        }
        return pending.subList(0, ready);
    }

    /**
     * The next user's password is being hashed: waits a moment, keeping the lease. False: the
     * job must stop (abort, cancel, takeover).
     */
    private boolean awaitHashes(ImportLease lease) {
        hashing.wake();
        try {
            Thread.sleep(HASH_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for password hashes", e);
        }
        return attempt(() -> batches.renew(lease));
    }

    /** The next batch: the users' rows in order, with the ids they get if imported; made outside any transaction. */
    private static PlannedBatch plan(List<PendingUser> users) {
        return new PlannedBatch(users.stream().mapToLong(PendingUser::row).toArray(),
                users.stream().map(user -> UserId.generate().value()).toArray(String[]::new));
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
