package dev.bmcagent.core.event;

import java.util.List;
import java.util.Optional;

/**
 * The durable record of every host's events: the outbox that MQTT and Redfish catch up from.
 * Implementations: {@link InMemoryEventHistory}; the journal-backed one lives in the store.
 * All methods are thread-safe; appends for one host arrive in sequence order, one at a time.
 */
public interface EventHistory {

    /**
     * Appends one event and returns only once it is durable. Throws (any runtime exception) when it could not
     * be made durable: the caller must then treat the event as not recorded.
     */
    void append(HostEvent event);

    /** Events of {@code hostId} with sequence &gt;= {@code fromSequence}, in order, at most {@code max}. */
    List<HostEvent> read(String hostId, long fromSequence, int max);

    /**
     * Events of every host recorded after event {@code sequence} of {@code hostId}, in recording order (the order
     * the {@link EventStream} delivered them), at most {@code max}. Empty when that event is not retained (older
     * than retention, or unknown) or the history keeps no order across hosts: the caller cannot resume from it.
     */
    default Optional<List<HostEvent>> readAfter(String hostId, long sequence, int max) {
        return Optional.empty();
    }

    /** The last recorded sequence number of {@code hostId}, 0 when the host has none. */
    long lastSequence(String hostId);
}
