package dev.bmcagent.core.event;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A lifecycle event as recorded by the agent: which host, its place in that host's history, and when.
 *
 * @param hostId       the host, e.g. "host0"
 * @param sequence     per-host sequence number: 1, 2, 3... gap-free, continued across agent restarts
 * @param sessionId    the agent run that recorded it (changes on every start)
 * @param at           wall-clock time (from the injected clock) when the agent recorded it
 * @param elapsedNanos monotonic nanoseconds since this agent run started (orders events within a session)
 * @param event        what happened ({@link LifecycleEvent#at()} is when the lifecycle saw it)
 */
public record HostEvent(
        String hostId, long sequence, String sessionId, Instant at, long elapsedNanos, LifecycleEvent event) {
    public HostEvent {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        if (hostId.isBlank()) {
            throw new IllegalArgumentException("hostId is blank");
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1: " + sequence);
        }
        if (elapsedNanos < 0) {
            throw new IllegalArgumentException("elapsedNanos < 0: " + elapsedNanos);
        }
    }
}
