package dev.bmcagent.acpi.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent.ReconcileDecision;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.SensorGatePolicy;
import dev.bmcagent.acpi.progress.BootPhase;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Invariants over random input sequences (random delays up to 20 min so the stuck detector fires too). */
class LifecyclePropertiesTest {

    private static final List<String> DECLARED = List.of(".*HTTP.*IPv6.*P1", ".*PXE.*IPv4.*P1");
    private static final List<String> GOOD = List.of("UEFI: HTTPS IPv6 NIC P1", "UEFI: PXE IPv4 NIC P1", "UEFI: disk");
    private static final List<String> SCRAMBLED =
            List.of("UEFI: disk", "UEFI: PXE IPv4 NIC P1", "UEFI: HTTPS IPv6 NIC P1");
    private static final List<String> MISSING = List.of("UEFI: disk", "UEFI: PXE IPv4 NIC P1");

    record Action(LifecycleInput input, int delaySeconds) {}

    @Provide
    Arbitrary<List<Action>> scripts() {
        Arbitrary<LifecycleInput> inputs = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(true, false).map(LifecycleInput.PowerGood::new)),
                net.jqwik.api.Tuple.of(
                        2, Arbitraries.of(LifecycleInput.ResetKind.class).map(LifecycleInput.HostReset::new)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of(new LifecycleInput.HostConnected(), new LifecycleInput.HostDisconnected())),
                net.jqwik.api.Tuple.of(8, acpi()),
                net.jqwik.api.Tuple.of(12, progress().map(LifecycleInput.Progress::new)),
                net.jqwik.api.Tuple.of(
                        1,
                        Combinators.combine(
                                        Arbitraries.of(LifecycleInput.FirmwareProblemKind.class),
                                        Arbitraries.integers().between(0, 0x1F))
                                .as(LifecycleInput.FirmwareProblem::new)),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.of(LifecycleInput.BootErrorKind.class)
                                .map(k -> new LifecycleInput.BootError(k, "UEFI: PXE IPv4 NIC P1"))),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new LifecycleInput.OsBootComplete())),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of(LifecycleInput.PowerAction.class).map(LifecycleInput.PowerCommand::new)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(new LifecycleInput.Tick())),
                net.jqwik.api.Tuple.of(
                        3,
                        Combinators.combine(Arbitraries.of("CPU0_TEMP", "DIMM_A1_TEMP"), Arbitraries.of(true, false))
                                .as((s, f) -> new LifecycleInput.SensorHealth(s, f, "test"))),
                net.jqwik.api.Tuple.of(
                        4,
                        Arbitraries.of(GOOD, SCRAMBLED, SCRAMBLED, SCRAMBLED, SCRAMBLED, SCRAMBLED, MISSING)
                                .map(LifecycleInput.BootOrderReported::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new LifecycleInput.BootOrderRefused())),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.<List<String>>of(DECLARED, List.of(".*PXE.*"), List.<String>of())
                                .map(LifecycleInput.BootOrderDeclared::new)));
        Arbitrary<Integer> delays = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 30)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 1200)));
        return Combinators.combine(inputs, delays)
                .as(Action::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(150);
    }

    private static Arbitrary<LifecycleInput> acpi() {
        return Combinators.combine(
                        Arbitraries.of(
                                        AcpiSystemState.S0_G0_D0,
                                        AcpiSystemState.S0_G0_D0,
                                        AcpiSystemState.S2_D2,
                                        AcpiSystemState.S2_D2,
                                        AcpiSystemState.S5_G2,
                                        AcpiSystemState.S3_D3,
                                        AcpiSystemState.G3,
                                        AcpiSystemState.LEGACY_ON,
                                        AcpiSystemState.UNKNOWN)
                                .optional(0.9),
                        Arbitraries.of(AcpiDeviceState.class).optional(0.5))
                .as((s, d) -> new LifecycleInput.AcpiReported(s, d));
    }

    private static Arbitrary<ProgressCode> progress() {
        Arbitrary<BootPhase> phase = Arbitraries.of(BootPhase.class);
        return Arbitraries.oneOf(
                phase.map(BootPhase::efiStatusCode),
                phase.map(BootPhase::postProgress),
                phase.filter(p -> p.ipmiProgress().isPresent())
                        .map(p -> p.ipmiProgress().orElseThrow()),
                Arbitraries.integers().between(0, 0xFF).map(ProgressCode.PostCode::new),
                Arbitraries.integers().between(0, 0xFF).map(ProgressCode.IpmiFirmwareProgress::new),
                Arbitraries.of(1, 2, 3, 0x80000002).map(t -> new ProgressCode.EfiStatusCode(t, 0x00051009, 0)));
    }

    @Property(tries = 400)
    void invariants(@ForAll("scripts") List<Action> script) {
        LifecyclePolicy policy = LifecyclePolicy.defaults();
        Host h = new Host(policy).feed(new LifecycleInput.BootOrderDeclared(DECLARED));
        boolean stuckActive = false;
        int reconcileReboots = 0;
        boolean sawStuck = false;
        boolean sawAlarm = false;
        boolean sawFailSafe = false;
        boolean sawInferredS5 = false;
        for (Action a : script) {
            HostState before = h.state;
            h.after(Duration.ofSeconds(a.delaySeconds())).feed(a.input());
            HostState after = h.state;
            List<Effect> fx = h.last;

            // gates and fans always follow the sensor policy
            assertEquals(SensorGatePolicy.closedGates(after.powerOn(), after.system()), after.closedGates());
            // after OSRunning no gate stays closed
            if (before.progress().lastState() != BootProgressState.OSRunning
                    && after.progress().lastState() == BootProgressState.OSRunning) {
                assertTrue(after.closedGates().isEmpty(), "gates closed after OSRunning");
            }
            // FailSafe never entered while not in S0
            if (after.fanMode() == FanMode.FailSafe) {
                assertTrue(after.powerOn() && SensorGatePolicy.working(after.system()), "FailSafe outside S0");
            }
            // BootProgress is None whenever power is off
            if (!after.powerOn()) {
                assertEquals(BootProgressState.None, after.progress().lastState());
                assertTrue(after.cycle().isEmpty());
            }
            // S5 present between power-ons: power comes on only from an off state (reported or inferred) ...
            if (!before.powerOn() && after.powerOn()) {
                assertTrue(SensorGatePolicy.off(before.system()), "power-on from " + before.system());
            }
            // ... and every ACPI state change was announced, so the off state is in the event stream
            List<LifecycleEvent.AcpiChanged> acpi = Host.events(fx, LifecycleEvent.AcpiChanged.class);
            if (after.system() != before.system()) {
                assertEquals(after.system(), acpi.get(acpi.size() - 1).system());
            }
            // every stuck episode raises exactly one alert, cleared at most once: raise and clear alternate
            for (Effect e : fx) {
                if (e instanceof Effect.Emit emit
                        && emit.event() instanceof LifecycleEvent.AlertRaised r
                        && r.alert().kind() == AlertKind.STUCK_PRE_OS) {
                    assertTrue(!stuckActive, "second stuck alert in one episode");
                    stuckActive = true;
                } else if (e instanceof Effect.Emit emit
                        && emit.event() instanceof LifecycleEvent.AlertCleared c
                        && c.kind() == AlertKind.STUCK_PRE_OS) {
                    assertTrue(stuckActive, "stuck alert cleared twice");
                    stuckActive = false;
                }
            }
            assertEquals(stuckActive, after.alerts().containsKey(AlertKind.STUCK_PRE_OS));
            // the reconciler reboots at most N times per declared order
            if (a.input() instanceof LifecycleInput.BootOrderDeclared) {
                reconcileReboots = 0;
            }
            if (a.input() instanceof LifecycleInput.BootOrderReported) {
                reconcileReboots += (int) fx.stream()
                        .filter(Effect.HostPowerAction.class::isInstance)
                        .count();
                // a match resets the count (a later drift is a new episode): count per declaration between matches
                if (Host.events(fx, LifecycleEvent.ReconcileDecided.class).stream()
                        .anyMatch(d -> d.decision() == ReconcileDecision.OK)) {
                    reconcileReboots = 0;
                }
            }
            assertTrue(reconcileReboots <= policy.maxReconcileAttempts(), "reconcile reboot loop");
            assertTrue(after.reconcile().attempts() <= policy.maxReconcileAttempts());
            sawStuck |= stuckActive;
            sawAlarm |= after.reconcile().alarmed();
            sawFailSafe |= after.fanMode() == FanMode.FailSafe;
            sawInferredS5 |= acpi.stream().anyMatch(e -> e.inferred() && e.system() == AcpiSystemState.S5_G2);
        }
        // not vacuous: the generator reaches the interesting cases (shown in the jqwik report)
        Statistics.label("stuck alert").collect(sawStuck);
        Statistics.label("boot-order alarm").collect(sawAlarm);
        Statistics.label("fail-safe").collect(sawFailSafe);
        Statistics.label("S5 inferred").collect(sawInferredS5);
    }

    @Property(tries = 200)
    void transitionsArePure(@ForAll("scripts") List<Action> script) {
        Host a = new Host();
        Host b = new Host();
        for (Action act : script) {
            a.after(Duration.ofSeconds(act.delaySeconds())).feed(act.input());
            b.after(Duration.ofSeconds(act.delaySeconds())).feed(act.input());
            assertEquals(a.state, b.state);
            assertEquals(a.last, b.last);
        }
    }
}
