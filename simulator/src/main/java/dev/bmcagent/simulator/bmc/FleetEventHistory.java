package dev.bmcagent.simulator.bmc;

import dev.bmcagent.core.event.EventHistory;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.event.InMemoryEventHistory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fleet's event history: every event is counted in the {@link AgentEventTally}; the full history is kept only
 * for the hosts in {@code retained} (2,000 hosts' complete histories would dominate the heap and nothing reads
 * them). {@link #read} of another host is empty; sequence numbers are kept for every host.
 */
public final class FleetEventHistory implements EventHistory {
    private final AgentEventTally tally;
    private final Set<String> retained;
    private final InMemoryEventHistory kept = new InMemoryEventHistory();
    private final Map<String, Long> last = new ConcurrentHashMap<>();

    public FleetEventHistory(AgentEventTally tally, Set<String> retained) {
        this.tally = Objects.requireNonNull(tally, "tally");
        this.retained = Set.copyOf(retained);
    }

    @Override
    public void append(HostEvent event) {
        tally.onEvent(event);
        last.put(event.hostId(), event.sequence());
        if (retained.contains(event.hostId())) {
            kept.append(event);
        }
    }

    @Override
    public List<HostEvent> read(String hostId, long fromSequence, int max) {
        return retained.contains(hostId) ? kept.read(hostId, fromSequence, max) : List.of();
    }

    @Override
    public long lastSequence(String hostId) {
        return last.getOrDefault(hostId, 0L);
    }
}
