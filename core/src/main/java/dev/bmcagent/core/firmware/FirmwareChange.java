package dev.bmcagent.core.firmware;

import java.time.Instant;
import java.util.Objects;

/** One reported change of a host parameter: {@code from} is "" for the first report. */
public record FirmwareChange(String component, String from, String to, Instant at) {
    public FirmwareChange {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
