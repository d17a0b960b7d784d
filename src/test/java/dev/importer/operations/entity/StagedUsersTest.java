package dev.importer.operations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.importer.accounts.entity.UsernameRule;
import dev.importer.platform.http.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StagedUsersTest {

    private static final String ANN = "{\"username\":\"ann\",\"emails\":[\"ann@example.com\"],\"importIds\":[\"1\"],"
            + "\"roles\":[\"user\"]}";
    private static final String BOB = "{\"emails\":[\"Bob@example.com\"],\"importIds\":[\"2\"],\"roles\":[\"ops\"]}";

    @Test
    void readsTheUsersInOrderAndIgnoresOtherMembers() {
        StagedUsers users = read("{\"note\":{\"x\":[1,2]},\"users\":[" + ANN + "," + BOB + "],\"more\":null}");

        assertEquals(2, users.count());
        assertEquals(List.of(
                "{\"username\":\"ann\",\"emails\":[\"ann@example.com\"],\"importIds\":[\"1\"],\"roles\":[\"user\"]}",
                "{\"username\":\"bob\",\"emails\":[\"Bob@example.com\"],\"importIds\":[\"2\"],\"roles\":[\"ops\"]}"),
                users.rows());
        assertEquals(Set.of("user", "ops"), users.roles());
    }

    @Test
    void refusesWhatIsNotAListOfUsers() {
        for (String body : List.of("", "[]", "{}", "{\"users\":[]}", "{\"users\":null}", "{\"users\":{}}",
                "{\"users\":[" + ANN + "]", "{\"users\":[" + ANN + "]} {}", "{\"users\":[1]}", "{not json",
                "{\"users\":[{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}]}")) {
            ApiException refusal = assertThrows(ApiException.class, () -> read(body), body);
            assertEquals("error-invalid-params", refusal.errorType(), body);
        }
    }

    @Test
    void stopsReadingAtTheLimit() {
        ApiException refusal = assertThrows(ApiException.class,
                () -> StagedUsers.read(stream("{\"users\":[" + ANN + "," + BOB + ",{\"broken\"]}"), 1, UsernameRule.of(UsernameRule.DEFAULT_PATTERN)));

        assertEquals("error-too-many-users", refusal.errorType());
    }

    @Test
    void aRefusedUserIsNamedByItsIndex() {
        ApiException refusal = assertThrows(ApiException.class,
                () -> read("{\"users\":[" + ANN + ",{\"emails\":[],\"importIds\":[\"3\"]}]}"));

        assertEquals("users[1]: needs at least one e-mail address", refusal.getMessage());
    }

    private static StagedUsers read(String body) {
        return StagedUsers.read(stream(body), 100, UsernameRule.of(UsernameRule.DEFAULT_PATTERN));
    }

    private static ByteArrayInputStream stream(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }
}
