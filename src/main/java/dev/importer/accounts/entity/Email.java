package dev.importer.accounts.entity;

import static dev.importer.platform.http.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Email {

    @Column(name = "address")
    private String address;

    @Column(name = "verified")
    private boolean verified;

    protected Email() {
    }

    public Email(String address, boolean verified) {
        this.address = address;
        this.verified = verified;
    }

    public String address() {
        return address;
    }

    public boolean verified() {
        return verified;
    }

    public JsonObject toJson() {
        return JSON.createObjectBuilder().add("address", address).add("verified", verified).build();
    }
}
