package dev.importer.operations.entity;

import jakarta.json.JsonArray;

/** What {@code import.run} would do now: the counts by outcome, and the first skipped users. */
public record Prediction(OutcomeCount count, JsonArray firstSkipped) {
}
