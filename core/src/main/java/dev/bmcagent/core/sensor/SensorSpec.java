package dev.bmcagent.core.sensor;

import dev.bmcagent.acpi.policy.GateClass;
import java.util.Objects;

/**
 * A configured sensor of one host.
 *
 * @param name    IPMI/Redfish name, e.g. CPU_TEMP, DIMM_TEMP_A0, SYS_FAN1, CPU_POWER
 * @param kind    what it measures
 * @param address where it lives on the bus: a hwmon file path relative to the hwmon root
 *                (e.g. "hwmon0/temp1_input") or an SMBus address (e.g. "smbus:0x18")
 * @param gate    when it may be read
 */
public record SensorSpec(String name, SensorKind kind, String address, GateClass gate) {
    public SensorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(gate, "gate");
        if (name.isBlank()) {
            throw new IllegalArgumentException("sensor name is blank");
        }
    }
}
