package dev.importer.operations.boundary;

import dev.importer.operations.control.StagedRows;
import dev.importer.platform.database.StatementBounds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

/**
 * Drops the staged rows that clearing detached, every ten seconds on every instance, so
 * that no request waits while their files are released.
 */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
public class DetachedRowsCleaner {

    private static final long EVERY_MILLIS = 10_000;

    @Inject
    StagedRows stagedRows;

    @Inject
    StatementBounds bounds;

    @Resource
    TimerService timers;

    // A timer made here exists only once the database is migrated: after a failed start
    // there is none waiting for it, and the deployment can be undeployed or replaced.
    @PostConstruct
    void scheduleDrops() {
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig(null, false));
    }

    @Timeout
    void dropDetached() {
        bounds.forTransaction(StatementBounds.BACKGROUND);
        stagedRows.dropDetached();
    }
}
