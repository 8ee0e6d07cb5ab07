package dev.bmcagent.acpi.lifecycle;

import static dev.bmcagent.acpi.lifecycle.Host.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.policy.AlertSeverity;
import dev.bmcagent.acpi.progress.BootPhase;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Boot facts as an operator reads them (issue "Boot telemetry an operator can trust"): time lost measured by the
 * agent, BootProgress that never goes backwards within a boot, OSRunning only from the host's own word, and the
 * slow-boot and missing-memory alerts. Each test failed before the change it covers.
 */
class BootTelemetryTruthTest {

    private static LifecycleInput.BootError nicDead(String name) {
        return new LifecycleInput.BootError(LifecycleInput.BootErrorKind.PXE_SERVER_NOT_FOUND, name);
    }

    @Test
    void everyDeadInterfaceCostsTheTimeTheAgentMeasuredSinceTheAttemptBegan() {
        Host h = new Host()
                .powerOn()
                .acpi(AcpiSystemState.S2_D2)
                .seconds(40)
                .efi(BootPhase.BDS_START)
                .seconds(20)
                .efi(BootPhase.READY_TO_BOOT);
        h.seconds(300)
                .feed(nicDead("UEFI HTTPS IPv4 NIC0"))
                .seconds(301)
                .feed(nicDead("UEFI iPXE IPv4 NIC0"))
                .seconds(299)
                .feed(nicDead("UEFI HTTPS IPv6 NIC0"));
        assertEquals(
                List.of(Duration.ofSeconds(300), Duration.ofSeconds(301), Duration.ofSeconds(299)),
                h.events(LifecycleEvent.NetworkBootFailed.class).stream()
                        .map(LifecycleEvent.NetworkBootFailed::timeLost)
                        .toList());
    }

