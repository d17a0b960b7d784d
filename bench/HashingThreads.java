import dev.importer.accounts.control.Passwords;
import dev.importer.accounts.entity.PasswordDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's own password hashing (its Passwords class, from target/classes) of COUNT
 * passwords on THREADS plain threads, outside the server. Prints passwords per second.
 *   java -cp "target/classes:<compile class path>" bench/HashingThreads.java THREADS COUNT
 */
public class HashingThreads {

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        Passwords passwords = new Passwords();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        hash(passwords, executor, threads, 20 * threads, "warm-up-");   // as warm as the server, which hashed at start and at logins
        long started = System.nanoTime();
        hash(passwords, executor, threads, count, "pw-");
        System.out.printf("%.1f%n", count / ((System.nanoTime() - started) / 1e9));
        executor.shutdown();
    }

    private static void hash(Passwords passwords, ExecutorService executor, int threads, int count, String prefix)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        Future<?>[] workers = new Future<?>[threads];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = executor.submit(() -> {
                for (int i = next.incrementAndGet(); i <= count; i = next.incrementAndGet()) {
                    passwords.hash(PasswordDigest.ofClearText(prefix + i));
                }
            });
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
    }
}
