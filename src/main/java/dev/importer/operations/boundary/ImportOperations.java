package dev.importer.operations.boundary;

import dev.importer.accounts.entity.UserId;
import dev.importer.operations.control.ImportLock;
import dev.importer.operations.control.OperationRepository;
import dev.importer.operations.entity.ImportOperation;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.platform.ApiException;
import dev.importer.platform.DatabaseClock;
import dev.importer.security.boundary.Permissions;
import dev.importer.staging.control.StagedRows;
import dev.importer.staging.entity.StagedUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The import lifecycle. Every change takes the import lock first, so that concurrent calls
 * on any instance apply one after the other.
 */
@Stateless
public class ImportOperations {

    @Inject
    ImportLock lock;

    @Inject
    DatabaseClock clock;

    @Inject
    OperationRepository operations;

    @Inject
    StagedRows stagedRows;

    @Inject
    Permissions permissions;

    @Inject
    @ConfigProperty(name = "IMPORT_LEASE_SECONDS", defaultValue = "60")
    long leaseSeconds;

    /**
     * Aborts the valid operation, clears every staged row and inserts a new valid operation.
     * The time is read once the lock is held, so the last to commit is the newest.
     */
    public ImportOperation startNew(UserId caller) {
        lock.exclusive();
        Instant now = clock.now();
        abortAndClear(now);
        ImportOperation operation = ImportOperation.startedOverApi(caller, now);
        operations.add(operation);
        stagedRows.openFor(operation.id());
        return operation;
    }

    /** {@code import.clear}: what {@link #startNew} does, without a new operation. */
    public void clear() {
        lock.exclusive();
        abortAndClear(clock.now());
    }

    /** Stages the users for the valid operation, which must be new or awaiting users. */
    public void addUsers(List<StagedUser> users) {
        permissions.requireExistingRoles(users.stream().flatMap(u -> u.roles().stream()).toList());
        lock.exclusive();
        ImportOperation operation = latestValid();
        if (!operation.acceptsUsers()) {
            throw invalidStatus(operation);
        }
        stagedRows.stageUsers(operation.id().value(), users);
        operation.usersStaged(users.size(), clock.now());
    }

    /** Marks the valid operation as importing; the caller then starts the job. */
    public OperationId startRun() {
        lock.exclusive();
        ImportOperation operation = latestValid();
        if (operation.status() != OperationStatus.USER_SELECTION) {
            throw invalidStatus(operation);
        }
        operation.moveTo(OperationStatus.IMPORTING_STARTED, clock.now());
        return operation.id();
    }

    /** The newest operation, after failing any whose job stopped showing signs of life. */
    public Optional<ImportOperation> latest() {
        failStaleImports();
        return operations.latest();
    }

    public List<ImportOperation> newest(int count) {
        failStaleImports();
        return operations.newest(count);
    }

    /** Marks failed every import whose job has not renewed its lease (IMPORT_LEASE_SECONDS). */
    public int failStaleImports() {
        Instant now = clock.now();
        return operations.failStale(now.minus(Duration.ofSeconds(leaseSeconds)), now);
    }

    private void abortAndClear(Instant now) {
        operations.valid().forEach(o -> o.abort(now));
        // Hibernate would insert a new operation before updating these; the unique index
        // on valid operations needs the update first.
        operations.flush();
        stagedRows.clearAll();
    }

    private ImportOperation latestValid() {
        return operations.latest()
                .filter(ImportOperation::isValid)
                .orElseThrow(() -> new ApiException("error-operation-not-found",
                        "There is no valid import operation"));
    }

    private static ApiException invalidStatus(ImportOperation operation) {
        return new ApiException("error-invalid-operation-status",
                "The import operation is " + operation.status().wireName());
    }
}
