package dev.importer.platform.metrics;

import java.time.Duration;
import java.util.Arrays;

/**
 * A timer's figures in seconds: how many, their sum and maximum since the start, and
 * quantiles of the latest {@link #WINDOW} times. Kept here rather than in a MicroProfile
 * Timer, whose quantiles and mean Payara 6 prints in nanoseconds under a name in seconds.
 */
final class SecondsSummary {

    static final int WINDOW = 1028;
    private static final double NANOS_PER_SECOND = 1e9;

    private final long[] latest = new long[WINDOW];
    private int next;
    private long count;
    private long sumNanos;
    private long maxNanos;

    synchronized void record(Duration duration) {
        long nanos = Math.max(0, duration.toNanos());
        latest[next] = nanos;
        next = (next + 1) % WINDOW;
        count++;
        sumNanos += nanos;
        maxNanos = Math.max(maxNanos, nanos);
    }

    synchronized double count() {
        return count;
    }

    synchronized double sum() {
        return sumNanos / NANOS_PER_SECOND;
    }

    synchronized double max() {
        return maxNanos / NANOS_PER_SECOND;
    }

    synchronized double mean() {
        return count == 0 ? 0 : sumNanos / NANOS_PER_SECOND / count;
    }

    /** The {@code q} quantile (0 to 1) of the latest times, by the nearest rank; 0 before any. */
    synchronized double quantile(double q) {
        int kept = (int) Math.min(count, WINDOW);
        if (kept == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(latest, kept);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * kept);
        return sorted[Math.max(0, Math.min(kept, rank) - 1)] / NANOS_PER_SECOND;
    }
}
