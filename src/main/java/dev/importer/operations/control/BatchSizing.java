package dev.importer.operations.control;

import java.time.Duration;

/**
 * How many users the next batch of an import takes: as many as fill {@code target} at the
 * pace of the last batch, between a floor and a ceiling, and at most twice (at least half) the
 * last size, so that one odd batch does not swing it. Small enough batches keep an abort, the
 * progress and the lease prompt; large ones cost fewer transactions, locks and round trips.
 */
record BatchSizing(int floor, int ceiling, Duration target) {

    BatchSizing {
        if (floor < 1 || ceiling < floor || target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("batch sizes " + floor + " to " + ceiling + ", target " + target);
        }
    }

    int first() {
        return floor;
    }

    /** The size after a batch of {@code size} users that took {@code took}. */
    int next(int size, Duration took) {
        double pace = Math.max(took.toNanos(), 1) / (double) size;
        long filling = (long) (target.toNanos() / pace);
        long damped = Math.max(size / 2, Math.min(2L * size, filling));
        return (int) Math.max(floor, Math.min(ceiling, damped));
    }
}
