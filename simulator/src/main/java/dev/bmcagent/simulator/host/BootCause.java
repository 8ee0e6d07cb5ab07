package dev.bmcagent.simulator.host;

/** Why a boot started. */
public enum BootCause {
    /** Power applied (BMC power on, or the scenario's first power-on). */
    POWER_ON,
    /** The OS rebooted (warm reset, no ACPI report). */
    WARM_RESET,
    /** The BMC pulsed reset. */
    HARD_RESET,
    /** Power came back after a flap. */
    POWER_RESTORED,
    /** The OS panicked (NMI) and rebooted. */
    PANIC
}
