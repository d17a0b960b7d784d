package dev.importer.it;

import dev.importer.launcher.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * as it would any missing database; the run drops it when it ends. Credentials: DB_USER, and
 * DB_PASSWORD when set. When nothing answers where DB_URL points (a machine without
 * PostgreSQL), the run starts a throwaway one there ({@link LocalPostgres}), with a password
 * of its own. Either way the password is written to DB_PASSWORD_FILE, from which the server
 * reads it.
 */
public final class TestDatabase implements LauncherSessionListener {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:]+):(\\d+)/(\\w+)");
    private static final Matcher DB_URL = URL.matcher(Optional.ofNullable(System.getenv("DB_URL")).orElse(""));
    private static final String HOST = DB_URL.matches() ? DB_URL.group(1) : "";
    private static final int PORT = DB_URL.matches() ? Integer.parseInt(DB_URL.group(2)) : 0;
    private static final String SERVER = "jdbc:postgresql://" + HOST + ":" + PORT + "/";
    private static final String NAME = DB_URL.matches() ? DB_URL.group(3) : "";
    private static final String USER = Optional.ofNullable(System.getenv("DB_USER")).orElse(LocalPostgres.USER);
    private static final Path PASSWORD_FILE = Path.of(Optional.ofNullable(System.getenv("DB_PASSWORD_FILE"))
            .orElse("target/it-database/password"));
    private static final Path THROWAWAY = Path.of(System.getProperty("it.database.folder", "target/it-database/postgres"));

    private static String password = Optional.ofNullable(System.getenv("DB_PASSWORD")).orElse("");
    private static LocalPostgres throwaway;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (NAME.isEmpty()) {
            return; // the unit tests' run: no database
        }
        try {
            if (!LocalPostgres.answers(HOST, PORT)) {
                if (!HOST.equals("127.0.0.1") && !HOST.equals("localhost")) {
                    throw new IllegalStateException("Nothing answers at " + HOST + ":" + PORT + " (DB_URL)");
                }
                System.out.println("Nothing answers at " + HOST + ":" + PORT + ": the tests start a PostgreSQL of their own there");
                throwaway = LocalPostgres.startThrowaway(THROWAWAY, PORT);
                password = throwaway.password();
            }
            Files.createDirectories(PASSWORD_FILE.getParent());
            Files.deleteIfExists(PASSWORD_FILE);
            Files.createFile(PASSWORD_FILE, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(PASSWORD_FILE, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the test database", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (NAME.isEmpty()) {
            return;
        }
        if (throwaway != null) {
            throwaway.close();
            return;
        }
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, password);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + NAME + ": " + e.getMessage());
        }
    }

    /** Creates the run's database before the server does, for a test that seeds it first. */
    public static void create() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, password);
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
        return password;
    }

    /**
     * Takes the database away, as an outage would: its connections are ended and it is
     * renamed, so that reconnecting fails. The pool may reconnect between the two: try again.
     */
    public static void takeAway() {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, password);
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
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, password);
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + NAME + "_away RENAME TO " + NAME);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring the test database back", e);
        }
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + NAME, USER, password);
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
