package dev.bmcagent.hostif;

import java.io.ByteArrayOutputStream;

/**
 * Pure encoder of VM frames, byte for byte as QEMU {@code addchar()}/{@code ipmi_extern_handle_command()}
 * and OpenIPMI {@code vm_add_char()}/{@code vm_send()} produce them: A0h, A1h and AAh inside a frame are
 * sent as {@code AA, byte | 10h}; the checksum is the two's complement of the 8-bit sum of msg id,
 * netFn/LUN, cmd and every payload byte (so that the sum of all bytes including it is 0), and is itself
 * escaped if needed; the terminator is never escaped.
 */
public final class VmFrameEncoder {
    private VmFrameEncoder() {}

    public static byte[] encode(VmFrame frame) {
        if (frame instanceof VmMessage m) {
            return encodeMessage(m);
        }
        return encodeControl((VmControl) frame);
    }

    public static byte[] encodeMessage(VmMessage m) {
        byte[] payload = m.payload();
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 * (payload.length + 4) + 1);
        int sum = 0;
        int[] header = {m.msgId(), m.netFnLun(), m.cmd()};
        for (int b : header) {
            addChar(out, b);
            sum += b;
        }
        for (byte b : payload) {
            addChar(out, b & 0xFF);
            sum += b & 0xFF;
        }
        addChar(out, checksum(sum));
        out.write(VmCodes.MSG_CHAR);
        return out.toByteArray();
    }

    public static byte[] encodeControl(VmControl c) {
        byte[] args = c.args();
        ByteArrayOutputStream out = new ByteArrayOutputStream(2 * (args.length + 1) + 1);
        addChar(out, c.op());
        for (byte b : args) {
            addChar(out, b & 0xFF);
        }
        out.write(VmCodes.CMD_CHAR);
        return out.toByteArray();
    }

    /** The byte that makes the 8-bit sum zero: {@code -sum & FFh} (QEMU/OpenIPMI {@code -ipmb_checksum}). */
    public static int checksum(int sum) {
        return -sum & 0xFF;
    }

    private static void addChar(ByteArrayOutputStream out, int b) {
        if (b == VmCodes.MSG_CHAR || b == VmCodes.CMD_CHAR || b == VmCodes.ESCAPE_CHAR) {
            out.write(VmCodes.ESCAPE_CHAR);
            out.write(b | VmCodes.ESCAPE_BIT);
        } else {
            out.write(b);
        }
    }
}
