package dev.importer.settings.boundary;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.platform.Timestamps;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import dev.importer.platform.http.Texts;
import dev.importer.security.boundary.Authenticated;
import dev.importer.security.entity.Permission;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Rocket.Chat's {@code settings/:_id}, for the settings the service keeps (all privileged). */
@Path("settings/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private static final int MAX_VALUE = 4096;

    @Inject
    Settings settings;

    @GET
    @Authenticated(permission = Permission.VIEW_PRIVILEGED_SETTING)
    public JsonObject get(@PathParam("id") String id) {
        Settings.Setting setting = settings.find(id).orElseThrow(() -> Settings.notFound(id));
        return JSON.createObjectBuilder()
                .add("_id", setting.id())
                .add("value", setting.value())
                .add("_updatedAt", Timestamps.iso(setting.updatedAt()))
                .add("success", true)
                .build();
    }

    /** {@code {"value":"..."}} */
    @POST
    @Authenticated(permission = Permission.EDIT_PRIVILEGED_SETTING)
    public JsonObject set(@PathParam("id") String id, String body) {
        String value = JsonBodies.string(JsonBodies.object(body), "value")
                .orElseThrow(() -> ApiException.invalidParams("'value' is required"));
        settings.change(id, Texts.requirePlain("'value'", value, MAX_VALUE));
        return JSON.createObjectBuilder().add("success", true).build();
    }
}
