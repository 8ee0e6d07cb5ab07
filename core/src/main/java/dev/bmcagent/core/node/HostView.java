package dev.bmcagent.core.node;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.core.sensor.SensorValue;
import java.util.Map;

/**
 * A host as its readers see it: the lifecycle snapshot and the latest sensor values, nothing that changes the host.
 * {@link HostNode} is the implementation.
 */
public interface HostView {
    int index();

    String hostId();

    /** The lifecycle state (a snapshot; see {@code HostAgent#state}). */
    HostState state();

    /** The latest polled value of every sensor (see {@code SensorPoller#snapshot}). */
    Map<SensorSpec, SensorValue> sensors();
}
