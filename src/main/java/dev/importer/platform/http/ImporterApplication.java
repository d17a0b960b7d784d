package dev.importer.platform.http;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Rocket.Chat's REST prefix; the WAR itself is served at context root {@code /}. */
@ApplicationPath("api/v1")
public class ImporterApplication extends Application {

    /** No WADL: it is XML, and it describes nothing that OpenAPI does not. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
