package dev.importer.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The database of this test run: the one DB_URL names, which the build sets for the test JVM
 * and, through its environment, for the server Arquillian starts. The application creates it,
 * as it would any missing database; the run drops it when it ends. Credentials: DB_USER,
 * DB_PASSWORD.
 */
public final class TestDatabase implements LauncherSessionListener {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)(\\w+)");
    private static final Matcher DB_URL = URL.matcher(Optional.ofNullable(System.getenv("DB_URL")).orElse(""));
    private static final String SERVER = DB_URL.matches() ? DB_URL.group(1) : "";
    private static final String NAME = DB_URL.matches() ? DB_URL.group(2) : "";
    private static final String USER = Optional.ofNullable(System.getenv("DB_USER")).orElse("postgres");
    private static final String PASSWORD = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("");

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (NAME.isEmpty()) {
            return; // the unit tests' run: no database
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + NAME + ": " + e.getMessage());
        }
    }

    /** Creates the run's database before the server does, for a test that seeds it first. */
    public static void create() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database", e);
        }
    }

    public static String url() {
        return SERVER + NAME;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
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
