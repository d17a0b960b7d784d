package dev.importer.accounts.entity;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A Rocket.Chat user id: 17 characters from an alphabet without look-alikes. */
public record UserId(String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
    static final int LENGTH = 17;
    private static final Pattern WELL_FORMED = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public UserId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("Not a user id: " + value);
        }
    }

    public static UserId generate() {
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new UserId(id.toString());
    }

    public static boolean isWellFormed(String value) {
        return value != null && WELL_FORMED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
