package dev.importer.operations.entity;

import dev.importer.identity.UserId;

/**
 * Where a running import stands: its status, its mode, the caller who started it, and the
 * last staged row processed.
 */
public record ImportProgress(OperationStatus status, IfUserExists ifUserExists, UserId runBy, long lastRow) {
}
