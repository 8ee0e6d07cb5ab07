package dev.bmcagent.redfish.backend;

/** The BMC (Managers/bmc). */
public interface ManagerBackend {

    ManagerView manager();

    /** Queues a BMC reset (GracefulRestart or ForceRestart); returns false when the type is not supported. */
    boolean reset(ResetType type);
}
