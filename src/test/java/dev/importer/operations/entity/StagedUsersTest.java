package dev.importer.operations.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.importer.accounts.entity.UsernameRule;
import dev.importer.platform.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagedUsersTest {

    private static final String ANN = "{\"username\":\"ann\",\"emails\":[\"ann@example.com\"],\"importIds\":[\"1\"],"
            + "\"roles\":[\"user\"]}";
    private static final String BOB = "{\"emails\":[\"Bob@example.com\"],\"importIds\":[\"2\"],\"roles\":[\"ops\"]}";

    @Test
    void readsTheUsersInOrderAndIgnoresOtherMembers() {
        List<StagedUser> users = new ArrayList<>();

        int count = users("{\"note\":{\"x\":[1,2]},\"users\":[" + ANN + "," + BOB + "],\"more\":null}", 100)
                .forEach(users::add);

        assertEquals(2, count);
        assertEquals(List.of(
                "{\"username\":\"ann\",\"emails\":[\"ann@example.com\"],\"importIds\":[\"1\"],\"roles\":[\"user\"]}",
                "{\"username\":\"bob\",\"emails\":[\"Bob@example.com\"],\"importIds\":[\"2\"],\"roles\":[\"ops\"]}"),
                users.stream().map(user -> user.toJson().toString()).toList());
    }

    @Test
    void refusesWhatIsNotAListOfUsers() {
        for (String body : List.of("", "[]", "{}", "{\"users\":[]}", "{\"users\":null}", "{\"users\":{}}",
                "{\"users\":[" + ANN + "]", "{\"users\":[" + ANN + "]} {}", "{\"users\":[1]}", "{not json",
                "{\"users\":[" + ANN + "],\"users\":[" + BOB + "]}",
                "{\"users\":[{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}]}")) {
            ApiException refusal = assertThrows(ApiException.class, () -> users(body, 100).forEach(user -> { }), body);
            assertEquals("error-invalid-params", refusal.errorType(), body);
        }
    }

    @Test
    void stopsReadingAtTheLimit() {
        ApiException refusal = assertThrows(ApiException.class,
                () -> users("{\"users\":[" + ANN + "," + BOB + ",{\"broken\"]}", 1).forEach(user -> { }));

        assertEquals("error-too-many-users", refusal.errorType());
    }

    @Test
    void aRefusedUserIsNamedByItsIndex() {
        ApiException refusal = assertThrows(ApiException.class,
                () -> users("{\"users\":[" + ANN + ",{\"emails\":[],\"importIds\":[\"3\"]}]}", 100).forEach(user -> { }));

        assertEquals("users[1]: needs at least one e-mail address", refusal.getMessage());
    }

    /** Staging overlaps reading: the users before a refused one have been handed on already. */
    @Test
    void handsEachUserOnBeforeTheNextIsRead() {
        List<String> handed = new ArrayList<>();

        assertThrows(ApiException.class, () -> users("{\"users\":[" + ANN + "," + BOB + ",{\"broken\"]}", 100)
                .forEach(user -> handed.add(user.username())));

        assertEquals(List.of("ann", "bob"), handed);
    }

    /** A failure of the recipient (the COPY, say) is not bad JSON. */
    @Test
    void whatTheRecipientThrowsIsThrownOnAsItIs() {
        IllegalStateException failed = new IllegalStateException("the database went away");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> users("{\"users\":[" + ANN + "]}", 100).forEach(user -> {
                    throw failed;
                }));

        assertSame(failed, thrown);
    }

    private static StagedUsers users(String body, int maxUsers) {
        return new StagedUsers(body.getBytes(StandardCharsets.UTF_8), maxUsers, UsernameRule.of(UsernameRule.DEFAULT_PATTERN));
    }
}
