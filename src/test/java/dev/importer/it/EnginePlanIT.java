package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.importer.platform.database.NamedSql;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plan of the batch statement (sql/import/import-batch.sql) with 10,000 users staged,
 * under the planner contract (sql/PLANNER-CONTRACT.md) as the service applies it: every
 * user reaches users and user_emails by an index, never by a scan of the table, which would
 * make each batch cost as much as the tables hold.
 */
class EnginePlanIT extends ImportIT {

    private static final int STAGED = 10_000;
    private static final int BATCH = 2_500;
    private static final List<String> SCANNED_NEVER = List.of("users", "user_emails", "user_roles", "login_tokens");

    @Test
    void theBatchStatementReachesEveryUserByAnIndex() throws SQLException {
        String tag = "plan" + System.nanoTime();
        String operation = startNew();
        for (int first = 0; first < STAGED; first += 1000) {
            JsonArrayBuilder users = Json.createArrayBuilder();
            for (int i = first; i < first + 1000; i++) {
                users.add(Json.createObjectBuilder(user(tag + "-" + i, tag + "-" + i + "@example.com", null))
                        .add("roles", Json.createArrayBuilder().add("user")));
            }
            assertOk(addUsers(users.build()));
        }

        for (String ifUserExists : List.of("skip", "update")) {
            JsonObject plan = explainFirstBatch(operation, ifUserExists);

            List<String> scans = wholeScans(plan.getJsonObject("Plan")).toList();
            assertFalse(scans.stream().anyMatch(SCANNED_NEVER::contains),
                    ifUserExists + ": whole scans of " + scans + " in " + plan);
        }
    }

    private JsonObject explainFirstBatch(String operation, String ifUserExists) throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            long[] rows = firstRows(c, operation);
            try (Statement s = c.createStatement()) {
                // as every connection of the service (its statements unnamed: planned for their parameters),
                // and as PlannerContract before a batch
                s.execute("SET jit = off");
                s.execute("ANALYZE import_data_" + operation);
                s.execute("SET LOCAL enable_seqscan = off");
            }
            NamedSql explain = NamedSql.of("EXPLAIN (FORMAT JSON) " + NamedSql.text("sql/import/import-batch.sql"));
            String[] newIds = Arrays.stream(rows).mapToObj(row -> String.format("PlanIT%011d", row)).toArray(String[]::new);
            try (PreparedStatement statement = explain.prepare(c, Map.of("operation", operation, "ifUserExists", ifUserExists,
                    "grantable", new String[] {"admin", "user"}, "runBy", admin.userId(), "rows", rows, "newIds", newIds));
                    ResultSet plan = statement.executeQuery()) {
                plan.next();
                c.rollback();
                return Json.createReader(new StringReader(plan.getString(1))).readArray().getJsonObject(0);
            }
        }
    }

    private static long[] firstRows(Connection c, String operation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM import_data WHERE operation_id = ? ORDER BY id LIMIT " + BATCH)) {
            s.setString(1, operation);
            List<Long> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getLong(1));
                }
            }
            assertEquals(BATCH, rows.size());
            return rows.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /**
     * The tables that a plan node or any node below it reads whole: by a sequential scan, or
     * by an index scan without a condition to search the index by (which enable_seqscan = off
     * leaves the planner when no index fits), a bitmap scan of one included: its table is
     * named on the heap scan above the index scan.
     */
    private static Stream<String> wholeScans(JsonObject node) {
        String type = node.getString("Node Type", "");
        boolean whole = type.equals("Seq Scan")
                || type.matches("Index Scan|Index Only Scan|Bitmap Index Scan") && !node.containsKey("Index Cond")
                || type.equals("Bitmap Heap Scan") && below(node).anyMatch(EnginePlanIT::searchesNothing);
        Stream<String> here = whole ? Stream.of(node.getString("Relation Name", node.getString("Index Name", "?")))
                : Stream.empty();
        return Stream.concat(here, below(node).flatMap(EnginePlanIT::wholeScans));
    }

    private static boolean searchesNothing(JsonObject node) {
        return node.getString("Node Type", "").equals("Bitmap Index Scan") && !node.containsKey("Index Cond")
                || below(node).anyMatch(EnginePlanIT::searchesNothing);
    }

    private static Stream<JsonObject> below(JsonObject node) {
        JsonArray plans = node.getJsonArray("Plans");
        return plans == null ? Stream.empty() : plans.stream().map(JsonValue::asJsonObject);
    }
}