    @Test
    void slowBootIsRaisedPastTheLimitAndClearedOnlyByABootThatLosesLess() {
        Host h = new Host().powerOn().efi(BootPhase.READY_TO_BOOT).seconds(100).feed(nicDead("NIC0"));
        assertFalse(h.state.alerts().containsKey(AlertKind.SLOW_BOOT), "100 s is under the 2 min default");
        h.seconds(100).feed(nicDead("NIC1"));
        assertEquals(
                AlertSeverity.Warning, h.state.alerts().get(AlertKind.SLOW_BOOT).severity());
        assertEquals(
                Duration.ofSeconds(200),
                h.state.alerts().get(AlertKind.SLOW_BOOT).elapsed());
        h.seconds(100).feed(nicDead("NIC2"));
        assertEquals(1, h.events(LifecycleEvent.AlertRaised.class).size());
        assertEquals(1, h.events(LifecycleEvent.AlertUpdated.class).size(), "a later failure updates the total");
        h.seconds(30).feed(new LifecycleInput.OsBootComplete());
        assertTrue(h.state.alerts().containsKey(AlertKind.SLOW_BOOT), "that boot was slow: the alert stays");

        h.feed(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM))
                .efi(BootPhase.READY_TO_BOOT)
                .seconds(20)
                .feed(new LifecycleInput.OsBootComplete());
        assertFalse(h.state.alerts().containsKey(AlertKind.SLOW_BOOT), "a boot that lost nothing clears it");
    }

    @Test
    void anOemCodeAfterBootDeviceSelectionGoesToOemLastStateOnly() {
        Host h = new Host().powerOn().efi(BootPhase.READY_TO_BOOT);
        var readyAt = h.state.progress().lastStateTime();
        h.seconds(5).post(0x42);
        assertEquals(BootProgressState.OSBootStarted, h.state.progress().lastState(), "no step back to OEM");
        assertEquals(Optional.of("POST 0x42"), h.state.progress().oemLastState());
        assertEquals(readyAt, h.state.progress().lastStateTime());
        h.seconds(5).efi(BootPhase.PCI_ENUMERATION);
        assertEquals(BootProgressState.OSBootStarted, h.state.progress().lastState(), "never backwards");
    }

    @Test
    void osRunningComesFromTheHostNotFromExitBootServices() {
        Host h = new Host()
                .powerOn()
                .acpi(AcpiSystemState.S2_D2)
                .efi(BootPhase.READY_TO_BOOT)
                .seconds(10)
                .efi(BootPhase.EXIT_BOOT_SERVICES);
        assertEquals(BootProgressState.OSBootStarted, h.state.progress().lastState());
        assertEquals(AcpiSystemState.S2_D2, h.state.system(), "no S0 inferred at ExitBootServices");
        assertFalse(h.state.gateOpen(dev.bmcagent.acpi.policy.GateClass.NOT_DURING_FIRMWARE_INIT));
        h.seconds(45).acpi(AcpiSystemState.S0_G0_D0);
        assertEquals(BootProgressState.OSRunning, h.state.progress().lastState());
        assertEquals(h.now, h.state.progress().lastStateTime());
        assertFalse(h.state.acpiInferred());
    }

    @Test
    void s2AfterS0StartsANewBootCycle() {
        Host h = new Host()
                .powerOn()
                .acpi(AcpiSystemState.S2_D2)
                .acpi(AcpiSystemState.S0_G0_D0)
                .seconds(60)
                .acpi(AcpiSystemState.S2_D2);
        assertEquals(
                "BootCycleStarted SEL:1D/07:00 BootProgressChanged AcpiChanged SEL:22/02 "
                        + "GATE:HOST_ON=closed GateChanged GATE:NOT_DURING_FIRMWARE_INIT=closed GateChanged FAN:FixedDuty "
                        + "FanModeChanged",
                describe(h.last),
                "a reset QEMU does not announce is still a new boot");
        assertEquals(2, h.state.cycle().orElseThrow().number());
    }

    @Test
    void missingMemoryComparesWithTheLastGoodBootAndClearsWhenTheDimmsAreBack() {
        Host h = new Host()
                .powerOn()
                .feed(new LifecycleInput.MemoryReported(8, 8, 8 * 32768))
                .feed(new LifecycleInput.OsBootComplete());
        assertTrue(h.state.alerts().isEmpty());
        h.feed(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM))
                .feed(new LifecycleInput.MemoryReported(7, 8, 7 * 32768));
        assertEquals(
                AlertSeverity.Critical,
                h.state.alerts().get(AlertKind.MISSING_MEMORY).severity());
        assertTrue(h.state.alerts().get(AlertKind.MISSING_MEMORY).detail().contains("last good boot had 8"));
        h.feed(new LifecycleInput.OsBootComplete());
        assertEquals(8, h.state.memory().goodBoot(), "a boot with a DIMM missing is not the new baseline");
        h.feed(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM))
                .feed(new LifecycleInput.MemoryReported(7, 8, 7 * 32768));
        assertEquals(1, h.events(LifecycleEvent.AlertRaised.class).size(), "still the same episode");
        h.feed(new LifecycleInput.PowerGood(false))
                .feed(new LifecycleInput.PowerGood(true))
                .feed(new LifecycleInput.MemoryReported(8, 8, 8 * 32768));
        assertFalse(h.state.alerts().containsKey(AlertKind.MISSING_MEMORY));
    }

    @Test
    void aDuplicateProgressEventTheHostSentIsStillARecord() {
        Host h = new Host()
                .powerOn()
                .feed(new LifecycleInput.Progress(new ProgressCode.IpmiFirmwareProgress(0x01)))
                .feed(new LifecycleInput.Progress(new ProgressCode.IpmiFirmwareProgress(0x01)));
        assertEquals("SEL:0F/02:01", describe(h.last));
    }

    @Test
    void aStalledFanIsOneCriticalAlertInAnyStateUntilEveryFanSpins() {
        Host h = new Host().powerOn().acpi(AcpiSystemState.S2_D2).feed(new LifecycleInput.FanStalled("SYS_FAN2", true));
        assertEquals(
                AlertSeverity.Critical,
                h.state.alerts().get(AlertKind.FAN_STALL).severity(),
                "during POST");
        h.feed(new LifecycleInput.FanStalled("SYS_FAN1", true));
        assertEquals(
                "stalled (0 RPM while commanded): [SYS_FAN1, SYS_FAN2]",
                h.state.alerts().get(AlertKind.FAN_STALL).detail());
        h.powerOff();
        assertTrue(h.state.alerts().containsKey(AlertKind.FAN_STALL), "a broken fan stays broken when off");
        h.powerOn().feed(new LifecycleInput.FanStalled("SYS_FAN1", false));
        assertTrue(h.state.alerts().containsKey(AlertKind.FAN_STALL));
        h.feed(new LifecycleInput.FanStalled("SYS_FAN2", false));
        assertFalse(h.state.alerts().containsKey(AlertKind.FAN_STALL));
        assertEquals(1, h.events(LifecycleEvent.AlertRaised.class).size());
        assertEquals(1, h.events(LifecycleEvent.AlertCleared.class).size());
    }
}
