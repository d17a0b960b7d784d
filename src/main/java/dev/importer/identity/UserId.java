package dev.importer.identity;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A Rocket.Chat user id: 17 characters from an alphabet without look-alikes. */
public record UserId(String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
    static final int LENGTH = 17;
    private static final Pattern WELL_FORMED = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int UNBIASED_LIMIT = 256 - 256 % ALPHABET.length();

    public UserId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("Not a user id: " + value);
        }
    }

    /**
     * Random bytes drawn in one call (an import makes thousands of ids a second, and each
     * call to the generator has a cost); a byte at or above UNBIASED_LIMIT is dropped so that
     * every character is equally likely.
     */
    public static UserId generate() {
        char[] id = new char[LENGTH];
        byte[] random = new byte[2 * LENGTH];
        int filled = 0;
        while (filled < LENGTH) {
            RANDOM.nextBytes(random);
            for (int i = 0; i < random.length && filled < LENGTH; i++) {
                int value = random[i] & 0xFF;
                if (value < UNBIASED_LIMIT) {
                    id[filled++] = ALPHABET.charAt(value % ALPHABET.length());
                }
            }
        }
        return new UserId(new String(id));
    }

    public static boolean isWellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
