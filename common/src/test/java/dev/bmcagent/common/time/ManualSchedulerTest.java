package dev.bmcagent.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void runsTasksInDueOrderWithTheClockAtTheirDueTime() {
        ManualScheduler s = new ManualScheduler(T0);
        List<String> ran = new ArrayList<>();
        s.schedule(Duration.ofSeconds(3), () -> ran.add("once@" + s.clock().instant()));
        s.scheduleAtFixedRate(
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                () -> ran.add("rate@" + s.clock().instant()));
        s.advance(Duration.ofSeconds(5));
        assertEquals(
                List.of(
                        "rate@2026-01-02T03:04:06Z",
                        "once@2026-01-02T03:04:08Z",
                        "rate@2026-01-02T03:04:08Z",
                        "rate@2026-01-02T03:04:10Z"),
                ran);
        assertEquals(T0.plusSeconds(5), s.clock().instant());
    }

    @Test
    void cancellingAPeriodicTaskStopsEveryRepetition() {
        ManualScheduler s = new ManualScheduler(T0);
        List<Instant> ran = new ArrayList<>();
        Scheduler.Cancellable c = s.scheduleAtFixedRate(
                Duration.ZERO, Duration.ofSeconds(1), () -> ran.add(s.clock().instant()));
        s.advance(Duration.ofSeconds(2));
        c.cancel();
        s.advance(Duration.ofSeconds(10));
        assertEquals(List.of(T0, T0.plusSeconds(1), T0.plusSeconds(2)), ran);
        assertEquals(0, s.pending());
    }
}
