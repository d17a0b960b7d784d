package dev.importer.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * At start, before anything else touches the database: create it if it is missing, then
 * apply the versioned migrations in {@code db/migration}. Flyway's lock makes several
 * instances starting at once safe.
 */
@DataSourceDefinition(
        name = DatabaseSettings.DATA_SOURCE,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=" + DatabaseSettings.URL_KEY + ":" + DatabaseSettings.URL_DEFAULT + "}",
        user = "${MPCONFIG=" + DatabaseSettings.USER_KEY + ":" + DatabaseSettings.USER_DEFAULT + "}",
        password = "${MPCONFIG=" + DatabaseSettings.PASSWORD_KEY + ":" + DatabaseSettings.PASSWORD_DEFAULT + "}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // A plan PostgreSQL caches for a prepared statement while a table is still small
        // (a new installation, the first import) scans the whole table once it has grown,
        // until an ANALYZE: the first 10,000-user import took twice as long because of it.
        // JIT compilation is for long analytic queries: an import batch, estimated costly
        // but done in 10 ms, spent 600 ms being compiled, every time.
        // A call that cannot have a connection within 4 s, from a full pool or from a
        // database that does not answer, gets 503 rather than waiting a minute.
        properties = {"options=-c plan_cache_mode=force_custom_plan -c jit=off",
                "fish.payara.max-wait-time-in-millis=4000", "connectTimeout=3", "loginTimeout=4"})
@Startup
@Singleton
public class DatabaseSchema {

    @Resource(lookup = DatabaseSettings.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = DatabaseSettings.URL_KEY, defaultValue = DatabaseSettings.URL_DEFAULT)
    String url;

    @Inject
    @ConfigProperty(name = DatabaseSettings.USER_KEY, defaultValue = DatabaseSettings.USER_DEFAULT)
    String user;

    @Inject
    @ConfigProperty(name = DatabaseSettings.PASSWORD_KEY) // MicroProfile Config reads "" as absent
    Optional<String> password;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        try {
            new PostgresDatabase(url, user, password.orElse(DatabaseSettings.PASSWORD_DEFAULT)).createIfMissing();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach or create the database at " + url, e);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
