package dev.bmcagent.core.sensor;

/**
 * The port through which the agent reads sensor devices. Adapters: Linux hwmon sysfs, the simulator's SMBus.
 * The agent never calls {@link #read} for a sensor whose gate is closed (the gate is absolute).
 */
public interface SensorBus {

    /** Reads one sensor; blocking, short. Never throws for device problems: returns {@link Reading.Failed}. */
    Reading read(SensorSpec sensor);
}
