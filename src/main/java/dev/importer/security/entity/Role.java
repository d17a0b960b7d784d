package dev.importer.security.entity;

import static dev.importer.platform.http.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;

@Entity
@Table(name = "roles")
public class Role {

    /** Roles the service itself relies on. */
    private static final Set<String> PROTECTED = Set.of("admin", "user");

    @Id
    private String name;

    private String description;

    protected Role() {
    }

    /** As Rocket.Chat's {@code roles.list} shows a role. */
    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("_id", name)
                .add("name", name)
                .add("description", description)
                .add("protected", PROTECTED.contains(name))
                .add("scope", "Users")
                .build();
    }
}
