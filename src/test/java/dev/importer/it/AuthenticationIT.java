package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.importer.it.Api.Reply;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Who may call {@code import.new}: the contract's 401 for every cause, 403 without run-import. */
class AuthenticationIT extends DeployedWarIT {

    private static final String NOT_LOGGED_IN = "{\"status\":\"error\",\"message\":\"You must be logged in to do this.\"}";
    private static final String NOT_PERMITTED = "{\"success\":false,"
            + "\"error\":\"User does not have the permissions required for this action [error-unauthorized]\"}";
    @Test
    void noHeaders() {
        assertNotLoggedIn(api.send(api.request("api/v1/import.new").POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    @Test
    void userIdWithoutToken() {
        assertNotLoggedIn(api.send(api.request("api/v1/import.new")
                .header("X-User-Id", admin.userId())
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    @Test
    void tokenWithoutUserId() {
        assertNotLoggedIn(api.send(api.request("api/v1/import.new")
                .header("X-Auth-Token", admin.token())
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    @Test
    void unknownUser() {
        assertNotLoggedIn(api.post("api/v1/import.new", new Credentials("ZZZZZZZZZZZZZZZZZ", admin.token())));
    }

    @Test
    void malformedUserId() {
        assertNotLoggedIn(api.post("api/v1/import.new", new Credentials("'; drop table users; --", admin.token())));
    }

    @Test
    void wrongToken() {
        assertNotLoggedIn(api.post("api/v1/import.new", new Credentials(admin.userId(), admin.token() + "x")));
    }

    @Test
    void anotherUsersToken() {
        Credentials other = TestUsers.create("admin");
        assertNotLoggedIn(api.post("api/v1/import.new", new Credentials(admin.userId(), other.token())));
    }

    @Test
    void deactivatedUser() {
        Credentials user = TestUsers.create("admin");
        assertEquals(200, api.post("api/v1/import.new", user).status());

        TestUsers.deactivate(user.userId());

        assertNotLoggedIn(api.post("api/v1/import.new", user));
    }

    @Test
    void expiredLoginToken() {
        Credentials user = TestUsers.create("admin");
        Credentials fresh = TestUsers.addToken(user.userId(), "LOGIN", Duration.ofDays(89));
        Credentials expired = TestUsers.addToken(user.userId(), "LOGIN", Duration.ofDays(91));

        assertEquals(200, api.post("api/v1/import.new", fresh).status());
        assertNotLoggedIn(api.post("api/v1/import.new", expired));
    }

    @Test
    void personalAccessTokensDoNotExpire() {
        Credentials user = TestUsers.create("admin");
        Credentials personal = TestUsers.addToken(user.userId(), "PERSONAL", Duration.ofDays(400));

        assertEquals(200, api.post("api/v1/import.new", personal).status());
    }

    @Test
    void loggedOutToken() {
        Credentials session = api.loginAsAdmin();
        assertEquals(200, api.get("api/v1/me", session).status());

        assertEquals(200, api.post("api/v1/logout", session).status());

        assertNotLoggedIn(api.post("api/v1/import.new", session));
        assertNotLoggedIn(api.get("api/v1/me", session));
        assertEquals(200, api.get("api/v1/me", admin).status(), "other sessions of the user stay valid");
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Reply reply = api.send(api.request("api/v1/import.new")
                .header("x-user-id", admin.userId())
                .header("X-AUTH-TOKEN", admin.token())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, reply.status());
    }

    @Test
    void forbiddenWithoutRunImportUntilTheRoleIsGranted() {
        String role = "importer-" + System.nanoTime();
        Credentials user = TestUsers.create("user", role);

        Reply refused = api.post("api/v1/import.new", user);
        assertEquals(403, refused.status());
        assertEquals(NOT_PERMITTED, refused.body());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_operations WHERE user_id = ?", user.userId()),
                "a refused call changes nothing");

        TestUsers.grant("run-import", role);

        Reply accepted = api.post("api/v1/import.new", user);
        assertEquals(200, accepted.status());
        assertEquals(user.userId(), accepted.json().getJsonObject("operation").getString("user"));
    }

    private static void assertNotLoggedIn(Reply reply) {
        assertEquals(401, reply.status());
        assertEquals("application/json", reply.contentType());
        assertEquals(NOT_LOGGED_IN, reply.body());
    }
}
