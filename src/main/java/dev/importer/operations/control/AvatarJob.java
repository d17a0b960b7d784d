package dev.importer.operations.control;

import dev.importer.accounts.control.UserRepository.PendingAvatar;
import dev.importer.operations.control.AvatarBatches.Avatar;
import dev.importer.operations.entity.ImportLease;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.platform.database.Redacted;
import dev.importer.platform.fetch.Allowlist;
import dev.importer.platform.fetch.Downloads;
import dev.importer.platform.fetch.Downloads.Download;
import dev.importer.platform.http.ApiException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches the pending avatars ({@code downloadPendingAvatars}) in the background, a few
 * users at a time in id order, each under the SSRF rules of {@link Downloads}; stores the
 * images (PNG, JPEG, GIF or WebP, at most {@link #MAX_BYTES}) and counts the rest as failed,
 * their URL kept for another try. Ends the operation done.
 */
@ApplicationScoped
public class AvatarJob {

    private static final Logger LOG = Logger.getLogger(AvatarJob.class.getName());
    private static final int PER_STEP = 20;
    static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final Duration PER_AVATAR = Duration.ofSeconds(20);
    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    @Resource
    ManagedExecutorService executor;

    @Inject
    AvatarBatches batches;

    @Inject
    ImportBatches importBatches;

    @Inject
    Downloads downloads;

    public void start(ImportLease lease, Allowlist allowlist) {
        executor.execute(() -> run(lease, allowlist));
    }

    void run(ImportLease lease, Allowlist allowlist) {
        try {
            String after = "";
            while (true) {
                Optional<List<PendingAvatar>> pending = batches.next(lease, after, PER_STEP);
                if (pending.isEmpty()) {
                    return;
                }
                if (pending.get().isEmpty()) {
                    break;
                }
                Map<PendingAvatar, Avatar> fetched = new LinkedHashMap<>();
                pending.get().forEach(avatar -> fetch(avatar, allowlist).ifPresent(image -> fetched.put(avatar, image)));
                if (!batches.store(lease, fetched, pending.get().size() - fetched.size())) {
                    return;
                }
                after = pending.get().get(pending.get().size() - 1).userId();
            }
            importBatches.finish(lease, OperationStatus.DONE);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Fetching the pending avatars of " + lease.operation() + " failed", Redacted.of(e));
            importBatches.finish(lease, OperationStatus.IMPORT_FAILED);
        }
    }

    private Optional<Avatar> fetch(PendingAvatar avatar, Allowlist allowlist) {
        try {
            Download download = downloads.get(avatar.url(), allowlist, MAX_BYTES, PER_AVATAR);
            String type = download.contentType().map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
            if (!IMAGES.contains(type)) {
                LOG.info("The avatar of user " + avatar.userId() + " is not an image (" + type + "): kept pending");
                return Optional.empty();
            }
            return Optional.of(new Avatar(type, download.content()));
        } catch (ApiException e) {
            LOG.info("The avatar of user " + avatar.userId() + " was not fetched: " + e.getMessage());
            return Optional.empty();
        }
    }
}
