package dev.importer.accounts.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A token as the client holds it. Only {@link #hashed()} is ever stored. */
public record AuthToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static AuthToken generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new AuthToken(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** SHA-256, base64: Rocket.Chat's {@code hashedToken}. */
    public String hashed() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AuthToken[hidden]";
    }
}
