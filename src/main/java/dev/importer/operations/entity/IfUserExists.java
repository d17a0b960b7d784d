package dev.importer.operations.entity;

import dev.importer.platform.http.ApiException;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;

/** What {@code import.run} does with a staged user whose username exists already. */
public enum IfUserExists {
    SKIP, UPDATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IfUserExists fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(v -> v.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidParams("'ifUserExists' must be skip or update"));
    }

    @Converter(autoApply = true)
    public static class WireNameConverter implements AttributeConverter<IfUserExists, String> {
        @Override
        public String convertToDatabaseColumn(IfUserExists mode) {
            return mode.wireName();
        }

        @Override
        public IfUserExists convertToEntityAttribute(String wireName) {
            return fromWireName(wireName);
        }
    }
}
