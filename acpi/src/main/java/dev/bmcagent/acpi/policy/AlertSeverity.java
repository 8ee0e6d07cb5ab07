package dev.bmcagent.acpi.policy;

/** How bad an active alert is, in Redfish {@code Resource.Health} terms (an active alert is never OK). */
public enum AlertSeverity {
    Warning,
    Critical
}
