package dev.importer.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/**
 * A web server on 127.0.0.1 in the test's JVM, for the downloads the service makes: each
 * path answers one file, or redirects. The service runs on the same machine, so it can reach
 * it, and must refuse to unless SSRF_Allowlist names it.
 */
final class LocalWebServer implements AutoCloseable {

    private final HttpServer server;

    LocalWebServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    LocalWebServer serve(String path, String contentType, byte[] content) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(content);
            }
        });
        return this;
    }

    LocalWebServer redirect(String path, String location) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
