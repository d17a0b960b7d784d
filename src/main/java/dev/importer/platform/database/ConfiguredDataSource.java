package dev.importer.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source the server pools, connecting where {@link DatabaseSettings} says.
 * {@code @DataSourceDefinition} cannot carry the configuration itself: each server has its
 * own placeholder syntax, or none. The server still sets the location properties the
 * annotation defaults (serverName "localhost", ...) through the inherited setters; they are
 * not used. Its connections renew themselves after an outage ({@link RenewingConnection}).
 */
public class ConfiguredDataSource extends PGSimpleDataSource {

    private final transient PGSimpleDataSource configured =
            DatabaseSettings.fromConfig().configure(new PGSimpleDataSource());

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return RenewingConnection.of(configured);
    }
}
