package dev.bmcagent.core.sensor;

import java.time.Instant;
import java.util.Objects;

/** The latest known state of one sensor, as IPMI Get Sensor Reading and Redfish report it. */
public sealed interface SensorValue {

    /** When this was determined. */
    Instant at();

    /** Not polled yet. */
    record Unknown(Instant at) implements SensorValue {
        public Unknown {
            Objects.requireNonNull(at, "at");
        }
    }

    /** A good reading in the sensor kind's unit. */
    record Available(double value, Instant at) implements SensorValue {
        public Available {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Not read because its gate is closed: expected, not a failure (IPMI "reading unavailable", Redfish Absent). */
    record Unavailable(UnavailableReason reason, Instant at) implements SensorValue {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Read while it should be readable and the read failed: a real failure. */
    record Failed(String reason, Instant at) implements SensorValue {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    enum UnavailableReason {
        /** The host is off and the device is host-powered (gate HOST_ON). */
        UNPOWERED,
        /** Firmware owns the bus right now (gate NOT_DURING_FIRMWARE_INIT), or another class is closed. */
        GATED
    }
}
