package dev.importer.operations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationStatusTest {

    @Test
    void wireNamesAreRocketChats() {
        assertEquals("importer_new", OperationStatus.NEW.wireName());
        assertEquals("importer_downloading_file", OperationStatus.DOWNLOADING_FILE.wireName());
        assertEquals("importer_user_selection", OperationStatus.USER_SELECTION.wireName());
        assertEquals("importer_import_cancelled", OperationStatus.IMPORT_CANCELLED.wireName());
        assertEquals(18, OperationStatus.values().length);
    }

    @Test
    void everyWireNameReadsBack() {
        Arrays.stream(OperationStatus.values())
                .forEach(s -> assertEquals(s, OperationStatus.fromWireName(s.wireName())));
        assertThrows(IllegalArgumentException.class, () -> OperationStatus.fromWireName("importer_bogus"));
    }

    @Test
    void onlyDoneFailedAndCancelledAreFinished() {
        List<OperationStatus> finished = Arrays.stream(OperationStatus.values())
                .filter(OperationStatus::isFinished).toList();
        assertEquals(List.of(OperationStatus.DONE, OperationStatus.IMPORT_FAILED, OperationStatus.IMPORT_CANCELLED),
                finished);
        assertFalse(OperationStatus.IMPORTING_USERS.isFinished());
        assertTrue(OperationStatus.DONE.isFinished());
    }
}
