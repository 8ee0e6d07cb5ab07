package dev.bmcagent.agent.history;

import dev.bmcagent.acpi.lifecycle.BootCycle;
import dev.bmcagent.acpi.lifecycle.HostState;
import dev.bmcagent.acpi.lifecycle.LifecycleEvent;
import dev.bmcagent.acpi.lifecycle.ReconcileState;
import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.core.event.EventHistory;
import dev.bmcagent.core.event.HostEvent;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A host's lifecycle state at agent start, rebuilt from its durable event history (issue #13 item 13), so a restart
 * in the middle of POST keeps the boot: the running cycle (number, start time, phases with their times, failed
 * network-boot attempts, POST codes), BootProgress (LastState and its time: the stuck timer), the cycle counter and
 * the open alerts.
 *
 * <p>What is NOT restored, because the agent has not seen it in this run and must re-observe it from the host link:
 * power-good and the connection (the state starts off and disconnected, so gates stay closed and nothing claims
 * power), failed sensors, fan mode and gates (recomputed from power and ACPI by the lifecycle). The last ACPI state
 * is restored as <em>inferred</em> (the host has not confirmed it in this run). The lifecycle then continues the
 * restored cycle when the first power observation is power-good, and ends it when it is power-off (see
 * {@code DefaultHostLifecycle}: a running cycle while power is off exists only after a restore).
 *
 * <p>Not from the history either: the memory record ({@code HostState.memory()}, the last good boot's DIMMs), which
 * the host node reads from the settings into the state this method returns (core's {@code MemoryRecordStore}),
 * because a good boot is often older than the newest events read here.
 *
 * <p>Bounded: only the host's newest {@link #MAX_EVENTS} recorded events are read; a cycle that started before
 * them is not restored (the counter still is, from the newest event carrying a cycle number).
 */
public final class LifecycleRestore {
    /** At most this many of a host's newest history events are read at start. */
    public static final int MAX_EVENTS = 4096;
    /** POST codes kept per restored cycle (the lifecycle's own bound applies to the next ones). */
    private static final int MAX_POST_CODES = 256;

    private LifecycleRestore() {}

    /** The state to start {@code hostId} from: {@link HostState#initial} when its history is empty. */
    public static HostState restore(EventHistory history, String hostId, Instant now) {
        HostState initial = HostState.initial(now);
        long last = history.lastSequence(hostId);
        if (last == 0) {
            return initial;
        }
        List<HostEvent> events = history.read(hostId, Math.max(1, last - MAX_EVENTS + 1), MAX_EVENTS);
        return fold(initial, events.stream().map(HostEvent::event).toList());
    }

    /** Folds recorded events (oldest first) over {@code initial}. Pure. */
    static HostState fold(HostState initial, List<LifecycleEvent> events) {
        long cycles = initial.bootCycles();
        Optional<BootCycle> cycle = Optional.empty();
        BootProgress progress = initial.progress();
        var system = initial.system();
        var device = initial.device();
        Instant acpiAt = initial.acpiChangedAt();
        Map<AlertKind, Alert> alerts = new EnumMap<>(AlertKind.class);
        for (LifecycleEvent e : events) {
            if (e instanceof LifecycleEvent.BootCycleStarted s) {
                cycles = Math.max(cycles, s.number());
                cycle = Optional.of(BootCycle.start(s.number(), s.at(), s.cause()));
            } else if (e instanceof LifecycleEvent.BootCycleEnded c) {
                cycles = Math.max(cycles, c.cycle().number());
                cycle = Optional.empty();
            } else if (e instanceof LifecycleEvent.BootProgressChanged b) {
                progress = b.progress();
                BootProgress p = b.progress();
                cycle = cycle.map(c -> c.withPhase(new BootCycle.PhaseMark(
                        p.lastState(), p.oemLastState().orElse(p.lastState().name()), p.lastStateTime())));
            } else if (e instanceof LifecycleEvent.NetworkBootFailed n) {
                cycle = cycle.map(c -> c.withAttempt(new BootCycle.NetworkBootAttempt(
                        n.interfaceName(), n.kind(), n.timeLost(), n.at(), n.iface())));
            } else if (e instanceof LifecycleEvent.PostCodeSeen p) {
                cycle = cycle.map(c -> c.withPostCode(new BootCycle.PostCodeMark(p.code(), p.at()), MAX_POST_CODES));
            } else if (e instanceof LifecycleEvent.AcpiChanged a) {
                system = a.system();
                device = a.device();
                acpiAt = a.at();
            } else if (e instanceof LifecycleEvent.AlertRaised r) {
                alerts.put(r.alert().kind(), r.alert());
            } else if (e instanceof LifecycleEvent.AlertCleared c) {
                alerts.remove(c.kind());
            }
        }
        if (cycle.isEmpty()) {
            // between boots: only the counter and the alerts carry over; the rest is re-observed
            return new HostState(
                    false,
                    false,
                    initial.system(),
                    initial.device(),
                    true,
                    initial.acpiChangedAt(),
                    initial.progress(),
                    Optional.empty(),
                    cycles,
                    initial.closedGates(),
                    FanMode.Normal,
                    Set.of(),
                    alerts,
                    ReconcileState.none(),
                    initial.memory(),
                    initial.stalledFans(),
                    initial.reported());
        }
        return new HostState(
                false,
                false,
                system,
                device,
                true,
                acpiAt,
                progress,
                cycle,
                cycles,
                EnumSet.of(GateClass.HOST_ON, GateClass.NOT_DURING_FIRMWARE_INIT),
                FanMode.Normal,
                Set.of(),
                alerts,
                ReconcileState.none(),
                initial.memory(),
                initial.stalledFans(),
                initial.reported());
    }
}
