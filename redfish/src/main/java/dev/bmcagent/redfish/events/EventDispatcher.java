package dev.bmcagent.redfish.events;

import dev.bmcagent.redfish.backend.RedfishEvent;
import dev.bmcagent.redfish.backend.RedfishEvents;
import io.vertx.core.Context;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events from the agent's stream (any thread), moves them onto the service's context and hands each to
 * every subscription that wants it. SSE {@code id:} values are the events' ids (see {@link RedfishEvent#eventId()}).
 */
public final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final Context context;
    private final SubscriptionStore store;
    private final SseStreams sse;
    private final PushDelivery push;
    private AutoCloseable subscription;

    public EventDispatcher(Context context, SubscriptionStore store, SseStreams sse, PushDelivery push) {
        this.context = Objects.requireNonNull(context, "context");
        this.store = Objects.requireNonNull(store, "store");
        this.sse = Objects.requireNonNull(sse, "sse");
        this.push = Objects.requireNonNull(push, "push");
    }

    public void start(RedfishEvents events) {
        subscription = events.subscribe(e -> context.runOnContext(v -> dispatch(e)));
    }

    public void stop() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("closing the event subscription failed", e);
            }
        }
    }

    /** Must run on the service's context. */
    void dispatch(RedfishEvent e) {
        for (EventDestination s : store.all()) {
            if (!s.wants(e)) {
                continue;
            }
            if (s.type() == SubscriptionType.SSE) {
                sse.send(s, e);
            } else {
                push.offer(s, e);
            }
        }
    }
}
