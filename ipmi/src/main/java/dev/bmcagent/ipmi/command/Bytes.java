package dev.bmcagent.ipmi.command;

import dev.bmcagent.ipmi.message.CompletionCode;
import dev.bmcagent.ipmi.message.IpmiException;

/** Small helpers shared by the command families. */
public final class Bytes {
    private Bytes() {}

    public static void le16(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
    }

    public static void le32(byte[] out, int at, long value) {
        for (int i = 0; i < 4; i++) {
            out[at + i] = (byte) (value >>> (8 * i));
        }
    }

    public static IpmiException error(CompletionCode code, String why) {
        return new IpmiException(code, why);
    }
}
