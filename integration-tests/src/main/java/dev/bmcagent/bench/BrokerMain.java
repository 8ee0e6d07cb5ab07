package dev.bmcagent.bench;

import dev.bmcagent.simulator.broker.BrokerOptions;
import dev.bmcagent.simulator.broker.EmbeddedBroker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs the embedded broker alone in this JVM for the startup/footprint benchmark: prints
 * {@code READY port=... start_ms=... jvm_uptime_ms=... heap_used_kb=...} once bound, then serves until standard
 * input closes or {@code --max-seconds} pass (bounded), printing heap use once more on exit.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        BenchOptions options = BenchOptions.parse(args);
        int port = (int) options.number("port", 0, 0, 65_535);
        long maxSeconds = options.number("max-seconds", 600, 1, 3_600);
        long t0 = System.nanoTime();
        EmbeddedBroker broker = new EmbeddedBroker(BrokerOptions.defaults()
                .withBindAddress(options.loopbackHost("host")).withPort(port));
        InetSocketAddress bound = broker.start();
        long startNanos = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "READY port=%d start_ms=%.1f jvm_uptime_ms=%d heap_used_kb=%d%n",
                bound.getPort(), startNanos / 1e6, ManagementFactory.getRuntimeMXBean().getUptime(), heapUsedKb());
        System.out.flush();
        Thread stdinWatcher = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // drain until EOF
                }
            } catch (IOException e) {
                // treat as closed
            }
        }, "stdin-watcher");
        stdinWatcher.setDaemon(true);
        stdinWatcher.start();
        stdinWatcher.join(TimeUnit.SECONDS.toMillis(maxSeconds));
        System.out.printf(Locale.ROOT, "STATS %s heap_used_kb=%d%n", broker.stats(), heapUsedKb());
        broker.close();
    }

    private static long heapUsedKb() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed() / 1024;
    }
}
