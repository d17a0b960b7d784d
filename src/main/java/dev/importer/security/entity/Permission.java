package dev.importer.security.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** A permission and the roles that hold it. */
@Entity
@Table(name = "permissions")
public class Permission {

    public static final String RUN_IMPORT = "run-import";
    public static final String VIEW_IMPORT_OPERATIONS = "view-import-operations";

    @Id
    private String id;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "permission_roles", joinColumns = @JoinColumn(name = "permission_id"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    protected Permission() {
    }

    public boolean isHeldByAnyOf(Set<String> userRoles) {
        return !Collections.disjoint(roles, userRoles);
    }
}
