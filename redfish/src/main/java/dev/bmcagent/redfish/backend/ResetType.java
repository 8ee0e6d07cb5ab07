package dev.bmcagent.redfish.backend;

/** Redfish {@code Resource.ResetType} values this service offers. */
public enum ResetType {
    On,
    ForceOff,
    GracefulShutdown,
    ForceRestart,
    GracefulRestart,
    PowerCycle,
    Nmi
}
