package dev.importer.operations.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;

/** Rocket.Chat's import progress steps, stored and shown as {@code importer_*} strings. */
public enum OperationStatus {
    NEW,
    UPLOADING,
    DOWNLOADING_FILE,
    FILE_LOADED,
    PREPARING_STARTED,
    PREPARING_USERS,
    PREPARING_CHANNELS,
    PREPARING_MESSAGES,
    USER_SELECTION,
    IMPORTING_STARTED,
    IMPORTING_USERS,
    IMPORTING_CHANNELS,
    IMPORTING_MESSAGES,
    IMPORTING_FILES,
    FINISHING,
    DONE,
    IMPORT_FAILED,
    IMPORT_CANCELLED;

    public String wireName() {
        return "importer_" + name().toLowerCase(Locale.ROOT);
    }

    public static OperationStatus fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown import status: " + wireName));
    }

    /** Done, failed or cancelled: an abort leaves such a status as it is. */
    public boolean isFinished() {
        return this == DONE || this == IMPORT_FAILED || this == IMPORT_CANCELLED;
    }

    /** A file importer's operation whose file is on its way or being read: no selection yet. */
    public boolean isBeforeSelection() {
        return this == NEW || this == UPLOADING || this == DOWNLOADING_FILE || this == FILE_LOADED
                || this == PREPARING_STARTED || this == PREPARING_USERS || this == PREPARING_CHANNELS
                || this == PREPARING_MESSAGES;
    }

    /** A job is (or should be) working on the operation. */
    public boolean isImporting() {
        return this == IMPORTING_STARTED || this == IMPORTING_USERS || this == IMPORTING_CHANNELS
                || this == IMPORTING_MESSAGES || this == IMPORTING_FILES || this == FINISHING;
    }

    @Converter(autoApply = true)
    public static class WireNameConverter implements AttributeConverter<OperationStatus, String> {
        @Override
        public String convertToDatabaseColumn(OperationStatus status) {
            return status.wireName();
        }

        @Override
        public OperationStatus convertToEntityAttribute(String wireName) {
            return fromWireName(wireName);
        }
    }
}
