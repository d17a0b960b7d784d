package dev.importer.accounts.entity;

import dev.importer.identity.UserId;
import dev.importer.platform.Timestamps;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.platform.http.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.logging.Logger;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

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

    /** {@code user} or {@code bot}: an import sets it, the database defaults it. */
    @Column(insertable = false, updatable = false)
    private String type;

    /** As given, a JSON object; read and written as text. */
    @Column(name = "custom_fields")
    @ColumnTransformer(read = "CAST(custom_fields AS text)", write = "CAST(? AS jsonb)")
    private String customFields;

    private String bio;

    @Column(name = "status_text")
    private String statusText;

    /** Hours from UTC; an import sets it. */
    @Column(name = "utc_offset", insertable = false, updatable = false)
    private BigDecimal utcOffset;

    /** The user's ids in the systems it came from; an import sets them. */
    @Column(name = "import_ids", insertable = false, updatable = false)
    private String[] importIds;

    // SUBSELECT: for the users a query finds (users.list), one query reads the roles, and one
    // the addresses, of all of them, rather than two queries a user
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    private Set<String> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
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

    public void setUsername(String username) {
        this.username = username;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public void setStatusText(String statusText) {
        this.statusText = statusText;
    }

    /** Rocket.Chat's users.update: the fields given replace those of the same name. */
    public void mergeCustomFields(JsonObject fields) {
        JsonObjectBuilder merged = JSON.createObjectBuilder(customFieldsJson().orElse(JsonValue.EMPTY_JSON_OBJECT));
        fields.forEach(merged::add);
        customFields = merged.build().toString();
    }

    public boolean hasEmail(String address) {
        return emails.stream().anyMatch(e -> e.address().equalsIgnoreCase(address));
    }

    /** The user's addresses become this one, verified only if it was already. */
    public void replaceEmails(String address) {
        boolean verified = emails.stream().anyMatch(e -> e.address().equalsIgnoreCase(address) && e.verified());
        emails.clear();
        emails.add(new Email(address, verified));
    }

    public void setRoles(Set<String> newRoles) {
        roles.clear();
        roles.addAll(newRoles);
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
        JsonObjectBuilder json = toPublicJson()
                .add("emails", emailArray)
                .add("roles", JSON.createArrayBuilder(roles.stream().sorted().toList()))
                .add("importIds", JSON.createArrayBuilder(importIds == null ? List.of() : List.of(importIds)))
                .add("createdAt", Timestamps.iso(createdAt));
        customFieldsJson().ifPresent(fields -> json.add("customFields", fields));
        return json;
    }

    /** What any logged-in user may see of another: neither addresses, roles, custom fields nor import ids. */
    public JsonObjectBuilder toPublicJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("_id", id)
                .add("username", username)
                .add("type", type == null ? "user" : type)
                .add("active", active);
        addIfPresent(json, "name", name);
        addIfPresent(json, "bio", bio);
        addIfPresent(json, "statusText", statusText);
        if (utcOffset != null) {
            json.add("utcOffset", utcOffset);
        }
        return json;
    }

    private static void addIfPresent(JsonObjectBuilder json, String member, String value) {
        if (value != null) {
            json.add(member, value);
        }
    }

    private Optional<JsonObject> customFieldsJson() {
        return Optional.ofNullable(customFields).map(Jsonp::parseObject);
    }
}
