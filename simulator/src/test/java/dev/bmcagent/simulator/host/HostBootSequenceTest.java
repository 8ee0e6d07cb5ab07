package dev.bmcagent.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.simulator.firmware.FirmwarePhase;
import dev.bmcagent.simulator.firmware.FirmwareTiming;
import dev.bmcagent.simulator.firmware.ProgressProfile;
import dev.bmcagent.simulator.netboot.BootOption;
import dev.bmcagent.simulator.netboot.DeclaredOrder;
import dev.bmcagent.simulator.support.RecordingLink;
import dev.bmcagent.simulator.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A cold boot produces exactly these requests per progress profile (one NIC, two DIMMs, no disk, vendor firmware,
 * only HTTPS IPv6 boots, so HTTPS IPv4 fails once first). Lines are "netFn/cmd data".
 */
class HostBootSequenceTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final RecordingLink link = new RecordingLink(scheduler);

    private SimulatedHost boot(ProgressProfile profile) {
        HostConfig config = HostConfig.builder()
                .progress(profile)
                .timing(FirmwareTiming.SERVER.exact())
                .dimms(2, 32)
                .nics(1)
                .diskModel(Optional.empty())
                .build();
        SimulatedHost host = new SimulatedHost(0, config, 1234, scheduler);
        host.attach(link);
        host.powerOn();
        scheduler.runUntilIdle();
        return host;
    }

    /** OEM Report Memory: 2 × 32 GiB = 65536 MiB = 0x00010000 (LE32), 2 DIMMs initialised, 2 expected. */
    private static final String MEMORY = "30/14 00 00 01 00 02 02 03"; // + slot bitmap: slots 0 and 1
    /** Set System Info Parameters 01h "SIM-BIOS 1.0" (12 bytes: block 0 only), after the memory report. */
    private static final String BIOS_VERSION = "06/58 01 00 00 0C 53 49 4D 2D 42 49 4F 53 20 31 2E 30 00 00";
    /** OEM parameter C0h (NIC 0 option ROM) "SIM-UNDI 20.0" (13 bytes). */
    private static final String NIC_VERSION = "06/58 C0 00 00 0D 53 49 4D 2D 55 4E 44 49 20 32 30 2E 30 00";
    /** OEM D0h (BIOS vendor) "bmc-agent simulator" (19 bytes: two blocks). */
    private static final String BIOS_VENDOR_0 = "06/58 D0 00 00 13 62 6D 63 2D 61 67 65 6E 74 20 73 69 6D 75";

    private static final String BIOS_VENDOR_1 = "06/58 D0 01 6C 61 74 6F 72 00 00 00 00 00 00 00 00 00 00 00";
    /** OEM C8h (NIC 0 option-ROM manufacturer), the same string. */
    private static final String NIC_VENDOR_0 = "06/58 C8 00 00 13 62 6D 63 2D 61 67 65 6E 74 20 73 69 6D 75";

    private static final String NIC_VENDOR_1 = "06/58 C8 01 6C 61 74 6F 72 00 00 00 00 00 00 00 00 00 00 00";
    /** OEM D8h (processor in socket 0) "SIM-CPU". */
    private static final String CPU_0 = "06/58 D8 00 00 07 53 49 4D 2D 43 50 55 00 00 00 00 00 00 00";

    /** The expected lines with the host's own Report Boot Order line spliced in at the BDS marker. */
    private static List<String> expected(SimulatedHost host, String... lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.equals("BOOT-ORDER") ? reportLine(host) : l);
        }
        return out;
    }

    /** OEM Report Boot Order: one NIC's 4 options fit one chunk (total, first index 00h, length-prefixed ASCII). */
    private static String reportLine(SimulatedHost host) {
        List<String> order = DeclaredOrder.descriptions(host.nvram().bootOrder());
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "30/11 %02X 00", order.size()));
        int size = 2;
        for (String d : order) {
            size += 1 + d.length();
            sb.append(String.format(java.util.Locale.ROOT, " %02X", d.length()));
            for (byte b : d.getBytes(java.nio.charset.StandardCharsets.US_ASCII)) {
                sb.append(String.format(java.util.Locale.ROOT, " %02X", b));
            }
        }
        assertTrue(size <= 255, "one chunk expected, " + size + " bytes");
        return sb.toString();
    }

    @Test
    void sbmrProfile() {
        SimulatedHost host = boot(ProgressProfile.SBMR);
        assertEquals(
                expected(
                        host,
                        "06/06 82 82", // Set ACPI Power State: S2, D2 (firmware starts)
                        // SBMR: AEh, type EFI_PROGRESS_CODE (01 00 00 00 LE), value LE, instance 0
                        "2C/02 AE 01 00 00 00 00 10 02 03 00", // 0x03021000 PEI core: primary CPU
                        "2C/02 AE 01 00 00 00 00 10 05 00 00", // 0x00051000 memory: SPD read
                        MEMORY, // OEM Report Memory after the SPD reads
                        BIOS_VERSION,
                        BIOS_VENDOR_0,
                        BIOS_VENDOR_1,
                        NIC_VERSION,
                        NIC_VENDOR_0,
                        NIC_VENDOR_1,
                        CPU_0, // firmware versions (App 58h)
                        "2C/02 AE 01 00 00 00 07 10 01 00 00", // 0x00011007 secondary CPUs
                        "2C/02 AE 01 00 00 00 00 10 04 03 00", // 0x03041000 DXE
                        "2C/02 AE 01 00 00 00 01 10 04 03 00", // 0x03041001 BDS
                        "00/09 05 00 00", // Get System Boot Options param 5 (boot flags)
                        "30/12 00", // OEM Get Pending Boot Order from index 0 (this link answers no data: nothing
                        // applied)
                        "BOOT-ORDER", // OEM Report Boot Order
                        "2C/02 AE 01 00 00 00 00 10 01 02 00", // 0x02011000 PCI enumeration
                        "2C/02 AE 01 00 00 00 01 10 05 03 00", // 0x03051001 ReadyToBoot
                        "04/02 01 04 1E 06 6F A2 00 02", // Boot Error 02h: interface 0, HTTPS IPv4 (ED3 = 02h)
                        "30/10 E1", // POST code: network boot attempt failed
                        "2C/02 AE 01 00 00 00 19 10 10 03 00", // 0x03101019 ExitBootServices
                        "06/06 80 80", // Set ACPI Power State: S0/G0, D0 (OS running)
                        "04/02 01 04 1F 07 6F 06 FF FF"), // OS Boot: boot completed
                link.lines());
        assertEquals(List.of("power-good on"), link.signals());
    }

    @Test
    void ipmiProfileSendsPlatformEventsOnlyForPhasesWithACode() {
        SimulatedHost host = boot(ProgressProfile.IPMI);
        assertEquals(
                expected(
                        host,
                        "06/06 82 82",
                        "04/02 01 04 0F 05 6F C2 19 FF", // FW progress 19h: primary CPU init
                        "04/02 01 04 0F 05 6F C2 01 FF", // 01h memory init
                        MEMORY,
                        BIOS_VERSION,
                        BIOS_VENDOR_0,
                        BIOS_VENDOR_1,
                        NIC_VERSION,
                        NIC_VENDOR_0,
                        NIC_VENDOR_1,
                        CPU_0,
                        "04/02 01 04 0F 05 6F C2 03 FF", // 03h secondary CPU init
                        "04/02 01 04 0F 05 6F C2 14 FF", // 14h motherboard init (DXE); BDS has no code
                        "00/09 05 00 00",
                        "30/12 00",
                        "BOOT-ORDER",
                        "04/02 01 04 0F 05 6F C2 07 FF", // 07h PCI resource config
                        "04/02 01 04 0F 05 6F C2 13 FF", // 13h system boot initiated (ReadyToBoot)
                        "04/02 01 04 1E 06 6F A2 00 02",
                        "30/10 E1", // ExitBootServices has no IPMI code
                        "06/06 80 80",
                        "04/02 01 04 1F 07 6F 06 FF FF"),
                link.lines());
    }

    @Test
    void postcodeProfile() {
        SimulatedHost host = boot(ProgressProfile.POSTCODE);
        assertEquals(
                expected(
                        host,
                        "06/06 82 82",
                        "30/10 10",
                        "30/10 1D",
                        MEMORY,
                        BIOS_VERSION,
                        BIOS_VENDOR_0,
                        BIOS_VENDOR_1,
                        NIC_VERSION,
                        NIC_VENDOR_0,
                        NIC_VENDOR_1,
                        CPU_0,
                        "30/10 35",
                        "30/10 60",
                        "30/10 90",
                        "00/09 05 00 00",
                        "30/12 00",
                        "BOOT-ORDER",
                        "30/10 94",
                        "30/10 AD",
                        "04/02 01 04 1E 06 6F A2 00 02",
                        "30/10 E1",
                        "30/10 AF",
                        "06/06 80 80",
                        "04/02 01 04 1F 07 6F 06 FF FF"),
                link.lines());
    }

    @Test
    void silentProfileSendsOnlyAcpiAndTheBootOrderProtocol() {
        SimulatedHost host = boot(ProgressProfile.SILENT);
        assertEquals(
                expected(host, "06/06 82 82", "00/09 05 00 00", "30/12 00", "BOOT-ORDER", "06/06 80 80"), link.lines());
    }

    @Test
    void timingOfTheColdBootFollowsTheProfile() {
        SimulatedHost host = boot(ProgressProfile.SBMR);
        BootRecord r = host.boots().get(0);
        // 2 s to firmware + 4 s primary CPU + 2 x 50 ms SPD + 240 s long training (first boot) + 3 + 20 + 2 + 10
        // + 300 s dead HTTPS IPv4 (vendor) + 30 s HTTPS IPv6 boot + 45 s OS load
        assertEquals(
                Duration.ofMillis(
                        2_000 + 4_000 + 100 + 240_000 + 3_000 + 20_000 + 2_000 + 10_000 + 300_000 + 30_000 + 45_000),
                r.bootTime().orElseThrow());
        assertEquals(Duration.ofMinutes(5), r.deadInterfaceTime());
        assertEquals(
                Duration.ofSeconds(6), Duration.between(r.start(), r.phases().get(FirmwarePhase.MEMORY_INIT)));
        assertTrue(r.longTraining());
        assertEquals(64, host.reportedMemoryGiB());
        assertEquals(HostPowerState.OS, host.state());
    }

    @Test
    void gracefulShutdownReportsS5ThenDropsPowerGood() {
        SimulatedHost host = boot(ProgressProfile.SILENT);
        link.clear();
        host.gracefulShutdown();
        scheduler.runUntilIdle();
        assertEquals(List.of("06/06 85 7F"), link.lines()); // S5/G2, device state unchanged
        assertEquals(List.of("power-good off"), link.signals());
        assertEquals(HostPowerState.OFF, host.state());
    }

    @Test
    void rebootAndResetReportNoAcpiStateBeforeFirmwareStarts() {
        SimulatedHost host = boot(ProgressProfile.SILENT);
        link.clear();
        host.reboot();
        scheduler.runUntilIdle();
        assertEquals(List.of("reset"), link.signals());
        assertEquals("06/06 82 82", link.lines().get(0), "the next thing the BMC hears is firmware starting");
        assertEquals(2, host.boots().size());
        assertEquals(BootCause.WARM_RESET, host.boots().get(1).cause());
        assertTrue(!host.boots().get(1).longTraining(), "no configuration change: short training");
    }

    @Test
    void forcedBootDeviceIsAcknowledgedAndTriedFirstAsBootNext() {
        HostConfig config = HostConfig.builder()
                .timing(FirmwareTiming.SERVER.exact())
                .dimms(2, 32)
                .nics(1)
                .build();
        // boot flags valid + EFI (A0h), device selector 0010b = force hard disk (08h)
        RecordingLink forced = new RecordingLink(
                scheduler,
                s -> s.netFn() == 0x00 && s.cmd() == 0x09
                        ? IpmiResponse.ok(new byte[] {0x01, 0x05, (byte) 0xA0, 0x08, 0, 0, 0})
                        : IpmiResponse.ok());
        SimulatedHost host = new SimulatedHost(0, config, 99, scheduler);
        host.attach(forced);
        host.powerOn();
        scheduler.runUntilIdle();
        List<String> lines = forced.lines();
        assertEquals(
                "00/08 04 01 00",
                lines.get(lines.indexOf("00/09 05 00 00") + 1),
                "Set System Boot Options param 4: BIOS acknowledges right after reading the flags");
        BootRecord r = host.boots().get(0);
        assertEquals(BootOption.Kind.DISK, r.attempts().get(0).option().kind(), "BootNext: the disk");
        assertEquals(BootOption.Kind.HTTP, r.attempts().get(1).option().kind(), "then BootOrder from the top");
        assertEquals(3, r.attempts().size()); // disk (no OS), HTTPS IPv4 (dead), HTTPS IPv6 (boots)
    }

    /** A BMC with UefiHttp Once (valid, EFI, force PXE) and {@code uri} in the boot initiator mailbox. */
    private RecordingLink uefiHttp(String uri) {
        byte[] mailbox = dev.bmcagent.ipmi.command.chassis.BootMailbox.encodeUri(uri);
        return new RecordingLink(scheduler, s -> {
            if (s.netFn() != 0x00 || s.cmd() != 0x09) {
                return IpmiResponse.ok();
            }
            if (s.data()[0] == 0x05) {
                return IpmiResponse.ok(new byte[] {0x01, 0x05, (byte) 0xA0, 0x04, 0, 0, 0});
            }
            int block = s.data()[1] & 0xFF;
            byte[] out = new byte[19];
            out[0] = 0x01;
            out[1] = 0x07;
            out[2] = (byte) block;
            System.arraycopy(mailbox, block * 16, out, 3, 16);
            return IpmiResponse.ok(out);
        });
    }

    @Test
    void uefiHttpBootsFromTheMailboxUriFirst() {
        HostConfig config = HostConfig.builder()
                .timing(FirmwareTiming.SERVER.exact())
                .dimms(2, 32)
                .nics(1)
                .build();
        String uri = "http://[fd00::10]/images/ipxe/snponly-x86_64.efi"; // 48 bytes: blocks 0-3
        RecordingLink link = uefiHttp(uri);
        SimulatedHost host = new SimulatedHost(0, config, 99, scheduler);
        host.attach(link);
        host.powerOn();
        scheduler.runUntilIdle();
        List<String> lines = link.lines();
        int flags = lines.indexOf("00/09 05 00 00");
        assertEquals(
                List.of("00/09 07 00 00", "00/09 07 01 00", "00/09 07 02 00", "00/09 07 03 00"),
                lines.subList(flags + 1, flags + 5),
                "reads the mailbox up to the URI's terminator (block 3)");
        BootRecord r = host.boots().get(0);
        assertEquals(1, r.attempts().size(), "the IPv6 URI boots at once: " + r.attempts());
        String tried = r.attempts().get(0).option().description();
        assertTrue(tried.startsWith("UEFI: HTTPS IPv6 ") && tried.endsWith(" URI " + uri), tried);
        assertTrue(r.attempts().get(0).succeeded());
        assertTrue(r.bootOrderAtPost().stream().noneMatch(d -> d.contains(" URI ")), "not in the reported order");
    }

    @Test
    void anIpv4UriThatDoesNotBootFallsBackToTheBootOrder() {
        HostConfig config = HostConfig.builder()
                .timing(FirmwareTiming.SERVER.exact())
                .dimms(2, 32)
                .nics(1)
                .build();
        RecordingLink link = uefiHttp("http://192.0.2.7/boot.efi");
        SimulatedHost host = new SimulatedHost(0, config, 99, scheduler);
        host.attach(link);
        host.powerOn();
        scheduler.runUntilIdle();
        BootRecord r = host.boots().get(0);
        assertTrue(r.attempts().get(0).option().description().endsWith(" URI http://192.0.2.7/boot.efi"));
        assertTrue(!r.attempts().get(0).succeeded());
        // then BootOrder from the top: HTTPS IPv4 (dead), HTTPS IPv6 (boots)
        assertEquals(3, r.attempts().size(), r.attempts().toString());
        assertTrue(link.lines().contains("04/02 01 04 1E 06 6F A2 00 02"), "NIC 0 HTTP(S) IPv4 boot error sent");
    }

    @Test
    void withoutEfiOrWithAnotherEnterprisesMailboxTheUriIsNotRead() {
        HostConfig config = HostConfig.builder()
                .timing(FirmwareTiming.SERVER.exact())
                .dimms(2, 32)
                .nics(1)
                .build();
        RecordingLink legacy = new RecordingLink(
                scheduler,
                s -> s.netFn() == 0x00 && s.cmd() == 0x09
                        ? IpmiResponse.ok(new byte[] {0x01, 0x05, (byte) 0x80, 0x04, 0, 0, 0})
                        : IpmiResponse.ok());
        SimulatedHost host = new SimulatedHost(0, config, 99, scheduler);
        host.attach(legacy);
        host.powerOn();
        scheduler.runUntilIdle();
        assertTrue(legacy.lines().stream().noneMatch(l -> l.startsWith("00/09 07")), "legacy PXE: no mailbox read");
        assertEquals(
                BootOption.Kind.HTTP,
                host.boots().get(0).attempts().get(0).option().kind());
        assertTrue(!host.boots().get(0).attempts().get(0).option().description().contains(" URI "));
    }
}
