package dev.bmcagent.ipmi.command.chassis;

/** Port to one host's power and reset (the agent implements it over its host interface). */
public interface HostControl {
    /** Outcome of a power control request. */
    enum Result {
        /** Accepted (the action may complete asynchronously). */
        DONE,
        /** This host cannot do it (answered CCh). */
        NOT_SUPPORTED,
        /** Not possible now, e.g. power cycle while off (answered D5h). */
        NOT_IN_PRESENT_STATE
    }

    ChassisStatus chassisStatus();

    Result powerControl(ChassisAction action);

    /** Why the host last (re)started. */
    RestartCause restartCause();

    /** Channel on which the restart-causing command arrived (§28.11 byte 2); 0 if not via a command. */
    int restartChannel();

    /**
     * Chassis Identify (§28.5): light the identify indicator for {@code seconds} (0 turns it off), or until turned
     * off when {@code force}. Returns false when this host has no identify indicator (answered C1h).
     */
    default boolean identify(int seconds, boolean force) {
        return false;
    }
}
