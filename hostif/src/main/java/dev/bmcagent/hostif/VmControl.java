package dev.bmcagent.hostif;

import dev.bmcagent.core.host.VmCapabilities;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A control operation on the VM wire: {@code [op] [args...] A1}. See {@link VmCodes} for the ops.
 *
 * @param op   operation code
 * @param args argument bytes (version and capabilities carry one; the others none)
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record VmControl(int op, byte[] args) implements VmFrame {
    public VmControl {
        if (op < 0 || op > 0xFF) {
            throw new IllegalArgumentException("op out of range: " + op);
        }
        args = args == null ? new byte[0] : args.clone();
    }

    public static VmControl of(int op) {
        return new VmControl(op, new byte[0]);
    }

    public static VmControl version() {
        return new VmControl(VmCodes.OP_VERSION, new byte[] {(byte) VmCodes.PROTOCOL_VERSION});
    }

    public static VmControl capabilities(VmCapabilities caps) {
        return new VmControl(VmCodes.OP_CAPABILITIES, new byte[] {(byte) caps.bits()});
    }

    @Override
    public byte[] args() {
        return args.clone();
    }

    /** First argument byte, or -1 when there is none. */
    public int arg0() {
        return args.length == 0 ? -1 : args[0] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VmControl c && c.op == op && Arrays.equals(c.args, args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(op, Arrays.hashCode(args));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "VmControl[op=%02Xh args=%s]", op, HexFormat.of().formatHex(args));
    }
}
