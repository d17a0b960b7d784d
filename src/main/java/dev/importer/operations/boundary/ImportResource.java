package dev.importer.operations.boundary;

import dev.importer.security.boundary.Authenticated;
import dev.importer.security.entity.Caller;
import dev.importer.security.entity.Permission;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    ImportOperations operations;

    /** Rocket.Chat's {@code import.new}. The request body, if any, is ignored. */
    @POST
    @Path("import.new")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject startNew(@Context SecurityContext security) {
        return Json.createObjectBuilder()
                .add("operation", operations.startNew(Caller.of(security).userId()).toJson())
                .add("success", true)
                .build();
    }
}
