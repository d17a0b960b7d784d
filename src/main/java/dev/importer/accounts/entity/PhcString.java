package dev.importer.accounts.entity;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A hash in the PHC string format, {@code $id[$v=version]$name=value,...$salt$hash}, salt and
 * hash in base64 (padding optional), as Argon2 and passlib's PBKDF2 write them. Only what
 * password hashes need: every parameter is a non-negative integer, salt and hash are there.
 */
public record PhcString(String id, OptionalInt version, Map<String, Integer> parameters, byte[] salt, byte[] hash) {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern PARAMETER = Pattern.compile("([a-z0-9-]{1,32})=([0-9]{1,10})");

    public static PhcString parse(String encoded) {
        String[] fields = encoded.split("\\$", -1);
        boolean versioned = fields.length > 2 && fields[2].startsWith("v=");
        if (fields.length != (versioned ? 6 : 5) || !fields[0].isEmpty() || !ID.matcher(fields[1]).matches()) {
            throw new IllegalArgumentException("is not a PHC string ($id$parameters$salt$hash)");
        }
        OptionalInt version = versioned ? OptionalInt.of(version(fields[2])) : OptionalInt.empty();
        int next = versioned ? 3 : 2;
        return new PhcString(fields[1], version, parameters(fields[next]),
                base64(fields[next + 1], "salt"), base64(fields[next + 2], "hash"));
    }

    /** The parameter, or an error naming it. */
    public int parameter(String name) {
        Integer value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("has no parameter " + name);
        }
        return value;
    }

    private static int version(String field) {
        String digits = field.substring("v=".length());
        if (!digits.matches("[0-9]{1,10}")) {
            throw new IllegalArgumentException("has a malformed version '" + field + "'");
        }
        return integer(digits, "the version");
    }

    private static Map<String, Integer> parameters(String field) {
        Map<String, Integer> parameters = new LinkedHashMap<>();
        for (String parameter : field.split(",", -1)) {
            var match = PARAMETER.matcher(parameter);
            if (!match.matches()) {
                throw new IllegalArgumentException("has a malformed parameter '" + parameter + "'");
            }
            if (parameters.put(match.group(1), integer(match.group(2), match.group(1))) != null) {
                throw new IllegalArgumentException("repeats the parameter " + match.group(1));
            }
        }
        return Map.copyOf(parameters);
    }

    private static int integer(String digits, String what) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has an invalid number for " + what);
        }
    }

    private static byte[] base64(String field, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(field);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("has a " + what + " that is not base64");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("has an empty " + what);
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "PhcString[" + id + "]";
    }
}
