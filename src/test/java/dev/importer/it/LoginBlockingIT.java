package dev.importer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.importer.it.Api.Reply;
import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Failed logins blocked per user and per client address, as Rocket.Chat's own tests check
 * it, and the bound on password checks. Run by the login-blocking Failsafe execution: 2
 * failures per user, 4 per address, 3 s of block, one password check at a time, and loopback
 * as the trusted proxy, so that each test logs in from an address of its own, named in
 * X-Forwarded-For (the administrator's own logins come from loopback).
 */
class LoginBlockingIT extends DeployedWarIT {

    private static final Duration BLOCK = Duration.ofSeconds(3);
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Test
    void aUserIsBlockedEvenWithTheRightPasswordUntilTheBlockEnds() throws InterruptedException {
        String address = newAddress();
        String user = newUser();

        assertRefused(login(user, "wrong", address));
        assertRefused(login(user, "wrong", address));
        assertBlocked(login(user, user + "-password", address), "error-login-blocked-for-user");
        assertBlocked(login(user, user + "-password", newAddress()), "error-login-blocked-for-user");

        Thread.sleep(BLOCK.plusMillis(500).toMillis());
        assertEquals(200, login(user, user + "-password", address).status());
    }

    @Test
    void aSuccessfulLoginStartsTheCountOver() {
        String address = newAddress();
        String user = newUser();

        assertRefused(login(user, "wrong", address));
        assertEquals(200, login(user, user + "-password", address).status());
        assertRefused(login(user, "wrong", address));
        assertEquals(200, login(user, user + "-password", address).status());
    }

    @Test
    void anAddressIsBlockedForEveryUserOnceItReachesItsLimit() throws InterruptedException {
        String address = newAddress();
        String first = newUser();
        String second = newUser();
        String third = newUser();

        assertRefused(login(first, "wrong", address));
        assertRefused(login(first, "wrong", address));
        assertBlocked(login(first, first + "-password", address), "error-login-blocked-for-user");
        assertRefused(login(second, "wrong", address)); // another user of the address may still try
        assertRefused(login(third, "wrong", address)); // the address's fourth failure
        assertBlocked(login(third, third + "-password", address), "error-login-blocked-for-ip");
        assertBlocked(login("nobody-at-all", "wrong", address), "error-login-blocked-for-ip");
        assertEquals(200, login(second, second + "-password", newAddress()).status(), "other addresses are not");

        Thread.sleep(BLOCK.plusMillis(500).toMillis());
        assertEquals(200, login(third, third + "-password", address).status());
    }

    @Test
    void failuresForANameNobodyHasAreCountedToo() {
        String address = newAddress();

        assertRefused(login("ghost-" + System.nanoTime(), "wrong", address));
        assertRefused(login("ghost-" + System.nanoTime(), "wrong", address));
        assertRefused(login("ghost-" + System.nanoTime(), "wrong", address));
        assertRefused(login("ghost-" + System.nanoTime(), "wrong", address));

        assertBlocked(login("ghost", "wrong", address), "error-login-blocked-for-ip");
    }

    /** One password check at a time (LOGIN_MAX_CONCURRENT_CHECKS=1), each a tenth of a second or so. */
    @Test
    void loginsBeyondTheBoundAreTurnedAwayWith429() {
        // 80 checks of some 25 ms each, one at a time: the last cannot be reached within a second of waiting.
        List<CompletableFuture<Reply>> flood = IntStream.range(0, 80)
                .mapToObj(i -> api.sendAsync(loginRequest("flood-" + System.nanoTime(), "wrong", "203.0.113." + (i + 1))))
                .toList();

        List<Reply> replies = flood.stream().map(CompletableFuture::join).toList();

        replies.forEach(r -> assertTrue(r.status() == 401 || r.status() == 429, r.toString()));
        List<Reply> turnedAway = replies.stream().filter(r -> r.status() == 429).toList();
        assertFalse(turnedAway.isEmpty(), "80 checks cannot all be done within a second of waiting");
        for (Reply reply : turnedAway) {
            assertEquals("error-too-many-requests", reply.json().getString("errorType"));
            assertTrue(reply.headers().firstValue("Retry-After").isPresent(), "Retry-After");
        }
    }

    private String newUser() {
        String username = "blocked" + System.nanoTime();
        Reply created = api.postJson("api/v1/users.create", admin, Json.createObjectBuilder()
                .add("username", username).add("name", username).add("email", username + "@example.com")
                .add("password", username + "-password").build().toString());
        assertEquals(200, created.status(), created.body());
        return username;
    }

    private static String newAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }

    private Reply login(String user, String password, String address) {
        return api.send(loginRequest(user, password, address));
    }

    private HttpRequest loginRequest(String user, String password, String address) {
        return api.request("api/v1/login")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("user", user).add("password", password).build().toString()))
                .build();
    }

    private static void assertRefused(Reply reply) {
        assertEquals(401, reply.status(), reply.body());
        assertEquals("Unauthorized", reply.json().getString("error"), reply.body());
    }

    private static void assertBlocked(Reply reply, String error) {
        assertEquals(401, reply.status(), reply.body());
        assertEquals(error, reply.json().getString("error"), reply.body());
        assertEquals("error", reply.json().getString("status"));
    }
}
