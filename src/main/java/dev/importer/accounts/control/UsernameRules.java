package dev.importer.accounts.control;

import dev.importer.accounts.entity.UsernameRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The configured {@link UsernameRule}: USERNAME_PATTERN. */
@ApplicationScoped
public class UsernameRules {

    @Inject
    @ConfigProperty(name = "USERNAME_PATTERN", defaultValue = UsernameRule.DEFAULT_PATTERN)
    String pattern;

    /** Dependent: a record cannot be proxied; each bean that injects it keeps its own. */
    @Produces
    UsernameRule configured() {
        return UsernameRule.of(pattern);
    }
}
