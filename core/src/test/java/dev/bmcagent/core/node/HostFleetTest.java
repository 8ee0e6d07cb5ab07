package dev.bmcagent.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.common.time.ManualScheduler;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.ipmi.command.chassis.InMemoryBootOptionsStore;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.sdr.SdrRepository;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one host-building path: order, the shared table, start/close and the inputs every host gets at start. */
class HostFleetTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final EventStream events =
            new EventStream(new InMemoryEventHistory(), scheduler.clock(), () -> 0L, "test", Runnable::run);
    private final SdrRepository sdr = HostCommandTable.standardSdr(2, 2, T0);
    private final AtomicInteger reads = new AtomicInteger();

    private HostNodeSpec spec(int index) {
        SelClock selClock = new SelClock(scheduler.clock());
        return new HostNodeSpec(
                index,
                List.of(new SensorSpec("INLET_TEMP", SensorKind.TEMPERATURE, "bmc:inlet", GateClass.ALWAYS)),
                s -> {
                    reads.incrementAndGet();
                    return new Reading.Value(24);
                },
                (zone, percent) -> {},
                action -> {},
                new InMemorySelStore(selClock),
                selClock,
                new InMemoryBootOptionsStore());
    }

    private HostFleet.Builder builder() {
        return HostFleet.builder(scheduler, Runnable::run, events, sdr);
    }

    private CompletionCode getSelInfo(HostFleet fleet, int host) {
        return fleet.dispatcher()
                .dispatch(new IpmiRequest(RequestContext.systemInterface(host), NetFn.STORAGE, 0, 0x40, new byte[0]))
                .completionCode();
    }

    @Test
    void buildsOneNodePerHostInIndexOrderAndOneTableOverAll() {
        HostFleet fleet = builder().host(spec(0)).host(spec(1)).build();
        assertEquals(2, fleet.size());
        assertEquals(List.of(0, 1), fleet.nodes().stream().map(HostNode::index).toList());
        assertEquals("host1", fleet.node(1).hostId());
        assertSame(sdr, fleet.sdr());
        assertSame(sdr, fleet.node(1).sdr());
        assertNotSame(fleet.systemInterface(0), fleet.systemInterface(1));
        assertEquals(CompletionCode.OK, getSelInfo(fleet, 0));
        assertEquals(CompletionCode.OK, getSelInfo(fleet, 1));
        assertEquals(CompletionCode.NOT_PRESENT, getSelInfo(fleet, 2)); // CBh: no such host
    }

    @Test
    void hostsOutOfIndexOrderAreRefused() {
        HostFleet.Builder b = builder().host(spec(0));
        assertThrows(IllegalArgumentException.class, () -> b.host(spec(2)));
        assertThrows(IllegalArgumentException.class, () -> builder().host(spec(1)));
    }

    @Test
    void startRunsTheNodesAndTheAtStartInputsAndCloseStopsThem() {
        List<String> declared = List.of("PXE*", "*");
        HostFleet fleet = builder()
                .atStart(new LifecycleInput.BootOrderDeclared(declared))
                .host(spec(0))
                .host(spec(1))
                .build();
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(0, reads.get(), "nothing polls before start");
        assertTrue(fleet.node(0).state().reconcile().declared().isEmpty());

        fleet.start();
        fleet.start(); // idempotent: each node starts once
        for (HostNode n : fleet.nodes()) {
            assertEquals(declared, n.state().reconcile().declared(), n.hostId());
        }
        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(6, reads.get(), "two hosts, one sensor, polled every second");

        fleet.close();
        int afterClose = reads.get();
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(afterClose, reads.get(), "no polling after close");
    }

    @Test
    void theFanOutputIsMadeFromTheHostsFansAndTheNodesView() {
        List<Integer> written = new ArrayList<>();
        List<String> views = new ArrayList<>();
        SelClock selClock = new SelClock(scheduler.clock());
        HostNodeSpec s0 = spec(0);
        HostNodeSpec withFans = new HostNodeSpec(
                0,
                s0.sensors(),
                s0.bus(),
                (zone, percent) -> written.add(percent),
                s0.power(),
                new InMemorySelStore(selClock),
                selClock,
                new InMemoryBootOptionsStore());
        HostFleet fleet = builder()
                .host(withFans, dev.bmcagent.acpi.lifecycle.HostState.initial(T0), (fans, node) -> (zone, percent) -> {
                    views.add(node.hostId());
                    fans.setDuty(zone, percent);
                })
                .build();
        fleet.start();
        scheduler.advance(Duration.ofSeconds(3));
        assertTrue(!written.isEmpty(), "the fan loop writes through the output to the host's fans");
        assertEquals(written.size(), views.size());
        assertEquals("host0", views.get(0));
        assertEquals(written.get(written.size() - 1), fleet.node(0).fanDuty());
        fleet.close();
    }
}
