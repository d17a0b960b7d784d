package dev.importer.accounts.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a stored password hash was made, as {@code users.password_algorithm} names it. The
 * service makes only {@link #ARGON2ID_SHA256}; the others come from imports (and from this
 * service's earlier releases) and are replaced by it at the user's first successful login.
 */
public enum HashingAlgorithm {

    /** The service's own: Argon2id of the password's hex SHA-256, as Rocket.Chat hashes first. */
    ARGON2ID_SHA256("argon2id-sha256", Input.SHA256_HEX, false),
    /** The service's own before Argon2id: Jakarta Security's PBKDF2 format, of the hex SHA-256. */
    PBKDF2_JAKARTA("pbkdf2-jakarta", Input.SHA256_HEX, false),
    BCRYPT("bcrypt", Input.CLEAR_TEXT, true),
    /** Rocket.Chat's and Meteor's: bcrypt of the password's lowercase hex SHA-256. */
    BCRYPT_SHA256("bcrypt-sha256", Input.SHA256_HEX, true),
    ARGON2("argon2", Input.CLEAR_TEXT, true),
    PBKDF2_SHA1("pbkdf2-sha1", Input.CLEAR_TEXT, true),
    PBKDF2_SHA256("pbkdf2-sha256", Input.CLEAR_TEXT, true),
    PBKDF2_SHA512("pbkdf2-sha512", Input.CLEAR_TEXT, true);

    /** What the algorithm was given to hash. */
    public enum Input {
        CLEAR_TEXT, SHA256_HEX
    }

    private final String wireName;
    private final Input input;
    private final boolean importable;

    HashingAlgorithm(String wireName, Input input, boolean importable) {
        this.wireName = wireName;
        this.input = input;
        this.importable = importable;
    }

    public String wireName() {
        return wireName;
    }

    public Input input() {
        return input;
    }

    /** One that {@code import.addUsers} accepts as {@code hashingAlgorithm}. */
    public static Optional<HashingAlgorithm> importable(String wireName) {
        return fromWireName(wireName).filter(a -> a.importable);
    }

    public static Optional<HashingAlgorithm> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(a -> a.wireName.equals(wireName)).findFirst();
    }
}
