package dev.importer.accounts.entity;

import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import dev.importer.platform.http.Texts;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * What Rocket.Chat's {@code users.update} changes, its {@code data}: {@code name},
 * {@code username}, {@code email} (one address, which becomes the user's only one),
 * {@code password}, {@code active}, {@code roles} (replacing the user's), {@code customFields}
 * (merged into the user's), {@code bio}, {@code statusText}. Each absent when not given; every
 * value checked before the database is asked.
 */
public record UserChanges(Optional<String> username, Optional<String> name, Optional<String> email,
        Optional<PasswordDigest> password, Optional<Boolean> active, Optional<List<String>> roles,
        Optional<JsonObject> customFields, Optional<String> bio, Optional<String> statusText) {

    private static final int MAX_NAME = 255;

    public static UserChanges read(JsonObject data, UsernameRule usernameRule) {
        Optional<String> username = JsonBodies.string(data, "username").map(String::trim);
        username.flatMap(usernameRule::problemWith).ifPresent(problem -> {
            throw new ApiException("error-input-is-not-a-valid-field", "Invalid username: " + problem);
        });
        Optional<String> email = JsonBodies.string(data, "email").map(String::trim);
        email.filter(address -> !EmailAddress.isValid(address)).ifPresent(address -> {
            throw new ApiException("error-invalid-email", "Invalid email " + address);
        });
        Optional<List<String>> roles = JsonBodies.strings(data, "roles").map(r -> r.stream().distinct().toList());
        roles.ifPresent(r -> r.forEach(role -> Texts.requirePlain("a role", role, MAX_NAME)));
        Profile profile = Profile.read(data);
        return new UserChanges(username,
                JsonBodies.string(data, "name").map(n -> Texts.requireAtMost("'name'", n, MAX_NAME)),
                email,
                JsonBodies.string(data, "password").filter(p -> !p.isEmpty()).map(PasswordDigest::ofClearText),
                JsonBodies.bool(data, "active"),
                roles,
                profile.customFields(), profile.bio(), profile.statusText());
    }

    /** Whether the change could leave no active administrator, or nobody active holding access-permissions. */
    public boolean mayReduceAuthority() {
        return active.equals(Optional.of(false)) || roles.isPresent();
    }
}
