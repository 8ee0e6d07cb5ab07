package dev.bmcagent.agent.redfishport;

import dev.bmcagent.ipmi.sel.SelEvents;
import dev.bmcagent.ipmi.sel.SystemEvent;
import dev.bmcagent.redfish.backend.Health;
import dev.bmcagent.redfish.backend.SelSensorType;
import java.util.List;
import java.util.Locale;

/**
 * Pure text of a SEL system event as a Redfish LogEntry shows it: SensorType from the Redfish
 * {@code LogEntry.SensorType} enumeration, and the message ipmitool prints for the offset (IPMI 2.0 table 42-3;
 * for 0Fh with event data 2 the extension code's text, as {@code ipmitool sel elist} does).
 */
final class SelText {
    private static final List<String> ACPI = List.of(
            "S0/G0: working",
            "S1: sleeping with system h/w & processor context maintained",
            "S2: sleeping, processor context lost",
            "S3: sleeping, processor & h/w context lost, memory retained",
            "S4: non-volatile sleep/suspend-to-disk",
            "S5/G2: soft-off",
            "S4/S5: soft-off",
            "G3: mechanical off",
            "Sleeping in S1/S2/S3 state",
            "G1: sleeping",
            "S5: entered by override",
            "Legacy ON state",
            "Legacy OFF state",
            "",
            "Unknown");
    private static final List<String> RESTART = List.of(
            "Initiated by power up",
            "Initiated by hard reset",
            "Initiated by warm reset",
            "User requested PXE boot",
            "Automatic boot to diagnostic",
            "OS/run-time software initiated hard reset",
            "OS/run-time software initiated warm reset",
            "System Restart");
    private static final List<String> FW_PROGRESS = List.of(
            "Unspecified",
            "Memory initialization",
            "Hard-disk initialization",
            "Secondary CPU Initialization",
            "User authentication",
            "User-initiated system setup",
            "USB resource configuration",
            "PCI resource configuration",
            "Option ROM initialization",
            "Video initialization",
            "Cache initialization",
            "SM Bus initialization",
            "Keyboard controller initialization",
            "Embedded controller/management controller initialization",
            "Docking station attachment",
            "Enabling docking station",
            "Docking station ejection",
            "Disabling docking station",
            "Calling operating system wake-up vector",
            "System boot initiated",
            "Motherboard initialization",
            "reserved",
            "Floppy initialization",
            "Keyboard test",
            "Pointing device test",
            "Primary CPU initialization");
    private static final List<String> FW =
            List.of("System Firmware Error", "System Firmware Hang", "System Firmware Progress");
    private static final List<String> BOOT_ERROR = List.of(
            "No bootable media",
            "Non-bootable disk in drive",
            "PXE server not found",
            "Invalid boot sector",
            "Timeout waiting for selection");
    private static final List<String> OS_BOOT = List.of(
            "A: boot completed",
            "C: boot completed",
            "PXE boot completed",
            "Diagnostic boot completed",
            "CD-ROM boot completed",
            "ROM boot completed",
            "boot completed - device not specified");
    private static final List<String> THRESHOLD = List.of(
            "Lower Non-critical going low",
            "Lower Non-critical going high",
            "Lower Critical going low",
            "Lower Critical going high",
            "Lower Non-recoverable going low",
            "Lower Non-recoverable going high",
            "Upper Non-critical going low",
            "Upper Non-critical going high",
            "Upper Critical going low",
            "Upper Critical going high",
            "Upper Non-recoverable going low",
            "Upper Non-recoverable going high");

    private SelText() {}

    /** Redfish LogEntry.SensorType for an IPMI sensor type. */
    static String sensorType(int type) {
        return SelSensorType.of(type);
    }

