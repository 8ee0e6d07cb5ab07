package dev.bmcagent.agent.redfishport;

import dev.bmcagent.core.event.EventHistory;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.event.Subscription;
import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.backend.RedfishEvents;
import dev.bmcagent.redfish.events.LifecycleEventMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's {@link EventStream} as Redfish events: one stream subscription ("redfish"), each recorded host event
 * mapped with {@link LifecycleEventMapper} (events it does not publish are skipped), numbered 1, 2, 3... over the
 * service's lifetime, identified by {@code "<hostId>.<host sequence>"} (stable across restarts) and handed to every
 * listener in order, on the stream's delivery executor. {@link #replayAfter} reads the same events back from the
 * durable history, in the same order, for an SSE client resuming with {@code Last-Event-ID}.
 */
final class StreamEvents implements RedfishEvents, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamEvents.class);

    private final List<Consumer<RedfishEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Subscription subscription;
    private final EventHistory history;

    StreamEvents(EventStream stream, EventHistory history) {
        this.history = history;
        this.subscription = stream.subscribe("redfish", this::deliver);
    }

    private static Optional<RedfishEvent> map(HostEvent e, long sequence) {
        return LifecycleEventMapper.map(e.hostId(), e.event(), sequence)
                .map(r -> r.withHostSequence(e.hostId(), e.sequence()));
    }

    private void deliver(HostEvent e) {
        map(e, sequence.get() + 1).ifPresent(r -> {
            sequence.incrementAndGet();
            for (Consumer<RedfishEvent> l : listeners) {
                try {
                    l.accept(r);
                } catch (RuntimeException ex) {
                    log.warn("redfish event listener failed on {}", r.registryMessageId(), ex);
                }
            }
        });
    }

    @Override
    public AutoCloseable subscribe(Consumer<RedfishEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Host events recorded after {@code lastEventId} ({@code "<hostId>.<sequence>"}), mapped as {@link #deliver}
     * maps them (unpublished ones skipped), at most {@code max} history records read; empty when the id is not of
     * that form or no longer retained.
     */
    @Override
    public Optional<List<RedfishEvent>> replayAfter(String lastEventId, int max) {
        int dot = lastEventId.lastIndexOf('.');
        if (history == null || dot < 1 || !lastEventId.substring(dot + 1).matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        String hostId = lastEventId.substring(0, dot);
        long seq = Long.parseLong(lastEventId.substring(dot + 1));
        return history.readAfter(hostId, seq, max).map(events -> {
            List<RedfishEvent> out = new ArrayList<>();
            for (HostEvent e : events) {
                map(e, 0).ifPresent(out::add);
            }
            return out;
        });
    }

    /** Events the stream dropped for Redfish because it fell behind. */
    long dropped() {
        return subscription.dropped();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
