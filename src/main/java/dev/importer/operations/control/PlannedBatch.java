package dev.importer.operations.control;

/**
 * One batch of staged users, ready for its transaction: their rows in order and the id each
 * gets if it is imported. Their clear-text passwords are hashed by then (HashingWorker): the
 * hashes are in their staged rows.
 */
public record PlannedBatch(long[] rows, String[] newUserIds) {

    public long lastRow() {
        return rows[rows.length - 1];
    }
}
