package dev.bmcagent.redfish.backend;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The stream of events the agent publishes. Listeners may be called from any thread and must not block. */
public interface RedfishEvents {

    /** Subscribes; closing the returned handle unsubscribes. */
    AutoCloseable subscribe(Consumer<RedfishEvent> listener);

    /**
     * The events published after the one whose {@link RedfishEvent#eventId()} is {@code lastEventId}, in the order
     * listeners received them, at most {@code max}, read from the durable history (SSE {@code Last-Event-ID}).
     * Empty when that event is not retained or unknown: the caller cannot tell what the client missed.
     */
    default Optional<List<RedfishEvent>> replayAfter(String lastEventId, int max) {
        return Optional.empty();
    }
}
