package dev.importer.operations.entity;

/** What an entry of the audit trail ({@code import.events}) records. */
public enum EventType {
    NEW("new"), CLEAR("clear"), ADD_USERS("addUsers"), RUN("run"), VALIDATE("validate"),
    /** A valid operation invalidated by {@code import.new} or {@code import.clear}. */
    ABORT("abort"),
    /** An import taken over by this instance: the one that ran it stopped renewing its lease. */
    TAKEOVER("takeover"),
    DONE("done"), FAILED("failed"),
    /** A running import stopped by {@code import.cancel}, its staged rows and outcomes kept. */
    CANCEL("cancel");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
