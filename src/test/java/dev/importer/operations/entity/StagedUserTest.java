package dev.importer.operations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.accounts.entity.HashingAlgorithm;
import dev.importer.accounts.entity.PasswordHash;
import dev.importer.accounts.entity.Profile;
import dev.importer.accounts.entity.UsernameRule;
import dev.importer.platform.http.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StagedUserTest {

    private static final UsernameRule RULE = UsernameRule.of(UsernameRule.DEFAULT_PATTERN);
    private static final String BCRYPT = "$2b$10$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui";

    @Test
    void readsEveryField() {
        StagedUser user = read("""
                {"username":" ann ","name":"Ann","emails":["ann@example.com"," "],"importIds":["7"],
                 "password":"secret","roles":["user"]}""");

        assertEquals(new StagedUser("ann", Optional.of("Ann"), List.of("ann@example.com"), List.of("7"),
                Optional.of("secret"), Optional.empty(), List.of("user"), Profile.NONE), user);
        assertEquals(Json.createReader(new StringReader("""
                {"username":"ann","emails":["ann@example.com"],"importIds":["7"],"roles":["user"],
                 "name":"Ann","password":"secret"}""")).readObject(), user.toJson());
    }

    @Test
    void keepsWhatRocketChatKeepsOfAUser() {
        String fields = """
                "deleted":true,"type":"bot","customFields":{"team":"ops","level":{"n":3},"tags":["a","b"]},
                "bio":"Builds things","statusText":"away","utcOffset":-3.5,"avatarUrl":"https://example.com/a.png\"""";
        StagedUser user = read("{\"emails\":[\"a@example.com\"],\"importIds\":[\"1\"]," + fields + "}");

        assertEquals(new Profile(Optional.of(true), Optional.of("bot"),
                Optional.of(json("{\"team\":\"ops\",\"level\":{\"n\":3},\"tags\":[\"a\",\"b\"]}")),
                Optional.of("Builds things"), Optional.of("away"), Optional.of(new BigDecimal("-3.5")),
                Optional.of("https://example.com/a.png")), user.profile());
        JsonObjectBuilder staged = Json.createObjectBuilder(user.toJson());
        List.of("username", "emails", "importIds", "roles").forEach(staged::remove);
        assertEquals(json("{" + fields + "}"), staged.build());
        assertEquals(Profile.NONE, read("{\"emails\":[\"a@example.com\"],\"importIds\":[\"1\"],\"bio\":\"\"}").profile(),
                "an empty text is not given, as in Rocket.Chat");
    }

    @Test
    void refusesAFieldOfTheWrongTypeNamingTheUser() {
        for (String field : List.of("\"deleted\":\"yes\"", "\"type\":\"robot\"", "\"type\":1",
                "\"customFields\":[1]", "\"customFields\":\"x\"", "\"customFields\":{\"a\":\"b\\u0000\"}",
                "\"customFields\":{\"a\\u0001\":1}", "\"customFields\":{\"a\":\"" + "x".repeat(20_000) + "\"}",
                "\"bio\":3", "\"bio\":\"" + "b".repeat(1001) + "\"", "\"statusText\":[\"x\"]",
                "\"utcOffset\":\"-3\"", "\"utcOffset\":15", "\"utcOffset\":true",
                "\"avatarUrl\":\"ftp://example.com/a.png\"", "\"avatarUrl\":\"file:///etc/passwd\"",
                "\"avatarUrl\":\"not a url\"")) {
            ApiException refusal = assertThrows(ApiException.class, () -> StagedUser.fromJson(
                    json("{\"emails\":[\"a@example.com\"],\"importIds\":[\"1\"]," + field + "}"), 2, RULE), field);
            assertTrue(refusal.getMessage().startsWith("users[2]: "), refusal.getMessage());
        }
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
    void refusesLookAlikeUsernamesBadAddressesAndControlCharacters() {
        for (String username : List.of("a b", "ann@example", "../ann", "ann/x", "line\\nbreak", "\\u0430dmin",
                "admin\\u200b", "\\u202eadmin", "<b>ann</b>")) {
            ApiException refusal = assertThrows(ApiException.class, () -> read(
                    "{\"username\":\"" + username + "\",\"emails\":[\"a@example.com\"],\"importIds\":[\"1\"]}"),
                    username);
            assertTrue(refusal.getMessage().startsWith("users[0]: "), refusal.getMessage());
        }
        for (String address : List.of("not-an-email", "@", "@@@", "a@b", "a@b.c", "a b@example.com", "a@exa mple.com")) {
            assertThrows(ApiException.class, () -> read(
                    "{\"emails\":[\"" + address + "\"],\"importIds\":[\"1\"]}"), address);
        }
        for (String field : List.of("\"name\":\"A\\u0000nn\"", "\"name\":\"A\\u001bnn\"",
                "\"importIds\":[\"1\\t2\"]", "\"password\":\"pass\\u0000word\"", "\"name\":\"" + "n".repeat(256) + "\"")) {
            assertThrows(ApiException.class, () -> read(
                    "{\"emails\":[\"a@example.com\"],\"importIds\":[\"1\"]," + field + "}").importIds(), field);
        }
        assertEquals(Optional.of("Ann\tLee"), read(
                "{\"name\":\"Ann\\tLee\",\"emails\":[\"a@example.com\"],\"importIds\":[\"1\"]}").name());
        assertEquals(List.of("\"quoted local\"@example.com", "ann@[10.0.0.1]"), read(
                "{\"username\":\"ann\",\"emails\":[\"\\\"quoted local\\\"@example.com\",\"ann@[10.0.0.1]\"],\"importIds\":[\"1\"]}").emails());
    }

    @Test
    void withoutUsernameTakesTheLocalPartOfTheFirstEmail() {
        assertEquals("bob", read("{\"emails\":[\"Bob@example.com\"],\"importIds\":[\"1\"]}").username());
    }

    @Test
    void refusalsNameTheUser() {
        ApiException noEmail = assertThrows(ApiException.class,
                () -> StagedUser.fromJson(json("{\"emails\":[\"\"],\"importIds\":[\"1\"]}"), 3, RULE));
        assertTrue(noEmail.getMessage().startsWith("users[3]: "), noEmail.getMessage());

        assertThrows(ApiException.class, () -> read("{\"emails\":[\"a@example.com\"]}"));
        assertThrows(ApiException.class, () -> read("{\"emails\":[\"a@example.com\"],\"importIds\":[1]}"));
        assertThrows(ApiException.class, () -> read("{\"emails\":\"a@example.com\",\"importIds\":[\"1\"]}"));
        assertThrows(ApiException.class, () -> StagedUser.fromJson(Json.createValue("text"), 0, RULE));
    }

    @Test
    void aHashIsStagedWithItsAlgorithm() {
        StagedUser user = read("""
                {"emails":["a@example.com"],"importIds":["1"],
                 "passwordHash":"$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$MDEyMzQ1Njc4OWFiY2RlZg","hashingAlgorithm":"pbkdf2-sha256"}""");

        assertEquals(Optional.of(new PasswordHash(HashingAlgorithm.PBKDF2_SHA256,
                "$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$MDEyMzQ1Njc4OWFiY2RlZg")), user.passwordHash());
        assertEquals("pbkdf2-sha256", user.toJson().getString("hashingAlgorithm"));
        assertEquals("$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$MDEyMzQ1Njc4OWFiY2RlZg", user.toJson().getString("passwordHash"));
    }

    @Test
    void rocketChatsBcryptIsBcryptOfTheSha256() {
        StagedUser user = read("""
                {"emails":["a@example.com"],"importIds":["1"],
                 "services":{"password":{"bcrypt":"%s"}}}""".formatted(BCRYPT));

        assertEquals(Optional.of(new PasswordHash(HashingAlgorithm.BCRYPT_SHA256, BCRYPT)), user.passwordHash());
    }

    @Test
    void refusesTwoPasswordsOrHalfAHash() {
        String user = "{\"emails\":[\"a@example.com\"],\"importIds\":[\"1\"],%s}";
        for (String refused : List.of(
                "\"password\":\"x\",\"passwordHash\":\"" + BCRYPT + "\",\"hashingAlgorithm\":\"bcrypt\"",
                "\"password\":\"x\",\"services\":{\"password\":{\"bcrypt\":\"" + BCRYPT + "\"}}",
                "\"passwordHash\":\"" + BCRYPT + "\",\"hashingAlgorithm\":\"bcrypt\",\"services\":{\"password\":{\"bcrypt\":\"" + BCRYPT + "\"}}",
                "\"passwordHash\":\"" + BCRYPT + "\"",
                "\"hashingAlgorithm\":\"bcrypt\"",
                "\"passwordHash\":\"" + BCRYPT + "\",\"hashingAlgorithm\":\"md5\"",
                "\"passwordHash\":\"" + BCRYPT.substring(1) + "\",\"hashingAlgorithm\":\"bcrypt\"",
                "\"services\":{\"password\":\"x\"}")) {
            ApiException refusal = assertThrows(ApiException.class,
                    () -> StagedUser.fromJson(json(user.formatted(refused)), 5, RULE), refused);
            assertTrue(refusal.getMessage().startsWith("users[5]: "), refusal.getMessage());
        }
    }

    private static StagedUser read(String json) {
        return StagedUser.fromJson(json(json), 0, RULE);
    }

    private static JsonObject json(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
