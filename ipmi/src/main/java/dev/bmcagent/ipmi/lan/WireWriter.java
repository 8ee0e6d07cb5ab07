package dev.bmcagent.ipmi.lan;

import java.util.Arrays;

/**
 * Little-endian byte builder for encoders. One per encoded message on the packet path: a plain array that starts at
 * 128 bytes (an RMCP+ reply with AES and integrity is ~90) instead of a {@code ByteArrayOutputStream}, whose methods
 * are synchronized and which grew from 64 bytes for most replies (docs/BENCHMARKS.md, IPMI allocation).
 */
public final class WireWriter {
    private byte[] buf = new byte[128];
    private int size;

    public WireWriter u8(int v) {
        room(1);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter u16le(int v) {
        room(2);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        return this;
    }

    public WireWriter u32le(int v) {
        room(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
        return this;
    }

    public WireWriter bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    public WireWriter zeros(int n) {
        room(n);
        Arrays.fill(buf, size, size + n, (byte) 0);
        size += n;
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void room(int more) {
        if (more < 0) {
            throw new IllegalArgumentException("negative length " + more);
        }
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
