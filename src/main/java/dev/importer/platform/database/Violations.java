package dev.importer.platform.database;

import java.sql.SQLException;

/**
 * Which of the database's constraints refused a statement, told by PostgreSQL's SQLSTATE
 * alone: the driver's message holds the refused row's values and is never needed.
 */
public final class Violations {

    private static final String UNIQUE = "23505";
    private static final String FOREIGN_KEY = "23503";

    private Violations() {
    }

    /** A unique constraint or index refused the row: another request took the name first. */
    public static boolean isUnique(Throwable e) {
        return hasState(e, UNIQUE);
    }

    /** A foreign key refused the change: the row refers to, or is referred to by, another. */
    public static boolean isForeignKey(Throwable e) {
        return hasState(e, FOREIGN_KEY);
    }

    private static boolean hasState(Throwable e, String sqlState) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
