package dev.bmcagent.redfish.backend;

/** Redfish {@code LogEntry.LogEntryType}. */
public enum LogEntryType {
    Event,
    SEL,
    Oem
}
