package dev.importer.operations.entity;

import dev.importer.identity.UserId;
import java.util.Optional;

/** Who made a change, as the audit trail names it: a caller and its address, or the service itself. */
public record Actor(Optional<UserId> user, Optional<String> address) {

    public static final Actor SERVICE = new Actor(Optional.empty(), Optional.empty());

    public static Actor caller(UserId user, String address) {
        return new Actor(Optional.of(user), Optional.ofNullable(address));
    }
}
