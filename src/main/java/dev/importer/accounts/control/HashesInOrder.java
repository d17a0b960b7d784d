package dev.importer.accounts.control;

import dev.importer.accounts.entity.PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

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

    /** Every hash, in order, waited for however long they take. */
    public List<PasswordHash> takeAll() {
        List<PasswordHash> taken = new ArrayList<>(hashes.size());
        try {
            while (next < hashes.size()) {
                taken.add(hashes.get(next).get());
                next++;
            }
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
