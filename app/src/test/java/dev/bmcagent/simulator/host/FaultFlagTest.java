package dev.bmcagent.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.app.cli.CliEnvironment;
import dev.bmcagent.app.cli.Main;
import dev.bmcagent.core.sensor.Reading;
import dev.bmcagent.core.sensor.SensorSpec;
import dev.bmcagent.simulator.firmware.FirmwareTiming;
import dev.bmcagent.simulator.netboot.DeclaredOrder;
import dev.bmcagent.simulator.netboot.NetbootProfile;
import dev.bmcagent.simulator.support.RecordingLink;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code --fault} flags of {@code bmc demo} and {@code bmc simulate} (issue #13 item 14), on one host. */
class FaultFlagTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();

    private SimulatedHost host(String... flags) {
        SimulatedHost h = new SimulatedHost(
                0,
                HostConfig.builder()
                        .timing(FirmwareTiming.SERVER.exact())
                        .netboot(NetbootProfile.VENDOR)
                        .dimms(4, 32)
                        .nics(1)
                        .build(),
                3,
                scheduler);
        h.attach(new RecordingLink(scheduler));
        for (String f : flags) {
            FaultFlag.parse(f).applyTo(h);
        }
        return h;
    }

    @Test
    void parsesHostFaultAndValueWithDefaults() {
        assertEquals(new FaultFlag(0, FaultFlag.Kind.DEAD_NICS, 4), FaultFlag.parse("host0:dead-nics=4"));
        assertEquals(
                new FaultFlag(3, FaultFlag.Kind.STUCK_MEMORY_TRAINING, 1),
                FaultFlag.parse("host3:stuck-memory-training"));
        assertEquals(
                new FaultFlag(FaultFlag.ALL_HOSTS, FaultFlag.Kind.FAN_STALL, 2), FaultFlag.parse("all:fan-stall=2"));
        assertEquals("host1:dimm-lost=1", FaultFlag.parse("host1:dimm-lost").toString());
        assertEquals(
                "host0:boot-order-reset",
                FaultFlag.parse("host0:boot-order-reset").toString());
    }

    @Test
    void refusesWhatItCannotSimulateWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultFlag.parse("host0:dead-nic=4"))
                .getMessage()
                .contains("known: dead-nics"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultFlag.parse("host0:dead-nics"))
                .getMessage()
                .contains("needs a value"));
        assertThrows(IllegalArgumentException.class, () -> FaultFlag.parse("host0:dead-nics=0"));
        assertThrows(IllegalArgumentException.class, () -> FaultFlag.parse("host0:dead-nics=101"));
        assertThrows(IllegalArgumentException.class, () -> FaultFlag.parse("host0:boot-order-reset=1"));
        assertThrows(IllegalArgumentException.class, () -> FaultFlag.parse("dead-nics=4"));
        assertThrows(IllegalArgumentException.class, () -> FaultFlag.parse("host-1:fan-stall"));
        HostConfig config = HostConfig.builder().dimms(4, 32).build();
        assertThrows(
                IllegalArgumentException.class,
                () -> FaultFlag.parse("host2:fan-stall").check(2, config, 6));
        assertThrows(
                IllegalArgumentException.class,
                () -> FaultFlag.parse("host0:fan-stall=7").check(1, config, 6));
        assertThrows(
                IllegalArgumentException.class,
                () -> FaultFlag.parse("host0:dimm-lost=4").check(1, config, 6));
        FaultFlag.parse("host0:dimm-lost=3").check(1, config, 6);
    }

    @Test
    void deadNicsMakeTheNextNNetworkAttemptsFailThenTheNetworkIsBack() {
        SimulatedHost h = host("host0:dead-nics=4");
        h.powerOn();
        scheduler.runUntilIdle();
        BootRecord first = h.boots().get(0);
        assertEquals(BootOutcome.OS_RUNNING, first.outcome());
        // HTTPS v4, HTTPS v6 (boots without the fault), PXE v4, PXE v6, the disk, then HTTPS v4 again and HTTPS v6
        assertEquals(
                Duration.ofMinutes(25),
                first.deadInterfaceTime(),
                first.attempts().toString());
        assertTrue(first.attempts().get(1).option().description().contains("HTTPS IPv6"));
        assertFalse(first.attempts().get(1).succeeded(), "dead although the environment would boot it");
        h.reboot();
        scheduler.runUntilIdle();
        assertEquals(Duration.ofMinutes(5), h.boots().get(1).deadInterfaceTime(), "only HTTPS v4 is dead now");
    }

    @Test
    void stuckMemoryTrainingHangsTheFirstBoot() {
        SimulatedHost h = host("host0:stuck-memory-training");
        h.powerOn();
        scheduler.runUntilIdle();
        assertEquals(
                BootOutcome.HUNG_MEMORY_TRAINING, h.currentBoot().orElseThrow().outcome());
    }

    @Test
    void aStalledFanReadsZeroWhileTheOthersSpin() {
        SimulatedHost h = host("host0:fan-stall=2");
        h.powerOn();
        scheduler.runFor(Duration.ofSeconds(10));
        assertEquals(new Reading.Value(0), h.sensorBus().read(fan(h, "SYS_FAN2")));
        assertTrue(h.sensorBus().read(fan(h, "SYS_FAN1")) instanceof Reading.Value v && v.value() > 0);
    }

    @Test
    void aLostDimmIsPresentAtTheFirstBootAndMissingFromTheSecond() {
        SimulatedHost h = host("host0:dimm-lost");
        h.powerOn();
        scheduler.runUntilIdle();
        assertEquals(4, h.boots().get(0).dimmsDetected());
        h.reboot();
        scheduler.runUntilIdle();
        assertEquals(3, h.boots().get(1).dimmsDetected());
        assertEquals(96, h.reportedMemoryGiB());
    }

    @Test
    void bootOrderResetIsABiosUpdateAfterTheFirstBootThatRestoresTheVendorOrder() {
        SimulatedHost h = host("host0:boot-order-reset");
        h.powerOn();
        scheduler.runUntilIdle();
        List<String> vendor = DeclaredOrder.descriptions(h.nvram().bootOrder());
        h.nvram().writeBootOrder(DeclaredOrder.apply(h.nvram().bootOrder(), List.of(".*HTTPS IPv6.*")));
        assertTrue(DeclaredOrder.descriptions(h.nvram().bootOrder()).get(0).contains("HTTPS IPv6"));
        h.reboot();
        scheduler.runUntilIdle();
        assertEquals("SIM-BIOS 1.1", h.biosVersion());
        assertTrue(
                DeclaredOrder.descriptions(h.nvram().bootOrder()).get(0).contains("HTTPS IPv4"),
                "vendor defaults again: " + DeclaredOrder.descriptions(h.nvram().bootOrder()) + " was " + vendor);
    }

    @Test
    void demoHelpListsEveryFault() {
        StringWriter out = new StringWriter();
        var cl = Main.commandLine(CliEnvironment.system());
        cl.setOut(new PrintWriter(out));
        cl.execute("demo", "--help");
        for (FaultFlag.Kind k : FaultFlag.Kind.values()) {
            assertTrue(out.toString().contains(k.flag()), k.flag() + " in:\n" + out);
        }
    }

    private static SensorSpec fan(SimulatedHost h, String name) {
        return h.sensorSpecs().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
