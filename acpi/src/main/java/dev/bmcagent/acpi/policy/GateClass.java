package dev.bmcagent.acpi.policy;

/** When a sensor may be read on the bus. The lifecycle opens and closes gates per class. */
public enum GateClass {
    /** Always readable (BMC-powered sensors: inlet, PSU). */
    ALWAYS,
    /** Readable only while the host is powered (CPU, NIC): unavailable, not failed, in S5. */
    HOST_ON,
    /**
     * Readable whenever power-good is on, in every ACPI state, POST included: BMC-read devices that the host's main
     * rail drives, such as fan tachometers (a fan stalled during a long POST must be seen). Unavailable when off.
     */
    POWER_GOOD,
    /** Never read while firmware initialises (DIMM SPD/temperature devices on the shared SMBus during S2_D2). */
    NOT_DURING_FIRMWARE_INIT
}
