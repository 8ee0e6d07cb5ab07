package dev.bmcagent.redfish.backend;

/** Redfish {@code Resource.Health}. */
public enum Health {
    OK,
    Warning,
    Critical
}
