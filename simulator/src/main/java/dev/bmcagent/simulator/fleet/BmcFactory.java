package dev.bmcagent.simulator.fleet;

import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.link.HostLink;
import dev.bmcagent.simulator.time.VirtualScheduler;

/**
 * The fleet's hook for the BMC side: called once per host, before it is powered on, on the simulation thread.
 * An implementation wires an agent instance (or a test double) to the host: it returns the {@link HostLink}
 * the host sends its IPMI requests through, reads sensors through {@link SimulatedHost#sensorBus()} with
 * {@link SimulatedHost#sensorSpecs()}, drives {@link SimulatedHost#fans()}, controls power through the host's
 * {@link dev.bmcagent.simulator.link.HostPowerControl} methods, and schedules its own work on {@code scheduler}.
 */
@FunctionalInterface
public interface BmcFactory {

    HostLink attach(SimulatedHost host, VirtualScheduler scheduler);

    /** The host's BMC firmware was flashed (the BMC would restart now). Default: nothing. */
    default void bmcFirmwareUpdated(SimulatedHost host) {}
}
