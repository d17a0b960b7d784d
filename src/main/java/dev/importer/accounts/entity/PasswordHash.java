package dev.importer.accounts.entity;

import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored password hash and the algorithm that made it, always well-formed. The bounds on
 * the work factors keep one login check under about a second of a core and 256 MiB, whatever
 * an import brought, and still admit what real systems export: bcrypt up to cost 14, PBKDF2
 * up to 2,000,000 iterations, Argon2 up to 256 MiB and, memory times passes, 1 GiB.
 */
public record PasswordHash(HashingAlgorithm algorithm, String encoded) {

    public static final int MAX_BCRYPT_COST = 14;
    public static final int MAX_ARGON2_MEMORY_KIB = 256 * 1024;
    public static final int MAX_ARGON2_ITERATIONS = 32;
    /** Memory times passes: what one Argon2 check writes, whatever its split. */
    public static final long MAX_ARGON2_WORK_KIB = 1024L * 1024;
    public static final int MAX_ARGON2_LANES = 16;
    public static final int MAX_PBKDF2_ITERATIONS = 2_000_000;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$([0-9]{2})\\$[./A-Za-z0-9]{53}");
    private static final Pattern JAKARTA_PBKDF2 = Pattern.compile("PBKDF2WithHmacSHA512:([0-9]{1,10}):([^:]+):([^:]+)");
    private static final Set<String> ARGON2_TYPES = Set.of("argon2i", "argon2d", "argon2id");
    private static final Set<Integer> ARGON2_VERSIONS = Set.of(0x10, 0x13);

    public PasswordHash {
        Objects.requireNonNull(algorithm);
        Objects.requireNonNull(encoded);
        switch (algorithm) {
            case BCRYPT, BCRYPT_SHA256 -> checkBcrypt(encoded);
            case ARGON2 -> checkArgon2(PhcString.parse(encoded));
            case ARGON2ID_SHA256 -> checkArgon2id(PhcString.parse(encoded));
            case PBKDF2_SHA1, PBKDF2_SHA256, PBKDF2_SHA512 -> checkPbkdf2(PhcString.parse(encoded), algorithm);
            case PBKDF2_JAKARTA -> checkPbkdf2(jakartaAsPhc(encoded), HashingAlgorithm.PBKDF2_SHA512);
        }
    }

    /** A hash brought by an import; malformed or unknown: IllegalArgumentException saying why. */
    public static PasswordHash imported(String algorithmName, String encoded) {
        HashingAlgorithm algorithm = HashingAlgorithm.importable(algorithmName).orElseThrow(() ->
                new IllegalArgumentException("hashingAlgorithm '" + algorithmName + "' is not one of bcrypt, "
                        + "bcrypt-sha256, argon2, pbkdf2-sha1, pbkdf2-sha256, pbkdf2-sha512"));
        try {
            return new PasswordHash(algorithm, encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("passwordHash (" + algorithmName + ") " + e.getMessage());
        }
    }

    /** The Argon2 or PBKDF2 hash in PHC form (Jakarta's PBKDF2 format translated). */
    public PhcString phc() {
        return algorithm == HashingAlgorithm.PBKDF2_JAKARTA ? jakartaAsPhc(encoded) : PhcString.parse(encoded);
    }

    private static void checkBcrypt(String encoded) {
        Matcher bcrypt = BCRYPT.matcher(encoded);
        if (!bcrypt.matches()) {
            throw new IllegalArgumentException("is not a bcrypt hash ($2a$, $2b$ or $2y$, cost, 53 characters)");
        }
        requireBetween(4, MAX_BCRYPT_COST, Integer.parseInt(bcrypt.group(1)), "the bcrypt cost");
    }

    private static void checkArgon2id(PhcString phc) {
        if (!phc.id().equals("argon2id")) {
            throw new IllegalArgumentException("is not an Argon2id hash");
        }
        checkArgon2(phc);
    }

    private static void checkArgon2(PhcString phc) {
        if (!ARGON2_TYPES.contains(phc.id())) {
            throw new IllegalArgumentException("is not an $argon2id$, $argon2i$ or $argon2d$ hash");
        }
        if (!ARGON2_VERSIONS.contains(argon2Version(phc))) {
            throw new IllegalArgumentException("has an Argon2 version other than 16 or 19");
        }
        requireParameters(phc, Set.of("m", "t", "p"));
        int lanes = requireBetween(1, MAX_ARGON2_LANES, phc.parameter("p"), "p");
        int memory = requireBetween(8 * lanes, MAX_ARGON2_MEMORY_KIB, phc.parameter("m"), "m");
        int passes = requireBetween(1, MAX_ARGON2_ITERATIONS, phc.parameter("t"), "t");
        if ((long) memory * passes > MAX_ARGON2_WORK_KIB) {
            throw new IllegalArgumentException("has m times t " + (long) memory * passes + ", over "
                    + MAX_ARGON2_WORK_KIB);
        }
        requireBetween(8, 64, phc.salt().length, "the salt's length in bytes");
        requireBetween(4, 64, phc.hash().length, "the hash's length in bytes");
    }

    /** Argon2's version, 0x13 (19) or 0x10 (16); strings of version 0x10 may leave it out. */
    public static int argon2Version(PhcString phc) {
        return phc.version().orElse(0x10);
    }

    private static void checkPbkdf2(PhcString phc, HashingAlgorithm algorithm) {
        if (!phc.id().equals(algorithm.wireName()) || phc.version().isPresent()) {
            throw new IllegalArgumentException("does not begin with $" + algorithm.wireName() + "$");
        }
        requireParameters(phc, phc.parameters().containsKey("l") ? Set.of("i", "l") : Set.of("i"));
        requireBetween(1, MAX_PBKDF2_ITERATIONS, phc.parameter("i"), "the iterations (i)");
        requireBetween(8, 128, phc.hash().length, "the hash's length in bytes");
        if (phc.parameters().containsKey("l") && phc.parameter("l") != phc.hash().length) {
            throw new IllegalArgumentException("has a hash of " + phc.hash().length + " bytes where l says "
                    + phc.parameter("l"));
        }
    }

    private static PhcString jakartaAsPhc(String encoded) {
        Matcher jakarta = JAKARTA_PBKDF2.matcher(encoded);
        if (!jakarta.matches()) {
            throw new IllegalArgumentException("is not in Jakarta Security's PBKDF2WithHmacSHA512 format");
        }
        try {
            return new PhcString(HashingAlgorithm.PBKDF2_SHA512.wireName(), OptionalInt.empty(),
                    Map.of("i", Integer.parseInt(jakarta.group(1))),
                    Base64.getDecoder().decode(jakarta.group(2)), Base64.getDecoder().decode(jakarta.group(3)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not in Jakarta Security's PBKDF2WithHmacSHA512 format");
        }
    }

    private static void requireParameters(PhcString phc, Set<String> expected) {
        if (!phc.parameters().keySet().equals(expected)) {
            throw new IllegalArgumentException("has parameters " + phc.parameters().keySet() + " where "
                    + expected + " are expected");
        }
    }

    private static int requireBetween(int min, int max, int value, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("has " + what + " " + value + ", not between " + min + " and " + max);
        }
        return value;
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm.wireName() + "]";
    }
}
