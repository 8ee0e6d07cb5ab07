package dev.bmcagent.simulator.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.node.HostCommandTable;
import dev.bmcagent.core.node.HostFleet;
import dev.bmcagent.core.node.HostNode;
import dev.bmcagent.core.node.HostNodeSpec;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorBus;
import dev.bmcagent.hostif.HostInterfaceConfig;
import dev.bmcagent.hostif.HostInterfaceServer;
import dev.bmcagent.ipmi.command.chassis.InMemoryBootOptionsStore;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.simulator.host.BootOutcome;
import dev.bmcagent.simulator.host.HostPowerState;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live mode end to end on 127.0.0.1: a real agent core behind the real TCP host interface, a simulated host
 * booting over the VM protocol at 600× real time; the agent follows it to S0 and powers it off and on.
 */
class LiveSimulationTest {
    private final SystemScheduler real = new SystemScheduler("live-test");
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final AtomicReference<HostInterfaceServer> server = new AtomicReference<>();
    private HostFleet fleet;
    private HostNode node;
    private LiveSimulation sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        if (server.get() != null) {
            server.get().close();
        }
        if (fleet != null) {
            fleet.close();
        }
        pool.shutdownNow();
        real.close();
    }

    private InetSocketAddress startAgent() {
        SelClock selClock = new SelClock(real.clock());
        SensorBus noSensors = spec -> new Reading.Failed("not wired in this test");
        HostNodeSpec spec = new HostNodeSpec(
                0,
                List.of(),
                noSensors,
                (zone, duty) -> {},
                action -> {
                    switch (action) {
                        case ON -> server.get().powerOn();
                        case FORCE_OFF -> server.get().forceOff();
                        default -> server.get().reset();
                    }
                },
                new InMemorySelStore(selClock),
                selClock,
                new InMemoryBootOptionsStore());
        EventStream events = new EventStream(new InMemoryEventHistory(), real.clock(), System::nanoTime, "test", pool);
        var sdr = HostCommandTable.standardSdr(8, 6, real.clock().instant());
        fleet = HostFleet.builder(real, pool, events, sdr).host(spec).build();
        node = fleet.node(0);
        server.set(new HostInterfaceServer(
                HostInterfaceConfig.defaults(0).withPort(0), fleet.dispatcher(), fleet.systemInterface(0), node, real));
        fleet.start();
        return server.get().start();
    }

    @Test
    void aHostBootsOverTcpAndTheAgentFollowsAndControlsItsPower() {
        InetSocketAddress agent = startAgent();
        var options = new LiveSimulation.Options(
                1,
                agent.getPort(),
                600,
                Duration.ofMinutes(30),
                Duration.ZERO,
                0,
                1,
                dev.bmcagent.simulator.host.HostConfig.builder().build());
        sim = LiveSimulation.start(options, real);
        await().atMost(Duration.ofSeconds(20)).until(() -> node.state().system() == AcpiSystemState.S0_G0_D0);
        var boot = sim.hosts().get(0).boots().isEmpty()
                ? sim.hosts().get(0).currentBoot().orElseThrow()
                : sim.hosts().get(0).boots().get(0);
        assertTrue(node.state().powerOn(), "power good seen over 51 01 A1");
        assertTrue(
                boot.phases().size() >= 8,
                "the host reported its phases: " + boot.phases().keySet());

        node.submit(new dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerCommand(
                dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction.FORCE_OFF));
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.hosts().get(0).state() == HostPowerState.OFF);
        await().atMost(Duration.ofSeconds(10)).until(() -> !node.state().powerOn());

        node.submit(new dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerCommand(
                dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction.ON));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sim.hosts().get(0).boots().stream()
                                .filter(b -> b.outcome() == BootOutcome.OS_RUNNING)
                                .count()
                        >= 2);
    }
}
