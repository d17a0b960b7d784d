package dev.importer.settings.boundary;

import dev.importer.platform.fetch.Allowlist;
import dev.importer.platform.http.ApiException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The settings table: each setting by its id, its value checked before it is stored. */
@Stateless
public class Settings {

    public static final String SSRF_ALLOWLIST = "SSRF_Allowlist";

    /** A setting's value and when it last changed. */
    public record Setting(String id, String value, Instant updatedAt) {
    }

    @PersistenceContext
    EntityManager em;

    @SuppressWarnings("unchecked")
    public Optional<Setting> find(String id) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, value, updated_at FROM settings WHERE id = :id",
                        Object[].class)
                .setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Setting((String) row[0], (String) row[1], toInstant(row[2])));
    }

    public Allowlist ssrfAllowlist() {
        return find(SSRF_ALLOWLIST).map(setting -> Allowlist.parse(setting.value())).orElse(Allowlist.NONE);
    }

    /** Stores a setting's new value; an unknown setting or a malformed value is a 400. */
    public void change(String id, String value) {
        if (id.equals(SSRF_ALLOWLIST)) {
            Allowlist.parse(value).malformedEntry().ifPresent(entry -> {
                throw ApiException.invalidParams("'" + entry + "' is not a host or host:port");
            });
        }
        int changed = em.createNativeQuery("UPDATE settings SET value = :value, updated_at = now() WHERE id = :id")
                .setParameter("value", value)
                .setParameter("id", id)
                .executeUpdate();
        if (changed == 0) {
            throw notFound(id);
        }
    }

    public static ApiException notFound(String id) {
        return new ApiException("error-setting-not-found", "No setting " + id);
    }

    private static Instant toInstant(Object timestamp) {
        return timestamp instanceof Instant instant ? instant
                : timestamp instanceof java.time.OffsetDateTime offset ? offset.toInstant()
                : ((java.sql.Timestamp) timestamp).toInstant();
    }
}
