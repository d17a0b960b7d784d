package dev.importer.operations.entity;

import java.util.UUID;

/**
 * The right of one job, on one instance, to write for an operation. The operation row names
 * its owner; a job whose lease was taken over or aborted writes nothing more.
 */
public record ImportLease(OperationId operation, String owner) {

    public static ImportLease grant(OperationId operation) {
        return new ImportLease(operation, newOwner());
    }

    public static String newOwner() {
        return UUID.randomUUID().toString();
    }
}
