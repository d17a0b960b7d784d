package dev.importer.platform.database;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.hibernate.JDBCException;

/**
 * An exception as it may be logged: each exception of the chain by its class, and its
 * SQLState when it has one, with its stack trace, but no message. Messages cannot be trusted
 * to hold no secret: the database's carry the failed row's values (a password, a hash), and
 * Hibernate's and the server's repeat them, with the statement.
 */
public final class Redacted extends RuntimeException {

    private static final int MAX_CAUSES = 32;

    private Redacted(String description, StackTraceElement[] stackTrace, Redacted cause) {
        super(description, cause, false, true);
        setStackTrace(stackTrace);
    }

    /** The redacted copy of the exception and its causes. */
    public static Throwable of(Throwable e) {
        return copy(e, new IdentityHashMap<>(), 0);
    }

    private static Redacted copy(Throwable e, Map<Throwable, Boolean> seen, int depth) {
        seen.put(e, true);
        Throwable cause = e.getCause();
        Redacted redactedCause = cause != null && !seen.containsKey(cause) && depth < MAX_CAUSES
                ? copy(cause, seen, depth + 1)
                : null;
        return new Redacted(describe(e), e.getStackTrace(), redactedCause);
    }

    /** The chain on one line, outermost first: each exception's class and SQLState, no message. */
    public static String chain(Throwable e) {
        StringJoiner chain = new StringJoiner(" <- ");
        for (Throwable cause = of(e); cause != null; cause = cause.getCause()) {
            chain.add(cause.toString());
        }
        return chain.toString();
    }

    private static String describe(Throwable e) {
        String state = e instanceof SQLException sql ? sql.getSQLState()
                : e instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
        return e.getClass().getName() + (state == null ? "" : " [SQLState " + state + "]");
    }

    /** The class and SQLState alone, as printed in a stack trace. */
    @Override
    public String toString() {
        return getMessage();
    }
}
