package dev.bmcagent.redfish.backend;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Redfish {@code LogEntry.SensorType} of a SEL entry, from its IPMI sensor type (IPMI 2.0 table 42-3). Redfish
 * spells these its own way ("SystemBoot/Restart", "System ACPI PowerState", "ChipSet"), not as IPMI prints them;
 * both IPMI watchdog types are "Watchdog", and every type outside 01h..2Ch is "OEM".
 */
public final class SelSensorType {

    /** Index i is the Redfish name of IPMI sensor type i + 1 (01h..2Ch). */
    private static final List<String> BY_IPMI_TYPE = List.of(
            "Temperature",
            "Voltage",
            "Current",
            "Fan", // 01h-04h
            "Physical Chassis Security",
            "Platform Security Violation Attempt",
            "Processor", // 05h-07h
            "Power Supply / Converter",
            "PowerUnit",
            "CoolingDevice",
            "Other Units-based Sensor", // 08h-0Bh
            "Memory",
            "Drive Slot/Bay",
            "POST Memory Resize",
            "System Firmware Progress", // 0Ch-0Fh
            "Event Logging Disabled",
            "Watchdog",
            "System Event",
            "Critical Interrupt", // 10h-13h
            "Button/Switch",
            "Module/Board",
            "Microcontroller/Coprocessor",
            "Add-in Card", // 14h-17h
            "Chassis",
            "ChipSet",
            "Other FRU",
            "Cable/Interconnect",
            "Terminator", // 18h-1Ch
            "SystemBoot/Restart",
            "Boot Error",
            "BaseOSBoot/InstallationStatus", // 1Dh-1Fh
            "OS Stop/Shutdown",
            "Slot/Connector",
            "System ACPI PowerState",
            "Watchdog", // 20h-23h
            "Platform Alert",
            "Entity Presence",
            "Monitor ASIC/IC",
            "LAN", // 24h-27h
            "Management Subsystem Health",
            "Battery",
            "Session Audit",
            "Version Change", // 28h-2Bh
            "FRUState"); // 2Ch

    /** Redfish's value for sensor types it does not name. */
    public static final String OEM = "OEM";

    private static final Set<String> NAMES = names();

    private SelSensorType() {}

    /** The Redfish SensorType for an IPMI sensor type byte. */
    public static String of(int ipmiSensorType) {
        return ipmiSensorType >= 0x01 && ipmiSensorType <= BY_IPMI_TYPE.size()
                ? BY_IPMI_TYPE.get(ipmiSensorType - 1)
                : OEM;
    }

    /** Whether {@code name} is a value of the Redfish LogEntry SensorType enumeration. */
    public static boolean isRedfishName(String name) {
        return NAMES.contains(name);
    }

    private static Set<String> names() {
        Set<String> s = new HashSet<>(BY_IPMI_TYPE);
        s.add(OEM);
        return Set.copyOf(s);
    }
}
