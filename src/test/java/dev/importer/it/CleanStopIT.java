package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.importer.it.Api.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A second instance, a Payara Micro of its own on the same database (the environment of this
 * run: batches of 20 users, a lease of 5 s), runs an import and is stopped as an operator stops
 * it, by SIGTERM, mid-import.
 */
class CleanStopIT extends ImportIT {

    private static final Path PAYARA_MICRO = Path.of(System.getProperty("payara.microJar", "target/payara-micro.jar"));
    private static final Path WAR = Path.of(System.getProperty("importer.war", "target/importer.war"));
    private static final Path LOG = Path.of("target/clean-stop-instance.log");
    private static final int USERS = 3000;
    /** IMPORT_LEASE_SECONDS of the run: a lease not released is taken over no sooner. */
    private static final Duration LEASE = Duration.ofSeconds(5);

    private Process second;

    @AfterEach
    void stopTheSecondInstance() throws InterruptedException {
        if (second != null && second.isAlive()) {
            second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The stopping instance releases the lease as it stops, not IMPORT_LEASE_SECONDS later (a
     * kill -9 would leave it held); this deployment's takeover then finishes the import, every
     * user imported once. The lease is watched from the stop on: NULL is the release itself;
     * should this deployment's takeover timer take it within the 10 ms between two looks, the
     * takeover still came before the lease could have run out, which only a release allows.
     */
    @Test
    void anInstanceStoppedMidImportReleasesItsLeaseAndTheImportIsFinishedByAnother() throws Exception {
        assumeTrue(Files.exists(PAYARA_MICRO) && Files.exists(WAR), "needs target/payara-micro.jar and the WAR");
        String tag = "stop" + System.nanoTime();
        String operation = startNew();
        stageUsers(tag, USERS);
        Api secondApi = startSecondInstance();

        assertOk(secondApi.post("api/v1/import.run", admin));
        awaitTrue(() -> importedUsers(tag) > 0, Duration.ofSeconds(60));
        Lease held = lease(operation);
        second.destroy();

        assertNotNull(held.owner(), "the second instance's job holds the lease");
        Lease lastHeld = held;
        Lease seen = held;
        Instant deadline = Instant.now().plusSeconds(60);
        while (seen.isOwnedBy(held.owner()) && Instant.now().isBefore(deadline)) {
            lastHeld = seen;
            sleep(Duration.ofMillis(10));
            seen = lease(operation);
        }
        assertTrue(seen.owner() == null || seen.since().isBefore(lastHeld.since().plus(LEASE)),
                "released as the instance stopped (NULL), or taken over before the lease could run out: " + seen
                        + " after " + lastHeld);
        assertTrue(importedUsers(tag) < USERS, "stopped mid-import: " + importedUsers(tag) + " imported");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second instance stops");
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(120));
        assertEquals(USERS, importedUsers(tag));
        assertEquals(USERS, TestDatabase.count(
                "SELECT count(*) FROM import_data WHERE operation_id = ? AND outcome = 'imported'", operation));
        assertEquals(USERS, status().getJsonObject("operation").getJsonObject("count").getInt("imported"),
                "every user counted once");
    }

    /** The operation's lease: its owner (null once released) and its last renewal or takeover. */
    private record Lease(String owner, Instant since) {
        boolean isOwnedBy(String job) {
            return job.equals(owner);
        }
    }

    private static Lease lease(String operation) throws SQLException {
        try (Connection c = TestDatabase.connect();
                PreparedStatement s = c.prepareStatement("SELECT lease_owner, updated_at FROM import_operations WHERE id = ?")) {
            s.setString(1, operation);
            try (ResultSet row = s.executeQuery()) {
                assertTrue(row.next(), "operation " + operation);
                return new Lease(row.getString(1), row.getTimestamp(2).toInstant());
            }
        }
    }

    /** The same WAR on the same database, in the environment of this run; answers its API once ready. */
    private Api startSecondInstance() throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder start = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", PAYARA_MICRO.toString(),
                "--deploy", WAR.toString(), "--port", Integer.toString(port), "--nocluster"))
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        start.environment().remove("ADMIN_RESET"); // the session of this test stays valid
        second = start.start();
        Api secondApi = new Api(URI.create("http://127.0.0.1:" + port + "/"));
        awaitTrue(() -> isReady(secondApi), Duration.ofSeconds(180));
        return secondApi;
    }

    private boolean isReady(Api secondApi) {
        assertTrue(second.isAlive(), "the second instance exited early; see " + LOG);
        try {
            Reply ready = secondApi.send(secondApi.request("health/ready").GET().build());
            return ready.status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
