package dev.bmcagent.redfish.backend;

import dev.bmcagent.acpi.policy.FanMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One chassis (one per host here).
 *
 * @param id         URI-safe id
 * @param name       display name
 * @param powerState chassis power
 * @param systemId   the ComputerSystem in this chassis, if any
 * @param sensors    sensors
 * @param fans       fans
 * @param fanMode    the fan controller's mode for this chassis (shown under ThermalSubsystem Oem)
 */
public record ChassisView(
        String id,
        String name,
        PowerState powerState,
        Optional<String> systemId,
        List<SensorView> sensors,
        List<FanView> fans,
        FanMode fanMode) {
    public ChassisView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(powerState, "powerState");
        Objects.requireNonNull(systemId, "systemId");
        sensors = List.copyOf(sensors);
        fans = List.copyOf(fans);
        Objects.requireNonNull(fanMode, "fanMode");
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("chassis id must be a URI-safe id: " + id);
        }
    }
}
