package dev.bmcagent.simulator.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.common.time.SystemScheduler;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorKind;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.simulator.time.LivePacer;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** An agent-thread read of a live host's sensors waits for the pacing tick in progress, and never sees one halfway. */
class LiveSensorBusTest {
    private static final SensorSpec CPU =
            new SensorSpec("CPU_TEMP", SensorKind.TEMPERATURE, "peci:cpu0", GateClass.HOST_ON);

    @Test
    void aReadFromAnotherThreadWaitsForTheTickInProgress() throws Exception {
        ReentrantLock steps = new ReentrantLock();
        VirtualScheduler virtual = new VirtualScheduler();
        CountDownLatch inTick = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        double[] temperature = {30};
        // one event that changes the host model in two halves, blocking in between (like a host request in flight)
        virtual.schedule(Duration.ofMillis(1), () -> {
            temperature[0] = -1;
            inTick.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            temperature[0] = 45;
        });
        LiveSensorBus bus = new LiveSensorBus(sensor -> new Reading.Value(temperature[0]), steps);
        try (SystemScheduler real = new SystemScheduler("live-bus-test");
                LivePacer pacer = LivePacer.start(virtual, real, 1, Duration.ofMillis(10), steps)) {
            assertEquals(Duration.ofMillis(10), pacer.virtualPerTick());
            assertTrue(inTick.await(10, TimeUnit.SECONDS));
            CompletableFuture<Reading> read = CompletableFuture.supplyAsync(() -> bus.read(CPU));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !read.isDone());
            release.countDown();
            assertEquals(new Reading.Value(45), read.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aReadOnThePacingThreadBetweenTicksDoesNotWaitForItself() throws Exception {
        ReentrantLock steps = new ReentrantLock();
        VirtualScheduler virtual = new VirtualScheduler();
        LiveSensorBus bus = new LiveSensorBus(sensor -> new Reading.Value(40), steps);
        try (SystemScheduler real = new SystemScheduler("live-bus-test");
                LivePacer pacer = LivePacer.start(virtual, real, 1, Duration.ofMillis(10), steps)) {
            assertEquals(Duration.ofMillis(10), pacer.virtualPerTick());
            CompletableFuture<Reading> read = new CompletableFuture<>();
            // what bmc demo does: the agent's poller and the pacer share one scheduler thread
            real.schedule(Duration.ofMillis(25), () -> read.complete(bus.read(CPU)));
            assertEquals(new Reading.Value(40), read.get(10, TimeUnit.SECONDS));
        }
    }
}
