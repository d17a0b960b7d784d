package dev.importer.it;

/** What a client sends as X-User-Id and X-Auth-Token. */
public record Credentials(String userId, String token) {
}
