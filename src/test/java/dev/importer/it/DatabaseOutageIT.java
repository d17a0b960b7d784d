package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The database goes away and comes back: 503 with Retry-After meanwhile, no restart after. */
class DatabaseOutageIT extends DeployedWarIT {

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
            assertEquals(503, api.send(api.request("health/ready").GET().build()).status(), "not ready");
        } finally {
            TestDatabase.bringBack();
        }

        Instant deadline = Instant.now().plusSeconds(15);
        while (api.get("api/v1/import.status", admin).status() != 200) {
            assertTrue(Instant.now().isBefore(deadline), "back within 15 s of the database");
            Thread.sleep(200);
        }
        assertEquals(200, api.send(api.request("health/ready").GET().build()).status());
    }

    private static void assertUnavailable(Reply reply) {
        assertEquals(503, reply.status(), reply.body());
        assertEquals("error-database-unavailable", reply.json().getString("errorType"));
        assertTrue(reply.headers().firstValue("Retry-After").isPresent(), "Retry-After");
    }
}
