package dev.importer.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A database of this test run's own. Its name is chosen when the run starts and handed to
 * the Payara Micro process Arquillian starts ({@code payara.cmdOptions}); the application
 * creates it, as it would any missing database; the run drops it when it ends.
 * Server and credentials: TEST_DB_HOST_PORT (default 127.0.0.1:5432), DB_USER, DB_PASSWORD.
 */
public final class TestDatabase implements LauncherSessionListener {

    private static final String SERVER = "jdbc:postgresql://"
            + Optional.ofNullable(System.getenv("TEST_DB_HOST_PORT")).orElse("127.0.0.1:5432") + "/";
    private static final String USER = Optional.ofNullable(System.getenv("DB_USER")).orElse("postgres");
    private static final String PASSWORD = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("");
    private static final String NAME = "importer_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        System.setProperty("payara.cmdOptions", "-DDB_URL=" + SERVER + NAME);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + NAME + ": " + e.getMessage());
        }
    }

    /**
     * Takes the database away, as an outage would: its connections are ended and it is
     * renamed, so that reconnecting fails. The pool may reconnect between the two: try again.
     */
    public static void takeAway() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            for (int attempt = 1; ; attempt++) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + NAME + "'");
                try {
                    s.execute("ALTER DATABASE " + NAME + " RENAME TO " + NAME + "_away");
                    return;
                } catch (SQLException stillInUse) {
                    if (attempt == 100) {
                        throw stillInUse;
                    }
                    Thread.sleep(20);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the test database away", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Undoes {@link #takeAway}. */
    public static void bringBack() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + NAME + "_away RENAME TO " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring the test database back", e);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + NAME, USER, PASSWORD);
    }

    /** Runs one statement with positional parameters; answers the update count. */
    public static int execute(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public static Object queryValue(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long count(String sql, Object... parameters) {
        return ((Number) queryValue(sql, parameters)).longValue();
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }
}
