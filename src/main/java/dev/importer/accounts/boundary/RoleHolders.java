package dev.importer.accounts.boundary;

import dev.importer.accounts.control.UserRepository;
import dev.importer.accounts.entity.User;
import dev.importer.identity.UserId;
import dev.importer.platform.database.Violations;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.Paging;
import dev.importer.security.boundary.Permissions;
import dev.importer.security.boundary.Roles;
import dev.importer.security.control.RoleGrants;
import dev.importer.security.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Set;

/**
 * Who holds which role: Rocket.Chat's {@code roles.addUserToRole}, {@code removeUserFromRole}
 * and {@code getUsersInRole}. A caller gives or takes away only a role they may give
 * ({@link RoleGrants}); the last active administrator keeps {@code admin}, and somebody active
 * keeps {@code access-permissions}.
 */
@Stateless
public class RoleHolders {

    public record Holders(List<User> users, long total) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    UserRepository users;

    @Inject
    Roles roles;

    @Inject
    RoleGrants roleGrants;

    @Inject
    Permissions permissions;

    public Role add(UserId caller, String roleIdOrName, UserLookup who) {
        Role role = roles.findByIdOrName(roleIdOrName)
                .orElseThrow(() -> new ApiException("error-role-not-found", "Role not found"));
        User user = who.find(users);
        if (user.roles().contains(role.name())) {
            throw alreadyInRole();
        }
        roleGrants.requireMayGrant(caller, Set.of(role.name()));
        user.addRole(role.name());
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (Violations.isUnique(e)) {
                throw alreadyInRole();
            }
            if (Violations.isForeignKey(e)) {
                throw new ApiException("error-role-not-found", "Role not found");
            }
            throw e;
        }
        return role;
    }

    public Role remove(UserId caller, String roleIdOrName, UserLookup who) {
        Role role = roles.findByIdOrName(roleIdOrName)
                .orElseThrow(() -> new ApiException("error-invalid-roleId", "This role does not exist"));
        roleGrants.requireMayGrant(caller, Set.of(role.name()), "take away the role");
        List<String> activeAdmins = RoleGrants.ADMIN_ROLE.equals(role.name())
                ? users.lockAndReadActiveAdministrators() : List.of();
        User user = who.find(users);
        if (!user.roles().contains(role.name())) {
            throw new ApiException("error-user-not-in-role", "User is not in this role");
        }
        if (activeAdmins.equals(List.of(user.id().value()))) {
            throw new ApiException("error-admin-required", "You need to have at least one admin");
        }
        user.removeRole(role.name());
        em.flush();
        permissions.requireActiveHolderOfAccessPermissions();
        return role;
    }

    /** The holders of the role by username, a page of them, and how many there are. */
    public Holders of(String roleIdOrName, Paging page) {
        Role role = roles.findByIdOrName(roleIdOrName)
                .orElseThrow(() -> new ApiException("error-invalid-roleId", "This role does not exist"));
        List<User> holders = em.createQuery(
                        "select u from User u join u.roles r where r = :role order by u.username", User.class)
                .setParameter("role", role.name())
                .setFirstResult(page.offset())
                .setMaxResults(page.count())
                .getResultList();
        return new Holders(holders, roles.holders(role));
    }

    private static ApiException alreadyInRole() {
        return new ApiException("error-user-already-in-role", "User already in role");
    }
}
