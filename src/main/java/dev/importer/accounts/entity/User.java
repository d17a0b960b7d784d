package dev.importer.accounts.entity;

import dev.importer.identity.UserId;
import dev.importer.platform.Timestamps;

import static dev.importer.platform.http.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.logging.Logger;

@Entity
@Table(name = "users")
public class User {

    private static final Logger LOG = Logger.getLogger(User.class.getName());

    @Id
    private String id;

    private String username;

    private String name;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "password_algorithm")
    private String passwordAlgorithm;

    private boolean active;

    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_emails", joinColumns = @JoinColumn(name = "user_id"))
    private List<Email> emails = new ArrayList<>();

    protected User() {
    }

    public User(String username, String name, Instant createdAt) {
        this.id = UserId.generate().value();
        this.username = username;
        this.name = name;
        this.active = true;
        this.createdAt = createdAt;
    }

    public UserId id() {
        return new UserId(id);
    }

    public String username() {
        return username;
    }

    /** The stored hash; empty when there is none, or when it is not one the service can check. */
    public Optional<PasswordHash> password() {
        if (passwordHash == null) {
            return Optional.empty();
        }
        try {
            return HashingAlgorithm.fromWireName(passwordAlgorithm)
                    .map(algorithm -> new PasswordHash(algorithm, passwordHash));
        } catch (IllegalArgumentException e) {
            LOG.warning("The stored password hash of user " + id + " is malformed: " + e.getMessage());
            return Optional.empty();
        }
    }

    public boolean isActive() {
        return active;
    }

    public Set<String> roles() {
        return Set.copyOf(roles);
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public void setPassword(PasswordHash password) {
        this.passwordHash = password.encoded();
        this.passwordAlgorithm = password.algorithm().wireName();
    }

    public void addRole(String role) {
        roles.add(role);
    }

    public void removeRole(String role) {
        roles.remove(role);
    }

    public void addEmail(Email email) {
        emails.add(email);
    }

    /** The user as Rocket.Chat shows it in full, to itself and to administrators: never a password hash or a token. */
    public JsonObjectBuilder toJson() {
        JsonArrayBuilder emailArray = JSON.createArrayBuilder();
        emails.forEach(e -> emailArray.add(e.toJson()));
        return toPublicJson()
                .add("emails", emailArray)
                .add("roles", JSON.createArrayBuilder(roles.stream().sorted().toList()))
                .add("createdAt", Timestamps.iso(createdAt));
    }

    /** What any logged-in user may see of another: neither addresses nor roles. */
    public JsonObjectBuilder toPublicJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("_id", id)
                .add("username", username)
                .add("active", active);
        if (name != null) {
            json.add("name", name);
        }
        return json;
    }
}
