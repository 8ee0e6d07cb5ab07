package dev.bmcagent.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.PowerAction;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.agent.ipmiport.AccountUsers;
import dev.bmcagent.common.time.ManualScheduler;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.node.HostCommandTable;
import dev.bmcagent.core.node.HostFleet;
import dev.bmcagent.core.node.HostNode;
import dev.bmcagent.core.node.HostNodeSpec;
import dev.bmcagent.core.sensor.CountingSensorBus;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.ipmi.command.chassis.InMemoryBootOptionsStore;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiRequest;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.RequestContext;
import dev.bmcagent.ipmi.registry.Dispatcher;
import dev.bmcagent.ipmi.sel.InMemorySelStore;
import dev.bmcagent.ipmi.sel.SelClock;
import dev.bmcagent.journal.InMemoryAccountStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * One HostNode on a hand-advanced scheduler with everything inline (mailbox, delivery), as fleet mode runs it;
 * the host speaks through the real command table. Sensors: INLET (always), CPU_TEMP (host on), DIMM_TEMP_0/1
 * (not during firmware init); readings come from {@link #readings} and are counted.
 */
final class NodeFixture {
    static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    final ManualScheduler scheduler = new ManualScheduler(T0);
    final InMemoryEventHistory history = new InMemoryEventHistory();
    final Map<String, Reading> readings = new ConcurrentHashMap<>();
    final CountingSensorBus bus =
            new CountingSensorBus(s -> readings.getOrDefault(s.name(), new Reading.Failed("no device")));
    final List<PowerAction> powerActions = new CopyOnWriteArrayList<>();
    final List<Integer> duties = new CopyOnWriteArrayList<>();
    final HostNode node;
    final Dispatcher dispatcher;

    NodeFixture() {
        SelClock selClock = new SelClock(scheduler.clock());
        EventStream events = new EventStream(history, scheduler.clock(), () -> 0L, "test", Runnable::run);
        List<SensorSpec> sensors = List.of(
                new SensorSpec("INLET_TEMP", SensorKind.TEMPERATURE, "bmc:inlet", GateClass.ALWAYS),
                new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "peci:cpu0", GateClass.HOST_ON),
                new SensorSpec("DIMM_TEMP_0", SensorKind.TEMPERATURE, "smbus:18", GateClass.NOT_DURING_FIRMWARE_INIT),
                new SensorSpec("DIMM_TEMP_1", SensorKind.TEMPERATURE, "smbus:19", GateClass.NOT_DURING_FIRMWARE_INIT));
        readings.put("INLET_TEMP", new Reading.Value(24));
        var sdr = HostCommandTable.standardSdr(2, 2, T0);
        HostFleet fleet = HostFleet.builder(scheduler, Runnable::run, events, sdr)
                .users(new AccountUsers(new InMemoryAccountStore()))
                .fru(HostCommandTable.defaultFru(T0))
                .host(new HostNodeSpec(
                        0,
                        sensors,
                        bus,
                        (zone, percent) -> duties.add(percent),
                        powerActions::add,
                        new InMemorySelStore(selClock),
                        selClock,
                        new InMemoryBootOptionsStore()))
                .build();
        node = fleet.node(0);
        dispatcher = fleet.dispatcher();
        fleet.start();
    }

    /** A host request through the command table; asserts 00h; returns the data. */
    byte[] host(int netFn, int cmd, String hex) {
        IpmiResponse r = dispatcher.dispatch(new IpmiRequest(
                RequestContext.systemInterface(0), netFn, 0, cmd, HexFormat.of().parseHex(hex.replace(" ", ""))));
        assertEquals(CompletionCode.OK, r.completionCode(), () -> String.format(Locale.ROOT, "%02X/%02X", netFn, cmd));
        return r.data();
    }

    void advance(Duration d) {
        scheduler.advance(d);
    }

    List<LifecycleEvent> events() {
        return history.read("host0", 1, 100_000).stream().map(HostEvent::event).collect(Collectors.toList());
    }

    <T extends LifecycleEvent> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }
}
