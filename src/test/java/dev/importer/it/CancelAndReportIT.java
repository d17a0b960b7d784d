package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an operator needs beyond Rocket.Chat: import.cancel, which stops a running import
 * and keeps its report (nothing is written once it has committed), and the report searched
 * and downloaded as CSV; errors that say what to do.
 */
class CancelAndReportIT extends ImportIT {

    @Test
    void cancelStopsTheImportAtItsNextBatchAndKeepsWhoWasCreated() {
        String tag = "cancel" + System.nanoTime();
        String operation = startNew();
        runUntilTheFirstAreImported(tag, 2000);

        assertOk(api.post("api/v1/import.cancel", admin));
        long created = importedUsers(tag);
        assertEquals("canceled", status().getString("state"));
        assertEquals("importer_import_cancelled", status().getJsonObject("operation").getString("status"));
        sleep(Duration.ofSeconds(2));
        assertEquals(created, importedUsers(tag), "nothing is written once the cancel has committed");
        assertTrue(created < 2000, "stopped before the end: " + created);
        JsonObject report = report("imported", 0, 1000);
        assertEquals(created, report.getInt("total"), "the report still says who was created");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM import_events WHERE operation_id = ? AND type = 'cancel'",
                operation));

        Reply again = api.post("api/v1/import.cancel", admin);
        assertRefused(again, "error-invalid-operation-status");
        assertTrue(again.json().getString("error").startsWith("No import is running"), again.body());
        Reply run = api.post("api/v1/import.run", admin);
        assertRefused(run, "error-invalid-operation-status");
        assertTrue(run.json().getString("error").contains("start a new import operation first"), run.body());

        startNew();
        assertEquals(0, report("imported", 0, 10).getInt("total"), "import.new still clears");
    }

    @Test
    void theReportIsSearchedAndDownloadedAsCsv() {
        String tag = "csvreport" + System.nanoTime();
        startNew();
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (int i = 0; i < 12; i++) {
            users.add(user(tag + "-" + i, (i == 7 ? "needle-" : "") + tag + "-" + i + "@example.com", null));
        }
        users.add(user("-" + tag, tag + "-dash@example.com", null));
        assertOk(addUsers(users.build()));
        runToTheEnd("{}");

        JsonObject found = api.get("api/v1/import.report?status=imported&query=NEEDLE", admin).json();
        assertEquals(1, found.getInt("total"));
        assertEquals(List.of(tag + "-7"), usernames(found.getJsonArray("users")));
        assertEquals(3, api.get("api/v1/import.report?status=imported&query=" + tag.toUpperCase() + "-1", admin).json()
                .getInt("total"), "-1, -10 and -11: contains, ignoring case");

        Reply csv = api.get("api/v1/import.report?status=imported&format=csv", admin);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("username,emails,importIds,status,reason,matchedId,matchedUsername", lines.get(0));
        assertEquals(14, lines.size(), csv.body());
        assertTrue(lines.get(1).startsWith(tag + "-0," + tag + "-0@example.com,id-" + tag + "-0,imported,"), lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("'-" + tag + ",")),
                "a cell a spreadsheet would run as a formula is quoted: " + csv.body());
        Reply narrowed = api.get("api/v1/import.report?status=imported&format=csv&query=needle", admin);
        assertEquals(2, narrowed.body().lines().count());
        assertRefused(api.get("api/v1/import.report?status=imported&format=xml", admin), "error-invalid-params");
    }
}
