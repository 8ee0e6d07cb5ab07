package dev.bmcagent.agent.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.DefaultHostLifecycle;
import dev.bmcagent.acpi.lifecycle.Effect;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.LifecycleInput;
import dev.bmcagent.acpi.lifecycle.LifecyclePolicy;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.core.event.EventStream;
import dev.bmcagent.core.event.InMemoryEventHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue #13 item 13: the lifecycle state rebuilt from the history at agent start continues the boot in progress —
 * same cycle, phase and stuck timer (the alert fires at the original deadline, not restart + limit), open alerts
 * kept — while power and connection are re-observed.
 */
class LifecycleRestoreTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:00:00Z");
    private static final Duration MEMORY = LifecyclePolicy.defaults().memoryTrainingLimit();

    private final DefaultHostLifecycle lifecycle = new DefaultHostLifecycle();
    private final InMemoryEventHistory history = new InMemoryEventHistory();
    private final EventStream stream =
            new EventStream(history, Clock.fixed(T0, ZoneOffset.UTC), () -> 0L, "run-1", Runnable::run);
    private HostState state = HostState.initial(T0);

    /** Applies one input as the agent does: every emitted event is recorded in the history. */
    private List<LifecycleEvent> apply(LifecycleInput in, Instant at) {
        var t = lifecycle.apply(state, in, at);
        state = t.state();
        List<LifecycleEvent> emitted = t.effects().stream()
                .filter(e -> e instanceof Effect.Emit)
                .map(e -> ((Effect.Emit) e).event())
                .toList();
        emitted.forEach(e -> stream.publish("host0", e));
        return emitted;
    }

    private void bootIntoMemoryTraining() {
        apply(new LifecycleInput.HostConnected(), T0);
        apply(new LifecycleInput.PowerGood(true), T0);
        apply(
                new LifecycleInput.AcpiReported(Optional.of(AcpiSystemState.S2_D2), Optional.of(AcpiDeviceState.D2)),
                T0.plusSeconds(1));
        apply(new LifecycleInput.Progress(new ProgressCode.EfiStatusCode(1, 0x00051000, 0)), T0.plusSeconds(10));
    }

    @Test
    void aRestartInMemoryTrainingKeepsTheCycleAndTheStuckDeadline() {
        bootIntoMemoryTraining();
        assertEquals(
                BootProgressState.MemoryInitializationStarted, state.progress().lastState());
        Instant deadline = T0.plusSeconds(10).plus(MEMORY);

        Instant restart = T0.plus(Duration.ofMinutes(5));
        state = LifecycleRestore.restore(history, "host0", restart); // the agent starts again
        assertFalse(state.powerOn(), "power is re-observed, never restored");
        assertFalse(state.connected());
        assertTrue(state.closedGates().containsAll(List.of(GateClass.HOST_ON, GateClass.NOT_DURING_FIRMWARE_INIT)));
        assertEquals(1, state.bootCycles());
        assertEquals(T0, state.cycle().orElseThrow().startedAt());
        assertEquals(
                BootProgressState.MemoryInitializationStarted, state.progress().lastState());
        assertEquals(T0.plusSeconds(10), state.progress().lastStateTime());

        apply(new LifecycleInput.HostConnected(), restart.plusSeconds(1));
        List<LifecycleEvent> seen = apply(new LifecycleInput.PowerGood(true), restart.plusSeconds(1));
        assertTrue(seen.stream().noneMatch(e -> e instanceof LifecycleEvent.BootCycleStarted), seen::toString);
        assertTrue(state.powerOn());
        assertEquals(1, state.cycle().orElseThrow().number());

        assertTrue(
                apply(new LifecycleInput.Tick(), deadline.minusSeconds(1)).stream()
                        .noneMatch(e -> e instanceof LifecycleEvent.AlertRaised),
                "not before the original deadline");
        assertTrue(
                apply(new LifecycleInput.Tick(), deadline).stream()
                        .anyMatch(e -> e instanceof LifecycleEvent.AlertRaised r
                                && r.alert().kind() == AlertKind.STUCK_PRE_OS),
                "at the original deadline (restart + limit would be " + restart.plus(MEMORY) + ")");
    }

    @Test
    void anOpenAlertIsRestoredAndNotRaisedAgain() {
        bootIntoMemoryTraining();
        apply(new LifecycleInput.Tick(), T0.plusSeconds(10).plus(MEMORY));
        assertTrue(state.alerts().containsKey(AlertKind.STUCK_PRE_OS));

        Instant restart = T0.plusSeconds(10).plus(MEMORY).plusSeconds(60);
        state = LifecycleRestore.restore(history, "host0", restart);
        assertTrue(state.alerts().containsKey(AlertKind.STUCK_PRE_OS));
        List<LifecycleEvent> seen = apply(new LifecycleInput.PowerGood(true), restart.plusSeconds(1));
        seen = new java.util.ArrayList<>(seen);
        seen.addAll(apply(new LifecycleInput.Tick(), restart.plusSeconds(2)));
        assertTrue(seen.stream().noneMatch(e -> e instanceof LifecycleEvent.AlertRaised), seen::toString);
    }

    @Test
    void aHostFoundOffAfterTheRestartEndsTheRestoredCycle() {
        bootIntoMemoryTraining();
        Instant restart = T0.plus(Duration.ofMinutes(5));
        state = LifecycleRestore.restore(history, "host0", restart);
        List<LifecycleEvent> seen = apply(new LifecycleInput.PowerGood(false), restart.plusSeconds(1));
        assertTrue(state.cycle().isEmpty());
        assertTrue(seen.stream().anyMatch(e -> e instanceof LifecycleEvent.BootCycleEnded), seen::toString);
        List<LifecycleEvent> on = apply(new LifecycleInput.PowerGood(true), restart.plusSeconds(30));
        assertTrue(
                on.stream().anyMatch(e -> e instanceof LifecycleEvent.BootCycleStarted s && s.number() == 2),
                on::toString);
    }

    @Test
    void anEmptyHistoryGivesTheInitialState() {
        assertEquals(HostState.initial(T0), LifecycleRestore.restore(history, "host0", T0));
    }
}
