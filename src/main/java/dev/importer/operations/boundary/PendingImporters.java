package dev.importer.operations.boundary;

import dev.importer.accounts.control.UserRepository;
import dev.importer.identity.UserId;
import dev.importer.operations.control.AvatarJob;
import dev.importer.operations.entity.Actor;
import dev.importer.operations.entity.ImportLease;
import dev.importer.operations.entity.ImportOperation;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.platform.database.AfterCommit;
import dev.importer.platform.fetch.Allowlist;
import dev.importer.settings.boundary.Settings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Rocket.Chat's pending-files and pending-avatars importers ({@code downloadPendingFiles},
 * {@code downloadPendingAvatars}): each starts a new operation, aborting and clearing as
 * import.new does. The service keeps no files to fetch later, so the first ends at once; the
 * second fetches the avatar of every user an import gave an {@code avatarUrl}, in the
 * background ({@link AvatarJob}).
 */
@Stateless
public class PendingImporters {

    public static final String FILES_TYPE = "Pending Files";
    public static final String FILES_KEY = "pending-files";
    public static final String AVATARS_TYPE = "Pending Avatars";
    public static final String AVATARS_KEY = "pending-avatars";

    @Inject
    ImportOperations lifecycle;

    @Inject
    UserRepository users;

    @Inject
    AvatarJob job;

    @Inject
    Settings settings;

    @Inject
    AfterCommit afterCommit;

    public void startPendingFiles(UserId caller, Actor actor) {
        lifecycle.startNew(now -> {
            ImportOperation operation = ImportOperation.started(FILES_TYPE, FILES_KEY, caller, now);
            operation.moveTo(OperationStatus.DONE, now);
            return operation;
        }, actor);
    }

    /**
     * Answers how many avatars are pending; with none the operation is done at once. The job
     * starts once this transaction has committed, so that it finds its lease.
     */
    public int startPendingAvatars(UserId caller, Actor actor) {
        int pending = users.countPendingAvatars();
        ImportLease[] lease = {null};
        lifecycle.startNew(now -> {
            ImportOperation operation = ImportOperation.started(AVATARS_TYPE, AVATARS_KEY, caller, now);
            if (pending == 0) {
                operation.moveTo(OperationStatus.DONE, now);
            } else {
                lease[0] = operation.startFetching(pending, caller, now);
            }
            return operation;
        }, actor);
        if (lease[0] != null) {
            Allowlist allowlist = settings.ssrfAllowlist();
            afterCommit.run(() -> job.start(lease[0], allowlist));
        }
        return pending;
    }
}
