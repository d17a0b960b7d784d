package dev.importer.operations.entity;

import dev.importer.platform.http.ApiException;
import java.util.Arrays;
import java.util.Locale;

/** What an import did with one staged user; stored and shown in lower case. */
public enum Outcome {
    IMPORTED, UPDATED, SKIPPED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(o -> o.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidParams(
                        "'status' must be one of imported, updated, skipped, failed"));
    }
}
