package dev.importer.operations.control;

import dev.importer.operations.entity.OperationStatus;
import dev.importer.operations.entity.Outcome;
import dev.importer.operations.files.FileImporter;
import dev.importer.operations.entity.OutcomeCount;
import dev.importer.platform.database.AfterCommit;
import dev.importer.platform.metrics.Meters;
import dev.importer.platform.metrics.Meters.Counter;
import dev.importer.platform.metrics.Meters.Tag;
import dev.importer.platform.metrics.Meters.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This instance's import figures, on {@code /metrics} (application scope) where the server
 * has MicroProfile Metrics. What a transaction changes is counted once it has committed: a
 * rolled-back batch counts nothing.
 */
@ApplicationScoped
public class ImportMetrics {

    /** A job running on this instance: when it started, and the users it has processed. */
    public record RunningJob(long startedNanos, AtomicLong users) {
    }

    @Inject
    Meters meters;

    @Inject
    AfterCommit afterCommit;

    private Counter started;
    private Counter aborted;
    private Counter done;
    private Counter failed;
    private final Map<Outcome, Counter> users = new EnumMap<>(Outcome.class);
    private Timer duration;
    private Timer lockWait;
    private final Map<FileImporter, Counter> filesRead = new EnumMap<>(FileImporter.class);
    private Counter fileUsers;
    private Counter filesRefused;
    private Timer fileReading;
    private Counter avatarsStored;
    private Counter passwordsHashed;
    private Counter avatarsNotFetched;
    private final AtomicReference<RunningJob> running = new AtomicReference<>();

    @PostConstruct
    void register() {
        started = meters.counter("importer.operations.started", "Import operations started (import.new)");
        aborted = meters.counter("importer.operations.aborted", "Valid operations invalidated by import.new or import.clear");
        done = meters.counter("importer.operations.done", "Imports that ran to their end on this instance");
        failed = meters.counter("importer.operations.failed", "Imports that ended as importer_import_failed on this instance");
        for (Outcome outcome : Outcome.values()) {
            users.put(outcome, meters.counter("importer.users", "Staged users processed, by outcome",
                    new Tag("outcome", outcome.wireName())));
        }
        duration = meters.timer("importer.import.duration", "How long an import took, from its job's start to its end");
        lockWait = meters.timer("importer.import.lock.wait", "Time spent waiting for the import lock");
        for (FileImporter importer : FileImporter.values()) {
            filesRead.put(importer, meters.counter("importer.files.read", "Files read into staged users, by importer",
                    new Tag("importer", importer.key())));
        }
        fileUsers = meters.counter("importer.files.users", "Users staged from files (uploadImportFile, downloadPublicImportFile)");
        filesRefused = meters.counter("importer.files.refused", "Files that could not be fetched or read: their operation failed");
        fileReading = meters.timer("importer.files.read.duration", "How long reading a file into staged users took");
        passwordsHashed = meters.counter("importer.passwords.hashed",
                "Clear-text passwords of imports hashed by this instance, whichever instance ran the import");
        avatarsStored = meters.counter("importer.avatars.stored", "Pending avatars fetched and stored");
        avatarsNotFetched = meters.counter("importer.avatars.failed", "Pending avatars that could not be fetched, or were no image");
        meters.gauge("importer.import.users.per.second",
                "Users per second of the import running on this instance; 0 when none is", this::usersPerSecond);
    }

    /**
     * Makes the figures exist from the start, at 0, rather than from their first use: CDI
     * creates the bean to deliver the event, and {@link #register} runs.
     */
    void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    }

    public void operationStarted() {
        afterCommit.run(started::inc);
    }

    public void operationAborted() {
        afterCommit.run(aborted::inc);
    }

    public void processed(OutcomeCount count) {
        afterCommit.run(() -> {
            for (Outcome outcome : Outcome.values()) {
                users.get(outcome).inc(count.of(outcome));
            }
            RunningJob job = running.get();
            if (job != null) {
                job.users().addAndGet(count.total());
            }
        });
    }

    /** This instance stored the hashes of {@code passwords} clear-text passwords (counted once committed). */
    public void passwordsHashed(int passwords) {
        passwordsHashed.inc(passwords);
    }

    /** A job starts on this instance; hand the answer back to {@link #jobEnded}. */
    public RunningJob jobStarted() {
        RunningJob job = new RunningJob(System.nanoTime(), new AtomicLong());
        running.set(job);
        return job;
    }

    /**
     * The job ended: it ended the import with that status (committed), or it stopped (empty).
     * A job that stopped after a newer one started leaves the newer one's figures alone.
     */
    public void jobEnded(RunningJob job, Optional<OperationStatus> finalStatus) {
        running.compareAndSet(job, null);
        finalStatus.ifPresent(status -> {
            (status == OperationStatus.DONE ? done : failed).inc();
            duration.record(Duration.ofNanos(System.nanoTime() - job.startedNanos()));
        });
    }

    /** A file was read into {@code users} staged users (counted once its transaction commits). */
    public void fileRead(FileImporter importer, int users, Duration took) {
        afterCommit.run(() -> {
            filesRead.get(importer).inc();
            fileUsers.inc(users);
            fileReading.record(took);
        });
    }

    public void fileRefused() {
        filesRefused.inc();
    }

    public void avatarsFetched(int stored, int failed) {
        afterCommit.run(() -> {
            avatarsStored.inc(stored);
            avatarsNotFetched.inc(failed);
        });
    }

    public Timer lockWait() {
        return lockWait;
    }

    private double usersPerSecond() {
        RunningJob job = running.get();
        if (job == null) {
            return 0;
        }
        double seconds = (System.nanoTime() - job.startedNanos()) / 1e9;
        return seconds > 0 ? job.users().get() / seconds : 0;
    }
}
