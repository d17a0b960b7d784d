package dev.importer.accounts.boundary;

import dev.importer.accounts.entity.EmailAddress;
import dev.importer.accounts.entity.UsernameRule;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First start: the administrator named by ADMIN_USERNAME / ADMIN_PASS, if no user exists yet.
 * With ADMIN_RESET=true, at every start: that user's password is reset (see
 * {@link Accounts#resetAdmin}), so that a forgotten administrator password can be recovered
 * by whoever runs the service. Without it these keys never change an existing user.
 */
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
    @ConfigProperty(name = "ADMIN_RESET", defaultValue = "false")
    boolean reset;

    @Inject
    UsernameRule usernameRule;

    @Inject
    Accounts accounts;

    @PostConstruct
    void createFirstAdmin() {
        if (username.isEmpty() || password.isEmpty()) {
            LOG.info("ADMIN_USERNAME / ADMIN_PASS not set: no administrator is created"
                    + (reset ? " and none is reset" : ""));
            return;
        }
        Optional<String> problem = usernameRule.problemWith(username.get())
                .or(() -> email.filter(e -> !EmailAddress.isValid(e)).map(e -> "ADMIN_EMAIL is not an e-mail address"));
        if (problem.isPresent()) {
            LOG.severe("ADMIN_USERNAME / ADMIN_EMAIL refused, no administrator is created or reset: " + problem.get());
            return;
        }
        if (reset) {
            boolean created = accounts.resetAdmin(username.get(), password.get(), email);
            LOG.warning("ADMIN_RESET: administrator '" + username.get() + "' "
                    + (created ? "created" : "reset: new password, active, admin role, every token ended")
                    + ". Remove ADMIN_RESET once you have logged in.");
        } else if (accounts.createFirstAdmin(username.get(), password.get(), email)) {
            LOG.info("Created administrator '" + username.get() + "'");
        }
    }
}
