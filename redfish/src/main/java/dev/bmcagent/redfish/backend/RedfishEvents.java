package dev.bmcagent.redfish.backend;

import java.util.function.Consumer;

/** The stream of events the agent publishes. Listeners may be called from any thread and must not block. */
public interface RedfishEvents {

    /** Subscribes; closing the returned handle unsubscribes. */
    AutoCloseable subscribe(Consumer<RedfishEvent> listener);
}
