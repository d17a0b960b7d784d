package dev.importer.operations.entity;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that every change to import operations locks first, on every server
 * instance. Because it always exists, the lock also serializes callers who find no
 * operation at all, which a lock on the operations themselves would not.
 */
@Entity
@Table(name = "import_lock")
public class ImportLockRow {

    public static final short THE_ONLY_ROW = 1;

    @Id
    private short id;

    protected ImportLockRow() {
    }
}
