package dev.bmcagent.simulator.host;

/** How a boot ended (or where it stands). */
public enum BootOutcome {
    IN_PROGRESS,
    OS_RUNNING,
    /** Firmware hung in memory training (fault). */
    HUNG_MEMORY_TRAINING,
    /** Every boot option failed {@code maxBootRounds} times: "no bootable device". */
    NO_BOOT_DEVICE,
    /** Power loss or reset before the OS ran. */
    INTERRUPTED
}
