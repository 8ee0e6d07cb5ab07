package dev.bmcagent.agent.redfishport;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.core.event.EventHistory;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.event.Subscription;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The finished boot cycles of each host, in memory for the Redfish BootHistory and PostCodes logs: seeded from the
 * {@link EventHistory} (its {@code BootCycleEnded} events) when built, then kept current from the
 * {@link EventStream}. Keeps the last {@code perHost} cycles of each host (OpenBMC keeps 100).
 */
final class BootCycleLog implements AutoCloseable {
    private static final int READ_CHUNK = 1024;

    private final int perHost;
    private final Map<String, Deque<BootCycle>> cycles = new ConcurrentHashMap<>();
    private final Subscription subscription;

    BootCycleLog(List<String> hostIds, EventHistory history, EventStream stream, int perHost) {
        this.perHost = perHost;
        this.subscription = stream.subscribe(
                "redfish-boot-cycles",
                e -> e.event() instanceof LifecycleEvent.BootCycleEnded,
                EventStream.DEFAULT_CAPACITY,
                this::record);
        for (String host : hostIds) {
            long from = 1;
            long last = stream.lastSequence(host);
            while (from <= last) {
                List<HostEvent> chunk = history.read(host, from, READ_CHUNK);
                if (chunk.isEmpty()) {
                    break;
                }
                for (HostEvent e : chunk) {
                    if (e.sequence() <= last) {
                        record(e);
                    }
                }
                from = chunk.get(chunk.size() - 1).sequence() + 1;
            }
        }
    }

    private void record(HostEvent e) {
        if (e.event() instanceof LifecycleEvent.BootCycleEnded ended) {
            Deque<BootCycle> q = cycles.computeIfAbsent(e.hostId(), h -> new ArrayDeque<>());
            synchronized (q) {
                if (q.isEmpty()
                        || q.peekLast().number() < ended.cycle().number()
                        || q.peekLast().startedAt().isBefore(ended.cycle().startedAt())) {
                    q.addLast(ended.cycle());
                }
                while (q.size() > perHost) {
                    q.removeFirst();
                }
            }
        }
    }

    /** Finished cycles of {@code hostId}, oldest first. */
    List<BootCycle> finished(String hostId) {
        Deque<BootCycle> q = cycles.get(hostId);
        if (q == null) {
            return List.of();
        }
        synchronized (q) {
            return List.copyOf(q);
        }
    }

    void clear(String hostId) {
        Deque<BootCycle> q = cycles.get(hostId);
        if (q != null) {
            synchronized (q) {
                q.clear();
            }
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
