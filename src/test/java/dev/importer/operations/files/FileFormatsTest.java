package dev.importer.operations.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.platform.http.ApiException;
import dev.importer.testing.Zips;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileFormatsTest {

    private static final FileLimits LIMITS = new FileLimits(1 << 20, 10);

    @Test
    void aRocketChatZipIsReadAsRocketChatReadsIt() {
        byte[] zip = Zips.of(
                "__MACOSX/users.csv", "junk",
                "channels.csv", "general,billy,public,billy",
                "users.csv", "\uFEFF billy.bob , billy.bob@example.com, \"Bob, Billy Jr.\"\r\n"
                        + "\r\n"
                        + "ann,ann@example.com,\"Ann \"\"the\"\" First\nof two lines\",extra\n");
        List<String> where = new ArrayList<>();
        List<JsonObject> users = read(FileImporter.CSV, zip, where);
        assertEquals(2, users.size());
        assertEquals("billy.bob", users.get(0).getString("username"), "trimmed, the byte-order mark dropped");
        assertEquals("billy.bob@example.com", users.get(0).getJsonArray("emails").getString(0));
        assertEquals("Bob, Billy Jr.", users.get(0).getString("name"));
        assertEquals("billy.bob", users.get(0).getJsonArray("importIds").getString(0), "the username is the import id");
        assertEquals("Ann \"the\" First\nof two lines", users.get(1).getString("name"));
        assertEquals(List.of("users.csv row 1", "users.csv row 2"), where);
    }

    @Test
    void whatIsNotARocketChatZipIsRefusedSayingWhy() {
        assertRefused(FileImporter.CSV, "username,email,name\n".getBytes(StandardCharsets.UTF_8),
                "error-invalid-import-file", "not a zip");
        assertRefused(FileImporter.CSV, Zips.of("Users/users.csv", "a,a@example.com,A"),
                "error-invalid-import-file", "no users.csv");
        assertRefused(FileImporter.CSV, Zips.of("users.csv", "\n"), "error-invalid-import-file", "no user");
        assertRefused(FileImporter.CSV, Zips.of("users.csv", "a,a@example.com,A\nb,b@example.com\n"),
                "error-invalid-params", "users.csv row 2");
        assertRefused(FileImporter.CSV, Zips.of("users.csv", "a,a@example.com,\"A\nb,b@example.com,B\n"),
                "error-invalid-import-file", "quote");
        assertRefused(FileImporter.CSV, Zips.of("users.csv", "a,a@example.com,\"A\" B"), "error-invalid-import-file", "quote");
    }

    @Test
    void aZipBombStopsAtTheLimitWhateverItsHeadersSay() {
        byte[] bomb = Zips.of("a.bin", "\0".repeat(4 << 20), "users.csv", "a,a@example.com,A");
        assertTrue(bomb.length < 64 * 1024, "compressed to " + bomb.length);
        assertRefused(FileImporter.CSV, bomb, "error-import-file-too-large", "more than 1048576 bytes");
        String[] many = new String[22];
        for (int i = 0; i < 11; i++) {
            many[2 * i] = "m" + i + ".txt";
            many[2 * i + 1] = "x";
        }
        assertRefused(FileImporter.CSV, Zips.of(many), "error-import-file-too-large", "more than 10 entries");
    }

    @Test
    void aRowLongerThanTheBoundIsRefusedBeforeItIsHeldWhole() {
        String huge = "a,a@example.com,\"" + "x".repeat(FileLimits.MAX_RECORD_CHARS + 100_000) + "\"";
        ApiException refused = assertThrows(ApiException.class, () -> FileImporter.CSV.format().read(
                new ByteArrayInputStream(Zips.of("users.csv", huge)), new FileLimits(8 << 20, 10), (at, user) -> { }));
        assertEquals("error-import-file-too-large", refused.errorType());
        assertTrue(refused.getMessage().contains("A CSV row is longer than"), refused.getMessage());
    }

    @Test
    void slacksUsersCsvIsReadAsRocketChatsSlackUsersImporterReadsIt() {
        byte[] csv = ("username,email,status,billing-active,has-2fa,has-sso,userid,fullname,displayname\n"
                + "ann,ann@example.com,Admin,1,0,0,U1,Ann Admin,annie\n"
                + "robot,robot@example.com,Bot,0,0,0,U2,,The Robot\n"
                + "gone,gone@example.com,Deactivated,0,0,0,U3,,\n"
                + "nomail,,Member,0,0,0,U4,No Mail,\n"
                + "plain,plain@example.com,Member,1,0,0,U5,,\n").getBytes(StandardCharsets.UTF_8);
        List<JsonObject> users = read(FileImporter.SLACK_USERS, csv, new ArrayList<>());
        assertEquals(List.of("ann", "robot", "gone", "plain"), users.stream().map(u -> u.getString("username")).toList(),
                "the header and the row without an address are left out");
        assertEquals("Ann Admin", users.get(0).getString("name"));
        assertEquals("[\"admin\",\"user\"]", users.get(0).getJsonArray("roles").toString());
        assertEquals("ann@example.com", users.get(0).getJsonArray("importIds").getString(0), "the address is the import id");
        assertEquals("The Robot", users.get(1).getString("name"));
        assertEquals("bot", users.get(1).getString("type"));
        assertEquals("[\"bot\"]", users.get(1).getJsonArray("roles").toString());
        assertTrue(users.get(2).getBoolean("deleted"));
        assertEquals("plain", users.get(3).getString("name"), "no name: the username");
        assertRefused(FileImporter.SLACK_USERS, "username,email\n".getBytes(StandardCharsets.UTF_8),
                "error-invalid-import-file", "no user");
    }

    @Test
    void anUnknownImporterIsRocketChatsError() {
        ApiException refused = assertThrows(ApiException.class, () -> FileImporter.ofKey("png"));
        assertEquals("error-importer-not-defined", refused.errorType());
        assertEquals("The importer (png) has no import class defined.", refused.getMessage());
    }

    private static List<JsonObject> read(FileImporter importer, byte[] file, List<String> where) {
        List<JsonObject> users = new ArrayList<>();
        importer.format().read(new ByteArrayInputStream(file), LIMITS, (at, user) -> {
            where.add(at);
            users.add(user);
        });
        return users;
    }

    private static void assertRefused(FileImporter importer, byte[] file, String errorType, String saying) {
        ApiException refused = assertThrows(ApiException.class, () -> read(importer, file, new ArrayList<>()));
        assertEquals(errorType, refused.errorType(), refused.getMessage());
        assertTrue(refused.getMessage().contains(saying), refused.getMessage());
    }
}
