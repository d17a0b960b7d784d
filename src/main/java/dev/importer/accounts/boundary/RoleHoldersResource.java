package dev.importer.accounts.boundary;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.accounts.boundary.RoleHolders.Holders;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import dev.importer.platform.http.Paging;
import dev.importer.platform.http.Texts;
import dev.importer.security.boundary.Authenticated;
import dev.importer.security.entity.Caller;
import dev.importer.security.entity.Permission;
import dev.importer.security.entity.Role;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Rocket.Chat's endpoints for who holds a role. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class RoleHoldersResource {

    private static final int PAGE = 50;

    @Inject
    RoleHolders holders;

    /** {@code {"roleId" | "roleName", "username" | "userId"}} */
    @POST
    @Path("roles.addUserToRole")
    @Authenticated(permission = Permission.ACCESS_PERMISSIONS)
    public JsonObject addUserToRole(String body, @Context SecurityContext security) {
        JsonObject request = JsonBodies.object(body);
        Role role = holders.add(Caller.of(security).userId(), role(request), UserLookup.from(request));
        return withRole(role);
    }

    /** {@code {"roleId" | "roleName", "username" | "userId"}} */
    @POST
    @Path("roles.removeUserFromRole")
    @Authenticated(permission = Permission.ACCESS_PERMISSIONS)
    public JsonObject removeUserFromRole(String body, @Context SecurityContext security) {
        JsonObject request = JsonBodies.object(body);
        Role role = holders.remove(Caller.of(security).userId(), role(request), UserLookup.from(request));
        return withRole(role);
    }

    /** {@code ?role=&offset=0&count=50}: the holders by username. */
    @GET
    @Path("roles.getUsersInRole")
    @Authenticated(permission = Permission.ACCESS_PERMISSIONS)
    public JsonObject usersInRole(@QueryParam("role") String role, @QueryParam("offset") String offset,
            @QueryParam("count") String count) {
        if (role == null || role.isBlank()) {
            throw new ApiException("error-param-not-provided", "Query param \"role\" is required");
        }
        if (Texts.hasControlCharacter(role, true)) {
            throw ApiException.invalidParams("'role' must not contain control characters");
        }
        Holders page = holders.of(role, Paging.of(offset, count, PAGE));
        JsonArrayBuilder users = JSON.createArrayBuilder();
        page.users().forEach(user -> users.add(user.toJson()));
        return JSON.createObjectBuilder().add("users", users).add("total", page.total()).add("success", true).build();
    }

    /** Rocket.Chat's newer clients send {@code roleId}, older ones {@code roleName}; either names the role. */
    private static String role(JsonObject request) {
        return JsonBodies.string(request, "roleId").or(() -> JsonBodies.string(request, "roleName"))
                .filter(role -> !role.isBlank())
                .orElseThrow(() -> ApiException.invalidParams("'roleId' or 'roleName' is required"));
    }

    private static JsonObject withRole(Role role) {
        return JSON.createObjectBuilder().add("role", role.toJson()).add("success", true).build();
    }
}
