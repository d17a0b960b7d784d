package dev.importer.operations.entity;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.accounts.entity.EmailAddress;
import dev.importer.accounts.entity.HashingAlgorithm;
import dev.importer.accounts.entity.PasswordHash;
import dev.importer.accounts.entity.Profile;
import dev.importer.accounts.entity.UsernameRule;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import dev.importer.platform.http.Texts;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A user as {@code import.addUsers} stages it. Without a username, the local part of the
 * first e-mail address is used; either way it must pass the {@link UsernameRule}. Every
 * address must be one ({@link EmailAddress}); one given twice (in any letter case) is kept once.
 * A password comes as clear text ({@code password}), or as a hash from the system the user
 * comes from ({@code passwordHash} and {@code hashingAlgorithm}, or Rocket.Chat's
 * {@code services.password.bcrypt}); never both. The rest of what Rocket.Chat keeps of a
 * user is its {@link Profile}.
 */
public record StagedUser(String username, Optional<String> name, List<String> emails, List<String> importIds,
        Optional<String> password, Optional<PasswordHash> passwordHash, List<String> roles, Profile profile) {

    /** The width of {@code users.name}; import ids and roles are held to the same. */
    private static final int MAX_NAME = 255;

    /** Reads the {@code index}th user of a request; anything malformed is a 400 naming it. */
    public static StagedUser fromJson(JsonValue value, int index, UsernameRule usernameRule) {
        return fromJson(value, "users[" + index + "]", usernameRule);
    }

    /** Reads a user; anything malformed is a 400 naming it by {@code where} (a file's row, say). */
    public static StagedUser fromJson(JsonValue value, String where, UsernameRule usernameRule) {
        try {
            if (!(value instanceof JsonObject user)) {
                throw ApiException.invalidParams("must be an object");
            }
            return read(user, usernameRule);
        } catch (ApiException e) {
            throw ApiException.invalidParams(where + ": " + e.getMessage());
        }
    }

    private static StagedUser read(JsonObject user, UsernameRule usernameRule) {
        List<String> emails = distinctIgnoringCase(nonBlank(user, "emails"));
        List<String> importIds = nonBlank(user, "importIds");
        if (emails.isEmpty()) {
            throw ApiException.invalidParams("needs at least one e-mail address");
        }
        if (importIds.isEmpty()) {
            throw ApiException.invalidParams("needs at least one import id");
        }
        emails.stream().filter(e -> !EmailAddress.isValid(e)).findFirst().ifPresent(e -> {
            throw ApiException.invalidParams("'" + e + "' is not an e-mail address");
        });
        importIds.forEach(id -> Texts.requirePlain("an import id", id, MAX_NAME));
        String username = JsonBodies.string(user, "username")
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .orElseGet(() -> localPart(emails.get(0)));
        usernameRule.problemWith(username).ifPresent(problem -> {
            throw ApiException.invalidParams(problem);
        });
        Optional<String> name = JsonBodies.string(user, "name");
        name.ifPresent(n -> Texts.requireAtMost("name", n, MAX_NAME));
        Optional<String> password = JsonBodies.string(user, "password").filter(s -> !s.isEmpty());
        Optional<PasswordHash> passwordHash = passwordHash(user);
        if (password.isPresent() && passwordHash.isPresent()) {
            throw ApiException.invalidParams("has both a password and a password hash");
        }
        List<String> roles = nonBlank(user, "roles").stream().distinct().toList();
        roles.forEach(role -> Texts.requirePlain("a role", role, MAX_NAME));
        return new StagedUser(username, name, emails, importIds, password, passwordHash, roles, Profile.read(user));
    }

    private static Optional<PasswordHash> passwordHash(JsonObject user) {
        Optional<String> hash = JsonBodies.string(user, "passwordHash");
        Optional<String> algorithm = JsonBodies.string(user, "hashingAlgorithm");
        Optional<String> rocketChatHash = rocketChatBcrypt(user);
        if (rocketChatHash.isPresent()) {
            if (hash.isPresent() || algorithm.isPresent()) {
                throw ApiException.invalidParams("has both passwordHash and services.password.bcrypt");
            }
            return Optional.of(imported(HashingAlgorithm.BCRYPT_SHA256.wireName(), rocketChatHash.get()));
        }
        if (hash.isPresent() != algorithm.isPresent()) {
            throw ApiException.invalidParams("passwordHash and hashingAlgorithm go together");
        }
        return hash.map(h -> imported(algorithm.get(), h));
    }

    /** Rocket.Chat's own export: {@code "services":{"password":{"bcrypt":"$2b$10$..."}}}. */
    private static Optional<String> rocketChatBcrypt(JsonObject user) {
        return JsonBodies.object(user, "services")
                .flatMap(services -> JsonBodies.object(services, "password"))
                .flatMap(password -> JsonBodies.string(password, "bcrypt"));
    }

    private static PasswordHash imported(String algorithm, String hash) {
        try {
            return PasswordHash.imported(algorithm, hash);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParams(e.getMessage());
        }
    }

    /** What {@code import_data.data} holds for the user. */
    public JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("username", username)
                .add("emails", JSON.createArrayBuilder(emails))
                .add("importIds", JSON.createArrayBuilder(importIds))
                .add("roles", JSON.createArrayBuilder(roles));
        name.ifPresent(n -> json.add("name", n));
        password.ifPresent(p -> json.add("password", p));
        passwordHash.ifPresent(h -> json.add("passwordHash", h.encoded())
                .add("hashingAlgorithm", h.algorithm().wireName()));
        profile.addTo(json);
        return json.build();
    }

    private static List<String> nonBlank(JsonObject user, String field) {
        return JsonBodies.strings(user, field).orElse(List.of()).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<String> distinctIgnoringCase(List<String> addresses) {
        Map<String, String> firstSpelling = new LinkedHashMap<>();
        addresses.forEach(a -> firstSpelling.putIfAbsent(a.toLowerCase(Locale.ROOT), a));
        return List.copyOf(firstSpelling.values());
    }

    private static String localPart(String email) {
        int at = email.indexOf('@');
        return (at > 0 ? email.substring(0, at) : email).toLowerCase(Locale.ROOT);
    }
}
