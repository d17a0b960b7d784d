package dev.importer.operations.control;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.identity.UserId;
import dev.importer.operations.entity.Actor;
import dev.importer.operations.entity.EventType;
import dev.importer.operations.entity.OperationId;
import dev.importer.platform.database.NamedSql;
import dev.importer.platform.database.Sql;
import dev.importer.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit trail, {@code import_events}: written by the transaction of each change it records. */
@ApplicationScoped
public class ImportEvents {

    private static final NamedSql RECORD = NamedSql.of("""
            INSERT INTO import_events (ts, type, user_id, operation_id, aborted_operation_id, address)
            VALUES (clock_timestamp(), :type, :user, :operation, :aborted, :address)""");

    private static final NamedSql PAGE = NamedSql.of("""
            SELECT id, ts, type, user_id, operation_id, aborted_operation_id, address
            FROM import_events ORDER BY id DESC OFFSET :offset LIMIT :limit""");

    private static final NamedSql TOTAL = NamedSql.of("SELECT count(*) FROM import_events");

    @Inject
    Sql sql;

    public void record(EventType type, Actor actor, Optional<OperationId> operation) {
        record(type, actor, operation, Optional.empty());
    }

    public void record(EventType type, Actor actor, Optional<OperationId> operation, Optional<OperationId> aborted) {
        Map<String, Object> event = new HashMap<>();
        event.put("type", type.wireName());
        event.put("user", actor.user().map(UserId::value).orElse(null));
        event.put("operation", operation.map(OperationId::value).orElse(null));
        event.put("aborted", aborted.map(OperationId::value).orElse(null));
        event.put("address", actor.address().orElse(null));
        sql.update(RECORD, event);
    }

    /** A page of the trail, newest first. */
    public JsonArray newestFirst(int offset, int limit) {
        JsonArrayBuilder events = JSON.createArrayBuilder();
        List<JsonObjectBuilder> page = sql.query(PAGE, Map.of("offset", offset, "limit", limit), row -> {
            JsonObjectBuilder event = JSON.createObjectBuilder()
                    .add("_id", String.valueOf(row.getLong(1)))
                    .add("ts", Timestamps.iso(row.getObject(2, OffsetDateTime.class).toInstant()))
                    .add("type", row.getString(3));
            addIfPresent(event, "user", row.getString(4));
            addIfPresent(event, "operation", row.getString(5));
            addIfPresent(event, "abortedOperation", row.getString(6));
            addIfPresent(event, "address", row.getString(7));
            return event;
        });
        page.forEach(events::add);
        return events.build();
    }

    public long total() {
        return sql.query(TOTAL, Map.of(), row -> row.getLong(1)).get(0);
    }

    private static void addIfPresent(JsonObjectBuilder event, String name, String value) {
        if (value != null) {
            event.add(name, value);
        }
    }
}
