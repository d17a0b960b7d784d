package dev.importer.operations.boundary;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.identity.UserId;
import dev.importer.accounts.entity.UsernameRule;
import dev.importer.operations.boundary.ImportOperations.EventPage;
import dev.importer.operations.boundary.ImportOperations.Report;
import dev.importer.operations.control.ImportJob;
import dev.importer.operations.entity.Actor;
import dev.importer.operations.entity.IfUserExists;
import dev.importer.operations.entity.ImportOperation;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.ImportState;
import dev.importer.operations.entity.Outcome;
import dev.importer.operations.entity.Prediction;
import dev.importer.operations.entity.StagedUsers;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.ClientAddress;
import dev.importer.platform.http.JsonBodies;
import dev.importer.platform.http.Paging;
import dev.importer.platform.http.Texts;
import dev.importer.platform.http.LargeRequests;
import dev.importer.platform.http.NoQuery;
import dev.importer.security.boundary.Authenticated;
import dev.importer.security.entity.Caller;
import dev.importer.security.entity.Permission;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Rocket.Chat's import endpoints (6.3+). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final int LATEST_OPERATIONS = 50;
    private static final int PAGE = 50;
    private static final int MAX_QUERY = 320;
    private static final int PROGRESS_POINTS = 500;
    private static final JsonObject SUCCESS = JSON.createObjectBuilder().add("success", true).build();

    @Inject
    ImportOperations operations;

    @Inject
    ImportJob job;

    @Inject
    ClientAddress clientAddress;

    @Inject
    UsernameRule usernameRule;

    @Inject
    LargeRequests largeRequests;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @Inject
    @ConfigProperty(name = "IMPORT_MAX_USERS_PER_REQUEST", defaultValue = "10000")
    int maxUsersPerRequest;

    /** Starts a new operation, aborting the running one. The request body, if any, is ignored. */
    @POST
    @Path("import.new")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject startNew() {
        return JSON.createObjectBuilder()
                .add("operation", operations.startNew(caller(), actor()).toJson())
                .add("success", true)
                .build();
    }

    @GET
    @Path("import.status")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject status() {
        JsonObjectBuilder status = JSON.createObjectBuilder();
        operations.latest().ifPresentOrElse(
                o -> status.add("state", o.state().wireName()).add("operation", o.toJson())
                        .add("awaitingTakeover", operations.awaitsTakeover(o)),
                () -> status.add("state", ImportState.NONE.wireName()));
        return status.add("success", true).build();
    }

    /** {@code {"users":[{"username","emails":[...],"importIds":[...],"name","password","roles":[...]}]}} */
    @POST
    @Path("import.addUsers")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject addUsers(InputStream body) {
        return largeRequests.bounded(() -> {
            operations.addUsers(new StagedUsers(readAll(body), maxUsersPerRequest, usernameRule), caller(), actor());
            return SUCCESS;
        });
    }

    /** The whole body, read before the import lock is taken, so that no client's pace holds the lock. */
    private static byte[] readAll(InputStream body) {
        try {
            return body.readAllBytes();
        } catch (IOException e) {
            throw ApiException.invalidParams("The request body could not be read");
        }
    }

    /** Starts the import in the background and answers at once. {@code {"ifUserExists":"skip"|"update"}} */
    @POST
    @Path("import.run")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject run(String body) {
        job.start(operations.startRun(ifUserExists(body), caller(), actor()));
        return SUCCESS;
    }

    /** A dry run of {@code import.run} with the same body: what it would do now; writes nothing. */
    @POST
    @Path("import.validate")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject validate(String body) {
        Prediction prediction = operations.validate(ifUserExists(body), caller(), actor());
        return JSON.createObjectBuilder()
                .add("count", JSON.createObjectBuilder()
                        .add("users", prediction.count().total())
                        .add("import", prediction.count().imported())
                        .add("update", prediction.count().updated())
                        .add("skip", prediction.count().skipped())
                        .add("fail", prediction.count().failed()))
                .add("skipped", prediction.firstSkipped())
                .add("success", true)
                .build();
    }

    /**
     * {@code ?status=imported|updated|skipped|failed&offset=0&count=50&query=}: the latest
     * operation's users with that outcome whose username or an address contains the query;
     * {@code format=csv}: all of them as a CSV download.
     */
    @GET
    @Path("import.report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Authenticated(permission = Permission.RUN_IMPORT)
    public Response report(@QueryParam("status") String status, @QueryParam("offset") String offset,
            @QueryParam("count") String count, @QueryParam("query") String query, @QueryParam("format") String format) {
        if (status == null) {
            throw ApiException.invalidParams("'status' is required: imported, updated, skipped or failed");
        }
        Outcome outcome = Outcome.fromWireName(status);
        String filter = Texts.requirePlain("'query'", query == null ? "" : query.trim(), MAX_QUERY);
        if ("csv".equals(format)) {
            return csvReport(outcome, filter);
        }
        if (format != null && !format.equals("json")) {
            throw ApiException.invalidParams("'format' must be json or csv");
        }
        Paging page = Paging.of(offset, count, PAGE);
        Report report = operations.report(outcome, filter, page.offset(), page.count());
        return Response.ok(JSON.createObjectBuilder()
                .add("users", report.users())
                .add("offset", page.offset())
                .add("count", report.users().size())
                .add("total", report.total())
                .add("success", true)
                .build(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response csvReport(Outcome outcome, String query) {
        OperationId operation = operations.latest().map(ImportOperation::id)
                .orElseThrow(() -> new ApiException("error-operation-not-found", "There is no import operation yet"));
        return Response.ok(new ReportCsv((after, chunk) -> operations.reportAfter(operation, outcome, query, after, chunk)))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + operation.value() + "-"
                        + outcome.wireName() + ".csv\"")
                .build();
    }

    @POST
    @Path("import.clear")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject clear() {
        operations.clear(actor());
        return SUCCESS;
    }

    /** Stops the running import at its next batch; its staged users and outcomes stay for import.report. */
    @POST
    @Path("import.cancel")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject cancel() {
        operations.cancel(actor());
        return SUCCESS;
    }

    @GET
    @Path("getCurrentImportOperation")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject current() {
        NoQuery.require(uri);
        JsonObjectBuilder current = JSON.createObjectBuilder();
        operations.latest().ifPresent(o -> current.add("operation", o.toJson())); // none: no key, as Rocket.Chat
        return current.add("success", true).build();
    }

    /** The documented exception to "every answer is an object": a bare array, newest first. */
    @GET
    @Path("getLatestImportOperations")
    @Authenticated(permission = Permission.VIEW_IMPORT_OPERATIONS)
    public JsonArray latest() {
        NoQuery.require(uri);
        JsonArrayBuilder latest = JSON.createArrayBuilder();
        operations.newest(LATEST_OPERATIONS).stream().map(ImportOperation::toJson).forEach(latest::add);
        return latest.build();
    }

    /**
     * {@code ?operationId=}: the counts of that operation (by default the latest) after each
     * batch of its import, oldest first, at most {@value #PROGRESS_POINTS} evenly spread.
     */
    @GET
    @Path("import.progress")
    @Authenticated(permission = Permission.VIEW_IMPORT_OPERATIONS)
    public JsonObject progress(@QueryParam("operationId") String operationId) {
        JsonObjectBuilder answer = JSON.createObjectBuilder();
        operations.progress(Optional.ofNullable(operationId).map(ImportResource::operationId), PROGRESS_POINTS)
                .ifPresent(progress -> {
                    JsonArrayBuilder points = JSON.createArrayBuilder();
                    progress.points().forEach(point -> points.add(point.toJson()));
                    answer.add("operation", progress.operation().id().value())
                            .add("status", progress.operation().status().wireName())
                            .add("points", points);
                });
        return answer.add("success", true).build();
    }

    private static OperationId operationId(String value) {
        try {
            return new OperationId(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParams("'operationId' must be an operation id: 24 hexadecimal digits");
        }
    }

    /** {@code ?offset=0&count=50}: the audit trail, newest first. */
    @GET
    @Path("import.events")
    @Authenticated(permission = Permission.VIEW_IMPORT_OPERATIONS)
    public JsonObject events(@QueryParam("offset") String offset, @QueryParam("count") String count) {
        Paging page = Paging.of(offset, count, PAGE);
        EventPage events = operations.events(page.offset(), page.count());
        return JSON.createObjectBuilder()
                .add("events", events.events())
                .add("offset", page.offset())
                .add("count", events.events().size())
                .add("total", events.total())
                .add("success", true)
                .build();
    }

    private UserId caller() {
        return Caller.of(security).userId();
    }

    /** The caller, for the audit trail. */
    private Actor actor() {
        return Actor.caller(caller(), clientAddress.of(request));
    }

    private static IfUserExists ifUserExists(String body) {
        return JsonBodies.string(JsonBodies.object(body), "ifUserExists")
                .map(IfUserExists::fromWireName)
                .orElse(IfUserExists.SKIP);
    }
}
