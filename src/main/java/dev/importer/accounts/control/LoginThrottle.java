package dev.importer.accounts.control;

import dev.importer.accounts.entity.LoginBlock;
import dev.importer.platform.database.NamedSql;
import dev.importer.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Blocks logins after too many failures, per user and per client address, with the counts
 * in the database: every instance sees the same. Joins the caller's transaction.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final String USER = "user";
    private static final String ADDRESS = "address";

    private static final NamedSql BLOCKED = NamedSql.of("""
            SELECT kind FROM login_failures
            WHERE ((kind = 'address' AND key = :address) OR (kind = 'user' AND key = :user))
              AND blocked_until > now()""");

    /** One more failure; the one that reaches the limit blocks the key and starts it over. */
    private static final NamedSql FAILED = NamedSql.of("""
            INSERT INTO login_failures AS f (kind, key, failures, blocked_until)
            VALUES (:kind, :key, 1, CASE WHEN :limit <= 1 THEN now() + :seconds * interval '1 second' END)
            ON CONFLICT (kind, key) DO UPDATE SET
                failures = CASE WHEN f.failures + 1 >= :limit THEN 0 ELSE f.failures + 1 END,
                blocked_until = CASE WHEN f.failures + 1 >= :limit THEN now() + :seconds * interval '1 second'
                                     ELSE f.blocked_until END""");

    private static final NamedSql SUCCEEDED = NamedSql.of("""
            DELETE FROM login_failures
            WHERE (kind = 'address' AND key = :address) OR (kind = 'user' AND key = :user)""");

    private static final NamedSql FORGIVEN = NamedSql.of(
            "DELETE FROM login_failures WHERE kind = 'user' AND key = :user");

    @Inject
    Sql sql;

    @Inject
    @ConfigProperty(name = "LOGIN_BLOCK_ENABLED", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "LOGIN_BLOCK_USER_ATTEMPTS", defaultValue = "10")
    int userAttempts;

    @Inject
    @ConfigProperty(name = "LOGIN_BLOCK_USER_SECONDS", defaultValue = "300")
    int userSeconds;

    @Inject
    @ConfigProperty(name = "LOGIN_BLOCK_IP_ATTEMPTS", defaultValue = "50")
    int addressAttempts;

    @Inject
    @ConfigProperty(name = "LOGIN_BLOCK_IP_SECONDS", defaultValue = "300")
    int addressSeconds;

    /** The block in force for this user or this address, the address's first. */
    public Optional<LoginBlock> blockOn(String user, String address) {
        if (!enabled) {
            return Optional.empty();
        }
        var kinds = sql.query(BLOCKED, Map.of("user", user, "address", address), row -> row.getString(1));
        if (kinds.contains(ADDRESS)) {
            return Optional.of(LoginBlock.FOR_ADDRESS);
        }
        return kinds.isEmpty() ? Optional.empty() : Optional.of(LoginBlock.FOR_USER);
    }

    public void failed(String user, String address) {
        if (enabled) {
            sql.update(FAILED, Map.of("kind", USER, "key", user, "limit", userAttempts, "seconds", userSeconds));
            sql.update(FAILED, Map.of("kind", ADDRESS, "key", address, "limit", addressAttempts,
                    "seconds", addressSeconds));
        }
    }

    public void succeeded(String user, String address) {
        if (enabled) {
            sql.update(SUCCEEDED, Map.of("user", user, "address", address));
        }
    }

    /** The user's failures are forgotten and its block lifted (an administrator's reset). */
    public void forgive(String user) {
        sql.update(FORGIVEN, Map.of("user", user));
    }
}
