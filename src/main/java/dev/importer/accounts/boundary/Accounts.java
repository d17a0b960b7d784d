package dev.importer.accounts.boundary;

import dev.importer.accounts.control.LoginMetrics;
import dev.importer.accounts.control.LoginThrottle;
import dev.importer.accounts.control.Passwords;
import dev.importer.accounts.control.UserRepository;
import dev.importer.accounts.entity.AuthToken;
import dev.importer.accounts.entity.LoginBlock;
import dev.importer.accounts.entity.LoginToken;
import dev.importer.accounts.entity.NewUser;
import dev.importer.accounts.entity.Password;
import dev.importer.accounts.entity.PasswordDigest;
import dev.importer.accounts.entity.PasswordHash;
import dev.importer.accounts.entity.User;
import dev.importer.accounts.entity.UserId;
import dev.importer.platform.ApiException;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.JDBCException;

@Stateless
public class Accounts {

    public record Login(User user, AuthToken token) {
    }

    /** PostgreSQL's SQLSTATE for a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext
    EntityManager em;

    @Inject
    UserRepository users;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginMetrics metrics;

    /** The login is refused before its password is checked: too many failures lately. */
    @ApplicationException(rollback = true)
    public static class LoginBlocked extends RuntimeException {
        private final LoginBlock block;

        LoginBlocked(LoginBlock block) {
            super(block.message());
            this.block = block;
        }

        public LoginBlock block() {
            return block;
        }
    }

    /**
     * A new login token for an active user whose password matches; empty otherwise. Failures
     * are counted per user and per client address; a blocked login costs no password check.
     * A hash the service no longer makes (an imported one, an older kind) is replaced by the
     * service's own once it has matched.
     */
    public Optional<Login> login(String usernameOrEmail, Password password, String clientAddress) {
        Optional<User> user = users.findByUsernameOrEmail(usernameOrEmail).filter(User::isActive);
        String userKey = user.map(u -> u.id().value()).orElseGet(() -> unknownUserKey(usernameOrEmail));
        throttle.blockOn(userKey, clientAddress).ifPresent(block -> {
            metrics.blocked();
            throw new LoginBlocked(block);
        });
        Optional<PasswordHash> stored = user.flatMap(User::password);
        if (!passwords.matches(password, stored)) {
            metrics.failed();
            throttle.failed(userKey, clientAddress);
            return Optional.empty();
        }
        throttle.succeeded(userKey, clientAddress);
        if (!passwords.isCurrent(stored.get())) {
            user.get().setPassword(passwords.hash(password.digest()));
        }
        AuthToken token = AuthToken.generate();
        em.persist(LoginToken.forLogin(token, user.get(), Instant.now()));
        return Optional.of(new Login(user.get(), token));
    }

    /** Failures for a name nobody has are counted too, under the name as typed. */
    private static String unknownUserKey(String usernameOrEmail) {
        String name = usernameOrEmail.toLowerCase(Locale.ROOT);
        return "name:" + name.substring(0, Math.min(name.length(), 300));
    }

    public void logout(String hashedToken) {
        em.createQuery("delete from LoginToken t where t.hashedToken = :hashedToken")
                .setParameter("hashedToken", hashedToken)
                .executeUpdate();
    }

    public Optional<User> find(UserId id) {
        return users.find(id.value());
    }

    /** {@code users.create}: refused when the username or an address is taken. */
    public User create(NewUser newUser) {
        if (!users.takenUsernames(List.of(newUser.username())).isEmpty()) {
            throw new ApiException("error-field-unavailable",
                    newUser.username() + " is already in use :(");
        }
        if (!users.takenEmails(newUser.emails()).isEmpty()) {
            throw new ApiException("error-field-unavailable",
                    "Email already exists");
        }
        User user = newUser.toUser(Instant.now());
        try {
            users.add(user);
            em.flush();
        } catch (PersistenceException e) {
            // Another request took the name or the address since the checks above.
            if (isUniqueViolation(e)) {
                throw new ApiException("error-field-unavailable", "Username or email already in use");
            }
            throw e;
        }
        return user;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last active administrator stays active. The active administrators are locked
     * before they are counted, so that two of them deactivating each other at once apply one
     * after the other, and the second finds itself the last.
     */
    public void setActive(String userId, boolean active) {
        List<String> activeAdmins = active ? List.of() : users.lockActiveAdministrators();
        User user = Optional.of(userId).filter(UserId::isWellFormed).flatMap(users::find)
                .orElseThrow(() -> new ApiException("error-invalid-user", "Invalid user"));
        if (!active && activeAdmins.equals(List.of(user.id().value()))) {
            throw new ApiException("error-action-not-allowed", "The last active administrator cannot be deactivated");
        }
        user.setActive(active);
    }

    /**
     * Creates the administrator when no user exists at all. The table lock makes two
     * instances starting together create one administrator, not two.
     */
    public boolean createFirstAdmin(String username, String clearPassword, Optional<String> email) {
        em.createNativeQuery("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        if (users.count() > 0) {
            return false;
        }
        users.add(new NewUser(username, Optional.of("Administrator"), email.stream().toList(), true,
                List.of("admin", "user"), Optional.of(passwords.hash(PasswordDigest.ofClearText(clearPassword))), true)
                .toUser(Instant.now()));
        return true;
    }
}
