package dev.importer.platform.fetch;

import dev.importer.platform.http.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs a URL an operator gave, under the SSRF rules: http or https; the host, unless the
 * {@link Allowlist} names it, must resolve to public addresses only ({@link InternalAddresses});
 * redirects are followed by hand, each target checked the same way, at most
 * {@link #MAX_REDIRECTS}; the body is read up to a size, and the whole by a deadline. Refusals
 * are 400s: {@code error-ssrf-validation-failed}, {@code error-file-too-large},
 * {@code error-download-failed}.
 *
 * <p>The host is resolved for the check and again by the HTTP client to connect: a name
 * whose DNS answer changes in between (DNS rebinding) is not caught. The client does not let
 * a request pin the address it connects to.
 */
@ApplicationScoped
public class Downloads {

    /** What was downloaded, and the content type the server gave it, if any. */
    public record Download(byte[] content, Optional<String> contentType) {
    }

    public static final int MAX_REDIRECTS = 5;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    public Download get(String url, Allowlist allowlist, long maxBytes, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI target = parse(url);
        for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
            requireReachable(target, allowlist);
            HttpResponse<byte[]> response = send(target, maxBytes, deadline);
            if (REDIRECTS.contains(response.statusCode())) {
                target = target.resolve(response.headers().firstValue("Location")
                        .map(Downloads::parse)
                        .orElseThrow(() -> failed("a redirect without a Location")));
                continue;
            }
            if (response.statusCode() / 100 != 2) {
                throw failed("the server answered HTTP " + response.statusCode());
            }
            return new Download(response.body(), response.headers().firstValue("Content-Type"));
        }
        throw failed("more than " + MAX_REDIRECTS + " redirects");
    }

    /** The URL, which must be http or https with a host: else a 400. */
    public static URI parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw ApiException.invalidParams("Only http and https URLs with a host are downloaded");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.invalidParams("The URL is malformed");
        }
    }

    /** Refuses a target that resolves to an internal address, unless the allowlist names its host. */
    private static void requireReachable(URI target, Allowlist allowlist) {
        String host = target.getHost();
        int port = target.getPort() >= 0 ? target.getPort() : target.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        if (allowlist.allows(host, port)) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (InternalAddresses.isInternal(address)) {
                    throw new ApiException("error-ssrf-validation-failed", "The URL's host " + host
                            + " is an internal address and not in SSRF_Allowlist");
                }
            }
        } catch (UnknownHostException e) {
            throw failed("the host " + host + " cannot be resolved");
        }
    }

    private HttpResponse<byte[]> send(URI target, long maxBytes, Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw failed("it took longer than allowed");
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(target).GET().timeout(left).build();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParams("The URL cannot be fetched: " + target.getScheme() + "://" + target.getHost());
        }
        CompletableFuture<HttpResponse<byte[]>> response =
                client.sendAsync(request, info -> new AtMost(maxBytes));
        try {
            return response.get(left.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw failed("it took longer than allowed");
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw failed("the download was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException refused) {
                throw refused;
            }
            throw failed("the server could not be reached or broke off");
        }
    }

    private static ApiException failed(String why) {
        return new ApiException("error-download-failed", "The download failed: " + why);
    }

    /** The body, read up to {@code maxBytes}: past them, the download stops and is refused. */
    private static final class AtMost implements BodySubscriber<byte[]> {
        private final long maxBytes;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        AtMost(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(new ApiException("error-file-too-large",
                            "The download is larger than " + maxBytes + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
