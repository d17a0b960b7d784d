package dev.importer.accounts.boundary;

import dev.importer.accounts.control.Passwords;
import dev.importer.accounts.entity.AuthToken;
import dev.importer.accounts.entity.Email;
import dev.importer.accounts.entity.LoginToken;
import dev.importer.accounts.entity.PasswordDigest;
import dev.importer.accounts.entity.User;
import dev.importer.accounts.entity.UserId;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

@Stateless
public class Accounts {

    public record Login(User user, AuthToken token) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    /** A new login token for an active user whose password matches; empty otherwise. */
    public Optional<Login> login(String usernameOrEmail, PasswordDigest password) {
        Optional<User> user = findByUsernameOrEmail(usernameOrEmail).filter(User::isActive);
        if (user.isEmpty()) {
            passwords.spendTimeOfOneCheck(password);
            return Optional.empty();
        }
        if (!passwords.matches(password, user.get().passwordHash())) {
            return Optional.empty();
        }
        AuthToken token = AuthToken.generate();
        em.persist(LoginToken.forLogin(token, user.get(), Instant.now()));
        return Optional.of(new Login(user.get(), token));
    }

    public void logout(String hashedToken) {
        em.createQuery("delete from LoginToken t where t.hashedToken = :hashedToken")
                .setParameter("hashedToken", hashedToken)
                .executeUpdate();
    }

    public Optional<User> find(UserId id) {
        return Optional.ofNullable(em.find(User.class, id.value()));
    }

    /**
     * Creates the administrator when no user exists at all. The table lock makes two
     * instances starting together create one administrator, not two.
     */
    public boolean createFirstAdmin(String username, String clearPassword, Optional<String> email) {
        em.createNativeQuery("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        long users = em.createQuery("select count(u) from User u", Long.class).getSingleResult();
        if (users > 0) {
            return false;
        }
        User admin = new User(username, "Administrator", Instant.now());
        admin.setPasswordHash(passwords.hash(PasswordDigest.ofClearText(clearPassword)));
        admin.addRole("admin");
        admin.addRole("user");
        email.ifPresent(address -> admin.addEmail(new Email(address, true)));
        em.persist(admin);
        return true;
    }

    private Optional<User> findByUsernameOrEmail(String login) {
        return em.createQuery("""
                        select distinct u from User u left join u.emails e
                        where u.username = :login or lower(e.address) = lower(:login)""", User.class)
                .setParameter("login", login)
                .getResultStream()
                .findFirst();
    }
}
