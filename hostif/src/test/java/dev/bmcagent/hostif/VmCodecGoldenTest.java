package dev.bmcagent.hostif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmcagent.core.host.VmCapabilities;
import dev.bmcagent.ipmi.message.IpmiResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden bytes of the VM protocol, derived from QEMU hw/ipmi/ipmi_extern.c (chr_event, addchar,
 * ipmi_extern_handle_command, handle_msg) / hw/ipmi/ipmi_bmc_extern.c (handle_hw_op) and OpenIPMI
 * lanserv/serial_ipmi.c ("VM Mode codec": vm_connected, vm_add_char, vm_send, vm_handle_char, vm_hw_op).
 */
class VmCodecGoldenTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static List<VmFrame> decodeAll(byte[] wire) {
        List<VmFrame> frames = new ArrayList<>();
        new VmFrameDecoder().decode(wire, 0, wire.length, new VmFrameDecoder.Sink() {
            @Override
            public void frame(VmFrame frame) {
                frames.add(frame);
            }

            @Override
            public void error(VmDecodeError error) {
                throw new AssertionError("unexpected decode error " + error);
            }
        });
        return frames;
    }

    @Test
    void qemuHandshakeIsVersionThenCapabilities() {
        // QEMU chr_event(CHR_EVENT_OPENED), Debian QEMU 7.2 with isa-ipmi-kcs:
        byte[] wire = hex(""
                + "FF" // VM_CMD_VERSION
                + "01" // VM_PROTOCOL_VERSION
                + "A1" // VM_CMD_CHAR: end of control op
                + "08" // VM_CMD_CAPABILITIES
                + "3F" // POWER 01 | RESET 02 | IRQ 04 | NMI 08 | ATTN 10 | GRACEFUL_SHUTDOWN 20
                + "A1"); // VM_CMD_CHAR
        assertEquals(List.of(VmControl.version(), VmControl.capabilities(VmCapabilities.QEMU)), decodeAll(wire));

        byte[] encoded = concat(
                VmFrameEncoder.encode(VmControl.version()),
                VmFrameEncoder.encode(VmControl.capabilities(new VmCapabilities(0x3F))));
        assertArrayEquals(wire, encoded);
    }

    @Test
    void bmcGreetingIsVersionOnly() {
        // OpenIPMI vm_connected(): vm_add_char(VM_CMD_VERSION), vm_add_char(VM_PROTOCOL_VERSION), VM_CMD_CHAR
        assertArrayEquals(hex("FF 01 A1"), VmFrameEncoder.encode(VmControl.version()));
    }

    @Test
    void getDeviceIdRequestWithEscapedMessageId() {
        // QEMU ipmi_extern_handle_command(): addchar(msg_id), addchar(cmd[i]) ..., addchar(-checksum), VM_MSG_CHAR
        byte[] wire = hex(""
                + "AA BA" // msg id AAh = VM_ESCAPE_CHAR, sent escaped as AA, AA|10h
                + "18" // netFn App 06h << 2 | LUN 0
                + "01" // cmd Get Device ID (IPMI 2.0 §20.1)
                + "3D" // checksum: -(AA + 18 + 01) & FF = -C3h = 3Dh
                + "A0"); // VM_MSG_CHAR
        VmMessage request = new VmMessage(0xAA, 0x06, 0, 0x01, new byte[0]);
        assertArrayEquals(wire, VmFrameEncoder.encode(request));
        assertEquals(List.of(request), decodeAll(wire));
    }

    @Test
    void getDeviceIdResponseEscapesA0A1AAInDataAndEchoesMsgId() {
        byte[] data = hex("20 81 02 10 02 BF A1 AA 00 A0 12");
        VmMessage request = new VmMessage(0xAA, 0x06, 0, 0x01, new byte[0]);
        VmMessage response = VmMessage.response(request, IpmiResponse.ok(data));
        // OpenIPMI vm_send(): rq_seq, netfn<<2|lun, cmd, data (cc first), -checksum, VM_MSG_CHAR
        byte[] wire = hex(""
                + "AA BA" // msg id AAh echoed (escaped)
                + "1C" // netFn App response 07h << 2 | LUN 0 (request byte | 04h)
                + "01" // cmd Get Device ID
                + "00" // completion code: OK
                + "20" // device ID 20h
                + "81" // device revision: provides SDRs, rev 1
                + "02" // firmware revision 1
                + "10" // firmware revision 2 (BCD)
                + "02" // IPMI version 2.0
                + "BF" // additional device support
                + "AA B1" // manufacturer ID byte 1 = A1h (VM_CMD_CHAR, escaped)
                + "AA BA" // manufacturer ID byte 2 = AAh (VM_ESCAPE_CHAR, escaped)
                + "00" // manufacturer ID byte 3
                + "AA B0" // product ID LS = A0h (VM_MSG_CHAR, escaped)
                + "12" // product ID MS
                + "C8" // checksum: -(sum of msg id .. last data byte) & FF
                + "A0"); // VM_MSG_CHAR
        assertArrayEquals(wire, VmFrameEncoder.encode(response));
        assertEquals(List.of(response), decodeAll(wire));
        assertArrayEquals(data, ((VmMessage) decodeAll(wire).get(0)).responseData());
    }

    @Test
    void checksumItselfIsEscaped() {
        byte[] wire = hex(""
                + "00" // msg id
                + "18" // App request, LUN 0
                + "01" // cmd
                + "46" // one data byte
                + "AA B1" // checksum -(00+18+01+46) = A1h, escaped like any other byte (vm_add_char)
                + "A0");
        VmMessage m = new VmMessage(0x00, 0x06, 0, 0x01, new byte[] {0x46});
        assertArrayEquals(wire, VmFrameEncoder.encode(m));
        assertEquals(List.of(m), decodeAll(wire));
    }

    @Test
    void lunTravelsInTheLowTwoBits() {
        VmMessage m = new VmMessage(0x05, 0x0A, 2, 0x40, new byte[0]);
        // 0A << 2 | 2 = 2Ah; checksum -(05 + 2A + 40) = -6F = 91h
        assertArrayEquals(hex("05 2A 40 91 A0"), VmFrameEncoder.encode(m));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // name,                       op, wire        (QEMU handle_hw_op / OpenIPMI vm_hw_op, vm_set_attn)
        "VM_CMD_NOATTN,                00, 00 A1",
        "VM_CMD_ATTN,                  01, 01 A1",
        "VM_CMD_ATTN_IRQ,              02, 02 A1",
        "VM_CMD_POWEROFF,              03, 03 A1",
        "VM_CMD_RESET,                 04, 04 A1",
        "VM_CMD_ENABLE_IRQ,            05, 05 A1",
        "VM_CMD_DISABLE_IRQ,           06, 06 A1",
        "VM_CMD_SEND_NMI,              07, 07 A1",
        "VM_CMD_GRACEFUL_SHUTDOWN,     09, 09 A1",
        "extension POWER_ON,           50, 50 A1",
    })
    void controlOperations(String name, String op, String wire) {
        VmControl control = VmControl.of(Integer.parseInt(op, 16));
        assertArrayEquals(hex(wire), VmFrameEncoder.encode(control), name);
        assertEquals(List.of(control), decodeAll(hex(wire)), name);
    }

    @Test
    void opCodesMatchTheSources() {
        assertEquals(0xA0, VmCodes.MSG_CHAR);
        assertEquals(0xA1, VmCodes.CMD_CHAR);
        assertEquals(0xAA, VmCodes.ESCAPE_CHAR);
        assertEquals(0xFF, VmCodes.OP_VERSION);
        assertEquals(0x08, VmCodes.OP_CAPABILITIES);
        assertEquals(0x09, VmCodes.OP_GRACEFUL_SHUTDOWN);
        assertEquals(
                0x3F,
                VmCapabilities.POWER
                        | VmCapabilities.RESET
                        | VmCapabilities.IRQ
                        | VmCapabilities.NMI
                        | VmCapabilities.ATTN
                        | VmCapabilities.GRACEFUL_SHUTDOWN);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
