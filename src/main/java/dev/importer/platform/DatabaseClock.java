package dev.importer.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The database's clock: one clock for every server instance. Unlike current_timestamp,
 * which is when the transaction began, clock_timestamp() is the time of the call, so a
 * time read after waiting for a lock comes after the lock holder's.
 */
@ApplicationScoped
public class DatabaseClock {

    @PersistenceContext
    EntityManager em;

    public Instant now() {
        return (Instant) em.createNativeQuery("select clock_timestamp()", Instant.class).getSingleResult();
    }
}
