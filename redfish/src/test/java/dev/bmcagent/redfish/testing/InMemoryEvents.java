package dev.bmcagent.redfish.testing;

import dev.bmcagent.redfish.backend.EventSeverity;
import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.backend.RedfishEvents;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** The agent's event stream, driven by the test. */
public final class InMemoryEvents implements RedfishEvents {
    private final List<Consumer<RedfishEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong(1);
    private final Clock clock;

    public InMemoryEvents(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AutoCloseable subscribe(Consumer<RedfishEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int listenerCount() {
        return listeners.size();
    }

    public RedfishEvent publish(String messageId, List<String> args, String origin, EventSeverity severity) {
        RedfishEvent e =
                new RedfishEvent(messageId, args, origin, severity, clock.instant(), sequence.getAndIncrement());
        listeners.forEach(l -> l.accept(e));
        return e;
    }
}
