package dev.importer.accounts.entity;

import dev.importer.identity.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A password as Rocket.Chat hashes it before anything else: the hex SHA-256 of the clear
 * text. Clients may send either the clear password or this digest
 * ({@code {"digest": "...", "algorithm": "sha-256"}}); both lead here.
 */
public record PasswordDigest(String hex) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public PasswordDigest {
        hex = hex.toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("Not a hex SHA-256 digest");
        }
    }

    public static PasswordDigest ofClearText(String password) {
        return new PasswordDigest(HexFormat.of().formatHex(Sha256.of(password)));
    }

    /** The hex digits as bytes: what the service's own hashes are made of. */
    public byte[] bytes() {
        return hex.getBytes(StandardCharsets.US_ASCII);
    }

    public static boolean isWellFormed(String hex) {
        return hex != null && SHA256_HEX.matcher(hex.toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return "PasswordDigest[hidden]";
    }
}
