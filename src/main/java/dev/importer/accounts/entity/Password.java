package dev.importer.accounts.entity;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A password as a login presents it: its hex SHA-256 always (Rocket.Chat's clients may send
 * nothing else), and the clear text when the client sent it. Hashes imported from systems
 * that hashed the clear text can only be checked with the latter.
 */
public record Password(PasswordDigest digest, Optional<String> clearText) {

    public static Password ofClearText(String clearText) {
        return new Password(PasswordDigest.ofClearText(clearText), Optional.of(clearText));
    }

    public static Password ofDigest(PasswordDigest digest) {
        return new Password(digest, Optional.empty());
    }

    /** The bytes that the algorithm hashed; empty when this login did not send them. */
    public Optional<byte[]> bytesFor(HashingAlgorithm algorithm) {
        return switch (algorithm.input()) {
            case SHA256_HEX -> Optional.of(digest.bytes());
            case CLEAR_TEXT -> clearText.map(text -> text.getBytes(StandardCharsets.UTF_8));
        };
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
