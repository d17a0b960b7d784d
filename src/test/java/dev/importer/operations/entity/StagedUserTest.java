package dev.importer.operations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.platform.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StagedUserTest {

    @Test
    void readsEveryField() {
        StagedUser user = read("""
                {"username":" ann ","name":"Ann","emails":["ann@example.com"," "],"importIds":["7"],
                 "password":"secret","roles":["user"]}""");

        assertEquals(new StagedUser("ann", Optional.of("Ann"), List.of("ann@example.com"), List.of("7"),
                Optional.of("secret"), List.of("user")), user);
        assertEquals(Json.createReader(new StringReader("""
                {"username":"ann","emails":["ann@example.com"],"importIds":["7"],"roles":["user"],
                 "name":"Ann","password":"secret"}""")).readObject(), user.toJson());
    }

    @Test
    void keepsAnAddressGivenTwiceOnceInItsFirstSpelling() {
        StagedUser user = read("""
                {"emails":["Ann@Example.com","ann@example.com","ann@other.example"],"importIds":["1"],
                 "roles":["user","user"]}""");

        assertEquals(List.of("Ann@Example.com", "ann@other.example"), user.emails());
        assertEquals(List.of("user"), user.roles());
    }

    @Test
    void refusesWhatTheUsersTableCannotHold() {
        assertThrows(ApiException.class, () -> read(
                "{\"username\":\"" + "u".repeat(256) + "\",\"emails\":[\"a@example.com\"],\"importIds\":[\"1\"]}"));
        assertThrows(ApiException.class, () -> read(
                "{\"emails\":[\"" + "a".repeat(320) + "@example.com\"],\"importIds\":[\"1\"]}"));
    }

    @Test
    void withoutUsernameTakesTheLocalPartOfTheFirstEmail() {
        assertEquals("bob", read("{\"emails\":[\"Bob@example.com\"],\"importIds\":[\"1\"]}").username());
    }

    @Test
    void refusalsNameTheUser() {
        ApiException noEmail = assertThrows(ApiException.class,
                () -> StagedUser.fromJson(json("{\"emails\":[\"\"],\"importIds\":[\"1\"]}"), 3));
        assertTrue(noEmail.getMessage().startsWith("users[3]: "), noEmail.getMessage());

        assertThrows(ApiException.class, () -> read("{\"emails\":[\"a@example.com\"]}"));
        assertThrows(ApiException.class, () -> read("{\"emails\":[\"a@example.com\"],\"importIds\":[1]}"));
        assertThrows(ApiException.class, () -> read("{\"emails\":\"a@example.com\",\"importIds\":[\"1\"]}"));
        assertThrows(ApiException.class, () -> StagedUser.fromJson(Json.createValue("text"), 0));
    }

    private static StagedUser read(String json) {
        return StagedUser.fromJson(json(json), 0);
    }

    private static JsonObject json(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
