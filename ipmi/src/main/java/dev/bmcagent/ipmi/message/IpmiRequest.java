package dev.bmcagent.ipmi.message;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One IPMI request as the dispatcher sees it, whatever transport carried it.
 *
 * @param context who asks, on which channel, with which privilege
 * @param netFn   request network function (even)
 * @param lun     responder LUN (0-3)
 * @param cmd     command code
 * @param data    request data bytes (defensively copied)
 */
@SuppressWarnings("ArrayRecordComponent") // equals, hashCode and toString below use the array contents
public record IpmiRequest(RequestContext context, int netFn, int lun, int cmd, byte[] data) {
    public IpmiRequest {
        Objects.requireNonNull(context, "context");
        if (netFn < 0 || netFn > 0x3F) {
            throw new IllegalArgumentException("netFn out of range: " + netFn);
        }
        if (lun < 0 || lun > 3) {
            throw new IllegalArgumentException("lun out of range: " + lun);
        }
        if (cmd < 0 || cmd > 0xFF) {
            throw new IllegalArgumentException("cmd out of range: " + cmd);
        }
        data = data == null ? new byte[0] : data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /** Unsigned byte at {@code index} of the request data. */
    public int u8(int index) {
        return data[index] & 0xFF;
    }

    /** Little-endian unsigned 16-bit value at {@code index}. */
    public int u16(int index) {
        return (data[index] & 0xFF) | (data[index + 1] & 0xFF) << 8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpmiRequest r
                && r.context.equals(context)
                && r.netFn == netFn
                && r.lun == lun
                && r.cmd == cmd
                && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(context, netFn, lun, cmd, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "IpmiRequest[netFn=%02Xh cmd=%02Xh len=%d %s]", netFn, cmd, data.length, context);
    }
}
