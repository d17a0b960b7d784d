package dev.importer.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * How long the database may work on one statement before it gives up (SQLState 57014) and the
 * call answers 503 with Retry-After. Every connection starts with {@link #ORDINARY}
 * ({@link DatabaseSettings}), so that a locked table or a stuck database costs a caller
 * seconds, not minutes; work that grows with the staged data sets a bound of its own for the
 * rest of its transaction.
 */
@ApplicationScoped
public class StatementBounds {

    /** A request's statements, unless the request is one of those below. */
    public static final Duration ORDINARY = Duration.ofSeconds(5);
    /** The wait for the import lock: behind a running batch and the calls queued before. */
    public static final Duration IMPORT_LOCK_WAIT = Duration.ofSeconds(30);
    /** {@code import.addUsers}: COPY of up to IMPORT_MAX_USERS_PER_REQUEST users. */
    public static final Duration STAGING = Duration.ofSeconds(30);
    /** {@code import.validate}: a pass over every staged user. */
    public static final Duration DRY_RUN = Duration.ofMinutes(2);
    /** A running import's steps (the first judges every staged user) and the dropping of cleared rows. */
    public static final Duration BACKGROUND = Duration.ofMinutes(10);

    private static final NamedSql BOUND = NamedSql.of("SELECT set_config('statement_timeout', :millis, true)");

    @Inject
    Sql sql;

    /** Bounds each later statement of the current transaction by {@code bound}. */
    public void forTransaction(Duration bound) {
        sql.query(BOUND, Map.of("millis", Long.toString(bound.toMillis())), row -> row.getString(1));
    }
}
