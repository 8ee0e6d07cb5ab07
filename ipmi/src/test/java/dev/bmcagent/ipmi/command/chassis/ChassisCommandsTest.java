package dev.bmcagent.ipmi.command.chassis;

import static dev.bmcagent.ipmi.command.TestBmc.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.ipmi.command.TestBmc;
import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiResponse;
import dev.bmcagent.ipmi.message.NetFn;
import dev.bmcagent.ipmi.message.Privilege;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chassis NetFn through the Dispatcher, IPMI 2.0 §28. */
class ChassisCommandsTest {
    private final TestBmc bmc = new TestBmc();

    private IpmiResponse chassis(int cmd, String hex) {
        return bmc.lan(Privilege.OPERATOR, NetFn.CHASSIS, cmd, hex);
    }

    private static String ok(IpmiResponse r) {
        assertEquals(CompletionCode.OK, r.completionCode(), r.toString());
        return hex(r.data());
    }

    @Test
    void capabilitiesStatusAndRestartCause() {
        assertEquals("00 20 20 20 20", ok(chassis(0x00, ""))); // no optional features; FRU/SDR/SEL/SM at 20h
        // power on, restore policy "previous" (01b << 5); last power-on by command; no faults
        assertEquals("21 10 00", ok(bmc.lan(Privilege.USER, NetFn.CHASSIS, 0x01, "")));
        assertEquals("01 01", ok(chassis(0x07, ""))); // chassis control command, on channel 1
    }

