package dev.bmcagent.simulator.time;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmcagent.common.time.SystemScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivePacerTest {

    @Test
    void eachRealTickRunsTimeScaleTimesAsMuchVirtualTime() {
        VirtualScheduler real = new VirtualScheduler();
        VirtualScheduler virtual = new VirtualScheduler();
        List<Duration> fired = new ArrayList<>();
        virtual.schedule(Duration.ofSeconds(59), () -> fired.add(virtual.elapsed()));
        virtual.schedule(Duration.ofSeconds(61), () -> fired.add(virtual.elapsed()));
        try (LivePacer pacer = LivePacer.start(virtual, real, 60, Duration.ofMillis(250))) {
            assertEquals(Duration.ofSeconds(15), pacer.virtualPerTick());
            real.runFor(Duration.ofSeconds(1));
        }
        assertEquals(Duration.ofSeconds(60), virtual.elapsed());
        assertEquals(List.of(Duration.ofSeconds(59)), fired);
        real.runFor(Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(60), virtual.elapsed(), "closing stops the pacing");
    }

    @Test
    void pacesAgainstTheRealSchedulerThread() {
        VirtualScheduler virtual = new VirtualScheduler();
        try (SystemScheduler real = new SystemScheduler("pacer-test");
                LivePacer pacer = LivePacer.start(virtual, real, 1_000, Duration.ofMillis(10))) {
            assertEquals(Duration.ofSeconds(10), pacer.virtualPerTick());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> virtual.elapsed().compareTo(Duration.ofSeconds(30)) >= 0);
        }
    }

    @Test
    void rejectsNonPositiveScale() {
        VirtualScheduler v = new VirtualScheduler();
        assertThrows(IllegalArgumentException.class, () -> LivePacer.start(v, v, 0, Duration.ofMillis(10)));
        assertThrows(IllegalArgumentException.class, () -> LivePacer.start(v, v, Double.NaN, Duration.ofMillis(10)));
    }
}
