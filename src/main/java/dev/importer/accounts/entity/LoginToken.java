package dev.importer.accounts.entity;

import dev.importer.identity.AuthToken;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.platform.Timestamps;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token a user holds, stored as its hash. */
@Entity
@Table(name = "login_tokens")
public class LoginToken {

    public enum Kind {
        /** Issued by login; expires. */
        LOGIN,
        /** Created by the user for scripts; never expires. */
        PERSONAL
    }

    @Id
    @Column(name = "hashed_token")
    private String hashedToken;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_token_part")
    private String lastTokenPart;

    protected LoginToken() {
    }

    private LoginToken(AuthToken token, User user, Kind kind, String name, Instant createdAt) {
        this.hashedToken = token.hashed();
        this.user = user;
        this.kind = kind;
        this.name = name;
        this.createdAt = createdAt;
    }

    public static LoginToken forLogin(AuthToken token, User user, Instant now) {
        return new LoginToken(token, user, Kind.LOGIN, null, now);
    }

    public static LoginToken personal(AuthToken token, User user, String name, Instant now) {
        LoginToken personal = new LoginToken(token, user, Kind.PERSONAL, name, now);
        personal.lastTokenPart = token.value().substring(token.value().length() - 6);
        return personal;
    }

    /** As {@code users.getPersonalAccessTokens} lists it: never the token. */
    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("name", name)
                .add("createdAt", Timestamps.iso(createdAt))
                .add("lastTokenPart", lastTokenPart)
                .add("bypassTwoFactor", false)
                .build();
    }

    public User user() {
        return user;
    }

    public String hashedToken() {
        return hashedToken;
    }
}
