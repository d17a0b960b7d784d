package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The database goes away and comes back, or has no connection to spare: 503 with Retry-After
 * meanwhile, no restart after.
 */
class DatabaseOutageIT extends ImportIT {

    /** The data source's 32 connections, less the two kept for the readiness check and the migrations. */
    private static final int CONNECTIONS_FOR_CALLS = 30;

    @Test
    void whileTheDatabaseIsGoneCallsAnswer503AndTheServiceRecoversByItself() throws InterruptedException {
        assertEquals(200, api.get("api/v1/import.status", admin).status());

        TestDatabase.takeAway();
        try {
            Instant asked = Instant.now();
            Reply status = api.get("api/v1/import.status", admin);
            assertTrue(Duration.between(asked, Instant.now()).toSeconds() < 5, "answered within 5 s");
            assertUnavailable(status);
            assertUnavailable(api.postJson("api/v1/login", "{\"user\":\"someone\",\"password\":\"x\"}"));
            assertUnavailable(api.post("api/v1/import.new", admin));
        } finally {
            TestDatabase.bringBack();
        }
        awaitBack();
    }

    /**
     * An outage through three of the takeover timer's looks: the server expunged a timer whose
     * callback failed twice running, and the instance never took an import over again.
     */
    @Test
    void afterAnOutageTheInstanceStillTakesOverAnImportWhoseLeaseRanOut() throws InterruptedException {
        TestDatabase.takeAway();
        try {
            Thread.sleep(16_000);
        } finally {
            TestDatabase.bringBack();
        }
        awaitBack();

        String id = startNew();
        leaveToADeadInstance(id);
        // A pooled connection broken by the outage may still answer one call 503 (with
        // Retry-After, as documented) before the pool renews it: asked again, as a client would.
        awaitTrue(() -> {
            Reply reply = api.get("api/v1/import.status", admin);
            return reply.status() == 200 && "done".equals(reply.json().getString("state"));
        }, Duration.ofSeconds(30));
    }

    @Test
    @EnabledIfSystemProperty(named = ServerOffers.PROPERTY, matches = ServerOffers.HEALTH)
    void readinessFollowsTheDatabase() throws InterruptedException {
        assertEquals(200, ready());
        TestDatabase.takeAway();
        try {
            assertEquals(503, ready(), "not ready");
        } finally {
            TestDatabase.bringBack();
        }
        awaitBack();
        assertEquals(200, ready());
    }

    private int ready() {
        return api.send(api.request("health/ready").GET().build()).status();
    }

    private void awaitBack() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (api.get("api/v1/import.status", admin).status() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "back within 15 s of the database");
            Thread.sleep(200);
        }
    }

    /**
     * Every connection taken by an import.new that waits for the import lock, which the test
     * holds: the calls beyond, and any other call, get 503 within 5 s instead of waiting; once
     * the lock is free, everything goes on, and no connection was lost on the way.
     */
    @Test
    void whenNoConnectionIsFreeCallsAnswer503WithinFiveSeconds() throws SQLException {
        List<CompletableFuture<Reply>> calls = new ArrayList<>();
        try (Connection holder = holdTheImportLock()) {
            for (int i = 0; i < CONNECTIONS_FOR_CALLS + 8; i++) {
                calls.add(importNew());
            }
            ImportIT.awaitTrue(() -> calls.stream().filter(CompletableFuture::isDone).count() >= 8, Duration.ofSeconds(20));
            Instant asked = Instant.now();
            Reply status = api.get("api/v1/import.status", admin);
            assertTrue(Duration.between(asked, Instant.now()).toSeconds() < 5, "answered within 5 s");
            assertUnavailable(status);
            calls.stream().filter(CompletableFuture::isDone).forEach(call -> assertUnavailable(call.join()));
            holder.rollback();
        }

        List<Reply> replies = calls.stream().map(CompletableFuture::join).toList();
        replies.stream().filter(reply -> reply.status() != 200).forEach(DatabaseOutageIT::assertUnavailable);
        assertTrue(replies.stream().anyMatch(reply -> reply.status() == 200), "import.new went on once the lock was free");
        assertEquals(200, api.get("api/v1/import.status", admin).status());
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM import_operations WHERE valid"));
        assertEveryConnectionIsFreeAgain();
    }

    /** As many import.new as there are connections for calls all get one, and wait for the lock. */
    private void assertEveryConnectionIsFreeAgain() throws SQLException {
        List<CompletableFuture<Reply>> calls = new ArrayList<>();
        try (Connection holder = holdTheImportLock()) {
            for (int i = 0; i < CONNECTIONS_FOR_CALLS; i++) {
                calls.add(importNew());
            }
            ImportIT.awaitTrue(() -> TestDatabase.count("""
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""")
                    == CONNECTIONS_FOR_CALLS, Duration.ofSeconds(20));
            holder.rollback();
        }
        calls.stream().map(CompletableFuture::join).forEach(reply -> assertEquals(200, reply.status(), reply.body()));
    }

    private static Connection holdTheImportLock() throws SQLException {
        Connection holder = TestDatabase.connect();
        holder.setAutoCommit(false);
        holder.createStatement().execute("SELECT id FROM import_lock FOR UPDATE");
        return holder;
    }

    private CompletableFuture<Reply> importNew() {
        return api.sendAsync(api.request("api/v1/import.new", admin).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static void assertUnavailable(Reply reply) {
        assertEquals(503, reply.status(), reply.body());
        assertEquals("error-database-unavailable", reply.json().getString("errorType"));
        assertTrue(reply.headers().firstValue("Retry-After").isPresent(), "Retry-After");
    }
}
