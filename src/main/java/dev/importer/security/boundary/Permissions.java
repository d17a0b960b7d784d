package dev.importer.security.boundary;

import dev.importer.platform.ApiException;
import dev.importer.security.entity.Permission;
import dev.importer.security.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Stateless
public class Permissions {

    @PersistenceContext
    EntityManager em;

    public List<Permission> all() {
        return em.createQuery("select p from Permission p order by p.id", Permission.class).getResultList();
    }

    public List<Role> roles() {
        return em.createQuery("select r from Role r order by r.name", Role.class).getResultList();
    }

    /** Gives each named permission exactly the roles listed for it; all or nothing. */
    public List<Permission> update(Map<String, List<String>> rolesByPermission) {
        requireExistingRoles(rolesByPermission.values().stream().flatMap(List::stream).toList());
        Instant now = Instant.now();
        rolesByPermission.forEach((id, roles) -> {
            Permission permission = em.find(Permission.class, id);
            if (permission == null) {
                throw new ApiException("error-invalid-permission", "Invalid permission " + id);
            }
            permission.grantTo(roles, now);
        });
        return all();
    }

    /** Refuses with 400 {@code error-invalid-role} when a role does not exist. */
    public void requireExistingRoles(Collection<String> roles) {
        Set<String> missing = new HashSet<>(roles);
        if (missing.isEmpty()) {
            return;
        }
        missing.removeAll(em.createQuery("select r.name from Role r where r.name in :names", String.class)
                .setParameter("names", missing)
                .getResultList());
        if (!missing.isEmpty()) {
            throw new ApiException("error-invalid-role", "Unknown roles " + missing);
        }
    }
}
