package dev.bmcagent.app.cli;

import java.util.concurrent.CountDownLatch;

/** Blocks a long-running command until the process is asked to stop, then runs its cleanup. */
@FunctionalInterface
public interface ShutdownWaiter {

    /** Blocks until shutdown is requested; {@code cleanup} has run when this returns (or the JVM exits). */
    void awaitShutdown(Runnable cleanup) throws InterruptedException;

    /**
     * The real thing: a JVM shutdown hook (SIGINT from Ctrl-C, SIGTERM) runs {@code cleanup}; the command
     * thread waits until it is done.
     */
    static ShutdownWaiter jvm() {
        return cleanup -> {
            CountDownLatch done = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    cleanup.run();
                                } finally {
                                    done.countDown();
                                }
                            },
                            "bmc-shutdown"));
            done.await();
        };
    }
}
