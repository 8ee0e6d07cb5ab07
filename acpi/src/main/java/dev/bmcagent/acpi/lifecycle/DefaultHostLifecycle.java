package dev.bmcagent.acpi.lifecycle;

import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.BootOrderReconciler;
import dev.bmcagent.acpi.policy.SensorGatePolicy;
import dev.bmcagent.acpi.progress.BootProgress;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.progress.FirmwareProgressCode;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.progress.ProgressTranslator;
import dev.bmcagent.acpi.progress.Translation;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The host lifecycle: one small method per input, then the sensor policy (gates, fans) and the stuck detector.
 *
 * <p>Rules worth knowing:
 * <ul>
 *   <li>Power truth comes from power-good only: power commands produce effects, never a state change. Reports from
 *       the host (ACPI, progress, firmware problems, boot errors, boot order) while power is off are stale or early
 *       and are dropped.</li>
 *   <li>S5_G2 is inferred (AcpiChanged inferred=true + SEL 22h/05h) when power-good drops, the host disconnects or
 *       resets without having reported an off state.</li>
 *   <li>A boot cycle starts at power-on (SEL 1Dh/00h), warm/hard reset (1Dh/02h, 1Dh/01h), or a restart the BMC
 *       only sees (S2_D2 reported, or a PEI/memory-init code, after the OS was running: 1Dh/07h, cause 00h unknown).
 *       It ends at OSRunning (ExitBootServices code or OS boot complete: SEL 1Fh/06h), reset, or power-off.</li>
 *   <li>After the OS runs, progress codes other than a restart are ignored (Linux writes port 80 for I/O delays).</li>
 *   <li>A failed sensor counts only in the working state (S0): elsewhere it is unavailable, not failed, and the
 *       report is ignored.</li>
 *   <li>EFI error codes become a firmware error (0Fh/00h, ED2 00h); EFI debug codes are ignored.</li>
 * </ul>
 */
public final class DefaultHostLifecycle implements HostLifecycle {

    private final LifecyclePolicy policy;
    private final BootOrderStep bootOrder;

    public DefaultHostLifecycle(LifecyclePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.bootOrder =
                new BootOrderStep(new BootOrderReconciler(policy.maxReconcileAttempts()), policy.reconcileReboot());
    }

    public DefaultHostLifecycle() {
        this(LifecyclePolicy.defaults());
    }

    public LifecyclePolicy policy() {
        return policy;
    }

