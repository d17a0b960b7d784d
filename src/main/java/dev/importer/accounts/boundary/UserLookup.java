package dev.importer.accounts.boundary;

import dev.importer.accounts.control.UserRepository;
import dev.importer.accounts.entity.User;
import dev.importer.identity.UserId;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import jakarta.json.JsonObject;
import java.util.Optional;

/** The user a request names, as Rocket.Chat's getUserFromParams: by {@code userId}, else by {@code username}. */
public record UserLookup(Optional<String> userId, Optional<String> username) {

    public static UserLookup from(JsonObject request) {
        UserLookup lookup = new UserLookup(JsonBodies.string(request, "userId"), JsonBodies.string(request, "username"));
        if (lookup.userId.isEmpty() && lookup.username.isEmpty()) {
            throw ApiException.invalidParams("'userId' or 'username' is required");
        }
        return lookup;
    }

    public User find(UserRepository users) {
        Optional<User> user = userId.isPresent()
                ? userId.filter(UserId::isWellFormed).flatMap(users::find)
                : username.flatMap(users::findByUsername);
        return user.orElseThrow(() -> new ApiException("error-invalid-user", "There is no user with this username"));
    }
}
