package dev.importer.operations.control;

import dev.importer.accounts.boundary.Accounts;
import dev.importer.accounts.boundary.Accounts.ImportCount;
import dev.importer.accounts.entity.NewUser;
import dev.importer.operations.entity.ImportOperation;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.platform.DatabaseClock;
import dev.importer.staging.control.StagedRows;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The transactions of a running import, one per step. Each takes the import lock shared and
 * goes on only while the operation is still importing: once an abort (or the stale-lease
 * rule) has committed, no step writes anything.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ImportBatches {

    @Inject
    ImportLock lock;

    @Inject
    DatabaseClock clock;

    @Inject
    OperationRepository operations;

    @Inject
    StagedRows stagedRows;

    @Inject
    Accounts accounts;

    /** Moves the operation to the next status, if it is still importing. */
    public boolean advance(OperationId id, OperationStatus next) {
        Optional<ImportOperation> operation = importing(id);
        operation.ifPresent(o -> o.moveTo(next, clock.now()));
        return operation.isPresent();
    }

    /** Creates one batch of users, staged in rows {@code firstRow} to {@code lastRow}. */
    public boolean importUsers(OperationId id, List<NewUser> users, long firstRow, long lastRow) {
        Optional<ImportOperation> operation = importing(id);
        if (operation.isEmpty()) {
            return false;
        }
        ImportCount count = accounts.importUsers(users);
        stagedRows.forgetPasswords(id.value(), firstRow, lastRow);
        operation.get().usersImported(count.created(), count.skipped(), clock.now());
        return true;
    }

    private Optional<ImportOperation> importing(OperationId id) {
        lock.shared();
        return operations.find(id).filter(ImportOperation::isImporting);
    }
}
