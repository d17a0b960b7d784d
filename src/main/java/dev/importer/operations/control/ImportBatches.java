package dev.importer.operations.control;

import dev.importer.identity.UserId;
import dev.importer.operations.control.StagedRows.PendingUser;
import dev.importer.operations.entity.Actor;
import dev.importer.operations.entity.EventType;
import dev.importer.operations.entity.ImportLease;
import dev.importer.operations.entity.ImportProgress;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.operations.entity.OutcomeCount;
import dev.importer.platform.database.StatementBounds;
import dev.importer.security.control.RoleGrants;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The transactions of a running import, one per step, each bounded by
 * {@link StatementBounds#BACKGROUND}. Each takes the import lock shared and renews the job's
 * lease; it goes on only while the job holds the lease and the operation
 * is still importing. So once an abort, or a takeover by another instance, has committed,
 * the job writes nothing more.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportBatches {

    @Inject
    ImportLock lock;

    @Inject
    OperationRepository operations;

    @Inject
    StagedRows stagedRows;

    @Inject
    UserImport userImport;

    @Inject
    ImportEvents events;

    @Inject
    ImportMetrics metrics;

    @Inject
    RoleGrants roleGrants;

    @Inject
    StatementBounds bounds;

    /** The first step of a job: sets aside the duplicates once. Empty: the job must stop. */
    public Optional<ImportProgress> begin(ImportLease lease) {
        Optional<ImportProgress> progress = hold(lease);
        if (progress.isPresent() && progress.get().status() == OperationStatus.IMPORTING_STARTED) {
            userImport.markDuplicates(lease.operation());
            operations.countPasswordsToHash(lease.operation());
            operations.moveTo(lease.operation(), OperationStatus.IMPORTING_USERS);
            operations.recordStart(lease.operation());
        }
        return progress;
    }

    public List<PendingUser> pendingAfter(ImportLease lease, long afterRow, int limit) {
        bounds.forTransaction(StatementBounds.BACKGROUND);
        return stagedRows.pendingAfter(lease.operation(), afterRow, limit);
    }

    /**
     * Imports one batch and records its progress. False: the job must stop. The roles the
     * caller who started the import may give are read again in every batch: a caller who
     * lost a permission meanwhile gives no role that needs it.
     */
    public boolean importBatch(ImportLease lease, PlannedBatch batch) {
        Optional<ImportProgress> progress = hold(lease);
        if (progress.isEmpty()) {
            return false;
        }
        UserId runBy = progress.get().runBy();
        OutcomeCount count = userImport.importBatch(lease.operation(), progress.get().ifUserExists(), runBy,
                roleGrants.grantableBy(runBy), batch);
        operations.recordBatch(lease.operation(), count, batch.lastRow());
        metrics.processed(count);
        return true;
    }

    /** Keeps the lease while the job waits (for password hashes); false: the job must stop. */
    public boolean renew(ImportLease lease) {
        return hold(lease).isPresent();
    }

    /** Ends the import as done, or as failed; false, and nothing happens, once the lease is lost. */
    public boolean finish(ImportLease lease, OperationStatus finalStatus) {
        if (hold(lease).isEmpty()) {
            return false;
        }
        operations.moveTo(lease.operation(), finalStatus);
        events.record(finalStatus == OperationStatus.DONE ? EventType.DONE : EventType.FAILED, Actor.SERVICE,
                Optional.of(lease.operation()));
        return true;
    }

    /**
     * The job stops (its server is stopping) and gives the import up at a batch boundary, so
     * that the takeover timer of any instance continues it at once rather than after the lease.
     */
    public boolean release(ImportLease lease) {
        bounds.forTransaction(StatementBounds.BACKGROUND);
        lock.shared();
        return operations.releaseLease(lease);
    }

    private Optional<ImportProgress> hold(ImportLease lease) {
        bounds.forTransaction(StatementBounds.BACKGROUND);
        lock.shared();
        return operations.renewLease(lease);
    }
}
