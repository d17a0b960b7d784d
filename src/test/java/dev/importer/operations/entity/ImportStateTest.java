package dev.importer.operations.entity;

import static dev.importer.operations.entity.OperationStatus.DONE;
import static dev.importer.operations.entity.OperationStatus.FILE_LOADED;
import static dev.importer.operations.entity.OperationStatus.FINISHING;
import static dev.importer.operations.entity.OperationStatus.IMPORTING_USERS;
import static dev.importer.operations.entity.OperationStatus.IMPORT_CANCELLED;
import static dev.importer.operations.entity.OperationStatus.IMPORT_FAILED;
import static dev.importer.operations.entity.OperationStatus.NEW;
import static dev.importer.operations.entity.OperationStatus.PREPARING_USERS;
import static dev.importer.operations.entity.OperationStatus.USER_SELECTION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The contract's table from operation status to the state import.status reports. */
class ImportStateTest {

    @Test
    void validOperations() {
        assertEquals(ImportState.NEW, ImportState.of(NEW, true));
        assertEquals(ImportState.LOADING, ImportState.of(FILE_LOADED, true));
        assertEquals(ImportState.LOADING, ImportState.of(PREPARING_USERS, true));
        assertEquals(ImportState.READY, ImportState.of(USER_SELECTION, true));
        assertEquals(ImportState.IMPORTING, ImportState.of(IMPORTING_USERS, true));
        assertEquals(ImportState.IMPORTING, ImportState.of(FINISHING, true));
        assertEquals(ImportState.DONE, ImportState.of(DONE, true));
        assertEquals(ImportState.ERROR, ImportState.of(IMPORT_FAILED, true));
        assertEquals(ImportState.CANCELED, ImportState.of(IMPORT_CANCELLED, true));
    }

    @Test
    void invalidOperationsAreErrorsUnlessDoneOrCancelled() {
        assertEquals(ImportState.ERROR, ImportState.of(NEW, false));
        assertEquals(ImportState.ERROR, ImportState.of(IMPORTING_USERS, false));
        assertEquals(ImportState.ERROR, ImportState.of(IMPORT_FAILED, false));
        assertEquals(ImportState.DONE, ImportState.of(DONE, false));
        assertEquals(ImportState.CANCELED, ImportState.of(IMPORT_CANCELLED, false));
    }

    @Test
    void wireNames() {
        assertEquals("canceled", ImportState.CANCELED.wireName());
        assertEquals("none", ImportState.NONE.wireName());
    }
}
