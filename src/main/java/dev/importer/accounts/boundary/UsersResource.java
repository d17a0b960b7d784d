package dev.importer.accounts.boundary;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.accounts.control.UserRepository;
import dev.importer.accounts.entity.EmailAddress;
import dev.importer.accounts.entity.UserChanges;
import dev.importer.accounts.entity.User;
import dev.importer.identity.UserId;
import dev.importer.accounts.entity.NewUser;
import dev.importer.accounts.entity.PasswordDigest;
import dev.importer.accounts.entity.UsernameRule;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import dev.importer.platform.http.Paging;
import dev.importer.platform.http.Texts;
import dev.importer.security.boundary.Authenticated;
import dev.importer.security.boundary.Permissions;
import dev.importer.security.control.RoleGrants;
import dev.importer.security.entity.Caller;
import dev.importer.security.entity.Permission;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Optional;

/** Rocket.Chat's user administration: create, look up, list, update, delete, (de)activate, personal access tokens. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** The width of {@code users.name} and {@code login_tokens.name}. */
    private static final int MAX_NAME = 255;

    private static final int DEFAULT_PAGE = 50;

    @Inject
    Accounts accounts;

    @Inject
    PersonalAccessTokens personalTokens;

    @Inject
    Permissions permissions;

    @Inject
    UsernameRule usernameRule;

    /**
     * {@code {"username","email","password","name", "roles"?, "active"?, "verified"?}}: every
     * value checked before the database is asked, and the roles and the name before the
     * password is hashed.
     */
    @POST
    @Path("users.create")
    @Authenticated(permission = Permission.CREATE_USER)
    public JsonObject create(String body, @Context SecurityContext security) {
        JsonObject request = JsonBodies.object(body);
        String username = JsonBodies.requiredString(request, "username").trim();
        usernameRule.problemWith(username).ifPresent(problem -> {
            throw new ApiException("error-input-is-not-a-valid-field", "Invalid username: " + problem);
        });
        String name = Texts.requireAtMost("'name'", JsonBodies.requiredString(request, "name"), MAX_NAME);
        String email = JsonBodies.requiredString(request, "email").trim();
        if (!EmailAddress.isValid(email)) {
            throw new ApiException("error-invalid-email", "Invalid email " + email);
        }
        List<String> roles = JsonBodies.strings(request, "roles").orElse(List.of(RoleGrants.DEFAULT_ROLE));
        permissions.requireExistingRoles(roles);
        PasswordDigest password = PasswordDigest.ofClearText(JsonBodies.requiredString(request, "password"));
        NewUser user = new NewUser(username, Optional.of(name), List.of(email),
                JsonBodies.bool(request, "verified").orElse(false),
                roles,
                Optional.empty(),
                JsonBodies.bool(request, "active").orElse(true));
        return success("user", accounts.create(user, password, Caller.of(security).userId()).toJson().build());
    }

    /**
     * {@code ?userId=} or {@code ?username=}: the user in full to itself and to holders of
     * view-full-other-user-info, else without addresses and roles.
     */
    @GET
    @Path("users.info")
    @Authenticated
    public JsonObject info(@QueryParam("userId") String userId, @QueryParam("username") String username,
            @Context SecurityContext security) {
        UserId caller = Caller.of(security).userId();
        User user = accounts.find(UserLookup.of(userId, username));
        boolean inFull = user.id().equals(caller) || permissions.holds(caller, Permission.VIEW_FULL_OTHER_USER_INFO);
        return success("user", (inFull ? user.toJson() : user.toPublicJson()).build());
    }

    /**
     * {@code ?offset=0&count=50&query=}: a page of users in username order, those whose
     * username, name or an address starts with the query (ignoring case) when there is one;
     * in full to holders of view-full-other-user-info, else without addresses and roles.
     */
    @GET
    @Path("users.list")
    @Authenticated(permission = Permission.VIEW_D_ROOM)
    public JsonObject list(@QueryParam("offset") String offset, @QueryParam("count") String count,
            @QueryParam("query") String query, @Context SecurityContext security) {
        Paging page = Paging.of(offset, count, DEFAULT_PAGE);
        Optional<String> text = Optional.ofNullable(query)
                .map(q -> Texts.requirePlain("'query'", q, MAX_NAME).trim())
                .filter(q -> !q.isEmpty());
        boolean inFull = permissions.holds(Caller.of(security).userId(), Permission.VIEW_FULL_OTHER_USER_INFO);
        UserRepository.Page found = accounts.list(text, page);
        JsonArrayBuilder users = JSON.createArrayBuilder();
        found.users().forEach(user -> users.add(inFull ? user.toJson() : user.toPublicJson()));
        return JSON.createObjectBuilder()
                .add("users", users)
                .add("count", found.users().size())
                .add("offset", page.offset())
                .add("total", found.total())
                .add("success", true)
                .build();
    }

    /**
     * {@code {"userId", "data":{...}}}: see {@link UserChanges} for what changes and
     * {@link Accounts#update} for who may change what.
     */
    @POST
    @Path("users.update")
    @Authenticated(permission = Permission.EDIT_OTHER_USER_INFO)
    public JsonObject update(String body, @Context SecurityContext security) {
        JsonObject request = JsonBodies.object(body);
        String userId = JsonBodies.requiredString(request, "userId");
        JsonObject data = JsonBodies.object(request, "data")
                .orElseThrow(() -> ApiException.invalidParams("'data' is required"));
        UserChanges changes = UserChanges.read(data, usernameRule);
        return success("user", accounts.update(Caller.of(security).userId(), userId, changes).toJson().build());
    }

    /** {@code {"userId"} or {"username"}}: the user and its tokens, addresses and roles. */
    @POST
    @Path("users.delete")
    @Authenticated(permission = Permission.DELETE_USER)
    public JsonObject delete(String body, @Context SecurityContext security) {
        accounts.delete(Caller.of(security).userId(), UserLookup.from(JsonBodies.object(body)));
        return JSON.createObjectBuilder().add("success", true).build();
    }

    /** {@code {"userId":"...","activeStatus":false}}; takes effect on the user's next request. */
    @POST
    @Path("users.setActiveStatus")
    @Authenticated(permission = Permission.EDIT_OTHER_USER_ACTIVE_STATUS)
    public JsonObject setActiveStatus(String body) {
        JsonObject request = JsonBodies.object(body);
        String userId = JsonBodies.requiredString(request, "userId");
        boolean active = JsonBodies.bool(request, "activeStatus")
                .orElseThrow(() -> ApiException.invalidParams("'activeStatus' is required"));
        accounts.setActive(userId, active);
        return success("user", JSON.createObjectBuilder().add("_id", userId).add("active", active).build());
    }

    @POST
    @Path("users.generatePersonalAccessToken")
    @Authenticated(permission = Permission.CREATE_PERSONAL_ACCESS_TOKENS)
    public JsonObject generatePersonalAccessToken(String body, @Context SecurityContext security) {
        String name = tokenName(body);
        return JSON.createObjectBuilder()
                .add("token", personalTokens.generate(Caller.of(security).userId(), name).value())
                .add("success", true)
                .build();
    }

    @GET
    @Path("users.getPersonalAccessTokens")
    @Authenticated(permission = Permission.CREATE_PERSONAL_ACCESS_TOKENS)
    public JsonObject getPersonalAccessTokens(@Context SecurityContext security) {
        JsonArrayBuilder tokens = JSON.createArrayBuilder();
        personalTokens.of(Caller.of(security).userId()).forEach(t -> tokens.add(t.toJson()));
        return JSON.createObjectBuilder().add("tokens", tokens).add("success", true).build();
    }

    @POST
    @Path("users.removePersonalAccessToken")
    @Authenticated(permission = Permission.CREATE_PERSONAL_ACCESS_TOKENS)
    public JsonObject removePersonalAccessToken(String body, @Context SecurityContext security) {
        String name = tokenName(body);
        personalTokens.remove(Caller.of(security).userId(), name);
        return JSON.createObjectBuilder().add("success", true).build();
    }

    private static String tokenName(String body) {
        return Texts.requirePlain("'tokenName'", JsonBodies.requiredString(JsonBodies.object(body), "tokenName").trim(),
                MAX_NAME);
    }

    private static JsonObject success(String name, JsonObject value) {
        return JSON.createObjectBuilder().add(name, value).add("success", true).build();
    }
}
