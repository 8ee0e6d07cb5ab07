package dev.bmcagent.acpi.lifecycle;

import static dev.bmcagent.acpi.lifecycle.Host.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.policy.AlertKind;
import dev.bmcagent.acpi.progress.BootPhase;
import dev.bmcagent.acpi.progress.BootProgressState;
import dev.bmcagent.acpi.progress.ProgressCode;
import dev.bmcagent.acpi.state.AcpiSystemState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LifecycleEdgeCaseTest {

    /** Java 17 has no pattern switch: check the instanceof chain handles every permitted input. */
    @Test
    void everyInputTypeIsHandled() {
        List<LifecycleInput> samples = List.of(
                new LifecycleInput.AcpiReported(Optional.empty(), Optional.empty()),
                new LifecycleInput.PowerGood(true),
                new LifecycleInput.HostReset(LifecycleInput.ResetKind.HARD),
                new LifecycleInput.HostConnected(),
                new LifecycleInput.Progress(new ProgressCode.PostCode(0x10)),
                new LifecycleInput.FirmwareProblem(LifecycleInput.FirmwareProblemKind.ERROR, 0x1234),
                new LifecycleInput.BootError(LifecycleInput.BootErrorKind.NO_BOOTABLE_MEDIA, ""),
                new LifecycleInput.OsBootComplete(),
                new LifecycleInput.PowerCommand(LifecycleInput.PowerAction.NMI),
                new LifecycleInput.Tick(),
                new LifecycleInput.SensorHealth("X", true, ""),
                new LifecycleInput.BootOrderReported(List.of()),
                new LifecycleInput.BootOrderDeclared(List.of()),
                new LifecycleInput.BootOrderRefused(),
                new LifecycleInput.MemoryReported(7, 8, 7 * 16384),
                new LifecycleInput.FanStalled("SYS_FAN1", true),
                new LifecycleInput.HostDisconnected());
        Set<Class<?>> sampled = samples.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(LifecycleInput.class.getPermittedSubclasses()), sampled);
        Host h = new Host().powerOn();
        for (LifecycleInput input : samples) {
            h.seconds(1).feed(input);
        }
        // the out-of-range ED2 0x1234 became FFh (unspecified) instead of an exception
        assertTrue(Host.sel(h.effects).stream()
                .anyMatch(e ->
                        e.offset() == 0x00 && e.eventData2() == 0xFF && e.sensor() == SelEvent.SelSensor.FW_PROGRESS));
    }

    @Test
    void postCodesAreBoundedKeepingTheMostRecent() {
        Host h = new Host().powerOn();
        IntStream.range(0, 300).forEach(i -> h.post(0x1D + (i % 5)));
        List<BootCycle.PostCodeMark> kept = h.state.cycle().orElseThrow().postCodes();
        assertEquals(LifecyclePolicy.DEFAULT_MAX_POST_CODES_PER_CYCLE, kept.size());
        assertEquals(0x1D + (299 % 5), kept.get(kept.size() - 1).code());
        assertEquals(300, h.events(LifecycleEvent.PostCodeSeen.class).size(), "every code is emitted");
    }

    @Test
    void preOsAlertOncePerCycleEvenWhileTheHostKeepsProgressing() {
        Host h = new Host().powerOn().acpi(AcpiSystemState.S2_D2);
        int[] codes = {0x10, 0x60, 0x94, 0x90, 0x60, 0x94, 0x90, 0x60, 0x94};
        for (int code : codes) {
            for (int minute = 0; minute < 8; minute++) {
                h.after(Duration.ofMinutes(1)).tick(); // the agent ticks far more often than the limits
            }
            h.post(code);
        }
        // 72 minutes, never in one phase long enough, but over the 30 min pre-OS limit once
        assertEquals(1, h.events(LifecycleEvent.AlertRaised.class).size());
        assertEquals(0, h.events(LifecycleEvent.AlertCleared.class).size(), "moving on is not reaching the OS");
        assertTrue(h.state.alerts().containsKey(AlertKind.STUCK_PRE_OS));
        LifecycleEvent.AlertRaised raised =
                h.events(LifecycleEvent.AlertRaised.class).get(0);
        assertTrue(raised.alert().detail().contains("pre-OS"), raised.alert().detail());
        assertEquals(Duration.ofMinutes(30), raised.alert().elapsed());
    }

    @Test
    void firmwareHangIsAStuckEpisode() {
        Host h = new Host()
                .powerOn()
                .acpi(AcpiSystemState.S2_D2)
                .efi(BootPhase.MEMORY_INIT)
                .seconds(40)
                .feed(new LifecycleInput.FirmwareProblem(LifecycleInput.FirmwareProblemKind.HANG, 0x01));
        assertEquals("FirmwareProblemReported SEL:0F/01:01 AlertRaised", describe(h.last));
        assertEquals(
                Duration.ofSeconds(40),
                h.state.alerts().get(AlertKind.STUCK_PRE_OS).elapsed());
        h.after(Duration.ofMinutes(20)).tick();
        assertEquals(1, h.events(LifecycleEvent.AlertRaised.class).size(), "the hang already is the episode's alert");
        h.powerOff();
        assertFalse(h.state.alerts().containsKey(AlertKind.STUCK_PRE_OS));
    }

    @Test
    void hostReportsWhileOffAreDropped() {
        Host h = new Host()
                .acpi(AcpiSystemState.S0_G0_D0)
                .post(0x10)
                .feed(new LifecycleInput.BootOrderReported(List.of("x")));
        assertEquals(HostState.initial(Host.T0), h.state);
        assertTrue(h.effects.isEmpty());
    }

    @Test
    void sensorFailureOutsideS0IsIgnoredAndNotRemembered() {
        Host h = new Host()
                .powerOn()
                .acpi(AcpiSystemState.S2_D2)
                .feed(new LifecycleInput.SensorHealth("DIMM_A1_TEMP", true, "NACK"))
                .acpi(AcpiSystemState.S0_G0_D0);
        assertTrue(h.state.failedSensors().isEmpty());
        assertEquals(
                "AcpiChanged SEL:22/00 BootProgressChanged BootCycleEnded GATE:HOST_ON=open "
                        + "GateChanged GATE:NOT_DURING_FIRMWARE_INIT=open GateChanged FAN:Normal FanModeChanged",
                describe(h.last));
    }

    @Test
    void lastBootTimeSurvivesTheNextCycleUntilItsOwnOsRunning() {
        Host h = new Host().powerOn().seconds(90).feed(new LifecycleInput.OsBootComplete());
        assertEquals(Optional.of(Duration.ofSeconds(90)), h.state.progress().lastBootTimeSeconds());
        h.feed(new LifecycleInput.HostReset(LifecycleInput.ResetKind.WARM));
        assertEquals(BootProgressState.None, h.state.progress().lastState());
        assertEquals(Optional.of(Duration.ofSeconds(90)), h.state.progress().lastBootTimeSeconds());
        h.seconds(45).acpi(AcpiSystemState.S0_G0_D0);
        assertEquals(Optional.of(Duration.ofSeconds(45)), h.state.progress().lastBootTimeSeconds());
    }

    @Test
    void oemStatesNameTheirCodeAndChangeLastStateTime() {
        Host h = new Host().powerOn().seconds(3).post(0x42);
        assertEquals(Optional.of("POST 0x42"), h.state.progress().oemLastState());
        h.seconds(2).ipmi(0x1A);
        assertEquals(Optional.of("IPMI FW progress 0x1A"), h.state.progress().oemLastState());
        assertEquals(Host.T0.plusSeconds(5), h.state.progress().lastStateTime());
        assertEquals("BootProgressChanged SEL:0F/02:1A", describe(h.last), "IPMI input: its own ED2 in the SEL");
    }

    @Test
    void invalidDeclaredPatternAlarmsWithoutRebooting() {
        Host h = new Host().feed(new LifecycleInput.BootOrderDeclared(List.of("(HTTP")));
        assertEquals("ReconcileDecided SEL:C0/02:00 AlertRaised", describe(h.last));
        h.powerOn().feed(new LifecycleInput.BootOrderReported(List.of("UEFI: HTTP")));
        assertEquals("", describe(h.last));
    }

    @Test
    void policyValidation() {
        LifecyclePolicy d = LifecyclePolicy.defaults();
        assertEquals(Duration.ofMinutes(15), d.memoryTrainingLimit());
        assertEquals(Duration.ofMinutes(10), d.networkBootLimit());
        assertEquals(Duration.ofMinutes(30), d.preOsLimit());
        assertEquals(3, d.maxReconcileAttempts());
        assertEquals(Duration.ofMinutes(2), d.slowBootLimit());
        assertThrows(
                IllegalArgumentException.class,
                () -> d.withLimits(d.memoryTrainingLimit(), d.networkBootLimit(), d.preOsLimit(), Duration.ZERO));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LifecyclePolicy(
                        Duration.ZERO,
                        d.networkBootLimit(),
                        d.preOsLimit(),
                        60,
                        3,
                        LifecycleInput.PowerAction.WARM_RESET,
                        256,
                        d.slowBootLimit()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LifecyclePolicy(
                        d.memoryTrainingLimit(),
                        d.networkBootLimit(),
                        d.preOsLimit(),
                        101,
                        3,
                        LifecycleInput.PowerAction.WARM_RESET,
                        256,
                        d.slowBootLimit()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new LifecyclePolicy(
                        d.memoryTrainingLimit(),
                        d.networkBootLimit(),
                        d.preOsLimit(),
                        60,
                        3,
                        LifecycleInput.PowerAction.FORCE_OFF,
                        256,
                        d.slowBootLimit()));
    }
}
