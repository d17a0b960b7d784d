package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImportNewIT extends DeployedWarIT {
    @Test
    void answersTheNewOperation() {
        Instant before = Instant.now().minusSeconds(1);
        Reply reply = api.post("api/v1/import.new", admin);
        Instant after = Instant.now().plusSeconds(1);

        assertEquals(200, reply.status());
        assertEquals("application/json", reply.contentType());
        JsonObject body = reply.json();
        assertEquals(Set.of("operation", "success"), body.keySet());
        assertTrue(body.getBoolean("success"));

        JsonObject operation = body.getJsonObject("operation");
        assertEquals(Set.of("_id", "type", "importerKey", "ts", "status", "valid", "user", "_updatedAt"),
                operation.keySet());
        assertEquals("api", operation.getString("type"));
        assertEquals("api", operation.getString("importerKey"));
        assertEquals("importer_new", operation.getString("status"));
        assertTrue(operation.getBoolean("valid"));
        assertEquals(admin.userId(), operation.getString("user"));

        String ts = operation.getString("ts");
        assertTrue(ts.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), ts);
        Instant created = Instant.parse(ts);
        assertTrue(!created.isBefore(before) && !created.isAfter(after), ts);
        assertEquals(ts, operation.getString("_updatedAt"));

        String id = operation.getString("_id");
        assertTrue(id.matches("[0-9a-f]{24}"), id);
        assertEquals(created.getEpochSecond(), Long.parseLong(id.substring(0, 8), 16), "time prefix of " + id);

        assertEquals(id, TestDatabase.queryValue("SELECT id FROM import_operations WHERE valid"));
    }

    @Test
    void abortsTheValidOperationAndClearsEveryStagedRow() {
        String finished = newOperationId();
        TestDatabase.execute("UPDATE import_operations SET status = 'importer_done' WHERE id = ?", finished);
        stageRows(finished, 3);
        String running = newOperationId();
        TestDatabase.execute("UPDATE import_operations SET status = 'importer_importing_users' WHERE id = ?", running);
        stageRows(running, 5);
        Timestamp runningUpdatedAt = (Timestamp) TestDatabase.queryValue(
                "SELECT updated_at FROM import_operations WHERE id = ?", running);

        Reply reply = api.post("api/v1/import.new", admin);

        assertEquals(200, reply.status());
        String created = reply.json().getJsonObject("operation").getString("_id");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM import_operations WHERE valid"));
        assertEquals(created, TestDatabase.queryValue("SELECT id FROM import_operations WHERE valid"));
        assertEquals("importer_import_cancelled", statusOf(running));
        assertFalse((Boolean) TestDatabase.queryValue("SELECT valid FROM import_operations WHERE id = ?", running));
        Timestamp bumped = (Timestamp) TestDatabase.queryValue(
                "SELECT updated_at FROM import_operations WHERE id = ?", running);
        assertTrue(bumped.after(runningUpdatedAt), "_updatedAt of the aborted operation is bumped");
        assertEquals("importer_done", statusOf(finished), "a finished operation keeps its status");
    }

    @Test
    void clearedRowsLeaveNoTableBehind() throws InterruptedException {
        stageRows(newOperationId(), 1000);

        assertEquals(200, api.post("api/v1/import.new", admin).status());

        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data"), "gone from import_data at once");
        Instant deadline = Instant.now().plusSeconds(30);
        while (TestDatabase.count("""
                SELECT count(*) FROM pg_class
                WHERE relkind = 'r' AND NOT relispartition AND relname LIKE 'import\\_data\\_%'""") > 0) {
            assertTrue(Instant.now().isBefore(deadline), "detached rows are dropped within 30 s");
            Thread.sleep(200);
        }
    }

    @Test
    void theTimeIsReadOnceTheLockIsHeld() throws Exception {
        CompletableFuture<Reply> waiting;
        Instant released;
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT id FROM import_lock FOR UPDATE");
            waiting = api.sendAsync(api.request("api/v1/import.new", admin)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            Thread.sleep(1000);
            try (ResultSet now = s.executeQuery("SELECT clock_timestamp()")) {
                now.next();
                released = now.getTimestamp(1).toInstant().truncatedTo(ChronoUnit.MILLIS);
            }
            c.commit();
        }

        Instant ts = Instant.parse(waiting.join().json().getJsonObject("operation").getString("ts"));

        assertFalse(ts.isBefore(released), "ts " + ts + " was read before the lock was released at " + released);
    }

    @Test
    void startingWithNothingStagedCreatesNoTable() {
        List<String> operations = List.of(newOperationId(), newOperationId(), newOperationId());

        assertEquals(0, TestDatabase.count("SELECT count(*) FROM pg_inherits WHERE inhparent = 'import_data'::regclass"));
        for (String operation : operations) {
            assertEquals(0, TestDatabase.count("SELECT count(*) FROM pg_class WHERE relname = ?",
                    "import_data_" + operation));
        }
    }

    @Test
    void acceptsEveryBodyVariant() {
        List<HttpRequest> variants = List.of(
                api.request("api/v1/import.new", admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                api.request("api/v1/import.new", admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                api.request("api/v1/import.new", admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                api.request("api/v1/import.new", admin).header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("ignored")).build());
        for (HttpRequest variant : variants) {
            Reply reply = api.send(variant);
            assertEquals(200, reply.status(), variant.headers() + " -> " + reply.body());
            assertEquals("importer_new", reply.json().getJsonObject("operation").getString("status"));
        }
    }

    @Test
    void theDatabaseRefusesASecondValidOperation() {
        api.post("api/v1/import.new", admin);

        assertThrows(IllegalStateException.class, () -> TestDatabase.execute("""
                INSERT INTO import_operations (id, type, importer_key, ts, status, valid, user_id, updated_at)
                VALUES ('000000000000000000000001', 'api', 'api', now(), 'importer_new', true, ?, now())""",
                admin.userId()));
    }

    @Test
    void concurrentCallsLeaveExactlyOneValidOperationTheNewest() {
        int calls = 64;
        HttpRequest request = api.request("api/v1/import.new", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();

        List<CompletableFuture<Reply>> pending = IntStream.range(0, calls)
                .mapToObj(i -> api.sendAsync(request))
                .toList();
        List<Reply> replies = pending.stream().map(CompletableFuture::join).toList();

        List<Integer> statuses = replies.stream().map(Reply::status).toList();
        assertEquals(List.of(200), statuses.stream().distinct().toList(), "every call answers 200: " + statuses);
        Set<String> answered = replies.stream()
                .map(r -> r.json().getJsonObject("operation").getString("_id"))
                .collect(Collectors.toSet());
        assertEquals(calls, answered.size());

        assertEquals(1, TestDatabase.count("SELECT count(*) FROM import_operations WHERE valid"));
        String valid = (String) TestDatabase.queryValue("SELECT id FROM import_operations WHERE valid");
        String newest = (String) TestDatabase.queryValue("SELECT id FROM import_operations ORDER BY ts DESC LIMIT 1");
        assertEquals(newest, valid, "the valid operation is the newest");
        assertTrue(answered.contains(valid), "the valid operation is one of those answered");
    }

    private String newOperationId() {
        Reply reply = api.post("api/v1/import.new", admin);
        assertEquals(200, reply.status());
        return reply.json().getJsonObject("operation").getString("_id");
    }

    /** Stages rows as the service does: into the operation's partition, made on first use. */
    private static void stageRows(String operationId, int rows) {
        TestDatabase.execute("CREATE TABLE IF NOT EXISTS import_data_" + operationId
                + " PARTITION OF import_data FOR VALUES IN ('" + operationId + "')");
        TestDatabase.execute("""
                INSERT INTO import_data (operation_id, data_type, data)
                SELECT ?, 'user', jsonb_build_object('username', 'u' || n) FROM generate_series(1, ?) n""",
                operationId, rows);
    }

    private static String statusOf(String operationId) {
        return (String) TestDatabase.queryValue("SELECT status FROM import_operations WHERE id = ?", operationId);
    }
}
