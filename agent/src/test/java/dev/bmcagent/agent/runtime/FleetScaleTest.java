package dev.bmcagent.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.agent.ipmiport.AccountUsers;
import dev.bmcagent.common.time.ManualScheduler;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.node.HostCommandTable;
import dev.bmcagent.core.node.HostFleet;
import dev.bmcagent.core.node.HostNode;
import dev.bmcagent.core.node.HostNodeSpec;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.ipmi.command.chassis.InMemoryBootOptionsStore;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.Dispatcher;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.journal.InMemoryAccountStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fleet mode's shape: 2,000 HostNodes on one manual scheduler, everything inline on one thread, no threads. */
class FleetScaleTest {
    private static final int HOSTS = 2000;

    @Test
    void twoThousandNodesBootOnOneThread() {
        ManualScheduler scheduler = new ManualScheduler(Instant.parse("2026-05-06T07:08:09Z"));
        EventStream events =
                new EventStream(new InMemoryEventHistory(), scheduler.clock(), () -> 0L, "fleet", Runnable::run);
        var sdr = HostCommandTable.standardSdr(2, 2, scheduler.clock().instant());
        List<SensorSpec> sensors = List.of(
                new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "peci:cpu0", GateClass.HOST_ON),
                new SensorSpec("DIMM_TEMP_0", SensorKind.TEMPERATURE, "smbus:18", GateClass.NOT_DURING_FIRMWARE_INIT));
        long threadsStarted = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        HostFleet.Builder builder = HostFleet.builder(scheduler, Runnable::run, events, sdr)
                .users(new AccountUsers(new InMemoryAccountStore()));
        for (int i = 0; i < HOSTS; i++) {
            SelClock selClock = new SelClock(scheduler.clock());
            builder.host(new HostNodeSpec(
                    i,
                    sensors,
                    s -> new Reading.Value(40),
                    (zone, duty) -> {},
                    action -> {},
                    new InMemorySelStore(selClock, 256),
                    selClock,
                    new InMemoryBootOptionsStore()));
        }
        HostFleet fleet = builder.build();
        fleet.start();
        List<HostNode> nodes = fleet.nodes();
        Dispatcher d = fleet.dispatcher();
        long start = System.nanoTime();
        for (HostNode n : nodes) {
            n.powerGood(true);
            send(d, n.index(), NetFn.APP, 0x06, "8282");
            send(d, n.index(), NetFn.GROUP_EXTENSION, 0x02, "AE0100000000100500" + "00");
        }
        scheduler.advance(Duration.ofSeconds(30));
        for (HostNode n : nodes) {
            send(d, n.index(), NetFn.APP, 0x06, "8080");
            send(d, n.index(), NetFn.SENSOR_EVENT, 0x02, "0104" + "1F076F06FFFF");
        }
        scheduler.advance(Duration.ofSeconds(30));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(nodes.stream().allMatch(n -> n.state().progress().lastState() == BootProgressState.OSRunning));
        assertEquals(threadsStarted, ManagementFactory.getThreadMXBean().getTotalStartedThreadCount()); // none
        System.out.printf(java.util.Locale.ROOT, "%d hosts booted, 60 s virtual, in %d ms wall%n", HOSTS, millis);
        fleet.close();
    }

    private static void send(Dispatcher d, int host, int netFn, int cmd, String hex) {
        assertEquals(
                CompletionCode.OK,
                d.dispatch(new IpmiRequest(
                                RequestContext.systemInterface(host),
                                netFn,
                                0,
                                cmd,
                                HexFormat.of().parseHex(hex)))
                        .completionCode());
    }
}
