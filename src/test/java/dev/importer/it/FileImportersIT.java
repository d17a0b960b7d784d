package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import dev.importer.testing.Zips;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rocket.Chat's file importers as its import screen drives them: a file in (uploaded or
 * downloaded under the SSRF rules), its selection, the selected users started, progress;
 * each refusal by the caller or the file that must be refused, leaving a failed operation
 * and nothing staged; the pending avatars fetched and served.
 */
class FileImportersIT extends ImportIT {

    @BeforeEach
    @AfterEach
    void forgetTheAllowlist() {
        TestDatabase.execute("UPDATE settings SET value = '' WHERE id = 'SSRF_Allowlist'");
    }

    @Test
    void theImportScreensSequenceImportsTheSelectedUsersAndSkipsTheOthers() {
        String tag = "screen" + System.nanoTime();
        String taken = tag + "-taken@example.com";
        TestDatabase.execute("INSERT INTO users (id, username, active, created_at) VALUES (?, ?, true, now())",
                tag.substring(tag.length() - 17), tag + "-owner");
        TestDatabase.execute("INSERT INTO user_emails (user_id, address) VALUES (?, ?)",
                tag.substring(tag.length() - 17), taken);

        Reply importers = api.get("api/v1/importers.list", admin);
        assertEquals(200, importers.status(), importers.body());
        assertEquals(Json.createReader(new java.io.StringReader(
                "[{\"key\":\"csv\",\"name\":\"CSV\"},{\"key\":\"slack-users\",\"name\":\"Slack's Users CSV\"}]"))
                .readArray(), importers.structure());

        byte[] zip = Zips.of("users.csv", "\uFEFF" + tag + "-ann, " + tag + "-ann@example.com, \"Ann, the First\"\n"
                + tag + "-bob," + tag + "-bob@example.com,Bob\n"
                + tag + "-cy," + tag.toUpperCase() + "-TAKEN@example.com,Cy\n");
        assertOk(upload("csv", "users.zip", zip));
        JsonObject operation = current();
        assertEquals("CSV", operation.getString("type"));
        assertEquals("csv", operation.getString("importerKey"));
        assertEquals("importer_user_selection", operation.getString("status"));
        assertTrue(operation.getString("file").endsWith("_" + admin.userId() + "_users.zip"), operation.getString("file"));

        JsonObject selection = fileData();
        assertEquals(List.of(), selection.getJsonArray("channels"));
        assertEquals(0, selection.getInt("message_count"));
        JsonArray users = selection.getJsonArray("users");
        assertEquals(3, users.size());
        JsonObject ann = users.getJsonObject(0);
        assertEquals(tag + "-ann", ann.getString("user_id"), "the csv importer's import id is the username");
        assertEquals(tag + "-ann@example.com", ann.getString("email"));
        assertFalse(ann.getBoolean("is_email_taken"));
        assertTrue(users.getJsonObject(2).getBoolean("is_email_taken"), "an existing user has it, in another case");

        assertOk(api.postJson("api/v1/startImport", admin, """
                {"input":{"users":{"all":false,"list":["%1$s-ann","%1$s-cy"]},"channels":{"all":false},
                 "contacts":{"all":false}}}""".formatted(tag)));
        awaitTrue(() -> "importer_done".equals(current().getString("status")), Duration.ofSeconds(60));

        assertEquals(1, usersNamed(tag + "-ann"), "selected: imported");
        assertEquals(0, usersNamed(tag + "-bob"), "left out");
        assertEquals(0, usersNamed(tag + "-cy"), "its address is an existing user's, who is updated instead");
        JsonObject updated = report("updated", 0, 50).getJsonArray("users").getJsonObject(0);
        assertEquals(tag + "-owner", updated.getJsonObject("matched").getString("username"));
        JsonObject annInfo = api.get("api/v1/users.info?username=" + tag + "-ann", admin).json().getJsonObject("user");
        assertEquals("Ann, the First", annInfo.getString("name"));
        assertEquals(List.of(tag + "-bob"), usernames(report("skipped", 0, 50).getJsonArray("users").stream()
                .map(JsonObject.class::cast).filter(u -> "not-selected".equals(u.getString("reason")))
                .collect(Json::createArrayBuilder, (a, u) -> a.add(u), (a, b) -> { }).build()));
        assertFalse(fileData().getJsonArray("users").getJsonObject(1).getBoolean("do_import"));
        JsonObject progress = api.get("api/v1/getImportProgress", admin).json();
        assertEquals("csv", progress.getString("key"));
        assertEquals("importer_done", progress.getString("step"));
        assertEquals(3, progress.getJsonObject("count").getInt("total"));
        assertEquals(3, progress.getJsonObject("count").getInt("completed"));
    }

