package dev.bmcagent.acpi.policy;

/** Alerts a host can have active; each is raised once per episode and cleared once. */
public enum AlertKind {
    /** Host stuck before the OS (memory training, network boot, or total pre-OS time over threshold). */
    STUCK_PRE_OS,
    /** Fans in fail-safe because of a real failure in S0. */
    FAN_FAILSAFE,
    /** The declared boot order could not be made to stick after the allowed re-applies. */
    BOOT_ORDER
}
