package dev.bmcagent.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaledSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-12-06T04:00:00Z");

    /** A scheduler on a hand-moved clock that records the delays it is asked for. */
    private static final class Hand implements Scheduler {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        final List<Duration> delays = new ArrayList<>();

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            delays.add(delay);
            return () -> {};
        }

        @Override
        public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
            delays.add(period);
            return () -> {};
        }
    }

    @Test
    void theClockRunsScaleTimesFasterFromCreationAndTimersKeepRealDelays() {
        Hand real = new Hand();
        ScaledScheduler s = new ScaledScheduler(real, 60);
        assertEquals(T0, s.clock().instant());
        real.clock = Clock.fixed(T0.plusSeconds(5), ZoneOffset.UTC);
        assertEquals(T0.plusSeconds(300), s.clock().instant(), "5 real seconds are 300 simulated ones at 60x");
        s.scheduleAtFixedRate(Duration.ofSeconds(2), Duration.ofSeconds(2), () -> {});
        assertEquals(List.of(Duration.ofSeconds(2)), real.delays);
        assertThrows(IllegalArgumentException.class, () -> new ScaledScheduler(real, 0));
    }
}