    @Test
    void chassisIdentifyIntervalAndForce() {
        ok(chassis(0x04, "")); // no interval: the default 15 s (§28.5)
        ok(chassis(0x04, "1E")); // 30 s
        ok(chassis(0x04, "00")); // off
        ok(chassis(0x04, "00 01")); // byte 2 bit 0: force on indefinitely
        assertEquals(List.of("15/false", "30/false", "0/false", "0/true"), bmc.identifies);
        assertEquals(CompletionCode.INVALID_DATA_FIELD, chassis(0x04, "0F 02").completionCode()); // reserved bits
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                bmc.lan(Privilege.USER, NetFn.CHASSIS, 0x04, "0F").completionCode());
        bmc.identifySupported = false;
        assertEquals(CompletionCode.INVALID_COMMAND, chassis(0x04, "0F").completionCode());
    }

    @Test
    void chassisStatusByte3CarriesTheIdentifyState() {
        // byte 3: bit 6 "identify state supported", bits 5:4 00 off / 01 temporary / 10 indefinite; bit 3 cooling
        assertEquals(
                "01 00 50",
                hex(new ChassisStatus(
                                true,
                                ChassisStatus.RestorePolicy.ALWAYS_OFF,
                                false,
                                false,
                                false,
                                false,
                                ChassisStatus.IdentifyState.TEMPORARY_ON)
                        .encode()));
        assertEquals(
                "00 00 68",
                hex(new ChassisStatus(
                                false,
                                ChassisStatus.RestorePolicy.ALWAYS_OFF,
                                false,
                                false,
                                false,
                                true,
                                ChassisStatus.IdentifyState.INDEFINITE_ON)
                        .encode()));
        assertEquals(
                "00 00 00",
                hex(new ChassisStatus(false, ChassisStatus.RestorePolicy.ALWAYS_OFF, false, false, false, false)
                        .encode()));
    }

    @Test
    void chassisControl() {
        for (String code : List.of("00", "01", "02", "03", "04", "05")) {
            ok(chassis(0x02, code));
        }
        assertEquals(List.of(ChassisAction.values()), bmc.actions);
        assertEquals(CompletionCode.INVALID_DATA_FIELD, chassis(0x02, "06").completionCode());
        assertEquals(CompletionCode.INVALID_DATA_FIELD, chassis(0x02, "12").completionCode());
        bmc.controlResult = HostControl.Result.NOT_IN_PRESENT_STATE;
        assertEquals(
                CompletionCode.NOT_SUPPORTED_IN_PRESENT_STATE,
                chassis(0x02, "02").completionCode());
        bmc.controlResult = HostControl.Result.NOT_SUPPORTED;
        assertEquals(CompletionCode.INVALID_DATA_FIELD, chassis(0x02, "04").completionCode());
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                bmc.lan(Privilege.USER, NetFn.CHASSIS, 0x02, "01").completionCode());
    }

    @Test
    void ipmitoolBootdevPxeEfiSequenceAndReadBack() {
        ok(chassis(0x08, "00 01")); // param 0 set in progress
        ok(chassis(0x08, "04 01 01")); // param 4: write mask 01h, BIOS/POST ack data 01h
        ok(chassis(0x08, "05 A0 04 00 00 00")); // param 5: valid + EFI; device selector 0001b PXE
        ok(chassis(0x08, "00 02")); // commit write
        ok(chassis(0x08, "00 00")); // set complete
        // version 01h, parameter 5 valid/unlocked, the five flag bytes
        assertEquals("01 05 A0 04 00 00 00", ok(chassis(0x09, "05 00 00")));
        assertEquals("01 00 00", ok(chassis(0x09, "00 00 00")));
        assertEquals("01 04 00 01", ok(chassis(0x09, "04 00 00")));
        assertEquals("01 03 00", ok(chassis(0x09, "03 00 00")));
        // the host reads the same store at POST over its system interface
        assertEquals(
                "01 05 A0 04 00 00 00",
                hex(bmc.host(NetFn.CHASSIS, 0x09, "05 00 00").data()));
        BootFlags flags = bmc.bootOptions.bootFlags();
        assertEquals(BootFlags.DEVICE_PXE, flags.device());
        assertEquals("BootFlags[valid=true persistent=false efi=true device=1]", flags.toString());
    }

    @Test
    void bootOptionErrors() {
        assertEquals(0x80, chassis(0x09, "06 00 00").completionCode().value()); // initiator info: not supported
        assertEquals(
                0x80,
                chassis(0x08, "06 00 00 00 00 00 00 00 00 00").completionCode().value());
        ok(chassis(0x08, "00 01"));
        assertEquals(0x81, chassis(0x08, "00 01").completionCode().value()); // already in progress
        assertEquals(CompletionCode.INVALID_LENGTH, chassis(0x08, "05 A0 04").completionCode());
        assertEquals(CompletionCode.INVALID_LENGTH, chassis(0x09, "05").completionCode());
        assertEquals(CompletionCode.INVALID_DATA_FIELD, chassis(0x08, "00 03").completionCode());
        assertEquals(
                CompletionCode.INSUFFICIENT_PRIVILEGE,
                bmc.lan(Privilege.USER, NetFn.CHASSIS, 0x09, "05 00 00").completionCode());
    }

    @Test
    void bootInitiatorMailboxHoldsTheUriInBlocksOf16() {
        // param 07h, block 00h: IANA 000000h (LS first), then "http://h/a.efi" (14 bytes): 13 fit in block 0
        ok(chassis(0x08, "07 00  00 00 00  68 74 74 70 3A 2F 2F 68 2F 61 2E 65 66"));
        ok(chassis(0x08, "07 01  69 00")); // block 01h: "i", terminator; rest of block zero
        assertEquals(
                "01 07 00 00 00 00 68 74 74 70 3A 2F 2F 68 2F 61 2E 65 66",
                ok(chassis(0x09, "07 00 00"))); // version 01h, param 07h, block 00h, 16 bytes
        assertEquals("01 07 01 69 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", ok(chassis(0x09, "07 01 00")));
        assertEquals(java.util.Optional.of("http://h/a.efi"), BootMailbox.decodeUri(bmc.bootOptions.mailbox()));
        // the host reads it over its system interface
        assertEquals(
                "01 07 01 69 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
                hex(bmc.host(NetFn.CHASSIS, 0x09, "07 01 00").data()));
        // last block 80h (128) exists; 81h (129) does not: C9h, as ipmitool's "bootmbox get" expects at the end
        ok(chassis(0x09, "07 80 00"));
        assertEquals(
                CompletionCode.PARAMETER_OUT_OF_RANGE, chassis(0x09, "07 81 00").completionCode());
        assertEquals(
                CompletionCode.PARAMETER_OUT_OF_RANGE, chassis(0x08, "07 81 41").completionCode());
        // block 0 of another enterprise (IANA 0002h) or too short for the IANA: refused, the mailbox unchanged
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD,
                chassis(0x08, "07 00 02 00 00 41").completionCode());
        assertEquals(
                CompletionCode.INVALID_DATA_FIELD, chassis(0x08, "07 00 00 00").completionCode());
        assertEquals(CompletionCode.INVALID_LENGTH, chassis(0x08, "07 01").completionCode());
        assertEquals(java.util.Optional.of("http://h/a.efi"), BootMailbox.decodeUri(bmc.bootOptions.mailbox()));
        // 16 data bytes + selector + param = 18 bytes: the longest Set
        ok(chassis(0x08, "07 02 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41"));
        assertEquals(
                CompletionCode.INVALID_LENGTH,
                chassis(0x08, "07 02 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41")
                        .completionCode());
    }

    @Test
    void mailboxUriCodec() {
        byte[] m = BootMailbox.encodeUri("https://[fd00::1]/boot.efi");
        assertEquals(BootMailbox.SIZE, m.length);
        assertEquals(129, BootMailbox.BLOCKS);
        assertEquals(java.util.Optional.of("https://[fd00::1]/boot.efi"), BootMailbox.decodeUri(m));
        assertEquals(java.util.Optional.empty(), BootMailbox.decodeUri(BootMailbox.encodeUri("")));
        // not terminated within what was read: not (yet) a URI
        assertEquals(java.util.Optional.empty(), BootMailbox.decodeUri(java.util.Arrays.copyOf(m, 16)));
        assertEquals(false, BootMailbox.terminated(java.util.Arrays.copyOf(m, 16)));
        assertEquals(true, BootMailbox.terminated(java.util.Arrays.copyOf(m, 32)));
        String longest = "http://h/" + "a".repeat(BootMailbox.MAX_URI - 9);
        assertEquals(java.util.Optional.of(longest), BootMailbox.decodeUri(BootMailbox.encodeUri(longest)));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> BootMailbox.encodeUri(longest + "a"));
    }
}
