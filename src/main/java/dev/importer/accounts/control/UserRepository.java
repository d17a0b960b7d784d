package dev.importer.accounts.control;

import dev.importer.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class UserRepository {

    private static final String ACTIVE_ADMINISTRATORS = """
            SELECT id FROM users u
            WHERE active AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'admin')""";

    @PersistenceContext
    EntityManager em;

    /** A user's avatar to fetch: the {@code avatarUrl} an import gave it. */
    public record PendingAvatar(String userId, String url) {
    }

    /** Up to {@code limit} users with a pending avatar, after {@code afterUserId} in id order. */
    @SuppressWarnings("unchecked")
    public List<PendingAvatar> pendingAvatars(String afterUserId, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, pending_avatar_url FROM users
                        WHERE pending_avatar_url IS NOT NULL AND id > :after ORDER BY id LIMIT :limit""", Object[].class)
                .setParameter("after", afterUserId)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new PendingAvatar((String) row[0], (String) row[1])).toList();
    }

    public int countPendingAvatars() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM users WHERE pending_avatar_url IS NOT NULL")
                .getSingleResult()).intValue();
    }

    /**
     * Stores the avatar fetched from the user's pending URL and forgets the URL, unless the
     * URL changed meanwhile (an import gave another): that one is fetched next time.
     */
    public void storeAvatar(PendingAvatar fetched, String contentType, byte[] image) {
        int forgotten = em.createNativeQuery("""
                        UPDATE users SET pending_avatar_url = NULL WHERE id = :user AND pending_avatar_url = :url""")
                .setParameter("user", fetched.userId())
                .setParameter("url", fetched.url())
                .executeUpdate();
        if (forgotten == 1) {
            em.createNativeQuery("""
                            INSERT INTO user_avatars (user_id, content_type, data) VALUES (:user, :type, :data)
                            ON CONFLICT (user_id) DO UPDATE
                            SET content_type = excluded.content_type, data = excluded.data, updated_at = now()""")
                    .setParameter("user", fetched.userId())
                    .setParameter("type", contentType)
                    .setParameter("data", image)
                    .executeUpdate();
        }
    }

    public void add(User user) {
        em.persist(user);
    }

    public Optional<User> find(String id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    /**
     * The user a login names: by the username as typed, else by the username ignoring case,
     * else by an address (addresses are unique ignoring case).
     */
    public Optional<User> findByUsernameOrEmail(String login) {
        return findFirst("""
                SELECT id, 1 AS rank FROM users WHERE username = :login
                UNION ALL
                SELECT id, 2 FROM users WHERE lower(username) = lower(:login) AND NOT username_collision
                UNION ALL
                SELECT user_id, 3 FROM user_emails WHERE lower(address) = lower(:login)""", login);
    }

    /** The user of that name: as typed, else ignoring case. */
    public Optional<User> findByUsername(String username) {
        return idOf(username).map(id -> em.find(User.class, id));
    }

    /** The id of the user of that name, as {@link #findByUsername} finds it, without loading the user. */
    public Optional<String> idOf(String username) {
        return firstId("""
                SELECT id, 1 AS rank FROM users WHERE username = :login
                UNION ALL
                SELECT id, 2 FROM users WHERE lower(username) = lower(:login) AND NOT username_collision""",
                username);
    }

    /** The best-ranked of the ids {@code rankedIds (id, rank)} finds. */
    private Optional<User> findFirst(String rankedIds, String login) {
        return firstId(rankedIds, login).map(id -> em.find(User.class, id));
    }

    private Optional<String> firstId(String rankedIds, String login) {
        return em.createNativeQuery("SELECT id FROM (" + rankedIds + ") found ORDER BY rank LIMIT 1", String.class)
                .setParameter("login", login)
                .getResultStream()
                .findFirst()
                .map(String.class::cast);
    }

    /** The ids of the active users with the admin role, locked until the transaction ends. */
    @SuppressWarnings("unchecked")
    public List<String> lockActiveAdministrators() {
        return em.createNativeQuery(ACTIVE_ADMINISTRATORS + " FOR UPDATE", String.class).getResultList();
    }

    /**
     * The ids of the active administrators, for a change that must not leave none but updates
     * none of their rows (taking {@code admin} away): locked as above, then read again, since a
     * statement that waited for a row lock returns the rows as they were when it began unless
     * those rows themselves changed. The second read sees what the change before committed.
     */
    @SuppressWarnings("unchecked")
    public List<String> lockAndReadActiveAdministrators() {
        lockActiveAdministrators();
        return em.createNativeQuery(ACTIVE_ADMINISTRATORS, String.class).getResultList();
    }

    /** A page of users in username order, and how many there are in all. */
    public record Page(List<User> users, long total) {
    }

    /**
     * The users whose username, name or an address starts with {@code query}, ignoring case
     * (every user without one), a page of them in username order. Each part of the query is a
     * range of one index (migration V10), so its cost follows the users found, not the users kept.
     */
    @SuppressWarnings("unchecked")
    public Page list(Optional<String> query, int offset, int count) {
        String found = query.isEmpty() ? "SELECT id FROM users" : """
                SELECT id FROM users WHERE lower(username) LIKE :prefix
                UNION SELECT id FROM users WHERE lower(name) LIKE :prefix
                UNION SELECT user_id FROM user_emails WHERE lower(address) LIKE :prefix""";
        // without a query, the page is read along the username index rather than by a join of every user
        String ordered = query.isEmpty() ? "SELECT id FROM users"
                : "SELECT id FROM users WHERE id IN (" + found + ")";
        Query ids = em.createNativeQuery(ordered + " ORDER BY username OFFSET :offset LIMIT :count", String.class)
                .setParameter("offset", offset)
                .setParameter("count", count);
        Query total = em.createNativeQuery("SELECT count(*) FROM (" + found + ") found");
        query.map(UserRepository::prefixPattern).ifPresent(prefix -> {
            ids.setParameter("prefix", prefix);
            total.setParameter("prefix", prefix);
        });
        List<String> page = ids.getResultList();
        return new Page(inOrder(page), ((Number) total.getSingleResult()).longValue());
    }

    /**
     * The users of these ids, in that order: three queries whatever their number, since the
     * roles and the addresses of the users a query finds are read by one query each (User).
     */
    private List<User> inOrder(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, User> byId = em.createQuery("select u from User u where u.id in :ids", User.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(u -> u.id().value(), u -> u));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** A LIKE pattern for what starts with the text, its own \, % and _ taken literally. */
    static String prefixPattern(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public long count() {
        return em.createQuery("select count(u) from User u", Long.class).getSingleResult();
    }

    /** Whether a user has this name, in any letter case. */
    public boolean usernameTaken(String username) {
        return !em.createNativeQuery(
                        "SELECT 1 FROM users WHERE lower(username) = lower(:name) AND NOT username_collision")
                .setParameter("name", username)
                .getResultList()
                .isEmpty();
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
