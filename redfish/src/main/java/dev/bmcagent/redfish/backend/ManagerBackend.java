package dev.bmcagent.redfish.backend;

/** The BMC (Managers/bmc). */
public interface ManagerBackend {

    ManagerView manager();

    /**
     * What keeps the BMC from storing its logs and state (e.g. "events.journal: No space left on device"); empty when
     * storage is fine. Non-empty makes the Manager's {@code Status.Health} Critical with one condition per line.
     */
    default java.util.List<String> storageProblems() {
        return java.util.List.of();
    }

    /** Queues a BMC reset (GracefulRestart or ForceRestart); returns false when the type is not supported. */
    boolean reset(ResetType type);
}
