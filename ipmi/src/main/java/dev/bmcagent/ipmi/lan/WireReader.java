package dev.bmcagent.ipmi.lan;

import java.util.Arrays;

/**
 * Bounds-checked little-endian reader over untrusted bytes. Running off the end throws {@link Truncated}, which
 * the public decoders catch and turn into {@link Decoded.Malformed}; it never escapes a codec.
 */
public final class WireReader {
    private final byte[] bytes;
    private final int end;
    private int pos;

    public WireReader(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("bad range");
        }
        this.bytes = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    public static WireReader of(byte[] bytes) {
        return new WireReader(bytes, 0, bytes.length);
    }

    public int position() {
        return pos;
    }

    /** Moves to absolute index {@code index} (must lie within the range). */
    public WireReader skipTo(int index) {
        if (index < pos || index > end) {
            throw new Truncated("index " + index);
        }
        pos = index;
        return this;
    }

    public int remaining() {
        return end - pos;
    }

    public int u8(String field) {
        need(1, field);
        return bytes[pos++] & 0xFF;
    }

    public int u16le(String field) {
        need(2, field);
        int v = (bytes[pos] & 0xFF) | (bytes[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    public int u32le(String field) {
        need(4, field);
        int v = (bytes[pos] & 0xFF)
                | (bytes[pos + 1] & 0xFF) << 8
                | (bytes[pos + 2] & 0xFF) << 16
                | (bytes[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    public byte[] bytes(int n, String field) {
        need(n, field);
        byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
        pos += n;
        return out;
    }

    public byte[] rest() {
        byte[] out = Arrays.copyOfRange(bytes, pos, end);
        pos = end;
        return out;
    }

    public void skip(int n, String field) {
        need(n, field);
        pos += n;
    }

    private void need(int n, String field) {
        if (n < 0 || end - pos < n) {
            throw new Truncated(field);
        }
    }

    /** Input ended before {@code field}. */
    public static final class Truncated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Truncated(String field) {
            super("truncated at " + field, null, false, false);
        }
    }
}
