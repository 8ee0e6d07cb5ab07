package dev.bmcagent.redfish.backend;

/** Redfish {@code ComputerSystem.BootSourceOverrideMode}. */
public enum BootOverrideMode {
    Legacy,
    UEFI
}
