package dev.bmcagent.core.ipmiport;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.core.sensor.SensorPoller;
import dev.bmcagent.core.sensor.SensorValue;
import dev.bmcagent.ipmi.command.sensor.SensorReading;
import dev.bmcagent.ipmi.command.sensor.SensorReadings;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sdr.SensorDefinition;
import dev.bmcagent.ipmi.sdr.SensorNumbers;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Get Sensor Reading from the sensor poller's latest values (never touches the bus): a threshold sensor's value
 * is linearised to its raw byte with the SDR's factors; gated, unpowered or not yet read → unavailable; a device
 * that does not answer → failed. The ACPI_STATUS discrete sensor reads the lifecycle's state (bit = SEL offset).
 * Sensors by SDR name; an SDR sensor the poller does not know reads unavailable.
 */
public final class PolledSensorReadings implements SensorReadings {
    private final SdrRepository sdr;
    private final SensorPoller poller;
    private final Supplier<HostState> state;

    public PolledSensorReadings(SdrRepository sdr, SensorPoller poller, Supplier<HostState> state) {
        this.sdr = Objects.requireNonNull(sdr, "sdr");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.state = Objects.requireNonNull(state, "state");
    }

    @Override
    public SensorReading read(int sensorNumber) {
        if (sensorNumber == SensorNumbers.ACPI_STATUS) {
            return SensorReading.discrete(1 << state.get().system().selOffset());
        }
        Optional<SensorDefinition> def = sdr.sensor(sensorNumber);
        if (def.isEmpty() || def.get().linearization() == null) {
            return def.isPresent() ? SensorReading.discrete(0) : SensorReading.unavailable();
        }
        SensorValue v = poller.latest(def.get().name()).orElse(null);
        if (v instanceof SensorValue.Available a) {
            return SensorReading.raw(def.get().linearization().toRaw(a.value()));
        }
        if (v instanceof SensorValue.Failed) {
            return SensorReading.failed();
        }
        return SensorReading.unavailable();
    }
}
