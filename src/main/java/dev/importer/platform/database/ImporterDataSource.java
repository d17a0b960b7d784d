package dev.importer.platform.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The data source the persistence unit and the schema use, {@value DatabaseSettings#DATA_SOURCE},
 * pooled by the server and connecting where {@link DatabaseSettings} says (through
 * {@link ConfiguredDataSource}). Declared on a session bean of its own, since every server
 * reads {@code @DataSourceDefinition} on its components; the bean itself does nothing.
 */
// fish.payara.*: Payara's pool waits CONNECTION_WAIT_MILLIS too (its default is a minute);
// other servers ignore it. Hibernate's own bound: BoundedConnectionProvider (package-info).
// applicationName: WildFly refuses a data source class without a single property.
@DataSourceDefinition(
        name = DatabaseSettings.DATA_SOURCE,
        className = "dev.importer.platform.database.ConfiguredDataSource",
        minPoolSize = 2,
        maxPoolSize = DatabaseSettings.MAX_POOL_SIZE,
        properties = {"fish.payara.max-wait-time-in-millis=" + DatabaseSettings.CONNECTION_WAIT_MILLIS,
                "applicationName=" + DatabaseSettings.APPLICATION_NAME})
@Singleton
public class ImporterDataSource {
}
