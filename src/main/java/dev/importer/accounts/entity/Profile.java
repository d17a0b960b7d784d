package dev.importer.accounts.entity;

import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import dev.importer.platform.http.Texts;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Rocket.Chat keeps of a user besides its names, addresses, password and roles (its
 * IImportUser): whether it was deleted in the system it comes from, its kind ({@code user} or
 * {@code bot}), custom fields as given, bio, status text, UTC offset in hours and an avatar to
 * fetch. Each absent when not given; empty texts count as not given, as in Rocket.Chat. Each
 * member of the wrong type or beyond its column is refused with a 400 naming it.
 */
public record Profile(Optional<Boolean> deleted, Optional<String> type, Optional<JsonObject> customFields,
        Optional<String> bio, Optional<String> statusText, Optional<BigDecimal> utcOffset, Optional<String> avatarUrl) {

    private static final Set<String> TYPES = Set.of("user", "bot");
    /** The widths of the columns (migration V10). */
    private static final int MAX_BIO = 1000;
    private static final int MAX_STATUS_TEXT = 255;
    private static final int MAX_AVATAR_URL = 2048;
    /** Custom fields are kept as given, within this size as JSON. */
    private static final int MAX_CUSTOM_FIELDS = 16 * 1024;
    private static final BigDecimal MAX_UTC_OFFSET = BigDecimal.valueOf(14);

    public static final Profile NONE = new Profile(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** The members of {@code json} that describe the user. */
    public static Profile read(JsonObject json) {
        Optional<String> type = JsonBodies.string(json, "type").filter(t -> !t.isEmpty());
        type.filter(t -> !TYPES.contains(t)).ifPresent(t -> {
            throw ApiException.invalidParams("'type' must be user or bot");
        });
        Optional<JsonObject> customFields = JsonBodies.object(json, "customFields");
        customFields.ifPresent(Profile::requirePlain);
        Optional<String> avatarUrl = text(json, "avatarUrl", MAX_AVATAR_URL);
        avatarUrl.filter(url -> !isWebAddress(url)).ifPresent(url -> {
            throw ApiException.invalidParams("'avatarUrl' must be an http or https URL");
        });
        return new Profile(JsonBodies.bool(json, "deleted"), type, customFields,
                text(json, "bio", MAX_BIO), text(json, "statusText", MAX_STATUS_TEXT), utcOffset(json), avatarUrl);
    }

    /** The members given, under the names Rocket.Chat gives them. */
    public void addTo(JsonObjectBuilder json) {
        deleted.ifPresent(d -> json.add("deleted", d));
        type.ifPresent(t -> json.add("type", t));
        customFields.ifPresent(c -> json.add("customFields", c));
        bio.ifPresent(b -> json.add("bio", b));
        statusText.ifPresent(s -> json.add("statusText", s));
        utcOffset.ifPresent(o -> json.add("utcOffset", o));
        avatarUrl.ifPresent(a -> json.add("avatarUrl", a));
    }

    private static Optional<String> text(JsonObject json, String name, int maxLength) {
        return JsonBodies.string(json, name)
                .filter(s -> !s.isBlank())
                .map(s -> Texts.requireAtMost("'" + name + "'", s, maxLength));
    }

    private static Optional<BigDecimal> utcOffset(JsonObject json) {
        JsonValue value = json.get("utcOffset");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number) || number.bigDecimalValue().abs().compareTo(MAX_UTC_OFFSET) > 0) {
            throw ApiException.invalidParams("'utcOffset' must be a number of hours from -14 to 14");
        }
        return Optional.of(number.bigDecimalValue());
    }

    /** Custom fields within their size, and no name or text in them with a control character but tab. */
    private static void requirePlain(JsonObject customFields) {
        if (customFields.toString().length() > MAX_CUSTOM_FIELDS) {
            throw ApiException.invalidParams("'customFields' must be at most " + MAX_CUSTOM_FIELDS + " characters as JSON");
        }
        requirePlainValue(customFields);
    }

    private static void requirePlainValue(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    requirePlainText(member.getKey());
                    requirePlainValue(member.getValue());
                }
            }
            case ARRAY -> value.asJsonArray().forEach(Profile::requirePlainValue);
            case STRING -> requirePlainText(((JsonString) value).getString());
            default -> { }
        }
    }

    private static void requirePlainText(String text) {
        if (Texts.hasControlCharacter(text, true)) {
            throw ApiException.invalidParams("'customFields' must not contain control characters");
        }
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
