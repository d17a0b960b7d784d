package dev.importer.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over MAX_BODY_BYTES with 413: at once when Content-Length says so,
 * otherwise as soon as more than that has been read.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "MAX_BODY_BYTES", defaultValue = "16777216")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
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
