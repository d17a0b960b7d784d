package dev.importer.accounts.control;

import dev.importer.accounts.entity.HashingAlgorithm;
import dev.importer.accounts.entity.PasswordHash;
import dev.importer.accounts.entity.PhcString;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The hash functions, all Bouncy Castle's: Argon2id for the service's own hashes, and
 * bcrypt, Argon2 and PBKDF2 to check the hashes that imports bring.
 */
final class HashFunctions {

    /** OWASP's first choice for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder PHC_BASE64 = Base64.getEncoder().withoutPadding();

    private HashFunctions() {
    }

    /** A new Argon2id hash of {@code input} with a fresh salt, as a PHC string. */
    static PasswordHash argon2id(byte[] input) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13,
                MEMORY_KIB, ITERATIONS, LANES, salt, input, HASH_BYTES);
        return new PasswordHash(HashingAlgorithm.ARGON2ID_SHA256, "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS
                + ",p=" + LANES + "$" + PHC_BASE64.encodeToString(salt) + "$" + PHC_BASE64.encodeToString(hash));
    }

    /** True when the Argon2id hash was made with today's parameters. */
    static boolean hasCurrentParameters(PhcString argon2id) {
        return argon2id.parameter("m") == MEMORY_KIB && argon2id.parameter("t") == ITERATIONS
                && argon2id.parameter("p") == LANES;
    }

    /** Whether {@code input} is what the stored hash was made of; in time independent of where they differ. */
    static boolean verify(PasswordHash stored, byte[] input) {
        return switch (stored.algorithm()) {
            case BCRYPT, BCRYPT_SHA256 -> OpenBSDBCrypt.checkPassword(stored.encoded(), input);
            case ARGON2, ARGON2ID_SHA256 -> verifyArgon2(stored.phc(), input);
            case PBKDF2_SHA1 -> verifyPbkdf2(stored.phc(), new SHA1Digest(), input);
            case PBKDF2_SHA256 -> verifyPbkdf2(stored.phc(), new SHA256Digest(), input);
            case PBKDF2_SHA512, PBKDF2_JAKARTA -> verifyPbkdf2(stored.phc(), new SHA512Digest(), input);
        };
    }

    private static boolean verifyArgon2(PhcString phc, byte[] input) {
        int type = switch (phc.id()) {
            case "argon2d" -> Argon2Parameters.ARGON2_d;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_id;
        };
        byte[] hash = argon2(type, PasswordHash.argon2Version(phc), phc.parameter("m"), phc.parameter("t"),
                phc.parameter("p"), phc.salt(), input, phc.hash().length);
        return MessageDigest.isEqual(hash, phc.hash());
    }

    private static byte[] argon2(int type, int version, int memoryKib, int iterations, int lanes, byte[] salt,
            byte[] input, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type)
                .withVersion(version)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .build());
        byte[] hash = new byte[length];
        generator.generateBytes(input, hash);
        return hash;
    }

    private static boolean verifyPbkdf2(PhcString phc, Digest digest, byte[] input) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
        generator.init(input, phc.salt(), phc.parameter("i"));
        byte[] hash = ((KeyParameter) generator.generateDerivedParameters(phc.hash().length * 8)).getKey();
        return MessageDigest.isEqual(hash, phc.hash());
    }
}