    @Test
    void slacksUsersExportMakesAdministratorsBotsAndDeactivatedUsers() {
        String tag = "slack" + System.nanoTime();
        String csv = "username,email,status,billing-active,has-2fa,has-sso,userid,fullname,displayname\n"
                + tag + "-boss," + tag + "-boss@example.com,Admin,1,0,0,U1,The Boss,\n"
                + tag + "-bot," + tag + "-bot@example.com,Bot,0,0,0,U2,,Robot\n"
                + tag + "-gone," + tag + "-gone@example.com,Deactivated,0,0,0,U3,,\n";
        assertOk(upload("slack-users", "slack.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(tag + "-boss@example.com", fileData().getJsonArray("users").getJsonObject(0).getString("user_id"));
        assertTrue(fileData().getJsonArray("users").getJsonObject(1).getBoolean("is_bot"));
        assertTrue(fileData().getJsonArray("users").getJsonObject(2).getBoolean("is_deleted"));
        assertOk(api.postJson("api/v1/startImport", admin, "{\"input\":{\"users\":{\"all\":true}}}"));
        awaitTrue(() -> "importer_done".equals(current().getString("status")), Duration.ofSeconds(60));

        JsonObject boss = info(tag + "-boss");
        assertEquals("The Boss", boss.getString("name"));
        assertTrue(boss.getJsonArray("roles").toString().contains("\"admin\""));
        assertEquals("bot", info(tag + "-bot").getString("type"));
        assertFalse(info(tag + "-gone").getBoolean("active"));
    }

    @Test
    void aCallerWhoMayNotGiveTheRolesOfTheFileStagesNoneOfIt() {
        Credentials importer = importer();
        String tag = "boss" + System.nanoTime();
        String csv = "username,email,status\n" + tag + "," + tag + "@example.com,Admin\n";
        Reply refused = api.postJson("api/v1/uploadImportFile", importer, uploadBody("slack-users", "s.csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(403, refused.status(), refused.body());
        assertEquals("importer_import_failed", current().getString("status"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data WHERE data->>'username' = ?", tag));
    }

    @Test
    void whatCannotBeReadIsRefusedSayingWhyAndTheOperationEndsFailedWithNothingStaged() {
        startNew();
        assertOk(addUsers(user("kept" + System.nanoTime(), "kept" + System.nanoTime() + "@example.com", null)));
        String before = current().getString("_id");
        assertRefused(api.postJson("api/v1/uploadImportFile", admin, uploadBody("png", "a.png", new byte[] {1})),
                "error-importer-not-defined");
        assertRefused(api.postJson("api/v1/uploadImportFile", admin, """
                {"binaryContent":"not base64!","contentType":"application/zip","fileName":"a.zip","importerKey":"csv"}"""),
                "error-invalid-params");
        assertRefused(api.postJson("api/v1/uploadImportFile", admin, uploadBody("csv", "../../etc/users.zip",
                Zips.of("users.csv", "a,a@example.com,A"))), "error-invalid-file-name");
        assertRefused(api.postJson("api/v1/uploadImportFile", admin, """
                {"binaryContent":"","contentType":"","fileName":"a.zip","importerKey":"csv","extra":1}"""),
                "error-invalid-params");
        assertEquals(before, current().getString("_id"), "a refused request starts no operation");
        assertTrue(current().getBoolean("valid"));

        assertFileRefused("csv", "users.csv".getBytes(StandardCharsets.UTF_8), "error-invalid-import-file", "not a zip");
        assertFileRefused("csv", Zips.of("members.csv", "a,a@example.com,A"), "error-invalid-import-file", "no users.csv");
        assertFileRefused("csv", Zips.of("users.csv", ""), "error-invalid-import-file", "holds no user");
        assertFileRefused("csv", Zips.of("users.csv", "ok,ok@example.com,Ok\nbad,not-an-address,Bad\n"),
                "error-invalid-params", "users.csv row 2");
        assertFileRefused("csv", Zips.of("bomb.bin", "\0".repeat(6 << 20), "users.csv", "a,a@example.com,A"),
                "error-import-file-too-large", "more than 4194304 bytes");
        assertFileRefused("slack-users", "username,email\n\"open,quote@example.com\n".getBytes(StandardCharsets.UTF_8),
                "error-invalid-import-file", "quote");
    }

    @Test
    void onlyRunImportHoldersMayUseTheImportScreen() {
        Credentials plain = TestUsers.create("user");
        for (String get : List.of("importers.list", "getImportFileData", "getImportProgress")) {
            assertEquals(403, api.get("api/v1/" + get, plain).status(), get);
        }
        for (String post : List.of("uploadImportFile", "downloadPublicImportFile", "startImport",
                "downloadPendingFiles", "downloadPendingAvatars")) {
            assertEquals(403, api.postJson("api/v1/" + post, plain, "{}").status(), post);
        }
        Credentials importer = importer();
        assertEquals(403, api.get("api/v1/settings/SSRF_Allowlist", importer).status());
        assertEquals(403, api.postJson("api/v1/settings/SSRF_Allowlist", importer, "{\"value\":\"127.0.0.1\"}").status(),
                "an importer may not open the way to internal addresses");
        assertRefused(api.postJson("api/v1/settings/SSRF_Allowlist", admin, "{\"value\":\"http://127.0.0.1/\"}"),
                "error-invalid-params");
        assertRefused(api.get("api/v1/settings/Nothing_Such", admin), "error-setting-not-found");
    }

    @Test
    void downloadsReachNoInternalAddressUnlessAllowedNorThroughARedirect() {
        String tag = "dl" + System.nanoTime();
        byte[] zip = Zips.of("users.csv", tag + "-a," + tag + "-a@example.com,A\n");
        try (LocalWebServer files = new LocalWebServer(); LocalWebServer inner = new LocalWebServer()) {
            files.serve("/users.zip", "application/zip", zip).redirect("/elsewhere", inner.url("/users.zip"));
            inner.serve("/users.zip", "application/zip", zip);

            for (String url : List.of(files.url("/users.zip"), "http://10.0.0.1/users.zip",
                    "http://169.254.169.254/latest/meta-data/", "http://[::1]:" + files.port() + "/users.zip",
                    "http://localhost:" + files.port() + "/users.zip")) {
                assertRefused(download(url), "error-ssrf-validation-failed");
                assertEquals("importer_import_failed", current().getString("status"), url);
            }
            assertRefused(download("file:///etc/passwd"), "error-invalid-params");

            assertOk(api.postJson("api/v1/settings/SSRF_Allowlist", admin,
                    "{\"value\":\"127.0.0.1:" + files.port() + "\"}"));
            assertEquals("127.0.0.1:" + files.port(),
                    api.get("api/v1/settings/SSRF_Allowlist", admin).json().getString("value"));
            assertRefused(download(files.url("/elsewhere")), "error-ssrf-validation-failed");
            assertOk(download(files.url("/users.zip")));
            assertEquals(tag + "-a", fileData().getJsonArray("users").getJsonObject(0).getString("username"));
            assertEquals("users.zip", current().getString("file").replaceAll("^.*_", ""));
            assertRefused(download(files.url("/missing.zip")), "error-download-failed");
        }
    }

    @Test
    void aFileImportIsTakenOverWhenItsInstanceDies() {
        String tag = "fileover" + System.nanoTime();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            csv.append(tag).append('-').append(i).append(',').append(tag).append('-').append(i).append("@example.com,N\n");
        }
        assertOk(upload("csv", "many.zip", Zips.of("users.csv", csv.toString())));
        assertOk(api.postJson("api/v1/startImport", admin, "{\"input\":{\"users\":{\"all\":true}}}"));
        String operation = current().getString("_id");
        awaitTrue(() -> importedUsers(tag) > 0, Duration.ofSeconds(30));
        leaveToADeadInstance(operation);
        awaitTrue(() -> "importer_done".equals(current().getString("status")), Duration.ofSeconds(60));
        assertEquals(400, importedUsers(tag));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM import_events WHERE operation_id = ? AND type = 'takeover'",
                operation));
    }

    @Test
    void pendingAvatarsAreFetchedUnderTheSameRulesAndServed() {
        String tag = "avatar" + System.nanoTime();
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        try (LocalWebServer images = new LocalWebServer()) {
            images.serve("/me.png", "image/png", png).serve("/page.html", "text/html", "<p>".getBytes());
            startNew();
            assertOk(addUsers(withAvatar(tag + "-pic", images.url("/me.png")),
                    withAvatar(tag + "-html", images.url("/page.html"))));
            runToTheEnd("{}");

            Reply refused = api.postJson("api/v1/downloadPendingAvatars", admin, "{}");
            assertOk(refused);
            assertTrue(refused.json().getInt("count") >= 2);
            awaitTrue(() -> "importer_done".equals(current().getString("status")), Duration.ofSeconds(60));
            assertEquals(404, avatar(tag + "-pic").statusCode(), "not allowed: loopback");

            assertOk(api.postJson("api/v1/settings/SSRF_Allowlist", admin, "{\"value\":\"127.0.0.1\"}"));
            assertOk(api.postJson("api/v1/downloadPendingAvatars", admin, "{}"));
            JsonObject operation = current();
            assertEquals("Pending Avatars", operation.getString("type"));
            assertEquals("pending-avatars", operation.getString("importerKey"));
            awaitTrue(() -> "importer_done".equals(current().getString("status")), Duration.ofSeconds(60));
            HttpResponse<byte[]> served = avatar(tag + "-pic");
            assertEquals(200, served.statusCode());
            assertArrayEquals(png, served.body());
            assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
            assertEquals(404, avatar(tag + "-html").statusCode(), "not an image: not stored");
            assertEquals(1, TestDatabase.count("SELECT count(*) FROM users WHERE username = ? AND pending_avatar_url IS NOT NULL",
                    tag + "-html"), "kept pending for another try");
        }
    }

    @Test
    void pendingFilesEndAtOnce() {
        Reply reply = api.postJson("api/v1/downloadPendingFiles", admin, "{}");
        assertOk(reply);
        assertEquals(0, reply.json().getInt("count"));
        JsonObject operation = current();
        assertEquals("Pending Files", operation.getString("type"));
        assertEquals("importer_done", operation.getString("status"));
        assertRefused(api.postJson("api/v1/downloadPendingFiles", admin, "{\"any\":1}"), "error-invalid-params");
    }

    /** Rocket.Chat's own end-to-end test of these endpoints (import.spec.ts), its calls and checks in its order. */
    @Test
    void rocketChatsOwnImportTestPasses() {
        Reply current = api.get("api/v1/getCurrentImportOperation", admin);
        assertOk(current);
        assertFalse(current.json().containsKey("operation") && current.json().isNull("operation"), "not null");
        for (String get : List.of("getCurrentImportOperation", "getLatestImportOperations", "getImportProgress",
                "getImportFileData", "importers.list")) {
            Reply withQuery = api.get("api/v1/" + get + "?any=test", admin);
            assertEquals(400, withQuery.status(), get + ": Rocket.Chat's schema allows no query parameter");
            assertFalse(withQuery.json().getBoolean("success"));
        }

        for (String pending : List.of("downloadPendingFiles", "downloadPendingAvatars")) {
            Reply counted = api.post("api/v1/" + pending, admin);
            assertOk(counted);
            assertTrue(counted.json().getInt("count") >= 0, pending);
        }

        Credentials plain = TestUsers.create("user");
        Reply forbidden = api.get("api/v1/getLatestImportOperations", plain);
        assertEquals(403, forbidden.status());
        assertFalse(forbidden.json().getBoolean("success"));
        assertEquals("User does not have the permissions required for this action [error-unauthorized]",
                forbidden.json().getString("error"));
        Reply latest = api.get("api/v1/getLatestImportOperations", admin);
        assertEquals(200, latest.status());
        assertTrue(latest.structure() instanceof JsonArray);

        JsonObject progress = api.get("api/v1/getImportProgress", admin).json();
        assertTrue(progress.getBoolean("success"));
        assertEquals(List.of(jakarta.json.JsonValue.ValueType.STRING, jakarta.json.JsonValue.ValueType.STRING,
                        jakarta.json.JsonValue.ValueType.STRING, jakarta.json.JsonValue.ValueType.OBJECT),
                List.of("key", "name", "step", "count").stream().map(k -> progress.get(k).getValueType()).toList());

        JsonObject fileData = fileData();
        assertEquals(jakarta.json.JsonValue.ValueType.ARRAY, fileData.get("users").getValueType());
        assertEquals(jakarta.json.JsonValue.ValueType.ARRAY, fileData.get("channels").getValueType());
        assertTrue(fileData.getInt("message_count") >= 0);
    }

    private static long usersNamed(String username) {
        return TestDatabase.count("SELECT count(*) FROM users WHERE username = ?", username);
    }

    /** A user who holds run-import through a role of its own, not administrator. */
    private static Credentials importer() {
        String role = TestUsers.addRole("importer-" + System.nanoTime());
        Credentials importer = TestUsers.create("user", role);
        TestUsers.grant("run-import", role);
        return importer;
    }

    private void assertFileRefused(String importer, byte[] file, String errorType, String saying) {
        Reply reply = upload(importer, "file", file);
        assertRefused(reply, errorType);
        assertTrue(reply.json().getString("error").contains(saying), reply.body());
        JsonObject operation = current();
        assertEquals("importer_import_failed", operation.getString("status"));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM import_data WHERE operation_id = ?",
                operation.getString("_id")));
        assertEquals(0, fileData().getJsonArray("users").size());
    }

    private static JsonObject withAvatar(String username, String url) {
        return Json.createObjectBuilder(user(username, username + "@example.com", null)).add("avatarUrl", url).build();
    }

    private HttpResponse<byte[]> avatar(String username) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(api.request("avatar/" + username).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonObject info(String username) {
        return api.get("api/v1/users.info?username=" + username, admin).json().getJsonObject("user");
    }

    private JsonObject current() {
        Reply reply = api.get("api/v1/getCurrentImportOperation", admin);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("operation");
    }

    private JsonObject fileData() {
        Reply reply = api.get("api/v1/getImportFileData", admin);
        assertOk(reply);
        return reply.json();
    }

    private Reply upload(String importer, String fileName, byte[] content) {
        return api.postJson("api/v1/uploadImportFile", admin, uploadBody(importer, fileName, content));
    }

    private Reply download(String url) {
        return api.postJson("api/v1/downloadPublicImportFile", admin, Json.createObjectBuilder()
                .add("fileUrl", url).add("importerKey", "csv").build().toString());
    }

    private static String uploadBody(String importer, String fileName, byte[] content) {
        return Json.createObjectBuilder()
                .add("binaryContent", Base64.getEncoder().encodeToString(content))
                .add("contentType", "application/zip")
                .add("fileName", fileName)
                .add("importerKey", importer)
                .build().toString();
    }
}
