package dev.importer.accounts.control;

import dev.importer.platform.metrics.Meters;
import dev.importer.platform.metrics.Meters.Counter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** This instance's login figures, on {@code /metrics} where the server has MicroProfile Metrics. */
@ApplicationScoped
public class LoginMetrics {

    @Inject
    Meters meters;

    private Counter failed;
    private Counter blocked;

    @PostConstruct
    void register() {
        failed = meters.counter("importer.logins.failed", "Logins refused for a wrong name or password");
        blocked = meters.counter("importer.logins.blocked",
                "Logins refused unchecked: too many failures of the user or the address");
    }

    /**
     * Makes the figures exist from the start, at 0, rather than from their first use: CDI
     * creates the bean to deliver the event, and {@link #register} runs.
     */
    void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    }

    public void failed() {
        failed.inc();
    }

    public void blocked() {
        blocked.inc();
    }
}
