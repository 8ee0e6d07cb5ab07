package dev.bmcagent.ipmi.command.sensor;

/** Port to one host's sensor bus (the agent implements it; reads must not block on the bus). */
@FunctionalInterface
public interface SensorReadings {
    /** Latest reading of a sensor that exists in the SDR. */
    SensorReading read(int sensorNumber);
}
