package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Users as Rocket.Chat keeps them: every field of its IImportUser through an import, an update
 * and users.info; existing users found as Rocket.Chat finds them, with the dry run predicting
 * it; its global roles given by an import.
 */
class RocketChatUsersIT extends ImportIT {

    @Test
    void everyFieldIsKeptByTheImportAndByTheUpdateAndShownByUsersInfo() {
        String tag = "fields" + System.nanoTime();
        startNew();
        assertOk(addUsers(json("""
                {"username":"%1$s-bot","name":"The Bot","emails":["%1$s-bot@example.com"],"importIds":["a1","a2"],
                 "type":"bot","roles":["bot"],"deleted":false,"bio":"Answers questions","statusText":"on call",
                 "utcOffset":-3.5,"avatarUrl":"https://avatars.example.com/bot.png",
                 "customFields":{"team":"ops","level":{"n":3},"tags":["x","y"]}}""".formatted(tag)),
                json("""
                {"username":"%1$s-gone","emails":["%1$s-gone@example.com"],"importIds":["b1"],"deleted":true}"""
                        .formatted(tag))));
        runToTheEnd("{}");

        JsonObject bot = info("username=" + tag + "-bot");
        assertEquals("bot", bot.getString("type"));
        assertEquals(List.of("bot"), strings(bot.getJsonArray("roles")));
        assertEquals(List.of("a1", "a2"), strings(bot.getJsonArray("importIds")));
        assertEquals(json("{\"team\":\"ops\",\"level\":{\"n\":3},\"tags\":[\"x\",\"y\"]}"), bot.getJsonObject("customFields"));
        assertEquals("Answers questions", bot.getString("bio"));
        assertEquals("on call", bot.getString("statusText"));
        assertEquals(new BigDecimal("-3.50"), bot.getJsonNumber("utcOffset").bigDecimalValue());
        assertTrue(bot.getBoolean("active"));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE id = ? AND pending_avatar_url = ?",
                bot.getString("_id"), "https://avatars.example.com/bot.png"));
        JsonObject gone = info("username=" + tag + "-gone");
        assertFalse(gone.getBoolean("active"), "deleted in the system it came from: imported inactive");
        assertEquals("user", gone.getString("type"));
        assertEquals(List.of("user"), strings(gone.getJsonArray("roles")));

        startNew();
        assertOk(addUsers(json("""
                {"username":"%1$s-BOT","emails":["%1$s-bot@example.com"],"importIds":["a2","a3"],"deleted":true,
                 "bio":"Retired","utcOffset":2,"customFields":{"level":4,"since":"2026"}}""".formatted(tag)),
                json("""
                {"username":"%1$s-gone","emails":["%1$s-gone@example.com"],"importIds":["b1"],"deleted":false,
                 "type":"bot"}""".formatted(tag))));
        runToTheEnd("{\"ifUserExists\":\"update\"}");

        JsonObject retired = info("userId=" + bot.getString("_id"));
        assertEquals(tag + "-bot", retired.getString("username"), "an update keeps the username");
        assertFalse(retired.getBoolean("active"), "deleted: deactivated");
        assertEquals("Retired", retired.getString("bio"));
        assertEquals("on call", retired.getString("statusText"), "a field not given stays");
        assertEquals(new BigDecimal("2.00"), retired.getJsonNumber("utcOffset").bigDecimalValue());
        assertEquals(List.of("a1", "a2", "a3"), strings(retired.getJsonArray("importIds")), "import ids added");
        assertEquals(json("{\"team\":\"ops\",\"level\":4,\"tags\":[\"x\",\"y\"],\"since\":\"2026\"}"),
                retired.getJsonObject("customFields"), "custom fields merged");
        JsonObject back = info("userId=" + gone.getString("_id"));
        assertTrue(back.getBoolean("active"), "deleted false: reactivated");
        assertEquals("bot", back.getString("type"));
        assertEquals(List.of(tag + "-bot", tag + "-gone"), matchedUsernames(report("updated", 0, 50).getJsonArray("users")));
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedNamingTheUserAndNothingIsStaged() {
        String tag = "wrong" + System.nanoTime();
        startNew();
        Reply refused = addUsers(user(tag + "-a", tag + "-a@example.com", null),
                json("{\"emails\":[\"" + tag + "-b@example.com\"],\"importIds\":[\"1\"],\"utcOffset\":\"-3\"}"));
        assertRefused(refused, "error-invalid-params");
        assertTrue(refused.json().getString("error").contains("users[1]"), refused.body());
        assertEquals("new", status().getString("state"), "nothing staged");
    }

    @Test
    void existingUsersAreFoundByTheFirstAddressThenByTheUsernameIgnoringCase() {
        String tag = "match" + System.nanoTime();
        String xavier = existing(tag + "-xavier");
        String yvonne = existing(tag + "-yvonne");
        String zack = existing(tag + "-zack");
        existing(tag + "-walt");
        startNew();
        assertOk(addUsers(
                // Xavier's first address under another name: Xavier, renamed nowhere
                staged(tag + "-renamed", tag.toUpperCase() + "-XAVIER@example.com", tag + "-xavier2@example.com"),
                // Yvonne by her username in other letters
                staged(tag.toUpperCase() + "-YVONNE", tag + "-yvonne-new@example.com"),
                // nobody by first address or name, but a later address is Yvonne's
                staged(tag + "-other", tag + "-other@example.com", tag + "-yvonne@example.com"),
                // Walt's first address, Zack's username
                staged(tag + "-zack", tag + "-walt@example.com")));

        JsonObject asSkip = validate("{\"ifUserExists\":\"skip\"}");
        assertEquals(List.of("email-taken", "username-taken", "email-taken", "username-taken"),
                reasons(asSkip.getJsonArray("skipped")));
        assertEquals(List.of(xavier, yvonne, yvonne, zack), matchedIds(asSkip.getJsonArray("skipped")));

        JsonObject asUpdate = validate("{\"ifUserExists\":\"update\"}");
        assertEquals(2, asUpdate.getJsonObject("count").getInt("update"), asUpdate.toString());
        JsonArray predicted = asUpdate.getJsonArray("skipped");
        assertEquals(List.of("email-taken", "username-taken"), reasons(predicted));
        assertEquals(List.of(yvonne, zack), matchedIds(predicted));

        runToTheEnd("{\"ifUserExists\":\"update\"}");
        assertEquals(predicted, report("skipped", 0, 50).getJsonArray("users"), "the run did what the dry run said");
        JsonArray updated = report("updated", 0, 50).getJsonArray("users");
        assertEquals(List.of(xavier, yvonne), matchedIds(updated));
        assertEquals(List.of(tag + "-xavier", tag + "-yvonne"), matchedUsernames(updated));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM user_emails WHERE user_id = ? AND address = ?",
                xavier, tag + "-xavier2@example.com"), "Xavier got the address nobody had");
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM users WHERE lower(username) IN (?, ?)",
                tag + "-renamed", tag + "-other"), "nobody was created twice");
    }

    @Test
    void anImportNeverDeactivatesTheAdministratorRunningIt() {
        String tag = "deact" + System.nanoTime();
        String other = TestUsers.createNamed(tag + "-chief", "admin").userId();
        TestDatabase.execute("INSERT INTO user_emails (user_id, address) VALUES (?, ?)", other, tag + "-chief@example.com");
        try {
            startNew();
            assertOk(addUsers(json("""
                    {"username":"%s","emails":["%s-me@example.com"],"importIds":["1"],"deleted":true}"""
                            .formatted(Api.Admin.USERNAME, tag)),
                    json("""
                    {"username":"%1$s-chief","emails":["%1$s-chief@example.com"],"importIds":["2"],"deleted":true}"""
                            .formatted(tag))));
            JsonObject prediction = validate("{\"ifUserExists\":\"update\"}");
            assertEquals(List.of("user-protected"), reasons(prediction.getJsonArray("skipped")));
            runToTheEnd("{\"ifUserExists\":\"update\"}");

            assertEquals(200, api.get("api/v1/me", admin).status(), "the administrator running it stays active");
            assertEquals(List.of(admin.userId()), matchedIds(report("skipped", 0, 50).getJsonArray("users")));
            assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE id = ? AND NOT active", other),
                    "another administrator is deactivated: one stays");
        } finally {
            TestUsers.deactivate(other);
        }
    }

    @Test
    void aStoredAvatarIsServedWithItsContentTypeAndNothingRunsInIt() {
        String tag = "avatar" + System.nanoTime();
        String owner = existing(tag + "-owner");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        TestDatabase.execute("INSERT INTO user_avatars (user_id, content_type, data) VALUES (?, 'image/svg+xml', ?)",
                owner, svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Reply avatar = api.send(api.request("avatar/" + tag.toUpperCase() + "-OWNER").GET().build());
        assertEquals(200, avatar.status(), avatar.body());
        assertEquals("image/svg+xml", avatar.contentType());
        assertEquals(svg, avatar.body());
        String policy = avatar.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'none'") && policy.contains("sandbox"), policy);
        assertEquals("nosniff", avatar.headers().firstValue("X-Content-Type-Options").orElse(""));

        for (String missing : List.of("avatar/" + tag + "-nobody", "avatar/" + Api.Admin.USERNAME, "avatar/")) {
            Reply none = api.send(api.request(missing).GET().build());
            assertEquals(404, none.status(), missing + ": " + none.body());
            assertTrue(none.contentType().startsWith("application/json"), none.contentType());
        }
        Reply post = api.send(api.request("avatar/" + tag + "-owner").POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(405, post.status(), post.body());
        assertOk(api.postJson("api/v1/users.delete", admin, Json.createObjectBuilder().add("userId", owner).build().toString()));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM user_avatars WHERE user_id = ?", owner),
                "the avatar goes with its user");
    }

    private String existing(String username) {
        Reply created = api.postJson("api/v1/users.create", admin, Json.createObjectBuilder()
                .add("username", username).add("name", username).add("email", username + "@example.com")
                .add("password", "a-password").build().toString());
        assertOk(created);
        return created.json().getJsonObject("user").getString("_id");
    }

    private JsonObject info(String query) {
        Reply reply = api.get("api/v1/users.info?" + query, admin);
        assertOk(reply);
        return reply.json().getJsonObject("user");
    }

    private static JsonObject staged(String username, String... emails) {
        return Json.createObjectBuilder().add("username", username)
                .add("emails", Json.createArrayBuilder(List.of(emails)))
                .add("importIds", Json.createArrayBuilder().add(username)).build();
    }

    private static List<String> matchedIds(JsonArray users) {
        return users.getValuesAs(JsonObject.class).stream()
                .map(u -> u.get("matched") == JsonValue.NULL ? null : u.getJsonObject("matched").getString("_id"))
                .toList();
    }

    private static List<String> matchedUsernames(JsonArray users) {
        return users.getValuesAs(JsonObject.class).stream()
                .map(u -> u.getJsonObject("matched").getString("username")).toList();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString::getString);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