    /**
     * Redfish LogEntry.EntryCode: IPMI table 42-1 names the threshold offsets, Redfish spells them
     * "Upper Critical - going high"; sensor-specific events are Assert or Deassert (table 42-2).
     */
    static String entryCode(SystemEvent e) {
        if (e.deassertion()) {
            return "Deassert";
        }
        String threshold = e.eventType() == SystemEvent.EVENT_TYPE_THRESHOLD ? pick(THRESHOLD, e.offset()) : "";
        return threshold.isEmpty() ? "Assert" : threshold.replace(" going ", " - going ");
    }

    static String message(SystemEvent e) {
        int offset = e.offset();
        String text = switch (e.sensorType()) {
            case SelEvents.TYPE_ACPI_POWER_STATE -> pick(ACPI, offset);
            case SelEvents.TYPE_SYSTEM_RESTART -> pick(RESTART, offset);
            case SelEvents.TYPE_SYSTEM_FIRMWARE ->
                offset == SelEvents.FW_PROGRESS && extension(e) ? pick(FW_PROGRESS, e.data2()) : pick(FW, offset);
            case SelEvents.TYPE_BOOT_ERROR -> bootError(e);
            case SelEvents.TYPE_OS_BOOT -> pick(OS_BOOT, offset);
            default -> e.eventType() == SystemEvent.EVENT_TYPE_THRESHOLD ? pick(THRESHOLD, offset) : "";
        };
        if (text.isEmpty()) {
            return String.format(Locale.ROOT, "Sensor type 0x%02X offset 0x%02X", e.sensorType(), offset);
        }
        return inferred(e) ? text + " (inferred by the BMC, not reported by the host)" : text;
    }

    /**
     * Whether {@code e} is an ACPI state the BMC inferred: sensor type 22h with event data 3 flagged as an OEM code
     * (event data 1 bits 5:4 = 10b) holding {@code SelEvents.ACPI_INFERRED_BY_BMC} (docs/HOST-INTERFACE.md).
     */
    static boolean inferred(SystemEvent e) {
        return e.sensorType() == SelEvents.TYPE_ACPI_POWER_STATE
                && (e.data1() & 0x30) == 0x20
                && e.data3() == dev.bmcagent.acpi.lifecycle.LifecycleSelEvents.ACPI_INFERRED_BY_BMC;
    }

    static Health severity(SystemEvent e) {
        int offset = e.offset();
        if (e.eventType() == SystemEvent.EVENT_TYPE_THRESHOLD) {
            boolean nonCritical = offset <= 0x01 || offset == 0x06 || offset == 0x07;
            return e.deassertion() ? Health.OK : nonCritical ? Health.Warning : Health.Critical;
        }
        return switch (e.sensorType()) {
            case SelEvents.TYPE_SYSTEM_FIRMWARE -> offset == SelEvents.FW_PROGRESS ? Health.OK : Health.Critical;
            case SelEvents.TYPE_BOOT_ERROR -> Health.Warning;
            default -> Health.OK;
        };
    }

    /**
     * A network boot error with the host's interface encoding names the protocol and interface
     * ("HTTP(S) boot server not found (NIC0 HTTP(S) IPv4)"); otherwise the IPMI offset name.
     */
    private static String bootError(SystemEvent e) {
        var iface = dev.bmcagent.acpi.lifecycle.BootInterface.decode(e.data1(), e.data2(), e.data3());
        if (iface.isPresent() && e.offset() == SelEvents.BOOT_ERROR_PXE_SERVER_NOT_FOUND) {
            return dev.bmcagent.acpi.lifecycle.BootInterface.failure(
                            dev.bmcagent.acpi.lifecycle.LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND, iface)
                    + " (" + iface.get().describe() + ")";
        }
        return pick(BOOT_ERROR, e.offset());
    }

    private static boolean extension(SystemEvent e) {
        return (e.data1() & 0xC0) == 0xC0;
    }

    private static String pick(List<String> table, int index) {
        return index >= 0 && index < table.size() ? table.get(index) : "";
    }
}
