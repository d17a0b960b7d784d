package dev.importer.platform.http;

import dev.importer.platform.Permits;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most LARGE_REQUESTS_AT_ONCE requests with a large body (up to MAX_BODY_BYTES, see
 * {@link RequestSizeLimit}) are read and handled at once on this instance: a 16 MiB body of
 * users takes some hundred MiB of heap while it is parsed and staged. The default leaves each
 * a sixteenth of the heap per byte of MAX_BODY_BYTES, at least one. A request beyond that
 * waits briefly, then answers 503 with Retry-After. Per instance on purpose: it guards this
 * instance's heap.
 */
@ApplicationScoped
public class LargeRequests {

    /** Refused: this instance is handling as many large bodies as its heap affords. */
    public static class Busy extends RuntimeException {
        Busy() {
            super("Too many large requests at once");
        }
    }

    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final long HEAP_PER_BODY_BYTE = 16;

    @Inject
    @ConfigProperty(name = "LARGE_REQUESTS_AT_ONCE")
    Optional<Integer> configured;

    @Inject
    @ConfigProperty(name = "MAX_BODY_BYTES", defaultValue = "16777216")
    long maxBodyBytes;

    private Permits permits;

    @PostConstruct
    void size() {
        long affordable = Runtime.getRuntime().maxMemory() / (HEAP_PER_BODY_BYTE * Math.max(1, maxBodyBytes));
        int count = (int) Math.min(Integer.MAX_VALUE, configured.map(Integer::longValue).orElse(affordable));
        permits = new Permits(count, WAIT, Busy::new);
    }

    /** Handles the request once a permit is free, waiting at most WAIT for one. */
    public <T> T bounded(Supplier<T> request) {
        return permits.run(request);
    }
}
