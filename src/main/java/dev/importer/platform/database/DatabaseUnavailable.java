package dev.importer.platform.database;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.util.List;

/** Recognizes, among an exception's causes, that the database could not be reached, or did not answer in time. */
public final class DatabaseUnavailable {

    /**
     * SQLSTATEs that say so: connection exceptions (08), the server shutting down or not yet
     * accepting connections (57P), no such database (3D000), too many connections (53300), a
     * statement over its bound (57014, {@link StatementBounds}) or a lock not had in time (55P03).
     */
    private static final List<String> STATES = List.of("08", "57P", "3D000", "53300", "57014", "55P03");

    private DatabaseUnavailable() {
    }

    public static boolean isCauseOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && hasUnavailableState(sql)) {
                return true;
            }
            if (cause instanceof ResourceException) { // the connection pool could not allocate a connection
                return true;
            }
        }
        return false;
    }

    private static boolean hasUnavailableState(SQLException e) {
        String state = e.getSQLState();
        return state != null && STATES.stream().anyMatch(state::startsWith);
    }
}
