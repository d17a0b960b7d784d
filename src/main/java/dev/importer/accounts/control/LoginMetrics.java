package dev.importer.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** This instance's login figures on {@code /metrics} (application scope). */
@ApplicationScoped
public class LoginMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private Counter failed;
    private Counter blocked;

    @PostConstruct
    void register() {
        failed = registry.counter(Metadata.builder().withName("importer.logins.failed")
                .withDescription("Logins refused for a wrong name or password").build());
        blocked = registry.counter(Metadata.builder().withName("importer.logins.blocked")
                .withDescription("Logins refused unchecked: too many failures of the user or the address").build());
    }

    public void failed() {
        failed.inc();
    }

    public void blocked() {
        blocked.inc();
    }
}
