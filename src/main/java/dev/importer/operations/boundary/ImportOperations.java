package dev.importer.operations.boundary;

import dev.importer.identity.UserId;
import dev.importer.operations.control.ImportEvents;
import dev.importer.operations.control.ImportFiles;
import dev.importer.operations.control.ImportLock;
import dev.importer.operations.control.ImportMetrics;
import dev.importer.operations.control.OperationRepository;
import dev.importer.operations.control.StagedRows;
import dev.importer.operations.control.StagedRows.ReportRow;
import dev.importer.operations.control.StagedRows.Staged;
import dev.importer.operations.control.UserImport;
import dev.importer.operations.entity.Actor;
import dev.importer.operations.entity.EventType;
import dev.importer.operations.entity.IfUserExists;
import dev.importer.operations.entity.ImportLease;
import dev.importer.operations.entity.ImportOperation;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.operations.entity.Outcome;
import dev.importer.operations.entity.Prediction;
import dev.importer.operations.entity.ProgressPoint;
import dev.importer.operations.entity.StagedUsers;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.database.StatementBounds;
import dev.importer.security.boundary.Permissions;
import dev.importer.security.control.RoleGrants;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The import lifecycle. Every change takes the import lock first, so that concurrent calls
 * on any instance apply one after the other.
 */
@Stateless
public class ImportOperations {

    /** A page of {@code import.report}: the users, and how many have that outcome in all. */
    public record Report(JsonArray users, int total) {
    }

    /** A page of {@code import.events}, and how many events there are in all. */
    public record EventPage(JsonArray events, long total) {
    }

    public record OperationProgress(ImportOperation operation, List<ProgressPoint> points) {
    }

    @Inject
    ImportLock lock;

    @Inject
    OperationRepository operations;

    @Inject
    StagedRows stagedRows;

    @Inject
    ImportFiles files;

    @Inject
    UserImport userImport;

    @Inject
    Permissions permissions;

    @Inject
    RoleGrants roleGrants;

    @Inject
    StatementBounds bounds;

    @Inject
    ImportEvents events;

    @Inject
    ImportMetrics metrics;

    @Inject
    @ConfigProperty(name = "IMPORT_LEASE_SECONDS", defaultValue = "60")
    long leaseSeconds;

    /**
     * Aborts the valid operation, clears every staged row and inserts a new valid operation.
     * The time is read once the lock is held, so the last to commit is the newest.
     */
    public ImportOperation startNew(UserId caller, Actor actor) {
        return startNew(now -> ImportOperation.startedOverApi(caller, now), actor);
    }

    /**
     * What {@link #startNew(UserId, Actor)} does, with the operation {@code made} makes at the
     * time read under the lock: a file importer's, or one of pending files or avatars.
     */
    public ImportOperation startNew(Function<Instant, ImportOperation> made, Actor actor) {
        Instant now = lock.exclusive();
        Optional<OperationId> aborted = abortAndClear(now, actor);
        ImportOperation operation = made.apply(now);
        operations.add(operation);
        events.record(EventType.NEW, actor, Optional.of(operation.id()), aborted);
        metrics.operationStarted();
        return operation;
    }

    /** {@code import.clear}: what {@link #startNew} does, without a new operation. */
    public void clear(Actor actor) {
        Optional<OperationId> aborted = abortAndClear(lock.exclusive(), actor);
        events.record(EventType.CLEAR, actor, aborted, aborted);
    }

    /**
     * Stages the users for the valid operation, which must be new or awaiting users, all or
     * none. Their roles must exist and be the caller's to give (judged again when the import runs).
     */
    public void addUsers(StagedUsers users, UserId caller, Actor actor) {
        Instant now = lock.exclusive();
        bounds.forTransaction(StatementBounds.STAGING);
        ImportOperation operation = latestValid();
        if (!operation.acceptsUsers()) {
            throw invalidStatus(operation);
        }
        Staged staged = stagedRows.stage(operation.id(), users::forEach);
        permissions.requireExistingRoles(staged.roles());
        roleGrants.requireMayGrant(caller, staged.roles());
        operation.usersStaged(staged.count(), now);
        events.record(EventType.ADD_USERS, actor, Optional.of(operation.id()));
    }

    /**
     * Hands the staged users of the valid operation to a job; the caller then starts it. The
     * job judges them against what the caller may grant.
     */
    public ImportLease startRun(IfUserExists ifUserExists, UserId caller, Actor actor) {
        return startRun(ifUserExists, Optional.empty(), caller, actor);
    }

    /**
     * {@link #startRun(IfUserExists, UserId, Actor)} for the users {@code selected} by their
     * first import id (all when empty): the others end skipped, not-selected, at once.
     */
    public ImportLease startRun(IfUserExists ifUserExists, Optional<List<String>> selected, UserId caller,
            Actor actor) {
        Instant now = lock.exclusive();
        ImportOperation operation = awaitingRun();
        selected.ifPresent(ids -> operation.notSelected(stagedRows.markNotSelected(operation.id(), ids)));
        events.record(EventType.RUN, actor, Optional.of(operation.id()));
        return operation.startImport(ifUserExists, caller, now);
    }

