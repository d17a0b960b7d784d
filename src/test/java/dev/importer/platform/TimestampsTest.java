package dev.importer.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void alwaysMillisecondsAndZ() {
        assertEquals("2023-08-11T20:08:37.655Z", Timestamps.iso(Instant.parse("2023-08-11T20:08:37.655123Z")));
        assertEquals("2023-08-11T20:08:37.000Z", Timestamps.iso(Instant.parse("2023-08-11T20:08:37Z")));
        assertEquals("2023-08-11T20:08:37.600Z", Timestamps.iso(Instant.parse("2023-08-11T20:08:37.6Z")));
    }
}
