package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit trail: who did what to which operation, from where, newest first. */
class ImportEventsIT extends ImportIT {

    @Test
    void theTrailSaysWhoAbortedWhoseImport() {
        String tag = "ev" + System.nanoTime();
        Credentials other = TestUsers.create("admin");
        String first = startNew();
        assertOk(addUsers(user(tag + "-ann", tag + "-ann@example.com", null)));
        assertOk(api.post("api/v1/import.validate", admin));
        assertOk(api.post("api/v1/import.run", admin));
        awaitTrue(() -> "done".equals(status().getString("state")), Duration.ofSeconds(60));
        Reply reply = api.post("api/v1/import.new", other);
        assertOk(reply);
        String second = reply.json().getJsonObject("operation").getString("_id");

        JsonArray events = events(0, 7).getJsonArray("events");
        assertEquals(List.of("new", "abort", "done", "run", "validate", "addUsers", "new"), types(events));
        assertEvent(events.getJsonObject(0), other.userId(), second, first);
        assertEvent(events.getJsonObject(1), other.userId(), first, null);
        assertEquals(first, events.getJsonObject(2).getString("operation"));
        assertFalse(events.getJsonObject(2).containsKey("user"), "the service finished the import itself");
        assertFalse(events.getJsonObject(2).containsKey("address"));
        for (int i = 3; i < 7; i++) {
            assertEvent(events.getJsonObject(i), admin.userId(), first,
                    i == 6 ? events.getJsonObject(6).getString("abortedOperation", null) : null);
        }

        assertOk(api.post("api/v1/import.clear", admin));
        JsonArray cleared = events(0, 2).getJsonArray("events");
        assertEquals(List.of("clear", "abort"), types(cleared));
        assertEvent(cleared.getJsonObject(0), admin.userId(), second, second);
        assertEvent(cleared.getJsonObject(1), admin.userId(), second, null);
    }

    @Test
    void theTrailPagesNewestFirst() {
        startNew();
        startNew();
        JsonObject all = events(0, 1000);
        long total = all.getJsonNumber("total").longValue();
        assertEquals(all.getJsonArray("events").size(), Math.min(total, 1000));

        JsonObject page = events(1, 2);
        assertEquals(1, page.getInt("offset"));
        assertEquals(2, page.getInt("count"));
        assertEquals(total, page.getJsonNumber("total").longValue());
        assertEquals(all.getJsonArray("events").subList(1, 3), page.getJsonArray("events"));
        List<Long> ids = all.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(event -> Long.parseLong(event.getString("_id"))).toList();
        assertEquals(ids.stream().sorted((a, b) -> Long.compare(b, a)).toList(), ids, "newest first");
    }

    @Test
    void badPagesAndCallersWithoutThePermissionAreRefused() {
        assertRefused(api.get("api/v1/import.events?count=1001", admin), "error-invalid-params");
        assertRefused(api.get("api/v1/import.events?offset=-1", admin), "error-invalid-params");
        assertRefused(api.get("api/v1/import.events?count=x", admin), "error-invalid-params");
        assertEquals(403, api.get("api/v1/import.events", TestUsers.create("user")).status());
        assertEquals(401, api.send(api.request("api/v1/import.events").GET().build()).status());
    }

    private JsonObject events(int offset, int count) {
        Reply reply = api.get("api/v1/import.events?offset=" + offset + "&count=" + count, admin);
        assertOk(reply);
        return reply.json();
    }

    private static List<String> types(JsonArray events) {
        return events.getValuesAs(JsonObject.class).stream().map(event -> event.getString("type")).toList();
    }

    private static void assertEvent(JsonObject event, String user, String operation, String abortedOperation) {
        assertEquals(user, event.getString("user"), event.toString());
        assertEquals(operation, event.getString("operation"), event.toString());
        assertEquals(abortedOperation, event.getString("abortedOperation", null), event.toString());
        assertEquals("127.0.0.1", event.getString("address"), event.toString());
        assertTrue(event.getString("ts").endsWith("Z"), event.toString());
    }
}
