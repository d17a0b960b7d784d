package dev.importer.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import com.password4j.types.Bcrypt;
import dev.importer.accounts.entity.HashingAlgorithm;
import dev.importer.accounts.entity.PasswordDigest;
import dev.importer.accounts.entity.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Bouncy Castle's checks against hashes made by other implementations: Password4j (bcrypt,
 * Argon2), the JDK (PBKDF2), the Argon2 reference's own example, and a hash that this
 * service's earlier release stored through Payara's Jakarta Security.
 */
class HashFunctionsTest {

    private static final Base64.Encoder PHC_BASE64 = Base64.getEncoder().withoutPadding();

    @Test
    void bcryptOfEveryVariant() {
        for (Bcrypt variant : new Bcrypt[] {Bcrypt.A, Bcrypt.B, Bcrypt.Y}) {
            String hash = Password.hash("correct horse").with(BcryptFunction.getInstance(variant, 6)).getResult();
            assertTrue(hash.startsWith("$2" + variant.minor() + "$06$"), hash);
            assertMatchesOnly(new PasswordHash(HashingAlgorithm.BCRYPT, hash), clear("correct horse"), clear("correct hors"));
        }
    }

    @Test
    void bcryptUsesTheFirst72BytesAsEveryBcryptDoes() {
        String longPassword = "é".repeat(40) + "tail";   // 84 bytes in UTF-8
        String hash = Password.hash(longPassword).with(BcryptFunction.getInstance(Bcrypt.B, 5)).getResult();
        PasswordHash stored = new PasswordHash(HashingAlgorithm.BCRYPT, hash);

        assertTrue(HashFunctions.verify(stored, clear(longPassword)));
        assertTrue(HashFunctions.verify(stored, clear("é".repeat(36) + "other")));
        assertFalse(HashFunctions.verify(stored, clear("é".repeat(35))));
    }

    @Test
    void bcryptOfTheSha256HexAsRocketChatStoresIt() {
        String hex = PasswordDigest.ofClearText("rocket-password").hex();
        String hash = Password.hash(hex).with(BcryptFunction.getInstance(Bcrypt.B, 6)).getResult();

        assertMatchesOnly(new PasswordHash(HashingAlgorithm.BCRYPT_SHA256, hash),
                PasswordDigest.ofClearText("rocket-password").bytes(), PasswordDigest.ofClearText("rocket").bytes());
    }

    @Test
    void argon2OfEveryTypeAndVersion() {
        for (Argon2 type : Argon2.values()) {
            for (int version : new int[] {0x10, 0x13}) {
                String hash = Password.hash("argon password").addRandomSalt(16)
                        .with(Argon2Function.getInstance(1024, 2, 2, 32, type, version)).getResult();
                assertMatchesOnly(new PasswordHash(HashingAlgorithm.ARGON2, hash), clear("argon password"),
                        clear("argon passwort"));
            }
        }
    }

    @Test
    void argon2TheReferenceImplementationsExample() {
        // echo -n "password" | ./argon2 somesalt -t 2 -m 16 -p 4 -l 24, from the Argon2 reference's README
        PasswordHash stored = new PasswordHash(HashingAlgorithm.ARGON2,
                "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG");
        assertMatchesOnly(stored, clear("password"), clear("Password"));
    }

    @Test
    void pbkdf2WithEveryDigestWithAndWithoutTheKeyLength() throws GeneralSecurityException {
        byte[] salt = "a salt of 16 b..".getBytes(StandardCharsets.US_ASCII);
        String[][] digests = {{"pbkdf2-sha1", "PBKDF2WithHmacSHA1"}, {"pbkdf2-sha256", "PBKDF2WithHmacSHA256"},
                {"pbkdf2-sha512", "PBKDF2WithHmacSHA512"}};
        for (String[] digest : digests) {
            byte[] hash = SecretKeyFactory.getInstance(digest[1])
                    .generateSecret(new PBEKeySpec("pbkdf2 pässword".toCharArray(), salt, 1000, 256)).getEncoded();
            String encodedHash = PHC_BASE64.encodeToString(hash);
            String encodedSalt = PHC_BASE64.encodeToString(salt);
            HashingAlgorithm algorithm = HashingAlgorithm.fromWireName(digest[0]).orElseThrow();
            assertMatchesOnly(new PasswordHash(algorithm, "$" + digest[0] + "$i=1000,l=32$" + encodedSalt + "$" + encodedHash),
                    clear("pbkdf2 pässword"), clear("pbkdf2 password"));
            assertMatchesOnly(new PasswordHash(algorithm, "$" + digest[0] + "$i=1000$" + encodedSalt + "$" + encodedHash),
                    clear("pbkdf2 pässword"), clear("pbkdf2 password"));
        }
    }

