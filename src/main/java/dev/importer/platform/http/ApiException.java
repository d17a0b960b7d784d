package dev.importer.platform.http;

import static dev.importer.platform.http.Jsonp.JSON;

import jakarta.ejb.ApplicationException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * A well-formed but refused request, answered 400 (403 for what the caller may not do) in
 * Rocket.Chat's error shape:
 * {@code {"success":false,"error":"<message> [<error-code>]","errorType":"<error-code>"}}.
 * Thrown through EJBs unwrapped, rolling their transaction back.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private final int status;
    private final String errorType;

    public ApiException(String errorType, String message) {
        this(Status.BAD_REQUEST.getStatusCode(), errorType, message);
    }

    private ApiException(int status, String errorType, String message) {
        super(message);
        this.status = status;
        this.errorType = errorType;
    }

    /** The caller is authenticated and the request well-formed, but the caller may not do it: 403. */
    public static ApiException forbidden(String errorType, String message) {
        return new ApiException(Status.FORBIDDEN.getStatusCode(), errorType, message);
    }

    public String errorType() {
        return errorType;
    }

    public static ApiException invalidParams(String message) {
        return new ApiException("error-invalid-params", message);
    }

    public Response toResponse() {
        return json(status, body(getMessage(), errorType));
    }

    /** A JSON answer whatever the client said it accepts: errors are never content-negotiated. */
    public static Response json(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** The error body for an HTTP status the server itself answers (404, 405, 413, ...). */
    public static JsonObject bodyFor(int status) {
        Status known = Status.fromStatusCode(status);
        String reason = known == null ? "HTTP " + status : known.getReasonPhrase();
        String errorType = switch (status) {
            case 400 -> "error-invalid-params";
            case 404 -> "error-not-found";
            case 405 -> "error-method-not-allowed";
            case 413 -> "error-request-too-large";
            case 415 -> "error-unsupported-media-type";
            default -> status >= 500 ? "error-internal" : "error-http-" + status;
        };
        return body(reason, errorType);
    }

    /** Seconds a client is asked to wait (Retry-After) while the database cannot be reached. */
    public static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /** What a call answers, with a 503 and Retry-After, while the database cannot be reached. */
    public static JsonObject databaseUnavailable() {
        return body("The database cannot be reached or did not answer in time, try again shortly",
                "error-database-unavailable");
    }

    public static JsonObject body(String message, String errorType) {
        return JSON.createObjectBuilder()
                .add("success", false)
                .add("error", message + " [" + errorType + "]")
                .add("errorType", errorType)
                .build();
    }
}
