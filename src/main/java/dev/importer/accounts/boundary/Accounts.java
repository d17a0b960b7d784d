package dev.importer.accounts.boundary;

import dev.importer.accounts.control.LoginMetrics;
import dev.importer.accounts.control.PasswordCheck;
import dev.importer.accounts.control.LoginThrottle;
import dev.importer.accounts.control.Passwords;
import dev.importer.accounts.control.UserRepository;
import dev.importer.identity.AuthToken;
import dev.importer.accounts.entity.LoginBlock;
import dev.importer.accounts.entity.LoginToken;
import dev.importer.accounts.entity.NewUser;
import dev.importer.accounts.entity.PasswordDigest;
import dev.importer.accounts.entity.PasswordHash;
import dev.importer.accounts.entity.User;
import dev.importer.accounts.entity.UserChanges;
import dev.importer.identity.UserId;
import dev.importer.platform.database.Violations;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.Paging;
import dev.importer.security.boundary.Permissions;
import dev.importer.security.control.RoleGrants;
import dev.importer.security.entity.Permission;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@Stateless
public class Accounts {

    public record Login(User user, AuthToken token) {
    }

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

    @Inject
    RoleGrants roleGrants;

    @Inject
    Permissions permissions;

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
     * A login whose password is to be checked: the active user it names, if any, with the
     * stored hash, and the key its failures count under.
     */
    public record LoginAttempt(String userKey, Optional<UserId> user, Optional<PasswordHash> stored) {
    }

    /**
     * The first half of a login, in a transaction of its own: whom it names, and whether it
     * is blocked. The password is then checked outside any transaction ({@link #completeLogin}),
     * so that a login waiting for the database holds no password-check slot, and a login
     * waiting for a slot holds no connection. A blocked login costs no password check.
     */
    public LoginAttempt beginLogin(String usernameOrEmail, String clientAddress) {
        Optional<User> user = users.findByUsernameOrEmail(usernameOrEmail).filter(User::isActive);
        String userKey = user.map(u -> u.id().value()).orElseGet(() -> unknownUserKey(usernameOrEmail));
        throttle.blockOn(userKey, clientAddress).ifPresent(block -> {
            metrics.blocked();
            throw new LoginBlocked(block);
        });
        return new LoginAttempt(userKey, user.map(User::id), user.flatMap(User::password));
    }

    /**
     * The second half: counts a failure, or makes the login token. A hash the service no
     * longer makes (an imported one, an older kind) is replaced by the one the check made.
     * A password changed, or a user deactivated, since the first half is a failed login.
     */
    public Optional<Login> completeLogin(LoginAttempt attempt, PasswordCheck check, String clientAddress) {
        Optional<User> user = attempt.user().flatMap(id -> users.find(id.value()))
                .filter(User::isActive)
                .filter(u -> sameHash(u.password(), attempt.stored()));
        if (!check.matches() || user.isEmpty()) {
            metrics.failed();
            throttle.failed(attempt.userKey(), clientAddress);
            return Optional.empty();
        }
        throttle.succeeded(attempt.userKey(), clientAddress);
        check.upgrade().ifPresent(user.get()::setPassword);
        AuthToken token = AuthToken.generate();
        em.persist(LoginToken.forLogin(token, user.get(), Instant.now()));
        return Optional.of(new Login(user.get(), token));
    }

