package dev.importer.accounts.boundary;

import dev.importer.accounts.control.UserRepository;
import dev.importer.accounts.entity.User;
import dev.importer.identity.UserId;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import dev.importer.platform.http.Texts;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.stream.Stream;

/** The user a request names, as Rocket.Chat's getUserFromParams: by {@code userId}, else by {@code username}. */
public record UserLookup(Optional<String> userId, Optional<String> username) {

    public UserLookup {
        userId = userId.filter(id -> !id.isBlank());
        username = username.filter(name -> !name.isBlank());
        if (userId.isEmpty() && username.isEmpty()) {
            throw ApiException.invalidParams("'userId' or 'username' is required");
        }
        // A query parameter is not checked on its way in, as a JSON body's strings are; the
        // database refuses a NUL with an error, not with "no such user".
        if (Stream.concat(userId.stream(), username.stream()).anyMatch(value -> Texts.hasControlCharacter(value, true))) {
            throw ApiException.invalidParams("'userId' and 'username' must not contain control characters");
        }
    }

    /** From a body's {@code userId} or {@code username}. */
    public static UserLookup from(JsonObject request) {
        return new UserLookup(JsonBodies.string(request, "userId"), JsonBodies.string(request, "username"));
    }

    /** From a query's {@code userId} or {@code username}. */
    public static UserLookup of(String userId, String username) {
        return new UserLookup(Optional.ofNullable(userId), Optional.ofNullable(username));
    }

    public User find(UserRepository users) {
        Optional<User> user = userId.isPresent()
                ? userId.filter(UserId::isWellFormed).flatMap(users::find)
                : username.flatMap(users::findByUsername);
        return user.orElseThrow(() -> new ApiException("error-invalid-user",
                "The required \"userId\" or \"username\" param provided does not match any users"));
    }
}
