package dev.importer.platform.http;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over their endpoint's limit with 413, before anything parses them:
 * at once when Content-Length says so, otherwise as soon as more than that has been read.
 * The endpoints that take users in bulk ({@link #LARGE_BODY_PATHS}) may receive up to
 * MAX_BODY_BYTES; every other endpoint (login and the account endpoints among them), at most
 * {@link #SMALL_BODY_BYTES}, so that a flood of large bodies costs no heap where none is needed.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    public static final long SMALL_BODY_BYTES = 64 * 1024;
    /** The paths, under the API's root, whose bodies may be large; each holds them with {@link LargeRequests}. */
    public static final Set<String> LARGE_BODY_PATHS = Set.of("import.addUsers", "uploadImportFile", "startImport");

    @Inject
    @ConfigProperty(name = "MAX_BODY_BYTES", defaultValue = "16777216")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = LARGE_BODY_PATHS.contains(endpoint(request)) ? maxBytes : SMALL_BODY_BYTES;
        if (request.getLength() > limit) {
            throw tooLarge();
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), limit));
    }

    /** The path under the API's root; RESTEasy (WildFly) answers it with a leading slash, Jersey without. */
    private static String endpoint(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static WebApplicationException tooLarge() {
        return new WebApplicationException(413);
    }

    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            consumed(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            consumed(Math.max(n, 0));
            return n;
        }

        private void consumed(int bytes) {
            remaining -= bytes;
            if (remaining < 0) {
                throw tooLarge();
            }
        }
    }
}
