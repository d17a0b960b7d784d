package dev.importer.accounts.control;

import dev.importer.platform.Permits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At most LOGIN_MAX_CONCURRENT_CHECKS logins at once on this instance (default: half the
 * cores, at least one): a password check takes a core for some 30 ms, and a flood of
 * logins must not take the CPU from everyone else. A login beyond that waits briefly, then is
 * refused. The bound is per instance on purpose: it guards this instance's cores.
 */
@ApplicationScoped
public class PasswordChecks {

    /** Refused: the instance is busy checking other passwords; try again shortly. */
    public static class TooMany extends RuntimeException {
        TooMany() {
            super("Too many logins at once");
        }
    }

    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(1);

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_CONCURRENT_CHECKS")
    Optional<Integer> configured;

    private Permits permits;

    @PostConstruct
    void size() {
        int halfTheCores = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        permits = new Permits(configured.orElse(halfTheCores), WAIT, TooMany::new);
    }

    /** Runs the login once a permit is free, waiting at most WAIT for one. */
    public <T> T bounded(Supplier<T> login) {
        return permits.run(login);
    }
}
