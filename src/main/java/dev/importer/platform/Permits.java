package dev.importer.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most a fixed number of callers at once on this instance, in their order of arrival; one
 * beyond waits up to a bound for its turn, then is refused with the given exception.
 */
public final class Permits {

    private final Semaphore semaphore;
    private final Duration wait;
    private final Supplier<? extends RuntimeException> refusal;

    public Permits(int count, Duration wait, Supplier<? extends RuntimeException> refusal) {
        this.semaphore = new Semaphore(Math.max(1, count), true);
        this.wait = wait;
        this.refusal = refusal;
    }

    /** Does the work once a permit is free, waiting at most the bound for one. */
    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = semaphore.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refusal.get();
        }
        if (!acquired) {
            throw refusal.get();
        }
        try {
            return work.get();
        } finally {
            semaphore.release();
        }
    }
}
