package dev.bmcagent.rollout.permit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.common.time.ManualScheduler;
import dev.bmcagent.core.reboot.PermitAnswer;
import dev.bmcagent.core.reboot.RebootRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The coordinator's policy on a hand-advanced clock: fleet cap, group cap, idempotent requests, leases, queue. */
class PermitCoordinatorTest {
    private final ManualScheduler clock = new ManualScheduler(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> events = new ArrayList<>();
    private final PermitCoordinator.Listener listener = new PermitCoordinator.Listener() {
        @Override
        public void granted(Grant grant) {
            events.add("grant " + grant.hostId() + " #" + grant.seq());
        }

        @Override
        public void returned(Grant grant, boolean expired) {
            events.add((expired ? "expired " : "returned ") + grant.hostId());
        }
    };

    /** 100 hosts, 5 %: 5 permits; racks of 10 hosts, at most 2 per rack; 10 min lease. */
    private PermitCoordinator coordinator() {
        return new PermitCoordinator(
                new PermitPolicy(2, 5.0, 100, Duration.ofMinutes(10)),
                h -> "rack" + Integer.parseInt(h.substring(4)) / 10,
                clock,
                listener);
    }

    private List<String> answers = new ArrayList<>();

    private void ask(PermitCoordinator c, int host) {
        c.request(new RebootRequest("host" + host, "test"), a -> answers.add("host" + host + " " + a.verdict()));
    }

    @Test
    void grantsAtMostTheFleetCapAndTheGroupCap() {
        PermitCoordinator c = coordinator();
        for (int h = 0; h < 30; h++) {
            ask(c, h);
        }
        // racks 0,1,2 get 2 each until the fleet cap of 5: host0, host1, host10, host11, host20
        assertEquals(
                List.of("host0 GRANTED", "host1 GRANTED", "host10 GRANTED", "host11 GRANTED", "host20 GRANTED"),
                answers);
        assertEquals(5, c.held());
        assertEquals(25, c.waiting());
        assertEquals(5, c.peakHeld());
    }

    @Test
    void aRepeatedRequestByAHolderGetsTheSamePermitAndNoSecondGrant() {
        PermitCoordinator c = coordinator();
        ask(c, 0);
        ask(c, 0);
        ask(c, 0);
        assertEquals(List.of("host0 GRANTED", "host0 GRANTED", "host0 GRANTED"), answers);
        assertEquals(1, c.granted());
        assertEquals(1, c.held());
        assertEquals(List.of("grant host0 #1"), events);
    }

    @Test
    void aReleaseHandsThePermitToTheFirstWaiterItsGroupAllows() {
        PermitCoordinator c = coordinator();
        for (int h = 0; h < 30; h++) {
            ask(c, h);
        }
        answers.clear();
        c.release("host20"); // frees fleet slot: first waiter is host2 (rack0 full) → host12 (rack1 full) → host21
        assertEquals(List.of("host21 GRANTED"), answers);
        c.release("host0"); // rack0 has room now: host2 is first in the queue
        assertEquals(List.of("host21 GRANTED", "host2 GRANTED"), answers);
        assertEquals(5, c.held());
        c.release("host0"); // not held any more: idempotent
        assertEquals(5, c.held());
    }

    @Test
    void aLeaseExpiresAndItsSlotGoesToAWaiter() {
        PermitCoordinator c = coordinator();
        for (int h = 0; h < 6; h++) {
            ask(c, h * 10);
        }
        assertEquals(5, c.held());
        clock.advance(Duration.ofMinutes(9));
        assertEquals(5, c.held());
        clock.advance(Duration.ofMinutes(1));
        // all five leases ended at 10 min; the waiter (host50) got one
        assertEquals(1, c.held());
        assertEquals(5, c.expired());
        assertTrue(events.contains("expired host0"));
        assertEquals("host50 GRANTED", answers.get(answers.size() - 1));
    }

    @Test
    void hostOwnRebootsAreOnlyCounted() {
        PermitCoordinator c = coordinator();
        c.observedReboot("host3");
        c.observedReboot("host3");
        assertEquals(2, c.observedReboots());
        assertEquals(0, c.held());
    }

    @Test
    void fleetCapIsFloorOfThePercentage() {
        assertEquals(500, new PermitPolicy(10, 5.0, 10_000, Duration.ofHours(1)).fleetCap());
        assertEquals(1, new PermitPolicy(10, 5.0, 8, Duration.ofHours(1)).fleetCap());
        assertEquals(PermitAnswer.Verdict.GRANTED, PermitAnswer.granted("x").verdict());
    }

    @Test
    void aHostWaitsOnceAndTheQueueIsBoundedByTheFleetSize() {
        PermitCoordinator c = new PermitCoordinator(
                new PermitPolicy(1, 50.0, 4, Duration.ofMinutes(10)), h -> "all", clock, listener);
        ask(c, 0);
        ask(c, 1);
        ask(c, 1); // supersedes its first request: that one is answered HOLD
        assertEquals(List.of("host0 GRANTED", "host1 HOLD"), answers);
        assertEquals(1, c.waiting());
        ask(c, 2);
        ask(c, 3);
        ask(c, 4);
        assertEquals(4, c.waiting());
        ask(c, 5); // fifth waiter in a fleet of 4: refused
        assertEquals("host5 HOLD", answers.get(answers.size() - 1));
        assertEquals(4, c.waiting());
        c.release("host0");
        assertEquals("host1 GRANTED", answers.get(answers.size() - 1));
    }
}
