package dev.bmcagent.ipmi.lan;

import java.io.ByteArrayOutputStream;

/** Little-endian byte builder for encoders. */
public final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

    public WireWriter u8(int v) {
        out.write(v & 0xFF);
        return this;
    }

    public WireWriter u16le(int v) {
        out.write(v & 0xFF);
        out.write(v >>> 8 & 0xFF);
        return this;
    }

    public WireWriter u32le(int v) {
        out.write(v & 0xFF);
        out.write(v >>> 8 & 0xFF);
        out.write(v >>> 16 & 0xFF);
        out.write(v >>> 24 & 0xFF);
        return this;
    }

    public WireWriter bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    public WireWriter zeros(int n) {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
