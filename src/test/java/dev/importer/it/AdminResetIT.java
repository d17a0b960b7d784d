package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.net.URL;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An upgrade onto a database of the release before: its administrator locked out (no password,
 * deactivated, no admin role, blocked, with tokens an attacker may hold), and usernames that
 * collide ignoring case. The server starts with ADMIN_RESET=true (Failsafe's admin-reset
 * execution) and the database is seeded before it starts.
 */
@ExtendWith({AdminResetIT.SeededBeforeTheServerStarts.class, ArquillianExtension.class})
class AdminResetIT {

    private static final String ADMIN_ID = "AdminResetSTadmin";
    private static Credentials oldLogin;
    private static Credentials oldPersonalToken;

    static final class SeededBeforeTheServerStarts implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            TestDatabase.create();
            Flyway.configure().dataSource(TestDatabase.url(), TestDatabase.user(), TestDatabase.password())
                    .locations("classpath:db/migration").target("6").load().migrate();
            TestDatabase.execute("""
                    INSERT INTO users (id, username, active, created_at) VALUES (?, ?, false, now())""",
                    ADMIN_ID, Api.Admin.USERNAME);
            TestDatabase.execute("INSERT INTO user_roles (user_id, role) VALUES (?, 'user')", ADMIN_ID);
            TestDatabase.execute("""
                    INSERT INTO login_failures (kind, key, failures, blocked_until)
                    VALUES ('user', ?, 0, now() + interval '1 hour')""", ADMIN_ID);
            oldLogin = TestUsers.addToken(ADMIN_ID, "LOGIN", Duration.ZERO);
            oldPersonalToken = TestUsers.addToken(ADMIN_ID, "PERSONAL", Duration.ZERO);
            TestDatabase.execute("""
                    INSERT INTO users (id, username, active, created_at) VALUES
                        ('DupFirst222222222', 'dup', true, now() - interval '2 days'),
                        ('DupSecond22222222', 'Dup', true, now() - interval '1 day'),
                        ('DupThird222222222', 'DUP', true, now())""");
        }
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    @Test
    void theLockedOutAdministratorIsResetAndEveryOldTokenEnded() {
        Api api = new Api(Deployments.loopback(deployment));

        Credentials admin = api.login(Api.Admin.USERNAME, Api.Admin.PASSWORD);

        assertEquals(ADMIN_ID, admin.userId());
        Reply me = api.get("api/v1/me", admin);
        assertTrue(me.json().getBoolean("active"));
        assertTrue(me.json().getJsonArray("roles").getValuesAs(JsonString::getString).contains("admin"));
        assertEquals(401, api.get("api/v1/me", oldLogin).status());
        assertEquals(401, api.get("api/v1/me", oldPersonalToken).status());
        assertTrue(ServerLog.text().contains("ADMIN_RESET: administrator '" + Api.Admin.USERNAME + "' reset"));
    }

    @Test
    void usersThatCollidedBeforeTheUpgradeKeepTheirNamesAndNoNewCollisionCanBeMade() {
        Api api = new Api(Deployments.loopback(deployment));
        Credentials admin = api.login(Api.Admin.USERNAME, Api.Admin.PASSWORD);

        assertEquals(3, TestDatabase.count("SELECT count(*) FROM users WHERE lower(username) = 'dup'"));
        assertEquals(2, TestDatabase.count("SELECT count(*) FROM users WHERE username_collision"));
        Reply refused = api.postJson("api/v1/users.create", admin, Json.createObjectBuilder().add("username", "dUp")
                .add("name", "n").add("email", "dup@example.com").add("password", "a-password").build().toString());
        assertEquals(400, refused.status(), refused.body());
        assertEquals("error-field-unavailable", refused.json().getString("errorType"));
        String log = ServerLog.text();
        assertTrue(log.contains("user DupSecond22222222 ('Dup') already collided with user DupFirst222222222 ('dup')"));
        assertTrue(log.contains("user DupThird222222222 ('DUP') already collided with user DupFirst222222222 ('dup')"));
    }
}
