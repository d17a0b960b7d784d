package dev.importer.accounts.control;

import dev.importer.accounts.entity.PasswordHash;
import java.util.Optional;

/** Whether a login's password matched, and the hash that replaces the stored one when it should. */
public record PasswordCheck(boolean matches, Optional<PasswordHash> upgrade) {

    static final PasswordCheck MATCH = new PasswordCheck(true, Optional.empty());
    static final PasswordCheck MISMATCH = new PasswordCheck(false, Optional.empty());
}
