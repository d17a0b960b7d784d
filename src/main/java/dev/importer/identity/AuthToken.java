package dev.importer.identity;



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
        return Base64.getEncoder().encodeToString(Sha256.of(value));
    }

    @Override
    public String toString() {
        return "AuthToken[hidden]";
    }
}
