package dev.importer.accounts.entity;

import java.util.regex.Pattern;

/**
 * Whether a text is an e-mail address, by Rocket.Chat's {@code validateEmail} rule: a local
 * part (dotted words, or a quoted string), {@code @}, and a domain with a dot and a top-level
 * label of two letters or more, or an IP literal in brackets.
 */
public final class EmailAddress {

    /** The width of {@code user_emails.address}. */
    public static final int MAX_LENGTH = 320;

    private static final Pattern ROCKET_CHAT_RULE = Pattern.compile(
            "(([^<>()\\[\\]\\\\.,;:\\s@\"]+(\\.[^<>()\\[\\]\\\\.,;:\\s@\"]+)*)|(\".+\"))"
                    + "@((\\[[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}])|(([a-zA-Z\\-0-9]+\\.)+[a-zA-Z]{2,}))",
            Pattern.UNICODE_CHARACTER_CLASS);

    private EmailAddress() {
    }

    public static boolean isValid(String address) {
        return address.length() <= MAX_LENGTH && ROCKET_CHAT_RULE.matcher(address).matches();
    }
}
