package dev.importer.identity;

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
    void everyCharacterOfTheAlphabetIsDrawnAboutAsOften() {
        int[] seen = new int[128];
        int ids = 5500;
        for (int i = 0; i < ids; i++) {
            UserId.generate().value().chars().forEach(c -> seen[c]++);
        }
        int expected = ids * UserId.LENGTH / UserId.ALPHABET.length(); // 1,700 of each
        for (char c : UserId.ALPHABET.toCharArray()) {
            assertTrue(Math.abs(seen[c] - expected) < expected / 5, c + " drawn " + seen[c] + " times");
        }
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
