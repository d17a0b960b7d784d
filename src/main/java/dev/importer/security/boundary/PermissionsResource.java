package dev.importer.security.boundary;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import dev.importer.security.entity.Permission;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PermissionsResource {

    @Inject
    Permissions permissions;

    @GET
    @Path("permissions.listAll")
    @Authenticated
    public JsonObject listAll() {
        return JSON.createObjectBuilder()
                .add("update", permissionsJson(permissions.all()))
                .add("remove", JsonValue.EMPTY_JSON_ARRAY)
                .add("success", true)
                .build();
    }

    /** {@code {"permissions":[{"_id":"run-import","roles":["admin","ops"]}, ...]}} */
    @POST
    @Path("permissions.update")
    @Authenticated(permission = Permission.ACCESS_PERMISSIONS)
    public JsonObject update(String body) {
        JsonArray requested = JsonBodies.array(JsonBodies.object(body), "permissions")
                .orElseThrow(() -> ApiException.invalidParams("'permissions' is required"));
        Map<String, List<String>> rolesByPermission = new LinkedHashMap<>();
        for (JsonValue item : requested) {
            if (!(item instanceof JsonObject permission)) {
                throw ApiException.invalidParams("'permissions' must be an array of objects");
            }
            rolesByPermission.put(JsonBodies.requiredString(permission, "_id"),
                    JsonBodies.strings(permission, "roles")
                            .orElseThrow(() -> ApiException.invalidParams("'roles' is required")));
        }
        return JSON.createObjectBuilder()
                .add("permissions", permissionsJson(permissions.update(rolesByPermission)))
                .add("success", true)
                .build();
    }

    private static JsonArrayBuilder permissionsJson(List<Permission> all) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        all.stream().map(Permission::toJson).forEach(array::add);
        return array;
    }
}
