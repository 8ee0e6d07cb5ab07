package dev.bmcagent.redfish.net;

import dev.bmcagent.common.log.RateLimitedLog;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the Redfish listener's open TCP connections from the moment they are accepted (before TLS), in all and per
 * source address, and says whether one more may be kept. A refused connection is closed at once, so it holds a file
 * descriptor for microseconds: however many connections a client opens, the agent's descriptors stay bounded and
 * its other listeners (IPMI, host interface, MQTT broker) and journals keep working. The per-source limit keeps one
 * client from taking every slot. Thread-safe.
 */
public final class AcceptGate {
    private static final Logger LOG = LoggerFactory.getLogger(AcceptGate.class);

    private final int max;
    private final int maxPerSource;
    private final Clock clock;
    private final RateLimitedLog log = new RateLimitedLog(LOG);
    private final Map<InetAddress, Integer> perSource = new HashMap<>();
    private int open;
    private long refused;

    public AcceptGate(int max, int maxPerSource, Clock clock) {
        if (max < 1 || maxPerSource < 1) {
            throw new IllegalArgumentException("connection limits must be >= 1");
        }
        this.max = max;
        this.maxPerSource = maxPerSource;
        this.clock = clock;
    }

    /** Whether a just-accepted connection from {@code source} may stay; if so it counts until {@link #release}. */
    public boolean tryAcquire(InetAddress source) {
        int fromSource;
        int total;
        synchronized (this) {
            fromSource = source == null ? maxPerSource : perSource.getOrDefault(source, 0);
            total = open;
            if (total < max && fromSource < maxPerSource) {
                open++;
                perSource.merge(source, 1, Integer::sum);
                return true;
            }
            refused++;
        }
        log.warn(
                clock.instant(),
                "Redfish connection refused (connection limit)",
                "Redfish connection from {} refused: {} open from it (limit {}), {} open in all (limit {})",
                source,
                fromSource,
                maxPerSource,
                total,
                max);
        return false;
    }

    public synchronized void release(InetAddress source) {
        open--;
        perSource.computeIfPresent(source, (k, n) -> n == 1 ? null : n - 1);
    }

    public synchronized int open() {
        return open;
    }

    public synchronized long refused() {
        return refused;
    }
}
