package dev.bmcagent.redfish.backend;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Instant;
import java.util.Objects;

/**
 * The host's ACPI power state as the lifecycle last knew it (shown under {@code Oem.BmcAgent}).
 *
 * @param system     system state
 * @param device     device state
 * @param lastChange when it last changed
 * @param inferred   true when the BMC concluded it (e.g. S5 on power-good loss) rather than the host saying so
 */
public record AcpiView(AcpiSystemState system, AcpiDeviceState device, Instant lastChange, boolean inferred) {
    public AcpiView {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(lastChange, "lastChange");
    }
}
