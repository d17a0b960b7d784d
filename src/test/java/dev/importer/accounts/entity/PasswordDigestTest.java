package dev.importer.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PasswordDigestTest {

    @Test
    void clearTextAndClientDigestAgree() {
        String sha256OfAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertEquals(new PasswordDigest(sha256OfAbc), PasswordDigest.ofClearText("abc"));
        assertEquals(new PasswordDigest(sha256OfAbc.toUpperCase()), PasswordDigest.ofClearText("abc"));
    }

    @Test
    void refusesWhatIsNotADigest() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordDigest("abc"));
    }
}
