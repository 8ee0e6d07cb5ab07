package dev.bmcagent.agent.redfish;

import dev.bmcagent.agent.event.EventStream;
import dev.bmcagent.agent.event.HostEvent;
import dev.bmcagent.agent.event.Subscription;
import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.backend.RedfishEvents;
import dev.bmcagent.redfish.events.LifecycleEventMapper;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's {@link EventStream} as Redfish events: one stream subscription ("redfish"), each recorded host event
 * mapped with {@link LifecycleEventMapper} (events it does not publish are skipped), numbered 1, 2, 3... over the
 * service's lifetime and handed to every listener in order, on the stream's delivery executor.
 */
final class StreamEvents implements RedfishEvents, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamEvents.class);

    private final List<Consumer<RedfishEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Subscription subscription;

    StreamEvents(EventStream stream) {
        this.subscription = stream.subscribe("redfish", this::deliver);
    }

    private void deliver(HostEvent e) {
        LifecycleEventMapper.map(e.hostId(), e.event(), sequence.get() + 1).ifPresent(r -> {
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

    /** Events the stream dropped for Redfish because it fell behind. */
    long dropped() {
        return subscription.dropped();
    }

    @Override
    public void close() {
        subscription.close();
    }
}
