package dev.importer.accounts.control;

import dev.importer.accounts.entity.PasswordHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Password hashes being made on the hashing threads, taken in the order of their passwords
 * while the threads go on with the next ones. Closing it cancels those not taken.
 */
public final class HashesInOrder implements AutoCloseable {

    private final List<Future<PasswordHash>> hashes;
    private int next;

    HashesInOrder(List<Future<PasswordHash>> hashes) {
        this.hashes = hashes;
    }

    public boolean allTaken() {
        return next == hashes.size();
    }

    /**
     * The next hashes in order: the first one, waited for however long it takes, then every
     * following one done by the deadline. Empty once all are taken.
     */
    public List<PasswordHash> takeUntil(Instant deadline) {
        List<PasswordHash> taken = new ArrayList<>();
        try {
            while (next < hashes.size()) {
                Future<PasswordHash> hash = hashes.get(next);
                if (taken.isEmpty()) {
                    taken.add(hash.get());
                } else {
                    long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                    taken.add(hash.get(left, TimeUnit.MILLISECONDS));
                }
                next++;
            }
        } catch (TimeoutException e) {
            // the deadline: what is taken so far is the answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing passwords", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Hashing a password failed", e.getCause());
        }
        return taken;
    }

    @Override
    public void close() {
        hashes.subList(next, hashes.size()).forEach(hash -> hash.cancel(false));
    }
}
