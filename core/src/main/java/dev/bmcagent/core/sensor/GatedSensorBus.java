package dev.bmcagent.core.sensor;

import java.util.Objects;
import java.util.Optional;

/** A {@link SensorBus} behind a {@link SensorGate}: a sensor whose class is closed is not read at all. */
public final class GatedSensorBus {
    private final SensorBus bus;
    private final SensorGate gate;

    public GatedSensorBus(SensorBus bus, SensorGate gate) {
        this.bus = Objects.requireNonNull(bus, "bus");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** The reading, or empty when the sensor's gate class is closed (no read was issued on the bus). */
    public Optional<Reading> read(SensorSpec sensor) {
        return gate.whileOpen(sensor.gate(), () -> bus.read(sensor));
    }

    public SensorGate gate() {
        return gate;
    }
}
