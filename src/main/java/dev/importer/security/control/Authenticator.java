package dev.importer.security.control;

import dev.importer.identity.AuthToken;
import dev.importer.identity.UserId;
import dev.importer.platform.database.NamedSql;
import dev.importer.platform.database.Sql;
import dev.importer.security.entity.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a user id and token against the database on every request: no session, no cache.
 * One query answers everything a request needs: whether the token is the user's and still
 * valid, the user active, their roles, and whether one of them holds the permission.
 */
@Stateless
public class Authenticator {

    /** What the database says of a caller: who, and whether they may do what they ask. */
    public record Admission(Caller caller, boolean permitted) {
    }

    private static final NamedSql ADMISSION = NamedSql.of("""
            SELECT u.username,
                   ARRAY(SELECT role FROM user_roles WHERE user_id = u.id) AS roles,
                   :permission = '' OR EXISTS (
                       SELECT 1 FROM permission_roles p JOIN user_roles r ON r.role = p.role
                       WHERE r.user_id = u.id AND p.permission_id = :permission) AS permitted
            FROM login_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.hashed_token = :hashedToken AND u.id = :userId AND u.active
              AND (t.kind = 'PERSONAL' OR t.created_at > now() - :loginDays * interval '1 day')""");

    @Inject
    Sql sql;

    @Inject
    @ConfigProperty(name = "LOGIN_EXPIRATION_DAYS", defaultValue = "90")
    int loginExpirationDays;

    /**
     * Empty whatever is wrong with the credentials, so that callers cannot tell which part
     * was. {@code permission} is the one the request needs; empty: none.
     */
    public Optional<Admission> admit(String userId, String token, String permission) {
        if (!UserId.isWellFormed(userId) || token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hashedToken = new AuthToken(token).hashed();
        return sql.query(ADMISSION, Map.of("hashedToken", hashedToken, "userId", userId,
                        "permission", permission, "loginDays", loginExpirationDays),
                row -> new Admission(
                        new Caller(new UserId(userId), row.getString(1), roles(row.getArray(2)), hashedToken),
                        row.getBoolean(3)))
                .stream().findFirst();
    }

    private static Set<String> roles(Array roles) throws SQLException {
        return Set.of((String[]) roles.getArray());
    }
}
