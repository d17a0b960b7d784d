package dev.importer.security.boundary;

import dev.importer.identity.UserId;
import dev.importer.platform.http.ApiException;
import dev.importer.security.entity.Permission;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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

    /**
     * Gives each named permission exactly the roles listed for it; all or nothing. Refused
     * when no active user would hold {@code access-permissions} any more.
     */
    public List<Permission> update(Map<String, List<String>> rolesByPermission) {
        requireExistingRoles(rolesByPermission.values().stream().flatMap(List::stream).toList());
        lockAccessPermissions();
        Instant now = Instant.now();
        rolesByPermission.forEach((id, roles) -> {
            Permission permission = em.find(Permission.class, id);
            if (permission == null) {
                throw new ApiException("error-invalid-permission", "Invalid permission " + id);
            }
            permission.grantTo(roles, now);
        });
        em.flush();
        requireActiveHolderOfAccessPermissions();
        return all();
    }

    /**
     * Refuses with 400 {@code error-action-not-allowed} when the transaction's changes leave no
     * active user holding {@code access-permissions}: only SQL could undo that. Every change
     * that could takes the permission's row lock first, here or before, so that two of them
     * apply one after the other and the second sees what the first left.
     */
    public void requireActiveHolderOfAccessPermissions() {
        lockAccessPermissions();
        if (!hasActiveHolder(Permission.ACCESS_PERMISSIONS)) {
            throw new ApiException("error-action-not-allowed",
                    "No active user would hold " + Permission.ACCESS_PERMISSIONS + " any more");
        }
    }

    private void lockAccessPermissions() {
        em.find(Permission.class, Permission.ACCESS_PERMISSIONS, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether one of the user's roles carries the permission. */
    public boolean holds(UserId user, String permission) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM permission_roles p
                        JOIN user_roles r ON r.role = p.role
                        WHERE r.user_id = :user AND p.permission_id = :permission
                        LIMIT 1""")
                .setParameter("user", user.value())
                .setParameter("permission", permission)
                .getResultList()
                .isEmpty();
    }

    private boolean hasActiveHolder(String permission) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM permission_roles p
                        JOIN user_roles r ON r.role = p.role
                        JOIN users u ON u.id = r.user_id
                        WHERE p.permission_id = :permission AND u.active
                        LIMIT 1""")
                .setParameter("permission", permission)
                .getResultList()
                .isEmpty();
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
