package dev.importer.operations.boundary;

import dev.importer.operations.control.AvatarJob;
import dev.importer.operations.control.ImportJob;
import dev.importer.platform.database.Redacted;
import dev.importer.settings.boundary.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every instance looks every five seconds for an import whose job stopped renewing its lease
 * (IMPORT_LEASE_SECONDS: its instance died) or released it (its instance was stopped cleanly,
 * see ImportJob). Whichever instance notices first
 * takes the import over and continues it from the first user not processed yet.
 */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
public class ImportTakeover {

    private static final Logger LOG = Logger.getLogger(ImportTakeover.class.getName());
    private static final long EVERY_MILLIS = 5_000;

    @Inject
    ImportOperations operations;

    @Inject
    ImportJob job;

    @Inject
    AvatarJob avatarJob;

    @Inject
    Settings settings;

    @Resource
    TimerService timers;

    // Made once the database is migrated, as DetachedRowsCleaner's timer is, for the same reason.
    @PostConstruct
    void scheduleLooks() {
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig(null, false));
    }

    // The takeover commits before the job starts, so that the job finds itself the owner.
    // Never throwing: a server expunges a timer whose callback failed twice in a row (Payara:
    // EJB5119), and the instance then took nothing over after a database outage.
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void takeOverStaleImports() {
        try {
            operations.takeOverStale().ifPresent(lease -> {
                LOG.warning("Import " + lease.operation()
                        + " had no sign of life for longer than its lease, or its instance handed it over as it"
                        + " stopped: taking it over");
                boolean fetchingAvatars = operations.latest()
                        .filter(o -> o.id().equals(lease.operation()))
                        .filter(o -> o.importerKey().equals(PendingImporters.AVATARS_KEY))
                        .isPresent();
                if (fetchingAvatars) {
                    avatarJob.start(lease, settings.ssrfAllowlist());
                } else {
                    job.start(lease);
                }
            });
        } catch (RuntimeException e) {
            LOG.warning("Looking for an import to take over failed, trying again in " + EVERY_MILLIS / 1000 + " s: "
                    + Redacted.of(e));
        }
    }
}
