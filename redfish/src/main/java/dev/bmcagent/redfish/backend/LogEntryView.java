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
 * @param messageId    LogEntry MessageId; for SEL entries "0xNNaabbcc" (LogEntry schema: NN the Event Dir/Type
 *                     byte, aa/bb/cc Event Data 1-3 of the record), for OEM records their first four content bytes
 * @param inferred     the record states what the BMC inferred rather than what the host reported (an ACPI state
 *                     with event data 3 = 01h as an OEM code): {@code Oem.BmcAgent.Inferred} true
 */
public record LogEntryView(
        String id,
        Instant created,
        LogEntryType entryType,
        String sensorType,
        int sensorNumber,
        String entryCode,
        String message,
        Health severity,
        String messageId,
        boolean inferred) {
    private static final java.util.regex.Pattern SEL_MESSAGE_ID = java.util.regex.Pattern.compile("0x[0-9A-F]{8}");

    /** The MessageId of a SEL event: Event Dir/Type byte then Event Data 1, 2, 3 (LogEntry.MessageId, SEL form). */
    public static String selMessageId(int eventDirType, int data1, int data2, int data3) {
        return String.format(
                java.util.Locale.ROOT,
                "0x%02X%02X%02X%02X",
                eventDirType & 0xFF,
                data1 & 0xFF,
                data2 & 0xFF,
                data3 & 0xFF);
    }

    /** A record of what was reported, not inferred. */
    public LogEntryView(
            String id,
            Instant created,
            LogEntryType entryType,
            String sensorType,
            int sensorNumber,
            String entryCode,
            String message,
            Health severity,
            String messageId) {
        this(id, created, entryType, sensorType, sensorNumber, entryCode, message, severity, messageId, false);
    }

    public LogEntryView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(entryType, "entryType");
        Objects.requireNonNull(sensorType, "sensorType");
        Objects.requireNonNull(entryCode, "entryCode");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        if (!SEL_MESSAGE_ID
                .matcher(Objects.requireNonNull(messageId, "messageId"))
                .matches()) {
            throw new IllegalArgumentException("SEL MessageId must be 0xNNaabbcc: " + messageId);
        }
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
