package dev.bmcagent.ipmi.command.app;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.util.Optional;

/** Port to the host lifecycle for Set/Get ACPI Power State (one instance per host; the agent implements it). */
public interface AcpiStatePort {
    AcpiPowerState current();

    /**
     * The host reported a state over its system interface (Set ACPI Power State). Empty means "no change"
     * for that part; at least one is present.
     */
    void reportFromHost(Optional<AcpiSystemState> system, Optional<AcpiDeviceState> device);
}
