package dev.bmcagent.redfish.backend;

/** Redfish {@code Resource.Health} used as MessageSeverity. */
public enum EventSeverity {
    OK,
    Warning,
    Critical
}
