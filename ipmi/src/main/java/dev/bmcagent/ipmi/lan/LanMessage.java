package dev.bmcagent.ipmi.lan;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An IPMI LAN request message (IPMI 2.0 §13.8, table 13-10 "IPMI LAN Request Message Format"):
 * rsAddr, netFn/rsLUN, checksum 1, rqAddr, rqSeq/rqLUN, cmd, data, checksum 2. Checksums are two's
 * complement sums (§13.8: the bytes plus the checksum add to zero).
 *
 * @param rsAddr responder slave address (20h = BMC)
 * @param netFn  request network function
 * @param rsLun  responder LUN
 * @param rqAddr requester address (81h = remote console software ID)
 * @param rqSeq  requester sequence (6 bits)
 * @param rqLun  requester LUN
 * @param cmd    command code
 * @param data   request data
 */
@SuppressWarnings("ArrayRecordComponent") // holds bytes only; never compared or hashed
public record LanMessage(int rsAddr, int netFn, int rsLun, int rqAddr, int rqSeq, int rqLun, int cmd, byte[] data) {
    public static final int BMC_ADDRESS = 0x20;
    public static final int MIN_LENGTH = 7;

    public LanMessage {
        Objects.requireNonNull(data, "data");
        if (netFn < 0
                || netFn > 0x3F
                || rsLun < 0
                || rsLun > 3
                || rqLun < 0
                || rqLun > 3
                || rqSeq < 0
                || rqSeq > 0x3F
                || rsAddr < 0
                || rsAddr > 0xFF
                || rqAddr < 0
                || rqAddr > 0xFF
                || cmd < 0
                || cmd > 0xFF) {
            throw new IllegalArgumentException("LAN message field out of range");
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Decodes a request, checking both checksums. */
    public static Decoded<LanMessage> decodeRequest(byte[] message) {
        if (message.length < MIN_LENGTH) {
            return Decoded.malformed("IPMI message shorter than 7 bytes");
        }
        if (checksum(message, 0, 2) != (message[2] & 0xFF)) {
            return Decoded.malformed("checksum 1");
        }
        int last = message.length - 1;
        if (checksum(message, 3, last - 3) != (message[last] & 0xFF)) {
            return Decoded.malformed("checksum 2");
        }
        int netFnLun = message[1] & 0xFF;
        int seqLun = message[4] & 0xFF;
        byte[] data = Arrays.copyOfRange(message, 6, last);
        return Decoded.ok(new LanMessage(
                message[0] & 0xFF,
                netFnLun >>> 2,
                netFnLun & 3,
                message[3] & 0xFF,
                seqLun >>> 2,
                seqLun & 3,
                message[5] & 0xFF,
                data));
    }

    /** Encodes this message as a request (used by tests and clients). */
    public byte[] encodeRequest() {
        return frame(rsAddr, netFn << 2 | rsLun, rqAddr, rqSeq << 2 | rqLun, cmd, -1, data);
    }

    /**
     * Encodes the response to this request (§13.8, table 13-11): rqAddr, netFn+1/rqLUN, checksum 1, rsAddr,
     * rqSeq/rsLUN, cmd, completion code, data, checksum 2.
     */
    public byte[] encodeResponse(int completionCode, byte[] responseData) {
        return frame(rqAddr, (netFn | 1) << 2 | rqLun, rsAddr, rqSeq << 2 | rsLun, cmd, completionCode, responseData);
    }

    private static byte[] frame(int a1, int b1, int a2, int b2, int cmd, int cc, byte[] body) {
        int n = 7 + (cc >= 0 ? 1 : 0) + body.length;
        byte[] out = new byte[n];
        out[0] = (byte) a1;
        out[1] = (byte) b1;
        out[2] = (byte) checksum(out, 0, 2);
        out[3] = (byte) a2;
        out[4] = (byte) b2;
        out[5] = (byte) cmd;
        int i = 6;
        if (cc >= 0) {
            out[i++] = (byte) cc;
        }
        System.arraycopy(body, 0, out, i, body.length);
        out[n - 1] = (byte) checksum(out, 3, n - 4);
        return out;
    }

    /** Two's complement checksum of {@code length} bytes from {@code offset}. */
    public static int checksum(byte[] b, int offset, int length) {
        int sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += b[i];
        }
        return -sum & 0xFF;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "LanMessage[netFn=%02Xh cmd=%02Xh seq=%d len=%d]", netFn, cmd, rqSeq, data.length);
    }
}
