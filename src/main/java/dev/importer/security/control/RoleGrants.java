package dev.importer.security.control;

import dev.importer.identity.UserId;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.database.NamedSql;
import dev.importer.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may give which role: the one rule every path that gives a role asks (users.create, an
 * import's staged roles at staging and in every batch, the users an update may change).
 * A user may give a role only when they hold every permission the role carries; giving
 * {@code admin} also takes {@code assign-admin-role}, as in Rocket.Chat. The default role
 * {@code user} may always be given. A user who is not active may give nothing else.
 */
@ApplicationScoped
public class RoleGrants {

    public static final String DEFAULT_ROLE = "user";
    public static final String ADMIN_ROLE = "admin";
    public static final String ASSIGN_ADMIN_ROLE = "assign-admin-role";

    private static final NamedSql GRANTABLE_ROLES = NamedSql.of("""
            WITH held AS (
                SELECT p.permission_id FROM users u
                JOIN user_roles r ON r.user_id = u.id
                JOIN permission_roles p ON p.role = r.role
                WHERE u.id = :granter AND u.active
            )
            SELECT name FROM roles
            WHERE name = :defaultRole
               OR ((name <> :adminRole OR :assignAdminRole IN (SELECT permission_id FROM held))
                   AND NOT EXISTS (SELECT 1 FROM permission_roles carried
                                   WHERE carried.role = roles.name
                                     AND carried.permission_id NOT IN (SELECT permission_id FROM held)))""");

    @Inject
    Sql sql;

    /** The roles the user may give now, on the database's word. */
    public Set<String> grantableBy(UserId granter) {
        return new HashSet<>(sql.query(GRANTABLE_ROLES, Map.of("granter", granter.value(),
                "defaultRole", DEFAULT_ROLE, "adminRole", ADMIN_ROLE, "assignAdminRole", ASSIGN_ADMIN_ROLE),
                row -> row.getString(1)));
    }

    /** Refuses with 403 {@code error-action-not-allowed} unless the user may give every one of the roles. */
    public void requireMayGrant(UserId granter, Collection<String> roles) {
        requireMayGrant(granter, roles, "give the roles");
    }

    /**
     * The same for another act that takes the authority to give the roles (taking one away,
     * deleting the user who holds them); {@code act} names it in the refusal.
     */
    public void requireMayGrant(UserId granter, Collection<String> roles, String act) {
        if (roles.isEmpty() || Set.of(DEFAULT_ROLE).containsAll(roles)) {
            return;
        }
        Set<String> refused = new TreeSet<>(roles);
        refused.removeAll(grantableBy(granter));
        if (!refused.isEmpty()) {
            throw ApiException.forbidden("error-action-not-allowed",
                    "You may not " + act + " " + refused + ": they carry permissions you do not hold");
        }
    }
}
