package dev.importer.security.entity;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.platform.Timestamps;
import jakarta.json.JsonObject;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;


/** A permission and the roles that hold it. */
@Entity
@Table(name = "permissions")
public class Permission {

    public static final String RUN_IMPORT = "run-import";
    public static final String VIEW_IMPORT_OPERATIONS = "view-import-operations";
    public static final String CREATE_USER = "create-user";
    public static final String EDIT_OTHER_USER_ACTIVE_STATUS = "edit-other-user-active-status";
    public static final String CREATE_PERSONAL_ACCESS_TOKENS = "create-personal-access-tokens";
    public static final String ACCESS_PERMISSIONS = "access-permissions";
    public static final String VIEW_FULL_OTHER_USER_INFO = "view-full-other-user-info";
    public static final String DELETE_USER = "delete-user";
    public static final String VIEW_D_ROOM = "view-d-room";
    public static final String EDIT_OTHER_USER_INFO = "edit-other-user-info";
    public static final String EDIT_OTHER_USER_PASSWORD = "edit-other-user-password";
    public static final String VIEW_PRIVILEGED_SETTING = "view-privileged-setting";
    public static final String EDIT_PRIVILEGED_SETTING = "edit-privileged-setting";

    @Id
    private String id;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "permission_roles", joinColumns = @JoinColumn(name = "permission_id"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Permission() {
    }

    public void grantTo(Collection<String> newRoles, Instant now) {
        roles.clear();
        roles.addAll(newRoles);
        updatedAt = now;
    }

    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("_id", id)
                .add("roles", JSON.createArrayBuilder(roles.stream().sorted().toList()))
                .add("_updatedAt", Timestamps.iso(updatedAt))
                .build();
    }
}
