package dev.importer.operations.control;

/**
 * One batch of staged users, ready for its transaction: their rows in order, the id each
 * gets if it is imported, and the hash of its clear-text password with its algorithm (null:
 * none), all worked out beforehand so that the transaction does nothing slow.
 */
public record PlannedBatch(long[] rows, String[] newUserIds, String[] passwordHashes, String[] passwordAlgorithms) {

    public long lastRow() {
        return rows[rows.length - 1];
    }
}
