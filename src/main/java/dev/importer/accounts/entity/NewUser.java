package dev.importer.accounts.entity;

import java.util.List;
import java.util.Optional;

/** A user about to be created: by an administrator, or by an import. */
public record NewUser(String username, Optional<String> name, List<String> emails, boolean emailsVerified,
        List<String> roles, Optional<PasswordHash> password, boolean active) {

    public User toUser(java.time.Instant now) {
        User user = new User(username, name.orElse(null), now);
        emails.forEach(address -> user.addEmail(new Email(address, emailsVerified)));
        roles.forEach(user::addRole);
        password.ifPresent(user::setPassword);
        user.setActive(active);
        return user;
    }
}
