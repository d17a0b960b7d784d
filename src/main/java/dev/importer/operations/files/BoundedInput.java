package dev.importer.operations.files;

import dev.importer.platform.http.ApiException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes read through it, counted as they are read: past the limit, reading fails with
 * 400 {@code error-import-file-too-large} (carried in an IOException). Read through a zip
 * stream it counts what the entries inflate to, whatever their headers claim. Closing it
 * leaves the stream below open: its owner closes it.
 */
final class BoundedInput extends FilterInputStream {

    private final long limit;
    private final String what;
    private long read;

    /** {@code what}: the subject of the refusal, "The zip expands" say. */
    BoundedInput(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        read += Math.max(n, 0);
        if (read > limit) {
            throw new IOException(new ApiException("error-import-file-too-large",
                    what + " to more than " + limit + " bytes"));
        }
        return n;
    }

    @Override
    public void close() {
    }
}
