package dev.bmcagent.redfish.chassis;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Redfish {@code PhysicalContext} of a sensor, from its name (the agent's SDR names: CPU_TEMP, INLET_TEMP,
 * DIMM_TEMP_0, NIC_TEMP_0, BOARD_TEMP, SYS_FAN1...). Pure; the first matching prefix wins.
 */
public final class PhysicalContext {

    private static final List<Map.Entry<String, String>> BY_PREFIX = List.of(
            Map.entry("CPU", "CPU"),
            Map.entry("INLET", "Intake"),
            Map.entry("INTAKE", "Intake"),
            Map.entry("EXHAUST", "Exhaust"),
            Map.entry("OUTLET", "Exhaust"),
            Map.entry("DIMM", "Memory"),
            Map.entry("MEM", "Memory"),
            Map.entry("NIC", "NetworkingDevice"),
            Map.entry("PSU", "PowerSupply"),
            Map.entry("BOARD", "SystemBoard"),
            Map.entry("SYS_FAN", "Fan"),
            Map.entry("FAN", "Fan"));

    private PhysicalContext() {}

    /** e.g. "CPU_TEMP" gives "CPU", "INLET_TEMP" "Intake", "BOARD_TEMP" "SystemBoard"; unknown names "Chassis". */
    public static String of(String sensorName) {
        String upper = sensorName.toUpperCase(Locale.ROOT);
        for (Map.Entry<String, String> e : BY_PREFIX) {
            if (upper.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "Chassis";
    }
}
