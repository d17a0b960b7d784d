package dev.importer.accounts.boundary;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.accounts.control.PasswordCheck;
import dev.importer.accounts.control.PasswordChecks;
import dev.importer.accounts.control.Passwords;
import dev.importer.accounts.entity.Password;
import dev.importer.accounts.entity.PasswordDigest;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.ClientAddress;
import dev.importer.platform.http.JsonBodies;
import dev.importer.security.boundary.Authenticated;
import dev.importer.security.boundary.AuthenticationFilter;
import dev.importer.security.entity.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    static final JsonObject LOGIN_FAILED = JSON.createObjectBuilder()
            .add("status", "error")
            .add("error", "Unauthorized")
            .add("message", "Unauthorized")
            .build();

    @Inject
    Accounts accounts;

    @Inject
    ClientAddress clientAddress;

    @Inject
    PasswordChecks passwordChecks;

    @Inject
    Passwords passwords;

    /**
     * Rocket.Chat's login: {@code user} (or {@code username}) and a clear or SHA-256-digested
     * password. Three steps, so that no password-check slot waits for the database and no
     * connection waits for a slot: whom it names (a transaction), the check (bounded per
     * instance), the outcome (a transaction).
     */
    @POST
    @Path("login")
    public Response login(String body, @Context HttpServletRequest connection) {
        JsonObject request = JsonBodies.object(body);
        String login = JsonBodies.string(request, "user")
                .or(() -> JsonBodies.string(request, "username"))
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiException.invalidParams("'user' is required"));
        String client = clientAddress.of(connection);
        Password password = password(request);
        try {
            Accounts.LoginAttempt attempt = accounts.beginLogin(login, client);
            PasswordCheck check = passwordChecks.bounded(() -> passwords.check(password, attempt.stored()));
            return loggedIn(accounts.completeLogin(attempt, check, client));
        } catch (PasswordChecks.TooMany e) {
            return Response.fromResponse(ApiException.json(429,
                            ApiException.body("Too many logins at once, try again shortly", "error-too-many-requests")))
                    .header("Retry-After", PasswordChecks.RETRY_AFTER.toSeconds())
                    .build();
        } catch (Accounts.LoginBlocked e) {
            return ApiException.json(401, JSON.createObjectBuilder()
                    .add("status", "error")
                    .add("error", e.block().error())
                    .add("message", e.block().message())
                    .build());
        }
    }

    private static Response loggedIn(Optional<Accounts.Login> login) {
        return login
                .map(session -> Response.ok(JSON.createObjectBuilder()
                        .add("status", "success")
                        .add("data", JSON.createObjectBuilder()
                                .add("userId", session.user().id().value())
                                .add("authToken", session.token().value())
                                .add("me", session.user().toJson()))
                        .build()).build())
                .orElseGet(() -> ApiException.json(401, LOGIN_FAILED));
    }

    @POST
    @Path("logout")
    @Authenticated
    public JsonObject logout(@Context SecurityContext security) {
        accounts.logout(Caller.of(security).hashedToken());
        return JSON.createObjectBuilder()
                .add("status", "success")
                .add("data", JSON.createObjectBuilder().add("message", "You've been logged out!"))
                .build();
    }

    @GET
    @Path("me")
    @Authenticated
    public Response me(@Context SecurityContext security) {
        return accounts.find(Caller.of(security).userId())
                .map(user -> Response.ok(user.toJson().add("success", true).build()).build())
                // deleted between the authentication filter and here
                .orElseGet(() -> ApiException.json(401, AuthenticationFilter.NOT_LOGGED_IN));
    }

    private static Password password(JsonObject request) {
        JsonValue password = request.get("password");
        if (password instanceof JsonObject digested) {
            String digest = JsonBodies.requiredString(digested, "digest");
            String algorithm = JsonBodies.requiredString(digested, "algorithm");
            if (!"sha-256".equals(algorithm) || !PasswordDigest.isWellFormed(digest)) {
                throw ApiException.invalidParams("'password.digest' must be a hex SHA-256 digest");
            }
            return Password.ofDigest(new PasswordDigest(digest));
        }
        return Password.ofClearText(JsonBodies.requiredString(request, "password"));
    }
}
