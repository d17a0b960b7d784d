package dev.importer.accounts.control;

import dev.importer.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class UserRepository {

    @PersistenceContext
    EntityManager em;

    public void add(User user) {
        em.persist(user);
    }

    public Optional<User> find(String id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    public Optional<User> findByUsernameOrEmail(String login) {
        return em.createQuery("""
                        select distinct u from User u left join u.emails e
                        where u.username = :login or lower(e.address) = lower(:login)""", User.class)
                .setParameter("login", login)
                .getResultStream()
                .findFirst();
    }

    /** The ids of the active users with the admin role, locked until the transaction ends. */
    @SuppressWarnings("unchecked")
    public List<String> lockActiveAdministrators() {
        return em.createNativeQuery("""
                        SELECT id FROM users u
                        WHERE active AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'admin')
                        FOR UPDATE""", String.class)
                .getResultList();
    }

    public long count() {
        return em.createQuery("select count(u) from User u", Long.class).getSingleResult();
    }

    /** Which of the usernames are taken. */
    public Set<String> takenUsernames(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select u.username from User u where u.username in :names", String.class)
                .setParameter("names", usernames)
                .getResultList());
    }

    /** Which of the addresses are taken, lower-cased: addresses are unique whatever their case. */
    public Set<String> takenEmails(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return Set.of();
        }
        List<String> lowerCased = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        return new HashSet<>(em.createNativeQuery(
                        "SELECT lower(address) FROM user_emails WHERE lower(address) IN (:addresses)", String.class)
                .setParameter("addresses", lowerCased)
                .getResultList());
    }
}
