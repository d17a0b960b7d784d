package dev.importer.platform.http;

import dev.importer.platform.database.DatabaseUnavailable;
import dev.importer.platform.database.Redacted;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every exception that leaves a resource becomes one of the contract's JSON error bodies. */
public final class ExceptionMappers {

    private ExceptionMappers() {
    }

    @Provider
    public static class Refused implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return e.toResponse();
        }
    }

    /** JAX-RS's own refusals: unknown path, wrong method, unreadable body, ... */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return ApiException.json(status, ApiException.bodyFor(status));
        }
    }

    /** This instance is handling as many large bodies as its heap affords: try again shortly. */
    @Provider
    public static class Busy implements ExceptionMapper<LargeRequests.Busy> {
        @Override
        public Response toResponse(LargeRequests.Busy e) {
            return Response.fromResponse(ApiException.json(503, ApiException.body(
                            "The service is busy with other large requests, try again shortly", "error-server-busy")))
                    .header("Retry-After", LargeRequests.RETRY_AFTER.toSeconds())
                    .build();
        }
    }

    /** The body could not be read at all (the connection broke, ...). */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return ApiException.invalidParams("The request body could not be read").toResponse();
        }
    }

    /**
     * The last resort: 503 with Retry-After while the database cannot be reached; otherwise
     * the client learns an incident id and the log gets the stack trace, redacted.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            if (DatabaseUnavailable.isCauseOf(e)) {
                LOG.warning("The database cannot be reached or did not answer in time: answered 503 ("
                        + Redacted.chain(e) + ")");
                return Response.fromResponse(ApiException.json(503, ApiException.databaseUnavailable()))
                        .header("Retry-After", ApiException.DATABASE_RETRY_AFTER_SECONDS)
                        .build();
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, Redacted.of(e));
            return ApiException.json(500, ApiException.body("Internal error, incident " + incident, "error-internal"));
        }
    }
}
