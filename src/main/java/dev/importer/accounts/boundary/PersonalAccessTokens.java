package dev.importer.accounts.boundary;

import dev.importer.identity.AuthToken;
import dev.importer.accounts.entity.LoginToken;
import dev.importer.accounts.entity.User;
import dev.importer.identity.UserId;
import dev.importer.platform.http.ApiException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** Tokens users create for their scripts: shown once, stored hashed, never expiring. */
@Stateless
public class PersonalAccessTokens {

    @PersistenceContext
    EntityManager em;

    public AuthToken generate(UserId owner, String name) {
        if (!named(owner, name).isEmpty()) {
            throw new ApiException("error-token-already-exists",
                    "A token with this name already exists");
        }
        AuthToken token = AuthToken.generate();
        em.persist(LoginToken.personal(token, em.getReference(User.class, owner.value()), name, Instant.now()));
        return token;
    }

    public List<LoginToken> of(UserId owner) {
        return em.createQuery("""
                        select t from LoginToken t where t.user.id = :owner and t.kind = :personal
                        order by t.createdAt""", LoginToken.class)
                .setParameter("owner", owner.value())
                .setParameter("personal", LoginToken.Kind.PERSONAL)
                .getResultList();
    }

    public void remove(UserId owner, String name) {
        List<LoginToken> tokens = named(owner, name);
        if (tokens.isEmpty()) {
            throw new ApiException("error-token-does-not-exists", "Invalid token");
        }
        tokens.forEach(em::remove);
    }

    private List<LoginToken> named(UserId owner, String name) {
        return em.createQuery("""
                        select t from LoginToken t
                        where t.user.id = :owner and t.kind = :personal and t.name = :name""", LoginToken.class)
                .setParameter("owner", owner.value())
                .setParameter("personal", LoginToken.Kind.PERSONAL)
                .setParameter("name", name)
                .getResultList();
    }
}
