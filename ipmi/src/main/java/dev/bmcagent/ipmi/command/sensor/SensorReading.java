package dev.bmcagent.ipmi.command.sensor;

import java.util.Objects;

/**
 * One sensor's current reading as the agent's sensor bus knows it.
 *
 * @param status        whether the value is real
 * @param raw           raw reading byte (meaningful for threshold sensors when OK)
 * @param discreteState discrete sensors: asserted offsets, bit n = offset n (bits 14:0)
 */
public record SensorReading(Status status, int raw, int discreteState) {
    /** Reading state. */
    public enum Status {
        /** A real reading. */
        OK,
        /** Not read on purpose: gated (e.g. DIMM SMBus during S2_D2) or the device is unpowered. */
        UNAVAILABLE,
        /** The device did not answer although it should. */
        FAILED
    }

    public SensorReading {
        Objects.requireNonNull(status, "status");
        if (raw < 0 || raw > 0xFF || discreteState < 0 || discreteState > 0x7FFF) {
            throw new IllegalArgumentException("raw 0-255, discrete state 15 bits");
        }
    }

    public static SensorReading raw(int raw) {
        return new SensorReading(Status.OK, raw, 0);
    }

    public static SensorReading discrete(int state) {
        return new SensorReading(Status.OK, 0, state);
    }

    public static SensorReading unavailable() {
        return new SensorReading(Status.UNAVAILABLE, 0, 0);
    }

    public static SensorReading failed() {
        return new SensorReading(Status.FAILED, 0, 0);
    }

    public boolean isReal() {
        return status == Status.OK;
    }
}
