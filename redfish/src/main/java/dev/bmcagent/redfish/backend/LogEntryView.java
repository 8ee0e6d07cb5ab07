package dev.bmcagent.redfish.backend;

import java.time.Instant;
import java.util.Objects;

/**
 * One SEL record as a Redfish LogEntry.
 *
 * @param id           the SEL record id (decimal, URI-safe)
 * @param created      the record's timestamp
 * @param entryType    SEL
 * @param sensorType   Redfish LogEntry SensorType, e.g. "System ACPI PowerState" (see {@link SelSensorType})
 * @param sensorNumber the IPMI sensor number
 * @param entryCode    Redfish EntryCode text, e.g. "Assert"
 * @param message      human text, e.g. "S5/G2: soft-off"
 * @param severity     OK, Warning or Critical
 */
public record LogEntryView(String id, Instant created, LogEntryType entryType, String sensorType, int sensorNumber,
                           String entryCode, String message, Health severity) {
    public LogEntryView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(entryType, "entryType");
        Objects.requireNonNull(sensorType, "sensorType");
        Objects.requireNonNull(entryCode, "entryCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("log entry id must be URI-safe: " + id);
        }
        if (!SelSensorType.isRedfishName(sensorType)) {
            throw new IllegalArgumentException("not a Redfish LogEntry SensorType: " + sensorType);
        }
        if (sensorNumber < 0 || sensorNumber > 0xFF) {
            throw new IllegalArgumentException("sensor number out of range: " + sensorNumber);
        }
    }
}
