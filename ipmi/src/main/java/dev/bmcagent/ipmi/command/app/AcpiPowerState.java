package dev.bmcagent.ipmi.command.app;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.util.Objects;

/** The host's current ACPI system and device power states. */
public record AcpiPowerState(AcpiSystemState system, AcpiDeviceState device) {
    public AcpiPowerState {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(device, "device");
    }
}
