package dev.importer.operations.control;

import dev.importer.accounts.control.Passwords;
import dev.importer.accounts.entity.NewUser;
import dev.importer.accounts.entity.PasswordDigest;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.staging.control.StagedRows;
import dev.importer.staging.control.StagedRows.UserRow;
import dev.importer.staging.entity.StagedUser;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs an import in the background, batch after batch (IMPORT_BATCH_SIZE users), until the
 * staged users are done or the operation is no longer importing. Passwords are hashed
 * before a batch's transaction, so that the import lock is never held during that work.
 */
@ApplicationScoped
public class ImportJob {

    private static final Logger LOG = Logger.getLogger(ImportJob.class.getName());
    private static final List<String> DEFAULT_ROLES = List.of("user");

    @Resource
    ManagedExecutorService executor;

    @Inject
    ImportBatches batches;

    @Inject
    StagedRows stagedRows;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "IMPORT_BATCH_SIZE", defaultValue = "100")
    int batchSize;

    public void start(OperationId id) {
        executor.execute(() -> run(id));
    }

    void run(OperationId id) {
        try {
            if (!batches.advance(id, OperationStatus.IMPORTING_USERS)) {
                return;
            }
            long lastRow = 0;
            List<UserRow> rows;
            while (!(rows = stagedRows.usersAfter(id.value(), lastRow, batchSize)).isEmpty()) {
                long firstRow = rows.get(0).id();
                lastRow = rows.get(rows.size() - 1).id();
                if (!batches.importUsers(id, rows.stream().map(r -> toNewUser(r.user())).toList(), firstRow, lastRow)) {
                    LOG.info("Import " + id + " stopped: the operation is no longer importing");
                    return;
                }
            }
            if (batches.advance(id, OperationStatus.FINISHING)) {
                batches.advance(id, OperationStatus.DONE);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Import " + id + " failed", e);
            batches.advance(id, OperationStatus.IMPORT_FAILED);
        }
    }

    private NewUser toNewUser(StagedUser staged) {
        return new NewUser(staged.username(), staged.name(), staged.emails(), false,
                staged.roles().isEmpty() ? DEFAULT_ROLES : staged.roles(),
                staged.password().map(p -> passwords.hash(PasswordDigest.ofClearText(p))),
                true);
    }
}
