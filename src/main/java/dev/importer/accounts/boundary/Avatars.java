package dev.importer.accounts.boundary;

import dev.importer.accounts.control.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.stream.Stream;

/** The avatars the service keeps, one a user, in the database (user_avatars). */
@Stateless
public class Avatars {

    /** An image and its content type ({@code image/...}, checked when it was stored). */
    public record Avatar(String contentType, byte[] data) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserRepository users;

    /** The avatar of the user of that name (as typed, else ignoring case), if it has one. */
    public Optional<Avatar> of(String username) {
        return users.idOf(username).flatMap(this::ofUser);
    }

    private Optional<Avatar> ofUser(String userId) {
        Stream<?> rows = em.createNativeQuery("SELECT content_type, data FROM user_avatars WHERE user_id = :user")
                .setParameter("user", userId)
                .getResultStream();
        return rows.findFirst().map(Object[].class::cast).map(row -> new Avatar((String) row[0], (byte[]) row[1]));
    }
}
