package dev.bmcagent.core.host;

import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;

/**
 * Acts on one host's power ({@code Effect.HostPowerAction}). The host interface implements it (VM protocol
 * power-off/reset/NMI ops, the configured start command for power-on; in-process for the simulator).
 * Returns once the action was handed to the host; throws on failure. The result shows up later as inputs
 * (power-good, reset), not as a return value.
 */
@FunctionalInterface
public interface HostPowerPort {

    void perform(PowerAction action);

    /**
     * Whether {@code action} can work now (a backend is configured for it, or the connected host can do it). IPMI
     * answers D5h and Redfish refuses and does not advertise what is not available. All by default.
     */
    default boolean available(PowerAction action) {
        return true;
    }

    /**
     * A reboot the agent decided on its own (boot-order re-apply; not an operator's command). Default: performs it
     * at once. {@code dev.bmcagent.core.reboot.PermitGatedPowerPort} asks for a reboot permit first.
     */
    default void performOwnReboot(PowerAction action, String reason) {
        perform(action);
    }
}
