package dev.importer.platform.http;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. Each {@code Json.createObjectBuilder()} and the like
 * looks it up anew through the ServiceLoader, scanning the class path: under load that was a
 * fifth of import.new's time. Use {@code JSON.createObjectBuilder()} instead.
 */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }
}
