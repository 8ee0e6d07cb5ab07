package dev.bmcagent.bench;

import dev.bmcagent.mqtt.broker.BrokerOptions;
import dev.bmcagent.mqtt.broker.EmbeddedBroker;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the embedded broker alone in this JVM for the startup/footprint benchmark: prints
 * {@code READY port=... start_ms=... jvm_uptime_ms=... heap_used_kb=...} once bound, then serves until the
 * process is terminated (SIGTERM) or {@code --max-seconds} pass, printing the broker's counters on the way out.
 */
public final class BrokerMain {
    private BrokerMain() {}

    public static void main(String[] args) throws InterruptedException {
        BenchOptions options = BenchOptions.parse(args);
        int port = (int) options.number("port", 0, 0, 65_535);
        long maxSeconds = options.number("max-seconds", 600, 1, 3_600);
        long t0 = System.nanoTime();
        EmbeddedBroker broker = new EmbeddedBroker(BrokerOptions.defaults()
                .withBindAddress(options.loopbackHost("host"))
                .withPort(port));
        InetSocketAddress bound = broker.start();
        long startNanos = System.nanoTime() - t0;
        System.out.printf(
                Locale.ROOT,
                "READY port=%d start_ms=%.1f jvm_uptime_ms=%d heap_used_kb=%d%n",
                bound.getPort(),
                startNanos / 1e6,
                ManagementFactory.getRuntimeMXBean().getUptime(),
                heapUsedKb());
        System.out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.printf(Locale.ROOT, "STATS %s heap_used_kb=%d%n", broker.stats(), heapUsedKb());
                            broker.close();
                            stop.countDown();
                        },
                        "broker-shutdown"));
        if (!stop.await(maxSeconds, TimeUnit.SECONDS)) {
            System.out.println("time limit reached");
            System.exit(0);
        }
    }

    private static long heapUsedKb() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() / 1024;
    }
}
