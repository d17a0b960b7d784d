package dev.importer.operations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationIdTest {

    @Test
    void startsWithTheCreationTimeInSeconds() {
        OperationId id = OperationId.generate(Instant.parse("2023-08-11T20:08:37.655Z"));

        assertTrue(id.value().startsWith("64d69545"), id.value());
        assertEquals(Instant.parse("2023-08-11T20:08:37Z"), id.createdAt());
    }

    @Test
    void isTwentyFourLowercaseHexDigits() {
        assertTrue(OperationId.generate(Instant.now()).value().matches("[0-9a-f]{24}"));
    }

    @Test
    void idsOfTheSameSecondDiffer() {
        Instant now = Instant.now();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(OperationId.generate(now).value());
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void refusesMalformedValues() {
        assertThrows(IllegalArgumentException.class, () -> new OperationId("64D69545EE8AE821983005F5"));
        assertThrows(IllegalArgumentException.class, () -> new OperationId("64d69545"));
        assertThrows(IllegalArgumentException.class, () -> new OperationId(null));
    }
}
