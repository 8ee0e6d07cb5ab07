package dev.bmcagent.core.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecycleInput.SensorHealth;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.common.time.ManualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SensorPollerTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");
    private static final SensorSpec INLET = new SensorSpec("INLET_TEMP", SensorKind.TEMPERATURE, "i", GateClass.ALWAYS);
    private static final SensorSpec CPU = new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "c", GateClass.HOST_ON);
    private static final SensorSpec DIMM =
            new SensorSpec("DIMM_TEMP_A0", SensorKind.TEMPERATURE, "d", GateClass.NOT_DURING_FIRMWARE_INIT);

    private final ManualScheduler scheduler = new ManualScheduler(T0);
    private final Map<String, Reading> device = new ConcurrentHashMap<>();
    private final CountingSensorBus bus = new CountingSensorBus(s -> device.get(s.name()));
    private final SensorGate gate = new SensorGate(Set.of(GateClass.HOST_ON));
    private final List<LifecycleInput> submitted = new ArrayList<>();
    private final SensorPoller poller = new SensorPoller(
            "host0",
            List.of(INLET, CPU, DIMM),
            new GatedSensorBus(bus, gate),
            scheduler,
            Duration.ofSeconds(2),
            submitted::add);

    @Test
    void pollsAtTheIntervalAndKeepsTheLatestValue() {
        device.put(INLET.name(), new Reading.Value(22.5));
        device.put(DIMM.name(), new Reading.Value(35));
        assertInstanceOf(SensorValue.Unknown.class, poller.latest(INLET.name()).orElseThrow());
        poller.start();

        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(0, bus.reads());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(
                new SensorValue.Available(22.5, T0.plusSeconds(2)),
                poller.latest(INLET.name()).orElseThrow());
        device.put(INLET.name(), new Reading.Value(23));
        scheduler.advance(Duration.ofSeconds(2));
        assertEquals(
                new SensorValue.Available(23, T0.plusSeconds(4)),
                poller.latest(INLET.name()).orElseThrow());
        assertEquals(Optional.empty(), poller.latest("NO_SUCH"));
        assertEquals(List.of(), submitted);
    }

    @Test
    void gatedSensorsAreUnavailableAndNeverRead() {
        device.put(INLET.name(), new Reading.Value(22));
        gate.close(GateClass.NOT_DURING_FIRMWARE_INIT);
        for (int i = 0; i < 5; i++) {
            poller.pollOnce();
        }
        assertEquals(0, bus.reads(CPU.name()));
        assertEquals(0, bus.reads(DIMM.name()));
        assertEquals(5, bus.reads(INLET.name()));
        assertEquals(
                new SensorValue.Unavailable(SensorValue.UnavailableReason.UNPOWERED, T0),
                poller.latest(CPU.name()).orElseThrow());
        assertEquals(
                new SensorValue.Unavailable(SensorValue.UnavailableReason.GATED, T0),
                poller.latest(DIMM.name()).orElseThrow());
        assertEquals(List.of(), submitted, "unavailable is not a failure");
    }

    @Test
    void aReadingTakenBeforeTheGateClosedIsNotShownWhileItIsClosed() {
        gate.open(GateClass.HOST_ON);
        device.put(INLET.name(), new Reading.Value(24));
        device.put(DIMM.name(), new Reading.Value(41));
        device.put(CPU.name(), new Reading.Value(55));
        poller.pollOnce();
        assertEquals(
                new SensorValue.Available(41, T0), poller.latest(DIMM.name()).orElseThrow());
        scheduler.advance(Duration.ofMillis(300));
        gate.close(GateClass.NOT_DURING_FIRMWARE_INIT); // S2_D2, no poll since
        assertEquals(
                new SensorValue.Unavailable(SensorValue.UnavailableReason.GATED, T0.plusMillis(300)),
                poller.latest(DIMM.name()).orElseThrow());
        assertInstanceOf(SensorValue.Unavailable.class, poller.snapshot().get(DIMM));
        assertEquals(new SensorValue.Available(55, T0), poller.snapshot().get(CPU), "its gate is still open");
        gate.open(GateClass.NOT_DURING_FIRMWARE_INIT); // S0 again: still no pre-S2 reading until a poll
        assertInstanceOf(
                SensorValue.Unavailable.class, poller.latest(DIMM.name()).orElseThrow());
        poller.pollOnce();
        assertEquals(
                new SensorValue.Available(41, T0.plusMillis(300)),
                poller.latest(DIMM.name()).orElseThrow());
    }

    @Test
    void reportsAFailureOnceAndTheRecoveryOnce() {
        gate.open(GateClass.HOST_ON);
        device.put(INLET.name(), new Reading.Value(22));
        device.put(DIMM.name(), new Reading.Value(30));
        device.put(CPU.name(), new Reading.Failed("no ACK at 0x4c"));
        poller.pollOnce();
        poller.pollOnce();
        assertEquals(List.of(new SensorHealth("CPU_TEMP", true, "no ACK at 0x4c")), submitted);
        assertEquals(
                new SensorValue.Failed("no ACK at 0x4c", T0),
                poller.latest(CPU.name()).orElseThrow());

        device.put(CPU.name(), new Reading.Value(55));
        poller.pollOnce();
        poller.pollOnce();
        assertEquals(
                List.of(
                        new SensorHealth("CPU_TEMP", true, "no ACK at 0x4c"),
                        new SensorHealth("CPU_TEMP", false, "reads again")),
                submitted);
    }

    @Test
    void aFailedSensorThatBecomesGatedIsNoLongerFailedAndIsReportedAfreshLater() {
        gate.open(GateClass.HOST_ON);
        device.put(INLET.name(), new Reading.Value(22));
        device.put(DIMM.name(), new Reading.Value(30));
        device.put(CPU.name(), new Reading.Failed("EIO"));
        poller.pollOnce();
        gate.close(GateClass.HOST_ON);
        poller.pollOnce();
        gate.open(GateClass.HOST_ON);
        poller.pollOnce();
        assertEquals(
                List.of(
                        new SensorHealth("CPU_TEMP", true, "EIO"),
                        new SensorHealth("CPU_TEMP", false, "gated: HOST_ON closed"),
                        new SensorHealth("CPU_TEMP", true, "EIO")),
                submitted);
    }

    @Test
    void withAReaderExecutorTheSchedulerOnlyTriggersAndPollsDoNotPileUp() {
        java.util.Queue<Runnable> reader = new java.util.ArrayDeque<>();
        device.put(INLET.name(), new Reading.Value(21));
        SensorPoller p = new SensorPoller(
                "host1",
                List.of(INLET),
                new GatedSensorBus(bus, gate),
                scheduler,
                Duration.ofSeconds(1),
                submitted::add,
                reader::add);
        p.start();
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(0, bus.reads(), "the scheduler thread read the bus");
        assertEquals(1, reader.size());
        reader.poll().run();
        assertEquals(1, bus.reads());
        scheduler.advance(Duration.ofSeconds(1));
        reader.poll().run();
        assertEquals(2, bus.reads());
        p.close();
        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(0, reader.size());
    }
}
