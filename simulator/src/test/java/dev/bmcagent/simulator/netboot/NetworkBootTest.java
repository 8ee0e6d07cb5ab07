package dev.bmcagent.simulator.netboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.command.oem.OemCommands;
import dev.bmcagent.ipmi.command.oem.PendingOrderChunk;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.simulator.firmware.FirmwareTiming;
import dev.bmcagent.simulator.host.BootOutcome;
import dev.bmcagent.simulator.host.BootRecord;
import dev.bmcagent.simulator.host.HostConfig;
import dev.bmcagent.simulator.host.SimulatedHost;
import dev.bmcagent.simulator.support.RecordingLink;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkBootTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();

    private SimulatedHost host(HostConfig.Builder b, RecordingLink link) {
        SimulatedHost host = new SimulatedHost(
                0,
                b.timing(FirmwareTiming.SERVER.exact())
                        .dimms(2, 32)
                        .diskModel(Optional.empty())
                        .build(),
                5,
                scheduler);
        host.attach(link);
        return host;
    }

    private BootRecord coldBoot(HostConfig.Builder b) {
        SimulatedHost h = host(b, new RecordingLink(scheduler));
        h.powerOn();
        scheduler.runUntilIdle();
        return h.boots().get(0);
    }

    @Test
    void optionsAreNamedAsVendorsNameThemInTheVendorDefaultOrder() {
        SimulatedHost h = host(HostConfig.builder().nics(1), new RecordingLink(scheduler));
        List<String> names = DeclaredOrder.descriptions(h.nvram().bootOrder());
        assertEquals(4, names.size());
        String p = "Intel Network Adapter - 50:00:E6:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2} P1";
        assertTrue(names.get(0).matches("UEFI: HTTPS IPv4 " + p), names.get(0));
        assertTrue(names.get(1).matches("UEFI: HTTPS IPv6 " + p), names.get(1));
        assertTrue(names.get(2).matches("UEFI: PXE IPv4 " + p), names.get(2));
        assertTrue(names.get(3).matches("UEFI: PXE IPv6 " + p), names.get(3));
    }

    /** Issue #13 item 16: the seeds' list, firmware HTTPS boot and chainloaded iPXE alternating per NIC. */
    @Test
    void vendorIpxeListAlternatesHttpsAndIpxeAndIpxeCostsItsOwnTimes() {
        HostConfig.Builder b = HostConfig.builder()
                .nics(1)
                .netboot(NetbootProfile.named("vendor-ipxe"))
                .bootList(NetbootProfile.bootList("vendor-ipxe"));
        SimulatedHost h = host(b, new RecordingLink(scheduler));
        List<String> names = DeclaredOrder.descriptions(h.nvram().bootOrder());
        assertEquals(4, names.size(), names.toString());
        assertTrue(names.get(0).startsWith("UEFI: HTTPS IPv4 Intel"), names.toString());
        assertTrue(names.get(1).startsWith("UEFI: iPXE IPv4 Intel"), names.toString());
        assertTrue(names.get(2).startsWith("UEFI: HTTPS IPv6 Intel"), names.toString());
        assertTrue(names.get(3).startsWith("UEFI: iPXE IPv6 Intel"), names.toString());
        assertEquals(0x04, h.nvram().bootOrder().get(1).protocolCode(), "boot error ED3 bit 2: iPXE");
        assertEquals(0x05, h.nvram().bootOrder().get(3).protocolCode());
        BootRecord one = coldBoot(b);
        // HTTPS v4: the vendor stack's 300 s; iPXE v4: iPXE's DHCP 1+2+4+8 s; then HTTPS v6 boots
        assertEquals(
                List.of(Duration.ofSeconds(300), Duration.ofSeconds(15)),
                one.attempts().subList(0, 2).stream().map(BootAttempt::cost).toList());
        assertTrue(one.attempts().get(2).succeeded());
        assertEquals(Duration.ofSeconds(315), one.deadInterfaceTime());
    }

    @Test
    void vendorProfileLosesAboutFiveMinutesPerDeadInterfaceAheadOfHttpsIpv6() {
        BootRecord one = coldBoot(HostConfig.builder().nics(1).netboot(NetbootProfile.VENDOR));
        assertEquals(Duration.ofMinutes(5), one.deadInterfaceTime()); // HTTPS IPv4
        assertEquals(2, one.attempts().size());
        assertTrue(one.attempts().get(1).succeeded());
    }

    @Test
    void vendorOrderWithThreeNicsTriesEveryHttpsIpv4First() {
        BootRecord r = coldBoot(HostConfig.builder().nics(3).netboot(NetbootProfile.VENDOR));
        // Httpv4 on NIC 0, 1, 2 die (3 x 300 s), then Httpv6 on NIC 0 boots
        assertEquals(Duration.ofMinutes(15), r.deadInterfaceTime());
        assertEquals(4, r.attempts().size());
        assertTrue(r.attempts().get(3).option().description().startsWith("UEFI: HTTPS IPv6 Intel"));
    }

    @Test
    void edk2AndIpxeCostTheirDhcpTimeouts() {
        assertEquals(
                Duration.ofSeconds(4 + 8 + 16 + 32),
                coldBoot(HostConfig.builder().nics(1).netboot(NetbootProfile.EDK2))
                        .deadInterfaceTime());
        assertEquals(
                Duration.ofSeconds(1 + 2 + 4 + 8),
                coldBoot(HostConfig.builder().nics(1).netboot(NetbootProfile.IPXE))
                        .deadInterfaceTime());
    }

    @Test
    void onlyPxeIpv6ReachableUnderEdk2() {
        BootRecord r = coldBoot(HostConfig.builder()
                .nics(1)
                .netboot(NetbootProfile.EDK2)
                .environment(NetworkEnvironment.onlyMatching(".*PXE IPv6.*")));
        // HTTPS IPv4 60 s + HTTPS IPv6 60 s (DHCPv6 cap) + PXE IPv4 60 s
        assertEquals(Duration.ofMinutes(3), r.deadInterfaceTime());
    }

    @Test
    void allInterfacesDeadEndsAtNoBootableDeviceAfterTheConfiguredRounds() {
        RecordingLink link = new RecordingLink(scheduler);
        SimulatedHost h =
                host(HostConfig.builder().nics(1).netboot(NetbootProfile.IPXE).maxBootRounds(2), link);
        h.faults().allInterfacesDead(true);
        h.powerOn();
        scheduler.runUntilIdle();
        BootRecord r = h.currentBoot().orElseThrow();
        assertEquals(BootOutcome.NO_BOOT_DEVICE, r.outcome());
        assertEquals(8, r.attempts().size());
        long noMedia = link.lines().stream()
                .filter(l -> l.equals("04/02 01 04 1E 06 6F 00 FF FF"))
                .count();
        assertEquals(2, noMedia, "one 'no bootable media' per round");
        long failures = link.lines().stream()
                .filter(l -> l.startsWith("04/02 01 04 1E 06 6F A2"))
                .count();
        assertEquals(8, failures);
    }

    /** A BMC double whose pending order is HTTPS IPv6 on P1 until the host acknowledges it. */
    private static final class DeclaringBmc {
        private boolean pending = true;
        private int acks;
        private int lastAckStatus = -1;

        IpmiResponse answer(RecordingLink.Sent s) {
            if (s.netFn() == 0x30 && s.cmd() == OemCommands.GET_PENDING_BOOT_ORDER && pending) {
                // total 1, revision 01h, first 0, one pattern
                return IpmiResponse.ok(new PendingOrderChunk(1, 0x01, 0, List.of(".*HTTPS IPv6.*P1")).encode());
            }
            if (s.netFn() == 0x30 && s.cmd() == OemCommands.ACK_BOOT_ORDER) {
                pending = false;
                acks++;
                lastAckStatus = s.data()[0];
            }
            return IpmiResponse.ok();
        }
    }

    @Test
    void declaredOrderIsWrittenAtPostAndRemovesTheDeadInterface() {
        DeclaringBmc bmc = new DeclaringBmc();
        RecordingLink link = new RecordingLink(scheduler, bmc::answer);
        SimulatedHost h = host(HostConfig.builder().nics(1), link);
        h.powerOn();
        scheduler.runUntilIdle();
        BootRecord r = h.boots().get(0);
        assertEquals(Duration.ZERO, r.deadInterfaceTime());
        assertTrue(r.bootOrderAtPost().get(0).startsWith("UEFI: HTTPS IPv6"), "reported order is the new one");
        assertEquals(1, bmc.acks);
        assertEquals(OemCommands.ACK_APPLIED, bmc.lastAckStatus);
        assertTrue(h.nvram().bootOrder().get(0).description().startsWith("UEFI: HTTPS IPv6"));
    }

    @Test
    void aBootOrderWriteThatDoesNotStickIsAcknowledgedButChangesNothing() {
        DeclaringBmc bmc = new DeclaringBmc();
        SimulatedHost h = host(HostConfig.builder().nics(1), new RecordingLink(scheduler, bmc::answer));
        h.faults().bootOrderWriteLost(true);
        h.powerOn();
        scheduler.runUntilIdle();
        assertEquals(Duration.ofMinutes(5), h.boots().get(0).deadInterfaceTime());
        assertEquals(OemCommands.ACK_APPLIED, bmc.lastAckStatus);
        assertTrue(
                h.boots().get(0).bootOrderAtPost().get(0).startsWith("UEFI: HTTPS IPv4"),
                "the reported order lets the BMC see the write did not stick");
    }

    @Test
    void forcedPriorityIgnoresTheDeclaredOrderAndSaysSo() {
        DeclaringBmc bmc = new DeclaringBmc();
        SimulatedHost h =
                host(HostConfig.builder().nics(1).forcedPriority(true), new RecordingLink(scheduler, bmc::answer));
        h.powerOn();
        scheduler.runUntilIdle();
        assertEquals(OemCommands.ACK_IGNORED, bmc.lastAckStatus);
        assertEquals(Duration.ofMinutes(5), h.boots().get(0).deadInterfaceTime());
    }

    @Test
    void declaredOrderArithmetic() {
        NetworkPort port = new NetworkPort(0, "Intel Network Adapter", "50:00:E6:8F:4F:32", 1);
        BootOption h4 = BootOption.network(1, port, BootOption.Kind.HTTP, false);
        BootOption h6 = BootOption.network(2, port, BootOption.Kind.HTTP, true);
        BootOption p4 = BootOption.network(3, port, BootOption.Kind.PXE, false);
        BootOption disk = BootOption.disk(4, "NVMe");
        assertEquals("UEFI: HTTPS IPv4 Intel Network Adapter - 50:00:E6:8F:4F:32 P1", h4.description());
        assertEquals(
                List.of(h6, p4, h4, disk),
                DeclaredOrder.apply(List.of(h4, h6, p4, disk), List.of(".*HTTP.*IPv6.*P1", ".*PXE.*")));
        assertEquals(List.of(h4, h6, p4, disk), DeclaredOrder.vendorDefault(List.of(disk, p4, h6, h4)));
    }
}
