package dev.importer.platform.http;

/**
 * A page of a list, as Rocket.Chat's paged endpoints take it: {@code ?offset=0&count=50}.
 * Anything but a whole number in range is a 400 naming the parameter.
 */
public record Paging(int offset, int count) {

    /** Pages are at most this long, whatever the endpoint. */
    public static final int MAX_COUNT = 1000;

    public static Paging of(String offset, String count, int defaultCount) {
        return new Paging(wholeNumber("offset", offset, 0, 0, Integer.MAX_VALUE),
                wholeNumber("count", count, defaultCount, 1, MAX_COUNT));
    }

    private static int wholeNumber(String name, String value, int absent, int min, int max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, like any number out of range
        }
        throw ApiException.invalidParams("'" + name + "' must be a whole number from " + min + " to " + max);
    }
}