    /**
     * Stops the running import of the valid operation. Its job takes the lock shared for each
     * step, so it waits for this to commit and then finds its lease gone: nothing is written
     * after the cancel, as after an abort; the staged rows and their outcomes stay for the report.
     */
    public void cancel(Actor actor) {
        Instant now = lock.exclusive();
        ImportOperation operation = latestValid();
        if (!operation.status().isImporting()) {
            throw new ApiException("error-invalid-operation-status",
                    "No import is running: there is nothing to cancel (the operation is "
                            + operation.status().wireName() + ")");
        }
        operation.cancel(now);
        events.record(EventType.CANCEL, actor, Optional.of(operation.id()));
    }

    /** What {@code import.run} by this caller would do now with the staged users; writes nothing. */
    public Prediction validate(IfUserExists ifUserExists, UserId caller, Actor actor) {
        bounds.forTransaction(StatementBounds.DRY_RUN);
        ImportOperation operation = awaitingRun();
        events.record(EventType.VALIDATE, actor, Optional.of(operation.id()));
        return userImport.predict(operation.id(), ifUserExists, caller, roleGrants.grantableBy(caller));
    }

    /**
     * The users of the latest operation with that outcome whose username or an address
     * contains {@code query} ('' for all), in staging order, and how many match in all.
     */
    public Report report(Outcome outcome, String query, int offset, int count) {
        return operations.latest()
                .map(o -> new Report(StagedRows.asJson(stagedRows.withOutcome(o.id(), outcome, query, 0, offset, count)),
                        query.isEmpty() ? o.outcomes().of(outcome) : stagedRows.countWithOutcome(o.id(), outcome, query)))
                .orElse(new Report(JsonValue.EMPTY_JSON_ARRAY, 0));
    }

    /** The next rows of the report of {@code operation} after {@code afterRow}, for the CSV download. */
    public List<ReportRow> reportAfter(OperationId operation, Outcome outcome, String query, long afterRow, int count) {
        return stagedRows.withOutcome(operation, outcome, query, afterRow, 0, count);
    }

    public Optional<ImportOperation> latest() {
        return operations.latest();
    }

    /** Whether the running import waits for an instance to take it over (see ImportTakeover). */
    public boolean awaitsTakeover(ImportOperation operation) {
        return operation.awaitsTakeover(Instant.now(), Duration.ofSeconds(leaseSeconds));
    }

    /**
     * The counts over its import of the operation named, or of the latest one (none: empty),
     * at most {@code points} of them, oldest first.
     */
    public Optional<OperationProgress> progress(Optional<OperationId> named, int points) {
        Optional<ImportOperation> operation = named.isPresent() ? operations.find(named.get()) : operations.latest();
        if (named.isPresent() && operation.isEmpty()) {
            throw new ApiException("error-operation-not-found", "There is no import operation " + named.get());
        }
        return operation.map(o -> new OperationProgress(o, operations.progress(o.id(), points)));
    }

    public List<ImportOperation> newest(int count) {
        return operations.newest(count);
    }

    /** The import whose job stopped renewing its lease (its instance died), now this instance's. */
    public Optional<ImportLease> takeOverStale() {
        Optional<ImportLease> lease = operations.takeOverStale(leaseSeconds);
        lease.ifPresent(taken -> events.record(EventType.TAKEOVER, Actor.SERVICE, Optional.of(taken.operation())));
        return lease;
    }

    /** Drops the staged rows that clearing detached (DetachedRowsCleaner), bounded as background work. */
    public void dropDetachedRows() {
        bounds.forTransaction(StatementBounds.BACKGROUND);
        stagedRows.dropDetached();
    }

    /** A page of the audit trail, newest first, and its length, read in one transaction. */
    public EventPage events(int offset, int count) {
        return new EventPage(events.newestFirst(offset, count), events.total());
    }

    private Optional<OperationId> abortAndClear(Instant now, Actor actor) {
        Optional<OperationId> aborted = operations.abortValid(now);
        aborted.ifPresent(operation -> {
            events.record(EventType.ABORT, actor, Optional.of(operation));
            metrics.operationAborted();
        });
        stagedRows.clearAll();
        files.clear();
        return aborted;
    }

    /** The valid operation, which must await its run (users staged): else a 400. */
    public ImportOperation awaitingRun() {
        ImportOperation operation = latestValid();
        if (operation.status() != OperationStatus.USER_SELECTION) {
            throw invalidStatus(operation);
        }
        return operation;
    }

    /** The valid operation: without one, 400 error-operation-not-found. */
    public ImportOperation latestValid() {
        return operations.latest()
                .filter(ImportOperation::isValid)
                .orElseThrow(() -> new ApiException("error-operation-not-found",
                        "There is no import operation to work on: start a new import operation first (import.new)"));
    }

    /** Refuses what the operation's status does not allow, saying what to do instead; the code stays for scripts. */
    public static ApiException invalidStatus(ImportOperation operation) {
        String what = switch (operation.state()) {
            case NEW -> "No users are staged yet: add users (import.addUsers) or upload a file first";
            case LOADING -> "The operation's file is still being read: wait until its users are staged";
            case IMPORTING -> "An import is running: wait until it is done, or cancel it (import.cancel)";
            default -> "This operation is over (" + operation.status().wireName()
                    + "): start a new import operation first (import.new)";
        };
        return new ApiException("error-invalid-operation-status", what);
    }
}
