package dev.importer.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * At start, before anything else touches the database: create it if it is missing, then
 * apply the versioned migrations in {@code db/migration}. Flyway's lock makes several
 * instances starting at once safe.
 */
// fish.payara.*: Payara's pool waits at most 4 s for a connection (its default is a minute),
// so that a call finding the pool exhausted gets 503 soon. Other servers ignore it.
// applicationName: WildFly refuses a data source class without a single property.
@DataSourceDefinition(
        name = DatabaseSettings.DATA_SOURCE,
        className = "dev.importer.platform.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.max-wait-time-in-millis=4000", "applicationName=" + DatabaseSettings.APPLICATION_NAME})
@Startup
@Singleton
public class DatabaseSchema {

    @Resource(lookup = DatabaseSettings.DATA_SOURCE)
    DataSource dataSource;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        DatabaseSettings settings = DatabaseSettings.fromConfig();
        try {
            new PostgresDatabase(settings.url(), settings.user(), settings.password()).createIfMissing();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach or create the database at " + settings.url(), e);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
