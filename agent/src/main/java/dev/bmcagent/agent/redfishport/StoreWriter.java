package dev.bmcagent.agent.redfishport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that performs the Redfish service's store writes in submission order, so that request handlers on the
 * event loop never wait for a journal. Callers keep what they wrote in memory until the write is done. A failed
 * write is logged and counted.
 */
final class StoreWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "redfish-store-writer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong failures = new AtomicLong();

    /** Queues {@code write}; {@code what} names it in the log if it fails. */
    void submit(String what, Runnable write) {
        thread.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                long n = failures.incrementAndGet();
                log.error("redfish: {} failed ({} store write failures so far)", what, n, e);
            }
        });
    }

    /**
     * Runs {@code write} after the writes already queued (so a queued last-use update can never resurrect a session
     * deleted now) and waits for it: for security state that must be stored before the response goes out.
     *
     * @throws IllegalStateException when the write failed (it is also logged and counted)
     */
    void runNow(String what, Runnable write) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(what, () -> {
            try {
                write.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                throw e;
            }
        });
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted while storing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    what + " not stored: " + e.getCause().getMessage(), e.getCause());
        }
    }

    long failures() {
        return failures.get();
    }

    /** Runs the writes already queued, then stops (waits up to 5 s). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("redfish: store writes still pending at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
