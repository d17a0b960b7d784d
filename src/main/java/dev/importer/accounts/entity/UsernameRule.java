package dev.importer.accounts.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a username may be: the whole of it matches the pattern (USERNAME_PATTERN, by default
 * Rocket.Chat's {@code [0-9a-zA-Z-_.]+}), at most 255 characters. Uniqueness ignoring case is
 * the database's (users_unique_username_ignoring_case).
 */
public record UsernameRule(Pattern pattern) {

    public static final String DEFAULT_PATTERN = "[0-9a-zA-Z-_.]+";
    /** The width of {@code users.username}. */
    public static final int MAX_LENGTH = 255;

    public static UsernameRule of(String pattern) {
        return new UsernameRule(Pattern.compile(pattern));
    }

    /** Why the username is refused; empty when it is fine. */
    public Optional<String> problemWith(String username) {
        if (username.length() > MAX_LENGTH) {
            return Optional.of("the username is longer than " + MAX_LENGTH + " characters");
        }
        if (!pattern.matcher(username).matches()) {
            return Optional.of("the username may hold only the characters " + pattern.pattern());
        }
        return Optional.empty();
    }
}
