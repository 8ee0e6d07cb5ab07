package dev.bmcagent.core.sensor;

import java.util.Objects;

/** The result of one bus read. */
public sealed interface Reading {

    /** A value in the sensor kind's unit. */
    record Value(double value) implements Reading {}

    /** The device did not answer or answered garbage: a real failure if the sensor should be readable. */
    record Failed(String reason) implements Reading {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
