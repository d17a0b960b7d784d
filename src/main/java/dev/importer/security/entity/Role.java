package dev.importer.security.entity;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.identity.UserId;
import dev.importer.platform.Timestamps;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A global role, as Rocket.Chat keeps it: given to users by its name, addressed by its id
 * (a built-in role's id is its name). Protected roles, Rocket.Chat's own, can be neither
 * renamed nor deleted.
 */
@Entity
@Table(name = "roles")
public class Role {

    /** The width of {@code roles.name}. */
    public static final int MAX_NAME = 64;

    /** Unique; the table's primary key is the name, which user_roles and permission_roles refer to. */
    @Id
    private String id;

    private String name;

    private String description;

    @Column(name = "protected")
    private boolean isProtected;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Role() {
    }

    /** A role an operator makes: never protected, with a random id of Rocket.Chat's shape. */
    public static Role created(String name, String description, Instant now) {
        Role role = new Role();
        role.id = UserId.generate().value();
        role.name = name;
        role.description = description;
        role.updatedAt = now;
        return role;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean isProtected() {
        return isProtected;
    }

    /** A rename reaches the role's holders and permissions through the foreign keys (ON UPDATE CASCADE). */
    public void change(String name, String description, Instant now) {
        this.name = name;
        this.description = description;
        this.updatedAt = now;
    }

    /** As Rocket.Chat's {@code roles.list} shows a role. */
    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("_id", id)
                .add("name", name)
                .add("description", description)
                .add("protected", isProtected)
                .add("mandatory2fa", false)
                .add("scope", "Users")
                .add("_updatedAt", Timestamps.iso(updatedAt))
                .build();
    }
}
