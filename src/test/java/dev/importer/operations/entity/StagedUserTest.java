package dev.importer.staging.entity;

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
        assertEquals(user, StagedUser.fromStored(user.toJson()));
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
