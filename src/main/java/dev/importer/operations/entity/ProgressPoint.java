package dev.importer.operations.entity;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.platform.Timestamps;
import jakarta.json.JsonObject;
import java.time.Instant;

/** An import's counts at one moment, after one of its batches or as it started: users processed, passwords hashed. */
public record ProgressPoint(Instant ts, int completed, OutcomeCount count, int hashed) {

    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("ts", Timestamps.iso(ts))
                .add("completed", completed)
                .add("imported", count.imported())
                .add("updated", count.updated())
                .add("skipped", count.skipped())
                .add("failed", count.failed())
                .add("hashed", hashed)
                .build();
    }
}
