package dev.importer.operations.boundary;

import dev.importer.operations.control.ImportJob;
import dev.importer.operations.entity.ImportOperation;
import dev.importer.operations.entity.ImportState;
import dev.importer.platform.ApiException;
import dev.importer.platform.JsonBodies;
import dev.importer.security.boundary.Authenticated;
import dev.importer.security.entity.Caller;
import dev.importer.security.entity.Permission;
import dev.importer.staging.entity.StagedUser;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Rocket.Chat's import endpoints (6.3+). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final int LATEST_OPERATIONS = 50;
    private static final JsonObject SUCCESS = Json.createObjectBuilder().add("success", true).build();

    @Inject
    ImportOperations operations;

    @Inject
    ImportJob job;

    @Inject
    @ConfigProperty(name = "IMPORT_MAX_USERS_PER_REQUEST", defaultValue = "10000")
    int maxUsersPerRequest;

    /** Starts a new operation, aborting the running one. The request body, if any, is ignored. */
    @POST
    @Path("import.new")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject startNew(@Context SecurityContext security) {
        return Json.createObjectBuilder()
                .add("operation", operations.startNew(Caller.of(security).userId()).toJson())
                .add("success", true)
                .build();
    }

    @GET
    @Path("import.status")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject status() {
        JsonObjectBuilder status = Json.createObjectBuilder();
        operations.latest().ifPresentOrElse(
                o -> status.add("state", o.state().wireName()).add("operation", o.toJson()),
                () -> status.add("state", ImportState.NONE.wireName()));
        return status.add("success", true).build();
    }

    /** {@code {"users":[{"username","emails":[...],"importIds":[...],"name","password","roles":[...]}]}} */
    @POST
    @Path("import.addUsers")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject addUsers(String body) {
        JsonArray users = JsonBodies.array(JsonBodies.object(body), "users")
                .filter(u -> !u.isEmpty())
                .orElseThrow(() -> ApiException.invalidParams("'users' must list at least one user"));
        if (users.size() > maxUsersPerRequest) {
            throw new ApiException("error-too-many-users",
                    "At most " + maxUsersPerRequest + " users per request");
        }
        List<StagedUser> staged = IntStream.range(0, users.size())
                .mapToObj(i -> StagedUser.fromJson(users.get(i), i))
                .toList();
        operations.addUsers(staged);
        return SUCCESS;
    }

    /** Starts the import in the background and answers at once. */
    @POST
    @Path("import.run")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject run() {
        job.start(operations.startRun());
        return SUCCESS;
    }

    @POST
    @Path("import.clear")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject clear() {
        operations.clear();
        return SUCCESS;
    }

    @GET
    @Path("getCurrentImportOperation")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject current() {
        JsonObjectBuilder current = Json.createObjectBuilder();
        operations.latest().ifPresentOrElse(o -> current.add("operation", o.toJson()),
                () -> current.add("operation", JsonValue.NULL));
        return current.add("success", true).build();
    }

    /** The documented exception to "every answer is an object": a bare array, newest first. */
    @GET
    @Path("getLatestImportOperations")
    @Authenticated(permission = Permission.VIEW_IMPORT_OPERATIONS)
    public JsonArray latest() {
        JsonArrayBuilder latest = Json.createArrayBuilder();
        operations.newest(LATEST_OPERATIONS).stream().map(ImportOperation::toJson).forEach(latest::add);
        return latest.build();
    }
}
