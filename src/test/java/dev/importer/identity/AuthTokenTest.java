package dev.importer.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class AuthTokenTest {

    @Test
    void hashIsBase64OfSha256() {
        // echo -n abc | sha256sum | xxd -r -p | base64
        assertEquals("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=", new AuthToken("abc").hashed());
    }

    @Test
    void generatedTokensAreLongAndDistinct() {
        AuthToken a = AuthToken.generate();
        AuthToken b = AuthToken.generate();
        assertEquals(43, a.value().length());
        assertNotEquals(a.value(), b.value());
    }

    @Test
    void neverPrintsItsValue() {
        AuthToken token = AuthToken.generate();
        assertFalse(token.toString().contains(token.value()));
    }
}
