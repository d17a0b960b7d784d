package dev.importer.operations.boundary;

import dev.importer.operations.control.StagedRows;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Drops the staged rows that clearing detached, every ten seconds on every instance, so
 * that no request waits while their files are released.
 */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
public class DetachedRowsCleaner {

    @Inject
    StagedRows stagedRows;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void dropDetached() {
        stagedRows.dropDetached();
    }
}
