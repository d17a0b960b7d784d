package dev.importer.platform.http;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * The JSON-P provider, looked up once. Each {@code Json.createObjectBuilder()} and the like
 * looks it up anew through the ServiceLoader, scanning the class path: under load that was a
 * fifth of import.new's time. Use {@code JSON.createObjectBuilder()} instead.
 */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {
    }

    /** A JSON object the service wrote itself (a column it stored), read back. */
    public static JsonObject parseObject(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
