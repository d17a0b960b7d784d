package dev.importer.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class PermitsTest {

    static class Refused extends RuntimeException {
    }

    @Test
    void refusesTheOneBeyondTheCountOnceItHasWaitedAndFreesAPermitWhateverTheWorkDid() throws InterruptedException {
        Permits permits = new Permits(1, Duration.ofMillis(100), Refused::new);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> permits.run(() -> {
            holding.countDown();
            await(release);
            return null;
        }));
        holder.start();
        holding.await();

        assertThrows(Refused.class, () -> permits.run(() -> "second"));

        release.countDown();
        holder.join();
        assertThrows(IllegalStateException.class, () -> permits.run(() -> {
            throw new IllegalStateException("the work failed");
        }));
        assertEquals("free again", permits.run(() -> "free again"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