    @Override
    public Transition apply(HostState state, LifecycleInput input, Instant now) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(now, "now");
        Step s = new Step(state, now);
        dispatch(s, input);
        SensorPolicy.apply(s);
        StuckPreOsDetector.check(s, policy);
        return s.transition();
    }

    private void dispatch(Step s, LifecycleInput input) {
        if (input instanceof LifecycleInput.AcpiReported r) {
            onAcpiReported(s, r);
        } else if (input instanceof LifecycleInput.PowerGood p) {
            onPowerGood(s, p.on());
        } else if (input instanceof LifecycleInput.HostReset r) {
            onHostReset(s, r.kind());
        } else if (input instanceof LifecycleInput.HostConnected) {
            s.connected = true;
        } else if (input instanceof LifecycleInput.HostDisconnected) {
            onHostDisconnected(s);
        } else if (input instanceof LifecycleInput.Progress p) {
            onProgress(s, p.code());
        } else if (input instanceof LifecycleInput.FirmwareProblem f) {
            onFirmwareProblem(s, f.kind(), f.eventData2());
        } else if (input instanceof LifecycleInput.BootError e) {
            onBootError(s, e);
        } else if (input instanceof LifecycleInput.OsBootComplete) {
            onOsBootComplete(s);
        } else if (input instanceof LifecycleInput.PowerCommand c) {
            onPowerCommand(s, c.action());
        } else if (input instanceof LifecycleInput.Tick) {
            return; // the stuck detector runs after every input
        } else if (input instanceof LifecycleInput.SensorHealth h) {
            onSensorHealth(s, h);
        } else if (input instanceof LifecycleInput.BootOrderReported r) {
            if (s.powerOn) {
                s.reported = s.reported.withBootOrder(r.options());
                bootOrder.reported(s, r.options());
            }
        } else if (input instanceof LifecycleInput.BootOrderRefused) {
            if (s.powerOn) {
                bootOrder.refused(s);
            }
        } else if (input instanceof LifecycleInput.FanStalled f) {
            FanStall.reported(s, f);
        } else if (input instanceof LifecycleInput.MemoryReported m) {
            if (s.powerOn) {
                s.reported = s.reported.withMemoryMiB(m.totalMiB());
                MissingMemory.reported(s, m);
            }
        } else if (input instanceof LifecycleInput.BootOrderDeclared d) {
            bootOrder.declared(s, d.patterns());
        } else {
            throw new IllegalArgumentException("unhandled lifecycle input " + input);
        }
    }

    private void onAcpiReported(Step s, LifecycleInput.AcpiReported r) {
        if (!s.powerOn) {
            return;
        }
        AcpiSystemState system = r.system().orElse(s.system);
        AcpiDeviceState device = r.device().orElse(s.device);
        if (system == AcpiSystemState.S2_D2
                && s.system != AcpiSystemState.S2_D2
                && s.running().isEmpty()) {
            restart(
                    s,
                    "host reported S2_D2 without a reset",
                    LifecycleSelEvents.systemRestart(LifecycleSelEvents.RESTART_CAUSE_UNKNOWN),
                    false);
        }
        s.acpi(system, device, false, "reported by host");
        if (SensorGatePolicy.working(system) && s.running().isPresent()) {
            osRunning(s, "host reported " + system.dbusName(), false);
        }
    }

    private void onPowerGood(Step s, boolean on) {
        if (!s.powerOn && s.running().isPresent()) {
            restoredCycleObserved(s, on);
            return;
        }
        if (on == s.powerOn) {
            return;
        }
        if (on) {
            s.powerOn = true;
            s.emit(new LifecycleEvent.PowerChanged(true, "power-good", s.now));
            startCycle(s, "power on", LifecycleSelEvents.restart(LifecycleSelEvents.RESTART_POWER_UP));
        } else {
            powerLost(s, "power-good lost");
        }
    }

    /**
     * A running cycle while power is off exists only in a state the agent restored from its history at start (power
     * is never restored: it must be seen). The first power observation decides: power-good continues that boot (no
     * new cycle: same number, start time and stuck timer); power-off ends it.
     */
    private void restoredCycleObserved(Step s, boolean on) {
        if (on) {
            s.powerOn = true;
            s.emit(new LifecycleEvent.PowerChanged(true, "power-good (seen after agent restart)", s.now));
        } else {
            endCycle(s, BootCycle.Outcome.POWERED_OFF);
            resetProgress(s);
            s.clear(AlertKind.STUCK_PRE_OS, "host found off after agent restart");
        }
    }

    private void onHostReset(Step s, LifecycleInput.ResetKind kind) {
        if (!s.powerOn) {
            return;
        }
        boolean warm = kind == LifecycleInput.ResetKind.WARM;
        restart(
                s,
                warm ? "warm reset" : "hard reset",
                LifecycleSelEvents.restart(
                        warm ? LifecycleSelEvents.RESTART_WARM_RESET : LifecycleSelEvents.RESTART_HARD_RESET),
                true);
    }

    private void onHostDisconnected(Step s) {
        s.connected = false;
        if (s.powerOn) {
            powerLost(s, "host disconnected");
        }
    }

    private void onProgress(Step s, ProgressCode code) {
        if (!s.powerOn) {
            return;
        }
        Translation t = ProgressTranslator.translate(code);
        if (t.kind() == Translation.Kind.DEBUG) {
            return;
        }
        if (t.kind() == Translation.Kind.ERROR) {
            onFirmwareProblem(s, LifecycleInput.FirmwareProblemKind.ERROR, LifecycleSelEvents.FW_ERROR_UNSPECIFIED);
            return;
        }
        if (s.running().isEmpty()
                ? ProgressOrder.startsBoot(t.state())
                : ProgressOrder.restarts(s.progress.lastState(), t.state())) {
            restart(
                    s,
                    "firmware restart seen: " + t.detail(),
                    LifecycleSelEvents.systemRestart(LifecycleSelEvents.RESTART_CAUSE_UNKNOWN),
                    true);
        }
        if (s.running().isEmpty()) {
            return; // after the OS runs, only a restart moves the timeline (Linux writes port 80 for I/O delays)
        }
        if (code instanceof ProgressCode.PostCode post) {
            s.cycle = s.running()
                    .map(c -> c.withPostCode(
                            new BootCycle.PostCodeMark(post.value(), s.now), policy.maxPostCodesPerCycle()));
            s.emit(new LifecycleEvent.PostCodeSeen(post.value(), s.now));
        }
        BootProgress next = ProgressOrder.next(s.progress, t, s.now);
        boolean stateChanged = next.lastState() != s.progress.lastState();
        if (stateChanged) {
            s.cycle = s.running().map(c -> c.withPhase(new BootCycle.PhaseMark(next.lastState(), t.detail(), s.now)));
        }
        s.progress(next);
        // a progress event the host sent is stored as sent, duplicates too; a translated EFI/POST code only when it
        // moves LastState (a memory-training range of codes is one record)
        if (code instanceof ProgressCode.IpmiFirmwareProgress || stateChanged) {
            t.eventData2().ifPresent(ed2 -> s.sel(LifecycleSelEvents.firmwareProgress(ed2)));
        }
        StuckPreOsDetector.progressed(s);
    }

    private void onFirmwareProblem(Step s, LifecycleInput.FirmwareProblemKind kind, int eventData2) {
        if (!s.powerOn) {
            return;
        }
        int ed2 = eventData2 >= 0 && eventData2 <= 0xFF ? eventData2 : SelEvent.UNSPECIFIED;
        s.emit(new LifecycleEvent.FirmwareProblemReported(kind, ed2, s.now));
        s.sel(LifecycleSelEvents.firmwareProblem(kind, ed2));
        if (kind == LifecycleInput.FirmwareProblemKind.HANG) {
            StuckPreOsDetector.hang(s, FirmwareProgressCode.describe(ed2));
        }
    }

    private void onBootError(Step s, LifecycleInput.BootError e) {
        if (!s.powerOn) {
            return;
        }
        Duration lost =
                s.running().map(c -> Duration.between(attemptStart(c), s.now)).orElse(Duration.ZERO);
        s.cycle = s.running()
                .map(c -> c.withAttempt(
                        new BootCycle.NetworkBootAttempt(e.interfaceName(), e.kind(), lost, s.now, e.iface())));
        s.emit(new LifecycleEvent.NetworkBootFailed(e.interfaceName(), e.kind(), lost, s.now, e.iface()));
        s.sel(LifecycleSelEvents.bootError(e.kind(), e.iface()));
        s.running().ifPresent(c -> SlowBoot.check(s, c, policy.slowBootLimit()));
    }

    /**
     * When the failed attempt began: the previous failure of this boot, else the latest boot device selection
     * (BDS start) or ReadyToBoot ("system boot initiated") mark, else the start of the cycle. Firmware reports no
     * duration of its own, so the agent measures every attempt on its clock.
     */
    static Instant attemptStart(BootCycle c) {
        Instant start = c.startedAt();
        for (BootCycle.PhaseMark m : c.phases()) {
            if ((m.state() == BootProgressState.SystemHardwareInitializationComplete
                            || m.state() == BootProgressState.OSBootStarted)
                    && m.at().isAfter(start)) {
                start = m.at();
            }
        }
        for (BootCycle.NetworkBootAttempt a : c.attempts()) {
            if (a.at().isAfter(start)) {
                start = a.at();
            }
        }
        return start;
    }

    /**
     * The host's OS boot completed event (1Fh): the OS runs. After the host already reported S0 (the boot has ended),
     * or when it repeats, it is still the host's record: the lifecycle writes it (named, BMC-owned), nothing else.
     */
    private void onOsBootComplete(Step s) {
        if (!s.powerOn) {
            return;
        }
        if (s.running().isPresent()) {
            osRunning(s, "OS boot complete", true);
        } else {
            s.sel(LifecycleSelEvents.osBootCompleted());
        }
    }

    private void onPowerCommand(Step s, LifecycleInput.PowerAction action) {
        s.effect(new Effect.HostPowerAction(action));
        s.emit(new LifecycleEvent.PowerActionRequested(action, "client request", s.now));
    }

    private void onSensorHealth(Step s, LifecycleInput.SensorHealth h) {
        if (!h.failed()) {
            s.failedSensors.remove(h.sensor());
        } else if (s.powerOn && SensorGatePolicy.working(s.system)) {
            s.failedSensors.add(h.sensor());
        }
    }

    private void startCycle(Step s, String cause, SelEvent restartRecord) {
        s.bootCycles++;
        s.cycle = Optional.of(BootCycle.start(s.bootCycles, s.now, cause));
        s.emit(new LifecycleEvent.BootCycleStarted(s.bootCycles, cause, s.now));
        s.sel(restartRecord);
        resetProgress(s);
    }

    /**
     * The host restarted without powering off: end the cycle, start a new one (its 1Dh record), and unless the host is
     * reporting S2 itself, infer S2_D2 — firmware is initialising again, so the DIMM gate closes and the fans go to
     * fixed duty. No S5 is inferred: power never went away, and a soft-off record would read as a power-off.
     */
    private void restart(Step s, String cause, SelEvent restartRecord, boolean inferFirmwareInit) {
        endCycle(s, BootCycle.Outcome.RESET);
        startCycle(s, cause, restartRecord);
        if (inferFirmwareInit && s.system != AcpiSystemState.S2_D2) {
            s.acpi(AcpiSystemState.S2_D2, AcpiDeviceState.D2, true, cause);
        }
    }

    private void powerLost(Step s, String cause) {
        s.powerOn = false;
        s.emit(new LifecycleEvent.PowerChanged(false, cause, s.now));
        if (!SensorGatePolicy.off(s.system)) {
            s.acpi(AcpiSystemState.S5_G2, AcpiDeviceState.D3, true, cause + " without S5");
        }
        endCycle(s, BootCycle.Outcome.POWERED_OFF);
        resetProgress(s);
        s.clear(AlertKind.STUCK_PRE_OS, "host powered off");
    }

    /** @param osBootEvent the host sent OS boot completed (its 1Fh record); false when it reported S0 */
    private void osRunning(Step s, String detail, boolean osBootEvent) {
        BootCycle cycle = s.running().orElseThrow();
        Duration bootTime = Duration.between(cycle.startedAt(), s.now);
        s.cycle = Optional.of(cycle.withPhase(new BootCycle.PhaseMark(BootProgressState.OSRunning, detail, s.now)));
        s.progress(new BootProgress(BootProgressState.OSRunning, Optional.empty(), s.now, Optional.of(bootTime)));
        if (osBootEvent) {
            s.sel(LifecycleSelEvents.osBootCompleted());
        }
        s.clear(AlertKind.STUCK_PRE_OS, "OS running");
        SlowBoot.osReached(s, cycle, policy.slowBootLimit());
        MissingMemory.osReached(s);
        if (!SensorGatePolicy.working(s.system)) {
            s.acpi(AcpiSystemState.S0_G0_D0, AcpiDeviceState.D0, true, "OS running: " + detail);
        }
        endCycle(s, BootCycle.Outcome.OS_RUNNING);
    }

    private static void endCycle(Step s, BootCycle.Outcome outcome) {
        Optional<BootCycle> running = s.running();
        if (running.isPresent()) {
            BootCycle ended = running.get().end(s.now, outcome);
            s.cycle = Optional.empty();
            s.emit(new LifecycleEvent.BootCycleEnded(ended, s.now));
        }
    }

    private static void resetProgress(Step s) {
        if (s.progress.lastState() != BootProgressState.None) {
            s.progress(new BootProgress(
                    BootProgressState.None, Optional.empty(), s.now, s.progress.lastBootTimeSeconds()));
        }
    }
}
