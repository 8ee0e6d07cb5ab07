package dev.bmcagent.mqtt.telemetry;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor each Paho client gets (publisher and fleet monitor), so that closing a client (also after a
 * failed connect, where Paho otherwise leaks its threads) stops every thread it started.
 */
public final class PahoThreads {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private PahoThreads() {}

    /**
     * Paho runs its receiver, sender and callback loops as never-ending tasks on this executor, plus connect and
     * ping tasks: a scheduled pool never grows past its core size, so the core must hold all of them.
     */
    private static final int THREADS = 6;

    public static ScheduledThreadPoolExecutor create(String name) {
        int n = COUNTER.incrementAndGet();
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(THREADS, r -> {
            Thread t = new Thread(r, name + "-paho-" + n);
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        return ex;
    }
}
