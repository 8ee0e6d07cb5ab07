package dev.bmcagent.core.node;

import dev.bmcagent.core.fan.FanController;
import dev.bmcagent.core.host.HostPowerPort;
import dev.bmcagent.core.sensor.SensorBus;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.ipmi.sdr.SensorDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One host's sensor and fan hardware as the runtime sees it.
 *
 * @param sensors the sensors to poll
 * @param bus     where they are read
 * @param fans    the fan zone
 * @param power   power actions of its own instead of the host link's; empty: the link's
 * @param sdr     the SDR sensors this hardware defines (numbers, thresholds; used from host0, the SDR is shared);
 *                empty: the standard set
 */
public record HostHardware(
        List<SensorSpec> sensors,
        SensorBus bus,
        FanController fans,
        Optional<HostPowerPort> power,
        List<SensorDefinition> sdr) {
    public HostHardware {
        sensors = List.copyOf(sensors);
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(fans, "fans");
        Objects.requireNonNull(power, "power");
        sdr = List.copyOf(sdr);
    }

    /** With the standard SDR. */
    public HostHardware(List<SensorSpec> sensors, SensorBus bus, FanController fans, Optional<HostPowerPort> power) {
        this(sensors, bus, fans, power, List.of());
    }

    /** Sensors and fans; power actions go over the host link. */
    public HostHardware(List<SensorSpec> sensors, SensorBus bus, FanController fans) {
        this(sensors, bus, fans, Optional.empty());
    }

    /**
     * No sensor or fan hardware configured: no sensors (the bus is never read) and a fan zone whose duty is only
     * logged by the fan loop's own logging. What the agent runs with until hwmon configuration exists.
     */
    public static HostHardware none() {
        return new HostHardware(
                List.of(),
                sensor -> {
                    throw new IllegalStateException("no sensors configured: " + sensor.name());
                },
                (zone, percent) -> {});
    }
}
