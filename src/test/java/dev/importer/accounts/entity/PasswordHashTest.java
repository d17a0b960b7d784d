package dev.importer.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an import may bring as {@code passwordHash}: well-formed, and within bounds a login can afford. */
class PasswordHashTest {

    private static final String BCRYPT = "$2y$10$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui";
    private static final String ARGON2 = "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";
    private static final String PBKDF2 = "$pbkdf2-sha512$i=600000,l=16$c2FsdHNhbHQ$MDEyMzQ1Njc4OWFiY2RlZg";

    @Test
    void acceptsEachFormat() {
        assertEquals(HashingAlgorithm.BCRYPT, PasswordHash.imported("bcrypt", BCRYPT).algorithm());
        assertEquals(HashingAlgorithm.BCRYPT_SHA256, PasswordHash.imported("bcrypt-sha256", BCRYPT.replace("2y", "2a")).algorithm());
        assertEquals(HashingAlgorithm.ARGON2, PasswordHash.imported("argon2", ARGON2).algorithm());
        assertEquals(HashingAlgorithm.ARGON2, PasswordHash.imported("argon2",
                "$argon2i$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG").algorithm());
        assertEquals(HashingAlgorithm.PBKDF2_SHA512, PasswordHash.imported("pbkdf2-sha512", PBKDF2).algorithm());
        assertEquals(HashingAlgorithm.PBKDF2_SHA1, PasswordHash.imported("pbkdf2-sha1",
                "$pbkdf2-sha1$i=1300000$c2FsdA==$MDEyMzQ1Njc4OWFiY2RlZg==").algorithm());
    }

    @Test
    void refusesWrongPrefixes() {
        assertRefused("bcrypt", "$2x$10$" + BCRYPT.substring(7), "not a bcrypt hash");
        assertRefused("bcrypt", ARGON2, "not a bcrypt hash");
        assertRefused("argon2", "$argon2x$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub", "is not an $argon2id$");
        assertRefused("argon2", BCRYPT, "not a PHC string");
        assertRefused("pbkdf2-sha256", PBKDF2, "does not begin with $pbkdf2-sha256$");
        assertRefused("pbkdf2-sha512", "pbkdf2-sha512" + PBKDF2, "not a PHC string");
    }

    @Test
    void refusesTruncatedHashes() {
        assertRefused("bcrypt", BCRYPT.substring(0, BCRYPT.length() - 1), "not a bcrypt hash");
        assertRefused("argon2", ARGON2.substring(0, ARGON2.lastIndexOf('$')), "not a PHC string");
        assertRefused("argon2", ARGON2.substring(0, ARGON2.length() - 28), "hash's length in bytes 3");
        assertRefused("pbkdf2-sha512", PBKDF2.substring(0, PBKDF2.length() - 4), "a hash of 13 bytes where l says 16");
        assertRefused("pbkdf2-sha512", PBKDF2 + "$", "not a PHC string");
    }

    @Test
    void refusesBadBase64() {
        assertRefused("argon2", ARGON2.replace("c29tZXNhbHRzb21lc2FsdA", "c29tZX!hbHRzb21lc2FsdA"), "salt that is not base64");
        assertRefused("pbkdf2-sha512", PBKDF2.replace("MDEyMzQ1Njc4OWFiY2RlZg", "MDEyMzQ1Njc4OWFiY2RlZ"), "hash that is not base64");
        assertRefused("pbkdf2-sha512", PBKDF2.replace("c2FsdHNhbHQ", ""), "empty salt");
    }

    @Test
    void refusesWorkFactorsOfZeroOrBeyondWhatALoginCanAfford() {
        assertRefused("pbkdf2-sha512", PBKDF2.replace("i=600000", "i=0"), "iterations (i) 0");
        assertRefused("pbkdf2-sha512", PBKDF2.replace("i=600000", "i=9999999999"), "invalid number for i");
        assertRefused("pbkdf2-sha512", PBKDF2.replace("i=600000", "i=2000001"), "not between 1 and 2000000");
        assertRefused("argon2", ARGON2.replace("t=3", "t=0"), "t 0");
        assertRefused("argon2", ARGON2.replace("m=65536", "m=1048576"), "m 1048576");
        assertRefused("argon2", ARGON2.replace("p=4", "p=0"), "p 0");
        assertRefused("bcrypt", BCRYPT.replace("$10$", "$03$"), "bcrypt cost 3");
        assertRefused("bcrypt", BCRYPT.replace("$10$", "$15$"), "bcrypt cost 15");
        assertRefused("argon2", ARGON2.replace("m=65536", "m=262144").replace("t=3", "t=5"), "m times t 1310720");
    }

    @Test
    void admitsTheCostsThatRealExportsUse() {
        PasswordHash.imported("bcrypt", BCRYPT.replace("$10$", "$14$"));
        PasswordHash.imported("pbkdf2-sha512", PBKDF2.replace("i=600000", "i=2000000"));
        PasswordHash.imported("argon2", ARGON2.replace("m=65536", "m=262144").replace("t=3", "t=4"));
    }

    @Test
    void refusesUnknownOrMissingParameters() {
        assertRefused("argon2", ARGON2.replace(",p=4", ""), "parameters");
        assertRefused("argon2", ARGON2.replace("p=4", "p=4,keyid=abc"), "malformed parameter 'keyid=abc'");
        assertRefused("argon2", ARGON2.replace("v=19", "v=18"), "version other than 16 or 19");
        assertRefused("pbkdf2-sha512", PBKDF2.replace("i=600000,", "i=1,i=2,"), "repeats the parameter i");
    }

    @Test
    void refusesUnknownAlgorithmsAndTheServicesOwn() {
        for (String algorithm : new String[] {"md5", "BCRYPT", "", "argon2id-sha256", "pbkdf2-jakarta"}) {
            IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                    () -> PasswordHash.imported(algorithm, BCRYPT));
            assertTrue(refusal.getMessage().startsWith("hashingAlgorithm '" + algorithm + "' is not one of"),
                    refusal.getMessage());
        }
    }

    @Test
    void neverShowsTheHash() {
        assertEquals("PasswordHash[bcrypt]", PasswordHash.imported("bcrypt", BCRYPT).toString());
    }

    private static void assertRefused(String algorithm, String hash, String reason) {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.imported(algorithm, hash), hash);
        assertTrue(refusal.getMessage().startsWith("passwordHash (" + algorithm + ") "), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(reason), refusal.getMessage() + " should say " + reason);
    }
}
