package dev.importer.operations.boundary;

import dev.importer.platform.database.Redacted;
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
 * Drops the staged rows that clearing detached, every ten seconds on every instance, so
 * that no request waits while their files are released.
 */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
public class DetachedRowsCleaner {

    private static final Logger LOG = Logger.getLogger(DetachedRowsCleaner.class.getName());
    private static final long EVERY_MILLIS = 10_000;

    @Inject
    ImportOperations operations;

    @Resource
    TimerService timers;

    // A timer made here exists only once the database is migrated: after a failed start
    // there is none waiting for it, and the deployment can be undeployed or replaced.
    @PostConstruct
    void scheduleDrops() {
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig(null, false));
    }

    // Outside a transaction and never throwing, as ImportTakeover's, so that the timer lives
    // through a database outage: the drop runs in a transaction of its own.
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void dropDetached() {
        try {
            operations.dropDetachedRows();
        } catch (RuntimeException e) {
            LOG.warning("Dropping detached staged rows failed, trying again in " + EVERY_MILLIS / 1000 + " s: "
                    + Redacted.of(e));
        }
    }
}
