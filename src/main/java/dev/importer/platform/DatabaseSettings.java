package dev.importer.platform;

/**
 * The database connection keys and their defaults. The data source reads them through
 * {@code ${MPCONFIG=KEY:default}}; code that needs them too reads the same constants.
 */
public final class DatabaseSettings {

    public static final String URL_KEY = "DB_URL";
    public static final String URL_DEFAULT = "jdbc:postgresql://localhost:5432/importer";
    public static final String USER_KEY = "DB_USER";
    public static final String USER_DEFAULT = "postgres";
    public static final String PASSWORD_KEY = "DB_PASSWORD";
    public static final String PASSWORD_DEFAULT = "";

    public static final String DATA_SOURCE = "java:app/jdbc/importer";

    private DatabaseSettings() {
    }
}
