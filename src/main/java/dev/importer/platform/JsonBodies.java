package dev.importer.platform;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/** Reads request bodies strictly: anything but what was asked for is a 400, never a 500. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object; an absent or empty body is an empty object. */
    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.invalidParams("The request body must be a JSON object");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw ApiException.invalidParams("The request body is not valid JSON");
        }
    }

    /** A string member, absent when missing or null; any other type is refused. */
    public static Optional<String> string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw ApiException.invalidParams("'" + name + "' must be a string");
        }
        return Optional.of(((JsonString) value).getString());
    }

    public static String requiredString(JsonObject object, String name) {
        return string(object, name)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiException.invalidParams("'" + name + "' is required"));
    }
}
