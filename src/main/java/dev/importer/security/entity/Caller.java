package dev.importer.security.entity;

import dev.importer.identity.UserId;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/** The authenticated user of a request, and the token they authenticated with. */
public record Caller(UserId userId, String username, Set<String> roles, String hashedToken) implements Principal {

    /** The caller of a request that passed the authentication filter. */
    public static Caller of(SecurityContext context) {
        return (Caller) context.getUserPrincipal();
    }

    @Override
    public String getName() {
        return username;
    }

    @Override
    public String toString() {
        return "Caller[" + userId + ", " + username + "]";
    }
}
