package dev.importer.security.control;

import dev.importer.accounts.entity.AuthToken;
import dev.importer.accounts.entity.LoginToken;
import dev.importer.accounts.entity.User;
import dev.importer.accounts.entity.UserId;
import dev.importer.security.entity.Caller;
import dev.importer.security.entity.Permission;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checks a user id and token against the database on every request: no session, no cache. */
@Stateless
public class Authenticator {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "LOGIN_EXPIRATION_DAYS", defaultValue = "90")
    int loginExpirationDays;

    /** Empty whatever is wrong, so that callers cannot tell which part was. */
    public Optional<Caller> authenticate(String userId, String token) {
        if (!UserId.isWellFormed(userId) || token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hashedToken = new AuthToken(token).hashed();
        return em.createQuery("""
                        select t from LoginToken t join fetch t.user u
                        where t.hashedToken = :hashedToken and u.id = :userId and u.active = true""",
                        LoginToken.class)
                .setParameter("hashedToken", hashedToken)
                .setParameter("userId", userId)
                .getResultStream()
                .filter(t -> !t.isExpired(Instant.now(), Duration.ofDays(loginExpirationDays)))
                .findFirst()
                .map(t -> callerOf(t.user(), hashedToken));
    }

    public boolean permits(Caller caller, String permissionId) {
        Permission permission = em.find(Permission.class, permissionId);
        return permission != null && permission.isHeldByAnyOf(caller.roles());
    }

    private static Caller callerOf(User user, String hashedToken) {
        return new Caller(user.id(), user.username(), user.roles(), hashedToken);
    }
}
