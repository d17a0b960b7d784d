package dev.importer.operations.boundary;

import dev.importer.operations.control.HashingWorker;
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

/**
 * Every instance wakes its HashingWorker every second, so that each takes a share of the
 * running import's clear-text passwords, whichever instance runs the import, and takes over
 * the claims of an instance that died.
 */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
public class SharedHashing {

    private static final long EVERY_MILLIS = 1_000;

    @Inject
    HashingWorker worker;

    @Resource
    TimerService timers;

    @PostConstruct
    void scheduleWakes() {
        timers.createIntervalTimer(EVERY_MILLIS, EVERY_MILLIS, new TimerConfig(null, false));
    }

    // Never throwing (see ImportTakeover): wake() only hands the work to the worker's thread.
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void wakeTheWorker() {
        worker.wake();
    }
}
