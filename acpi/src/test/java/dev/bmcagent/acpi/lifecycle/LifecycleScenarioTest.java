package dev.bmcagent.acpi.lifecycle;

import static dev.bmcagent.acpi.lifecycle.Host.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.lifecycle.LifecycleEvent.ReconcileDecision;
import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.FanMode;
import dev.bmcagent.acpi.policy.GateClass;
import dev.bmcagent.acpi.progress.BootPhase;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleScenarioTest {

    private static final List<String> DECLARED = List.of(".*HTTP.*IPv6.*P1", ".*PXE.*IPv4.*P1");
    private static final List<String> GOOD = List.of(
            "UEFI: HTTPS IPv6 Network Adapter - 50:00:E6:8F:4F:32 P1",
            "UEFI: PXE IPv4 Network Adapter - 50:00:E6:8F:4F:32 P1",
            "UEFI: Samsung SSD 980");
    private static final List<String> SCRAMBLED = List.of(
            "UEFI: Samsung SSD 980",
            "UEFI: PXE IPv4 Network Adapter - 50:00:E6:8F:4F:32 P1",
            "UEFI: HTTPS IPv6 Network Adapter - 50:00:E6:8F:4F:32 P1");

    @Test
    void fullBoot() {
        Host h = new Host().powerOn();
        assertEquals(
                "PowerChanged BootCycleStarted SEL:1D/00 GATE:POWER_GOOD=open GateChanged",
                describe(h.last),
                "fan tachometers read from power-on, POST included");
        assertEquals(Set.of(GateClass.HOST_ON, GateClass.NOT_DURING_FIRMWARE_INIT), h.state.closedGates());

        h.seconds(2).acpi(AcpiSystemState.S2_D2);
        assertEquals("AcpiChanged SEL:22/02 FAN:FixedDuty FanModeChanged", describe(h.last));
        assertEquals(FanMode.FixedDuty, h.state.fanMode());
        assertFalse(h.state.gateOpen(GateClass.NOT_DURING_FIRMWARE_INIT));

        h.seconds(1).efi(BootPhase.PEI_CORE_START);
        assertEquals("BootProgressChanged SEL:0F/02:19", describe(h.last));
        h.seconds(1).post(0x1D).seconds(30).post(0x1E).seconds(60).post(0x21);
        assertEquals("PostCodeSeen", describe(h.last), "same phase: no new progress, no SEL");
        assertEquals(
                BootProgressState.MemoryInitializationStarted,
                h.state.progress().lastState());
        assertEquals(Host.T0.plus(Duration.ofSeconds(4)), h.state.progress().lastStateTime());
        h.seconds(5).efi(BootPhase.DXE_MOTHERBOARD_INIT);
        assertEquals(Optional.of("EFI 0x03041000"), h.state.progress().oemLastState());
        assertEquals("BootProgressChanged SEL:0F/02:14", describe(h.last));
        h.seconds(5).efi(BootPhase.BDS_START);
        assertEquals("BootProgressChanged", describe(h.last), "BDS has no IPMI code: no 0Fh record");
        h.seconds(5).efi(BootPhase.READY_TO_BOOT);

        h.seconds(3).efi(BootPhase.EXIT_BOOT_SERVICES);
        assertEquals(
                BootProgressState.OSBootStarted,
                h.state.progress().lastState(),
                "ExitBootServices: the OS loader runs, not yet the OS");
        assertTrue(h.state.cycle().isPresent(), "the cycle runs until the host says the OS is up");

        h.seconds(20).acpi(AcpiSystemState.S0_G0_D0);
        assertEquals(
                "AcpiChanged SEL:22/00 BootProgressChanged BootCycleEnded GATE:HOST_ON=open "
                        + "GateChanged GATE:NOT_DURING_FIRMWARE_INIT=open GateChanged FAN:Normal FanModeChanged",
                describe(h.last),
                "the host's S0 report is the OS running");
        h.seconds(1).feed(new LifecycleInput.OsBootComplete());
        assertEquals("SEL:1F/06", describe(h.last), "the OS boot event after S0 is the host's record, nothing more");
        assertEquals(BootProgressState.OSRunning, h.state.progress().lastState());
        assertEquals(Optional.of(Duration.ofSeconds(132)), h.state.progress().lastBootTimeSeconds());
        BootCycle cycle = h.events(LifecycleEvent.BootCycleEnded.class).get(0).cycle();
        assertEquals(Optional.of(BootCycle.Outcome.OS_RUNNING), cycle.outcome());
        assertEquals(
                List.of(
                        BootProgressState.PrimaryProcessorInitializationStarted,
                        BootProgressState.MemoryInitializationStarted,
                        BootProgressState.OEM,
                        BootProgressState.SystemHardwareInitializationComplete,
                        BootProgressState.OSBootStarted,
                        BootProgressState.OSRunning),
                cycle.phases().stream().map(BootCycle.PhaseMark::state).toList());
        assertEquals(
                List.of(0x1D, 0x1E, 0x21),
                cycle.postCodes().stream().map(BootCycle.PostCodeMark::code).toList());
        assertTrue(h.state.cycle().isEmpty());
        assertEquals(Set.of(), h.state.closedGates());

        h.seconds(3600).acpi(AcpiSystemState.S5_G2);
        assertEquals(
                "AcpiChanged SEL:22/05 GATE:HOST_ON=closed GateChanged "
                        + "GATE:NOT_DURING_FIRMWARE_INIT=closed GateChanged",
                describe(h.last));
        h.seconds(1).powerOff();
        assertEquals(
                "PowerChanged BootProgressChanged GATE:POWER_GOOD=closed GateChanged",
                describe(h.last),
                "S5 reported: nothing inferred");
        assertEquals(BootProgressState.None, h.state.progress().lastState());
        assertEquals(Optional.of(Duration.ofSeconds(132)), h.state.progress().lastBootTimeSeconds());
    }

    @Test
    void immediatePowerCycleInfersS5() {
        Host h = new Host()
                .powerOn()
                .acpi(AcpiSystemState.S2_D2)
                .efi(BootPhase.PEI_CORE_START)
                .acpi(AcpiSystemState.S0_G0_D0)
                .feed(new LifecycleInput.OsBootComplete());
        h.seconds(100).powerOff();
        assertEquals(
                "PowerChanged AcpiChanged SEL:22/05 BootProgressChanged GATE:HOST_ON=closed GateChanged "
                        + "GATE:POWER_GOOD=closed GateChanged GATE:NOT_DURING_FIRMWARE_INIT=closed GateChanged",
                describe(h.last));
        LifecycleEvent.AcpiChanged inferred =
                Host.events(h.last, LifecycleEvent.AcpiChanged.class).get(0);
        assertEquals(AcpiSystemState.S5_G2, inferred.system());
        assertTrue(inferred.inferred());
        assertTrue(h.state.acpiInferred());
        h.seconds(1).powerOn();
        assertEquals(2, h.state.bootCycles());
    }

    @Test
    void warmResetStartsACycleWithoutInferringS5() {
        Host h = new Host()
                .powerOn()
                .acpi(AcpiSystemState.S2_D2)
                .efi(BootPhase.MEMORY_INIT)
                .seconds(10)
                .feed(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM));
        assertEquals(
                "BootCycleEnded BootCycleStarted SEL:1D/02 BootProgressChanged",
                describe(h.last),
                "power never went away: the restart record, no soft-off record");
        assertEquals(AcpiSystemState.S2_D2, h.state.system());
        assertEquals(
                BootCycle.Outcome.RESET,
                h.events(LifecycleEvent.BootCycleEnded.class)
                        .get(0)
                        .cycle()
                        .outcome()
                        .orElseThrow());
        assertEquals(2, h.state.cycle().orElseThrow().number());
    }

    @Test
    void stuckInMemoryTrainingRaisesOneAlertUpdatedOnProgressClearedAtTheOs() {
        Host h = new Host()
                .powerOn()
                .acpi(AcpiSystemState.S2_D2)
                .efi(BootPhase.PEI_CORE_START)
                .efi(BootPhase.MEMORY_INIT);
        h.after(Duration.ofMinutes(14)).tick();
        assertTrue(h.state.alerts().isEmpty());
        h.after(Duration.ofMinutes(1)).tick();
        assertEquals("AlertRaised", describe(h.last));
        assertEquals(
                "MemoryInitializationStarted",
                h.state.alerts().get(AlertKind.STUCK_PRE_OS).phase());
        assertEquals(
                Duration.ofMinutes(15),
                h.state.alerts().get(AlertKind.STUCK_PRE_OS).elapsed());
        for (int i = 0; i < 20; i++) {
            h.after(Duration.ofMinutes(1)).tick().post(0x1F);
        }
        h.efi(BootPhase.SECONDARY_CPU_INIT);
        assertEquals(
                "BootProgressChanged SEL:0F/02:03 AlertUpdated",
                describe(h.last),
                "still stuck before the OS: the alert names the new phase");
        assertEquals(
                "SecondaryProcessorInitializationStarted",
                h.state.alerts().get(AlertKind.STUCK_PRE_OS).phase());
        h.after(Duration.ofMinutes(20)).tick();
        assertEquals(1, h.events(LifecycleEvent.AlertRaised.class).size());
        assertEquals(0, h.events(LifecycleEvent.AlertCleared.class).size());
        h.feed(new LifecycleInput.OsBootComplete());
        assertEquals(1, h.events(LifecycleEvent.AlertCleared.class).size(), "cleared when the host reaches the OS");
    }

    @Test
    void networkBootStuckAfterFailedAttempts() {
        Host h = new Host().powerOn().acpi(AcpiSystemState.S2_D2).efi(BootPhase.READY_TO_BOOT);
        h.after(Duration.ofMinutes(5))
                .feed(new LifecycleInput.BootError(
                        LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND, "UEFI: HTTPS IPv4 P1"));
        assertEquals("NetworkBootFailed SEL:1E/02 AlertRaised", describe(h.last), "300 s lost: slow boot");
        assertEquals(
                Duration.ofMinutes(5),
                h.events(LifecycleEvent.NetworkBootFailed.class).get(0).timeLost(),
                "measured by the agent from ReadyToBoot, the firmware gives no duration");
        assertTrue(h.state.alerts().containsKey(AlertKind.SLOW_BOOT));
        h.after(Duration.ofMinutes(5)).tick();
        assertEquals("AlertRaised", describe(h.last));
        assertTrue(h.state.alerts().get(AlertKind.STUCK_PRE_OS).detail().contains("network boot"));
        h.feed(new LifecycleInput.OsBootComplete());
        assertEquals(1, h.events(LifecycleEvent.AlertCleared.class).size(), "stuck cleared, slow boot stays");
        assertTrue(h.state.alerts().containsKey(AlertKind.SLOW_BOOT));
        BootCycle cycle = h.events(LifecycleEvent.BootCycleEnded.class).get(0).cycle();
        assertEquals(1, cycle.attempts().size());
    }

    @Test
    void bootOrderDriftReappliesAndRebootsOnce() {
        Host h = new Host().feed(new LifecycleInput.BootOrderDeclared(DECLARED));
        assertEquals("APPLY", describe(h.last));
        h.powerOn().feed(new LifecycleInput.BootOrderReported(SCRAMBLED));
        assertEquals("ReconcileDecided SEL:C0/01:01 APPLY POWER:WARM_RESET PowerActionRequested", describe(h.last));
        h.feed(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM))
                .feed(new LifecycleInput.BootOrderReported(GOOD));
        assertEquals("ReconcileDecided SEL:C0/00:01", describe(h.last));
        assertEquals(0, h.state.reconcile().attempts());
        assertEquals(
                1,
                h.effects.stream()
                        .filter(Effect.HostPowerAction.class::isInstance)
                        .count());
    }

    @Test
    void reapplyThatNeverSticksAlarmsAfterThreeWithoutAFourthReboot() {
        Host h = new Host().feed(new LifecycleInput.BootOrderDeclared(DECLARED)).powerOn();
        for (int i = 0; i < 6; i++) {
            h.feed(new LifecycleInput.BootOrderReported(SCRAMBLED))
                    .feed(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM));
        }
        assertEquals(
                3,
                h.effects.stream()
                        .filter(Effect.HostPowerAction.class::isInstance)
                        .count());
        assertEquals(
                List.of(
                        ReconcileDecision.REAPPLY_AND_REBOOT,
                        ReconcileDecision.REAPPLY_AND_REBOOT,
                        ReconcileDecision.REAPPLY_AND_REBOOT,
                        ReconcileDecision.ALARM),
                h.events(LifecycleEvent.ReconcileDecided.class).stream()
                        .map(LifecycleEvent.ReconcileDecided::decision)
                        .toList());
        assertTrue(h.state.alerts().containsKey(AlertKind.BOOT_ORDER));
        assertTrue(h.state.reconcile().alarmed());
        // a new declaration resets the attempts and clears the alarm
        h.feed(new LifecycleInput.BootOrderDeclared(List.of(".*PXE.*IPv4.*P1")));
        assertEquals("AlertCleared APPLY", describe(h.last));
        assertEquals(new ReconcileState(List.of(".*PXE.*IPv4.*P1"), 0, false), h.state.reconcile());
    }

    @Test
    void firmwareThatRefusesTheOrderAlarmsAtOnceWithoutAReboot() {
        Host h = new Host().feed(new LifecycleInput.BootOrderDeclared(DECLARED)).powerOn();
        h.feed(new LifecycleInput.BootOrderRefused());
        assertEquals("ReconcileDecided SEL:C0/02:00 AlertRaised", describe(h.last));
        assertTrue(h.state.reconcile().alarmed());
        h.feed(new LifecycleInput.BootOrderReported(SCRAMBLED)).feed(new LifecycleInput.BootOrderRefused());
        assertEquals("", describe(h.last), "the alarm stands; no reboot, no second record");
        assertEquals(
                0,
                h.effects.stream()
                        .filter(Effect.HostPowerAction.class::isInstance)
                        .count());
        // once the firmware does take the order (vendor fix), a matching report clears the alarm
        h.feed(new LifecycleInput.BootOrderReported(GOOD));
        assertEquals("ReconcileDecided SEL:C0/00:00 AlertCleared", describe(h.last));
    }

    @Test
    void refusalWithNothingDeclaredIsIgnored() {
        Host h = new Host().powerOn().feed(new LifecycleInput.BootOrderRefused());
        assertEquals("", describe(h.last));
        assertFalse(h.state.reconcile().alarmed());
    }

    @Test
    void failSafeOnlyInS0() {
        Host h = new Host()
                .powerOn()
                .acpi(AcpiSystemState.S2_D2)
                .feed(new LifecycleInput.SensorHealth("DIMM_A1_TEMP", true, "no ACK"));
        assertEquals("", describe(h.last), "unavailable during firmware init, not failed");
        h.acpi(AcpiSystemState.S0_G0_D0).feed(new LifecycleInput.SensorHealth("CPU0_TEMP", true, "PECI timeout"));
        assertEquals("FAN:FailSafe FanModeChanged AlertRaised", describe(h.last));
        h.feed(new LifecycleInput.SensorHealth("CPU0_TEMP", false, "reads again"));
        assertEquals("FAN:Normal FanModeChanged AlertCleared", describe(h.last));
        h.feed(new LifecycleInput.SensorHealth("CPU0_TEMP", true, "PECI timeout"))
                .powerOff();
        assertEquals(FanMode.Normal, h.state.fanMode());
        assertTrue(h.state.failedSensors().isEmpty());
        assertFalse(h.state.alerts().containsKey(AlertKind.FAN_FAILSAFE));
    }

    @Test
    void powerCommandsDoNotChangePower() {
        Host h = new Host().feed(new LifecycleInput.PowerCommand(LifecycleInput.PowerAction.ON));
        assertEquals("POWER:ON PowerActionRequested", describe(h.last));
        assertFalse(h.state.powerOn());
    }
}
