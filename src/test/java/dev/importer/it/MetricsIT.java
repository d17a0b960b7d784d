package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The application's figures on /metrics, in Prometheus' text format, as an import runs. */
@EnabledIfSystemProperty(named = ServerOffers.PROPERTY, matches = ServerOffers.METRICS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1) // the first class on the run's server, which it finds fresh
class MetricsIT extends ImportIT {

    /** First, on a server just started: a scrape (and an alert on a missing series) finds them all at 0. */
    @Test
    @Order(1)
    void theFiguresAreThereAtZeroBeforeAnything() {
        Metrics fresh = scrape();

        for (String name : List.of("importer_operations_started_total", "importer_operations_aborted_total",
                "importer_operations_done_total", "importer_operations_failed_total",
                "importer_import_duration_seconds_count", "importer_import_lock_wait_seconds_count",
                "importer_import_users_per_second", "importer_logins_failed_total", "importer_logins_blocked_total")) {
            assertEquals(0, fresh.value(name, ""), name + " in " + fresh.text);
        }
        assertEquals(0, fresh.value("importer_users_total", "outcome=\"imported\""), fresh.text);
    }

    @Test
    void theFiguresFollowAnImport() {
        String tag = "met" + System.nanoTime();
        TestUsers.createNamed(tag + "-taken");
        startNew();
        Metrics before = scrape();

        String operation = startNew();
        assertOk(addUsers(user(tag + "-ann", tag + "-ann@example.com", null),
                user(tag + "-bob", tag + "-bob@example.com", "bob-password"),
                user(tag + "-taken", tag + "-taken@example.com", null)));
        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));
        api.postJson("api/v1/login", "{\"user\":\"" + tag + "-ann\",\"password\":\"wrong\"}");
        awaitTrue(() -> scrape().value("importer_operations_done_total", "") > before.value("importer_operations_done_total", ""),
                Duration.ofSeconds(10));
        Metrics after = scrape();

        assertEquals(1, after.increase(before, "importer_operations_started_total", ""), after.text);
        assertEquals(1, after.increase(before, "importer_operations_aborted_total", ""), after.text);
        assertEquals(1, after.increase(before, "importer_operations_done_total", ""), after.text);
        assertEquals(0, after.increase(before, "importer_operations_failed_total", ""), after.text);
        assertEquals(2, after.increase(before, "importer_users_total", "outcome=\"imported\""), after.text);
        assertEquals(1, after.increase(before, "importer_users_total", "outcome=\"skipped\""), after.text);
        assertEquals(1, after.increase(before, "importer_import_duration_seconds_count", ""), after.text);
        assertTrue(after.increase(before, "importer_import_lock_wait_seconds_count", "") >= 4, after.text);
        assertEquals(1, after.increase(before, "importer_logins_failed_total", ""), after.text);
        assertEquals(1, after.increase(before, "importer_passwords_hashed_total", ""), "bob's: " + after.text);
        assertEquals(0, after.value("importer_import_users_per_second", ""), "no import runs: " + after.text);
        assertTrue(operation.length() > 0);
        for (String timer : List.of("importer_import_duration_seconds", "importer_import_lock_wait_seconds")) {
            assertInSeconds(after, timer);
        }
    }

    /**
     * Every figure of a timer named _seconds is in seconds: the mean is the sum over the count,
     * no quantile exceeds the maximum, and none is more than an hour (nanoseconds would be).
     */
    private static void assertInSeconds(Metrics metrics, String timer) {
        double count = metrics.value(timer + "_count", "");
        double sum = metrics.value(timer + "_sum", "");
        double max = metrics.value(timer + "_max", "");
        assertTrue(count > 0 && max > 0 && max < 3600, timer + ": " + metrics.text);
        assertEquals(sum / count, metrics.value(timer + "_mean", ""), sum / count * 0.01 + 1e-6, timer + " mean");
        for (String quantile : List.of("0.5", "0.75", "0.95", "0.99", "0.999")) {
            double value = metrics.value(timer, "quantile=\"" + quantile + "\"");
            assertTrue(value >= 0 && value <= max * 1.0001, timer + " quantile " + quantile + " = " + value + ", max " + max);
        }
    }

    @Test
    void theRunningImportShowsItsUsersPerSecond() {
        startNew();
        runUntilTheFirstAreImported("rate" + System.nanoTime(), 3000);
        awaitTrue(() -> scrape().value("importer_import_users_per_second", "") > 0, Duration.ofSeconds(20));
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));
        awaitTrue(() -> scrape().value("importer_import_users_per_second", "") == 0, Duration.ofSeconds(10));
    }

    private Metrics scrape() {
        Reply reply = api.send(api.request("metrics?scope=application").header("Accept", "text/plain").GET().build());
        assertEquals(200, reply.status(), reply.body());
        return new Metrics(reply.body().lines().filter(line -> line.startsWith("importer_"))
                .collect(Collectors.joining("\n")));
    }

    /** The application's lines of a scrape. */
    private record Metrics(String text) {

        /** The value of the series named so whose labels contain {@code labels}; -1 when there is none. */
        double value(String name, String labels) {
            return text.lines()
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .filter(line -> line.contains(labels))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .findFirst().orElse(-1);
        }

        double increase(Metrics before, String name, String labels) {
            return value(name, labels) - Math.max(0, before.value(name, labels));
        }
    }
}
