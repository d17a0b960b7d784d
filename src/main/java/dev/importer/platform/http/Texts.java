package dev.importer.platform.http;


/** Checks on the text values a request brings, before any reaches the database. */
public final class Texts {

    private Texts() {
    }

    /** Whether the text holds NUL or another C0 control character (tab too, unless allowed). */
    public static boolean hasControlCharacter(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && !(tabAllowed && c == '\t')) {
                return true;
            }
        }
        return false;
    }

    /** Refuses, naming the field, a value longer than its column or holding a control character (tab included). */
    public static String requirePlain(String field, String value, int maxLength) {
        if (hasControlCharacter(value, false)) {
            throw ApiException.invalidParams(field + " must not contain control characters");
        }
        return requireAtMost(field, value, maxLength);
    }

    /** Refuses, naming the field, a value longer than its column. */
    public static String requireAtMost(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw ApiException.invalidParams(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }
}
