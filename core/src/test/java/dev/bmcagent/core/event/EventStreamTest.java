package dev.bmcagent.core.event;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private final AtomicLong nanos = new AtomicLong(1_000_000);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static LifecycleEvent power(boolean on) {
        return new LifecycleEvent.PowerChanged(on, "test", T0);
    }

    private EventStream stream(EventHistory history, java.util.concurrent.Executor delivery) {
        return new EventStream(history, CLOCK, nanos::get, "session-1", delivery);
    }

    @Test
    void numbersEachHostGapFreeAndContinuesAfterTheHistory() {
        InMemoryEventHistory history = new InMemoryEventHistory();
        for (long seq = 1; seq <= 3; seq++) {
            history.append(new HostEvent("host0", seq, "previous-run", T0, 0, power(true)));
        }
        EventStream s = stream(history, Runnable::run);
        nanos.addAndGet(2_500);

        HostEvent a = s.publish("host0", power(false));
        HostEvent b = s.publish("host1", power(true));
        HostEvent c = s.publish("host0", power(true));

        assertEquals(4, a.sequence());
        assertEquals(1, b.sequence());
        assertEquals(5, c.sequence());
        assertEquals("session-1", a.sessionId());
        assertEquals(T0, a.at());
        assertEquals(2_500, a.elapsedNanos());
        assertEquals(
                List.of(1L, 2L, 3L, 4L, 5L),
                history.read("host0", 1, 100).stream().map(HostEvent::sequence).toList());
        assertEquals(5, s.lastSequence("host0"));
    }

    @Test
    void everyEventIsDurableBeforeAnySubscriberSeesIt() {
        InMemoryEventHistory history = new InMemoryEventHistory();
        EventStream s = stream(history, pool);
        List<Boolean> durableAtDelivery = Collections.synchronizedList(new ArrayList<>());
        s.subscribe(
                "check",
                e -> durableAtDelivery.add(
                        history.read(e.hostId(), e.sequence(), 1).equals(List.of(e))));
        for (int i = 0; i < 50; i++) {
            s.publish("host" + (i % 3), power(i % 2 == 0));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> durableAtDelivery.size() == 50);
        assertTrue(durableAtDelivery.stream().allMatch(ok -> ok), "an event was delivered before it was durable");
    }

    @Test
    void anEventTheHistoryRejectsIsNotDeliveredAndItsNumberIsSkippedSoTheLossShows() {
        AtomicBoolean fail = new AtomicBoolean(true);
        InMemoryEventHistory durable = new InMemoryEventHistory();
        EventHistory flaky = new EventHistory() {
            @Override
            public void append(HostEvent event) {
                if (fail.get()) {
                    throw new IllegalStateException("disk full");
                }
                durable.append(event);
            }

            @Override
            public List<HostEvent> read(String hostId, long fromSequence, int max) {
                return durable.read(hostId, fromSequence, max);
            }

            @Override
            public long lastSequence(String hostId) {
                return durable.lastSequence(hostId);
            }
        };
        EventStream s = stream(flaky, Runnable::run);
        List<HostEvent> seen = new ArrayList<>();
        s.subscribe("seen", seen::add);

        EventNotRecordedException e =
                assertThrows(EventNotRecordedException.class, () -> s.publish("host0", power(true)));
        assertTrue(e.getMessage().contains("host0 #1"), e.getMessage());
        assertEquals(List.of(), seen);
        assertEquals(1, s.notRecorded());

        fail.set(false);
        HostEvent next = s.publish("host0", power(true));
        assertEquals(2, next.sequence(), "#1 was lost (disk full): subscribers see the gap");
        assertEquals(List.of(next), seen);
    }

    @Test
    void aThrowingSubscriberDoesNotAffectOthers() {
        EventStream s = stream(new InMemoryEventHistory(), Runnable::run);
        Subscription bad = s.subscribe("bad", e -> {
            throw new IllegalStateException("boom");
        });
        List<Long> good = new ArrayList<>();
        s.subscribe("good", e -> good.add(e.sequence()));
        for (int i = 0; i < 3; i++) {
            s.publish("host0", power(true));
        }
        assertEquals(List.of(1L, 2L, 3L), good);
        assertEquals(3, bad.failures());
        assertEquals(0, bad.delivered());
    }

    @Test
    void aSlowSubscriberLosesEventsAndCountsThemWithoutBlockingPublishOrOthers() throws Exception {
        EventStream s = stream(new InMemoryEventHistory(), pool);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> slowSeen = Collections.synchronizedList(new ArrayList<>());
        Subscription slow = s.subscribe("slow", e -> true, 2, e -> {
            entered.countDown();
            awaitUninterruptibly(release);
            slowSeen.add(e.sequence());
        });
        List<Long> fastSeen = Collections.synchronizedList(new ArrayList<>());
        s.subscribe("fast", e -> fastSeen.add(e.sequence()));

        s.publish("host0", power(true));
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 9; i++) {
            s.publish("host0", power(true)); // returns although "slow" is stuck
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> fastSeen.size() == 10);
        assertEquals(7, slow.dropped());

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> slow.delivered() == 3);
        assertEquals(List.of(1L, 2L, 3L), slowSeen);
    }

    @Test
    void filtersAndUnsubscribes() {
        EventStream s = stream(new InMemoryEventHistory(), Runnable::run);
        List<String> host1 = new ArrayList<>();
        Subscription sub = s.subscribe(
                "host1-only", e -> e.hostId().equals("host1"), 8, e -> host1.add(e.hostId() + "#" + e.sequence()));
        s.publish("host0", power(true));
        s.publish("host1", power(true));
        s.unsubscribe(sub);
        s.publish("host1", power(false));
        assertEquals(List.of("host1#1"), host1);
        assertEquals(List.of(), s.subscriptions());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
