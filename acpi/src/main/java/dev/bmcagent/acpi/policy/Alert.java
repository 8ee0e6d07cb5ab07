package dev.bmcagent.acpi.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An active alert.
 *
 * @param kind    what kind of alert
 * @param detail  human-readable detail (e.g. the phase a host is stuck in)
 * @param phase   the phase concerned (e.g. "MemoryInitializationStarted"), empty when not phase-related
 * @param elapsed how long the condition has lasted when raised
 * @param raisedAt when raised
 */
public record Alert(AlertKind kind, String detail, String phase, Duration elapsed, Instant raisedAt) {
    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }

    public AlertSeverity severity() {
        return kind.severity();
    }
}
