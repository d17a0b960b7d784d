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
// Hibernate's connections wait at most CONNECTION_WAIT_MILLIS on every server
// (BoundedConnectionProvider). fish.payara.*: Payara's pool waits as long for the others
// (its default is a minute); other servers ignore it.
// applicationName: WildFly refuses a data source class without a single property.
@DataSourceDefinition(
        name = DatabaseSettings.DATA_SOURCE,
        className = "dev.importer.platform.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = DatabaseSettings.MAX_POOL_SIZE,
        properties = {"fish.payara.max-wait-time-in-millis=" + DatabaseSettings.CONNECTION_WAIT_MILLIS,
                "applicationName=" + DatabaseSettings.APPLICATION_NAME})
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
