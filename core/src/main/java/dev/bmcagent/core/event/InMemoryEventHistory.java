package dev.bmcagent.core.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link EventHistory} in memory: "durable" for the life of the process only. For tests, demos and
 * until the journal-backed history is wired. Rejects appends that would leave a gap or go backwards.
 */
public final class InMemoryEventHistory implements EventHistory {
    private final Map<String, List<HostEvent>> byHost = new ConcurrentHashMap<>();
    /** Every event in recording order (across hosts). */
    private final List<HostEvent> all = new ArrayList<>();

    @Override
    public void append(HostEvent event) {
        List<HostEvent> events = byHost.computeIfAbsent(event.hostId(), h -> new ArrayList<>());
        synchronized (events) {
            long expected =
                    events.isEmpty() ? -1 : events.get(events.size() - 1).sequence() + 1;
            if (expected != -1 && event.sequence() != expected) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "%s: sequence %d appended, %d expected",
                        event.hostId(),
                        event.sequence(),
                        expected));
            }
            events.add(event);
            synchronized (all) {
                all.add(event);
            }
        }
    }

    @Override
    public Optional<List<HostEvent>> readAfter(String hostId, long sequence, int max) {
        synchronized (all) {
            for (int i = all.size() - 1; i >= 0; i--) {
                HostEvent e = all.get(i);
                if (e.hostId().equals(hostId) && e.sequence() == sequence) {
                    return Optional.of(List.copyOf(all.subList(i + 1, (int) Math.min(all.size(), i + 1L + max))));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<HostEvent> read(String hostId, long fromSequence, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max < 0");
        }
        List<HostEvent> events = byHost.get(hostId);
        if (events == null) {
            return List.of();
        }
        synchronized (events) {
            if (events.isEmpty()) {
                return List.of();
            }
            // Sequences are contiguous from the first one, so the start index is arithmetic.
            long first = events.get(0).sequence();
            int from = fromSequence <= first ? 0 : (int) Math.min(events.size(), fromSequence - first);
            int to = (int) Math.min(events.size(), (long) from + max);
            return List.copyOf(events.subList(from, to));
        }
    }

    @Override
    public long lastSequence(String hostId) {
        List<HostEvent> events = byHost.get(hostId);
        if (events == null) {
            return 0;
        }
        synchronized (events) {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
        }
    }
}
