package dev.importer.platform.http;


import static dev.importer.platform.http.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * Reads request bodies strictly: anything but what was asked for is a 400, never a 500. No
 * string may hold NUL or another C0 control character but tab: no column can store NUL, and
 * none of the others belongs in a value (a field that must not hold a tab either says so).
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object; an absent or empty body is an empty object. */
    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.invalidParams("The request body must be a JSON object");
        }
        return value.asJsonObject();
    }

    /**
     * What to answer when reading a JSON body failed: our own refusals and the body size
     * limit stand; anything else the parser threw is invalid JSON (beyond 1,000 levels of
     * nesting Parsson throws a bare RuntimeException, not a JsonException).
     */
    public static RuntimeException unreadable(RuntimeException e) {
        if (e instanceof ApiException || e instanceof WebApplicationException) {
            return e;
        }
        return ApiException.invalidParams("The request body is not valid JSON");
    }

    /** A string member, absent when missing or null; any other type is refused. */
    public static Optional<String> string(JsonObject object, String name) {
        return member(object, name).map(value -> {
            if (value.getValueType() != JsonValue.ValueType.STRING) {
                throw ApiException.invalidParams("'" + name + "' must be a string");
            }
            return withoutControls(name, ((JsonString) value).getString());
        });
    }

    /** An object member, absent when missing or null; any other type is refused. */
    public static Optional<JsonObject> object(JsonObject object, String name) {
        return member(object, name).map(value -> {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiException.invalidParams("'" + name + "' must be an object");
            }
            return value.asJsonObject();
        });
    }

    /** An array member, absent when missing or null; any other type is refused. */
    public static Optional<JsonArray> array(JsonObject object, String name) {
        return member(object, name).map(value -> {
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw ApiException.invalidParams("'" + name + "' must be an array");
            }
            return value.asJsonArray();
        });
    }

    /** An array of strings, absent when missing or null; anything else is refused. */
    public static Optional<List<String>> strings(JsonObject object, String name) {
        return array(object, name).map(array -> array.stream()
                .map(element -> {
                    if (element.getValueType() != JsonValue.ValueType.STRING) {
                        throw ApiException.invalidParams("'" + name + "' must be an array of strings");
                    }
                    return withoutControls(name, ((JsonString) element).getString());
                })
                .toList());
    }

    /** A boolean member, absent when missing or null; any other type is refused. */
    public static Optional<Boolean> bool(JsonObject object, String name) {
        return member(object, name).map(value -> {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw ApiException.invalidParams("'" + name + "' must be true or false");
            }
            return value == JsonValue.TRUE;
        });
    }

    private static String withoutControls(String name, String value) {
        if (Texts.hasControlCharacter(value, true)) {
            throw ApiException.invalidParams("'" + name + "' must not contain control characters");
        }
        return value;
    }

    private static Optional<JsonValue> member(JsonObject object, String name) {
        return Optional.ofNullable(object.get(name)).filter(value -> value.getValueType() != JsonValue.ValueType.NULL);
    }

    public static String requiredString(JsonObject object, String name) {
        return string(object, name)
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiException.invalidParams("'" + name + "' is required"));
    }
}
