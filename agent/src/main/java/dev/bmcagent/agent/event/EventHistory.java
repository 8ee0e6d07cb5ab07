package dev.bmcagent.agent.event;

import java.util.List;

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

    /** The last recorded sequence number of {@code hostId}, 0 when the host has none. */
    long lastSequence(String hostId);
}
