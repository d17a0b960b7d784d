package dev.importer.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Rocket.Chat's REST prefix; the WAR itself is served at context root {@code /}. */
@ApplicationPath("api/v1")
public class ImporterApplication extends Application {
}
