package dev.bmcagent.core.sensor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.GateClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SensorGateTest {
    private static final SensorSpec DIMM =
            new SensorSpec("DIMM_TEMP_A0", SensorKind.TEMPERATURE, "smbus:0x18", GateClass.NOT_DURING_FIRMWARE_INIT);
    private static final SensorSpec CPU =
            new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "smbus:0x4c", GateClass.HOST_ON);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A bus whose reads of one sensor block inside the device until released. */
    private static final class BlockingBus implements SensorBus {
        final CountDownLatch inRead = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final String blockingSensor;

        BlockingBus(String blockingSensor) {
            this.blockingSensor = blockingSensor;
        }

        @Override
        public Reading read(SensorSpec sensor) {
            if (sensor.name().equals(blockingSensor)) {
                inRead.countDown();
                try {
                    if (!release.await(10, TimeUnit.SECONDS)) {
                        return new Reading.Failed("test: never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Reading.Failed("interrupted");
                }
            }
            return new Reading.Value(41.5);
        }
    }

    @Test
    void closeWaitsForTheReadInFlightAndNoReadStartsAfterwards() throws Exception {
        BlockingBus blocking = new BlockingBus(DIMM.name());
        CountingSensorBus bus = new CountingSensorBus(blocking);
        SensorGate gate = SensorGate.allOpen();
        GatedSensorBus gated = new GatedSensorBus(bus, gate);

        Future<Optional<Reading>> inFlight = threads.submit(() -> gated.read(DIMM));
        assertTrue(blocking.inRead.await(5, TimeUnit.SECONDS));

        AtomicBoolean closeReturned = new AtomicBoolean();
        List<Thread> closer = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(
                () -> {
                    closer.add(Thread.currentThread());
                    gate.close(GateClass.NOT_DURING_FIRMWARE_INIT);
                    closeReturned.set(true);
                },
                threads);
        // The closer is parked on the gate's lock while the device read is still in progress.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !closer.isEmpty() && closer.get(0).getState() == Thread.State.WAITING);
        assertFalse(closeReturned.get());
        assertFalse(inFlight.isDone());

        blocking.release.countDown();
        closing.get(5, TimeUnit.SECONDS);
        assertEquals(Optional.of(new Reading.Value(41.5)), inFlight.get(5, TimeUnit.SECONDS));
        assertEquals(1, bus.reads());

        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.empty(), gated.read(DIMM));
        }
        assertEquals(1, bus.reads(), "a read was issued on the bus while the gate was closed");
        assertEquals(Set.of(GateClass.NOT_DURING_FIRMWARE_INIT), gate.closed());

        gate.open(GateClass.NOT_DURING_FIRMWARE_INIT);
        assertTrue(gated.read(DIMM).isPresent());
        assertEquals(2, bus.reads());
    }

    @Test
    void closingOneClassDoesNotWaitForReadsOfAnother() throws Exception {
        BlockingBus blocking = new BlockingBus(CPU.name());
        SensorGate gate = SensorGate.allOpen();
        GatedSensorBus gated = new GatedSensorBus(blocking, gate);
        Future<Optional<Reading>> cpuRead = threads.submit(() -> gated.read(CPU));
        assertTrue(blocking.inRead.await(5, TimeUnit.SECONDS));

        gate.close(GateClass.NOT_DURING_FIRMWARE_INIT); // returns at once: the CPU read holds HOST_ON only

        assertFalse(cpuRead.isDone());
        assertEquals(Optional.empty(), gated.read(DIMM));
        blocking.release.countDown();
        assertTrue(cpuRead.get(5, TimeUnit.SECONDS).isPresent());
    }

    /**
     * Eight threads poll the DIMM sensor as fast as they can while the gate is closed and opened 200 times.
     * The bus flags any read that starts or ends while the test holds the gate closed (between close() returning
     * and open() being called).
     */
    @RepeatedTest(10)
    @SuppressWarnings("ThreadPriorityCheck") // yield lets the pollers run while the gate is closed; not a wait
    void noReadOverlapsAClosedGateUnderConcurrency() throws Exception {
        AtomicBoolean heldClosed = new AtomicBoolean();
        AtomicLong violations = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        SensorBus checking = sensor -> {
            if (heldClosed.get()) {
                violations.incrementAndGet();
            }
            reads.incrementAndGet();
            Thread.onSpinWait();
            if (heldClosed.get()) {
                violations.incrementAndGet();
            }
            return new Reading.Value(40);
        };
        SensorGate gate = SensorGate.allOpen();
        GatedSensorBus gated = new GatedSensorBus(checking, gate);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> pollers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pollers.add(threads.submit(() -> {
                while (!stop.get()) {
                    gated.read(DIMM);
                }
            }));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() > 100);
        for (int round = 0; round < 200; round++) {
            gate.close(GateClass.NOT_DURING_FIRMWARE_INIT);
            heldClosed.set(true);
            long before = reads.get();
            Thread.yield();
            assertEquals(before, reads.get());
            heldClosed.set(false);
            gate.open(GateClass.NOT_DURING_FIRMWARE_INIT);
        }
        stop.set(true);
        for (Future<?> f : pollers) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertEquals(0, violations.get());
        assertTrue(reads.get() > 100);
    }
}
