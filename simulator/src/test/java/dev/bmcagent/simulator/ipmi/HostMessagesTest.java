package dev.bmcagent.simulator.ipmi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmcagent.acpi.state.AcpiDeviceState;
import dev.bmcagent.acpi.state.AcpiSystemState;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostMessagesTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void setAcpiS2D2() {
        HostRequest r = HostMessages.setAcpi(AcpiSystemState.S2_D2, AcpiDeviceState.D2);
        assertEquals(0x06, r.netFn()); // App (IPMI 2.0 table 5-1)
        assertEquals(0x06, r.cmd()); // Set ACPI Power State (IPMI 2.0 §20.6)
        assertArrayEquals(
                bytes(
                        0x82, // byte 1: bit 7 = set system state, 6:0 = 02h S2 (sleeping, processor context lost)
                        0x82), // byte 2: bit 7 = set device state, 6:0 = 02h D2
                r.data());
    }

    @Test
    void setAcpiS0AndS5() {
        assertArrayEquals(
                bytes(
                        0x80, // set system state 00h S0/G0 working
                        0x80), // set device state 00h D0
                HostMessages.setAcpi(AcpiSystemState.S0_G0_D0, AcpiDeviceState.D0)
                        .data());
        assertArrayEquals(
                bytes(
                        0x85, // set system state 05h S5/G2 soft-off
                        0x7F), // bit 7 clear: device state not changed, 7Fh = "no change"
                HostMessages.setAcpi(AcpiSystemState.S5_G2).data());
    }

    @Test
    void sbmrProgressPrimaryCpu() {
        HostRequest r = HostMessages.sbmrProgress(HostMessages.EFI_PROGRESS_CODE, 0x03021000, 0x12);
        assertEquals(0x2C, r.netFn()); // group extension
        assertEquals(0x02, r.cmd()); // Arm SBMR Send Boot Progress Code
        assertArrayEquals(
                bytes(
                        0xAE, // defining body: Arm SBMR
                        0x01, 0x00, 0x00, 0x00, // EFI_STATUS_CODE_TYPE LE: EFI_PROGRESS_CODE
                        0x00, 0x10, 0x02, 0x03, // EFI_STATUS_CODE_VALUE LE: 0x03021000 PEI core, init
                        0x12), // instance
                r.data());
    }

    @Test
    void firmwareProgressPlatformEvent() {
        HostRequest r = HostMessages.firmwareProgress(0x01);
        assertEquals(0x04, r.netFn()); // Sensor/Event
        assertEquals(0x02, r.cmd()); // Platform Event Message (IPMI 2.0 §29.3)
        assertArrayEquals(
                bytes(
                        0x01, // generator ID: system software ID 00h, bit 0 = 1 -> BIOS (§5.5)
                        0x04, // event message revision: IPMI 2.0
                        0x0F, // sensor type: System Firmware Progress (table 42-3)
                        0x05, // sensor number (this project's FW progress sensor)
                        0x6F, // event dir assertion, type 6Fh sensor-specific
                        0xC2, // ED1: bits 7:6 = 11b ED2 is an extension code, offset 02h = progress
                        0x01, // ED2: 01h memory initialization (table 42-3)
                        0xFF), // ED3 unspecified
                r.data());
    }

    @Test
    void networkBootFailedEventNamesInterfaceAndProtocol() {
        assertArrayEquals(
                bytes(
                        0x01, 0x04, // generator BIOS, EvM rev 04h
                        0x1E, // sensor type: Boot Error
                        0x06, // sensor number (this project's boot error sensor)
                        0x6F, // sensor-specific assertion
                        0xA2, // ED1: 7:6 = 10b OEM ED2, 5:4 = 10b OEM ED3, offset 02h "PXE server not found"
                        0x03, // ED2: interface index 3
                        0x03), // ED3: bit 1 HTTP(S), bit 0 IPv6
                HostMessages.networkBootFailed(3, 0x03).data());
    }

    @Test
    void osBootCompletedAndNoBootableMedia() {
        assertArrayEquals(
                bytes(
                        0x01, 0x04, 0x1F, // OS Boot
                        0x07, 0x6F, 0x06, // offset 06h: boot completed, device not specified
                        0xFF, 0xFF),
                HostMessages.osBootCompleted().data());
        assertArrayEquals(
                bytes(
                        0x01, 0x04, 0x1E, 0x06, 0x6F, 0x00, // offset 00h: no bootable media
                        0xFF, 0xFF),
                HostMessages.noBootableMedia().data());
    }

    @Test
    void postCodeOneOrTwoBytes() {
        HostRequest one = HostMessages.postCode(0x1D);
        assertEquals(0x30, one.netFn()); // OEM
        assertEquals(0x10, one.cmd()); // Report POST Code
        assertArrayEquals(bytes(0x1D), one.data());
        assertArrayEquals(bytes(0x34, 0x12), HostMessages.postCode(0x1234).data()); // LSB, MSB
        assertThrows(IllegalArgumentException.class, () -> HostMessages.postCode(0x10000));
    }

    @Test
    void reportBootOrderIsTotalFirstIndexThenLengthPrefixedAscii() {
        List<HostRequest> chunks = HostMessages.reportBootOrder(List.of("AB", "xyz"));
        assertEquals(1, chunks.size());
        HostRequest r = chunks.get(0);
        assertEquals(0x30, r.netFn()); // OEM
        assertEquals(0x11, r.cmd()); // Report Boot Order
        assertArrayEquals(
                bytes(
                        0x02, // total option count
                        0x00, // index of this chunk's first option
                        0x02, 'A', 'B', // length, ASCII
                        0x03, 'x', 'y', 'z'),
                r.data());
        assertArrayEquals(
                bytes(0x00, 0x00),
                HostMessages.reportBootOrder(List.of()).get(0).data()); // empty order
    }

    @Test
    void aLongBootOrderIsSplitIntoChunksOfAtMost255Bytes() {
        List<String> options = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            options.add(String.format(
                    java.util.Locale.ROOT,
                    "UEFI: HTTPS IPv%d Intel Network Adapter - 50:00:E6:8F:4F:%02X P%d",
                    i % 2 == 0 ? 4 : 6,
                    i,
                    i % 2 + 1));
        }
        List<HostRequest> chunks = HostMessages.reportBootOrder(options);
        assertTrue(chunks.size() > 1, "16 options of ~60 bytes need several chunks");
        List<String> back = new java.util.ArrayList<>();
        for (HostRequest c : chunks) {
            byte[] d = c.data();
            assertTrue(d.length <= HostMessages.MAX_REQUEST_DATA, "chunk of " + d.length + " bytes");
            assertEquals(16, d[0]); // total
            assertEquals(back.size(), d[1]); // first index continues where the previous chunk ended
            for (int at = 2; at < d.length; at += 1 + d[at]) {
                back.add(new String(d, at + 1, d[at], java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        assertEquals(options, back);
        assertArrayEquals(
                bytes(0x10, 0x04), java.util.Arrays.copyOf(chunks.get(1).data(), 2)); // 4 options per chunk
        assertThrows(
                IllegalArgumentException.class,
                () -> HostMessages.reportBootOrder(java.util.Collections.nCopies(65, "o")));
    }

    @Test
    void bootOptionsRequests() {
        HostRequest get = HostMessages.getBootFlags();
        assertEquals(0x00, get.netFn()); // Chassis
        assertEquals(0x09, get.cmd()); // Get System Boot Options
        assertArrayEquals(
                bytes(
                        0x05, // parameter 5: boot flags
                        0x00, // set selector
                        0x00),
                get.data()); // block selector
        HostRequest ack = HostMessages.ackBootInfo();
        assertEquals(0x08, ack.cmd()); // Set System Boot Options
        assertArrayEquals(
                bytes(
                        0x04, // parameter 4: boot info acknowledge
                        0x01, // write mask: bit 0 BIOS/POST
                        0x00),
                ack.data()); // 0 = acknowledged by BIOS/POST
    }

    @Test
    void decodesBootFlagsAsIpmitoolSetsThem() {
        // what `chassis bootparam get 5` reads back after `chassis bootdev pxe options=efiboot`
        IpmiResponse pxe = IpmiResponse.ok(bytes(0x01, 0x05, 0xA0, 0x04, 0x00, 0x00, 0x00));
        assertEquals(
                HostResponses.BootDevice.NETWORK,
                HostResponses.bootFlagsDevice(pxe).orElseThrow());
        IpmiResponse disk = IpmiResponse.ok(bytes(0x01, 0x05, 0x80, 0x08, 0x00, 0x00, 0x00));
        assertEquals(
                HostResponses.BootDevice.DISK,
                HostResponses.bootFlagsDevice(disk).orElseThrow());
        IpmiResponse notValid = IpmiResponse.ok(bytes(0x01, 0x05, 0x20, 0x04, 0x00, 0x00, 0x00));
        assertTrue(HostResponses.bootFlagsDevice(notValid).isEmpty());
        assertTrue(HostResponses.bootFlagsDevice(IpmiResponse.ok()).isEmpty());
        assertTrue(HostResponses.bootFlagsDevice(IpmiResponse.error(CompletionCode.INVALID_COMMAND))
                .isEmpty());
    }

    @Test
    void getPendingBootOrderAsksFromAPatternIndex() {
        HostRequest r = HostMessages.getPendingBootOrder(0x11);
        assertEquals(0x30, r.netFn()); // OEM
        assertEquals(0x12, r.cmd()); // Get Pending Boot Order
        assertArrayEquals(bytes(0x11), r.data()); // index of the first pattern wanted: 17
        assertArrayEquals(bytes(0x00), HostMessages.getPendingBootOrder(0).data());
        assertThrows(IllegalArgumentException.class, () -> HostMessages.getPendingBootOrder(0x100));
    }

    @Test
    void decodesAPendingOrderChunkAndRejectsMalformed() {
        var chunk = HostResponses.pendingOrderChunk(IpmiResponse.ok(bytes(
                        0x02, // total 2 patterns
                        0x9C, // revision 9Ch
                        0x01, // first: index 1
                        0x02, 'v', '6')))
                .orElseThrow(); // length 2, "v6"
        assertEquals(2, chunk.total());
        assertEquals(0x9C, chunk.revision());
        assertEquals(1, chunk.first());
        assertEquals(List.of("v6"), chunk.patterns());
        assertTrue(HostResponses.pendingOrderChunk(IpmiResponse.ok(bytes(0x00, 0x01)))
                .isEmpty()); // no first index
        assertTrue(HostResponses.pendingOrderChunk(IpmiResponse.ok(bytes(0x01, 0x01, 0x00, 0x05, 'a')))
                .isEmpty());
        assertTrue(HostResponses.pendingOrderChunk(IpmiResponse.error(CompletionCode.PARAMETER_OUT_OF_RANGE))
                .isEmpty());
    }
}
