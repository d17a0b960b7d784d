package dev.importer.operations.entity;

/** Where a running import stands: its status, its mode, and the last staged row processed. */
public record ImportProgress(OperationStatus status, IfUserExists ifUserExists, long lastRow) {
}
