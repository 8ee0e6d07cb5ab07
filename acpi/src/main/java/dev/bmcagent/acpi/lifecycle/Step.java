package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.Alert;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One transition being computed: a private, mutable working copy of a {@link HostState} plus the effects so far.
 * Lives only inside {@link DefaultHostLifecycle#apply}; the function stays pure from the outside.
 */
final class Step {
    final Instant now;
    boolean connected;
    boolean powerOn;
    AcpiSystemState system;
    AcpiDeviceState device;
    boolean acpiInferred;
    Instant acpiChangedAt;
    BootProgress progress;
    Optional<BootCycle> cycle;
    long bootCycles;
    final Set<GateClass> closedGates;
    FanMode fanMode;
    final Set<String> failedSensors;
    final EnumMap<AlertKind, Alert> alerts;
    ReconcileState reconcile;
    MemoryBaseline memory;
    HostReports reported;
    final Set<String> stalledFans;
    private final List<Effect> effects = new ArrayList<>();

    Step(HostState s, Instant now) {
        this.now = now;
        connected = s.connected();
        powerOn = s.powerOn();
        system = s.system();
        device = s.device();
        acpiInferred = s.acpiInferred();
        acpiChangedAt = s.acpiChangedAt();
        progress = s.progress();
        cycle = s.cycle();
        bootCycles = s.bootCycles();
        closedGates = s.closedGates().isEmpty() ? EnumSet.noneOf(GateClass.class) : EnumSet.copyOf(s.closedGates());
        fanMode = s.fanMode();
        failedSensors = new LinkedHashSet<>(s.failedSensors());
        alerts = new EnumMap<>(AlertKind.class);
        alerts.putAll(s.alerts());
        reconcile = s.reconcile();
        memory = s.memory();
        reported = s.reported();
        stalledFans = new java.util.TreeSet<>(s.stalledFans());
    }

    Transition transition() {
        HostState state = new HostState(
                connected,
                powerOn,
                system,
                device,
                acpiInferred,
                acpiChangedAt,
                progress,
                cycle,
                bootCycles,
                closedGates,
                fanMode,
                failedSensors,
                alerts,
                reconcile,
                memory,
                stalledFans,
                reported);
        return new Transition(state, effects);
    }

    void effect(Effect effect) {
        effects.add(effect);
    }

    void emit(LifecycleEvent event) {
        effects.add(new Effect.Emit(event));
    }

    void sel(SelEvent event) {
        effects.add(new Effect.AppendSel(event));
    }

    /** The running boot cycle, if any. */
    Optional<BootCycle> running() {
        return cycle.filter(BootCycle::running);
    }

    /** Sets the ACPI state; emits AcpiChanged (and a 22h SEL record when the system state changed) on a change. */
    void acpi(AcpiSystemState newSystem, AcpiDeviceState newDevice, boolean inferred, String cause) {
        boolean systemChanged = newSystem != system;
        if (!systemChanged && newDevice == device) {
            acpiInferred = acpiInferred && inferred;
            return;
        }
        system = newSystem;
        device = newDevice;
        acpiInferred = inferred;
        acpiChangedAt = now;
        emit(new LifecycleEvent.AcpiChanged(newSystem, newDevice, inferred, cause, now));
        if (systemChanged) {
            sel(inferred ? LifecycleSelEvents.acpiInferred(newSystem) : LifecycleSelEvents.acpi(newSystem));
        }
    }

    /** Sets BootProgress; emits BootProgressChanged when it differs. */
    void progress(BootProgress next) {
        if (!next.equals(progress)) {
            progress = next;
            emit(new LifecycleEvent.BootProgressChanged(next, now));
        }
    }

    /** Raises an alert unless one of its kind is active (one alert per episode). */
    void raise(Alert alert) {
        if (!alerts.containsKey(alert.kind())) {
            alerts.put(alert.kind(), alert);
            emit(new LifecycleEvent.AlertRaised(alert, now));
        }
    }

    /** Replaces an active alert of the same kind (emits AlertUpdated); false, and nothing, when none is active. */
    boolean update(Alert alert) {
        if (!alerts.containsKey(alert.kind())) {
            return false;
        }
        alerts.put(alert.kind(), alert);
        emit(new LifecycleEvent.AlertUpdated(alert, now));
        return true;
    }

    /** Clears an active alert; nothing when none is active. */
    void clear(AlertKind kind, String reason) {
        if (alerts.remove(kind) != null) {
            emit(new LifecycleEvent.AlertCleared(kind, reason, now));
        }
    }
}
