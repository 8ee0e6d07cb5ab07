package dev.bmcagent.acpi.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Redfish BootProgress as the lifecycle keeps it.
 *
 * @param lastState           the last boot progress state
 * @param oemLastState        when lastState is OEM: the code that caused it (e.g. "EFI 0x03041000", "POST 0x60")
 * @param lastStateTime       when lastState last changed
 * @param lastBootTimeSeconds power-on (or warm reset) to OSRunning of the last completed boot, if any
 */
public record BootProgress(
        BootProgressState lastState,
        Optional<String> oemLastState,
        Instant lastStateTime,
        Optional<Duration> lastBootTimeSeconds) {
    public BootProgress {
        Objects.requireNonNull(lastState, "lastState");
        Objects.requireNonNull(oemLastState, "oemLastState");
        Objects.requireNonNull(lastStateTime, "lastStateTime");
        Objects.requireNonNull(lastBootTimeSeconds, "lastBootTimeSeconds");
        if (lastState == BootProgressState.OEM && oemLastState.isEmpty()) {
            throw new IllegalArgumentException("OEM boot progress must name its code");
        }
    }

    public static BootProgress none(Instant at) {
        return new BootProgress(BootProgressState.None, Optional.empty(), at, Optional.empty());
    }
}
