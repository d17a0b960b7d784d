package dev.importer.accounts.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** First start: the administrator named by ADMIN_USERNAME / ADMIN_PASS, if no user exists yet. */
@Startup
@Singleton
@DependsOn("DatabaseSchema")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "ADMIN_USERNAME")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "ADMIN_PASS")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "ADMIN_EMAIL")
    Optional<String> email;

    @Inject
    Accounts accounts;

    @PostConstruct
    void createFirstAdmin() {
        if (username.isEmpty() || password.isEmpty()) {
            LOG.info("ADMIN_USERNAME / ADMIN_PASS not set: no administrator is created");
            return;
        }
        if (accounts.createFirstAdmin(username.get(), password.get(), email)) {
            LOG.info("Created administrator '" + username.get() + "'");
        }
    }
}
