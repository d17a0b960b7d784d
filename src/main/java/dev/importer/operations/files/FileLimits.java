package dev.importer.operations.files;

/**
 * How much of a file is read: at most {@code maxExpandedBytes} of what its entries expand to
 * (counted as read, whatever a zip's headers claim), at most {@code maxEntries} zip entries.
 */
public record FileLimits(long maxExpandedBytes, int maxEntries) {

    /** A CSV record (a row, line breaks in quoted fields included) longer than this is refused. */
    public static final int MAX_RECORD_CHARS = 1 << 20;
}
