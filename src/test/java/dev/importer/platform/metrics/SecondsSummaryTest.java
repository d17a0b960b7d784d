package dev.importer.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SecondsSummaryTest {

    @Test
    void everyFigureIsInSeconds() {
        SecondsSummary summary = new SecondsSummary();
        assertEquals(0, summary.quantile(0.5));
        for (int millis = 1; millis <= 100; millis++) {
            summary.record(Duration.ofMillis(millis));
        }
        assertEquals(100, summary.count());
        assertEquals(5.05, summary.sum(), 1e-9);
        assertEquals(0.1, summary.max(), 1e-9);
        assertEquals(0.0505, summary.mean(), 1e-9);
        assertEquals(0.05, summary.quantile(0.5), 1e-9);
        assertEquals(0.099, summary.quantile(0.99), 1e-9);
        assertEquals(0.1, summary.quantile(0.999), 1e-9);
    }

    @Test
    void quantilesAreOfTheLatestTimesTheRestOfAll() {
        SecondsSummary summary = new SecondsSummary();
        summary.record(Duration.ofSeconds(100));
        for (int i = 0; i < SecondsSummary.WINDOW; i++) {
            summary.record(Duration.ofMillis(10));
        }
        assertEquals(0.01, summary.quantile(0.999), 1e-9, "the old one has left the window");
        assertEquals(100, summary.max(), 1e-9);
        assertEquals(SecondsSummary.WINDOW + 1, summary.count());
    }
}
