package dev.importer.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: {@code GET /health/ready} where the server has
 * MicroProfile Health. A server without it cannot load this class and leaves it out.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Override
    public HealthCheckResponse call() {
        return database.problem()
                .map(problem -> HealthCheckResponse.named("database").down().withData("error", problem).build())
                .orElseGet(() -> HealthCheckResponse.named("database").up().build());
    }
}
