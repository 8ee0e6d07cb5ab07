package dev.bmcagent.core.host;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.Effect;
import dev.bmcagent.acpi.lifecycle.HostLifecycle;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.Transition;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.common.time.ManualScheduler;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.HostEvent;
import dev.bmcagent.core.event.InMemoryEventHistory;
import dev.bmcagent.core.fan.FanLoop;
import dev.bmcagent.core.fan.FanPolicy;
import dev.bmcagent.core.sensor.CountingSensorBus;
import dev.bmcagent.core.sensor.GatedSensorBus;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorGate;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorPoller;
import dev.bmcagent.core.sensor.SensorSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One host wired as the assembly will wire it (agent, gate, poller, fan loop, event stream), driven by a tiny
 * scripted lifecycle standing in for the real rules: S2_D2 closes the DIMM gate and fixes the fan duty, a failed
 * sensor means fail-safe.
 */
class HostRuntimeWiringTest {
    private static final Instant T0 = Instant.parse("2026-10-11T12:13:14Z");
    private static final SensorSpec CPU = new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "c", GateClass.ALWAYS);
    private static final SensorSpec DIMM =
            new SensorSpec("DIMM_TEMP_A0", SensorKind.TEMPERATURE, "d", GateClass.NOT_DURING_FIRMWARE_INIT);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final Map<String, Reading> device =
            new ConcurrentHashMap<>(Map.of(CPU.name(), new Reading.Value(50), DIMM.name(), new Reading.Value(40)));
    private volatile CountDownLatch dimmBlocks = new CountDownLatch(0);
    private final CountDownLatch dimmEntered = new CountDownLatch(1);
    private final CountingSensorBus bus = new CountingSensorBus(s -> {
        if (s.equals(DIMM)) {
            dimmEntered.countDown();
            try {
                if (!dimmBlocks.await(10, TimeUnit.SECONDS)) {
                    return new Reading.Failed("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return device.get(s.name());
    });
    private final SensorGate gate = SensorGate.allOpen();
    private final List<String> duties = Collections.synchronizedList(new ArrayList<>());
    private final List<HostEvent> events = Collections.synchronizedList(new ArrayList<>());

    private volatile Thread hostThread;
    private final HostLifecycle rules = (state, input, now) -> {
        hostThread = Thread.currentThread();
        if (input instanceof LifecycleInput.AcpiReported a && a.system().orElseThrow() == AcpiSystemState.S2_D2) {
            return new Transition(
                    state,
                    List.of(
                            new Effect.SetGate(GateClass.NOT_DURING_FIRMWARE_INIT, false),
                            new Effect.SetFanMode(FanMode.FixedDuty, "S2_D2"),
                            new Effect.Emit(
                                    new LifecycleEvent.GateChanged(GateClass.NOT_DURING_FIRMWARE_INIT, false, now))));
        }
        if (input instanceof LifecycleInput.SensorHealth h && h.failed()) {
            return new Transition(
                    state,
                    List.of(
                            new Effect.SetFanMode(FanMode.FailSafe, h.sensor() + " failed"),
                            new Effect.Emit(new LifecycleEvent.FanModeChanged(FanMode.FailSafe, h.reason(), now))));
        }
        return new Transition(state, List.of());
    };

    private HostAgent agent;
    private SensorPoller poller;
    private FanLoop fans;

    private void wire() {
        EventStream stream =
                new EventStream(new InMemoryEventHistory(), scheduler.clock(), System::nanoTime, "s1", pool);
        stream.subscribe("test", events::add);
        CompletableFuture<HostAgent> self = new CompletableFuture<>();
        poller = new SensorPoller(
                "host0",
                List.of(CPU, DIMM),
                new GatedSensorBus(bus, gate),
                scheduler,
                Duration.ofSeconds(1),
                in -> self.join().submit(in));
        fans = new FanLoop(
                "host0",
                0,
                FanPolicy.DEFAULT,
                (zone, pct) -> duties.add(zone + ":" + pct),
                poller::snapshot,
                scheduler,
                Duration.ofSeconds(1));
        HostPorts ports = new HostPorts(
                (e, at) -> {}, gate, fans, action -> {}, new DeclaredBootOrder(), stream, MemoryRecordPort.NONE);
        HostState initial = new HostState(
                true,
                true,
                AcpiSystemState.S0_G0_D0,
                HostState.initial(T0).device(),
                false,
                T0,
                HostState.initial(T0).progress(),
                Optional.empty(),
                0,
                Set.of(),
                FanMode.Normal,
                Set.of(),
                Map.of(),
                HostState.initial(T0).reconcile(),
                HostState.initial(T0).memory(),
                HostState.initial(T0).stalledFans(),
                HostState.initial(T0).reported());
        agent = new HostAgent("host0", rules, initial, ports, scheduler, pool, Duration.ofSeconds(1));
        self.complete(agent);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void enteringFirmwareInitWaitsForTheDimmReadInFlightThenNeverReadsTheDimm() throws Exception {
        wire();
        dimmBlocks = new CountDownLatch(1);
        CompletableFuture<Void> poll = CompletableFuture.runAsync(poller::pollOnce, pool);
        assertTrue(dimmEntered.await(5, TimeUnit.SECONDS));

        CompletableFuture<Transition> s2 =
                agent.submit(new LifecycleInput.AcpiReported(Optional.of(AcpiSystemState.S2_D2), Optional.empty()));
        // The host thread applied the input and is now parked in SetGate, waiting for the DIMM read to finish.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> hostThread != null && hostThread.getState() == Thread.State.WAITING);
        assertFalse(s2.isDone(), "the gate closed while a DIMM read was on the bus");
        assertTrue(gate.isOpen(GateClass.NOT_DURING_FIRMWARE_INIT));

        dimmBlocks.countDown();
        s2.get(5, TimeUnit.SECONDS);
        poll.get(5, TimeUnit.SECONDS);
        assertEquals(1, bus.reads(DIMM.name()));
        assertEquals(List.of("0:60"), duties);

        for (int i = 0; i < 10; i++) {
            poller.pollOnce();
        }
        assertEquals(1, bus.reads(DIMM.name()));
        assertEquals(11, bus.reads(CPU.name()));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
        assertEquals(1, events.get(0).sequence());
    }

    @Test
    void aSensorFailureReachesTheLifecycleAndItsFailSafeReachesTheFans() {
        wire();
        poller.start();
        fans.start();
        agent.start();
        scheduler.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> duties.contains("0:46")); // hottest 50 °C: 30 + 70*10/45 = 45.6

        device.put(CPU.name(), new Reading.Failed("no ACK"));
        scheduler.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> duties.contains("0:100"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> events.stream()
                        .anyMatch(e ->
                                e.event() instanceof LifecycleEvent.FanModeChanged f && f.mode() == FanMode.FailSafe));
    }
}
