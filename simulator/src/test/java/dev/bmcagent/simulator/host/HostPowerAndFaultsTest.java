package dev.bmcagent.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.simulator.firmware.FirmwarePhase;
import dev.bmcagent.simulator.firmware.FirmwareTiming;
import dev.bmcagent.simulator.support.RecordingLink;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostPowerAndFaultsTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final RecordingLink link = new RecordingLink(scheduler);
    private final SimulatedHost host = new SimulatedHost(
            0,
            HostConfig.builder()
                    .timing(FirmwareTiming.SERVER.exact())
                    .dimms(2, 32)
                    .build(),
            21,
            scheduler);

    {
        host.attach(link);
    }

    @Test
    void flappingPowerDropsPowerGoodWithoutAnAcpiReportAndBootsAgain() {
        host.faults().flappingPower(1, Duration.ofSeconds(3));
        host.powerOn();
        scheduler.runUntilIdle();
        assertEquals(List.of("power-good on", "power-good off", "power-good on"), link.signals());
        assertFalse(link.lines().contains("06/06 85 7F"), "power loss is never reported as S5 by the host");
        List<BootRecord> boots = host.boots();
        assertEquals(2, boots.size());
        assertEquals(BootOutcome.INTERRUPTED, boots.get(0).outcome());
        assertEquals(BootCause.POWER_RESTORED, boots.get(1).cause());
        assertEquals(BootOutcome.OS_RUNNING, boots.get(1).outcome());
        assertEquals(2, link.lines().stream().filter("06/06 82 82"::equals).count());
    }

    @Test
    void hangInMemoryTrainingStaysUntilTheBmcResetsTheHost() {
        host.faults().hangInMemoryTraining(1);
        host.powerOn();
        scheduler.runUntilIdle();
        assertEquals(HostPowerState.FIRMWARE, host.state());
        assertEquals(FirmwarePhase.MEMORY_INIT, host.phase().orElseThrow());
        assertEquals(
                BootOutcome.HUNG_MEMORY_TRAINING,
                host.currentBoot().orElseThrow().outcome());
        host.reset();
        scheduler.runUntilIdle();
        assertEquals(HostPowerState.OS, host.state());
        assertEquals(BootOutcome.HUNG_MEMORY_TRAINING, host.boots().get(0).outcome());
        assertEquals(BootCause.HARD_RESET, host.boots().get(1).cause());
        assertTrue(link.signals().contains("reset"));
    }

    @Test
    void powerOffIsImmediateAndSilentPowerOnBootsAgain() {
        host.powerOn();
        scheduler.runUntilIdle();
        link.clear();
        host.powerOff();
        assertEquals(HostPowerState.OFF, host.state());
        assertTrue(link.lines().isEmpty());
        host.powerOff();
        assertEquals(List.of("power-good off"), link.signals());
        host.powerOn();
        scheduler.runUntilIdle();
        assertEquals(HostPowerState.OS, host.state());
    }

    @Test
    void nmiPanicsTheOsWhichRebootsAfterItsPanicTimeout() {
        host.powerOn();
        scheduler.runUntilIdle();
        host.nmi();
        scheduler.runFor(Duration.ofSeconds(9));
        assertEquals(HostPowerState.OS, host.state());
        scheduler.runFor(Duration.ofSeconds(2));
        assertEquals(HostPowerState.FIRMWARE, host.state());
        scheduler.runUntilIdle();
        assertEquals(BootCause.PANIC, host.boots().get(1).cause());
    }

    @Test
    void hostThatDoesNotReportAcpiSendsNoSetAcpiPowerState() {
        SimulatedHost quiet =
                new SimulatedHost(1, HostConfig.builder().reportsAcpi(false).build(), 4, scheduler);
        RecordingLink l = new RecordingLink(scheduler);
        quiet.attach(l);
        quiet.powerOn();
        scheduler.runUntilIdle();
        assertEquals(HostPowerState.OS, quiet.state());
        assertTrue(l.lines().stream().noneMatch(s -> s.startsWith("06/06")));
    }
}
