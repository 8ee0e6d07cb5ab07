package dev.bmcagent.core.node;

import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.core.firmware.HostFirmware;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.core.sensor.SensorValue;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import java.util.Map;
import java.util.Set;

/**
 * A host as its readers (Redfish, MQTT, D-Bus, benchmarks) see it: the lifecycle snapshot, the latest sensor values,
 * the fan loop and sensor gates as applied, and what the host reported about itself (firmware inventory; the DIMMs
 * are in the lifecycle state, {@code state().memory()}). Nothing here changes the host: readers use
 * {@link HostFirmware} for its getters and change listeners (the IPMI command table writes it). {@link HostNode} is
 * the implementation.
 */
public interface HostView {
    int index();

    String hostId();

    /** The lifecycle state (a snapshot; see {@code HostAgent#state}). */
    HostState state();

    /** The latest polled value of every sensor (see {@code SensorPoller#snapshot}). */
    Map<SensorSpec, SensorValue> sensors();

    /** The SDR the sensors are served with (numbers, thresholds; shared by the hosts). */
    SdrRepository sdr();

    /** The duty (percent) the fan loop last wrote. */
    int fanDuty();

    /** The fan loop's mode (normal, fail-safe...). */
    FanMode fanMode();

    /** The sensor gate classes closed on the sensor bus now (applied, so possibly behind {@link #state()}). */
    Set<GateClass> closedGates();

    /** Effects that failed since start (a health figure: 0 while every port works; see {@code HostAgent}). */
    long effectFailures();

    /** The host's firmware inventory as it reported it (Set System Info Parameters), with history. */
    HostFirmware firmware();
}
