package dev.bmcagent.acpi.progress;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A progress code translated: the Redfish state it means, the OemLastState when that state is OEM, the IPMI
 * System Firmware Progress event data 2 it corresponds to (for the SEL record), and a detail naming the raw code.
 *
 * @param kind         progress, or an EFI error/debug code (which does not move the timeline)
 * @param state        Redfish LastState; never {@link BootProgressState#None}
 * @param oemLastState present exactly when {@code state} is OEM: names the code (e.g. "POST 0x42")
 * @param eventData2   IPMI 0Fh offset 02h event data 2, when there is one
 * @param detail       the raw code, e.g. "EFI 0x03021000", "IPMI FW progress 0x01", "POST 0x1D"
 */
public record Translation(
        Kind kind, BootProgressState state, Optional<String> oemLastState, OptionalInt eventData2, String detail) {

    public enum Kind {
        PROGRESS,
        ERROR,
        DEBUG
    }

    public Translation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(oemLastState, "oemLastState");
        Objects.requireNonNull(eventData2, "eventData2");
        Objects.requireNonNull(detail, "detail");
        if (state == BootProgressState.None) {
            throw new IllegalArgumentException("nothing translates to a silent None");
        }
        if ((state == BootProgressState.OEM) != oemLastState.isPresent()) {
            throw new IllegalArgumentException("OemLastState present exactly for OEM");
        }
    }

    static Translation of(BootProgressState state, OptionalInt eventData2, String detail) {
        return new Translation(
                Kind.PROGRESS,
                state,
                state == BootProgressState.OEM ? Optional.of(detail) : Optional.empty(),
                eventData2,
                detail);
    }

    static Translation oem(Kind kind, OptionalInt eventData2, String detail) {
        return new Translation(kind, BootProgressState.OEM, Optional.of(detail), eventData2, detail);
    }
}
