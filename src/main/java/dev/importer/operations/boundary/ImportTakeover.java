package dev.importer.operations.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every instance looks for imports whose job died (instance stopped, crash) every ten
 * seconds; whichever notices first marks them failed. {@code import.status} looks too.
 */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
public class StaleImportWatch {

    private static final Logger LOG = Logger.getLogger(StaleImportWatch.class.getName());

    @Inject
    ImportOperations operations;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    void failStaleImports() {
        int failed = operations.failStaleImports();
        if (failed > 0) {
            LOG.warning(failed + " import(s) without a sign of life for longer than the lease were marked failed");
        }
    }
}
