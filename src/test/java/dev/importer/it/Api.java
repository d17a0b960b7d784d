package dev.importer.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A small HTTP client for the deployed service. */
public final class Api {

    public record Reply(int status, String contentType, String body, HttpHeaders headers) {
        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonStructure structure() {
            return Json.createReader(new StringReader(body)).read();
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    }

    public HttpRequest.Builder request(String path, Credentials as) {
        return request(path).header("X-User-Id", as.userId()).header("X-Auth-Token", as.token());
    }

    public Reply post(String path, Credentials as) {
        return send(request(path, as).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public Reply postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public Reply postJson(String path, Credentials as, String json) {
        return send(request(path, as)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public Reply get(String path, Credentials as) {
        return send(request(path, as).GET().build());
    }

    public Reply send(HttpRequest request) {
        try {
            return reply(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public CompletableFuture<Reply> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(Api::reply);
    }

    /** Logs in over the API. */
    public Credentials login(String user, String password) {
        Reply reply = postJson("api/v1/login",
                Json.createObjectBuilder().add("user", user).add("password", password).build().toString());
        if (reply.status() != 200) {
            throw new IllegalStateException("Login of " + user + " failed: " + reply);
        }
        JsonObject data = reply.json().getJsonObject("data");
        return new Credentials(data.getString("userId"), data.getString("authToken"));
    }

    public Credentials loginAsAdmin() {
        return login(Admin.USERNAME, Admin.PASSWORD);
    }

    private static Reply reply(HttpResponse<String> response) {
        return new Reply(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
    }

    /** The administrator the service creates on first start (environment set by Failsafe). */
    public static final class Admin {
        public static final String USERNAME = System.getenv("ADMIN_USERNAME");
        public static final String PASSWORD = System.getenv("ADMIN_PASS");
        public static final String EMAIL = System.getenv("ADMIN_EMAIL");

        private Admin() {
        }
    }
}
