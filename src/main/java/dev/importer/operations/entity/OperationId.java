package dev.importer.operations.entity;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An operation id laid out like a MongoDB ObjectId: 4 bytes of creation time in seconds,
 * 5 random bytes chosen once per process, and a 3-byte counter; 24 lowercase hex digits.
 */
public record OperationId(String value) {

    private static final Pattern WELL_FORMED = Pattern.compile("[0-9a-f]{24}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROCESS_UNIQUE = RANDOM.generateSeed(5);
    private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt());

    public OperationId {
        if (value == null || !WELL_FORMED.matcher(value).matches()) {
            throw new IllegalArgumentException("Not an operation id: " + value);
        }
    }

    public static OperationId generate(Instant createdAt) {
        long seconds = createdAt.getEpochSecond();
        int counter = COUNTER.getAndIncrement();
        byte[] bytes = {
            (byte) (seconds >>> 24), (byte) (seconds >>> 16), (byte) (seconds >>> 8), (byte) seconds,
            PROCESS_UNIQUE[0], PROCESS_UNIQUE[1], PROCESS_UNIQUE[2], PROCESS_UNIQUE[3], PROCESS_UNIQUE[4],
            (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter
        };
        return new OperationId(HexFormat.of().formatHex(bytes));
    }

    public Instant createdAt() {
        return Instant.ofEpochSecond(Long.parseLong(value.substring(0, 8), 16));
    }

    @Override
    public String toString() {
        return value;
    }
}
