package dev.bmcagent.simulator.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsByTimeThenInsertionOrder() {
        scheduler.schedule(Duration.ofSeconds(2), () -> ran.add("b@2"));
        scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("a@1"));
        scheduler.schedule(Duration.ofSeconds(2), () -> ran.add("c@2"));
        scheduler.schedule(Duration.ZERO, () -> ran.add("now"));
        scheduler.runUntilIdle();
        assertEquals(List.of("now", "a@1", "b@2", "c@2"), ran);
        assertEquals(Duration.ofSeconds(2), scheduler.elapsed());
    }

    @Test
    void clockShowsEachEventsTimeAndStartsAtTheEpoch() {
        Instant epoch = Instant.parse("2026-03-04T05:06:07Z");
        VirtualScheduler s = new VirtualScheduler(epoch);
        assertEquals(epoch, s.clock().instant());
        List<Instant> seen = new ArrayList<>();
        s.schedule(Duration.ofMillis(1500), () -> seen.add(s.clock().instant()));
        s.runUntilIdle();
        assertEquals(List.of(epoch.plusMillis(1500)), seen);
    }

    @Test
    void clockInAnotherZoneShowsTheSameVirtualInstant() {
        scheduler.runFor(Duration.ofMinutes(90));
        java.time.Clock paris = scheduler.clock().withZone(java.time.ZoneId.of("Europe/Paris"));
        assertEquals(scheduler.now(), paris.instant());
        assertEquals(java.time.LocalTime.of(2, 30), java.time.LocalTime.now(paris));
    }

    @Test
    void taskScheduledFromATaskAtZeroDelayRunsAfterThoseAlreadyDueNow() {
        scheduler.schedule(Duration.ofSeconds(1), () -> {
            ran.add("first");
            scheduler.schedule(Duration.ZERO, () -> ran.add("nested"));
        });
        scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("second"));
        scheduler.runUntilIdle();
        assertEquals(List.of("first", "second", "nested"), ran);
    }

    @Test
    void runUntilStopsAtTheDeadlineAndAdvancesTheClockToIt() {
        scheduler.schedule(Duration.ofSeconds(5), () -> ran.add("5"));
        scheduler.schedule(Duration.ofSeconds(15), () -> ran.add("15"));
        scheduler.runFor(Duration.ofSeconds(10));
        assertEquals(List.of("5"), ran);
        assertEquals(Duration.ofSeconds(10), scheduler.elapsed());
        scheduler.runFor(Duration.ofSeconds(5));
        assertEquals(List.of("5", "15"), ran, "an event exactly at the deadline runs");
    }

    @Test
    void fixedRateRunsOnTheGridUntilCancelled() {
        List<Duration> at = new ArrayList<>();
        Scheduler.Cancellable c = scheduler.scheduleAtFixedRate(
                Duration.ofSeconds(1), Duration.ofSeconds(3), () -> at.add(scheduler.elapsed()));
        scheduler.runFor(Duration.ofSeconds(10));
        assertEquals(
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(7), Duration.ofSeconds(10)),
                at);
        c.cancel();
        c.cancel();
        scheduler.runUntilIdle();
        assertEquals(4, at.size());
    }

    @Test
    void cancelledTaskDoesNotRun() {
        Scheduler.Cancellable c = scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("x"));
        c.cancel();
        scheduler.runUntilIdle();
        assertTrue(ran.isEmpty());
        assertEquals(Duration.ZERO, scheduler.elapsed(), "runUntilIdle does not move time for cancelled events");
    }

    @Test
    void throwingTaskIsRecordedAndTheRunGoesOn() {
        scheduler.scheduleAtFixedRate(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("boom");
        });
        scheduler.schedule(Duration.ofSeconds(3), () -> ran.add("after"));
        scheduler.runUntilIdle();
        assertEquals(List.of("after"), ran);
        assertEquals(1, scheduler.failureCount(), "a periodic task that throws is not run again");
        assertEquals("boom", scheduler.failures().get(0).getMessage());
    }

    @Test
    void requestStopEndsTheRunAfterTheCurrentEvent() {
        scheduler.schedule(Duration.ofSeconds(1), scheduler::requestStop);
        scheduler.schedule(Duration.ofSeconds(2), () -> ran.add("later"));
        scheduler.runFor(Duration.ofHours(1));
        assertTrue(ran.isEmpty());
        assertEquals(Duration.ofSeconds(1), scheduler.elapsed());
        scheduler.runUntilIdle();
        assertEquals(List.of("later"), ran);
    }

    @Test
    void runIsNotReentrant() {
        scheduler.schedule(Duration.ZERO, () -> scheduler.runUntilIdle());
        scheduler.runUntilIdle();
        assertEquals(1, scheduler.failureCount());
        assertTrue(scheduler.failures().get(0) instanceof IllegalStateException);
    }

    @Test
    void rejectsNonPositivePeriod() {
        assertThrows(
                IllegalArgumentException.class,
                () -> scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ZERO, () -> {}));
    }

    @Property(tries = 200)
    void executionOrderIsSortedByTimeThenInsertion(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 20) Integer> delays) {
        VirtualScheduler s = new VirtualScheduler();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < delays.size(); i++) {
            int id = i;
            s.schedule(Duration.ofMillis(delays.get(i)), () -> order.add(id));
        }
        s.runUntilIdle();
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < delays.size(); i++) {
            expected.add(i);
        }
        expected.sort((a, b) -> delays.get(a).equals(delays.get(b))
                ? Integer.compare(a, b)
                : Integer.compare(delays.get(a), delays.get(b)));
        assertEquals(expected, order);
    }

    /** A million self-rescheduling events: runs in the suite in well under a second on a laptop. */
    @Test
    void millionEventsRunAndStayOrdered() {
        SplittableRandom rng = new SplittableRandom(7);
        long[] last = {Long.MIN_VALUE};
        long[] count = {0};
        boolean[] ordered = {true};
        for (int chain = 0; chain < 1_000; chain++) {
            scheduleChain(rng, last, count, ordered, 1_000);
        }
        scheduler.runUntilIdle();
        assertEquals(1_000_000, count[0]);
        assertEquals(1_000_000, scheduler.executed());
        assertTrue(ordered[0], "virtual time never went back");
    }

    private void scheduleChain(SplittableRandom rng, long[] last, long[] count, boolean[] ordered, int left) {
        scheduler.schedule(Duration.ofMillis(rng.nextInt(1_000)), () -> {
            long now = scheduler.elapsed().toNanos();
            ordered[0] &= now >= last[0];
            last[0] = now;
            count[0]++;
            if (left > 1) {
                scheduleChain(rng, last, count, ordered, left - 1);
            }
        });
    }
}
