package dev.importer.security.boundary;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import dev.importer.platform.http.Texts;
import dev.importer.security.entity.Permission;
import dev.importer.security.entity.Role;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/** Rocket.Chat's role endpoints for the roles themselves; who holds them is in the accounts. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

    /** Every role here is global: the service has no rooms, whose roles Rocket.Chat scopes "Subscriptions". */
    private static final String SCOPE = "Users";

    @Inject
    Roles roles;

    @GET
    @Path("roles.list")
    @Authenticated
    public JsonObject list() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        roles.all().stream().map(Role::toJson).forEach(all::add);
        return JSON.createObjectBuilder().add("roles", all).add("success", true).build();
    }

    /** {@code {"name","description"?,"scope"?:"Users"}} */
    @POST
    @Path("roles.create")
    @Authenticated(permission = Permission.ACCESS_PERMISSIONS)
    public JsonObject create(String body) {
        JsonObject request = JsonBodies.object(body);
        requireGlobalScope(request);
        Role role = roles.create(name(JsonBodies.requiredString(request, "name")),
                JsonBodies.string(request, "description").orElse(""));
        return withRole(role);
    }

    /** {@code {"roleId","name"?,"description"?}}: a protected role keeps its name. */
    @POST
    @Path("roles.update")
    @Authenticated(permission = Permission.ACCESS_PERMISSIONS)
    public JsonObject update(String body) {
        JsonObject request = JsonBodies.object(body);
        requireGlobalScope(request);
        Role role = roles.update(JsonBodies.requiredString(request, "roleId"),
                JsonBodies.string(request, "name").map(RolesResource::name),
                JsonBodies.string(request, "description"));
        return withRole(role);
    }

    /** {@code {"roleId"}} (an id or a name): neither a protected role nor one somebody holds. */
    @POST
    @Path("roles.delete")
    @Authenticated(permission = Permission.ACCESS_PERMISSIONS)
    public JsonObject delete(String body) {
        roles.delete(JsonBodies.requiredString(JsonBodies.object(body), "roleId"));
        return JSON.createObjectBuilder().add("success", true).build();
    }

    private static String name(String requested) {
        String name = requested.trim();
        if (name.isEmpty()) {
            throw ApiException.invalidParams("'name' is required");
        }
        return Texts.requirePlain("'name'", name, Role.MAX_NAME);
    }

    private static void requireGlobalScope(JsonObject request) {
        Optional<String> scope = JsonBodies.string(request, "scope");
        if (scope.isPresent() && !scope.get().equals(SCOPE)) {
            throw ApiException.invalidParams("'scope' must be " + SCOPE + ": this service has no rooms");
        }
    }

    private static JsonObject withRole(Role role) {
        return JSON.createObjectBuilder().add("role", role.toJson()).add("success", true).build();
    }
}