    private static boolean sameHash(Optional<PasswordHash> now, Optional<PasswordHash> checked) {
        return now.map(PasswordHash::encoded).equals(checked.map(PasswordHash::encoded));
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

    /** {@code users.list}: a page of the users whose username, name or an address starts with the query. */
    public UserRepository.Page list(Optional<String> query, Paging page) {
        return users.list(query, page.offset(), page.count());
    }

    /** The user a request names; 400 {@code error-invalid-user} when there is none. */
    public User find(UserLookup who) {
        return who.find(users);
    }

    /**
     * {@code users.create}: refused when the caller may not give the roles, or when the
     * username (in any letter case) or an address is taken; the password is hashed only then.
     */
    public User create(NewUser newUser, PasswordDigest password, UserId caller) {
        roleGrants.requireMayGrant(caller, newUser.roles());
        if (users.usernameTaken(newUser.username())) {
            throw new ApiException("error-field-unavailable",
                    newUser.username() + " is already in use :(");
        }
        if (!users.takenEmails(newUser.emails()).isEmpty()) {
            throw new ApiException("error-field-unavailable",
                    "Email already exists");
        }
        User user = newUser.toUser(Instant.now());
        user.setPassword(passwords.hash(password));
        users.add(user);
        flushUnique();
        return user;
    }

    /**
     * {@code users.update} by a holder of edit-other-user-info: refused for a user holding a
     * role the caller could not give, as {@link #delete} is. A new password takes
     * edit-other-user-password (for another user) and ends every token of the user;
     * {@code active} takes edit-other-user-active-status; roles added or taken away must be
     * the caller's to give. The last active administrator stays active and keeps {@code admin},
     * somebody active keeps access-permissions, and a username or address stays unique.
     */
    public User update(UserId caller, String userId, UserChanges changes) {
        List<String> activeAdmins = changes.mayReduceAuthority() ? users.lockAndReadActiveAdministrators() : List.of();
        User user = Optional.of(userId).filter(UserId::isWellFormed).flatMap(users::find)
                .orElseThrow(() -> new ApiException("error-invalid-user", "Invalid user"));
        roleGrants.requireMayGrant(caller, user.roles(), "change a user with the roles");
        boolean lastAdmin = activeAdmins.equals(List.of(user.id().value()));
        changes.active().ifPresent(active -> {
            requirePermission(caller, Permission.EDIT_OTHER_USER_ACTIVE_STATUS);
            if (!active && lastAdmin) {
                throw new ApiException("error-action-not-allowed", "The last active administrator cannot be deactivated");
            }
            user.setActive(active);
        });
        changes.roles().ifPresent(roles -> changeRoles(caller, user, Set.copyOf(roles), lastAdmin));
        changes.username().filter(name -> !name.equals(user.username())).ifPresent(name -> {
            if (!name.equalsIgnoreCase(user.username()) && users.usernameTaken(name)) {
                throw new ApiException("error-field-unavailable", name + " is already in use :(");
            }
            user.setUsername(name);
        });
        changes.email().ifPresent(address -> {
            if (!users.takenEmails(List.of(address)).isEmpty() && !user.hasEmail(address)) {
                throw new ApiException("error-field-unavailable", "Email already exists");
            }
            user.replaceEmails(address);
        });
        changes.name().ifPresent(user::setName);
        changes.bio().ifPresent(user::setBio);
        changes.statusText().ifPresent(user::setStatusText);
        changes.customFields().ifPresent(user::mergeCustomFields);
        changes.password().ifPresent(password -> {
            if (!user.id().equals(caller)) {
                requirePermission(caller, Permission.EDIT_OTHER_USER_PASSWORD);
            }
            user.setPassword(passwords.hash(password));
        });
        flushUnique();
        if (changes.password().isPresent()) {
            endTokens(user.id());
        }
        if (changes.mayReduceAuthority()) {
            permissions.requireActiveHolderOfAccessPermissions();
        }
        return user;
    }

    private void changeRoles(UserId caller, User user, Set<String> roles, boolean lastAdmin) {
        permissions.requireExistingRoles(roles);
        Set<String> added = new HashSet<>(roles);
        added.removeAll(user.roles());
        Set<String> removed = new HashSet<>(user.roles());
        removed.removeAll(roles);
        roleGrants.requireMayGrant(caller, added);
        roleGrants.requireMayGrant(caller, removed, "take away the roles");
        if (lastAdmin && removed.contains(RoleGrants.ADMIN_ROLE)) {
            throw new ApiException("error-admin-required", "You need to have at least one admin");
        }
        user.setRoles(roles);
    }

    private void requirePermission(UserId caller, String permission) {
        if (!permissions.holds(caller, permission)) {
            throw ApiException.forbidden("error-unauthorized",
                    "User does not have the permissions required for this action");
        }
    }

    /** Another request took the name or the address since they were checked. */
    private void flushUnique() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Violations.isUnique(e)) {
                throw new ApiException("error-field-unavailable", "Username or email already in use");
            }
            throw e;
        }
    }

    /**
     * The last active administrator stays active, and so does the last active holder of
     * access-permissions. The active administrators are locked before they are counted, so
     * that two of them deactivating each other at once apply one after the other, and the
     * second finds itself the last.
     */
    public void setActive(String userId, boolean active) {
        List<String> activeAdmins = active ? List.of() : users.lockActiveAdministrators();
        User user = Optional.of(userId).filter(UserId::isWellFormed).flatMap(users::find)
                .orElseThrow(() -> new ApiException("error-invalid-user", "Invalid user"));
        if (!active && activeAdmins.equals(List.of(user.id().value()))) {
            throw new ApiException("error-action-not-allowed", "The last active administrator cannot be deactivated");
        }
        user.setActive(active);
        if (!active) {
            em.flush();
            permissions.requireActiveHolderOfAccessPermissions();
        }
    }

    /**
     * {@code users.delete}: the user's tokens, addresses and roles go with it (the foreign keys
     * cascade). Refused for a user holding a role the caller could not give, for the last
     * active administrator (the administrators are locked first, as in {@link #setActive}),
     * and when nobody active would hold access-permissions any more.
     */
    public void delete(UserId caller, UserLookup who) {
        List<String> activeAdmins = users.lockAndReadActiveAdministrators();
        User user = who.find(users);
        roleGrants.requireMayGrant(caller, user.roles(), "delete a user with the roles");
        if (activeAdmins.equals(List.of(user.id().value()))) {
            throw new ApiException("error-action-not-allowed", "Leaving the app without admins is not allowed");
        }
        em.remove(user);
        em.flush();
        permissions.requireActiveHolderOfAccessPermissions();
    }

    /**
     * Creates the administrator when no user exists at all. The table lock makes two
     * instances starting together create one administrator, not two.
     */
    public boolean createFirstAdmin(String username, String clearPassword, Optional<String> email) {
        lockUsers();
        if (users.count() > 0) {
            return false;
        }
        users.add(administrator(username, clearPassword, email));
        return true;
    }

    /**
     * Recovers administration (ADMIN_RESET): the named user gets this password, is active and
     * an administrator, and every token it had ends; created as on first start when missing.
     * Answers whether the user had to be created.
     */
    public boolean resetAdmin(String username, String clearPassword, Optional<String> email) {
        lockUsers();
        Optional<User> existing = users.findByUsername(username);
        if (existing.isEmpty()) {
            users.add(administrator(username, clearPassword, email));
            return true;
        }
        User admin = existing.get();
        admin.setPassword(passwords.hash(PasswordDigest.ofClearText(clearPassword)));
        admin.setActive(true);
        admin.addRole(RoleGrants.ADMIN_ROLE);
        endTokens(admin.id());
        throttle.forgive(admin.id().value());
        return false;
    }

    /** Every token of the user ends at once, personal access tokens included: its password changed. */
    private void endTokens(UserId user) {
        em.createQuery("delete from LoginToken t where t.user.id = :user")
                .setParameter("user", user.value())
                .executeUpdate();
    }

    private User administrator(String username, String clearPassword, Optional<String> email) {
        return new NewUser(username, Optional.of("Administrator"), email.stream().toList(), true,
                List.of(RoleGrants.ADMIN_ROLE, RoleGrants.DEFAULT_ROLE),
                Optional.of(passwords.hash(PasswordDigest.ofClearText(clearPassword))), true)
                .toUser(Instant.now());
    }

    private void lockUsers() {
        em.createNativeQuery("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
    }
}
