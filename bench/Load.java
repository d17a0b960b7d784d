import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CLIENTS callers sending the same request back to back for SECONDS, on loopback; prints
 * the calls per second, the median and 99th-percentile latency, and the answers by status.
 * Run with the JDK's source launcher:
 *   java bench/Load.java METHOD URL CLIENTS SECONDS [Header:value ...] [body=TEXT]
 */
public class Load {

    public static void main(String[] args) throws Exception {
        String method = args[0];
        URI url = URI.create(args[1]);
        int clients = Integer.parseInt(args[2]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[3]));
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 4; i < args.length; i++) {
            if (args[i].startsWith("body=")) {
                builder.method(method, HttpRequest.BodyPublishers.ofString(args[i].substring(5)));
                continue;
            }
            int colon = args[i].indexOf(':');
            builder.header(args[i].substring(0, colon).trim(), args[i].substring(colon + 1).trim());
        }
        HttpRequest request = builder.build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            callers.execute(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = 0; // no answer
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    latencies.add(System.nanoTime() - sent);
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("calls %d, %.1f calls/s, p50 %.1f ms, p99 %.1f ms, answers by status %s%n",
                sorted.size(), sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99), statuses);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(index, 0)) / 1e6;
    }
}
