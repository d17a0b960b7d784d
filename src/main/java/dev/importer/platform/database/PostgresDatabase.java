package dev.importer.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates the configured PostgreSQL database when it does not exist yet. */
final class PostgresDatabase {

    private static final Logger LOG = Logger.getLogger(PostgresDatabase.class.getName());
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]*/)([^?/]+)(\\?.*)?");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String INVALID_CATALOG_NAME = "3D000";

    private final String url;
    private final Properties credentials = new Properties();

    PostgresDatabase(String url, String user, String password) {
        this.url = url;
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
    }

    /** The database a JDBC URL names, and the URL of the server's maintenance database. */
    record Location(String name, String maintenanceUrl) {
        static Location of(String jdbcUrl) {
            Matcher m = URL.matcher(jdbcUrl);
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a jdbc:postgresql://host[:port]/database URL: " + jdbcUrl);
            }
            String parameters = m.group(3) == null ? "" : m.group(3);
            return new Location(m.group(2), m.group(1) + "postgres" + parameters);
        }
    }

    void createIfMissing() throws SQLException {
        if (exists()) {
            return;
        }
        Location location = Location.of(url);
        try (Connection c = connect(location.maintenanceUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + location.name().replace("\"", "\"\"") + "\"");
            LOG.info("Created database " + location.name());
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private boolean exists() throws SQLException {
        try (Connection ignored = connect(url)) {
            return true;
        } catch (SQLException e) {
            if (INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    // The driver is called directly: DriverManager does not see drivers inside a WAR.
    private Connection connect(String jdbcUrl) throws SQLException {
        return new org.postgresql.Driver().connect(jdbcUrl, credentials);
    }
}