    @Test
    void theServicesEarlierJakartaSecurityHashes() {
        // Stored by the previous release (Payara Micro 6.2025.10) for the password "legacy-password".
        PasswordHash stored = new PasswordHash(HashingAlgorithm.PBKDF2_JAKARTA, "PBKDF2WithHmacSHA512:210000:"
                + "gBPFPTqqkdrWkPhUmBJLYA==:B8lgdxvgOD1CcG32cZfKvU7X4bUh0/SBea0zKfNr2JZCnhpFv9w3M1XdU8N6uiSON+QR9oecoBcrP9+7wwhgJg==");
        assertMatchesOnly(stored, PasswordDigest.ofClearText("legacy-password").bytes(),
                PasswordDigest.ofClearText("legacy-passwort").bytes());
    }

    @Test
    void theServicesOwnHashIsArgon2idWithOwaspsParametersAndAFreshSalt() {
        byte[] input = PasswordDigest.ofClearText("own password").bytes();
        PasswordHash first = HashFunctions.argon2id(input);
        PasswordHash second = HashFunctions.argon2id(input);

        assertEquals(HashingAlgorithm.ARGON2ID_SHA256, first.algorithm());
        assertTrue(first.encoded().startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first.encoded());
        assertNotEquals(first.encoded(), second.encoded());
        assertMatchesOnly(first, input, PasswordDigest.ofClearText("own passwort").bytes());
        assertTrue(HashFunctions.hasCurrentParameters(first.phc()));
        assertTrue(Password.check(new String(input, StandardCharsets.US_ASCII), first.encoded())
                .with(Argon2Function.getInstanceFromHash(first.encoded())), "another implementation agrees");
    }

    @Test
    void theReadmesExamplesAreHashesOfCorrectHorse() {
        for (PasswordHash example : List.of(
                new PasswordHash(HashingAlgorithm.BCRYPT, "$2b$10$cVDXJKHTi7aYxI2b2sGymOVtEQx1dIL3JtGzMRQx/.mKSEprQUTNq"),
                new PasswordHash(HashingAlgorithm.ARGON2, "$argon2id$v=19$m=19456,t=2,p=1$B2MYUi8IxHnE8FmFb5z65Q$vguImuBvT0SkrUgDTASsveTcXHZ2tmEMIfVN17f8dgQ"),
                new PasswordHash(HashingAlgorithm.PBKDF2_SHA1, "$pbkdf2-sha1$i=1300000,l=20$h83rO4t42A3G4o4D45OROA$OjONjYnHOF8YaUWAXp8uy8oqdvo"),
                new PasswordHash(HashingAlgorithm.PBKDF2_SHA256, "$pbkdf2-sha256$i=600000,l=32$UilvTHHb73r6WyJjuWDQhA$mF36S5Ornkl/P54Wdqip0r+Tu558rGySIwm42RD8uGE"),
                new PasswordHash(HashingAlgorithm.PBKDF2_SHA512, "$pbkdf2-sha512$i=210000,l=64$AsfN8aNF404Wfb2QNdSWtQ$CVvO0Sm5m9JQ1Pke5h1o0k8xr9yaS0flNRIej8ZoEqVKwyircV/6Li3yy7fiLRCMkrRck4Uy54g1lFQMOAHq8A"))) {
            assertMatchesOnly(example, clear("correct horse"), clear("correct horse "));
        }
        assertMatchesOnly(new PasswordHash(HashingAlgorithm.BCRYPT_SHA256, "$2b$10$pF8gYsC5yqgYeYgC/dCnkuEYslYgDzUDBZUg76Qw/s9r0ooY9ZUBi"),
                PasswordDigest.ofClearText("correct horse").bytes(), clear("correct horse"));
    }

    private static void assertMatchesOnly(PasswordHash stored, byte[] right, byte[] wrong) {
        assertTrue(HashFunctions.verify(stored, right), stored + " matches the right password");
        assertFalse(HashFunctions.verify(stored, wrong), stored + " does not match a wrong one");
    }

    private static byte[] clear(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
