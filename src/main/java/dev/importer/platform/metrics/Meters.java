package dev.importer.platform.metrics;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Where the application's figures go: the server's MicroProfile Metrics ({@code /metrics}),
 * or nowhere on a server that has none. Inject it; {@link MetersProducer} makes the choice.
 */
public interface Meters {

    Counter counter(String name, String description, Tag... tags);

    /** A timer in seconds. */
    Timer timer(String name, String description);

    void gauge(String name, String description, DoubleSupplier value);

    record Tag(String name, String value) {
    }

    interface Counter {
        void inc(long amount);

        default void inc() {
            inc(1);
        }
    }

    interface Timer {
        void record(Duration duration);

        /** Starts timing; closing the answer records the time since. */
        default Timing time() {
            long start = System.nanoTime();
            return () -> record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    interface Timing extends AutoCloseable {
        @Override
        void close();
    }
}
