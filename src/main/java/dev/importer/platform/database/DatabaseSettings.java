package dev.importer.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;

/**
 * Where the database is and who logs in: DB_URL, DB_USER and DB_PASSWORD, read from
 * MicroProfile Config (environment variables, system properties) on every server.
 * DB_PASSWORD_FILE, when set, names a file that holds the password instead (its first line),
 * so that the password stays out of the process's environment: {@code ./run.sh} keeps the
 * embedded database's password so.
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String DATA_SOURCE = "java:app/jdbc/importer";
    /** Connections the server's pool opens at most. */
    static final int MAX_POOL_SIZE = 32;
    /** How long a call waits for a connection before it answers 503. */
    static final int CONNECTION_WAIT_MILLIS = 4_000;
    /** How the service's connections are named in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "importer";

    private static final String URL_DEFAULT = "jdbc:postgresql://localhost:5432/importer";
    private static final String USER_DEFAULT = "postgres";

    /**
     * A connection of its own, outside the pool and any transaction: for a JVM shutdown hook,
     * which runs while the server takes its pools down. The driver is called directly, as
     * DriverManager does not see drivers inside a WAR.
     */
    public java.sql.Connection connectDirectly() throws java.sql.SQLException {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        credentials.setProperty("ApplicationName", APPLICATION_NAME);
        return new org.postgresql.Driver().connect(url, credentials);
    }

    public static DatabaseSettings fromConfig() {
        Config config = ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader());
        return new DatabaseSettings(
                config.getOptionalValue("DB_URL", String.class).orElse(URL_DEFAULT),
                config.getOptionalValue("DB_USER", String.class).orElse(USER_DEFAULT),
                config.getOptionalValue("DB_PASSWORD_FILE", String.class).map(DatabaseSettings::passwordIn)
                        // MicroProfile Config reads "" as absent
                        .orElseGet(() -> config.getOptionalValue("DB_PASSWORD", String.class).orElse("")));
    }

    private static String passwordIn(String file) {
        try (Stream<String> lines = Files.lines(Path.of(file))) {
            return lines.findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Cannot read the database password from DB_PASSWORD_FILE " + file, e);
        }
    }

    /** Without the password, which a record's own toString would show. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }

    /**
     * The settings of every connection that the planner contract
     * ({@code src/main/resources/sql/PLANNER-CONTRACT.md}) asks for: custom plans (a generic
     * plan cached while a table was small scans it once it has grown) and no JIT compilation
     * (600 ms to compile a 10 ms batch). A database that does not answer costs a caller at
     * most a few seconds to find out.
     */
    <T extends BaseDataSource> T configure(T dataSource) {
        return configure(dataSource, StatementBounds.ORDINARY);
    }

    /**
     * The same for the schema's migrations, whose work grows with the data: no statement bound.
     * Their connections are their own, not the pool's, so that no pooled connection keeps
     * what a migration set on its session.
     */
    PGSimpleDataSource forMigrations() {
        return configure(new PGSimpleDataSource(), Duration.ZERO);
    }

    private <T extends BaseDataSource> T configure(T dataSource, Duration statementBound) {
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setApplicationName(APPLICATION_NAME);
        dataSource.setOptions("-c jit=off -c statement_timeout=" + statementBound.toMillis());
        // Every statement planned for its own parameters (PLANNER-CONTRACT.md): never a named
        // server-side statement, whose generic plan could outlive the table sizes it was made for.
        dataSource.setPrepareThreshold(0);
        // The server's error detail holds the failed row's values: never in an exception message.
        dataSource.setLogServerErrorDetail(false);
        dataSource.setConnectTimeout(3);
        dataSource.setLoginTimeout(4);
        return dataSource;
    }
}
