package dev.importer.operations.control;

import dev.importer.accounts.control.UserRepository;
import dev.importer.accounts.control.UserRepository.PendingAvatar;
import dev.importer.operations.entity.ImportLease;
import dev.importer.operations.entity.OutcomeCount;
import dev.importer.platform.database.StatementBounds;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The transactions of a pending-avatars operation, as {@link ImportBatches} for an import:
 * each takes the import lock shared and renews the job's lease first, and does nothing once
 * the lease is gone (the operation was aborted or taken over). The fetching itself happens
 * between them, outside any transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AvatarBatches {

    @Inject
    ImportLock lock;

    @Inject
    OperationRepository operations;

    @Inject
    UserRepository users;

    @Inject
    StatementBounds bounds;

    @Inject
    ImportMetrics metrics;

    /** The next pending avatars after that user; empty when the job must stop. */
    public Optional<List<PendingAvatar>> next(ImportLease lease, String afterUserId, int limit) {
        if (!hold(lease)) {
            return Optional.empty();
        }
        return Optional.of(users.pendingAvatars(afterUserId, limit));
    }

    /** Stores what was fetched and counts what was not; false when the job must stop. */
    public boolean store(ImportLease lease, Map<PendingAvatar, Avatar> fetched, int failed) {
        if (!hold(lease)) {
            return false;
        }
        fetched.forEach((pending, avatar) -> users.storeAvatar(pending, avatar.contentType(), avatar.image()));
        operations.recordBatch(lease.operation(), new OutcomeCount(0, fetched.size(), 0, failed), 0);
        metrics.avatarsFetched(fetched.size(), failed);
        return true;
    }

    /** A fetched avatar: an image and its content type. */
    public record Avatar(String contentType, byte[] image) {
    }

    private boolean hold(ImportLease lease) {
        bounds.forTransaction(StatementBounds.BACKGROUND);
        lock.shared();
        return operations.renewLease(lease).isPresent();
    }
}
