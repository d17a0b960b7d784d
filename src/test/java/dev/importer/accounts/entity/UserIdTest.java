package dev.importer.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserIdTest {

    @Test
    void generatedIdsLookLikeRocketChats() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = UserId.generate().value();
            assertTrue(id.matches("[23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz]{17}"), id);
            ids.add(id);
        }
        assertEquals(1000, ids.size());
    }

    @Test
    void theContractsExampleIsWellFormed() {
        assertTrue(UserId.isWellFormed("rbAXPnMktTFbNpwtJ"));
    }

    @Test
    void lookAlikesAndOtherLengthsAreNot() {
        assertFalse(UserId.isWellFormed("rbAXPnMktTFbNpwt0"));
        assertFalse(UserId.isWellFormed("rbAXPnMktTFbNpwtl"));
        assertFalse(UserId.isWellFormed("rbAXPnMktTFbNpwt"));
        assertFalse(UserId.isWellFormed(null));
        assertThrows(IllegalArgumentException.class, () -> new UserId("not-an-id"));
    }
}
