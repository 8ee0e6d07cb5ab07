package dev.bmcagent.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.command.oem.PendingOrderChunk;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.link.HostLink;
import dev.bmcagent.simulator.support.ReadingBmc;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FleetTest {
    /** The BMC test double of this round: OK to everything. */
    private static final BmcFactory OK_EVERYTHING =
            (host, scheduler) -> (HostLink) (netFn, cmd, data) -> IpmiResponse.ok();

    private static FleetResult run(int hosts, long seed, Scenario scenario, BmcFactory bmc) {
        return new Fleet(FleetConfig.uniform(hosts, seed, HostConfig.builder().build()), bmc).run(scenario);
    }

    @Test
    void sameSeedSameSummary() {
        FleetResult a = run(30, 42, Scenario.FIRMWARE_UPGRADE, new ReadingBmc(Duration.ofSeconds(5), false));
        FleetResult b = run(30, 42, Scenario.FIRMWARE_UPGRADE, new ReadingBmc(Duration.ofSeconds(5), false));
        assertEquals(a, b);
        assertEquals(a.summary(), b.summary());
        FleetResult c = run(30, 43, Scenario.FIRMWARE_UPGRADE, new ReadingBmc(Duration.ofSeconds(5), false));
        assertNotEquals(a.bootTime(), c.bootTime(), "another seed, other jitter");
    }

    @Test
    void coldBootOfAVendorFleetLosesFiveMinutesPerBootToHttpsIpv4() {
        FleetResult r = run(20, 1, Scenario.COLD_BOOT, OK_EVERYTHING);
        assertEquals(20, r.finishedHosts());
        assertEquals(0, r.stuckHosts());
        assertEquals(20, r.bootTime().count());
        assertEquals(Duration.ofMinutes(100), r.deadInterfaceTime());
        assertEquals(0, r.smbusCollisions(), "nobody reads the bus");
        assertEquals(20, r.cycleTime().count());
    }

    @Test
    void readingBmcWithoutGatingCollidesAndCostsDimmsGatingDoesNot() {
        FleetResult naive = run(100, 7, Scenario.REBOOT, new ReadingBmc(Duration.ofSeconds(1), false));
        FleetResult gated = run(100, 7, Scenario.REBOOT, new ReadingBmc(Duration.ofSeconds(1), true));
        System.out.println("naive BMC:\n" + naive.summary() + "\ngated BMC:\n" + gated.summary());
        assertTrue(naive.smbusCollisions() > 0, naive.summary());
        assertTrue(naive.bootsWithMissingDimms() > 0, naive.summary());
        assertEquals(0, gated.smbusCollisions(), gated.summary());
        assertEquals(0, gated.bootsWithMissingDimms());
        assertEquals(0, gated.failedSpdReads());
    }

    @Test
    void aBmcThatDeclaresHttpsIpv6FirstRemovesTheDeadInterfaceTime() {
        // 30h/12h: total 1, revision 01h, first 0, one pattern (length, ASCII)
        byte[] pending = new PendingOrderChunk(1, 0x01, 0, java.util.List.of(".*HTTPS IPv6.*")).encode();
        BmcFactory declaring = (host, scheduler) -> (HostLink)
                (netFn, cmd, data) -> netFn == 0x30 && cmd == 0x12 ? IpmiResponse.ok(pending) : IpmiResponse.ok();
        FleetResult naive = run(20, 5, Scenario.FIRMWARE_UPGRADE, OK_EVERYTHING);
        FleetResult declared = run(20, 5, Scenario.FIRMWARE_UPGRADE, declaring);
        assertEquals(Duration.ZERO, declared.deadInterfaceTime());
        assertEquals(Duration.ofHours(5), naive.deadInterfaceTime());
        // per reboot: the disk (2 s, put first by the boot-option refresh) and HTTPS IPv4 (300 s) are no longer tried
        assertEquals(
                Duration.ofSeconds(3L * 302),
                naive.cycleTime().median().minus(declared.cycleTime().median()));
    }

    @Test
    void aHostHungInMemoryTrainingIsCountedStuckAndTheRunEnds() {
        Fleet fleet = new Fleet(FleetConfig.uniform(5, 3, HostConfig.builder().build()), OK_EVERYTHING);
        fleet.hosts().get(2).faults().hangInMemoryTraining(1);
        FleetResult r = fleet.run(Scenario.COLD_BOOT);
        assertEquals(4, r.finishedHosts());
        assertEquals(1, r.stuckHosts());
        assertEquals(4, r.bootTime().count());
    }

    @Test
    void twoThousandHostsThroughAFirmwareUpgradeOnTheVirtualClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        FleetResult r = run(2_000, 2026, Scenario.FIRMWARE_UPGRADE, OK_EVERYTHING);
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        System.out.println(String.format(
                Locale.ROOT,
                "2000 hosts x firmware-upgrade: wall %d ms, CPU %d ms%n%s",
                wallMillis,
                cpuMillis,
                r.summary()));
        assertEquals(2_000, r.finishedHosts());
        assertEquals(6_000, r.bootTime().count(), "three measured reboots per host");
        // every reboot tries HTTPS IPv4 (dead, 300 s) before HTTPS IPv6 under the vendor profile
        assertEquals(Duration.ofHours(500), r.deadInterfaceTime());
        assertTrue(r.cycleTime().median().compareTo(Duration.ofMinutes(20)) > 0, r.summary());
    }
}
