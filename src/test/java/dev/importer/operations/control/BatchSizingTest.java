package dev.importer.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchSizingTest {

    private final BatchSizing sizing = new BatchSizing(2500, 50_000, Duration.ofSeconds(1));

    @Test
    void aFastBatchIsFollowedByALargerOneAtMostTwiceAsLarge() {
        assertEquals(2500, sizing.first());
        assertEquals(5000, sizing.next(2500, Duration.ofMillis(150)), "would fill 1 s with 16,666: doubled only");
        assertEquals(12_012, sizing.next(8000, Duration.ofMillis(666)), "fills 1 s at that pace");
        assertEquals(50_000, sizing.next(40_000, Duration.ofMillis(100)), "the ceiling");
    }

    @Test
    void aSlowBatchIsFollowedByASmallerOneAtLeastHalfAsLarge() {
        assertEquals(10_000, sizing.next(20_000, Duration.ofSeconds(5)));
        assertEquals(16_000, sizing.next(20_000, Duration.ofMillis(1250)));
        assertEquals(2500, sizing.next(3000, Duration.ofSeconds(10)), "the floor");
    }

    @Test
    void aFixedSizeWhenFloorAndCeilingAgree() {
        BatchSizing fixed = new BatchSizing(20, 20, Duration.ofSeconds(1));
        assertEquals(20, fixed.next(20, Duration.ofMillis(1)));
        assertEquals(20, fixed.next(20, Duration.ofSeconds(9)));
        assertThrows(IllegalArgumentException.class, () -> new BatchSizing(30, 20, Duration.ofSeconds(1)));
    }
}
