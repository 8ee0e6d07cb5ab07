/**
 * Per-host runtime: {@link dev.bmcagent.core.host.HostAgent} applies the pure lifecycle to one host's inputs on a
 * serial mailbox and carries out the effects through ports.
 *
 * <p>Wiring one host (the assembly does this for host0..hostN-1):
 * <pre>{@code
 * SensorGate gate = new SensorGate(HostState.initial(now).closedGates());
 * SensorPoller poller = new SensorPoller(id, specs, new GatedSensorBus(bus, gate), scheduler,
 *         Duration.ofSeconds(1), in -> agentRef.submit(in), readerPool);
 * FanLoop fans = new FanLoop(id, zone, FanPolicy.DEFAULT, fanController, poller::snapshot, scheduler,
 *         Duration.ofSeconds(1));
 * HostPorts ports = new HostPorts(selWriter, gate, fans, hostPowerPort, new DeclaredBootOrder(), eventStream,
 *         MemoryRecordPort.NONE);
 * HostAgent agent = new HostAgent(id, lifecycle, HostState.initial(scheduler.clock().instant()), ports,
 *         scheduler, hostPool, Duration.ofSeconds(1));
 * agent.start(); poller.start(); fans.start();
 * }</pre>
 * The poller needs the agent and the agent's ports need the fan loop, so the poller's input consumer refers to the
 * agent indirectly (a holder set after construction).
 */
package dev.bmcagent.core.host;
