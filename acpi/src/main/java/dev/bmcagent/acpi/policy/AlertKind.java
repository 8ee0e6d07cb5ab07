package dev.bmcagent.acpi.policy;

/**
 * Alerts a host can have active; each is raised once per episode, may be updated while active, and is cleared once
 * its condition ends. The severity is the Redfish {@code Status.Health} the host's ComputerSystem (or Chassis, for
 * fans) shows while the alert is active, and the severity of its events.
 */
public enum AlertKind {
    /**
     * Host stuck before the OS (memory training, network boot, or total pre-OS time over threshold). Cleared only
     * when the host reaches the OS or powers off; a phase change while stuck updates it.
     */
    STUCK_PRE_OS(AlertSeverity.Warning),
    /** Fans in fail-safe because of a real failure in S0. */
    FAN_FAILSAFE(AlertSeverity.Critical),
    /** A fan reads 0 RPM while commanded to spin, in any power state (shown on the Chassis). */
    FAN_STALL(AlertSeverity.Critical),
    /** The declared boot order could not be made to stick after the allowed re-applies. */
    BOOT_ORDER(AlertSeverity.Critical),
    /** One boot lost more than the limit to dead network-boot interfaces; cleared by a boot that does not. */
    SLOW_BOOT(AlertSeverity.Warning),
    /** The host's memory report shows fewer DIMMs than its last good boot; cleared when they are back. */
    MISSING_MEMORY(AlertSeverity.Critical);

    private final AlertSeverity severity;

    AlertKind(AlertSeverity severity) {
        this.severity = severity;
    }

    public AlertSeverity severity() {
        return severity;
    }
}
