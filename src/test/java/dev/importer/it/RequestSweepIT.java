package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A repeatable sweep of requests no client should send (a fixed seed): odd methods, paths,
 * headers, bodies, encodings and nesting. Every answer is a JSON object and none is a 5xx;
 * the unauthenticated ones change nothing in the database. Left out, as Payara answers them
 * before the WAR (see the README): TRACE, a body on a method other than POST, PUT or PATCH,
 * and paths with a malformed % escape or an encoded slash or backslash; and what GlassFish 7
 * answers before the WAR: paths with a colon (503), and a first segment of dots with a path
 * parameter (a redirect to /).
 */
class RequestSweepIT extends DeployedWarIT {

    private static final long SEED = 20261125;
    private static final int REQUESTS = 1200;

    private static final String TEXT = "abcXYZ019-_.~!$&'()*+,;=:@\"<>[]{}|^`";
    /** Query values may also bring what a JSON string cannot: NUL and other control characters. */
    private static final String QUERY_TEXT = TEXT + "\u0000\u0007";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW");
    /**
     * Not users.delete: the hostile "Admin" names the administrator the sweep runs as, ignoring case.
     * Not downloadPendingAvatars: it would fetch the avatars earlier tests left pending, in the background.
     */
    private static final List<String> ENDPOINTS = List.of("login", "logout", "me", "import.new", "import.status",
            "import.addUsers", "import.run", "import.validate", "import.clear", "import.cancel", "import.report",
            "getCurrentImportOperation", "getLatestImportOperations", "users.create", "users.info", "users.setActiveStatus",
            "users.getPersonalAccessTokens", "roles.list", "roles.create", "roles.update", "roles.delete",
            "roles.addUserToRole", "roles.removeUserFromRole", "roles.getUsersInRole", "permissions.listAll",
            "permissions.update", "importers.list", "uploadImportFile", "downloadPublicImportFile", "getImportFileData",
            "startImport", "getImportProgress", "downloadPendingFiles", "settings/SSRF_Allowlist");
    /** Values the database cannot hold, or must not be given: look-alike names, controls, over-long text. */
    private static final List<String> HOSTILE_VALUES = List.of("Admin", "\\u0430dmin", "admin\\u200b", "\\u202eadmin",
            "a\\u0000b", "a\\u0007b", "a\\nb", "../admin", "<b>x</b>", "x".repeat(300), "not-an-email", "@@@",
            "\\ud800", "admin\\t");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=latin1",
            "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "*/*", "garbage", "application/json; charset=nonsense");
    private static final List<String> ACCEPTS = List.of("application/json", "text/html", "application/xml", "*/*",
            "image/png", "nonsense");
    private static final String[] TABLES = {"users", "user_emails", "user_roles", "login_tokens", "import_operations",
        "import_data", "permissions", "permission_roles", "roles", "import_files", "settings"};

    private final Random random = new Random(SEED);
    private String consolePage;

    @AfterEach
    void forgetTheFailedLogins() {
        // The sweep's logins fail by the hundred from loopback; the next tests log in from there.
        TestDatabase.execute("DELETE FROM login_failures");
        TestDatabase.execute("UPDATE settings SET value = '' WHERE id = 'SSRF_Allowlist'");
    }

    @Test
    void unauthenticatedRequestsAnswerJsonAndChangeNothing() {
        List<Long> before = rowCounts();

        sweep(false);

        assertEquals(before, rowCounts(), "row counts of " + List.of(TABLES));
    }

    @Test
    void authenticatedRequestsAnswerJsonAndNeverFail() {
        api.post("api/v1/import.new", admin);

        sweep(true);
    }

    private void sweep(boolean authenticated) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HttpRequest request = randomRequest(authenticated);
            Reply reply = api.send(request);
            if (reply.status() >= 500 || !(isJsonObject(request, reply) || isTheConsole(request, reply))) {
                failures.add(request.method() + " " + request.uri() + " " + request.headers().map() + " -> "
                        + reply.status() + " " + reply.body().substring(0, Math.min(200, reply.body().length())));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, the first: " + failures.stream().limit(5).toList());
    }

    private HttpRequest randomRequest(boolean authenticated) {
        String method = pick(METHODS);
        HttpRequest.Builder request = authenticated
                ? api.request(path(), admin)
                : api.request(path());
        if (!authenticated && random.nextInt(3) == 0) {
            request.header("X-User-Id", garbage(17)).header("X-Auth-Token", garbage(43));
        }
        if (random.nextBoolean()) {
            request.header("Content-Type", pick(CONTENT_TYPES));
        }
        if (random.nextInt(3) == 0) {
            request.header("Accept", pick(ACCEPTS));
        }
        byte[] body = body();
        boolean carriesBody = List.of("POST", "PUT", "PATCH").contains(method) && random.nextInt(4) > 0;
        return request.method(method, carriesBody
                ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.noBody()).build();
    }

    private String path() {
        return switch (random.nextInt(6)) {
            case 0 -> "api/v1/" + pathGarbage(1 + random.nextInt(40));
            case 1 -> notADotSegment(pathGarbage(1 + random.nextInt(20)));
            case 2 -> "api/v1/" + pick(ENDPOINTS) + "?status=" + garbage(5) + "&offset=" + random.nextInt()
                    + "&count=" + garbage(3) + "&" + pick(List.of("username", "userId", "role")) + "="
                    + garbage(5, QUERY_TEXT);
            case 3 -> "api/v1/" + pick(ENDPOINTS) + "/" + pathGarbage(4);
            default -> "api/v1/" + pick(ENDPOINTS);
        };
    }

    private byte[] body() {
        String json = switch (random.nextInt(15)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "[".repeat(1000 + random.nextInt(9000)) + "]".repeat(random.nextInt(10));
            case 3 -> "{\"users\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
            case 4 -> "{\"user\":1e999999999,\"password\":-0.0e-99999,\"users\":123456789012345678901234567890}";
            case 5 -> "{\"users\":\"" + "x".repeat(random.nextInt(100_000)) + "\"}";
            case 6 -> "{\"users\":[{\"username\":{},\"emails\":[null,1,true],\"importIds\":{\"a\":[]}}]}";
            case 7 -> "{\"user\":\"" + garbage(10) + "\",\"password\":{\"digest\":[],\"algorithm\":null}}";
            case 8 -> "null";
            case 9 -> "{\"ifUserExists\":" + pick(List.of("\"merge\"", "1", "[]", "null", "\"update\"")) + "}";
            case 10 -> "{\"username\":\"u\",\"name\":\"n\",\"email\":\"" + garbage(8) + "\",\"password\":7}";
            case 11 -> "{\"username\":\"" + pick(HOSTILE_VALUES) + "\",\"name\":\"" + pick(HOSTILE_VALUES)
                    + "\",\"email\":\"" + pick(HOSTILE_VALUES) + "\",\"password\":\"" + pick(HOSTILE_VALUES)
                    + "\",\"roles\":[\"admin\"],\"tokenName\":\"" + pick(HOSTILE_VALUES) + "\"}";
            case 12 -> "{\"users\":[{\"username\":\"" + pick(HOSTILE_VALUES) + "\",\"name\":\"" + pick(HOSTILE_VALUES)
                    + "\",\"emails\":[\"" + pick(HOSTILE_VALUES) + "\"],\"importIds\":[\"" + pick(HOSTILE_VALUES)
                    + "\"],\"roles\":[\"" + pick(HOSTILE_VALUES) + "\"],\"password\":\"" + pick(HOSTILE_VALUES) + "\"}]}";
            case 13 -> "{\"roleId\":\"" + pick(HOSTILE_VALUES) + "\",\"roleName\":\"" + pick(HOSTILE_VALUES)
                    + "\",\"name\":\"" + pick(HOSTILE_VALUES) + "\",\"description\":\"" + pick(HOSTILE_VALUES)
                    + "\",\"username\":\"" + pick(HOSTILE_VALUES) + "\",\"scope\":\"" + pick(HOSTILE_VALUES) + "\"}";
            default -> null;
        };
        if (json != null) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[random.nextInt(300)]; // not UTF-8, not anything
        random.nextBytes(bytes);
        return bytes;
    }

    /** Printable ASCII, escaped, but for what never reaches the WAR: '%', '/' and '\\' escaped. */
    private String garbage(int length) {
        return garbage(length, TEXT);
    }

    /** The same without ':', which never reaches the WAR in a path on GlassFish. */
    private String pathGarbage(int length) {
        return garbage(length, TEXT.replace(":", ""));
    }

    /** GlassFish redirects "/.;x" and "/..;x" to "/" before the WAR. */
    private static String notADotSegment(String path) {
        return path.startsWith(".") ? "x" + path : path;
    }

    private String garbage(int length, String alphabet) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            s.append(Character.isLetterOrDigit(c) || "-_.~".indexOf(c) >= 0 ? String.valueOf(c) : encode(c));
        }
        return s.toString();
    }

    private static String encode(char c) {
        return String.format("%%%02X", (int) c);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A GET of / with a path parameter (/;x, as %3B decodes) is a GET of the console's page. */
    private boolean isTheConsole(HttpRequest request, Reply reply) {
        return request.method().equals("GET") && reply.status() == 200 && reply.body().equals(consolePage());
    }

    private String consolePage() {
        if (consolePage == null) {
            consolePage = api.send(api.request("").GET().build()).body();
        }
        return consolePage;
    }

    /** A JSON object; the bare arrays of getLatestImportOperations and importers.list are the documented exceptions. */
    private static boolean isJsonObject(HttpRequest request, Reply reply) {
        if (request.method().equals("HEAD")) {
            return true;
        }
        try {
            JsonStructure answer = reply.structure();
            return answer instanceof JsonObject || reply.status() == 200 && answer instanceof JsonArray
                    && List.of("/api/v1/getLatestImportOperations", "/api/v1/importers.list")
                            .contains(request.uri().getPath());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<Long> rowCounts() {
        List<Long> counts = new ArrayList<>();
        for (String table : TABLES) {
            counts.add(TestDatabase.count("SELECT count(*) FROM " + table));
        }
        return counts;
    }
}
