package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests no client should send still get a JSON object, and never a 5xx. */
class MalformedRequestsIT extends DeployedWarIT {

    @Test
    void optionsAnswersAJsonObjectOnEveryPath() {
        for (String path : List.of("api/v1/import.new", "api/v1/login", "api/v1/no-such-endpoint", "", "no/such/page")) {
            Reply reply = api.send(api.request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

            assertEquals(200, reply.status(), path);
            assertTrue(reply.contentType().startsWith("application/json"), path + ": " + reply.contentType());
            assertTrue(reply.json().getBoolean("success"), path);
        }
    }

    @Test
    void thereIsNoWadl() {
        Reply reply = api.get("api/v1/application.wadl", admin);

        assertEquals(404, reply.status());
        assertEquals("error-not-found", reply.json().getString("errorType"));
    }

    /** The JSON parser refuses nesting deeper than 1,000 levels with an exception of its own. */
    @Test
    void jsonNestedThousandsDeepIsRefusedAsInvalid() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        api.post("api/v1/import.new", admin);

        assertInvalid(api.postJson("api/v1/login", "{\"user\":" + deep + "}"));
        assertInvalid(api.postJson("api/v1/users.create", admin, "{\"username\":" + deep + "}"));
        assertInvalid(api.postJson("api/v1/import.addUsers", admin, "{\"users\":[{\"x\":" + deep + "}]}"));
        assertInvalid(api.postJson("api/v1/import.run", admin, deep));
    }

    private static void assertInvalid(Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("error-invalid-params", reply.json().getString("errorType"));
    }
}
