package dev.bmcagent.redfish.backend;

/** Redfish {@code ComputerSystem.BootSourceOverrideEnabled}. */
public enum BootOverrideEnabled {
    Disabled,
    Once,
    Continuous
}
