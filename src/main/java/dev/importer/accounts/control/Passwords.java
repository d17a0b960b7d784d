package dev.importer.accounts.control;

import dev.importer.accounts.entity.PasswordDigest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Slow, salted password hashes from the platform's own PBKDF2 implementation
 * (Jakarta Security), with OWASP's parameters for PBKDF2-HMAC-SHA512. A stored hash
 * names its algorithm and iterations, so changing them later keeps old hashes valid.
 */
@ApplicationScoped
public class Passwords {

    private static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** Compared against when there is no user, so that a wrong name costs what a wrong password does. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(PARAMETERS);
        decoy = hash(PasswordDigest.ofClearText("decoy"));
    }

    public String hash(PasswordDigest password) {
        return pbkdf2.generate(password.hex().toCharArray());
    }

    public boolean matches(PasswordDigest password, String storedHash) {
        return storedHash != null && pbkdf2.verify(password.hex().toCharArray(), storedHash);
    }

    public void spendTimeOfOneCheck(PasswordDigest password) {
        pbkdf2.verify(password.hex().toCharArray(), decoy);
    }
}
