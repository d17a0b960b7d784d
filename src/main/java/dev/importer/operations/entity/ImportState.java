package dev.importer.operations.entity;

import java.util.Locale;

/** The coarse state {@code import.status} reports for an operation. */
public enum ImportState {
    NONE, NEW, LOADING, READY, IMPORTING, DONE, ERROR, CANCELED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportState of(OperationStatus status, boolean valid) {
        if (status == OperationStatus.DONE) {
            return DONE;
        }
        if (status == OperationStatus.IMPORT_CANCELLED) {
            return CANCELED;
        }
        if (!valid) {
            return ERROR;
        }
        return switch (status) {
            case NEW -> NEW;
            case UPLOADING, DOWNLOADING_FILE, FILE_LOADED,
                    PREPARING_STARTED, PREPARING_USERS, PREPARING_CHANNELS, PREPARING_MESSAGES -> LOADING;
            case USER_SELECTION -> READY;
            case IMPORTING_STARTED, IMPORTING_USERS, IMPORTING_CHANNELS, IMPORTING_MESSAGES,
                    IMPORTING_FILES, FINISHING -> IMPORTING;
            default -> ERROR;
        };
    }
}
