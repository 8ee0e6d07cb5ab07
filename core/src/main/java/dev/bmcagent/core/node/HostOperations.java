package dev.bmcagent.core.node;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.core.host.IdentifyLed;
import dev.bmcagent.ipmi.command.chassis.BootOptionsStore;
import dev.bmcagent.ipmi.sel.SelStore;

/**
 * A host's role towards an operator's interface (Redfish; the launcher's SEL prefill): what is changed outside the
 * lifecycle (the identify LED, the system boot options, the SEL's records) and which power actions the host's power
 * backend offers. Power actions themselves are lifecycle inputs ({@link HostInputs#submit}). {@link HostNode} is the
 * implementation.
 */
public interface HostOperations {
    int index();

    String hostId();

    /** The identify LED (Redfish IndicatorLED; IPMI Chassis Identify drives the same one). */
    IdentifyLed identifyLed();

    /** The host's system boot options (boot flags, boot initiator mailbox). */
    BootOptionsStore bootOptions();

    /** The host's SEL (Redfish's LogService reads and clears it). */
    SelStore sel();

    /** Whether the host's power backend can carry out {@code action} (see {@code HostPowerPort#available}). */
    boolean powerAvailable(PowerAction action);
}
