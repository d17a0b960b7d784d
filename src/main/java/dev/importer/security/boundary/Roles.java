package dev.importer.security.boundary;

import dev.importer.platform.database.Violations;
import dev.importer.platform.http.ApiException;
import dev.importer.security.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rocket.Chat's global roles: its own, protected, from the first start, and the roles
 * operators make, rename and delete. Who holds a role is the accounts' business.
 */
@Stateless
public class Roles {

    @PersistenceContext
    EntityManager em;

    public List<Role> all() {
        return em.createQuery("select r from Role r order by r.name", Role.class).getResultList();
    }

    /** The role with this id, else with this name, as Rocket.Chat's {@code findOneByIdOrName}. */
    public Optional<Role> findByIdOrName(String idOrName) {
        return em.createQuery("""
                        select r from Role r where r.id = :key or r.name = :key
                        order by case when r.id = :key then 0 else 1 end""", Role.class)
                .setParameter("key", idOrName)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public Role create(String name, String description) {
        if (findByIdOrName(name).isPresent()) {
            throw duplicateName();
        }
        Role role = Role.created(name, description, Instant.now());
        em.persist(role);
        flushOrRefuse(Roles::duplicateName);
        return role;
    }

    /** A protected role keeps its name; its description may change. */
    public Role update(String roleId, Optional<String> name, Optional<String> description) {
        Role role = existing(roleId);
        String newName = name.orElse(role.name());
        if (role.isProtected() && !newName.equals(role.name())) {
            throw new ApiException("error-role-protected", "Cannot rename a protected role");
        }
        if (!newName.equals(role.name()) && findByIdOrName(newName).isPresent()) {
            throw duplicateName();
        }
        role.change(newName, description.orElse(role.description()), Instant.now());
        flushOrRefuse(Roles::duplicateName);
        return role;
    }

    /**
     * Refused for a protected role and for a role someone holds; the foreign key of
     * user_roles refuses it too when a user is given the role meanwhile.
     */
    public void delete(String roleId) {
        Role role = existing(roleId);
        if (role.isProtected()) {
            throw new ApiException("error-role-protected", "Cannot delete a protected role");
        }
        if (holders(role) > 0) {
            throw inUse();
        }
        em.remove(role);
        flushOrRefuse(Roles::inUse);
    }

    /** How many users hold the role. */
    public long holders(Role role) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM user_roles WHERE role = :name")
                .setParameter("name", role.name())
                .getSingleResult()).longValue();
    }

    private Role existing(String roleId) {
        return findByIdOrName(roleId)
                .orElseThrow(() -> new ApiException("error-invalid-roleId", "This role does not exist"));
    }

    /** Another request changed the roles since the checks: the database's constraints decide. */
    private void flushOrRefuse(Supplier<ApiException> refusal) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Violations.isUnique(e) || Violations.isForeignKey(e)) {
                throw refusal.get();
            }
            throw e;
        }
    }

    private static ApiException duplicateName() {
        return new ApiException("error-duplicate-role-names-not-allowed", "Role name already exists");
    }

    private static ApiException inUse() {
        return new ApiException("error-role-in-use", "Cannot delete role because it's in use");
    }
}
